// SPDX-License-Identifier: MIT
// The data set is found at run time (--data-dir, LOTSE_DATA_DIR, next to the binary, the build tree)
// and a missing or broken table stops `lotse` with exit code 2 and the file named: never a report
// computed from fewer tables (issue #15: 6 media breaks instead of 10, 0 measures instead of 7).
#include "cli/data_location.h"
#include "tests/support/cli_run.h"
#include "tests/support/data_copy.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace fs = std::filesystem;
using lotse::test::lotse_run;

namespace {

/// Sets or unsets LOTSE_DATA_DIR for one scope and restores it.
class EnvDataDir {
public:
  explicit EnvDataDir(const std::optional<std::string>& value) {
    if (const char* old = std::getenv("LOTSE_DATA_DIR")) old_ = old;
    if (value) ::setenv("LOTSE_DATA_DIR", value->c_str(), 1);
    else ::unsetenv("LOTSE_DATA_DIR");
  }
  ~EnvDataDir() {
    if (old_) ::setenv("LOTSE_DATA_DIR", old_->c_str(), 1);
    else ::unsetenv("LOTSE_DATA_DIR");
  }
  EnvDataDir(const EnvDataDir&) = delete;
  EnvDataDir& operator=(const EnvDataDir&) = delete;

private:
  std::optional<std::string> old_;
};

fs::path empty_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("lotse-empty-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

} // namespace

TEST_CASE("the data folder: --data-dir, then LOTSE_DATA_DIR, then the build tree", "[cli][data]") {
  using lotse::cli::DataSource;
  {
    const EnvDataDir env(std::nullopt);
    const auto found = lotse::cli::locate_data("");
    REQUIRE(found);  // the test binary runs from the build tree
    CHECK(found->source == DataSource::build_tree);
    CHECK(fs::equivalent(found->dir, lotse::test::data_dir()));
  }
  const EnvDataDir env(std::string("/somewhere/lotse-data"));
  CHECK(lotse::cli::locate_data("")->dir == "/somewhere/lotse-data");
  CHECK(lotse::cli::locate_data("")->source == DataSource::environment);
  CHECK(lotse::cli::locate_data("/opt/x")->dir == "/opt/x");
  CHECK(lotse::cli::locate_data("/opt/x")->source == DataSource::option);
}

TEST_CASE("an empty data folder stops analyze with exit 2 naming every missing table", "[cli][data]") {
  const auto dir = empty_dir("analyze");
  const auto sample = lotse::test::sample("hundesteuer.bpmn");
  const auto de = lotse_run({"analyze", sample, "-o", "-", "--data-dir", dir.string()});
  CHECK(de.code == 2);
  CHECK(de.out.empty());
  CHECK(de.err.find("Fehler [DAT-001]: Datensatz unvollständig: 'stba_zeitwerte_verwaltung_2025.json, "
                    "stba_lohnkosten_2025.json, zeitwert_zuordnung.json, medienbruch_lexikon.json, massnahmen.json, "
                    "buerger_zeitwerte_2025.json, nutzungsquoten.json, VERSION' fehlt im Datenordner '" + dir.string() + "'") != std::string::npos);
  CHECK(de.err.find("lotse analyze: Fehler") == std::string::npos);
  CHECK(de.err.find("Ohne vollständigen Datensatz wird nichts berechnet. Datenordner: '" + dir.string() + "' (--data-dir)") !=
        std::string::npos);

  const EnvDataDir env(dir.string());
  // simulate reads the data set only for activities without any time: Hundesteuer has every time.
  CHECK(lotse_run({"simulate", sample, "--cases", "100", "--lang", "en"}).code == 0);
  const auto model_dir = empty_dir("untimed-model");
  const auto untimed = model_dir / "untimed.bpmn";
  lotse::test::write_file(model_dir, "untimed.bpmn",
      "<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">\n"
      "<process id=\"p\"><startEvent id=\"s\"/><task id=\"t\" name=\"Antrag pruefen\"/><endEvent id=\"e\"/>\n"
      "<sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/><sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/>\n"
      "</process></definitions>\n");
  const auto en = lotse_run({"simulate", untimed.string(), "--cases", "100", "--lang", "en"});
  CHECK(en.code == 2);
  CHECK(en.err.find("error [DAT-001]: data set incomplete: 'stba_zeitwerte_verwaltung_2025.json") != std::string::npos);
  CHECK(en.err.find("(LOTSE_DATA_DIR)") != std::string::npos);
  fs::remove_all(dir);
  fs::remove_all(model_dir);
}

TEST_CASE("a broken table stops analyze with exit 2, file and line", "[cli][data]") {
  const auto dir = lotse::test::data_copy("cli-broken");
  lotse::test::write_file(dir, "massnahmen.json", "{\n  \"measures\": [\n    {\"id\": \"x\",,}\n  ]\n}\n");
  const auto r = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", "-", "--data-dir", dir.string()});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind((dir / "massnahmen.json").string() + ":3:", 0) == 0);
  CHECK(r.err.find("[MED-002]") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a copy of the data set elsewhere gives byte-identical JSON", "[cli][data]") {
  const auto dir = lotse::test::data_copy("cli-copy");
  const auto sample = lotse::test::sample("hundesteuer.bpmn");
  const auto here = lotse_run({"analyze", sample, "-o", "-", "-q", "--format", "json"});
  const auto there = lotse_run({"--data-dir", dir.string(), "analyze", sample, "-o", "-", "-q", "--format", "json"});
  REQUIRE(here.code == 0);
  REQUIRE(there.code == 0);
  CHECK(here.out == there.out);
  // The figures issue #15 saw drop without tables: all ten media breaks and the six measures of the
  // package are there.
  const auto j = nlohmann::json::parse(here.out);
  CHECK(j["processes"][0]["media_breaks"].size() == 10);
  CHECK(j["processes"][0]["suggestions"].size() == 6);
  fs::remove_all(dir);
}

TEST_CASE("lotse --version names the data set's version, folder and the source years", "[cli][data]") {
  const auto r = lotse_run({"--version"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("lotse 0.", 0) == 0);
  CHECK(r.out.find("Datensatz / data set 2025.1 (") != std::string::npos);
  CHECK(r.out.find("  stba_zeitwerte_verwaltung_2025.json   StBA 2025   version 2025.1") != std::string::npos);
  CHECK(r.out.find("  buerger_zeitwerte_2025.json           StBA 2025   version 2025") != std::string::npos);
  CHECK(r.out.find("  massnahmen.json                       -           version ") != std::string::npos);
  const auto dir = empty_dir("version");
  const auto none = lotse_run({"--data-dir", dir.string(), "--version"});
  CHECK(none.code == 0);
  CHECK(none.out.find("not usable") != std::string::npos);
  fs::remove_all(dir);
}
