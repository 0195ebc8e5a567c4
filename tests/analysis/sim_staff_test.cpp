// SPDX-License-Identifier: MIT
// Part-time staff (persons of a pool with their own working hours and cost) and waiting that follows the
// office calendar (Liegezeit on working days, Wiedervorlage at the next open instant): closed forms, by
// hand for the calendars and from the Markov chain of M/M/2 for the queue.
#include "analysis/sim/calendar.h"
#include "analysis/sim/network.h"
#include "analysis/sim/run.h"
#include "importers/prosimos_scenario.h"
#include "sim_test_models.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace lotse;
using namespace lotse::analysis::sim;

namespace {

constexpr double hour = 3600.0;

engine::StaffGroup group(int amount, const std::string& timetable, double eur) {
  engine::StaffGroup g;
  g.amount = amount;
  g.timetable = timetable;
  g.cost = engine::HourlyRate::from_euros(eur);
  return g;
}

engine::Timetable timetable(const std::string& id, const std::string& spec) {
  engine::Timetable t;
  t.id = id;
  t.name = id;
  t.rules = *parse_timetable_spec(spec);
  return t;
}

// Two cases a minute apart at `start`, 2 h of fixed work each in the pool "Team": Anna Mo-Fr 08:00-16:00
// at 40 EUR/h, listed first, and Ben, part-time Mo-Mi 08:00-12:00 at 30 EUR/h.
engine::ProcessModel two_cases(const std::string& start) {
  test::SimModel m;
  m.arrival(engine::Distribution::fixed_seconds(60));
  m.builder().simulation().start = start;
  m.builder().simulation().timetables = {timetable("voll", "Mo-Fr 08:00-16:00"), timetable("teil", "Mo-Mi 08:00-12:00")};
  m.pool("Team", 2, 40, "voll");
  m.builder().simulation().pools.back().groups = {group(1, "voll", 40), group(1, "teil", 30)};
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto t = m.task("Bescheid", engine::Distribution::fixed_seconds(2 * hour), "Team");
  m.flow(s, t);
  m.flow(t, m.event("E", engine::NodeKind::end_event));
  return m.finish();
}

SimOptions one_run(std::int64_t cases) {
  SimOptions o;
  o.cases = cases;
  o.replications = 1;
  return o;
}

} // namespace

TEST_CASE("part-time staff work their own hours: a Thursday case waits for the full-timer", "[sim][staff]") {
  const engine::ProcessModel model = two_cases("2026-01-08T09:00:00");  // Thursday
  engine::Diagnostics d;
  const SimNetwork net = compile_network(model, one_run(2), d);
  REQUIRE(net.ok);
  REQUIRE(net.pools.size() == 1);
  CHECK(net.pools[0].capacity == 2);
  REQUIRE(net.pools[0].shifts.size() == 2);
  const auto r = simulate(model, one_run(2));
  REQUIRE(r.ok);
  // Anna 09:00-11:00; Ben does not work on Thursdays: the second case waits for Anna, 11:00-13:00
  // (waiting 1 h 59 min, cycle 3 h 59 min).
  CHECK(r.waiting_s.mean == Approx((119.0 * 60) / 2));
  CHECK(r.cycle_s.mean == Approx((2 * hour + 239.0 * 60) / 2));
  CHECK(r.cost_eur.mean == Approx(80.0));
  // Open hours of the horizon (Thursday 09:00-13:00): Anna 4 h, Ben 0; 4 h of work.
  CHECK(r.pools.at(0).utilization.mean == Approx(1.0));
}

TEST_CASE("part-time staff finish a started task in their next working hours", "[sim][staff]") {
  const auto r = simulate(two_cases("2026-01-07T11:00:00"), one_run(2));  // Wednesday
  REQUIRE(r.ok);
  // Anna 11:00-13:00 (80 EUR); Ben 11:01-12:00 on Wednesday, then Monday 08:00-09:01 (60 EUR): 118 h.
  CHECK(r.waiting_s.mean == Approx(0.0));
  CHECK(r.cycle_s.mean == Approx((2 * hour + 118 * hour) / 2));
  CHECK(r.cost_eur.mean == Approx((80.0 + 60.0) / 2));
}

TEST_CASE("two persons of different cost: M/M/2 waiting from Erlang C, cost from the Markov chain", "[sim][staff][queueing]") {
  // Both around the clock; a task goes to the first person free (Anna, 40 EUR/h), else to Ben (60 EUR/h).
  const double lambda = 1.0 / 60, mu = 1.0 / 100;
  test::SimModel m;
  m.arrival(engine::Distribution::exponential_mean(1 / lambda));
  m.pool("Team", 2, 40);
  m.builder().simulation().pools.back().groups = {group(1, "", 40), group(1, "", 60)};
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto t = m.task("T", engine::Distribution::exponential_mean(1 / mu), "Team");
  m.flow(s, t);
  m.flow(t, m.event("E", engine::NodeKind::end_event));
  SimOptions o;
  o.cases = 100'000;
  o.replications = 4;
  o.seed = 5;
  const auto r = simulate(m.finish(), o);
  REQUIRE(r.ok);
  // Erlang C for c = 2, a = 5/3: P(wait) = 25/33, Wq = P(wait) / (2 mu - lambda) = 227.27 s.
  const double wq = 25.0 / 33.0 / (2 * mu - lambda);
  INFO("waiting " << r.waiting_s.mean << " +- " << r.waiting_s.ci95.value_or(-1) << ", exact " << wq);
  CHECK(std::abs(r.waiting_s.mean - wq) <= 4 * r.waiting_s.ci95.value_or(0) / 1.96 + 1e-9);
  // Markov chain: states 0, A (Anna alone), B (Ben alone), n >= 2. With pi2 = 1: piB = mu / (lambda + mu),
  // piA = 2 mu / lambda - piB, pi0 = 2 mu^2 / lambda^2, P(n >= 2) = 1 / (1 - rho).
  const double rho = lambda / (2 * mu);
  const double pb = mu / (lambda + mu), pa = 2 * mu / lambda - pb, p0 = 2 * mu * mu / (lambda * lambda), p2 = 1 / (1 - rho);
  const double total = p0 + pa + pb + p2;
  const double busy_anna = (pa + p2) / total, busy_ben = (pb + p2) / total;
  CHECK(busy_anna + busy_ben == Approx(lambda / mu));
  const double cost = (busy_anna * 40 + busy_ben * 60) / (busy_anna + busy_ben) * (1 / mu) / hour;
  CHECK(cost == Approx(1.3794).epsilon(1e-4));
  INFO("cost " << r.cost_eur.mean << " +- " << r.cost_eur.ci95.value_or(-1) << ", exact " << cost);
  CHECK(std::abs(r.cost_eur.mean - cost) <= 4 * r.cost_eur.ci95.value_or(0) / 1.96 + 1e-9);
  CHECK(r.pools.at(0).utilization.mean == Approx(rho).epsilon(0.01));
}

TEST_CASE("staff groups with working hours (--staff) replace the pool's persons; alike groups stay one", "[sim][staff]") {
  const engine::ProcessModel model = two_cases("2026-01-08T09:00:00");
  SimOptions o = one_run(2);
  SECTION("two persons on the pool's hours are one group") {
    o.staff_shifts = {{"Team", {{1, ""}, {1, "Mo-Fr 08:00-16:00"}}}};
    engine::Diagnostics d;
    const SimNetwork net = compile_network(model, o, d);
    REQUIRE(net.ok);
    CHECK(net.pools[0].capacity == 2);
    CHECK(net.pools[0].shifts.empty());
    // Both work on Thursday: the second case is served at 09:01 by the second person.
    const auto r = simulate(model, o);
    CHECK(r.waiting_s.mean == Approx(0.0));
  }
  SECTION("a person on Thursday mornings only") {
    o.staff_shifts = {{"Team", {{1, ""}, {2, "Do 08:00-10:00"}}}};
    engine::Diagnostics d;
    const SimNetwork net = compile_network(model, o, d);
    REQUIRE(net.ok);
    CHECK(net.pools[0].capacity == 3);
    REQUIRE(net.pools[0].shifts.size() == 2);
    // Case 2 goes to a Thursday person at 09:01, works until 10:00, and finishes next Thursday at 09:01.
    const auto r = simulate(model, o);
    CHECK(r.cycle_s.mean == Approx((2 * hour + 7 * 24 * hour) / 2));
  }
  SECTION("--staff POOL=N makes the persons alike again") {
    o.staff = {{"Team", 2}};
    engine::Diagnostics d;
    const SimNetwork net = compile_network(model, o, d);
    CHECK(net.pools[0].shifts.empty());
    CHECK(net.pools[0].capacity == 2);
  }
}

TEST_CASE("Prosimos resources with their own calendars and costs stay persons of their own", "[sim][staff][prosimos]") {
  test::SimModel m;
  m.arrival(engine::Distribution::fixed_seconds(60));
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto t = m.task("A", engine::Distribution::fixed_seconds(60));
  m.flow(s, t);
  m.flow(t, m.event("E", engine::NodeKind::end_event));
  const engine::ProcessModel model = m.finish();
  const std::string scenario = R"({
  "resource_profiles": [{"id": "p", "name": "Team", "resource_list": [
      {"id": "r1", "name": "Anna", "cost_per_hour": 40, "amount": 1, "calendar": "voll"},
      {"id": "r2", "name": "Ben", "cost_per_hour": 30, "amount": 2, "calendar": "teil"}]}],
  "arrival_time_distribution": {"distribution_name": "fix", "distribution_params": [{"value": 600}]},
  "task_resource_distribution": [{"task_id": "A", "resources": [
      {"resource_id": "r1", "distribution_name": "fix", "distribution_params": [{"value": 60}]}]}],
  "resource_calendars": [
    {"id": "voll", "name": "Vollzeit", "time_periods": [{"from": "MONDAY", "to": "FRIDAY", "beginTime": "08:00:00", "endTime": "16:00:00"}]},
    {"id": "teil", "name": "Teilzeit", "time_periods": [{"from": "MONDAY", "to": "WEDNESDAY", "beginTime": "08:00:00", "endTime": "12:00:00"}]}]
})";
  const auto r = importers::apply_prosimos_scenario(engine::SourceFile("s.json", scenario), model);
  REQUIRE(r.model);
  const auto& pool = r.model->simulation().pools.at(0);
  CHECK(pool.amount == 3);
  REQUIRE(pool.groups.size() == 2);
  CHECK(pool.groups[1].amount == 2);
  CHECK(pool.groups[1].timetable == "teil");
  CHECK(pool.groups[1].cost->euros_per_hour() == 30.0);
  CHECK(r.diagnostics.contains(engine::DiagId::sim_scenario_pool_merged));
  engine::Diagnostics d;
  const SimNetwork net = compile_network(*r.model, one_run(10), d);
  REQUIRE(net.ok);
  REQUIRE(net.pools.at(0).shifts.size() == 2);
  // Open hours per week: 1 x 40 h + 2 x 12 h.
  const auto& cal0 = net.calendars.at(static_cast<std::size_t>(net.pools[0].shifts[0].calendar));
  const auto& cal1 = net.calendars.at(static_cast<std::size_t>(net.pools[0].shifts[1].calendar));
  CHECK(cal0.open_ms_per_week() == 40 * 3'600'000);
  CHECK(cal1.open_ms_per_week() == 12 * 3'600'000);
}

TEST_CASE("Liegezeit runs on working days, a Wiedervorlage ends at the next open instant", "[sim][calendar][holidays]") {
  // One case; a step with 2 days of Liegezeit and 1 h of work (no pool: the default timetable is the
  // office's), or a Wiedervorlage of 14 days.
  const auto make = [](const std::string& start, bool resubmission) {
    test::SimModel m;
    m.arrival(engine::Distribution::fixed_seconds(86400));
    m.builder().simulation().start = start;
    const auto s = m.event("S", engine::NodeKind::start_event);
    engine::NodeIndex t;
    if (resubmission) {
      t = m.task("Wiedervorlage", std::nullopt);
      m.builder().node(t).attrs.waiting = engine::Located<engine::Duration>{engine::from_minutes(14 * 24 * 60), {}};
    } else {
      t = m.task("Pruefen", engine::Distribution::fixed_seconds(hour));
      m.builder().node(t).attrs.waiting = engine::Located<engine::Duration>{engine::from_minutes(2 * 24 * 60), {}};
    }
    m.flow(s, t);
    m.flow(t, m.event("E", engine::NodeKind::end_event));
    return m.finish();
  };
  SimOptions o = one_run(1);
  SECTION("around the clock: calendar time") {
    const auto r = simulate(make("2026-01-09T10:00:00", false), o);
    REQUIRE(r.ok);
    CHECK(r.delay_s.mean == Approx(48 * hour));
  }
  o.timetable = "Mo-Fr 08:00-16:00";
  SECTION("put down on Friday 10:00: Monday and Tuesday count, it ends on Tuesday 10:00") {
    const auto r = simulate(make("2026-01-09T10:00:00", false), o);
    REQUIRE(r.ok);
    CHECK(r.delay_s.mean == Approx(96 * hour));
    CHECK(r.cycle_s.mean == Approx(97 * hour));
  }
  SECTION("before Christmas in Saxony: 23.12. 10:00 + Thursday 24.12. + Monday 28.12. until 10:00") {
    o.holidays = "sachsen";
    const auto r = simulate(make("2026-12-23T10:00:00", false), o);
    REQUIRE(r.ok);
    CHECK(r.delay_s.mean == Approx(5 * 24 * hour));  // 25./26.12. are holidays, 27.12. a Sunday
  }
  SECTION("Wiedervorlage due on Neujahr is looked at on Monday 4.1. at 08:00") {
    o.holidays = "sachsen";
    const auto r = simulate(make("2026-12-18T10:00:00", true), o);
    REQUIRE(r.ok);
    CHECK(r.delay_s.mean == Approx(16 * 24 * hour + 22 * hour));
    o.holidays = "";
    const auto r2 = simulate(make("2026-12-18T10:00:00", true), o);
    CHECK(r2.delay_s.mean == Approx(14 * 24 * hour));  // Friday 1.1. 10:00 is open without holidays
  }
}

TEST_CASE("the working-day clock of a calendar", "[sim][calendar]") {
  const StartInstant st = default_start();  // Monday 08:00
  const WeeklyCalendar cal(*parse_timetable_spec("Mo-Fr 08:00-16:00"), st.week_offset);
  constexpr std::int64_t h = 3'600'000, day = 24 * h;
  CHECK(cal.add_working_days(0, 2 * h) == 2 * h);
  CHECK(cal.add_working_days(0, 5 * day) == 7 * day);                   // Monday 08:00 + 5 days: next Monday
  CHECK(cal.add_working_days(0, 26 * day) == 36 * day);                 // 5 weeks + 1 day: the week jump
  CHECK(cal.add_working_days(4 * day + 15 * h, 10 * h) == 7 * day + h);  // Friday 23:00 + 10 h: Monday 09:00
  CHECK(WeeklyCalendar().add_working_days(5, 7) == 12);
}
