// SPDX-License-Identifier: MIT
// Issue #14, points 1-3: message/signal/error/escalation/conditional boundary events with a probability
// and a time, event sub-processes, multi-instance completion share — each against a closed form, with a
// tolerance of 4 standard errors (binomial for shares, the law's standard deviation for means) at
// 2 x 100,000 cases; and the exact workload (visits) against the simulation's executions per case.
#include "analysis/event_rule.h"
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

analysis::sim::SimOptions opts(std::int64_t cases = 100'000) {
  analysis::sim::SimOptions o;
  o.cases = cases;
  o.replications = 2;
  o.seed = 14;
  return o;
}

double visits_of(const engine::ProcessModel& m, const char* id) {
  engine::AnalysisContext ctx(m);
  return ctx.get<analysis::VisitsPass>().visits.at(*m.find_node(id));
}

/// Executions per case of activity `id` in the simulation.
double per_case(const analysis::sim::SimulationResult& r, const char* id) {
  for (const auto& a : r.activities) {
    if (a.id == id) return static_cast<double>(a.count) / static_cast<double>(r.cases_completed);
  }
  FAIL("no activity " << id);
  return 0;
}

/// 4 binomial standard errors of a share p over n cases.
double four_se(double p, double n) { return 4 * std::sqrt(p * (1 - p) / n); }

engine::Located<double> at(double v) { return {v, {}}; }
engine::Located<Distribution> at(const Distribution& d) { return {d, {}}; }

/// S -> Pruefen (`task`) -> Weiter (0 s) -> E1; on Pruefen a boundary event `trigger` (interrupting or not)
/// with probability `p` (as lotse probability, or with `on_flow` as the executionProbability of its
/// outgoing flow, BIMP's way) and time `time` -> Antwort (0 s) -> E2. One case a day: nothing queues.
engine::ProcessModel bounded_task(const Distribution& task, Trigger trigger, bool interrupting, double p,
                                  std::optional<Distribution> time, bool on_flow = false) {
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86400));
  const auto s = m.event("S", NodeKind::start_event);
  const auto t = m.task("Pruefen", task);
  const auto b = m.event("Ereignis", NodeKind::boundary_event, trigger);
  m.builder().node(b).interrupting = interrupting;
  if (!on_flow) m.builder().node(b).attrs.occurrence = at(p);
  if (time) m.builder().node(b).attrs.duration = at(*time);
  m.builder().attach_boundary(b, "Pruefen", {});
  const auto next = m.task("Weiter", Distribution::fixed_seconds(0));
  const auto answer = m.task("Antwort", Distribution::fixed_seconds(0));
  m.flow(s, t);
  m.flow(t, next);
  m.flow(next, m.event("E1", NodeKind::end_event));
  if (on_flow) {
    m.flow(b, answer, p);
  } else {
    m.flow(b, answer);
  }
  m.flow(answer, m.event("E2", NodeKind::end_event));
  return m.finish();
}

} // namespace

TEST_CASE("an interrupting message event with p = 0.3 at T on a task of fixed D > T", "[sim][boundary]") {
  // With probability p the message comes at T < D: the task is cancelled at T and the token takes the
  // boundary path; else the task runs D. Share on the boundary path p; time in the task p T + (1 - p) D.
  constexpr double p = 0.3, T = 1200, D = 3600;
  for (const bool on_flow : {false, true}) {
    const auto model = bounded_task(Distribution::fixed_seconds(D), Trigger::message, true, p, Distribution::fixed_seconds(T), on_flow);
    const auto r = analysis::sim::simulate(model, opts());
    REQUIRE(r.ok);
    CHECK_FALSE(r.diagnostics.contains(engine::DiagId::sim_boundary_ignored));
    const double n = static_cast<double>(r.cases_completed);
    REQUIRE(n == 200'000);
    CHECK(std::abs(per_case(r, "Antwort") - p) < four_se(p, n));
    CHECK(per_case(r, "Antwort") + per_case(r, "Weiter") == Approx(1.0));
    // The cycle is T or D: its standard deviation is (D - T) sqrt(p (1 - p)).
    CHECK(std::abs(r.cycle_s.mean - (p * T + (1 - p) * D)) < (D - T) * four_se(p, n));
    // The exact workload: p on the boundary path, 1 - p on the normal one.
    CHECK(visits_of(model, "Antwort") == Approx(p));
    CHECK(visits_of(model, "Weiter") == Approx(1 - p));
    CHECK(std::abs(visits_of(model, "Antwort") - per_case(r, "Antwort")) < 0.01 * p);
  }
}

TEST_CASE("exponential task and exponential message time race: the event wins with m / (a + m)", "[sim][boundary]") {
  // Task X ~ Exp(mean m), event T ~ Exp(mean a), p = 1: P(T < X) = (1/a) / (1/a + 1/m) = m / (a + m);
  // the time in the task is min(T, X) ~ Exp(mean a m / (a + m)).
  constexpr double m_s = 3600, a_s = 7200;
  const double win = m_s / (a_s + m_s), mean = a_s * m_s / (a_s + m_s);
  const auto model = bounded_task(Distribution::exponential_mean(m_s), Trigger::signal, true, 1.0,
                                  Distribution::exponential_mean(a_s));
  const auto r = analysis::sim::simulate(model, opts());
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(std::abs(per_case(r, "Antwort") - win) < four_se(win, n));
  CHECK(std::abs(r.cycle_s.mean - mean) < 4 * mean / std::sqrt(n));
  // The visits integrate P(T <= X) over the two laws (analysis/event_rule.h).
  CHECK(visits_of(model, "Antwort") == Approx(win).epsilon(1e-4));
  CHECK(std::abs(visits_of(model, "Antwort") - per_case(r, "Antwort")) < 0.01 * win);
  CHECK(analysis::occurs_before(Distribution::exponential_mean(a_s), {0, Distribution::exponential_mean(m_s)}) ==
        Approx(win).epsilon(1e-4));
}

TEST_CASE("a non-interrupting escalation: the task completes, the path runs in a share p P(T < X)", "[sim][boundary]") {
  // p = 0.5, T = 30 min fixed, X ~ Exp(1 h): share p e^(-T/m) = 0.5 e^(-0.5).
  constexpr double m_s = 3600, T = 1800, p = 0.5;
  const double share = p * std::exp(-T / m_s);
  const auto model = bounded_task(Distribution::exponential_mean(m_s), Trigger::escalation, false, p, Distribution::fixed_seconds(T));
  const auto r = analysis::sim::simulate(model, opts());
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(per_case(r, "Pruefen") == 1.0);
  CHECK(per_case(r, "Weiter") == 1.0);
  CHECK(std::abs(per_case(r, "Antwort") - share) < four_se(share, n));
  CHECK(visits_of(model, "Antwort") == Approx(share).epsilon(1e-4));
  CHECK(visits_of(model, "Weiter") == Approx(1.0));
  CHECK(std::abs(visits_of(model, "Antwort") - per_case(r, "Antwort")) < 0.01 * share);
}

TEST_CASE("an error boundary event is thrown at the task's end with its probability", "[sim][boundary]") {
  // p = 0.2: the work is done (and counted) every time; the token leaves by the error path in 20 %.
  constexpr double p = 0.2;
  const auto model = bounded_task(Distribution::exponential_mean(3600), Trigger::error, true, p, std::nullopt);
  const auto r = analysis::sim::simulate(model, opts());
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(per_case(r, "Pruefen") == 1.0);
  CHECK(std::abs(per_case(r, "Antwort") - p) < four_se(p, n));
  CHECK(r.cycle_s.mean == Approx(3600).epsilon(4 / std::sqrt(n)));
  CHECK(visits_of(model, "Antwort") == Approx(p));
  CHECK(visits_of(model, "Weiter") == Approx(1 - p));
  SECTION("without a probability it is never thrown, and both say so") {
    test::SimModel m;
    m.arrival(Distribution::fixed_seconds(86400));
    const auto s = m.event("S", NodeKind::start_event);
    const auto t = m.task("Pruefen", Distribution::fixed_seconds(60));
    const auto b = m.event("Fehler", NodeKind::boundary_event, Trigger::error);
    m.builder().attach_boundary(b, "Pruefen", {});
    m.flow(s, t);
    m.flow(t, m.event("E1", NodeKind::end_event));
    m.flow(b, m.event("E2", NodeKind::end_event));
    const auto model2 = m.finish();
    const auto r2 = analysis::sim::simulate(model2, opts(100));
    REQUIRE(r2.ok);
    CHECK(r2.diagnostics.contains(engine::DiagId::sim_boundary_ignored));
    engine::AnalysisContext ctx(model2);
    CHECK(ctx.get<analysis::VisitsPass>().notes.contains(engine::DiagId::ana_boundary_no_probability));
  }
}

namespace {

/// S -> Bearbeiten (fixed D) -> E at process level, or inside a sub-process TP; an event sub-process
/// ESP (message start, probability p, fixed time T; interrupting or not) -> Storno (fixed 600 s).
engine::ProcessModel with_event_subprocess(bool interrupting, double p, double T, double D, bool in_subprocess) {
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86400));
  engine::NodeIndex scope = engine::npos;
  const auto s = m.event("S", NodeKind::start_event);
  auto last = s;
  if (in_subprocess) {
    scope = m.node("TP", NodeKind::sub_process);
    m.flow(s, scope);
    last = scope;
  }
  const auto is = in_subprocess ? m.event("TS", NodeKind::start_event, {}, scope) : engine::npos;
  const auto work = m.task("Bearbeiten", Distribution::fixed_seconds(D), "", scope);
  if (in_subprocess) {
    m.flow(is, work);
    m.flow(work, m.event("TE", NodeKind::end_event, {}, scope));
  } else {
    m.flow(s, work);
    last = work;
  }
  m.flow(last, m.event("E", NodeKind::end_event));
  const auto esp = m.node("ESP", NodeKind::sub_process, scope);
  m.builder().node(esp).triggered_by_event = true;
  const auto es = m.event("ES", NodeKind::start_event, Trigger::message, esp);
  m.builder().node(es).interrupting = interrupting;
  m.builder().node(es).attrs.occurrence = at(p);
  m.builder().node(es).attrs.duration = at(Distribution::fixed_seconds(T));
  const auto storno = m.task("Storno", Distribution::fixed_seconds(600), "", esp);
  m.flow(es, storno);
  m.flow(storno, m.event("EE", NodeKind::end_event, {}, esp));
  return m.finish();
}

} // namespace

TEST_CASE("an interrupting event sub-process with p at T < D cancels its scope in a share p", "[sim][boundary]") {
  // p = 0.4, T = 20 min, D = 1 h: Bearbeiten completes in 1 - p of the cases; Storno runs in p; the
  // case takes T + 600 s then, D otherwise.
  constexpr double p = 0.4, T = 1200, D = 3600;
  for (const bool nested : {false, true}) {
    const auto model = with_event_subprocess(true, p, T, D, nested);
    const auto r = analysis::sim::simulate(model, opts());
    REQUIRE(r.ok);
    CHECK_FALSE(r.diagnostics.contains(engine::DiagId::sim_event_subprocess_ignored));
    const double n = static_cast<double>(r.cases_completed);
    REQUIRE(n == 200'000);
    CHECK(std::abs(per_case(r, "Storno") - p) < four_se(p, n));
    CHECK(std::abs(per_case(r, "Bearbeiten") - (1 - p)) < four_se(p, n));
    CHECK(per_case(r, "Storno") + per_case(r, "Bearbeiten") == Approx(1.0));
    CHECK(std::abs(r.cycle_s.mean - (p * (T + 600) + (1 - p) * D)) < (D - T - 600) * four_se(p, n));
    if (nested) CHECK(per_case(r, "TP") == 1.0);  // the sub-process completes through its event sub-process
    CHECK(visits_of(model, "Storno") == Approx(p));
    CHECK(std::abs(visits_of(model, "Storno") - per_case(r, "Storno")) < 0.01 * p);
  }
}

TEST_CASE("a non-interrupting event sub-process runs beside the scope, which waits for it", "[sim][boundary]") {
  // p = 0.5, T = 30 min, D = 1 h, Storno 10 min (ends at 40 min < D): the work always completes; the
  // case takes D either way.
  constexpr double p = 0.5;
  const auto model = with_event_subprocess(false, p, 1800, 3600, true);
  const auto r = analysis::sim::simulate(model, opts());
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(per_case(r, "Bearbeiten") == 1.0);
  CHECK(std::abs(per_case(r, "Storno") - p) < four_se(p, n));
  CHECK(r.cycle_s.mean == Approx(3600));
  // T = 55 min: Storno ends 5 min after the work; the sub-process waits: p (3300 + 600) + (1 - p) 3600.
  const auto late = with_event_subprocess(false, p, 3300, 3600, true);
  const auto r2 = analysis::sim::simulate(late, opts());
  REQUIRE(r2.ok);
  CHECK(std::abs(r2.cycle_s.mean - (p * 3900 + (1 - p) * 3600)) < 300 * four_se(p, n));
  CHECK(visits_of(late, "Storno") == Approx(p));
}

TEST_CASE("parallel multi-instance with completion share 0.6 of 5: the 3rd of 5 exponentials", "[sim][boundary]") {
  // Done when k = ceil(0.6 * 5) = 3 instances have completed: E[X(3:5)] = m (1/5 + 1/4 + 1/3); the
  // other two are cancelled and not counted; 3 executions per case in the simulation and the visits.
  constexpr double m_s = 3600;
  auto build = [&](engine::LoopKind loop) {
    test::SimModel m;
    m.arrival(Distribution::fixed_seconds(86400));
    const auto s = m.event("S", NodeKind::start_event);
    const auto t = m.task("Anhoeren", Distribution::exponential_mean(m_s));
    m.builder().node(t).loop = loop;
    m.builder().node(t).loop_cardinality = 5.0;
    m.builder().node(t).attrs.completion_share = at(0.6);
    m.flow(s, t);
    m.flow(t, m.event("E", NodeKind::end_event));
    return m.finish();
  };
  const auto model = build(engine::LoopKind::parallel_multi_instance);
  const auto r = analysis::sim::simulate(model, opts());
  REQUIRE(r.ok);
  const double expected = m_s * (1.0 / 5 + 1.0 / 4 + 1.0 / 3);
  // Var X(3:5) = m^2 (1/25 + 1/16 + 1/9).
  const double sd = m_s * std::sqrt(1.0 / 25 + 1.0 / 16 + 1.0 / 9);
  CHECK(std::abs(r.cycle_s.mean - expected) < 4 * sd / std::sqrt(static_cast<double>(r.cases_completed)));
  CHECK(per_case(r, "Anhoeren") == 3.0);
  CHECK(visits_of(model, "Anhoeren") == Approx(3.0));
  // Sequential: the condition is tested after each instance; the 4th and 5th never start: 3 m.
  const auto seq = build(engine::LoopKind::sequential_multi_instance);
  const auto r2 = analysis::sim::simulate(seq, opts(20'000));
  REQUIRE(r2.ok);
  CHECK(per_case(r2, "Anhoeren") == 3.0);
  CHECK(r2.cycle_s.mean == Approx(3 * m_s).epsilon(0.02));
  CHECK(visits_of(seq, "Anhoeren") == Approx(3.0));
  // A fractional cardinality 4.5 with q = 0.6: k(4) = 3, k(5) = 3: 3 executions; q = 0.5: 0.5 k(4) + 0.5 k(5) = 2.5.
  analysis::Repetition rep{true, true, 4.5, 0, 0.5};
  CHECK(rep.expected() == Approx(2.5));
}

TEST_CASE("boundary probability and time, event sub-processes and completion share are read and written back",
          "[importer][bpmn][boundary]") {
  const std::string body = R"(<process id="P" isExecutable="false">
  <startEvent id="S" />
  <task id="A" name="Prüfen">
    <multiInstanceLoopCharacteristics><loopCardinality>5</loopCardinality>
      <completionCondition>${nrOfCompletedInstances / nrOfInstances &gt;= 0.6}</completionCondition>
    </multiInstanceLoopCharacteristics>
  </task>
  <boundaryEvent id="B" name="Rücknahme" attachedToRef="A" cancelActivity="false">
    <extensionElements><lotse:attributes xmlns:lotse="https://prozesslotse.de/bpmn/1.0">
      <lotse:attribute name="probability" value="0.2" />
      <lotse:attribute name="duration_distribution" value="EXPONENTIAL 30" />
    </lotse:attributes></extensionElements>
    <messageEventDefinition />
  </boundaryEvent>
  <task id="C" name="Einstellen" />
  <endEvent id="E" /><endEvent id="E2" />
  <sequenceFlow id="f1" sourceRef="S" targetRef="A" /><sequenceFlow id="f2" sourceRef="A" targetRef="E" />
  <sequenceFlow id="f3" sourceRef="B" targetRef="C" /><sequenceFlow id="f4" sourceRef="C" targetRef="E2" />
  <subProcess id="ESP" triggeredByEvent="true">
    <startEvent id="ES" isInterrupting="false">
      <extensionElements><lotse:attributes xmlns:lotse="https://prozesslotse.de/bpmn/1.0">
        <lotse:attribute name="probability" value="0.1" />
        <lotse:attribute name="waiting_minutes" value="90" />
      </lotse:attributes></extensionElements>
      <signalEventDefinition />
    </startEvent>
    <task id="X" name="Auskunft" />
    <endEvent id="EE" />
    <sequenceFlow id="g1" sourceRef="ES" targetRef="X" /><sequenceFlow id="g2" sourceRef="X" targetRef="EE" />
  </subProcess>
</process>
)";
  const auto check = [](const engine::ProcessModel& m) {
    const auto& a = m.node(*m.find_node("A"));
    REQUIRE(a.attrs.completion_share);
    CHECK(a.attrs.completion_share->value == 0.6);
    const auto& b = m.node(*m.find_node("B"));
    REQUIRE(b.attrs.occurrence);
    CHECK(b.attrs.occurrence->value == 0.2);
    REQUIRE(b.attrs.duration);
    CHECK(b.attrs.duration->value.kind == engine::DistKind::exponential);
    CHECK(b.attrs.duration->value.p1 == Approx(1800));
    CHECK_FALSE(b.interrupting);
    const auto rule = analysis::event_rule(m, *m.find_node("ESP"));
    CHECK(rule.given);
    CHECK(rule.probability == 0.1);
    REQUIRE(rule.time);
    CHECK(rule.time->p1 == Approx(5400));
    CHECK_FALSE(m.node(*m.find_node("ES")).interrupting);
    CHECK(visits_of(m, "A") == Approx(3.0));
    CHECK(visits_of(m, "X") == Approx(0.1));
  };
  const auto r = test::import_bpmn(test::bpmn_doc("", body));
  REQUIRE(r.model);
  check(*r.model);
  const auto again = test::import_bpmn(reports::write_bpmn(*r.model), "again.bpmn");
  REQUIRE(again.model);
  check(*again.model);
}

TEST_CASE("a non-interrupting timer cycle fires every interval while its activity runs", "[sim][boundary][cycle]") {
  // Exponential task of mean m = 1 h, reminder "R/PT30M" (every 30 minutes, unbounded) or "R3/PT30M":
  // the k-th reminder fires if the task still runs at k·T, so expected firings sum e^(-kT/m) over k:
  // 1 / (e^(T/m) - 1) = 1.5415 unbounded, e^-0.5 + e^-1 + e^-1.5 = 1.1975 for three.
  const auto make = [](const char* cycle) {
    test::SimModel m;
    m.arrival(Distribution::fixed_seconds(86400));
    const auto s = m.event("S", NodeKind::start_event);
    const auto t = m.task("Pruefen", Distribution::exponential_mean(3600));
    const auto b = m.event("Erinnerung", NodeKind::boundary_event, Trigger::timer);
    m.builder().node(b).interrupting = false;
    m.builder().node(b).timer = cycle;
    m.builder().attach_boundary(b, "Pruefen", {});
    const auto remind = m.task("Erinnern", Distribution::fixed_seconds(0));
    m.flow(s, t);
    m.flow(t, m.event("E1", NodeKind::end_event));
    m.flow(b, remind);
    m.flow(remind, m.event("E2", NodeKind::end_event));
    return m.finish();
  };
  const double q = std::exp(-0.5);
  for (const auto& [cycle, expected] : {std::pair{"R/PT30M", q / (1 - q)}, std::pair{"R3/PT30M", q + q * q + q * q * q}}) {
    INFO(cycle);
    const auto model = make(cycle);
    const auto r = analysis::sim::simulate(model, opts());
    REQUIRE(r.ok);
    // Firings per case are a sum of geometric-like counts: variance below 2 * expected (1 + expected).
    const double n = static_cast<double>(r.cases_completed);
    CHECK(std::abs(per_case(r, "Erinnern") - expected) <= 4 * std::sqrt(2 * expected * (1 + expected) / n));
    CHECK(per_case(r, "Pruefen") == Approx(1.0));
    CHECK(visits_of(model, "Erinnern") == Approx(expected).epsilon(1e-9));
  }
  CHECK(analysis::sim::parse_iso_cycle("R3/PT1H")->repetitions == 3);
  CHECK(analysis::sim::parse_iso_cycle("R/P7D")->interval_s == 7 * 86400.0);
  CHECK(analysis::sim::parse_iso_cycle("R2/2026-01-05T08:00:00Z/PT15M")->interval_s == 900.0);
  CHECK_FALSE(analysis::sim::parse_iso_cycle("R0/PT1H"));
  CHECK_FALSE(analysis::sim::parse_iso_cycle("PT1H"));
}

TEST_CASE("a message boundary event takes its time from the message flow that reaches it", "[sim][boundary][message]") {
  // Interrupting message "Antrag zurückgezogen" with p = 0.4, sent by the citizen's task 20 minutes into a
  // 60-minute check: the share 0.4 leaves after 20 minutes, the rest after 60 (mean 0.4·20 + 0.6·60 min).
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86400));
  const auto s = m.event("S", NodeKind::start_event);
  const auto t = m.task("Pruefen", Distribution::fixed_seconds(3600));
  const auto b = m.event("Zurueckgezogen", NodeKind::boundary_event, Trigger::message);
  m.builder().node(b).attrs.occurrence = at(0.4);
  m.builder().attach_boundary(b, "Pruefen", {});
  const auto stop = m.task("Einstellen", Distribution::fixed_seconds(0));
  m.flow(s, t);
  m.flow(t, m.event("E1", NodeKind::end_event));
  m.flow(b, stop);
  m.flow(stop, m.event("E2", NodeKind::end_event));
  m.builder().add_process(engine::Process{"Buerger", "Bürger", false, engine::npos, {}, {1, 1}});
  engine::Node send;
  send.id = "Ruecknahme";
  send.name = "Antrag zurücknehmen";
  send.kind = NodeKind::send_task;
  send.process = 1;
  send.attrs.waiting = engine::Located<engine::Duration>{engine::from_minutes(20), {}};
  m.builder().add_node(send);
  engine::MessageFlow mf;
  mf.id = "mf1";
  mf.source_ref = "Ruecknahme";
  mf.target_ref = "Zurueckgezogen";
  m.builder().add_message_flow(mf);
  const auto model = m.finish();
  const analysis::EventRule rule = analysis::event_rule(model, *model.find_node("Zurueckgezogen"));
  REQUIRE(rule.time);
  CHECK(rule.time->mean() == 1200.0);
  CHECK_FALSE(rule.at_end);
  const auto r = analysis::sim::simulate(model, opts());
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(std::abs(per_case(r, "Einstellen") - 0.4) <= four_se(0.4, n));
  CHECK(r.cycle_s.mean == Approx(0.4 * 1200 + 0.6 * 3600).epsilon(0.01));
  CHECK(visits_of(model, "Einstellen") == Approx(0.4));
}
