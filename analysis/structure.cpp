// SPDX-License-Identifier: MIT
// Placeholder until the pass lands: an empty result.
#include "analysis/structure.h"

namespace lotse::analysis {

StructurePass::Result StructurePass::run(const engine::ProcessModel&, engine::AnalysisContext&) const { return {}; }



} // namespace lotse::analysis
