// SPDX-License-Identifier: MIT
// The document path of `lotse analyze`: the generated picture of a PICTURE export carries Stelle
// lanes, Baustein types and Variante names with percentages; town, author and date reach the HTML
// header and footer only when asked; JSON for several files is one document.
#include "importers/importer.h"
#include "reports/analysis_report.h"
#include "reports/diagram_svg.h"
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace lotse;

TEST_CASE("the generated picture of a PICTURE export shows lanes, Baustein types and branch percentages", "[report][diagram]") {
  const auto imported = importers::import_file(test::sample("gewerbe-anmelden.picture.xml"));
  REQUIRE(imported.model);
  const auto d = reports::build_diagram(*imported.model, {});
  REQUIRE_FALSE(d.from_di);
  bool lane = false;
  for (const auto& s : d.shapes) lane = lane || (s.kind == reports::DiagramShape::Kind::lane && s.label == "Gewerbeangelegenheiten");
  CHECK(lane);
  const std::string svg = reports::render_svg(d, engine::Lang::de);
  CHECK(svg.find(">Antragstellung) (20 %)</text>") != std::string::npos);
  CHECK(svg.find(">Antragstellung) (80 %)</text>") != std::string::npos);
  CHECK(svg.find(">Drucken</text>") != std::string::npos);
  // Long words are split, not cut: every piece of "Einzahlungsbestätigung" is there.
  CHECK(svg.find(">Einzahlungsbestä-</text>") != std::string::npos);
  CHECK(svg.find(">tigung</text>") != std::string::npos);
  CHECK(reports::render_svg(d, engine::Lang::en).find("(80%)") != std::string::npos);
}

TEST_CASE("town, author and date appear in the HTML report only when given", "[report][cli]") {
  const std::string sample = test::sample("hundesteuer.bpmn");
  const auto plain = test::lotse_run({"analyze", sample, "--format", "html", "-o", "-"});
  REQUIRE(plain.code == 0);
  CHECK(plain.out.find("Kommune:") == std::string::npos);
  CHECK(plain.out.find("<footer") == std::string::npos);
  const auto with = test::lotse_run({"analyze", sample, "--format", "html", "-o", "-", "--town", "Musterstadt & Co",
                                     "--author", "A. <Beispiel>", "--date", "2026-12-05"});
  REQUIRE(with.code == 0);
  const std::string line = "Kommune: Musterstadt &amp; Co · Bearbeitung: A. &lt;Beispiel&gt; · Stand: 2026-12-05";
  CHECK(with.out.find("<p class=\"meta\">" + line + "</p>") != std::string::npos);
  CHECK(with.out.find("<footer class=\"meta\">" + line + "</footer>") != std::string::npos);
  CHECK(test::lotse_run({"analyze", sample, "--date", "5.12.2026", "-o", "-"}).code == 2);
}

TEST_CASE("several files give one JSON document, JSON Lines one object per line", "[report][cli]") {
  const std::vector<std::string> files{test::sample("hundesteuer.bpmn"), test::sample("gewerbe-anmelden.picture.xml")};
  const auto one = test::lotse_run({"analyze", files[0], files[1], "--format", "json", "-o", "-"});
  REQUIRE(one.code == 0);
  const auto j = nlohmann::json::parse(one.out);
  CHECK(j["schema_version"] == reports::analyze_schema_version);
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][1]["file"] == "gewerbe-anmelden.picture.xml");
  const auto lines = test::lotse_run({"analyze", files[0], files[1], "--format", "jsonl", "-o", "-"});
  const auto nl = lines.out.find('\n');
  REQUIRE(nl != std::string::npos);
  CHECK(nlohmann::json::parse(lines.out.substr(0, nl))["file"] == "hundesteuer.bpmn");
  CHECK(nlohmann::json::parse(lines.out.substr(nl + 1))["file"] == "gewerbe-anmelden.picture.xml");
}
