// SPDX-License-Identifier: MIT
// German numbers on the command line (issue #9 point 7): never silently 1.5 for "1.500".
#include "cli/number.h"
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

using lotse::cli::parse_number;

TEST_CASE("German and plain numbers are read, ambiguous ones refused", "[cli][number]") {
  CHECK(parse_number("1500") == 1500.0);
  CHECK(parse_number("1.500") == 1500.0);
  CHECK(parse_number("1.600,5") == 1600.5);
  CHECK(parse_number("1500,5") == 1500.5);
  CHECK(parse_number("1.500.000") == 1500000.0);
  CHECK(parse_number("1.1") == 1.1);
  CHECK(parse_number("1,1") == 1.1);
  CHECK(parse_number("1500.5") == 1500.5);
  std::string why;
  CHECK_FALSE(parse_number("1,500.5", &why));
  CHECK(why.find("keine eindeutige Zahl") != std::string::npos);
  CHECK_FALSE(parse_number("1,5,0"));
  CHECK_FALSE(parse_number("1.50.0"));
  CHECK_FALSE(parse_number("abc"));
  CHECK_FALSE(parse_number(""));
}

TEST_CASE("cases per year written 1.500 on the command line is 1500, an ambiguous form exits 2", "[cli][number]") {
  const auto file = lotse::test::sample("hundesteuer.bpmn");
  const auto german = lotse::test::lotse_run({"analyze", file, "--format", "json", "-o", "-", "--cases-per-year", "1.500"});
  CHECK(german.code == 0);
  CHECK(german.out.find("\"cases_per_year\": 1500\n") != std::string::npos);
  const auto bad = lotse::test::lotse_run({"analyze", file, "--format", "json", "-o", "-", "--cases-per-year", "1,500.5"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("keine eindeutige Zahl") != std::string::npos);
  const auto uptake = lotse::test::lotse_run({"analyze", file, "--format", "json", "-o", "-", "--uptake", "online_application=0,4"});
  CHECK(uptake.code == 0);
  CHECK(uptake.out.find("\"uptake\": 0.4") != std::string::npos);
}
