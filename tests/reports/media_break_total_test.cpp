// SPDX-License-Identifier: MIT
// Issue #9.7: "Papierantrag geht ein" carries two media breaks (paper inbound and a wet signature) in
// samples/bewohnerparkausweis.picture-bpmn.bpmn; the step's minutes are bound once, not twice.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using lotse::test::lotse_run;

TEST_CASE("a step with two media breaks binds its minutes once in the totals", "[reports][media]") {
  const auto sample = lotse::test::sample("bewohnerparkausweis.picture-bpmn.bpmn");
  const auto run = lotse_run({"analyze", sample, "--format", "json", "-o", "-", "-q"});
  REQUIRE(run.code == 0);
  const auto j = nlohmann::json::parse(run.out);
  std::map<std::string, double> per_step;
  double rows = 0;
  int at_paper_inbound = 0;
  REQUIRE(j["processes"].size() == 1);
  for (const auto& b : j["processes"][0]["media_breaks"]) {
    const double minutes = b["minutes_per_year"].get<double>();
    rows += minutes;
    double& step = per_step[b["node_id"].get<std::string>()];
    step = std::max(step, minutes);
    if (b["node_name"] == "Papierantrag geht ein") ++at_paper_inbound;
  }
  double once = 0;
  for (const auto& [id, minutes] : per_step) once += minutes;
  CHECK(at_paper_inbound == 2);  // two kinds, still two rows
  CHECK(rows - once == Approx(5400.0));
  CHECK(j["processes"][0]["media_break_minutes_per_year"].get<double>() == Approx(once));

  const auto md = lotse_run({"analyze", sample, "-o", "-", "-q"});
  REQUIRE(md.code == 0);
  CHECK(md.out.find("Medienbrüche: 7; sie binden 58.076 Minuten pro Jahr (968 Stunden).") != std::string::npos);
  CHECK(md.out.find("Zusammen: 58.076 Minuten pro Jahr (968 Stunden).") != std::string::npos);
  CHECK(md.out.find("zählt in der Summe nur einmal: Nr. 6 liegt") != std::string::npos);
}
