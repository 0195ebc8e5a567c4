// SPDX-License-Identifier: MIT
// Weekly calendars and wall-clock conversion (see calendar.h). Civil-date arithmetic after Howard
// Hinnant's days_from_civil/civil_from_days.
#include "analysis/sim/calendar.h"

#include <algorithm>
#include <cctype>
#include <date/tz.h>
#include <exception>
#include <fmt/format.h>

namespace lotse::analysis::sim {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool read_int(std::string_view s, std::size_t& i, std::size_t digits, int& out) {
  if (i + digits > s.size()) return false;
  out = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const char c = s[i + k];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  i += digits;
  return true;
}

std::int64_t week_offset_of(std::int64_t wall_ms) {
  const std::int64_t days = floor_div(wall_ms, ms_per_day);
  const std::int64_t weekday = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (Monday = 0)
  return weekday * ms_per_day + (wall_ms - days * ms_per_day);
}

const date::time_zone* find_zone(std::string_view name) {
  try {
    return date::locate_zone(std::string(name));
  } catch (const std::exception&) {
    return nullptr;
  }
}

// UTC offset (ms) of a local wall-clock time in a zone; the earlier offset where the local time is
// ambiguous or skipped. The last period looked up is cached per thread (logs ask in time order).
std::int64_t offset_ms_at_local(const std::string& zone, std::int64_t local_ms) {
  struct Cache {
    std::string zone;
    const date::time_zone* tz = nullptr;
    std::int64_t begin = 1, end = 0, offset = 0;  // local ms [begin, end)
  };
  thread_local Cache c;
  if (c.zone != zone) {
    c = Cache{zone, find_zone(zone)};
  }
  if (!c.tz) return 0;
  if (local_ms >= c.begin && local_ms < c.end) return c.offset;
  using namespace std::chrono;
  const date::local_seconds ls{seconds{floor_div(local_ms, 1000)}};
  const date::local_info li = c.tz->get_info(ls);
  const date::sys_info& si = li.first;
  c.offset = duration_cast<milliseconds>(si.offset).count();
  const auto to_local_ms = [&](date::sys_seconds t) {
    const auto v = duration_cast<milliseconds>(t.time_since_epoch()).count();
    return v > INT64_MAX / 2 ? INT64_MAX / 2 : v < INT64_MIN / 2 ? INT64_MIN / 2 : v + c.offset;
  };
  if (li.result == date::local_info::unique) {
    c.begin = to_local_ms(si.begin);
    c.end = to_local_ms(si.end);
  } else {
    c.begin = 1;  // do not cache around a change
    c.end = 0;
  }
  return c.offset;
}

std::string offset_text(std::int64_t offset_ms) {
  if (offset_ms == 0) return "Z";
  const std::int64_t minutes = (offset_ms < 0 ? -offset_ms : offset_ms) / 60'000;
  return fmt::format("{}{:02}:{:02}", offset_ms < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

struct Civil {
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  std::int64_t h = 0, mi = 0, s = 0, ms = 0;
};

Civil civil_of(std::int64_t wall) {
  Civil c;
  const std::int64_t days = floor_div(wall, ms_per_day);
  std::int64_t rest = wall - days * ms_per_day;
  civil_from_days(days, c.y, c.m, c.d);
  c.h = rest / 3'600'000;
  rest %= 3'600'000;
  c.mi = rest / 60'000;
  rest %= 60'000;
  c.s = rest / 1000;
  c.ms = rest % 1000;
  return c;
}

// "+01:00" / "-05:30" / "Z" -> ms east of UTC.
std::int64_t parse_offset(std::string_view z) {
  if (z == "Z") return 0;
  const std::int64_t v = ((z[1] - '0') * 10 + (z[2] - '0')) * 3'600'000LL + ((z[4] - '0') * 10 + (z[5] - '0')) * 60'000LL;
  return z[0] == '-' ? -v : v;
}

} // namespace

bool known_time_zone(std::string_view name) { return find_zone(name) != nullptr; }

std::optional<StartInstant> parse_start(std::string_view s, std::string_view time_zone) {
  const date::time_zone* tz = find_zone(time_zone);
  if (!tz) return std::nullopt;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::size_t i = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0, ms = 0;
  if (!read_int(s, i, 4, y) || i >= s.size() || s[i++] != '-' || !read_int(s, i, 2, mo) || i >= s.size() ||
      s[i++] != '-' || !read_int(s, i, 2, d)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  StartInstant st;
  st.time_zone = std::string(time_zone);
  std::optional<std::int64_t> offset;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    ++i;
    if (!read_int(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !read_int(s, i, 2, mi)) return std::nullopt;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!read_int(s, i, 2, se)) return std::nullopt;
      if (i < s.size() && s[i] == '.') {
        ++i;
        int scale = 100;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
          ms += (s[i] - '0') * scale;
          scale /= 10;
          ++i;
        }
      }
    }
    if (i < s.size()) {
      const std::string_view zone = s.substr(i);
      if (zone != "Z" && !(zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
                           std::isdigit(static_cast<unsigned char>(zone[1])) && std::isdigit(static_cast<unsigned char>(zone[2])) &&
                           std::isdigit(static_cast<unsigned char>(zone[4])) && std::isdigit(static_cast<unsigned char>(zone[5])))) {
        return std::nullopt;
      }
      offset = parse_offset(zone);
    }
  } else if (i != s.size()) {
    return std::nullopt;
  }
  if (h > 23 || mi > 59 || se > 60) return std::nullopt;
  st.wall_ms = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * ms_per_day +
               ((h * 60LL + mi) * 60LL + se) * 1000LL + ms;
  if (offset) {  // an instant: to local time in the zone
    using namespace std::chrono;
    const date::sys_seconds utc{seconds{floor_div(st.wall_ms - *offset, 1000)}};
    const std::int64_t zone_offset = duration_cast<milliseconds>(tz->get_info(utc).offset).count();
    st.wall_ms = st.wall_ms - *offset + zone_offset;
  }
  st.week_offset = week_offset_of(st.wall_ms);
  return st;
}

StartInstant default_start(std::string_view time_zone) {
  if (auto st = parse_start("2026-01-05T08:00:00.000", time_zone)) return *st;
  return *parse_start("2026-01-05T08:00:00.000", "UTC");
}

std::string format_timestamp(const StartInstant& start, std::int64_t sim_ms) {
  const std::int64_t wall = start.wall_ms + sim_ms;
  const Civil c = civil_of(wall);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}{}", c.y, c.m, c.d, c.h, c.mi, c.s, c.ms,
                     offset_text(offset_ms_at_local(start.time_zone, wall)));
}

std::string format_local_time(const StartInstant& start, std::int64_t sim_ms) {
  const Civil c = civil_of(start.wall_ms + sim_ms);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", c.y, c.m, c.d, c.h, c.mi, c.s);
}

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

bool WeeklyCalendar::is_open(std::int64_t t) const {
  if (always_) return true;
  const std::int64_t pos = ((t + offset_) % ms_per_week + ms_per_week) % ms_per_week;
  for (const auto& iv : iv_) {
    if (pos < iv.from) return false;
    if (pos < iv.to) return true;
  }
  return false;
}

std::int64_t WeeklyCalendar::next_open(std::int64_t t) const {
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

std::int64_t WeeklyCalendar::working_between(std::int64_t t0, std::int64_t t1) const {
  if (t1 <= t0) return 0;
  if (always_) return t1 - t0;
  if (iv_.empty()) return 0;
  return absolute_open(t1) - absolute_open(t0);
}

std::int64_t WeeklyCalendar::add_working(std::int64_t t, std::int64_t work) const {
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
