// SPDX-License-Identifier: MIT
// Structure checks a modeller expects (bpmnlint's recommended set, PICTURE's Plausibilitätshinweise):
// start/end events, reachability, dead ends, implicit splits/joins, XOR probabilities summing to 100 %,
// AND/XOR mismatches (deadlock), loops without exit, boundary events without target.
#pragma once

#include "engine/analysis_context.h"

#include <string_view>

namespace lotse::analysis {

struct StructureResult {
  engine::Diagnostics findings;  ///< one diagnostic per finding, file:line and stable code (STR-0xx)
};

struct StructurePass {
  static constexpr std::string_view id = "structure";
  using Result = StructureResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
