// SPDX-License-Identifier: MIT
#include "analysis/repetition.h"

#include <algorithm>
#include <cmath>

namespace lotse::analysis {

double Repetition::expected() const {
  if (multi_instance) {
    const double c = std::max(0.0, count);
    if (completion_share <= 0 || completion_share >= 1) return c;
    const double whole = std::floor(c), frac = c - whole;
    const int n = static_cast<int>(whole);
    return (1 - frac) * completed_of(n) + (frac > 0 ? frac * completed_of(n + 1) : 0.0);
  }
  const double max = count >= 1 ? std::floor(count) : -1;
  if (again <= 0) return max > 0 ? max : 1.0;
  return max > 0 ? (1 - std::pow(again, max)) / (1 - again) : 1 / (1 - again);
}

std::optional<Repetition> repetition_of(const engine::Node& n) {
  Repetition r;
  switch (n.loop) {
  case engine::LoopKind::none: return std::nullopt;
  case engine::LoopKind::parallel_multi_instance:
  case engine::LoopKind::sequential_multi_instance:
    if (!n.loop_cardinality) return std::nullopt;
    r.multi_instance = true;
    r.parallel = n.loop == engine::LoopKind::parallel_multi_instance;
    r.count = *n.loop_cardinality;
    if (n.attrs.completion_share) r.completion_share = std::clamp(n.attrs.completion_share->value, 0.0, 1.0);
    return r;
  case engine::LoopKind::standard:
    if (!n.loop_maximum && !n.attrs.loop_probability) return std::nullopt;
    r.count = n.loop_maximum.value_or(-1);
    r.again = n.attrs.loop_probability ? std::clamp(n.attrs.loop_probability->value, 0.0, 0.999) : 0.0;
    return r;
  }
  return std::nullopt;
}

double expected_repetitions(const engine::Node& n) {
  const auto r = repetition_of(n);
  return r ? r->expected() : 1.0;
}

} // namespace lotse::analysis
