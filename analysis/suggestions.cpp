// SPDX-License-Identifier: MIT
// Placeholder until the pass lands: an empty result.
#include "analysis/suggestions.h"

namespace lotse::analysis {

SuggestionPass::Result SuggestionPass::run(const engine::ProcessModel&, engine::AnalysisContext&) const { return {}; }



} // namespace lotse::analysis
