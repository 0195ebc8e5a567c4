// SPDX-License-Identifier: MIT
// File names that are not UTF-8 (#15.6): a German Windows ANSI name such as "Geb\xFChr.bpmn" is read
// as windows-1252 for display, so every JSON document stays valid and names the file "Gebühr.bpmn",
// and every report format is written.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using lotse::test::lotse_run;

TEST_CASE("a file name in windows-1252 gives valid JSON naming it in UTF-8, and every report", "[cli][unicode]") {
  const fs::path dir = fs::temp_directory_path() / ("lotse-ansi-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string file = (dir / "Geb\xFChr.bpmn").string();
  fs::copy_file(lotse::test::sample("hundesteuer.bpmn"), file);

  const auto analyze = lotse_run({"analyze", file, "--format", "json", "-o", "-", "-q"});
  REQUIRE(analyze.code == 0);
  const auto a = nlohmann::json::parse(analyze.out);
  CHECK(a["file"].get<std::string>().find("Gebühr.bpmn") != std::string::npos);

  const auto stats = lotse_run({"stats", file, "--format", "json"});
  REQUIRE(stats.code == 0);
  CHECK(nlohmann::json::parse(stats.out).dump().find("Gebühr.bpmn") != std::string::npos);

  const auto sim = lotse_run({"simulate", file, "--cases", "50", "--seed", "1", "--format", "json"});
  REQUIRE(sim.code == 0);
  CHECK(nlohmann::json::parse(sim.out)["file"].get<std::string>().find("Gebühr.bpmn") != std::string::npos);

  const fs::path out = dir / "berichte";
  const auto reports = lotse_run({"analyze", file, "--format", "md,html,json,docx,xlsx", "-o", out.string(), "-q"});
  INFO(reports.err);
  REQUIRE(reports.code == 0);
  for (const char* ext : {".md", ".html", ".json", ".docx", ".xlsx"}) {
    const fs::path written = out / (std::string("Geb\xFChr") + ext);
    INFO(written);
    CHECK(fs::file_size(written) > 0);
  }
  std::ifstream md(out / "Geb\xFChr.md", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(md)), std::istreambuf_iterator<char>());
  CHECK(text.find('\xFC') == std::string::npos);  // never valid in UTF-8

  // A broken file with such a name: the diagnostic names it in UTF-8.
  const std::string broken = (dir / "Kaputt-\xE4.bpmn").string();
  std::ofstream(broken, std::ios::binary) << "<definitions";
  const auto check = lotse_run({"check", broken});
  CHECK(check.code == 65);
  CHECK(check.out.find("Kaputt-ä.bpmn") != std::string::npos);
  fs::remove_all(dir);
}
