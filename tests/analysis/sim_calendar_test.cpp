// SPDX-License-Identifier: MIT
#include "analysis/sim/calendar.h"
#include "analysis/sim/network.h"
#include "analysis/sim/run.h"
#include "sim_test_models.h"

#include <catch2/catch.hpp>

using namespace lotse;
using namespace lotse::analysis::sim;

namespace {
constexpr std::int64_t h = 3'600'000;
}

TEST_CASE("office hours Mo-Fr 08:00-16:00: work pauses overnight and over the weekend", "[sim][calendar]") {
  const auto rules = parse_timetable_spec("Mo-Fr 08:00-16:00");
  REQUIRE(rules);
  const StartInstant st = default_start();  // Monday 2026-01-05 08:00
  CHECK(st.week_offset == 8 * h);
  const WeeklyCalendar cal(*rules, st.week_offset);
  CHECK(cal.open_ms_per_week() == 40 * h);
  CHECK(cal.is_open(0));
  CHECK_FALSE(cal.is_open(8 * h));                 // Monday 16:00
  CHECK(cal.next_open(8 * h) == 24 * h);           // Tuesday 08:00
  CHECK(cal.add_working(0, 9 * h) == 25 * h);      // 8 h Monday + 1 h Tuesday
  CHECK(cal.add_working(4 * 24 * h + 7 * h, 2 * h) == 7 * 24 * h + h);  // Friday 15:00 + 2 h -> Monday 09:00
  CHECK(cal.add_working(0, 8 * h) == 8 * h);       // ends exactly at closing time
  CHECK(cal.working_between(0, 7 * 24 * h) == 40 * h);
  CHECK(cal.working_between(-8 * h, 0) == 0);
}

TEST_CASE("a 24/7 QBP timetable ending 23:59:59.999 is always open", "[sim][calendar]") {
  std::vector<engine::TimetableRule> rules{{0, 6, engine::Duration{0}, engine::Duration{86'399'999}}};
  const WeeklyCalendar cal(rules, 0);
  CHECK(cal.always_open());
  CHECK(cal.add_working(5, 100) == 105);
}

TEST_CASE("start instants and timestamps round-trip in ISO 8601", "[sim][calendar]") {
  const auto st = parse_start("2026-03-01T10:30:00.000+01:00");  // a Sunday
  REQUIRE(st);
  CHECK(st->week_offset == 6 * 24 * h + 10 * h + 30 * 60'000);
  CHECK(format_timestamp(*st, 0) == "2026-03-01T10:30:00.000+01:00");
  CHECK(format_timestamp(*st, 14 * h + 1) == "2026-03-02T00:30:00.001+01:00");
  CHECK_FALSE(parse_start("01.03.2026"));
  CHECK_FALSE(parse_timetable_spec("werktags"));
  const auto two = parse_timetable_spec("Mo-Do 08:00-16:00; Fr 8:00-12:00");
  REQUIRE(two);
  CHECK(WeeklyCalendar(*two, 0).open_ms_per_week() == 36 * h);
}

TEST_CASE("ISO 8601 durations of timer events", "[sim][calendar]") {
  CHECK(parse_iso_duration("PT15M") == 900.0);
  CHECK(parse_iso_duration(" P1DT2H ") == 93'600.0);
  CHECK(parse_iso_duration("PT1.5H") == 5'400.0);
  CHECK_FALSE(parse_iso_duration("R3/PT1H"));
  CHECK_FALSE(parse_iso_duration("2026-01-05"));
}

TEST_CASE("waiting outside office hours counts as waiting", "[sim][calendar]") {
  // One clerk 08:00-16:00 on weekdays, one case a day arriving at 08:00 + k days, 10 h of work each:
  // weekday cases finish the next working day at 10:00.
  test::SimModel m;
  m.arrival(engine::Distribution::fixed_seconds(86400));
  m.pool("R", 1, 40, "office");
  engine::Timetable tt;
  tt.id = "office";
  tt.rules = *parse_timetable_spec("Mo-Fr 08:00-16:00");
  m.builder().simulation().timetables.push_back(tt);
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto t = m.task("T", engine::Distribution::fixed_seconds(2 * 3600), "R");
  m.flow(s, t);
  m.flow(t, m.event("E", engine::NodeKind::end_event));
  SimOptions o;
  o.cases = 7;
  o.replications = 1;
  const auto r = simulate(m.finish(), o);
  REQUIRE(r.ok);
  // Mon-Fri cases: 2 h each. Saturday's and Sunday's cases wait until Monday 08:00 (48 h and 24 h),
  // then queue behind each other: Sat case 08:00-10:00, Sun case 10:00-12:00 (wait 26 h).
  CHECK(r.waiting_s.mean == Approx((48.0 + 26.0) * 3600 / 7));
  CHECK(r.cycle_s.mean == Approx((5 * 2 + 50 + 28) * 3600.0 / 7));
  // 7 x 2 h of work in the open hours of the horizon (until Monday 12:00: 44 h).
  CHECK(r.pools.at(0).utilization.mean == Approx(14.0 / 44.0));
}
