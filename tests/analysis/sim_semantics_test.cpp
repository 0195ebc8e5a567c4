// SPDX-License-Identifier: MIT
// BPMN semantics of the simulator on small models with fixed times, so every expected figure is exact:
// inclusive split/join, event-based race, boundary timers, sub-processes, terminate, occurrence,
// Liegezeit, message delays, and the diagnostics for what cannot be simulated.
#include "analysis/sim/run.h"
#include "sim_test_models.h"

#include <catch2/catch.hpp>

using namespace lotse;
using engine::Distribution;
using engine::NodeKind;
using Trigger = engine::EventTrigger;

namespace {

analysis::sim::SimOptions opts(std::int64_t cases = 2'000) {
  analysis::sim::SimOptions o;
  o.cases = cases;
  o.replications = 2;
  o.seed = 5;
  return o;
}

Distribution fixed(double s) { return Distribution::fixed_seconds(s); }

test::SimModel spaced() {
  test::SimModel m;
  m.arrival(fixed(86400));  // one case a day: no queueing
  return m;
}

} // namespace

TEST_CASE("inclusive split and join: the join waits for exactly the branches that were taken", "[sim][semantics]") {
  auto m = spaced();
  const auto s = m.event("S", NodeKind::start_event);
  const auto split = m.node("O1", NodeKind::inclusive_gateway);
  const auto a = m.task("A", fixed(600));
  const auto b = m.task("B", fixed(1200));
  const auto join = m.node("O2", NodeKind::inclusive_gateway);
  const auto after = m.task("After", fixed(60));
  const auto e = m.event("E", NodeKind::end_event);
  m.flow(s, split);
  m.flow(split, a, 0.5);
  m.flow(split, b, 0.5);
  m.flow(a, join);
  m.flow(b, join);
  m.flow(join, after);
  m.flow(after, e);
  const auto r = analysis::sim::simulate(m.finish(), opts());
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(r.activities.at(2).count == r.cases_completed);  // "After" once per case
  // Neither branch fired (p 0.25) -> the more probable (first) one is taken: P(A) = 0.75, P(B) = 0.5.
  CHECK(static_cast<double>(r.activities.at(0).count) / n == Approx(0.75).epsilon(0.05));
  CHECK(static_cast<double>(r.activities.at(1).count) / n == Approx(0.5).epsilon(0.05));
  // Cycle: 1200 if B ran (0.5), else 600; plus 60.
  CHECK(r.cycle_s.mean == Approx(0.5 * 1200 + 0.5 * 600 + 60).epsilon(0.03));
  CHECK(r.diagnostics.empty());
}

TEST_CASE("an inclusive join without its split is reported, not simulated", "[sim][semantics]") {
  auto m = spaced();
  const auto s = m.event("S", NodeKind::start_event);
  const auto split = m.node("A1", NodeKind::parallel_gateway);
  const auto join = m.node("O2", NodeKind::inclusive_gateway);
  m.flow(s, split);
  m.flow(split, join);
  m.flow(split, join);
  m.flow(join, m.event("E", NodeKind::end_event));
  const auto r = analysis::sim::simulate(m.finish(), opts());
  CHECK_FALSE(r.ok);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(engine::format_diagnostic(r.diagnostics.items()[0], engine::Lang::en) ==
        "sim-test.bpmn:4:3: error [SIM-003]: inclusive join 'O2' has no matching inclusive split; the number of "
        "tokens to wait for is unknown");
}

TEST_CASE("event-based gateway: the earlier event wins the race", "[sim][semantics]") {
  auto m = spaced();
  const auto s = m.event("S", NodeKind::start_event);
  const auto g = m.node("G", NodeKind::event_based_gateway);
  const auto reply = m.event("Antwort", NodeKind::intermediate_catch_event, Trigger::message);
  const auto deadline = m.event("Frist", NodeKind::intermediate_catch_event, Trigger::timer);
  m.builder().node(reply).attrs.duration = engine::Located<Distribution>{Distribution::exponential_mean(7 * 86400.0), {}};
  m.builder().node(deadline).timer = "P14D";
  const auto ok = m.task("Bearbeiten", fixed(0));
  const auto remind = m.task("Mahnen", fixed(0));
  m.flow(s, g);
  m.flow(g, reply);
  m.flow(g, deadline);
  m.flow(reply, ok);
  m.flow(deadline, remind);
  m.flow(ok, m.event("E1", NodeKind::end_event));
  m.flow(remind, m.event("E2", NodeKind::end_event));
  const auto r = analysis::sim::simulate(m.finish(), opts(20'000));
  REQUIRE(r.ok);
  // P(reply after 14 days) = e^-2; cycle = E[min(X, 14 d)] = 7 d (1 - e^-2).
  const double n = static_cast<double>(r.cases_completed);
  CHECK(static_cast<double>(r.activities.at(1).count) / n == Approx(std::exp(-2.0)).epsilon(0.05));
  CHECK(r.cycle_s.mean / 86400 == Approx(7 * (1 - std::exp(-2.0))).epsilon(0.02));
  CHECK(r.max_s == Approx(14 * 86400).epsilon(1e-9));
}

TEST_CASE("an interrupting timer on a task cancels it and frees the person", "[sim][semantics]") {
  auto m = spaced();
  m.pool("R", 1, 60);
  const auto s = m.event("S", NodeKind::start_event);
  const auto t = m.task("Pruefen", fixed(7200), "R");
  const auto b = m.event("Frist", NodeKind::boundary_event, Trigger::timer);
  m.builder().node(b).timer = "PT1H";
  m.builder().attach_boundary(b, "Pruefen", {});
  const auto esc = m.task("Eskalieren", fixed(60));
  m.flow(s, t);
  m.flow(t, m.event("E1", NodeKind::end_event));
  m.flow(b, esc);
  m.flow(esc, m.event("E2", NodeKind::end_event));
  const auto r = analysis::sim::simulate(m.finish(), opts());
  REQUIRE(r.ok);
  CHECK(r.cycle_s.mean == Approx(3660));
  CHECK(r.activities.at(0).count == 0);  // never completed
  CHECK(r.activities.at(1).count == r.cases_completed);
  // One hour of work per day of 24 h.
  CHECK(r.pools.at(0).utilization.mean == Approx(3600.0 / 86400).epsilon(0.01));
}

TEST_CASE("embedded sub-process, call activity and terminate end event", "[sim][semantics]") {
  auto m = spaced();
  m.builder().add_process(engine::Process{"Called", "Gerufen", false, engine::npos, {}, {1, 1}});
  const auto s = m.event("S", NodeKind::start_event);
  const auto sub = m.node("Sub", NodeKind::sub_process);
  const auto is = m.event("IS", NodeKind::start_event, {}, sub);
  const auto i1 = m.task("I1", fixed(600), "", sub);
  const auto i2 = m.task("I2", fixed(300), "", sub);
  const auto ie = m.event("IE", NodeKind::end_event, {}, sub);
  m.flow(is, i1);
  m.flow(i1, i2);
  m.flow(i2, ie);
  const auto call = m.node("Call", NodeKind::call_activity);
  m.builder().node(call).called_element = "Called";
  engine::Node cs;
  cs.id = "CS";
  cs.kind = NodeKind::start_event;
  cs.process = 1;
  const auto csi = m.builder().add_node(cs);
  engine::Node ct = cs;
  ct.id = "CT";
  ct.kind = NodeKind::task;
  ct.attrs.duration = engine::Located<Distribution>{fixed(120), {}};
  const auto cti = m.builder().add_node(ct);
  engine::Node ce = cs;
  ce.id = "CE";
  ce.kind = NodeKind::end_event;
  const auto cei = m.builder().add_node(ce);
  m.flow(csi, cti);
  m.flow(cti, cei);
  // After the call: a parallel split where the short branch terminates the case.
  const auto split = m.node("A1", NodeKind::parallel_gateway);
  const auto shortt = m.task("Kurz", fixed(60));
  const auto longt = m.task("Lang", fixed(3600));
  const auto term = m.event("Ende", NodeKind::end_event, Trigger::terminate);
  m.flow(s, sub);
  m.flow(sub, call);
  m.flow(call, split);
  m.flow(split, shortt);
  m.flow(split, longt);
  m.flow(shortt, term);
  m.flow(longt, m.event("E2", NodeKind::end_event));
  const auto r = analysis::sim::simulate(m.finish(), opts());
  REQUIRE(r.ok);
  CHECK(r.cycle_s.mean == Approx(600 + 300 + 120 + 60));
  CHECK(r.max_s == Approx(1080));
}

TEST_CASE("occurrence, Liegezeit and message delays from the citizen's side", "[sim][semantics]") {
  auto m = spaced();
  const auto s = m.event("S", NodeKind::start_event);
  const auto a = m.task("Erfassen", fixed(600));
  m.builder().node(a).attrs.occurrence = engine::Located<double>{0.4, {}};
  const auto w = m.task("Vorlegen", fixed(60));
  m.builder().node(w).attrs.waiting = engine::Located<engine::Duration>{engine::from_minutes(2 * 24 * 60), {}};
  const auto rcv = m.event("Antwort", NodeKind::intermediate_catch_event, Trigger::message);
  m.flow(s, a);
  m.flow(a, w);
  m.flow(w, rcv);
  m.flow(rcv, m.event("E", NodeKind::end_event));
  // The citizen's pool: a task with a waiting time sends the message.
  m.builder().add_process(engine::Process{"Buerger", "Bürger", false, engine::npos, {}, {1, 1}});
  engine::Node cit;
  cit.id = "Reply";
  cit.name = "Unterlagen senden";
  cit.kind = NodeKind::send_task;
  cit.process = 1;
  cit.attrs.waiting = engine::Located<engine::Duration>{engine::from_minutes(3 * 24 * 60), {}};
  const auto ci = m.builder().add_node(cit);
  engine::MessageFlow mf;
  mf.id = "mf1";
  mf.source_ref = "Reply";
  mf.target_ref = "Antwort";
  m.builder().add_message_flow(mf);
  (void)ci;
  const auto r = analysis::sim::simulate(m.finish(), opts(10'000));
  REQUIRE(r.ok);
  const double n = static_cast<double>(r.cases_completed);
  CHECK(static_cast<double>(r.activities.at(0).count) / n == Approx(0.4).epsilon(0.03));
  CHECK(r.delay_s.mean == Approx(5 * 86400.0));
  CHECK(r.cycle_s.mean == Approx(5 * 86400.0 + 60 + 0.4 * 600).epsilon(1e-3));
  CHECK(r.diagnostics.contains(engine::DiagId::sim_message_delay));
}

TEST_CASE("what cannot be simulated is a diagnostic, never a number", "[sim][semantics]") {
  SECTION("complex gateway") {
    auto m = spaced();
    const auto s = m.event("S", NodeKind::start_event);
    const auto g = m.node("C", NodeKind::complex_gateway);
    m.flow(s, g);
    m.flow(g, m.event("E", NodeKind::end_event));
    const auto r = analysis::sim::simulate(m.finish(), opts());
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics.contains(engine::DiagId::sim_complex_gateway));
  }
  SECTION("a loop whose exit is almost never taken hits the activation limit; the cycle is named") {
    auto m = spaced();
    const auto s = m.event("S", NodeKind::start_event);
    const auto x = m.node("X", NodeKind::exclusive_gateway);
    const auto t = m.task("T", fixed(1));
    m.flow(s, x);
    m.flow(x, t, 1.0 - 1e-12);
    m.flow(x, m.event("E", NodeKind::end_event), 1e-12);
    m.flow(t, x);
    auto o = opts();
    o.activation_limit = 1000;
    const auto r = analysis::sim::simulate(m.finish(), o);
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics.items()[0].message(engine::Lang::de) ==
          "Ein Fall läuft nicht aus: mehr als 1000 Schritte oder 100 Jahre im Kreislauf 'T' → 'X' → 'T'; "
          "Simulation abgebrochen");
  }
  SECTION("no arrival rate") {
    test::SimModel m;
    const auto s = m.event("S", NodeKind::start_event);
    m.flow(s, m.event("E", NodeKind::end_event));
    const auto r = analysis::sim::simulate(m.finish(), opts());
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics.contains(engine::DiagId::sim_no_arrivals));
  }
  SECTION("unknown pool in --staff") {
    const auto m = test::tandem(600, {{360, 1}});
    auto o = opts();
    o.staff = {{"Kasse", 2}};
    const auto r = analysis::sim::simulate(m, o);
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics.items().at(0).message(engine::Lang::en) == "unknown resource 'Kasse' in --staff; known: R1");
  }
}

TEST_CASE("options --staff and --cases-per-year change the scenario", "[sim][semantics]") {
  const auto m = test::tandem(600, {{360, 1}});
  auto o = opts(20'000);
  o.staff = {{"R1", 2}};
  o.cases_per_year = 365.25 * 86400 / 300;  // one case every 300 s around the clock
  const auto r = analysis::sim::simulate(m, o);
  REQUIRE(r.ok);
  CHECK(r.pools.at(0).capacity == 2);
  CHECK(r.pools.at(0).utilization.mean == Approx(0.6).epsilon(0.03));
  CHECK(r.diagnostics.contains(engine::DiagId::sim_arrivals_from_cases));
}

TEST_CASE("results do not depend on the number of threads", "[sim][semantics]") {
  const auto m = test::tandem(600, {{360, 1}, {300, 2}});
  auto o = opts(5'000);
  o.replications = 4;
  o.threads = 1;
  const auto a = analysis::sim::simulate(m, o);
  o.threads = 4;
  const auto b = analysis::sim::simulate(m, o);
  REQUIRE(a.ok);
  CHECK(a.cycle_s.mean == b.cycle_s.mean);
  CHECK(*a.cycle_s.ci95 == *b.cycle_s.ci95);
  CHECK(a.p90_s == b.p90_s);
  CHECK(a.pools[1].utilization.mean == b.pools[1].utilization.mean);
  CHECK(a.events == b.events);
  o.seed = 6;
  const auto c = analysis::sim::simulate(m, o);
  CHECK(a.cycle_s.mean != c.cycle_s.mean);
}
