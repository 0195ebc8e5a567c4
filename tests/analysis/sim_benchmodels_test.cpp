// SPDX-License-Identifier: MIT
// The shared benchmark models (BIMP/QBP parameters) against their closed-form figures
// (shared/bench-models/*.expected.json): imported with the BPMN importer, simulated with a fixed seed.
#include "analysis/sim/run.h"
#include "importers/importer.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lotse;

namespace {

struct Loaded {
  std::optional<engine::ProcessModel> model;
  nlohmann::json expected;
};

Loaded load(const std::string& shared, const std::string& name) {
  Loaded l;
  auto imp = importers::import_file(shared + "/bench-models/" + name + ".bpmn");
  REQUIRE(imp.model);
  l.model = std::move(imp.model);
  std::ifstream in(shared + "/bench-models/" + name + ".expected.json");
  l.expected = nlohmann::json::parse(in);
  return l;
}

analysis::sim::SimulationResult run(const engine::ProcessModel& m) {
  analysis::sim::SimOptions o;
  o.cases = 20'000;
  o.replications = 5;
  o.seed = 2026;
  return analysis::sim::simulate(m, o);
}

void within(const analysis::sim::Estimate& e, double exact, double rel) {
  INFO("simulated " << e.mean << " ± " << e.ci95.value_or(-1) << ", expected " << exact);
  REQUIRE(e.ci95);
  CHECK(std::abs(e.mean - exact) <= *e.ci95);
  CHECK(e.mean == Approx(exact).epsilon(rel));
}

void check_common(const analysis::sim::SimulationResult& r, const nlohmann::json& x) {
  REQUIRE(r.ok);
  CHECK(r.cases_completed == 100'000);
  if (x.contains("cycle_time_mean")) within(r.cycle_s, x["cycle_time_mean"].get<double>(), 0.05);
  if (x.contains("waiting_time_mean")) within(r.waiting_s, x["waiting_time_mean"].get<double>(), 0.10);
  within(r.cost_eur, x["cost_per_case"].get<double>(), 0.02);
  for (const auto& [id, u] : x["utilization"].items()) {
    const auto it = std::find_if(r.pools.begin(), r.pools.end(), [&, key = id](const auto& p) { return p.id == key; });
    REQUIRE(it != r.pools.end());
    INFO("pool " << id);
    within(it->utilization, u.get<double>(), 0.03);
  }
}

} // namespace

TEST_CASE("benchmark models: M/M/1, M/M/3 and the 50-task chain match queueing theory", "[sim][benchmodels][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  for (const char* name : {"mm1", "mm3", "chain50"}) {
    INFO("model " << name);
    const Loaded l = load(shared, name);
    check_common(run(*l.model), l.expected);
  }
}

TEST_CASE("benchmark model permit: visits, utilisation (Kasse 2/3, not BIMP's 400 %) and cost", "[sim][benchmodels][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const Loaded l = load(shared, "permit");
  const auto r = run(*l.model);
  check_common(r, l.expected);
  const double cases = static_cast<double>(r.cases_completed);
  for (const auto& [id, v] : l.expected["visits"].items()) {
    const auto it = std::find_if(r.activities.begin(), r.activities.end(), [&, key = id](const auto& a) { return a.id == key; });
    REQUIRE(it != r.activities.end());
    INFO("activity " << id);
    CHECK(static_cast<double>(it->count) / cases == Approx(v.get<double>()).epsilon(0.02));
  }
}
