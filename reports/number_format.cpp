// SPDX-License-Identifier: MIT
#include "reports/number_format.h"

#include <cmath>
#include <fmt/format.h>

namespace lotse::reports {

std::string format_number(double value, int decimals, engine::Lang lang) {
  if (!std::isfinite(value)) return lang == engine::Lang::de ? "–" : "-";
  std::string raw = fmt::format("{:.{}f}", std::fabs(value), decimals);
  if (raw.find_first_not_of("0.") == std::string::npos) value = 0.0;  // no "-0,0"
  const char thousands = lang == engine::Lang::de ? '.' : ',';
  const char decimal = lang == engine::Lang::de ? ',' : '.';
  const auto point = raw.find('.');
  std::string int_part = raw.substr(0, point);
  std::string frac_part = point == std::string::npos ? "" : raw.substr(point + 1);
  std::string grouped;
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) grouped += thousands;
    grouped += int_part[i];
  }
  std::string out = value < 0 ? "-" + grouped : grouped;
  if (!frac_part.empty()) {
    out += decimal;
    out += frac_part;
  }
  return out;
}

std::string format_euros(double euros, engine::Lang lang) {
  if (lang == engine::Lang::de) return format_number(euros, 2, lang) + " €";
  return "€" + format_number(euros, 2, lang);
}

std::string format_percent(double fraction, int decimals, engine::Lang lang) {
  const std::string n = format_number(fraction * 100.0, decimals, lang);
  return lang == engine::Lang::de ? n + " %" : n + "%";
}

} // namespace lotse::reports
