// SPDX-License-Identifier: MIT
// Weekly calendars, holidays and timetable texts (see calendar.h); the clock itself is in clock.cpp.
#include "analysis/sim/calendar.h"
#include "analysis/sim/civil.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace lotse::analysis::sim {

using civil::civil_from_days;
using civil::days_from_civil;
using civil::floor_div;
using civil::read_int;
using civil::weekday_of;

WeeklyCalendar::WeeklyCalendar(const std::vector<engine::TimetableRule>& rules, std::int64_t week_offset)
    : offset_(week_offset) {
  std::vector<std::pair<std::int64_t, std::int64_t>> raw;
  for (const auto& r : rules) {
    const std::int64_t from = std::clamp<std::int64_t>(r.from_time.count(), 0, ms_per_day);
    std::int64_t to = std::clamp<std::int64_t>(r.to_time.count(), 0, ms_per_day);
    if (to >= ms_per_day - 1000) to = ms_per_day;  // "23:59:59.999" means until midnight
    int d0 = std::clamp(r.from_weekday, 0, 6), d1 = std::clamp(r.to_weekday, 0, 6);
    for (int day = d0;; day = (day + 1) % 7) {
      const std::int64_t base = day * ms_per_day;
      if (to > from) {
        raw.emplace_back(base + from, base + to);
      } else if (to < from) {  // overnight: until midnight, then into the next day
        raw.emplace_back(base + from, base + ms_per_day);
        const std::int64_t next = ((day + 1) % 7) * ms_per_day;
        raw.emplace_back(next, next + to);
      }
      if (day == d1) break;
    }
  }
  std::sort(raw.begin(), raw.end());
  std::int64_t cum = 0;
  for (const auto& [f, t] : raw) {
    if (!iv_.empty() && f <= iv_.back().to) {
      if (t > iv_.back().to) {
        cum += t - iv_.back().to;
        iv_.back().to = t;
      }
      continue;
    }
    iv_.push_back({f, t, cum});
    cum += t - f;
  }
  open_per_week_ = cum;
  always_ = cum >= ms_per_week;
}

bool WeeklyCalendar::weekly_is_open(std::int64_t t) const {
  if (always_) return true;
  const std::int64_t pos = ((t + offset_) % ms_per_week + ms_per_week) % ms_per_week;
  for (const auto& iv : iv_) {
    if (pos < iv.from) return false;
    if (pos < iv.to) return true;
  }
  return false;
}

std::int64_t WeeklyCalendar::weekly_next_open(std::int64_t t) const {
  if (always_ || iv_.empty()) return t;
  const std::int64_t pos = ((t + offset_) % ms_per_week + ms_per_week) % ms_per_week;
  for (const auto& iv : iv_) {
    if (pos < iv.to) return pos >= iv.from ? t : t + (iv.from - pos);
  }
  return t + (ms_per_week - pos) + iv_.front().from;
}

std::int64_t WeeklyCalendar::absolute_open(std::int64_t t) const {
  const std::int64_t x = t + offset_;
  const std::int64_t week = floor_div(x, ms_per_week);
  const std::int64_t pos = x - week * ms_per_week;
  std::int64_t cum = 0;
  for (const auto& iv : iv_) {
    if (pos < iv.from) break;
    cum = iv.cum + (std::min(pos, iv.to) - iv.from);
    if (pos < iv.to) break;
  }
  return week * open_per_week_ + cum;
}

std::int64_t WeeklyCalendar::weekly_working_between(std::int64_t t0, std::int64_t t1) const {
  if (t1 <= t0) return 0;
  if (always_) return t1 - t0;
  if (iv_.empty()) return 0;
  return absolute_open(t1) - absolute_open(t0);
}

std::int64_t WeeklyCalendar::weekly_add_working(std::int64_t t, std::int64_t work) const {
  if (always_) return t + work;
  if (iv_.empty()) return t;
  if (work <= 0) return t;
  const std::int64_t target = absolute_open(t) + work;
  std::int64_t week = floor_div(target, open_per_week_);
  std::int64_t rem = target - week * open_per_week_;
  if (rem == 0) {  // ends exactly at the close of the last interval of the previous week
    --week;
    rem = open_per_week_;
  }
  for (const auto& iv : iv_) {
    if (rem <= iv.cum + (iv.to - iv.from)) return week * ms_per_week + iv.from + (rem - iv.cum) - offset_;
  }
  return week * ms_per_week + iv_.back().to - offset_;
}

// --- holidays ---------------------------------------------------------------------------------------

std::int64_t day_number(std::int64_t year, unsigned month, unsigned day) { return days_from_civil(year, month, day); }

std::int64_t easter_sunday(std::int64_t y) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const std::int64_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  const std::int64_t g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  const std::int64_t l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const std::int64_t month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return days_from_civil(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

namespace {

/// The public holidays of Saxony in year y, in date order (no allocation: asked for every open check).
std::array<std::int64_t, 11> saxon_days(std::int64_t y) {
  const std::int64_t easter = easter_sunday(y);
  const std::int64_t nov22 = days_from_civil(y, 11, 22);
  const std::int64_t repentance = nov22 - (weekday_of(nov22) - 2 + 7) % 7;  // the Wednesday before 23 November
  std::array<std::int64_t, 11> days{days_from_civil(y, 1, 1),   easter - 2,  easter + 1, days_from_civil(y, 5, 1),
                                    easter + 39,                easter + 50, days_from_civil(y, 10, 3),
                                    days_from_civil(y, 10, 31), repentance,  days_from_civil(y, 12, 25),
                                    days_from_civil(y, 12, 26)};
  std::sort(days.begin(), days.end());  // Ascension can fall before 1 May, Good Friday in March
  return days;
}

} // namespace

std::vector<std::int64_t> saxon_holidays(std::int64_t y) {
  const auto days = saxon_days(y);
  return {days.begin(), days.end()};
}

bool Holidays::closed(std::int64_t day) const {
  if (std::binary_search(open_days.begin(), open_days.end(), day)) return false;
  if (std::binary_search(closed_days.begin(), closed_days.end(), day)) return true;
  if (!saxony) return false;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(day, y, m, d);
  const auto days = saxon_days(y);
  return std::binary_search(days.begin(), days.end(), day);
}

std::optional<Holidays> parse_holidays(std::string_view spec) {
  Holidays h;
  std::size_t i = 0;
  while (i < spec.size()) {
    const std::size_t end = std::min(spec.find_first_of(", ;", i), spec.size());
    std::string word(spec.substr(i, end - i));
    i = end + 1;
    if (word.empty()) continue;
    for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (word == "sachsen" || word == "sn" || word == "saxony") {
      h.saxony = true;
      continue;
    }
    if (word == "none" || word == "keine") continue;
    const bool open = word[0] == '-';
    const std::string_view date = std::string_view(word).substr(open ? 1 : 0);
    std::size_t k = 0;
    int y = 0, mo = 0, d = 0;
    if (!read_int(date, k, 4, y) || k >= date.size() || date[k++] != '-' || !read_int(date, k, 2, mo) ||
        k >= date.size() || date[k++] != '-' || !read_int(date, k, 2, d) || k != date.size() || mo < 1 || mo > 12 ||
        d < 1 || d > 31) {
      return std::nullopt;
    }
    (open ? h.open_days : h.closed_days).push_back(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)));
  }
  std::sort(h.closed_days.begin(), h.closed_days.end());
  std::sort(h.open_days.begin(), h.open_days.end());
  return h;
}

void WeeklyCalendar::close_on(const Holidays& h, std::int64_t start_wall_ms) {
  if (always_ || !h.any()) return;
  holidays_ = h;
  holidays_on_ = true;
  start_wall_ = start_wall_ms;
}

bool WeeklyCalendar::same_hours(const WeeklyCalendar& o) const {
  if (always_ != o.always_ || offset_ != o.offset_ || holidays_on_ != o.holidays_on_ || iv_.size() != o.iv_.size()) return false;
  for (std::size_t i = 0; i < iv_.size(); ++i) {
    if (iv_[i].from != o.iv_[i].from || iv_[i].to != o.iv_[i].to) return false;
  }
  return !holidays_on_ || (start_wall_ == o.start_wall_ && holidays_.saxony == o.holidays_.saxony &&
                           holidays_.closed_days == o.holidays_.closed_days && holidays_.open_days == o.holidays_.open_days);
}

std::array<bool, 7> WeeklyCalendar::open_weekdays() const {
  std::array<bool, 7> open{};
  if (always_) open.fill(true);
  for (const auto& iv : iv_) {
    for (std::int64_t d = iv.from / ms_per_day; d <= (iv.to - 1) / ms_per_day && d < 7; ++d) open[static_cast<std::size_t>(d)] = true;
  }
  return open;
}

std::int64_t WeeklyCalendar::working_day_ms() const {
  if (always_ || iv_.empty()) return ms_per_day;
  const auto open = open_weekdays();
  const auto days = std::count(open.begin(), open.end(), true);
  return open_per_week_ / std::max<std::int64_t>(days, 1);
}

std::int64_t WeeklyCalendar::add_working_days(std::int64_t t, std::int64_t span) const {
  if (always_ || span <= 0) return t + std::max<std::int64_t>(span, 0);
  const auto open = open_weekdays();
  if (std::none_of(open.begin(), open.end(), [](bool b) { return b; })) return t + span;
  // Day by day; a whole week without holidays at once.
  const std::int64_t per_week = std::count(open.begin(), open.end(), true) * ms_per_day;
  while (span > 0) {
    const std::int64_t day = floor_div(offset_ + t, ms_per_day);
    const std::int64_t day_end = (day + 1) * ms_per_day - offset_;
    if (!holidays_on_ && span > per_week && (offset_ + t) % ms_per_day == 0) {
      const std::int64_t weeks = (span - 1) / per_week;  // leaves at least one working day's part
      t += weeks * ms_per_week;
      span -= weeks * per_week;
      continue;
    }
    const bool working = open[static_cast<std::size_t>(((day % 7) + 7) % 7)] && !on_holiday(t);
    if (working) {
      const std::int64_t take = std::min(span, day_end - t);
      t += take;
      span -= take;
      if (span == 0) break;
    }
    t = day_end;
  }
  return t;
}

std::int64_t WeeklyCalendar::day_of(std::int64_t t) const { return floor_div(start_wall_ + t, ms_per_day); }

bool WeeklyCalendar::on_holiday(std::int64_t t) const { return holidays_on_ && holidays_.closed(day_of(t)); }

bool WeeklyCalendar::is_open(std::int64_t t) const { return weekly_is_open(t) && !on_holiday(t); }

std::int64_t WeeklyCalendar::next_open(std::int64_t t) const {
  t = weekly_next_open(t);
  while (on_holiday(t)) t = weekly_next_open((day_of(t) + 1) * ms_per_day - start_wall_);  // from the next midnight
  return t;
}

std::int64_t WeeklyCalendar::holiday_open_ms(std::int64_t t0, std::int64_t t1) const {
  std::int64_t lost = 0;
  for (std::int64_t day = day_of(t0), last = day_of(t1 - 1); day <= last; ++day) {
    if (!holidays_.closed(day)) continue;
    const std::int64_t from = std::max(t0, day * ms_per_day - start_wall_);
    const std::int64_t to = std::min(t1, (day + 1) * ms_per_day - start_wall_);
    lost += weekly_working_between(from, to);
  }
  return lost;
}

std::int64_t WeeklyCalendar::working_between(std::int64_t t0, std::int64_t t1) const {
  const std::int64_t open = weekly_working_between(t0, t1);
  return holidays_on_ && t1 > t0 ? open - holiday_open_ms(t0, t1) : open;
}

std::int64_t WeeklyCalendar::add_working(std::int64_t t, std::int64_t work) const {
  if (!holidays_on_) return weekly_add_working(t, work);
  // Work the weekly pattern would do on holidays is done after them: repeat over the part that fell
  // on holidays until none does (holidays are a few days a year, so this ends after a few rounds).
  if (work <= 0) return t;
  std::int64_t from = next_open(t);
  std::int64_t end = weekly_add_working(from, work);
  for (std::int64_t lost = holiday_open_ms(from, end); lost > 0; lost = holiday_open_ms(from, end)) {
    from = next_open(end);
    end = weekly_add_working(from, lost);
  }
  return end;
}

namespace {

/// "Mo"/"Mon"/"Montag" (German or English, any case) -> 0 … 6; -1 otherwise.
int day_of(std::string_view w) {
  static constexpr std::string_view names[7][2] = {{"mo", "mo"}, {"di", "tu"}, {"mi", "we"}, {"do", "th"},
                                                   {"fr", "fr"}, {"sa", "sa"}, {"so", "su"}};
  if (w.size() < 2) return -1;
  const std::string two{static_cast<char>(std::tolower(static_cast<unsigned char>(w[0]))),
                        static_cast<char>(std::tolower(static_cast<unsigned char>(w[1])))};
  for (int k = 0; k < 7; ++k) {
    if (two == names[k][0] || two == names[k][1]) return k;
  }
  return -1;
}

/// "08:00" or "8:00" (up to 24:00) -> ms after midnight.
bool time_of(std::string_view w, std::int64_t& out) {
  std::string buf(w);
  if (buf.size() == 4) buf = "0" + buf;
  std::size_t i = 0;
  int h = 0, m = 0;
  if (buf.empty()) return false;
  if (!read_int(buf, i, 2, h) || i >= buf.size() || buf[i++] != ':' || !read_int(buf, i, 2, m) || i != buf.size()) {
    return false;
  }
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
  out = (h * 60LL + m) * 60'000LL;
  return true;
}

} // namespace

std::optional<std::int64_t> parse_weekly_instant(std::string_view spec) {
  while (!spec.empty() && spec.front() == ' ') spec.remove_prefix(1);
  while (!spec.empty() && spec.back() == ' ') spec.remove_suffix(1);
  const std::size_t sp = spec.find(' ');
  if (sp == std::string_view::npos) return std::nullopt;
  const int day = day_of(spec.substr(0, sp));
  std::string_view time = spec.substr(sp + 1);
  while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
  std::int64_t ms = 0;
  if (day < 0 || !time_of(time, ms) || ms >= ms_per_day) return std::nullopt;
  return day * ms_per_day + ms;
}

std::optional<std::vector<engine::TimetableRule>> parse_timetable_spec(std::string_view spec) {
  std::vector<engine::TimetableRule> rules;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find_first_of(";,", start);
    if (end == std::string_view::npos) end = spec.size();
    std::string_view part = spec.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) {
      const std::size_t sp = part.find(' ');
      if (sp == std::string_view::npos) return std::nullopt;
      const std::string_view days = part.substr(0, sp);
      std::string_view times = part.substr(sp + 1);
      while (!times.empty() && times.front() == ' ') times.remove_prefix(1);
      const std::size_t dash_d = days.find('-');
      const int d0 = day_of(days.substr(0, dash_d));
      const int d1 = dash_d == std::string_view::npos ? d0 : day_of(days.substr(dash_d + 1));
      const std::size_t dash_t = times.find('-');
      if (d0 < 0 || d1 < 0 || dash_t == std::string_view::npos) return std::nullopt;
      const std::string_view t0 = times.substr(0, dash_t), t1 = times.substr(dash_t + 1);
      std::int64_t f = 0, t = 0;
      if (!time_of(t0, f) || !time_of(t1, t) || t <= f) return std::nullopt;
      rules.push_back({d0, d1, engine::Duration{f}, engine::Duration{t}});
    }
    if (end == spec.size()) break;
    start = end + 1;
  }
  if (rules.empty()) return std::nullopt;
  return rules;
}

} // namespace lotse::analysis::sim
