// SPDX-License-Identifier: MIT
// Markdown escaping: backslash escapes instead of HTML entities (the .md is read in plain editors
// too), no raw HTML, link, emphasis or table break from a model name, and start-of-line syntax
// (headings, list items) escaped only where the text starts a line.
#include "analysis/registry.h"
#include "engine/model_builder.h"
#include "tests/support/model_fixtures.h"
#include "reports/analysis_report.h"
#include "reports/escape.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace lotse;
using reports::escape_markdown;
using reports::escape_markdown_inline;

TEST_CASE("Markdown escaping uses backslashes, not HTML entities", "[report][unit][escape]") {
  CHECK(escape_markdown_inline("Antrag <script> & Gebühr | *eilig* _neu_") ==
        "Antrag \\<script\\> & Gebühr \\| \\*eilig\\* \\_neu\\_");
  CHECK(escape_markdown_inline("Anmeldung entgegennehmen & Eingang stempeln") ==
        "Anmeldung entgegennehmen & Eingang stempeln");
  CHECK(escape_markdown_inline("[Link](https://example.org) `code` ~~weg~~ <https://x.de>") ==
        "\\[Link\\](https://example.org) \\`code\\` \\~\\~weg\\~\\~ \\<https://x.de\\>");
  // Underscores inside a word are not emphasis in CommonMark/GFM; at a word edge they are escaped.
  CHECK(escape_markdown_inline("Task_1 snake_case _x_ a_") == "Task_1 snake_case \\_x\\_ a\\_");
  // & only where a renderer would decode an entity.
  CHECK(escape_markdown_inline("A & B &amp; &#60; &#x3C; &Auml; &x &1; & ;") ==
        "A & B \\&amp; \\&#60; \\&#x3C; \\&Auml; &x &1; & ;");
  // A backslash is doubled before punctuation and at the end (it would escape the report's own **, |).
  CHECK(escape_markdown_inline("C:\\Akten\\neu") == "C:\\Akten\\neu");
  CHECK(escape_markdown_inline("Pfad\\") == "Pfad\\\\");
  CHECK(escape_markdown_inline("a\\*b\\&amp;") == "a\\\\\\*b\\\\\\&amp;");
  // # only where it could open or close a heading.
  CHECK(escape_markdown_inline("#1 Nr. #3 C# Ende #") == "\\#1 Nr. \\#3 C# Ende \\#");
  // Line breaks and tabs become one space, other control characters go.
  CHECK(escape_markdown_inline("a\r\nb\nc\td\x01" "e") == "a b c de");
}

TEST_CASE("Markdown escaping at the start of a line stops headings and list items", "[report][unit][escape]") {
  CHECK(escape_markdown("1. Antrag prüfen") == "1\\. Antrag prüfen");
  CHECK(escape_markdown_inline("1. Antrag prüfen") == "1. Antrag prüfen");  // inside a table cell: harmless
  CHECK(escape_markdown("12) Bescheid") == "12\\) Bescheid");
  CHECK(escape_markdown("1.5 Stunden") == "1.5 Stunden");
  CHECK(escape_markdown("- Punkt") == "\\- Punkt");
  CHECK(escape_markdown("-5 %") == "-5 %");
  CHECK(escape_markdown("+ Zusatz") == "\\+ Zusatz");
  CHECK(escape_markdown("---") == "\\---");
  CHECK(escape_markdown("===") == "\\===");
  CHECK(escape_markdown("# Titel") == "\\# Titel");
  CHECK(escape_markdown("> Zitat") == "\\> Zitat");
  CHECK(escape_markdown("[x] erledigt") == "\\[x\\] erledigt");
  CHECK(escape_markdown("```") == "\\`\\`\\`");
}

TEST_CASE("a model name with <script>, &, |, * and _ appears in the Markdown report exactly escaped",
          "[report][unit][escape]") {
  const std::string name = "Antrag <script>alert(1)</script> & Gebühr | *eilig* _neu_";
  engine::Diagnostics diags;
  const engine::ProcessModel m = test::named_chain(name, name, name, "Ende", diags);
  REQUIRE(diags.empty());
  engine::AnalysisContext ctx(m);
  analysis::run_passes(ctx, {"structure", "visits", "workload", "media-breaks", "suggestions"});
  const reports::Report r = reports::build_report(ctx, diags, {"amt.bpmn", false});
  const std::string md = reports::render(r, reports::Format::markdown, engine::Lang::de);

  const std::string escaped = "Antrag \\<script\\>alert(1)\\</script\\> & Gebühr \\| \\*eilig\\* \\_neu\\_";
  std::istringstream lines(md);
  std::string first;
  std::getline(lines, first);
  CHECK(first == "# Prozessanalyse: " + escaped);
  CHECK(md.find("\n### " + escaped + "\n") != std::string::npos);
  // The task's row in the per-Baustein table starts with the escaped name as one cell.
  CHECK(md.find("\n| " + escaped + " | ") != std::string::npos);

  // No raw HTML, no entity: every < in the report is backslash-escaped, & stays &.
  for (std::size_t pos = md.find('<'); pos != std::string::npos; pos = md.find('<', pos + 1)) {
    INFO("at byte " << pos << ": " << md.substr(pos > 20 ? pos - 20 : 0, 40));
    REQUIRE(pos > 0);
    CHECK(md[pos - 1] == '\\');
  }
  CHECK(md.find("&amp;") == std::string::npos);
  CHECK(md.find("&lt;") == std::string::npos);
}
