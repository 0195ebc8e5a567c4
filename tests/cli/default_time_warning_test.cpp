// SPDX-License-Identifier: MIT
// Issue #9.7: an empty time cell falls back to the StBA "mittel" value; the summary says so visibly,
// names the steps that rest on defaults and their share. Real sample table with one cell emptied.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

TEST_CASE("an empty time cell is a visible warning in the summary that names the default-based step",
          "[analyze][cli][table]") {
  std::ifstream in(lotse::test::sample("bausteintabelle-hundesteuer-abmeldung.csv"), std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string row = ";Formelle Prüfung;Abmeldegrund und Nachweis prüfen;Steuersachbearbeitung;5;100;";
  const auto at = text.find(row);  // the written variant's row 8
  REQUIRE(at != std::string::npos);
  text.replace(at, row.size(), ";Formelle Prüfung;Abmeldegrund und Nachweis prüfen;Steuersachbearbeitung;;100;");
  lotse::test::TempDir dir("default-time");
  const auto file = (dir.path / "leer.csv").string();
  std::ofstream(file, std::ios::binary) << text;

  const auto run = lotse::test::lotse_run({"analyze", file, "-o", "-", "-q"});
  REQUIRE(run.code == 0);
  const auto summary = run.out.substr(0, run.out.find("## 2."));
  CHECK(summary.find("- **Achtung:** Ein Schritt ohne eigene Bearbeitungszeit ist mit einem Standardwert gerechnet: "
                     "„Abmeldegrund und Nachweis prüfen“ ") != std::string::npos);
  CHECK(summary.find("der Minuten je Fall und derselbe Anteil der Stunden, VZÄ und Kosten") != std::string::npos);
  // The unchanged sample has no such warning.
  const auto clean = lotse::test::lotse_run({"analyze", lotse::test::sample("bausteintabelle-hundesteuer-abmeldung.csv"), "-o", "-", "-q"});
  CHECK(clean.out.find("Achtung:") == std::string::npos);
  const auto en = lotse::test::lotse_run({"analyze", file, "-o", "-", "-q", "--lang", "en"});
  CHECK(en.out.find("**Caution:** One step without its own processing time") != std::string::npos);
}
