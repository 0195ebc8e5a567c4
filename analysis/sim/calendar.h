// SPDX-License-Identifier: MIT
// Weekly working calendars ("Öffnungszeiten"/"Dienstzeiten" of a town hall) for resources and
// arrivals, and the mapping of simulated time (integer ms from the start instant) to wall-clock time.
// Work is done only in open hours: a task started at 15:50 with 20 minutes of work ends the next
// working day at 08:10. A rule ending at 23:59:59 or later counts as open until midnight (BIMP's 24/7).
#pragma once

#include "engine/model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis::sim {

inline constexpr std::int64_t ms_per_day = 86'400'000;
inline constexpr std::int64_t ms_per_week = 7 * ms_per_day;

inline constexpr std::string_view default_time_zone = "Europe/Berlin";

/// The start instant of a simulation and the clock of the run. Simulated time is the local wall clock
/// of the model's time zone (office hours stay at 08:00 across a change of daylight saving time; the
/// night of a change is simulated as 24 hours); the zone's UTC offset is attached when a time is
/// written (08:00+01:00 in winter, 08:00+02:00 in summer for Europe/Berlin).
struct StartInstant {
  std::int64_t wall_ms = 0;      ///< local wall clock in `time_zone`, as ms since 1970-01-01T00:00
  std::string time_zone{default_time_zone};  ///< IANA name (system tzdata)
  std::int64_t week_offset = 0;  ///< ms from Monday 00:00 to the start instant
};

/// True if `name` is a time zone of the system's tzdata ("Europe/Berlin", "UTC").
[[nodiscard]] bool known_time_zone(std::string_view name);
/// Parses "2026-01-05T08:00:00.000Z" (fraction and zone optional). With a zone (Z or +01:00) the
/// instant is converted to local time in `time_zone`; without one it is taken as local time there.
/// nullopt if not understood or the zone is unknown.
[[nodiscard]] std::optional<StartInstant> parse_start(std::string_view iso,
                                                      std::string_view time_zone = default_time_zone);
/// The default start: Monday 2026-01-05 08:00 local time (a fixed epoch so that logs are reproducible).
[[nodiscard]] StartInstant default_start(std::string_view time_zone = default_time_zone);
/// ISO 8601 with milliseconds and the zone's offset at that time, e.g. "2026-01-05T08:04:12.345+01:00".
[[nodiscard]] std::string format_timestamp(const StartInstant& start, std::int64_t sim_ms);
/// Local wall-clock time without zone, "2026-01-05 08:04:12" (for spreadsheets).
[[nodiscard]] std::string format_local_time(const StartInstant& start, std::int64_t sim_ms);

/// Whole days on which a calendar is closed: the public holidays of Saxony (Neujahr, Karfreitag,
/// Ostermontag, 1. Mai, Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, Reformationstag,
/// Buß- und Bettag, 1. and 2. Weihnachtstag; the movable feasts computed from Easter) and/or listed days,
/// minus days listed as open. Days are counted from 1970-01-01 in the model's wall clock.
struct Holidays {
  bool saxony = false;
  std::vector<std::int64_t> closed_days;  ///< sorted
  std::vector<std::int64_t> open_days;    ///< sorted: not closed although a holiday
  [[nodiscard]] bool any() const { return saxony || !closed_days.empty(); }
  [[nodiscard]] bool closed(std::int64_t day) const;
};

/// Parses "sachsen" (or "sn"), ISO dates to close ("2026-12-24") and dates to open despite a holiday
/// ("-2026-10-31"), separated by commas or blanks; "none" or "" gives no holidays. nullopt if a word
/// is not understood.
[[nodiscard]] std::optional<Holidays> parse_holidays(std::string_view spec);
/// Easter Sunday of a Gregorian year, as days since 1970-01-01.
[[nodiscard]] std::int64_t easter_sunday(std::int64_t year);
/// The public holidays of Saxony in `year`, as days since 1970-01-01, in date order.
[[nodiscard]] std::vector<std::int64_t> saxon_holidays(std::int64_t year);
/// Days since 1970-01-01 of a civil date.
[[nodiscard]] std::int64_t day_number(std::int64_t year, unsigned month, unsigned day);

/// A weekly calendar as merged open intervals [from, to) in ms from Monday 00:00, optionally closed on
/// holidays (whole days of the wall clock).
class WeeklyCalendar {
public:
  /// Open around the clock.
  WeeklyCalendar() = default;
  /// From timetable rules; `week_offset` is StartInstant::week_offset.
  WeeklyCalendar(const std::vector<engine::TimetableRule>& rules, std::int64_t week_offset);

  /// Closes the calendar on `h` (ignored for a calendar open around the clock); `start_wall_ms` is
  /// StartInstant::wall_ms (simulated time 0 in the wall clock).
  void close_on(const Holidays& h, std::int64_t start_wall_ms);

  [[nodiscard]] bool always_open() const { return always_; }
  [[nodiscard]] std::int64_t open_ms_per_week() const { return always_ ? ms_per_week : open_per_week_; }
  /// Length of a working day: open time per week over the weekdays with open time (24 h around the clock).
  [[nodiscard]] std::int64_t working_day_ms() const;
  [[nodiscard]] bool is_open(std::int64_t t) const;
  /// True if t lies on a holiday of this calendar.
  [[nodiscard]] bool on_holiday(std::int64_t t) const;
  /// The first open instant at or after t.
  [[nodiscard]] std::int64_t next_open(std::int64_t t) const;
  /// The instant when `work` ms of open time have passed, starting at t.
  [[nodiscard]] std::int64_t add_working(std::int64_t t, std::int64_t work) const;
  /// Open ms in [t0, t1).
  [[nodiscard]] std::int64_t working_between(std::int64_t t0, std::int64_t t1) const;
  /// The instant when `span` ms have passed on a clock that runs only on working days (weekdays with
  /// open hours that are no holiday), 24 hours each: a Liegezeit of 2 days put down on Friday 10:00 in
  /// a Mo-Fr calendar ends on Tuesday 10:00. Around the clock: t + span.
  [[nodiscard]] std::int64_t add_working_days(std::int64_t t, std::int64_t span) const;
  /// True if both calendars are open at the same times.
  [[nodiscard]] bool same_hours(const WeeklyCalendar& other) const;
  /// Weekdays (0 = Monday) with open hours.
  [[nodiscard]] std::array<bool, 7> open_weekdays() const;

private:
  // The weekly pattern alone (holidays not applied).
  [[nodiscard]] bool weekly_is_open(std::int64_t t) const;
  [[nodiscard]] std::int64_t weekly_next_open(std::int64_t t) const;
  [[nodiscard]] std::int64_t weekly_add_working(std::int64_t t, std::int64_t work) const;
  [[nodiscard]] std::int64_t weekly_working_between(std::int64_t t0, std::int64_t t1) const;
  /// Open ms of the weekly pattern in [t0, t1) that fall on holidays.
  [[nodiscard]] std::int64_t holiday_open_ms(std::int64_t t0, std::int64_t t1) const;
  [[nodiscard]] std::int64_t day_of(std::int64_t t) const;

  struct Interval {
    std::int64_t from, to, cum;  // cum: open ms in the week before `from`
  };
  [[nodiscard]] std::int64_t absolute_open(std::int64_t t) const;  // open ms from week 0 start to t
  bool always_ = true;
  std::int64_t offset_ = 0;
  std::int64_t open_per_week_ = ms_per_week;
  std::vector<Interval> iv_;
  bool holidays_on_ = false;
  Holidays holidays_;
  std::int64_t start_wall_ = 0;
};

/// Parses "Fr 10:00" (a German or English day name and a time) into ms from Monday 00:00.
[[nodiscard]] std::optional<std::int64_t> parse_weekly_instant(std::string_view spec);

/// Parses "Mo-Fr 08:00-16:00; Sa 09:00-12:00" (German or English day names) into rules.
[[nodiscard]] std::optional<std::vector<engine::TimetableRule>> parse_timetable_spec(std::string_view spec);

} // namespace lotse::analysis::sim
