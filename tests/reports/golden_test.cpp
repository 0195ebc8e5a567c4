// SPDX-License-Identifier: MIT
// Approval (golden) files of `lotse analyze` for three samples (BPMN with diagram, PICTURE export,
// Bausteintabelle) in Markdown, HTML and JSON, German and English, produced through the command line
// in-process exactly as a user gets them. LOTSE_APPROVE=1 rewrites the files; review the diff.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool approving() {
  const char* a = std::getenv("LOTSE_APPROVE");
  return a != nullptr && std::string(a) == "1";
}

} // namespace

TEST_CASE("analyze output of three samples matches the approved files (LOTSE_APPROVE=1 rewrites them)",
          "[report][golden]") {
  const std::vector<std::pair<std::string, std::string>> samples{
      {"hundesteuer.bpmn", "hundesteuer"},
      {"gewerbe-anmelden.picture.xml", "gewerbe-anmelden"},
      {"bausteintabelle-hundesteuer-abmeldung.csv", "bausteintabelle"}};
  for (const auto& [file, stem] : samples) {
    for (const std::string lang : {"de", "en"}) {
      for (const std::string format : {"md", "html", "json"}) {
        const std::vector<std::string> args{"analyze", lotse::test::sample(file), "--format", format, "-o", "-", "--lang", lang};
        const auto run = lotse::test::lotse_run(args);
        INFO(file << " " << lang << " " << format << "\n" << run.err);
        REQUIRE(run.code == 0);
        CHECK(lotse::test::lotse_run(args).out == run.out);  // deterministic
        const std::string golden = lotse::test::source_dir() + "/tests/reports/golden/" + stem + "." + lang + ".approved." + format;
        if (approving()) {
          std::ofstream(golden, std::ios::binary) << run.out;
          WARN("approved " << golden);
          continue;
        }
        const std::string expected = slurp(golden);
        INFO("golden file " << golden << " (run with LOTSE_APPROVE=1 to accept the new output)");
        REQUIRE_FALSE(expected.empty());
        CHECK(run.out == expected);
      }
    }
  }
}
