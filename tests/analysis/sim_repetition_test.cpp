// SPDX-License-Identifier: MIT
// Issue #14 (events and repetition), checked against closed forms: non-interrupting and interrupting
// timers on a task with exponential duration, parallel and sequential multi-instance, a standard loop
// with a repeat probability and a maximum; the exact workload (visits) counts the same executions as
// the simulation; the BPMN reader and writer keep loopCardinality, loopMaximum and loop_probability.
#include "analysis/repetition.h"
#include "analysis/sim/run.h"
#include "analysis/visits.h"
#include "engine/analysis_context.h"
#include "importers/bpmn_test_support.h"
#include "reports/bpmn_writer.h"
#include "sim_test_models.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace lotse;
using engine::Distribution;
using engine::NodeKind;
using Trigger = engine::EventTrigger;

namespace {

constexpr double m_s = 3600;  // mean task duration: one hour

analysis::sim::SimOptions opts(std::int64_t cases) {
  analysis::sim::SimOptions o;
  o.cases = cases;
  o.replications = 2;
  o.seed = 14;
  return o;
}

/// S -> Pruefen (exponential, mean 1 h; a timer of `timer` on it) -> E1; timer -> Erinnern (`remind_s`) -> E2.
engine::ProcessModel timed_task(bool interrupting, const char* timer, double remind_s = 0) {
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86400));  // one case a day: nothing queues
  const auto s = m.event("S", NodeKind::start_event);
  const auto t = m.task("Pruefen", Distribution::exponential_mean(m_s));
  const auto b = m.event("Frist", NodeKind::boundary_event, Trigger::timer);
  m.builder().node(b).timer = timer;
  m.builder().node(b).interrupting = interrupting;
  m.builder().attach_boundary(b, "Pruefen", {});
  const auto remind = m.task("Erinnern", Distribution::fixed_seconds(remind_s));
  m.flow(s, t);
  m.flow(t, m.event("E1", NodeKind::end_event));
  m.flow(b, remind);
  m.flow(remind, m.event("E2", NodeKind::end_event));
  return m.finish();
}

/// S -> Bescheid (exponential, mean 1 h, with the given loop characteristics) -> E.
engine::ProcessModel repeated_task(engine::LoopKind loop, std::optional<double> cardinality,
                                   std::optional<double> maximum = {}, std::optional<double> again = {}) {
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86400));
  const auto s = m.event("S", NodeKind::start_event);
  const auto t = m.task("Bescheid", Distribution::exponential_mean(m_s));
  auto& n = m.builder().node(t);
  n.loop = loop;
  n.loop_cardinality = cardinality;
  n.loop_maximum = maximum;
  if (again) n.attrs.loop_probability = engine::Located<double>{*again, {}};
  m.flow(s, t);
  m.flow(t, m.event("E", NodeKind::end_event));
  return m.finish();
}

double visits_of(const engine::ProcessModel& m, const char* id) {
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<analysis::VisitsPass>();
  return r.visits.at(*m.find_node(id));
}

bool has_code(const engine::Diagnostics& d, std::string_view code) {
  for (const auto& x : d) {
    if (x.code() == code) return true;
  }
  return false;
}

} // namespace

TEST_CASE("a non-interrupting timer fires in a share e^(-T/m) of cases and the task goes on", "[sim][events]") {
  const auto model = timed_task(false, "PT1H", 2 * m_s);
  const auto r = analysis::sim::simulate(model, opts(100'000));
  REQUIRE(r.ok);
  CHECK_FALSE(has_code(r.diagnostics, "SIM-004"));
  const double n = static_cast<double>(r.cases_completed);
  REQUIRE(n == 200'000);
  const double p = std::exp(-1.0);  // T = m
  // Binomial: 4 standard errors at 200,000 cases is 0.0043.
  CHECK(std::abs(static_cast<double>(r.activities.at(1).count) / n - p) < 4 * std::sqrt(p * (1 - p) / n));
  CHECK(r.activities.at(0).count == r.cases_completed);  // every task completes
  // The case ends when both paths have: X, or max(X, T + D) when the timer fired (X > T); with the
  // reminder taking D = 2m: E = m + e^(-T/m) (D - m (1 - e^(-D/m))) = m (1 + e^-1 (1 + e^-2)).
  CHECK(r.cycle_s.mean == Approx(m_s * (1 + p * (1 + std::exp(-2.0)))).epsilon(0.01));
}

TEST_CASE("an interrupting timer leaves a mean time in the task of m (1 - e^(-T/m))", "[sim][events]") {
  const auto model = timed_task(true, "PT30M");
  const auto r = analysis::sim::simulate(model, opts(100'000));
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  const double fired = std::exp(-0.5);  // P(X > T), T = m / 2
  CHECK(std::abs(static_cast<double>(r.activities.at(1).count) / n - fired) < 4 * std::sqrt(fired * (1 - fired) / n));
  CHECK(static_cast<double>(r.activities.at(0).count) / n == Approx(1 - fired).epsilon(0.01));
  // Time in the task = min(X, T); the escalation takes no time, so the cycle time is that minimum.
  CHECK(r.cycle_s.mean == Approx(m_s * (1 - fired)).epsilon(0.01));
}

TEST_CASE("multi-instance with cardinality 3: parallel m(1 + 1/2 + 1/3), sequential 3m, 3 visits", "[sim][repetition]") {
  SECTION("parallel") {
    const auto model = repeated_task(engine::LoopKind::parallel_multi_instance, 3.0);
    const auto r = analysis::sim::simulate(model, opts(50'000));
    REQUIRE(r.ok);
    CHECK_FALSE(has_code(r.diagnostics, "SIM-005"));
    CHECK(r.activities.at(0).count == 3 * r.cases_completed);
    CHECK(r.cycle_s.mean == Approx(m_s * (1 + 1.0 / 2 + 1.0 / 3)).epsilon(0.01));
    CHECK(visits_of(model, "Bescheid") == Approx(3.0));
  }
  SECTION("sequential") {
    const auto model = repeated_task(engine::LoopKind::sequential_multi_instance, 3.0);
    const auto r = analysis::sim::simulate(model, opts(50'000));
    REQUIRE(r.ok);
    CHECK(r.activities.at(0).count == 3 * r.cases_completed);
    CHECK(r.cycle_s.mean == Approx(3 * m_s).epsilon(0.01));
    CHECK(visits_of(model, "Bescheid") == Approx(3.0));
  }
  SECTION("a fractional cardinality is an expected count; 0 skips the activity") {
    const auto model = repeated_task(engine::LoopKind::parallel_multi_instance, 2.5);
    const auto r = analysis::sim::simulate(model, opts(50'000));
    REQUIRE(r.ok);
    CHECK(static_cast<double>(r.activities.at(0).count) / static_cast<double>(r.cases_completed) == Approx(2.5).epsilon(0.01));
    CHECK(visits_of(model, "Bescheid") == Approx(2.5));
    const auto none = repeated_task(engine::LoopKind::parallel_multi_instance, 0.0);
    const auto z = analysis::sim::simulate(none, opts(1'000));
    REQUIRE(z.ok);
    CHECK(z.activities.at(0).count == 0);
    CHECK(z.cycle_s.mean == 0);
    CHECK(visits_of(none, "Bescheid") == 0);
  }
}

TEST_CASE("a standard loop repeats with its probability up to loopMaximum, in the simulation and the visits", "[sim][repetition]") {
  // p = 0.5, at most 4 iterations: (1 - 0.5^4) / (1 - 0.5) = 1.875 executions per case.
  const auto model = repeated_task(engine::LoopKind::standard, {}, 4.0, 0.5);
  const auto r = analysis::sim::simulate(model, opts(50'000));
  REQUIRE(r.ok);
  const double per_case = static_cast<double>(r.activities.at(0).count) / static_cast<double>(r.cases_completed);
  CHECK(per_case == Approx(1.875).epsilon(0.01));
  CHECK(r.cycle_s.mean == Approx(1.875 * m_s).epsilon(0.015));
  CHECK(visits_of(model, "Bescheid") == Approx(1.875));
  // Without a maximum 1 / (1 - p); a maximum alone runs exactly that many times.
  CHECK(visits_of(repeated_task(engine::LoopKind::standard, {}, {}, 0.75), "Bescheid") == Approx(4.0));
  const auto fixed4 = repeated_task(engine::LoopKind::standard, {}, 4.0);
  CHECK(visits_of(fixed4, "Bescheid") == Approx(4.0));
  const auto f = analysis::sim::simulate(fixed4, opts(1'000));
  CHECK(f.activities.at(0).count == 4 * f.cases_completed);
}

TEST_CASE("a loop marker without a count runs once and says so", "[sim][repetition]") {
  const auto model = repeated_task(engine::LoopKind::parallel_multi_instance, {});
  CHECK_FALSE(analysis::repetition_of(model.node(*model.find_node("Bescheid"))).has_value());
  const auto r = analysis::sim::simulate(model, opts(1'000));
  REQUIRE(r.ok);
  CHECK(has_code(r.diagnostics, "SIM-005"));
  CHECK(r.activities.at(0).count == r.cases_completed);
  CHECK(visits_of(model, "Bescheid") == Approx(1.0));
}

TEST_CASE("loopCardinality, loopMaximum and loop_probability are read from BPMN and written back", "[importer][bpmn][repetition]") {
  const std::string body = R"(<process id="P" isExecutable="false">
  <startEvent id="S" />
  <task id="A" name="Anhörung"><multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>${ 3 }</loopCardinality></multiInstanceLoopCharacteristics></task>
  <task id="B" name="Nachfordern">
    <extensionElements><lotse:attributes xmlns:lotse="https://prozesslotse.de/bpmn/1.0"><lotse:attribute name="loop_probability" value="0.25" /></lotse:attributes></extensionElements>
    <standardLoopCharacteristics loopMaximum="3" />
  </task>
  <task id="C" name="Beteiligte"><multiInstanceLoopCharacteristics><loopCardinality>${anzahl}</loopCardinality></multiInstanceLoopCharacteristics></task>
  <endEvent id="E" />
  <sequenceFlow id="f1" sourceRef="S" targetRef="A" /><sequenceFlow id="f2" sourceRef="A" targetRef="B" />
  <sequenceFlow id="f3" sourceRef="B" targetRef="C" /><sequenceFlow id="f4" sourceRef="C" targetRef="E" />
</process>
)";
  const auto r = test::import_bpmn(test::bpmn_doc("", body));
  REQUIRE(r.model);
  const auto& m = *r.model;
  const auto& a = m.node(*m.find_node("A"));
  CHECK(a.loop == engine::LoopKind::sequential_multi_instance);
  CHECK(a.loop_cardinality == 3.0);
  const auto& b = m.node(*m.find_node("B"));
  CHECK(b.loop_maximum == 3.0);
  REQUIRE(b.attrs.loop_probability);
  CHECK(b.attrs.loop_probability->value == 0.25);
  CHECK_FALSE(m.node(*m.find_node("C")).loop_cardinality);
  CHECK(test::messages(r.diagnostics, "BPMN-032") ==
        std::vector<std::string>{"t.bpmn:10:68: warning [BPMN-032]: count '${anzahl}' of the loop or multi-instance of "
                                 "'C' is not a number between 0 and 10,000; ignored"});
  // 1 + 0.25 + 0.0625 executions of B.
  CHECK(visits_of(m, "B") == Approx(1.3125));
  CHECK(visits_of(m, "A") == Approx(3.0));

  const auto again = test::import_bpmn(reports::write_bpmn(m), "again.bpmn");
  REQUIRE(again.model);
  const auto& m2 = *again.model;
  CHECK(m2.node(*m2.find_node("A")).loop_cardinality == 3.0);
  CHECK(m2.node(*m2.find_node("A")).loop == engine::LoopKind::sequential_multi_instance);
  CHECK(m2.node(*m2.find_node("B")).loop_maximum == 3.0);
  CHECK(m2.node(*m2.find_node("B")).attrs.loop_probability->value == 0.25);
  CHECK(visits_of(m2, "B") == Approx(1.3125));
}

namespace {

/// S -> Mappe (a batch activity, `rule`; per-item time `item_s`, optional pool R of one person) -> E.
engine::ProcessModel batch_model(const Distribution& arrival, const engine::BatchRule& rule, double item_s = 0,
                                 bool pool = false) {
  test::SimModel m;
  m.arrival(arrival);
  if (pool) m.pool("R", 1, 60);
  const auto s = m.event("S", NodeKind::start_event);
  const auto t = m.task("Mappe", Distribution::fixed_seconds(item_s), pool ? "R" : "");
  m.builder().node(t).attrs.batch = rule;
  m.flow(s, t);
  m.flow(t, m.event("E", NodeKind::end_event));
  return m.finish();
}

engine::BatchRule weekly(const char* when) {
  engine::BatchRule r;
  r.release = when;
  return r;
}

} // namespace

TEST_CASE("a weekly batch (Friday 10:00) behind arrivals spread over the week waits 3.5 days", "[sim][batch]") {
  const auto model = batch_model(Distribution::exponential_mean(3600), weekly("Fr 10:00"));
  const auto r = analysis::sim::simulate(model, opts(100'000));
  REQUIRE(r.ok);
  CHECK(r.activities.at(0).count == r.cases_completed);
  // The wait until the next Friday 10:00 is uniform over one week (sd 2.02 d; 4 standard errors 0.02 d).
  CHECK(r.cycle_s.mean / 86400 == Approx(3.5).margin(0.02));
  // Around the clock a working day is 24 h: working days equal calendar days.
  CHECK(r.cycle_working_days.mean == Approx(r.cycle_s.mean / 86400));
  CHECK(r.max_s <= 7 * 86400.0);
}

TEST_CASE("a weekly batch behind arrivals in office hours only follows the calendar", "[sim][batch]") {
  // Arrivals Mo-Fr 08:00-16:00 (Poisson in open time), release Friday 10:00. By hand: an arrival on day
  // d (Mo = 0) at hour h waits (4 - d) * 24 + (10 - h) hours, one week more on Friday after 10:00.
  // E = 24 * (4 + 3 + 2 + 1 + 0) / 5 + (10 - 12) + 168 * P(Fri, h >= 10) = 48 - 2 + 168 * (1/5 * 6/8) = 71.2 h.
  auto o = opts(100'000);
  o.timetable = "Mo-Fr 08:00-16:00";
  o.cases_per_year = 2000;
  const auto model = batch_model(Distribution::exponential_mean(3600), weekly("Freitag 10:00"));
  const auto r = analysis::sim::simulate(model, o);
  REQUIRE(r.ok);
  CHECK(r.cycle_s.mean / 3600 == Approx(71.2).margin(0.6));
}

TEST_CASE("batch size, maximum wait, setup and time per item", "[sim][batch]") {
  SECTION("five cases per batch behind Poisson arrivals: mean wait of 2 inter-arrival times") {
    engine::BatchRule r;
    r.size = 5;
    const auto res = analysis::sim::simulate(batch_model(Distribution::exponential_mean(3600), r), opts(100'000));
    REQUIRE(res.ok);
    CHECK(res.cycle_s.mean / 3600 == Approx(2.0).margin(0.03));
  }
  SECTION("a maximum wait W: (W + lambda W * W/2) / (1 + lambda W)") {
    engine::BatchRule r;
    r.max_wait = engine::from_minutes(120);
    const auto res = analysis::sim::simulate(batch_model(Distribution::exponential_mean(3600), r), opts(100'000));
    REQUIRE(res.ok);
    CHECK(res.cycle_s.mean / 3600 == Approx(4.0 / 3).margin(0.02));
  }
  SECTION("three cases a batch, 30 min setup + 10 min each, one person: exact figures") {
    engine::BatchRule r;
    r.size = 3;
    r.setup = engine::from_minutes(30);
    r.per_item = engine::from_minutes(10);
    const auto res = analysis::sim::simulate(batch_model(Distribution::fixed_seconds(3600), r, 0, true), opts(3'000));
    REQUIRE(res.ok);
    // Cases arrive hourly; the third releases the batch, which takes 60 min: cycle times 3 h, 2 h, 1 h.
    CHECK(res.cycle_s.mean == Approx(2 * 3600.0));
    CHECK(res.activities.at(0).count == 6'000);
    CHECK(res.activities.at(0).duration_s.mean == Approx(20 * 60.0));  // the batch's hour, shared by three
    CHECK(res.pools.at(0).utilization.mean == Approx(1.0 / 3).epsilon(0.01));
  }
  SECTION("a rule that cannot be read is a warning; a batch without a rule is not batched") {
    const auto res = analysis::sim::simulate(batch_model(Distribution::fixed_seconds(3600), weekly("freitags")), opts(100));
    REQUIRE(res.ok);
    CHECK(has_code(res.diagnostics, "SIM-035"));
    CHECK(has_code(res.diagnostics, "SIM-036"));
    CHECK(res.cycle_s.mean == 0);
  }
}

TEST_CASE("event-based gateway with two exponential timers: the first wins with probability a/(a+b)", "[sim][events]") {
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86400));
  const auto s = m.event("S", NodeKind::start_event);
  const auto g = m.node("G", NodeKind::event_based_gateway);
  const auto fast = m.event("T1", NodeKind::intermediate_catch_event, Trigger::timer);
  const auto slow = m.event("T2", NodeKind::intermediate_catch_event, Trigger::timer);
  // Rates a = 1/h and b = 1/(2 h): P(T1 first) = 2/3, E[min] = 1 / (a + b) = 40 min.
  m.builder().node(fast).attrs.duration = engine::Located<Distribution>{Distribution::exponential_mean(3600), {}};
  m.builder().node(slow).attrs.duration = engine::Located<Distribution>{Distribution::exponential_mean(7200), {}};
  const auto a = m.task("A", Distribution::fixed_seconds(0));
  const auto b = m.task("B", Distribution::fixed_seconds(0));
  m.flow(s, g);
  m.flow(g, fast);
  m.flow(g, slow);
  m.flow(fast, a);
  m.flow(slow, b);
  m.flow(a, m.event("E1", NodeKind::end_event));
  m.flow(b, m.event("E2", NodeKind::end_event));
  const auto r = analysis::sim::simulate(m.finish(), opts(100'000));
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  const double p = 2.0 / 3;
  CHECK(std::abs(static_cast<double>(r.activities.at(0).count) / n - p) < 4 * std::sqrt(p * (1 - p) / n));
  CHECK(r.cycle_s.mean == Approx(2400).epsilon(0.01));
}
