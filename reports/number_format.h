// SPDX-License-Identifier: MIT
// Number formatting for reports, done explicitly and never through the global locale:
// German uses a decimal comma and a dot as thousands separator (1.234,5), English the reverse.
#pragma once

#include "engine/diagnostics.h"

#include <string>

namespace lotse::reports {

/// `value` with `decimals` places and thousands separators in the report language.
[[nodiscard]] std::string format_number(double value, int decimals, engine::Lang lang);
/// Money: "1.234,50 €" (de) or "€1,234.50" (en).
[[nodiscard]] std::string format_euros(double euros, engine::Lang lang);
/// A fraction as percent: 0.6016 -> "60,2 %" (de) / "60.2%" (en).
[[nodiscard]] std::string format_percent(double fraction, int decimals, engine::Lang lang);

} // namespace lotse::reports
