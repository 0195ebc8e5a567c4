// SPDX-License-Identifier: MIT
// Prosimos scenarios (importers/prosimos_scenario.h, `lotse simulate --scenario`): a BPMN without any
// simulation parameters plus a Prosimos JSON gives the closed forms of queueing theory; branching shares,
// the parameter conventions of Prosimos 2.x, errors with file:line, notes for what is not simulated.
#include "importers/importer.h"
#include "importers/prosimos_scenario.h"
#include "tests/support/cli_run.h"
#include "tests/support/data_copy.h"
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace lotse;
using nlohmann::json;

namespace {

// M/M/1 without any parameters in the BPMN: everything comes from the scenario.
const char* const mm1_bpmn = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.org/t">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"/>
    <bpmn:task id="A" name="Antrag bearbeiten"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="A"/>
    <bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>
)";

// Prosimos 2.x: expon [mean, min, max] in seconds; arrivals mean 10 min, service mean 8 min.
std::string mm1_scenario(const std::string& extra = "") {
  return R"({
  "resource_profiles": [
    {"id": "pool_clerk", "name": "Sachbearbeitung", "resource_list": [
      {"id": "clerk", "name": "Sachbearbeitung", "cost_per_hour": "60", "amount": 1, "calendar": "247",
       "assignedTasks": ["A"]}]}
  ],
  "arrival_time_distribution": {"distribution_name": "expon",
    "distribution_params": [{"value": 600}, {"value": 0}, {"value": 1000000}]},
  "arrival_time_calendar": [{"from": "MONDAY", "to": "SUNDAY", "beginTime": "00:00:00.000", "endTime": "23:59:59.999"}],
  "gateway_branching_probabilities": [],
  "task_resource_distribution": [
    {"task_id": "A", "resources": [{"resource_id": "clerk", "distribution_name": "expon",
      "distribution_params": [{"value": 480}, {"value": 0}, {"value": 1000000}]}]}
  ],
  "resource_calendars": [{"id": "247", "name": "24/7",
    "time_periods": [{"from": "MONDAY", "to": "SUNDAY", "beginTime": "00:00:00.000", "endTime": "23:59:59.999"}]}])" +
         extra + "\n}\n";
}

const char* const gateway_bpmn = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.org/t">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"/>
    <bpmn:exclusiveGateway id="G" name="vollständig?"/>
    <bpmn:task id="A" name="Nachfordern"/>
    <bpmn:task id="B" name="Bescheiden"/>
    <bpmn:exclusiveGateway id="J"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
    <bpmn:sequenceFlow id="fa" sourceRef="G" targetRef="A"/>
    <bpmn:sequenceFlow id="fb" sourceRef="G" targetRef="B"/>
    <bpmn:sequenceFlow id="f3" sourceRef="A" targetRef="J"/>
    <bpmn:sequenceFlow id="f4" sourceRef="B" targetRef="J"/>
    <bpmn:sequenceFlow id="f5" sourceRef="J" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>
)";

const char* const gateway_scenario = R"({
  "resource_profiles": [{"id": "p", "name": "Team", "resource_list": [
    {"id": "r", "name": "Team", "cost_per_hour": 50, "amount": 5, "calendar": "247"}]}],
  "arrival_time_distribution": {"distribution_name": "expon", "distribution_params": [{"value": 600}, {"value": 0}, {"value": 1e9}]},
  "gateway_branching_probabilities": [
    {"gateway_id": "G", "probabilities": [{"path_id": "fa", "value": "0.3"}, {"path_id": "fb", "value": 0.7}]}],
  "task_resource_distribution": [
    {"task_id": "A", "resources": [{"resource_id": "r", "distribution_name": "fix", "distribution_params": [{"value": 60}]}]},
    {"task_id": "B", "resources": [{"resource_id": "r", "distribution_name": "fix", "distribution_params": [{"value": 60}]}]}],
  "resource_calendars": [{"id": "247", "name": "24/7",
    "time_periods": [{"from": "MONDAY", "to": "SUNDAY", "beginTime": "00:00:00", "endTime": "23:59:59"}]}]
}
)";

json simulate_json(const std::vector<std::string>& args, int expected_code = 0) {
  std::vector<std::string> all{"simulate"};
  all.insert(all.end(), args.begin(), args.end());
  all.insert(all.end(), {"--format", "json", "--quiet"});
  const auto r = test::lotse_run(all);
  INFO(r.err);
  REQUIRE(r.code == expected_code);
  return json::parse(r.out);
}

bool has_code(const json& j, const std::string& code, const std::string& text = "") {
  for (const auto& d : j["diagnostics"]) {
    if (d["code"] == code && d["message"].get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

const json& pool(const json& j, const std::string& id) {
  for (const auto& p : j["resources"]) {
    if (p["id"] == id) return p;
  }
  FAIL("no pool " << id);
  throw std::logic_error("unreachable");
}

void within_ci(const json& est, double exact, double rel) {
  const double mean = est["mean"].get<double>(), ci = est["ci95"].get<double>();
  INFO("simulated " << mean << " ± " << ci << ", exact " << exact);
  CHECK(std::abs(mean - exact) <= ci);
  CHECK(mean == Approx(exact).epsilon(rel));
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

engine::ProcessModel import_text(const std::string& bpmn) {
  auto imp = importers::import_source(engine::SourceFile("m.bpmn", bpmn));
  REQUIRE(imp.model);
  return std::move(*imp.model);
}

} // namespace

TEST_CASE("Prosimos scenario: M/M/1 from the JSON gives W = 1/(mu - lambda) = 40 min and utilisation 0.8",
          "[sim][prosimos]") {
  test::TempDir dir("prosimos-mm1");
  test::write_file(dir.path, "mm1.bpmn", mm1_bpmn);
  test::write_file(dir.path, "szenario.json", mm1_scenario());
  const json j = simulate_json({(dir.path / "mm1.bpmn").string(), "--scenario", (dir.path / "szenario.json").string(),
                                "--cases", "100000", "--replications", "5", "--seed", "14"});
  CHECK(j["cases_completed"] == 500'000);
  within_ci(j["cycle_time"], 2400.0, 0.05);     // W = 1 / (1/480 - 1/600) s
  within_ci(j["waiting_time"], 1920.0, 0.06);   // Wq = rho W
  within_ci(j["cost_per_case"], 8.0, 0.01);     // 480 s at 60 EUR/h
  const json& p = pool(j, "clerk");
  CHECK(p["name"] == "Sachbearbeitung");
  CHECK(p["capacity"] == 1);
  CHECK(p["eur_per_hour"].get<double>() == 60.0);
  {
    const double u = p["utilization"].get<double>(), ci = p["utilization_ci95"].get<double>();
    INFO("utilisation " << u << " ± " << ci);
    CHECK(std::abs(u - 0.8) <= ci);
    CHECK(u == Approx(0.8).epsilon(0.01));
  }
  CHECK(has_code(j, "SIM-060"));
  CHECK_FALSE(has_code(j, "SIM-051"));
  CHECK_FALSE(has_code(j, "SIM-055"));
  CHECK_FALSE(has_code(j, "SIM-061"));  // max 1,000,000 s cuts nothing of Exp(480 s)
}

TEST_CASE("Prosimos scenario: gateway probabilities 0.3/0.7 give branch shares within 4 standard errors", "[sim][prosimos]") {
  test::TempDir dir("prosimos-gw");
  test::write_file(dir.path, "g.bpmn", gateway_bpmn);
  test::write_file(dir.path, "g.json", gateway_scenario);  // found next to the model
  const json j = simulate_json({(dir.path / "g.bpmn").string(), "--cases", "20000", "--seed", "3"});
  CHECK(has_code(j, "SIM-056", "g.json"));
  double a = 0, b = 0;
  for (const auto& act : j["activities"]) {
    if (act["id"] == "A") a = act["count"].get<double>();
    if (act["id"] == "B") b = act["count"].get<double>();
  }
  const double n = a + b, share = a / n, se = std::sqrt(0.3 * 0.7 / n);
  INFO("share " << share << " of " << n << ", se " << se);
  CHECK(n == 100'000);
  CHECK(std::abs(share - 0.3) <= 4 * se);
  CHECK(has_code(j, "SIM-060"));
  // --no-scenario: the bare model has no arrival rate.
  const auto bare = test::lotse_run({"simulate", (dir.path / "g.bpmn").string(), "--no-scenario", "--format", "json", "--quiet"});
  CHECK(bare.code == 1);
  CHECK(bare.out.find("SIM-013") != std::string::npos);
}

TEST_CASE("Prosimos scenario: malformed JSON is a German error with the line, exit 65", "[sim][prosimos]") {
  test::TempDir dir("prosimos-bad");
  test::write_file(dir.path, "mm1.bpmn", mm1_bpmn);
  test::write_file(dir.path, "kaputt.json", "{\n  \"resource_profiles\": [\n    {\"id\": \"p\" \"name\": \"x\"}\n  ]\n}\n");
  const auto r = test::lotse_run({"simulate", (dir.path / "mm1.bpmn").string(), "--scenario", (dir.path / "kaputt.json").string()});
  CHECK(r.code == 65);
  INFO(r.err);
  CHECK(r.err.find("kaputt.json:3:") != std::string::npos);
  CHECK(r.err.find("Fehler [IN-010]: JSON-Syntaxfehler") != std::string::npos);
  CHECK(r.out.empty());
  // A value of the wrong form: SIM-050 at its line, exit 65.
  test::write_file(dir.path, "form.json", "{\n \"arrival_time_distribution\": {\"distribution_name\": \"expon\",\n"
                                          "   \"distribution_params\": [{\"value\": \"zehn\"}]}\n}\n");
  const auto f = test::lotse_run({"simulate", (dir.path / "mm1.bpmn").string(), "--scenario", (dir.path / "form.json").string()});
  CHECK(f.code == 65);
  INFO(f.err);
  CHECK(f.err.find("form.json:3:") != std::string::npos);
  CHECK(f.err.find("[SIM-050]") != std::string::npos);
  // A scenario that does not exist.
  CHECK(test::lotse_run({"simulate", (dir.path / "mm1.bpmn").string(), "--scenario", (dir.path / "fehlt.json").string()}).code == 65);
}

TEST_CASE("Prosimos scenario: unknown keys and unsupported sections are named in notes", "[sim][prosimos]") {
  test::TempDir dir("prosimos-keys");
  test::write_file(dir.path, "mm1.bpmn", mm1_bpmn);
  test::write_file(dir.path, "s.json", mm1_scenario(",\n  \"foo_bar\": 1,\n  \"case_attributes\": []"));
  const json j = simulate_json({(dir.path / "mm1.bpmn").string(), "--scenario", (dir.path / "s.json").string(), "--cases", "500"});
  CHECK(has_code(j, "SIM-051", "'foo_bar'"));
  CHECK(has_code(j, "SIM-052", "'case_attributes'"));
  for (const auto& d : j["diagnostics"]) {
    if (d["code"] == "SIM-051") {
      CHECK(d["severity"] == "note");
      CHECK(d["line"] == 17);
    }
  }
}

TEST_CASE("Prosimos scenario: the scenario is an input outputs may not overwrite", "[sim][prosimos]") {
  test::TempDir dir("prosimos-out");
  test::write_file(dir.path, "mm1.bpmn", mm1_bpmn);
  test::write_file(dir.path, "s.csv", mm1_scenario());
  const auto r = test::lotse_run({"simulate", (dir.path / "mm1.bpmn").string(), "--scenario", (dir.path / "s.csv").string(),
                                  "--log", (dir.path / "s.csv").string()});
  CHECK(r.code == 2);
  CHECK(slurp((dir.path / "s.csv").string()) == mm1_scenario());
}

TEST_CASE("Prosimos scenario: parameter conventions of Prosimos 2.x and file:line of every finding", "[sim][prosimos]") {
  const engine::ProcessModel m = import_text(gateway_bpmn);
  const std::string scenario = R"({
  "resource_profiles": [{"id": "p", "name": "Team", "resource_list": [
      {"id": "r1", "name": "Anna", "cost_per_hour": 40, "amount": 2, "calendar": "c"},
      {"id": "r2", "name": "Ben", "cost_per_hour": 60, "amount": 1, "calendar": "c"}]}],
  "arrival_time_distribution": {"distribution_name": "norm", "distribution_params": [{"value": 600}, {"value": 60}, {"value": 0}, {"value": 1e9}]},
  "arrival_time_calendar": [{"from": "MONDAY", "to": "FRIDAY", "beginTime": "08:00:00", "endTime": "16:00:00"}],
  "task_resource_distribution": [
    {"task_id": "A", "resources": [
      {"resource_id": "r1", "distribution_name": "expon", "distribution_params": [{"value": 300}, {"value": 60}, {"value": 1e9}]}]},
    {"task_id": "B", "resources": [
      {"resource_id": "r1", "distribution_name": "gamma", "distribution_params": [{"value": 600}, {"value": 36000}, {"value": 0}, {"value": 1e9}]},
      {"resource_id": "r2", "distribution_name": "gamma", "distribution_params": [{"value": 900}, {"value": 36000}, {"value": 0}, {"value": 1e9}]}]},
    {"task_id": "Nirgends", "resources": []}],
  "resource_calendars": [{"id": "c", "name": "Amt",
    "time_periods": [{"from": "MONDAY", "to": "THURSDAY", "beginTime": "08:00:00", "endTime": "16:00:00"},
                     {"from": "FRIDAY", "to": "FRIDAY", "beginTime": "08:00:00", "endTime": "12:30:00"}]}]
}
)";
  const auto r = importers::apply_prosimos_scenario(engine::SourceFile("s.json", scenario), m);
  REQUIRE(r.model);
  const auto& sim = r.model->simulation();
  CHECK(sim.dialect == "prosimos");
  // One pool per profile; several resources merged (2 + 1 persons), the first one's cost (SIM-057).
  REQUIRE(sim.pools.size() == 1);
  CHECK(sim.pools[0].id == "p");
  CHECK(sim.pools[0].amount == 3);
  CHECK(sim.pools[0].cost->euros_per_hour() == 40.0);
  CHECK(sim.pools[0].timetable == "c");
  CHECK(r.diagnostics.contains(engine::DiagId::sim_scenario_pool_merged));
  // Calendars: weekday ranges and times.
  const auto cal = std::find_if(sim.timetables.begin(), sim.timetables.end(), [](const auto& t) { return t.id == "c"; });
  REQUIRE(cal != sim.timetables.end());
  REQUIRE(cal->rules.size() == 2);
  CHECK(cal->rules[1].from_weekday == 4);
  CHECK(engine::to_seconds(cal->rules[1].to_time) == 12.5 * 3600);
  CHECK(!sim.arrival_timetable.empty());
  // Arrivals: norm [mean, std, min, max].
  REQUIRE(sim.arrival);
  CHECK(sim.arrival->value.kind == engine::DistKind::normal);
  CHECK(sim.arrival->value.p1 == 600);
  CHECK(sim.arrival->value.p2 == 60);
  // expon [mean, min, max] with min > 0: min + Exp(mean - min) as a gamma of equal mean and variance.
  const auto& a = r.model->node(*r.model->find_node("A")).attrs;
  REQUIRE(a.duration);
  CHECK(a.duration->value.kind == engine::DistKind::gamma);
  CHECK(a.duration->value.mean() == Approx(300));
  CHECK(a.duration->value.p1 * a.duration->value.p2 * a.duration->value.p2 == Approx(240.0 * 240.0));  // variance
  CHECK(a.resources == std::vector<std::string>{"p"});
  // gamma [mean, variance, ...]; two resources with different means: the first's shape scaled to the
  // persons-weighted mean (2 x 600 + 1 x 900) / 3 = 700 s (SIM-054); r1 may use 2 of 3 persons (SIM-058).
  const auto& b = r.model->node(*r.model->find_node("B")).attrs;
  REQUIRE(b.duration);
  CHECK(b.duration->value.kind == engine::DistKind::gamma);
  CHECK(b.duration->value.p1 == Approx(10.0));  // shape mean^2/variance = 600^2/36000
  CHECK(b.duration->value.mean() == Approx(700));
  // Findings with the scenario's lines.
  std::map<std::string, std::uint32_t> line;
  for (const auto& d : r.diagnostics) {
    line.emplace(std::string(d.code()), d.at.line);
    CHECK(d.file == "s.json");
  }
  CHECK(line["SIM-054"] == 10);  // task B
  CHECK(line["SIM-055"] == 9);  // expon with min > 0, in the entry of task A
  CHECK(line["SIM-053"] == 13);  // task "Nirgends"
  CHECK(line["SIM-057"] == 2);
  CHECK(r.diagnostics.contains(engine::DiagId::sim_scenario_pool_subset));
}

TEST_CASE("Prosimos scenario: the shared permit benchmark with its real Prosimos JSON", "[sim][prosimos][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const std::string dir = shared + "/bench-models/";
  const json j = simulate_json({dir + "permit.bpmn", "--scenario", dir + "permit.json", "--cases", "20000", "--seed", "2026"});
  CHECK_FALSE(has_code(j, "SIM-056"));  // given explicitly
  CHECK(has_code(j, "SIM-060", "4"));
  const json x = json::parse(slurp(dir + "permit.expected.json"));
  within_ci(j["cost_per_case"], x["cost_per_case"].get<double>(), 0.02);
  for (const auto& [id, u] : x["utilization"].items()) {
    const json& p = pool(j, id);
    INFO("pool " << id << ": " << p["utilization"] << " ± " << p["utilization_ci95"]);
    CHECK(std::abs(p["utilization"].get<double>() - u.get<double>()) <= p["utilization_ci95"].get<double>());
  }
  // mm1.json lies next to mm1.bpmn: used without asking, and said so.
  const json m = simulate_json({dir + "mm1.bpmn", "--cases", "20000", "--seed", "2026"});
  CHECK(has_code(m, "SIM-056", "mm1.json"));
  within_ci(m["cycle_time"], 900.0, 0.05);
  const json& r1 = pool(m, "R1");
  within_ci(json{{"mean", r1["utilization"]}, {"ci95", r1["utilization_ci95"]}}, 0.6, 0.03);
}
