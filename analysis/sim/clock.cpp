// SPDX-License-Identifier: MIT
// The model's clock (see calendar.h): start instants, time zones and timestamps of the wall clock.
#include "analysis/sim/calendar.h"
#include "analysis/sim/civil.h"

#include <array>
#include <cctype>
#include <date/tz.h>
#include <exception>
#include <fstream>
#include <iterator>
#include <fmt/format.h>

namespace lotse::analysis::sim {

using civil::civil_from_days;
using civil::days_from_civil;
using civil::floor_div;
using civil::read_int;
using civil::weekday_of;

namespace {



std::int64_t week_offset_of(std::int64_t wall_ms) {
  const std::int64_t days = floor_div(wall_ms, ms_per_day);
  return weekday_of(days) * ms_per_day + (wall_ms - days * ms_per_day);
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

namespace {

// True if the system's tzdata (where the date library's OS database reads) has a zone file of this name:
// without loading the whole database, which takes 2 ms and is needed only to convert an instant.
// The zone file of a plausible zone name (no path tricks), else nullopt.
std::optional<std::string> zone_file(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.rfind("posix/", 0) == 0 || name.rfind("right/", 0) == 0) {
    return std::nullopt;
  }
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '-' && c != '+') return std::nullopt;
  }
  return "/usr/share/zoneinfo/" + std::string(name);
}

bool zone_file_exists(std::string_view name) {
  const auto path = zone_file(name);
  if (!path) return false;
  std::ifstream f(*path, std::ios::binary);
  std::array<char, 4> magic{};
  return f.read(magic.data(), magic.size()) && std::string_view(magic.data(), magic.size()) == "TZif";
}

} // namespace

bool known_time_zone(std::string_view name) { return zone_file_exists(name); }

namespace {

// The UTC offset (ms) of a zone at a UTC instant from its TZif file alone (RFC 8536, version 2+ data),
// without the date library's database of all zones (2-4 ms to build). nullopt when the instant lies
// beyond the file's last transition (a rule in the footer then applies: the caller asks the date
// library) or the file is not understood.
std::optional<std::int64_t> tzif_offset_ms(std::string_view name, std::int64_t utc_seconds) {
  const auto path = zone_file(name);  // the TZif magic is checked below: the file is read once
  if (!path) return std::nullopt;
  std::ifstream f(*path, std::ios::binary);
  const std::string d((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto be = [&](std::size_t at, int bytes) -> std::int64_t {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(d[at + static_cast<std::size_t>(i)]);
    return bytes == 4 ? static_cast<std::int32_t>(static_cast<std::uint32_t>(v)) : static_cast<std::int64_t>(v);
  };
  struct Counts {
    std::int64_t isut, isstd, leap, time, type, chars;
  };
  const auto counts = [&](std::size_t at) {
    return Counts{be(at + 20, 4), be(at + 24, 4), be(at + 28, 4), be(at + 32, 4), be(at + 36, 4), be(at + 40, 4)};
  };
  if (d.size() < 44 || d.compare(0, 4, "TZif") != 0 || d[4] < '2') return std::nullopt;
  const Counts v1 = counts(0);
  const std::size_t h2 = 44 + static_cast<std::size_t>(v1.time * 5 + v1.type * 6 + v1.chars + v1.leap * 8 + v1.isstd + v1.isut);
  if (h2 + 44 > d.size() || d.compare(h2, 4, "TZif") != 0) return std::nullopt;
  const Counts c = counts(h2);
  const std::size_t times = h2 + 44, idx = times + static_cast<std::size_t>(c.time) * 8,
                    types = idx + static_cast<std::size_t>(c.time);
  if (c.type < 1 || c.time < 1 || types + static_cast<std::size_t>(c.type) * 6 > d.size()) return std::nullopt;
  if (utc_seconds >= be(times + static_cast<std::size_t>(c.time - 1) * 8, 8)) return std::nullopt;
  std::int64_t type = 0;  // before the first transition: the first type
  for (std::int64_t i = 0; i < c.time && be(times + static_cast<std::size_t>(i) * 8, 8) <= utc_seconds; ++i) {
    type = static_cast<unsigned char>(d[idx + static_cast<std::size_t>(i)]);
  }
  if (type >= c.type) return std::nullopt;
  return be(types + static_cast<std::size_t>(type) * 6, 4) * 1000;
}

} // namespace

std::optional<StartInstant> parse_start(std::string_view s, std::string_view time_zone) {
  if (!zone_file_exists(time_zone)) return std::nullopt;
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
    const std::int64_t utc_s = floor_div(st.wall_ms - *offset, 1000);
    std::optional<std::int64_t> zone_offset = tzif_offset_ms(time_zone, utc_s);
    if (!zone_offset) {
      const date::time_zone* tz = find_zone(time_zone);
      if (!tz) return std::nullopt;
      using namespace std::chrono;
      zone_offset = duration_cast<milliseconds>(tz->get_info(date::sys_seconds{seconds{utc_s}}).offset).count();
    }
    st.wall_ms = st.wall_ms - *offset + *zone_offset;
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

} // namespace lotse::analysis::sim
