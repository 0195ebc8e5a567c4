// SPDX-License-Identifier: MIT
// Placeholder until the pass lands: an empty result.
#include "analysis/workload.h"

namespace lotse::analysis {

WorkloadPass::Result WorkloadPass::run(const engine::ProcessModel&, engine::AnalysisContext&) const { return {}; }



} // namespace lotse::analysis
