// SPDX-License-Identifier: MIT
// -v traces through spdlog (#15.7): the data set's version and folder, the import, every pass and every
// output format with its time; nothing of it without -v, and the report on stdout is the same.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include "analysis/lead_time.h"
#include "analysis/registry.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

using lotse::test::lotse_run;

TEST_CASE("verbose runs trace the data set, the import, each pass and each format on stderr", "[cli][trace]") {
  const std::string sample = lotse::test::sample("hundesteuer.bpmn");
  const auto quiet = lotse_run({"analyze", sample, "-o", "-", "--format", "md,json"});
  const auto traced = lotse_run({"analyze", sample, "-o", "-", "--format", "md,json", "-v"});
  REQUIRE(quiet.code == 0);
  REQUIRE(traced.code == 0);
  CHECK(traced.out == quiet.out);
  CHECK(quiet.err.find("[lotse -v]") == std::string::npos);
  CHECK(traced.err.find("[lotse -v] Datensatz 2025.1 ") != std::string::npos);
  CHECK(traced.err.find("hundesteuer.bpmn: gelesen in ") != std::string::npos);
  for (const auto& p : lotse::analysis::all_passes()) {
    if (p.id == lotse::analysis::LeadTimePass::id) continue;  // only with --lead-time
    INFO(p.id);
    CHECK(traced.err.find("hundesteuer.bpmn: Analyse " + std::string(p.id) + " ") != std::string::npos);
  }
  CHECK(traced.err.find("hundesteuer.bpmn: Format md ") != std::string::npos);
  CHECK(traced.err.find("hundesteuer.bpmn: Format json ") != std::string::npos);

  const auto sim = lotse_run({"simulate", sample, "--cases", "200", "--seed", "3", "-v", "--lang", "en"});
  REQUIRE(sim.code == 0);
  // The data set is read only for activities without any time; Hundesteuer has every time.
  CHECK(sim.err.find("[lotse -v] data set ") == std::string::npos);
  CHECK(sim.err.find("hundesteuer.bpmn: 200 cases simulated in ") != std::string::npos);
}

TEST_CASE("file names with escape sequences and newlines are escaped on the terminal", "[cli][unicode]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("lotse-esc-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // A name that would colour the terminal red and forge a second diagnostic line.
  const std::string name = "a\x1b[31mrot\nx.bpmn:1:1: Fehler [IN-001]: \xE2\x80\xAEgefälscht.bpmn";
  const std::string file = (dir / name).string();
  std::ofstream(file, std::ios::binary) << "<definitions";
  const auto check = lotse_run({"check", file});
  CHECK(check.code == 65);
  CHECK(check.out.find('\x1b') == std::string::npos);
  CHECK(check.out.find("\\x1B[31mrot\\x0Ax.bpmn") != std::string::npos);
  CHECK(check.out.find("\\u202Egefälscht") != std::string::npos);
  // One diagnostic, one line: the forged "Fehler" stays inside it.
  CHECK(std::count(check.out.begin(), check.out.end(), '\n') == 1);

  const auto traced = lotse_run({"analyze", file, "-o", "-", "-v"});
  CHECK(traced.err.find('\x1b') == std::string::npos);
  fs::remove_all(dir);
}
