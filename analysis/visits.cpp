// SPDX-License-Identifier: MIT
// Placeholder until the pass lands: an empty result.
#include "analysis/visits.h"

namespace lotse::analysis {

VisitsPass::Result VisitsPass::run(const engine::ProcessModel&, engine::AnalysisContext&) const { return {}; }



} // namespace lotse::analysis
