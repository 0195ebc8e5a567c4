// SPDX-License-Identifier: MIT
// Characters XML forbids and Unicode noncharacters are replaced with U+FFFD at import (#16.5), raw
// or as character references, in BPMN (fast and general path) and CSV tables, with IN-009 at the
// first one; and the debug check every writer runs refuses them in its output.
#include "engine/utf8.h"
#include "importers/importer.h"
#include "importers/xml.h"
#include "reports/output_check.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace lotse;

namespace {

const engine::Diagnostic* find_code(const engine::Diagnostics& d, std::string_view code) {
  for (const auto& x : d.items())
    if (x.code() == code) return &x;
  return nullptr;
}

std::string bpmn_with_name(const std::string& name, const std::string& encoding = "UTF-8") {
  return "<?xml version=\"1.0\" encoding=\"" + encoding +
         "\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">\n"
         "  <process id=\"p\">\n    <task id=\"t\" name=\"" + name + "\"/>\n  </process>\n</definitions>\n";
}

std::string task_name(const importers::ImportResult& r) {
  REQUIRE(r.model);
  for (const auto& n : r.model->nodes())
    if (n.id == "t") return n.name;
  FAIL("task t not found");
  return {};
}

} // namespace

TEST_CASE("is_forbidden_char follows XML 1.0 Char and Unicode's 66 noncharacters", "[unicode][bounds]") {
  int forbidden = 0;
  for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) forbidden += engine::is_forbidden_char(cp) ? 1 : 0;
  // 29 C0 controls + 2,048 surrogates + 32 (U+FDD0..FDEF) + 34 (U+nFFFE/nFFFF of 17 planes)
  CHECK(forbidden == 29 + 2048 + 32 + 34);
  CHECK_FALSE(engine::is_forbidden_char('\t'));
  CHECK_FALSE(engine::is_forbidden_char(0xFFFD));
  CHECK_FALSE(engine::is_forbidden_char(0x202E));  // bidi override: allowed, escaped only for terminals
  CHECK(engine::is_forbidden_char(0x10FFFF));
  CHECK(engine::is_forbidden_char(0x110000));
}

TEST_CASE("replace_forbidden_chars replaces each character once and keeps the rest", "[unicode][bounds]") {
  std::string s = "a\x01" "b\xEF\xBF\xBE" "c\xF4\x8F\xBF\xBF" "d\xEF\xB7\x90" "\xC3\xBC\n\t";
  CHECK(engine::find_forbidden_char(s) == 1);
  CHECK(engine::replace_forbidden_chars(s) == 4);
  CHECK(s == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "\xC3\xBC\n\t");
  CHECK(engine::replace_forbidden_chars(s) == 0);
}

TEST_CASE("find_forbidden_xml sees character references, not ordinary ones", "[unicode][bounds]") {
  CHECK(importers::find_forbidden_xml("A&#10;B&#x41;&amp;&#228;") == std::string_view::npos);
  CHECK(importers::find_forbidden_xml("A&#10;B&#1;") == 7);
  CHECK(importers::find_forbidden_xml("x&#xfffe;") == 1);
  CHECK(importers::find_forbidden_xml("x&#99999999999;") == 1);  // beyond U+10FFFF
  CHECK(importers::find_forbidden_xml("x&#xD800;") == 1);
  CHECK(importers::find_forbidden_xml("x&#65") == std::string_view::npos);  // no ';': not a reference
}

TEST_CASE("BPMN names lose forbidden characters with IN-009 at the first one", "[unicode][bounds][importers]") {
  SECTION("UTF-8 (fast path): raw U+FFFE, &#xFFFF; and &#1;") {
    const auto r = importers::import_source(
        engine::SourceFile("x.bpmn", bpmn_with_name("Brief\xEF\xBF\xBE versenden &#xFFFF;&#1;")));
    CHECK(task_name(r) == "Brief\xEF\xBF\xBD versenden \xEF\xBF\xBD\xEF\xBF\xBD");
    const auto* d = find_code(r.diagnostics, "IN-009");
    REQUIRE(d != nullptr);
    CHECK(d->at.line == 4);
    CHECK(d->args.at(0) == "3");
  }
  SECTION("windows-1252 (general path): a raw control character") {
    const auto r = importers::import_source(
        engine::SourceFile("x.bpmn", bpmn_with_name("Geb\xFChr\x02", "windows-1252")));
    CHECK(task_name(r) == "Geb\xC3\xBChr\xEF\xBF\xBD");
    CHECK(find_code(r.diagnostics, "IN-009") != nullptr);
  }
  SECTION("clean names give no diagnostic") {
    const auto r = importers::import_source(engine::SourceFile("x.bpmn", bpmn_with_name("Antrag&#10;pr\xC3\xBC" "fen")));
    CHECK(task_name(r) == "Antrag\npr\xC3\xBC" "fen");
    CHECK(find_code(r.diagnostics, "IN-009") == nullptr);
  }
}

TEST_CASE("a CSV table loses forbidden characters with IN-009 on their line", "[unicode][bounds][importers]") {
  const std::string csv =
      "Prozess;Abmeldung\nFallzahl pro Jahr;250\n"
      "Teilprozess;Variante;Anteil der Variante in %;Baustein;Bezeichnung;Stelle;Bearbeitungszeit (min);"
      "Wahrscheinlichkeit in %\n"
      "Bearbeiten;Post;100;Formelle Pr\xC3\xBC" "fung;Pr\xC3\xBC" "fen\x01;Sachbearbeitung;5;100\n";
  const auto r = importers::import_source(engine::SourceFile("t.csv", csv));
  REQUIRE(r.model);
  bool found = false;
  for (const auto& n : r.model->nodes()) found = found || n.name == "Pr\xC3\xBC" "fen\xEF\xBF\xBD";
  CHECK(found);
  const auto* d = find_code(r.diagnostics, "IN-009");
  REQUIRE(d != nullptr);
  CHECK(d->at.line == 4);
}

TEST_CASE("the writers' output check refuses what XML or UTF-8 forbids", "[unicode][bounds][reports]") {
  using reports::OutputText;
  CHECK_NOTHROW(reports::check_output_text_always("<a>Gr\xC3\xBC\xC3\x9F" "e &#1;</a>\n", OutputText::markup, "t"));
  CHECK_THROWS_AS(reports::check_output_text_always("<a>\x01</a>", OutputText::markup, "t"), std::logic_error);
  CHECK_THROWS_AS(reports::check_output_text_always("<a>\xEF\xBF\xBF</a>", OutputText::markup, "t"), std::logic_error);
  CHECK_NOTHROW(reports::check_output_text_always("a\x01", OutputText::plain, "t"));
  CHECK_THROWS_AS(reports::check_output_text_always("Geb\xFChr", OutputText::plain, "t"), std::logic_error);
}
