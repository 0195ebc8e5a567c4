// SPDX-License-Identifier: MIT
#include "cli/number.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace lotse::cli {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// "1.500.000" -> "1500000" when every group after a dot has three digits.
std::optional<std::string> ungroup(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const auto dot = s.find('.', start);
    const auto part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!digits(part) || (!first && part.size() != 3) || (first && part.size() > 3 && dot != std::string_view::npos)) return std::nullopt;
    out += part;
    if (dot == std::string_view::npos) return out;
    first = false;
    start = dot + 1;
  }
}

std::string refuse(std::string_view text) {
  return fmt::format("'{}' ist keine eindeutige Zahl: bitte 1500 oder 1.500 (Tausenderpunkt) bzw. 1500,5 oder 1500.5 "
                     "schreiben ('{}' is not an unambiguous number)",
                     text, text);
}

} // namespace

std::optional<double> parse_number(std::string_view text, std::string* why) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::string plain;
  const auto comma = s.find(',');
  const auto dots = std::count(s.begin(), s.end(), '.');
  if (comma != std::string_view::npos) {
    const auto whole = ungroup(s.substr(0, comma));
    const auto frac = s.substr(comma + 1);
    if (!whole || !digits(frac)) {
      if (why) *why = refuse(text);
      return std::nullopt;
    }
    plain = *whole + "." + std::string(frac);
  } else if (dots == 0 && digits(s)) {
    plain = s;
  } else if (const auto whole = ungroup(s)) {
    plain = *whole;                           // "1.500" = 1500, "1.500.000"
  } else if (dots == 1 && digits(s.substr(0, s.find('.'))) && digits(s.substr(s.find('.') + 1))) {
    plain = s;                                // "1.1", "1.25", "1.2345": a decimal point
  } else {
    if (why) *why = refuse(text);
    return std::nullopt;
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc{} || end != plain.data() + plain.size() || !std::isfinite(v)) {
    if (why) *why = refuse(text);
    return std::nullopt;
  }
  return negative ? -v : v;
}

namespace {

CLI::Validator number_check(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        std::string why;
        const auto v = parse_number(text, &why);
        if (!v) return why;
        if (*v < lo || *v > hi) {
          // CLI11's own wording: cli/cli_texts.cpp turns it into German unless --lang en.
          return fmt::format("Value {} not in range {} to {}", text, lo, hi);
        }
        text = fmt::format("{}", *v);       // the option stores the plain value
        return {};
      },
      "NUMBER");
}

} // namespace

CLI::Option* add_number_option(CLI::App& sub, const std::string& name, std::optional<double>& target, const std::string& help,
                               double lo, double hi) {
  return sub.add_option_function<std::string>(name, [&target](const std::string& v) { target = parse_number(v); }, help)
      ->check(number_check(lo, hi));
}

CLI::Option* add_number_option(CLI::App& sub, const std::string& name, double& target, const std::string& help, double lo,
                               double hi) {
  return sub.add_option_function<std::string>(name, [&target](const std::string& v) { target = parse_number(v).value_or(target); }, help)
      ->check(number_check(lo, hi));
}

} // namespace lotse::cli
