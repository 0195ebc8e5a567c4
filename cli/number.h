// SPDX-License-Identifier: MIT
// One reader for every numeric command-line option: German forms ("1.500", "1.600,5", "1500,5") and
// plain ones ("1500", "1.1") are accepted, anything ambiguous ("1,500.5", "1.50", "1,5,0") is refused
// with a German message (exit 2), never guessed (issue #9: "1.500" was silently 1.5).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace lotse::cli {

/// The value of `text`, or none with the reason in `why` (German, English in brackets).
/// Rules: a comma is the decimal separator; dots followed by groups of exactly three digits are
/// thousands separators ("1.500" = 1500, "1.600,5" = 1600.5); a single dot followed by one, two or
/// more than three digits, with no comma, is a decimal point ("1.1", "1.25"); everything else is refused.
[[nodiscard]] std::optional<double> parse_number(std::string_view text, std::string* why = nullptr);

/// Adds a numeric option read with parse_number and checked against [lo, hi].
CLI::Option* add_number_option(CLI::App& sub, const std::string& name, std::optional<double>& target, const std::string& help,
                               double lo, double hi);
/// Same for an option with a default value.
CLI::Option* add_number_option(CLI::App& sub, const std::string& name, double& target, const std::string& help, double lo,
                               double hi);

} // namespace lotse::cli
