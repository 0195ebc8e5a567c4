// SPDX-License-Identifier: MIT
// A CSV event log in the excel-de dialect opens in LibreOffice (headless, converted to xlsx) with
// umlauts intact and one value per column. Needs soffice (Debian libreoffice-calc-nogui, in the --test
// packages of scripts/quickstart.sh): missing in CI (CI=true) the test fails, elsewhere it is skipped.
#include "support/cli_run.h"
#include "support/paths.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

TEST_CASE("excel-de CSV log opens in LibreOffice with umlauts and one value per column", "[sim][libreoffice]") {
  if (std::system("command -v soffice > /dev/null 2>&1") != 0) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL("soffice (libreoffice-calc-nogui) missing in CI");
    WARN("skipped: soffice not installed");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("lotse-excel-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string model = (dir / "gebuehr.bpmn").string();
  std::ofstream(model) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"x\">\n"
                          "<process id=\"P\"><startEvent id=\"S\"/><task id=\"T\" name=\"Gebühr prüfen; Größe\"/>"
                          "<endEvent id=\"E\"/><sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T\"/>"
                          "<sequenceFlow id=\"f2\" sourceRef=\"T\" targetRef=\"E\"/></process></definitions>\n";
  const std::string log = (dir / "log.csv").string();
  const auto r = lotse::test::lotse_run({"simulate", model, "--cases-per-year", "1000", "--cases", "3", "--replications", "1",
                                         "--log", log, "--csv-dialect", "excel-de"});
  REQUIRE(r.code == 0);
  // Convert with LibreOffice's own CSV detection settings for German users (separator ;), then back to
  // a plain comma CSV to read the cells.
  const std::string cmd = "cd '" + dir.string() + "' && timeout 180 soffice --headless -env:UserInstallation=file://" +
                          dir.string() + "/profile --infilter=CSV:59,34,76,1 --convert-to xlsx log.csv > /dev/null 2>&1 && "
                          "timeout 180 soffice --headless -env:UserInstallation=file://" + dir.string() +
                          "/profile --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir back log.xlsx > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(dir / "back" / "log.csv");
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  CHECK(header == "case_id,activity,enable_time,start_time,end_time,resource");
  CHECK(row.rfind("1,Gebühr prüfen; Größe,", 0) == 0);
  int count = 0;
  bool quoted = false;
  for (const char c : row) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++count;
  }
  CHECK(count == 5);  // six columns
  fs::remove_all(dir);
}
