// SPDX-License-Identifier: MIT
// Internal to analysis/sim: civil-date arithmetic of the model's wall clock (days since 1970-01-01),
// after Howard Hinnant's days_from_civil/civil_from_days. Shared by calendar.cpp and clock.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lotse::analysis::sim::civil {

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
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

/// Monday = 0 … Sunday = 6 of a day counted from 1970-01-01 (a Thursday).
inline std::int64_t weekday_of(std::int64_t day) { return ((day + 3) % 7 + 7) % 7; }

/// Reads exactly `digits` decimal digits at s[i] into out and advances i.
inline bool read_int(std::string_view s, std::size_t& i, std::size_t digits, int& out) {
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

} // namespace lotse::analysis::sim::civil
