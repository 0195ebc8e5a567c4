// SPDX-License-Identifier: MIT
// `lotse simulate` output: the JSON fields other tools read, byte-identical for the same seed whatever
// the number of threads, and the German/English text.
#include "analysis/sim/run.h"
#include "cli/run.h"
#include "reports/sim_report.h"
#include "tests/support/paths.h"

#include "../analysis/sim_test_models.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace lotse;

TEST_CASE("simulation JSON carries cycle time, waiting, cost, resources and activities in seconds", "[sim][report]") {
  const auto m = test::tandem(600, {{360, 1}});
  analysis::sim::SimOptions o;
  o.cases = 2000;
  o.replications = 3;
  const auto r = analysis::sim::simulate(m, o);
  const auto j = reports::simulation_json(r, "mm1.bpmn", engine::Lang::en);
  CHECK(j["cases_completed"] == 6000);
  for (const char* k : {"mean", "p50", "p90", "p95", "max", "ci95"}) CHECK(j["cycle_time"][k].is_number());
  CHECK(j["waiting_time"]["mean"].is_number());
  CHECK(j["cost_per_case"]["mean"].get<double>() == Approx(6.0).epsilon(0.05));
  REQUIRE(j["resources"].size() == 1);
  CHECK(j["resources"][0]["id"] == "R1");
  CHECK(j["resources"][0]["utilization"].get<double>() == Approx(0.6).epsilon(0.1));
  REQUIRE(j["activities"].size() == 1);
  CHECK(j["activities"][0]["id"] == "T1");
  CHECK(j["activities"][0]["count"] == 6000);
  CHECK(j["activities"][0]["mean_duration"].get<double>() == Approx(360).epsilon(0.05));
  CHECK(j["activities"][0]["mean_waiting"].is_number());
}

TEST_CASE("text summary in German and English", "[sim][report]") {
  const auto m = test::tandem(600, {{360, 1}});
  analysis::sim::SimOptions o;
  o.cases = 1000;
  o.replications = 1;
  const auto r = analysis::sim::simulate(m, o);
  std::ostringstream de, en;
  reports::write_simulation_text(de, r, "mm1.bpmn", engine::Lang::de);
  reports::write_simulation_text(en, r, "mm1.bpmn", engine::Lang::en);
  CHECK(de.str().find("1 Replikationen × 1.000 Fälle, Startwert 1; 1.000 Fälle abgeschlossen") != std::string::npos);
  CHECK(de.str().find("R1 (R1), 1 Person: ") != std::string::npos);
  CHECK(en.str().find("cycle time:") != std::string::npos);
  CHECK(reports::format_seconds(90, engine::Lang::de) == "90,0 s");
  CHECK(reports::format_seconds(5400, engine::Lang::en) == "90.0 min");
  CHECK(reports::format_seconds(3 * 86400, engine::Lang::de) == "3,0 Tage");
}

TEST_CASE("lotse simulate: same seed gives byte-identical JSON with 1 or 3 threads", "[sim][report][cli][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const std::string model = shared + "/bench-models/permit.bpmn";
  const auto run = [&](const std::string& threads, const std::string& seed) {
    std::ostringstream out, err;
    const int code = cli::run({"simulate", model, "--cases", "3000", "--seed", seed, "--replications", "4", "--threads",
                               threads, "--format", "json", "--quiet"},
                              out, err);
    CHECK(code == 0);
    return out.str();
  };
  const std::string a = run("1", "9");
  CHECK(a == run("3", "9"));
  CHECK(a != run("1", "10"));
  CHECK(a.find("\"cases_completed\": 12000") != std::string::npos);
}

TEST_CASE("lotse simulate: usage errors and unknown pools", "[sim][report][cli][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const std::string model = shared + "/bench-models/mm1.bpmn";
  std::ostringstream out, err;
  CHECK(cli::run({"simulate", model, "--staff", "R1"}, out, err) == 2);
  CHECK(err.str().find("--staff erwartet POOL=N") != std::string::npos);
  for (const char* bad : {"R1=0", "R1=2, (Mo-Fr 08:00-12:00)", "R1=2, 1 (Mo-Fr 08:00-12:00", "R1=1 (werktags)", "R1=2,"}) {
    std::ostringstream o, e;
    CHECK(cli::run({"simulate", model, "--staff", bad, "--lang", "en"}, o, e) == 2);
    CHECK(e.str().find("--staff expects POOL=N or POOL=N, M (Mo-We 08:00-12:00), got '" + std::string(bad) + "'") != std::string::npos);
  }
  // Part-time staff: 1 person around the clock and 1 on Monday mornings; the pool has 2 persons.
  std::ostringstream out1, err1;
  CHECK(cli::run({"simulate", model, "--cases", "2000", "--replications", "1", "--format", "json", "--staff",
                  "R1=1, 1 (Mo 08:00-12:00)"}, out1, err1) == 0);
  const auto j = nlohmann::json::parse(out1.str());
  CHECK(j["resources"][0]["capacity"] == 2);
  std::ostringstream out2, err2;
  CHECK(cli::run({"simulate", model, "--log", "x.txt"}, out2, err2) == 2);
  std::ostringstream out3, err3;
  CHECK(cli::run({"simulate", model, "--cases", "100", "--staff", "Kasse=2", "--lang", "en"}, out3, err3) == 1);
  CHECK(out3.str().find("error [SIM-010]: unknown resource 'Kasse' in --staff; known: R1") != std::string::npos);
}
