// SPDX-License-Identifier: MIT
// How often one pass through an activity executes it, from its BPMN loop characteristics: the one rule
// the exact workload (visits) and the simulation share, so that both count the same executions.
//  - multi-instance (BPMN 2.0 §13.3.7), sequential or parallel: loopCardinality instances (a fraction
//    is an expected count: floor(c) instances, one more with probability c - floor(c));
//  - standard loop (§13.3.6), condition tested after each iteration (testBefore="false"): one more
//    iteration with probability p (lotse `loop_probability`), at most loopMaximum iterations (a fraction
//    is cut); expected (1 - p^M) / (1 - p), without a maximum 1 / (1 - p); a maximum without a
//    probability runs exactly M iterations.
//  - multi-instance completionCondition as a share q (lotse `completion_share`, or the expression
//    `${nrOfCompletedInstances/nrOfInstances >= q}`): the activity completes after the first
//    k = max(1, ceil(q n)) of its n instances have completed (the condition is tested after each
//    completion); the others are cancelled (parallel) or never start (sequential). Executions counted:
//    the k completed instances, expected E[k(n)] over a fractional cardinality.
#pragma once

#include "engine/model.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace lotse::analysis {

struct Repetition {
  bool multi_instance = false;  ///< false: standard loop
  bool parallel = false;        ///< parallel multi-instance: the instances run at the same time
  double count = -1;            ///< multi-instance cardinality, or loop maximum (whole iterations); < 0: none
  double again = 0;             ///< standard loop: P(one more iteration)
  double completion_share = 0;  ///< multi-instance: done after this share of instances; <= 0 or >= 1: all

  /// Instances that complete (are executed to their end) of `instances` started: k of the header.
  [[nodiscard]] int completed_of(int instances) const {
    if (!multi_instance || completion_share <= 0 || completion_share >= 1 || instances <= 0) return instances;
    const double k = std::ceil(completion_share * static_cast<double>(instances) - 1e-9);
    return std::clamp(static_cast<int>(k), 1, instances);
  }

  /// Expected executions per pass (see the header comment).
  [[nodiscard]] double expected() const;
  /// One draw of the number of executions; `uniform` returns values in [0, 1).
  template <class Uniform>
  [[nodiscard]] int draw(Uniform&& uniform) const {
    if (multi_instance) {
      const double whole = static_cast<double>(static_cast<long long>(count));
      return static_cast<int>(whole) + (count > whole && uniform() < count - whole ? 1 : 0);
    }
    const int max = count >= 1 ? static_cast<int>(count) : -1;
    if (again <= 0) return max > 0 ? max : 1;
    int n = 1;
    while ((max < 0 || n < max) && uniform() < again) ++n;
    return n;
  }
};

/// The repetition of a node; nullopt without loop characteristics or when they give no count (a loop
/// marker alone: the node runs once per pass, and analyses say so).
[[nodiscard]] std::optional<Repetition> repetition_of(const engine::Node& n);

/// repetition_of(n)->expected(), or 1.
[[nodiscard]] double expected_repetitions(const engine::Node& n);

} // namespace lotse::analysis
