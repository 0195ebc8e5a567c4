// SPDX-License-Identifier: MIT
// docs/analyze.md's example block is the beginning of what `lotse analyze samples/hundesteuer.bpmn -o -`
// prints today (issue #9: the docs show figures the tool prints).
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

TEST_CASE("the example block of docs/analyze.md is the real report output", "[cli][docs]") {
  std::ifstream in(lotse::test::source_dir() + "/docs/analyze.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const auto example = doc.find("## Example");
  REQUIRE(example != std::string::npos);
  const auto start = doc.find("```markdown\n", example);
  REQUIRE(start != std::string::npos);
  const auto body = start + std::string("```markdown\n").size();
  const auto end = doc.find("```\n", body);
  REQUIRE(end != std::string::npos);
  const std::string block = doc.substr(body, end - body);
  const auto run = lotse::test::lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", "-"});
  REQUIRE(run.code == 0);
  REQUIRE(block.size() > 500);
  CHECK(run.out.substr(0, block.size()) == block);
}

TEST_CASE("the Ist/Soll example block of docs/analyze.md is the real comparison output", "[cli][docs][compare]") {
  std::ifstream in(lotse::test::source_dir() + "/docs/analyze.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const auto section = doc.find("## Ist/Soll comparison");
  REQUIRE(section != std::string::npos);
  const auto start = doc.find("```markdown\n", section);
  REQUIRE(start != std::string::npos);
  REQUIRE(start < doc.find("## Example", section));
  const auto body = start + std::string("```markdown\n").size();
  const auto end = doc.find("```\n", body);
  REQUIRE(end != std::string::npos);
  const std::string block = doc.substr(body, end - body);
  const auto run = lotse::test::lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--soll",
                                           lotse::test::sample("hundesteuer-digital.bpmn"), "-o", "-"});
  REQUIRE(run.code == 0);
  REQUIRE(block.size() > 500);
  CHECK(block.find("| Arbeitsstunden pro Jahr |") != std::string::npos);
  CHECK(run.out.substr(0, block.size()) == block);
}
