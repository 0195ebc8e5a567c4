// SPDX-License-Identifier: MIT
// Expected visits of every node per case, from an absorbing Markov chain solved exactly with Eigen
// (sparse LU): XOR by probability, AND (all branches), OR (independent branch probabilities),
// event-based gateways, loops of any return probability, sub-processes and call activities expanded,
// boundary events with a probability; node occurrence (PICTURE P(Baustein)) multiplies.
#pragma once

#include "engine/analysis_context.h"

#include <string_view>
#include <vector>

namespace lotse::analysis {

struct VisitsResult {
  std::vector<double> visits;            ///< per NodeIndex: expected executions per case of its process
  std::vector<double> flow_traversals;   ///< per FlowIndex: expected traversals per case
  bool exact = true;                     ///< false when a part could not be solved (notes say why)
  /// Per NodeIndex: the process whose case `visits` counts (the caller's for an expanded called process).
  std::vector<engine::ProcessIndex> case_process;
  /// Per NodeIndex: a sub-process or call activity whose contents were counted (it takes no own time).
  std::vector<bool> expanded;
  engine::Diagnostics notes;
};

struct VisitsPass {
  static constexpr std::string_view id = "visits";
  using Result = VisitsResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
