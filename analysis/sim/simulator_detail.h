// SPDX-License-Identifier: MIT
// Internal to the simulation kernel (simulator.cpp, simulator_events.cpp): time conversion, the
// inline draw of the common distributions, free-list slots.
#pragma once

#include "analysis/sim/bounds.h"
#include "analysis/sim/random.h"
#include "engine/model.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace lotse::analysis::sim::detail {

inline constexpr std::uint32_t none = 0xffffffffU;

// Draws are never negative (random.h), so rounding half up is llround without the library call. A draw
// is cut at max_draw_seconds (~3,170 years; accepted means are at most 100 years), so time + draw never
// overflows int64 ms while the horizon limit holds.
inline std::int64_t to_ms(double seconds) {
  return static_cast<std::int64_t>((seconds < max_draw_seconds ? seconds : max_draw_seconds) * 1000.0 + 0.5);
}

inline std::int64_t years_to_ms(double years) {
  return static_cast<std::int64_t>(std::clamp(years, 0.0, 100'000.0) * seconds_per_year * 1000.0);
}

/// A slot of `items`: one freed before, else a new one at the end.
template <class T>
std::uint32_t take_slot(std::vector<T>& items, std::vector<std::uint32_t>& free) {
  if (free.empty()) {
    items.emplace_back();
    return static_cast<std::uint32_t>(items.size() - 1);
  }
  const std::uint32_t slot = free.back();
  free.pop_back();
  return slot;
}

// The common case inline: exponential and fixed times without a call into the general sampler.
inline double draw(RandomStream& r, const engine::Distribution& d) {
  if (d.kind == engine::DistKind::exponential && d.p1 > 0) return -d.p1 * std::log(r.uniform01_open());
  if (d.kind == engine::DistKind::fixed) return d.p1 < 0 ? 0.0 : d.p1;
  return r.sample(d);
}

} // namespace lotse::analysis::sim::detail
