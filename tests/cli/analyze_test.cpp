// SPDX-License-Identifier: MIT
// `lotse analyze` in-process through cli::run with string streams: exit codes, -o -, formats and
// languages, a broken file in a batch, and outputs that cannot be written.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using Result = lotse::test::CliResult;
using lotse::test::lotse_run;
using lotse::test::TempDir;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("analyze writes a German Markdown report to standard output with -o -", "[analyze][cli]") {
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", "-", "-q"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("# Prozessanalyse: ", 0) == 0);
  CHECK(r.out.find("## 1. Auf einen Blick") != std::string::npos);
  CHECK(r.out.find("## 6. Annahmen und Quellen") != std::string::npos);
  CHECK(r.out.find("Quelle: hundesteuer.bpmn (BPMN 2.0)") != std::string::npos);
}

TEST_CASE("analyze --format json --lang en gives parseable English JSON", "[analyze][cli]") {
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "json", "-o", "-",
                            "--lang", "en", "--cases-per-year", "250", "--hours-per-fte", "1560", "--verteilzeit",
                            "1.1", "-q"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["language"] == "en");
  CHECK(j["file"] == "hundesteuer.bpmn");
  CHECK(j["scenario"]["cases_per_year"] == 250);
  CHECK(j["scenario"]["hours_per_fte"] == 1560);
  CHECK(j["scenario"]["distribution_time_factor"] == 1.1);
  CHECK(j["processes"].is_array());
  CHECK(j["lead_time"].is_null());
}

TEST_CASE("analyze writes one file per input and format into a new directory", "[analyze][cli]") {
  TempDir dir("formats");
  const std::string out = (dir.path / "berichte" / "2026").string();
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), lotse::test::sample("gewerbeanmeldung.bpmn"),
                            "--format", "md,html,json", "-o", out});
  CHECK(r.code == 0);
  for (const char* stem : {"hundesteuer", "gewerbeanmeldung"}) {
    for (const char* ext : {".md", ".html", ".json"}) {
      CHECK(fs::is_regular_file(fs::path(out) / (std::string(stem) + ext)));
    }
  }
  CHECK(r.out.find("Bericht geschrieben: " + (fs::path(out) / "hundesteuer.html").string() + "\n") != std::string::npos);
  const std::string html = slurp(fs::path(out) / "gewerbeanmeldung.html");
  CHECK(html.find("<svg") != std::string::npos);
  // No temporary files are left behind by the atomic writes.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++files;
  CHECK(files == 6);
}

TEST_CASE("a broken file in a batch is reported on stderr and does not stop the others", "[analyze][cli]") {
  TempDir dir("broken");
  const fs::path broken = dir.path / "kaputt.bpmn";
  std::ofstream(broken) << "<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"P\">\n";
  const std::string out = (dir.path / "out").string();
  const auto r = lotse_run({"analyze", broken.string(), lotse::test::sample("hundesteuer.bpmn"), "-o", out, "-q"});
  CHECK(r.code == 65);
  CHECK(r.err.find(broken.string() + ":") != std::string::npos);
  CHECK(r.err.find("Fehler [") != std::string::npos);
  CHECK_FALSE(fs::exists(fs::path(out) / "kaputt.html"));
  CHECK(fs::is_regular_file(fs::path(out) / "hundesteuer.html"));  // default into files: HTML
  CHECK(r.out.empty());  // --quiet: no list of written files
}

TEST_CASE("a missing file gives exit code 65 with IN-001", "[analyze][cli]") {
  const auto r = lotse_run({"analyze", "/nonexistent/hundesteuer.bpmn", "-o", "-"});
  CHECK(r.code == 65);
  CHECK(r.err.find("[IN-001]") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("an output directory that cannot be created gives exit code 74", "[analyze][cli]") {
  TempDir dir("unwritable");
  const fs::path file = dir.path / "datei";
  std::ofstream(file) << "kein Ordner";
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", (file / "berichte").string()});
  CHECK(r.code == 74);
  CHECK(r.err.find("Fehler [CLI-001]: Ausgabe '" + (file / "berichte").string() + "' konnte nicht geschrieben werden") !=
        std::string::npos);
}

TEST_CASE("a report that cannot be written gives exit code 74 and the other reports are still written", "[analyze][cli]") {
  TempDir dir("blocked");
  // A directory where the Markdown report should go makes the final rename fail.
  fs::create_directories(dir.path / "hundesteuer.md" / "x");
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "md,json", "-o", dir.str(), "-q"});
  CHECK(r.code == 74);
  CHECK(r.err.find("[CLI-001]") != std::string::npos);
  CHECK(fs::is_regular_file(dir.path / "hundesteuer.json"));
  std::size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++leftovers;
  }
  CHECK(leftovers == 0);
}

TEST_CASE("two inputs with the same name get distinct report files", "[analyze][cli]") {
  TempDir dir("stems");
  fs::create_directories(dir.path / "a");
  fs::copy_file(lotse::test::sample("hundesteuer.bpmn"), dir.path / "a" / "hundesteuer.bpmn");
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), (dir.path / "a" / "hundesteuer.bpmn").string(),
                            "-o", (dir.path / "out").string(), "-q"});
  CHECK(r.code == 0);
  CHECK(fs::is_regular_file(dir.path / "out" / "hundesteuer.html"));
  CHECK(fs::is_regular_file(dir.path / "out" / "hundesteuer-2.html"));
}

TEST_CASE("analyze rejects an unknown format with a usage error", "[analyze][cli]") {
  CHECK(lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "odt"}).code == 2);
  CHECK(lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "md,rtf"}).code == 2);
  CHECK(lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--verteilzeit", "0.5"}).code == 2);
  CHECK(lotse_run({"analyze"}).code == 2);
}

TEST_CASE("a readable model with error findings gives exit code 1 and its report", "[analyze][cli]") {
  TempDir dir("findings");
  const fs::path model = dir.path / "wohngeld.bpmn";
  std::ofstream(model) << R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P" name="Wohngeld">
    <bpmn:startEvent id="S" />
    <bpmn:userTask id="T" name="Antrag prüfen" />
    <bpmn:endEvent id="E" />
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="Fehlt" />
  </bpmn:process>
</bpmn:definitions>
)";
  const auto r = lotse_run({"analyze", model.string(), "-o", "-", "-q"});
  CHECK(r.code == 1);
  CHECK(r.err == model.string() + ":8:5: Fehler [MOD-003]: Sequenzfluss 'f2' verweist auf unbekanntes Ziel 'Fehlt'\n");
  CHECK(r.out.find("| Fehler | MOD-003 | wohngeld.bpmn:8 | Sequenzfluss 'f2' verweist auf unbekanntes Ziel 'Fehlt' |") !=
        std::string::npos);
  CHECK(r.out.find(" Minuten je Fall (ohne Fallzahl keine Jahreswerte).\n") != std::string::npos);
}

TEST_CASE("PICTURE's Gewerbe sample shows 15 min entered beside 34.5 min computed with a remark", "[analyze][cli]") {
  const auto r = lotse_run({"analyze", lotse::test::sample("gewerbe-anmelden.picture.xml"), "-o", "-", "-q"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Im Steckbrief eingetragen: 15,0 Minuten Bearbeitungszeit (gewerbe-anmelden.picture.xml:") != std::string::npos);
  CHECK(r.out.find("aus den Bausteinen berechnet: 34,5 Minuten je Fall. Die Werte weichen voneinander ab.") != std::string::npos);
  CHECK(r.out.find("- Fallzahl: 1.500 Fälle pro Jahr") != std::string::npos);
  const auto j = nlohmann::json::parse(
      lotse_run({"analyze", lotse::test::sample("gewerbe-anmelden.picture.xml"), "--format", "json", "-o", "-", "-q"}).out);
  CHECK(j["processes"][0]["minutes_per_case"] == 34.5);  // PICTURE's 38.5 without 0.8 x 5 min of waiting
  CHECK(j["processes"][0]["hours_per_year"] == 862.5);
  CHECK(j["processes"][0]["fact_sheet_minutes"] == 15);
  CHECK(j["processes"][0]["fact_sheet_disagrees"] == true);
}

TEST_CASE("the Verteilzeit factor raises the personnel cost only: hours and VZÄ stay the modelled times, as the docs say",
          "[analyze][cli]") {
  // Issue #9.7: decided for PICTURE's Personalkostenanalyse (domain.md): € = hours × F × Kostensatz.
  const auto base = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "json", "-o", "-", "-q"});
  const auto more = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "json", "-o", "-", "-q",
                               "--verteilzeit", "1,2"});
  REQUIRE(base.code == 0);
  REQUIRE(more.code == 0);
  const auto a = nlohmann::json::parse(base.out)["processes"][0];
  const auto b = nlohmann::json::parse(more.out)["processes"][0];
  CHECK(b["hours_per_year"].get<double>() == Approx(a["hours_per_year"].get<double>()));
  CHECK(b["fte"].get<double>() == Approx(a["fte"].get<double>()));
  CHECK(b["cost_per_year_eur"].get<double>() == Approx(1.2 * a["cost_per_year_eur"].get<double>()).epsilon(1e-3));
  const auto md = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", "-", "--verteilzeit", "1,2"});
  REQUIRE(md.code == 0);
  CHECK(md.out.find("Stunden und VZÄ sind die modellierten Zeiten ohne Zuschlag") != std::string::npos);
  std::ifstream in(lotse::test::source_dir() + "/docs/analyze.md");
  std::stringstream doc;
  doc << in.rdbuf();
  CHECK(doc.str().find("factor on the personnel cost") != std::string::npos);
}
