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

TEST_CASE("public holidays of Saxony, movable feasts from Easter", "[sim][calendar][holidays]") {
  // Easter Sunday: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28 (published tables).
  CHECK(easter_sunday(2024) == day_number(2024, 3, 31));
  CHECK(easter_sunday(2025) == day_number(2025, 4, 20));
  CHECK(easter_sunday(2026) == day_number(2026, 4, 5));
  CHECK(easter_sunday(2027) == day_number(2027, 3, 28));
  // 2026 in Saxony: Neujahr, Karfreitag 3.4., Ostermontag 6.4., 1.5., Himmelfahrt 14.5., Pfingstmontag
  // 25.5., 3.10., Reformationstag 31.10., Buß- und Bettag 18.11., 25.12., 26.12.
  const std::vector<std::int64_t> expected{day_number(2026, 1, 1),   day_number(2026, 4, 3),   day_number(2026, 4, 6),
                                           day_number(2026, 5, 1),   day_number(2026, 5, 14),  day_number(2026, 5, 25),
                                           day_number(2026, 10, 3),  day_number(2026, 10, 31), day_number(2026, 11, 18),
                                           day_number(2026, 12, 25), day_number(2026, 12, 26)};
  CHECK(saxon_holidays(2026) == expected);
  CHECK(saxon_holidays(2025).at(8) == day_number(2025, 11, 19));  // Buß- und Bettag 2025
  const auto h2 = parse_holidays("sachsen, 2026-12-24, -2026-10-31");
  REQUIRE(h2);
  CHECK(h2->closed(day_number(2026, 4, 3)));
  CHECK(h2->closed(day_number(2026, 12, 24)));
  CHECK_FALSE(h2->closed(day_number(2026, 10, 31)));  // opened by the list
  CHECK_FALSE(h2->closed(day_number(2026, 4, 7)));
  CHECK_FALSE(parse_holidays("bayern").has_value());
  CHECK_FALSE(parse_holidays("none")->any());
}

TEST_CASE("a calendar closed on holidays: work, openings and open time skip them", "[sim][calendar][holidays]") {
  const auto st = parse_start("2026-03-30T08:00:00");  // Monday before Easter 2026
  REQUIRE(st);
  WeeklyCalendar cal(*parse_timetable_spec("Mo-Fr 08:00-16:00"), st->week_offset);
  cal.close_on(*parse_holidays("sachsen"), st->wall_ms);
  const std::int64_t day = 24 * h;
  // Thursday 2.4. 15:00 + 2 h of work: 1 h on Thursday, then Good Friday and Easter Monday are closed:
  // ends Tuesday 7.4. 09:00.
  CHECK(cal.add_working(3 * day + 7 * h, 2 * h) == 8 * day + h);
  CHECK_FALSE(cal.is_open(4 * day + 2 * h));         // Good Friday 10:00
  CHECK(cal.on_holiday(4 * day + 2 * h));
  CHECK(cal.next_open(4 * day + 2 * h) == 8 * day);  // Tuesday 08:00
  // The week of 30.3.: four working days of 8 h.
  CHECK(cal.working_between(0, 7 * day) == 32 * h);
  CHECK(cal.working_between(0, 14 * day) == 32 * h + 32 * h);  // the week after Easter has Monday off
}

TEST_CASE("a weekly batch with a 5-day week and Saxon holidays follows the calendar as computed by hand", "[sim][calendar][holidays][batch]") {
  // One case per working day at 09:00 (every 8 open hours of Mo-Fr 08:00-16:00), from Monday 30.3.2026;
  // the Unterschriftenmappe goes on Fridays at 10:00.
  auto make = [] {
    test::SimModel m;
    m.arrival(engine::Distribution::fixed_seconds(8 * 3600));
    m.builder().simulation().start = "2026-03-30T09:00:00";
    const auto s = m.event("S", engine::NodeKind::start_event);
    const auto t = m.task("Mappe", engine::Distribution::fixed_seconds(0));
    engine::BatchRule r;
    r.release = "Fr 10:00";
    m.builder().node(t).attrs.batch = r;
    m.flow(s, t);
    m.flow(t, m.event("E", engine::NodeKind::end_event));
    return m.finish();
  };
  const auto model = make();
  SimOptions o;
  o.cases = 8;
  o.replications = 1;
  o.arrival_timetable = "Mo-Fr 08:00-16:00";
  SECTION("without holidays") {
    // Cases Mo 30.3. … Fr 3.4. 09:00 go on Friday 3.4. 10:00: 97, 73, 49, 25, 1 h; Mo 6.4. … Mi 8.4. on
    // Friday 10.4.: 97, 73, 49 h. Mean 464 / 8 = 58 h.
    const auto r = simulate(model, o);
    REQUIRE(r.ok);
    CHECK(r.cycle_s.mean == Approx(58 * 3600.0));
  }
  SECTION("with the holidays of Saxony") {
    // Good Friday 3.4. and Easter Monday 6.4. are closed: no arrivals (the case after Thursday's comes
    // 8 open hours later, Tuesday 7.4. 09:00), and the release of Friday 3.4. moves to the next open
    // instant, Tuesday 7.4. 08:00. Cases Mo 30.3. … Do 2.4. wait 191, 167, 143, 119 h; Di 7.4. … Fr 10.4.
    // 09:00 go on Friday 10.4. 10:00: 73, 49, 25, 1 h. Mean 768 / 8 = 96 h.
    o.holidays = "sachsen";
    const auto r = simulate(model, o);
    REQUIRE(r.ok);
    CHECK(r.cycle_s.mean == Approx(96 * 3600.0));
    // In working days of 8 h: open hours while waiting 31, 23, 15, 7, 25, 17, 9, 1 = 128 h = 16 days.
    CHECK(r.working_day_s == 8 * 3600.0);
    CHECK(r.cycle_working_days.mean == Approx(2.0));
  }
}
