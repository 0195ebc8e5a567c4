// SPDX-License-Identifier: MIT
// Bounds of a simulation run (issue #16): no value, case or run may grow without limit. Time values
// above 100 years are refused when the model is compiled (so int64 milliseconds never overflow and
// no time comes out negative); a case stuck in a cycle is found before the run (no path to an end)
// or stopped during it (steps or simulated years per case), and the cycle is named; names that
// reach diagnostics and logs are cut to a bounded length.
#pragma once

#include "analysis/sim/network.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis::sim {

inline constexpr double seconds_per_year = 365.25 * 86'400;
/// The largest time value (a mean, a fixed time, the upper end of a range) a model may give.
inline constexpr double max_time_value_years = 100;
/// A single draw is cut here (a tail far beyond any accepted mean): ~3,170 years in ms.
inline constexpr double max_draw_seconds = 1e11;
/// Bytes of a name in diagnostics and event logs.
inline constexpr std::size_t max_name_bytes = 200;

/// The largest time a distribution stands for in seconds (its mean, or its upper end or spread).
[[nodiscard]] double distribution_scale(const engine::Distribution& d);

/// At most `max_bytes` bytes of `s`, cut at a UTF-8 character boundary, with "…" when cut.
[[nodiscard]] std::string bounded_text(std::string_view s, std::size_t max_bytes = max_name_bytes);

/// Nodes of the network (reachable ones) from which no path leads to an end: a token there never
/// leaves. Edges are the sequence flows (and link pairs) and the interrupting boundary events.
[[nodiscard]] std::vector<std::uint32_t> trapped_nodes(const SimNetwork& net);

/// A shortest cycle through node `n` (else the cycle reached by walking on from `n`) as
/// "'A' → 'B' → 'A'", with at most 8 names, each bounded.
[[nodiscard]] std::string cycle_text(const SimNetwork& net, std::uint32_t n);

} // namespace lotse::analysis::sim
