// SPDX-License-Identifier: MIT
// Placeholder until the pass lands: an empty result.
#include "analysis/lead_time.h"

namespace lotse::analysis {

LeadTimePass::Result LeadTimePass::run(const engine::ProcessModel&, engine::AnalysisContext&) const { return {}; }
LeadTime estimate_lead_time(const engine::ProcessModel&, const engine::Scenario&, const LeadTimeOptions&) { return {}; }


} // namespace lotse::analysis
