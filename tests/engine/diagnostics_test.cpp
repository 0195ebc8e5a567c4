// SPDX-License-Identifier: MIT
// Numbers inside diagnostic texts follow the message language: decimal comma and thousands dot in
// German, the other way round in English (reports print the same diagnostics in both).
#include "engine/diagnostics.h"
#include "engine/utf8.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace lotse::engine;

TEST_CASE("number arguments print with the separators of the message language", "[engine][diagnostics]") {
  CHECK(number_arg_text(number_arg(41.6, 1), Lang::de) == "41,6");
  CHECK(number_arg_text(number_arg(41.6, 1), Lang::en) == "41.6");
  CHECK(number_arg_text(number_arg(1234567.891, 2), Lang::de) == "1.234.567,89");
  CHECK(number_arg_text(number_arg(1234567.891, 2), Lang::en) == "1,234,567.89");
  CHECK(number_arg_text(number_arg(-9000, 0), Lang::de) == "-9.000");
  CHECK(number_arg_text(number_arg(40.7, 2), Lang::de) == "40,70");
  CHECK(number_arg_text(number_arg_g(0.3333333, 4), Lang::de) == "0,3333");
  CHECK(number_arg_text(number_arg_g(2.5e9, 3), Lang::de) == "2,5e+09");
  // Values echoed from a file: exact, not grouped.
  CHECK(number_arg_text(number_arg_g(1800, 0), Lang::en) == "1800");
  CHECK(number_arg_text(number_arg_g(0.1, 0), Lang::de) == "0,1");
  CHECK(number_arg_text(number_arg_g(std::numeric_limits<double>::quiet_NaN(), 0), Lang::de) == "nan");
  CHECK(number_arg_text(number_arg_g(-std::numeric_limits<double>::infinity(), 6), Lang::de) == "-inf");
  // Plain text arguments pass unchanged, also when they look like numbers (ids, names).
  CHECK(number_arg_text("3.1", Lang::de) == "3.1");
  CHECK(number_arg_text("", Lang::de).empty());
}

TEST_CASE("a diagnostic with a number argument reads naturally in both languages", "[engine][diagnostics]") {
  Diagnostics d;
  d.add(DiagId::ana_default_rate, "hundesteuer.bpmn", {12, 7}, "Task_1", {"Steueramt", number_arg(40.7, 2), "StBA 2025"});
  REQUIRE(d.size() == 1);
  CHECK(format_diagnostic(d.items()[0], Lang::de) ==
        "hundesteuer.bpmn:12:7: Hinweis [ANA-022]: Stelle 'Steueramt' hat keinen Kostensatz; Standardwert 40,70 €/h (StBA 2025)");
  CHECK(format_diagnostic(d.items()[0], Lang::en) ==
        "hundesteuer.bpmn:12:7: note [ANA-022]: position 'Steueramt' has no cost rate; default 40.70 EUR/h (StBA 2025)");
}

TEST_CASE("diagnostic texts are valid UTF-8 even when they quote raw bytes", "[engine][diagnostics][utf8]") {
  // What the fuzzer found: a town file with a stray 0x98 byte; the JSON library's parse error
  // quotes the bytes it read, and the report's JSON writer refused the diagnostic (exit 70).
  CHECK(to_valid_utf8("juliasc\x98\x9e/x") == "juliasc\xEF\xBF\xBD\xEF\xBF\xBD/x");
  CHECK(to_valid_utf8("Geb\xFChr.bpmn") == "Geb\xEF\xBF\xBDhr.bpmn");
  CHECK(to_valid_utf8("Gebühr ✓ 𝄞") == "Gebühr ✓ 𝄞");                  // valid text unchanged
  CHECK(to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");        // overlong '/'
  CHECK(to_valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // lone surrogate
  CHECK(to_valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");        // cut-off sequence at the end
  CHECK_FALSE(is_valid_utf8("a\xFF"));
  CHECK(is_valid_utf8(""));

  Diagnostics diags;
  DiagId id{};
  REQUIRE(find_by_code("ANA-024", id));
  const auto& d = diags.add(id, "Geb\xFChr.json", {}, "x\x80", {"Geb\xFChr.json", "last read: 'sc\x98'"});
  CHECK(is_valid_utf8(d.file));
  CHECK(is_valid_utf8(d.element_id));
  CHECK(is_valid_utf8(d.message(Lang::de)));
  CHECK(d.message(Lang::de).find("last read: 'sc\xEF\xBF\xBD'") != std::string::npos);
}
