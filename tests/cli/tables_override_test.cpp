// SPDX-License-Identifier: MIT
// `--tables-override FILE` (a town's own StBA values, data/README.md) on `lotse analyze` and
// `lotse simulate`: an overridden figure changes and is labelled "Ortswert"; a missing or broken file
// is a usage error (exit code 2) with the file name in the message, never a crash or a report.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

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

/// A file under the system temp folder with the given content, removed at the end of the test.
struct TempFile {
  fs::path path;
  TempFile(const std::string& name, const std::string& content)
      : path(fs::temp_directory_path() / ("lotse-override-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path, std::ios::binary) << content;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  [[nodiscard]] std::string str() const { return path.string(); }
};

/// The table row of a Stelle in the Markdown report ("| Poststelle | ... |"), or "" if missing.
std::string stelle_row(const std::string& md, const std::string& stelle) {
  const std::size_t at = md.find("\n| " + stelle + " | ");
  if (at == std::string::npos) return {};
  return md.substr(at + 1, md.find('\n', at + 1) - at - 1);
}

const std::string csv_sample = "bausteintabelle-hundesteuer-abmeldung.csv";
const std::string override_sample = "ortswerte-musterstadt.json";

} // namespace

TEST_CASE("analyze --tables-override replaces a default wage rate and labels it as Ortswert", "[analyze][cli][override]") {
  const auto plain = lotse_run({"analyze", lotse::test::sample(csv_sample), "-o", "-", "-q"});
  const auto local = lotse_run({"analyze", lotse::test::sample(csv_sample), "-o", "-", "-q", "--tables-override",
                                lotse::test::sample(override_sample)});
  REQUIRE(plain.code == 0);
  REQUIRE(local.code == 0);
  CHECK(local.err.empty());

  // Without the file the Poststelle (no Kostensatz in the table) is costed with the StBA default
  // 40,70 €/h; the sample file gives it 31,20 €/h, labelled with the file's source.
  CHECK(stelle_row(plain.out, "Poststelle") ==
        "| Poststelle | 8,2 | 0,01 | 332 € | 40,70 € | Standardwert (StBA 2025), Lohnkostentabelle Kommunen, Durchschnitt |");
  CHECK(stelle_row(local.out, "Poststelle") ==
        "| Poststelle | 8,2 | 0,01 | 255 € | 31,20 € | Ortswert (Musterstadt, Beispielwerte 2025) |");
  CHECK(local.out.find("- Personalkosten: 5.039 € pro Jahr.") != std::string::npos);
  CHECK(plain.out.find("- Personalkosten: 5.366 € pro Jahr.") != std::string::npos);
  // Section 6 names the file's values as a source.
  CHECK(local.out.find("| Ortswert (Musterstadt, Beispielwerte 2025) | Stundensatz „Steuersachbearbeitung“;") !=
        std::string::npos);
  CHECK(plain.out.find("Ortswert") == std::string::npos);

  const auto json = lotse_run({"analyze", lotse::test::sample(csv_sample), "-o", "-", "-q", "--format", "json",
                               "--tables-override", lotse::test::sample(override_sample)});
  REQUIRE(json.code == 0);
  const auto j = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& s : j["processes"][0]["stellen"]) {
    if (s["name"] != "Poststelle") continue;
    found = true;
    CHECK(s["eur_per_hour"] == 31.2);
    CHECK(s["rate_source"].dump().find("Ortswert (Musterstadt, Beispielwerte 2025)") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("a missing or broken --tables-override file is a usage error naming the file", "[analyze][cli][override]") {
  const std::string model = lotse::test::sample(csv_sample);

  SECTION("missing file") {
    const std::string path = (fs::temp_directory_path() / "lotse-override-does-not-exist.json").string();
    const auto r = lotse_run({"analyze", model, "-o", "-", "--tables-override", path});
    CHECK(r.code == 2);
    CHECK(r.out.empty());  // no report
    CHECK(r.err.find(path + ": Fehler [ANA-024]") != std::string::npos);
    CHECK(r.err.find("--tables-override " + path + ": die Datei mit den Ortswerten ist nicht verwendbar") !=
          std::string::npos);
  }
  SECTION("broken JSON: file, line and column") {
    const TempFile f("broken.json", "{\n  \"stellen\": {\"Poststelle\": 31.2,\n}\n");
    const auto r = lotse_run({"analyze", model, "-o", "-", "--tables-override", f.str()});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(f.str() + ":3:1: Fehler [ANA-024]: Datentabelle '" + f.str() + "' ist nicht lesbar: parse error") !=
          std::string::npos);
  }
  SECTION("not an object") {
    const TempFile f("array.json", "[1, 2]");
    const auto r = lotse_run({"analyze", model, "-o", "-", "--lang", "en", "--tables-override", f.str()});
    CHECK(r.code == 2);
    CHECK(r.err.find("top level is not a JSON object") != std::string::npos);
    CHECK(r.err.find("the file with local values cannot be used") != std::string::npos);
  }
  SECTION("a section of the wrong type") {
    const TempFile f("type.json", "{\"zeitwerte\": 5}");
    const auto r = lotse_run({"analyze", model, "-o", "-", "--tables-override", f.str()});
    CHECK(r.code == 2);
    CHECK(r.err.find("'zeitwerte' is not a list") != std::string::npos);
  }
  SECTION("a folder") {
    const auto r = lotse_run({"analyze", model, "-o", "-", "--tables-override", fs::temp_directory_path().string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("ein Ordner, keine Datei") != std::string::npos);
  }
  SECTION("simulate checks the file the same way") {
    const TempFile f("broken-sim.json", "{");
    const auto r = lotse_run({"simulate", lotse::test::sample("hundesteuer.bpmn"), "--cases", "100",
                              "--tables-override", f.str()});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("lotse simulate: --tables-override " + f.str()) != std::string::npos);
  }
}

TEST_CASE("an override file's bad entries are skipped with a warning; one that replaces nothing is flagged",
          "[analyze][cli][override]") {
  const std::string model = lotse::test::sample(csv_sample);
  SECTION("one bad entry, one good") {
    const TempFile f("entries.json", "{\"source\": \"Test\",\n \"stellen\": {\"Poststelle\": \"viel\", \"Stadtkasse\": 30}}");
    const auto r = lotse_run({"analyze", model, "-o", "-", "--tables-override", f.str()});
    CHECK(r.code == 0);
    CHECK(r.err.find("Warnung [ANA-025]: Datentabelle '" + f.str() + "': Eintrag 'Poststelle' ist ungültig") !=
          std::string::npos);
    CHECK(stelle_row(r.out, "Stadtkasse").find("| 30,00 € | Ortswert (Test) |") != std::string::npos);
  }
  SECTION("misspelt keys") {
    const TempFile f("typo.json", "{\"zeitwert\": [{\"nr\": 3, \"mittel\": 12}]}");
    const auto r = lotse_run({"analyze", model, "-o", "-", "--tables-override", f.str()});
    CHECK(r.code == 0);
    CHECK(r.err.find(f.str() + ": Warnung: die Datei ersetzt keinen Standardwert") != std::string::npos);
  }
}

TEST_CASE("analyze --help explains --tables-override with an example", "[analyze][cli][override]") {
  const auto r = lotse_run({"analyze", "--help"});
  CHECK(r.code == 0);
  CHECK(r.out.find("--tables-override FILE") != std::string::npos);
  CHECK(r.out.find("--tables-override samples/ortswerte-musterstadt.json") != std::string::npos);
  CHECK(r.out.find("Beispiele:") != std::string::npos);  // the subcommand's own examples are kept (German help)
  CHECK(r.out.find("Rückgabewerte") != std::string::npos);
}
