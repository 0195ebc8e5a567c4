// SPDX-License-Identifier: MIT
// Processing times for activities the model gives none: the analysis core's defaults (WorkloadPass
// minutes per execution, from the StBA Zeitwerttabelle), as SimOptions::default_minutes.
#pragma once

#include "engine/analysis_context.h"

#include <vector>

namespace lotse::analysis::sim {

/// Minutes per execution per NodeIndex from WorkloadPass (-1 where it has none).
[[nodiscard]] std::vector<double> default_minutes(engine::AnalysisContext& ctx);

} // namespace lotse::analysis::sim
