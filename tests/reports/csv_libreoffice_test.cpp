// SPDX-License-Identifier: MIT
// The excel-de CSV of analyze's tables opens in LibreOffice Calc with German settings: umlauts intact,
// one value per column, and the package total's figures read as numbers (#15.4 acceptance; fails in CI
// without soffice).
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("analyze's excel-de CSV opens in LibreOffice with numbers as numbers and umlauts intact", "[reports][csv][libreoffice]") {
  if (std::system("command -v soffice > /dev/null 2>&1") != 0) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL("soffice (libreoffice-calc-nogui) missing in CI");
    WARN("skipped: soffice not installed");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("lotse-csv-lo-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto r = lotse::test::lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--format", "csv",
                                         "--csv-dialect", "excel-de", "-o", dir.string(), "-q"});
  REQUIRE(r.code == 0);
  // Read as a German user's Calc does (separator ;, German locale 1031: decimal comma), save as xlsx,
  // then write the cells back as a plain CSV (comma, decimal point: numbers stayed numbers).
  const std::string profile = "-env:UserInstallation=file://" + dir.string() + "/profile";
  const std::string cmd = "cd '" + dir.string() + "' && timeout 180 soffice --headless " + profile +
                          " --infilter=CSV:59,34,76,1,,1031 --convert-to xlsx hundesteuer.csv > /dev/null 2>&1 && "
                          "timeout 180 soffice --headless " + profile +
                          " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033' --outdir back hundesteuer.xlsx"
                          " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(dir / "back" / "hundesteuer.csv");
  std::string line, total, stelle;
  while (std::getline(in, line)) {
    if (line.rfind(",Paket gesamt", 0) == 0) total = line;
    if (line.rfind("Steueramt – Steuersachbearbeitung,", 0) == 0) stelle = line;
  }
  CHECK(total == ",Paket gesamt (alle Maßnahmen nacheinander),,57.3,1566,14.7,,");
  CHECK(stelle.rfind("Steueramt – Steuersachbearbeitung,95.1,0.06,2424,25.5,", 0) == 0);
  fs::remove_all(dir);
}
