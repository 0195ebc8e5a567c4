// SPDX-License-Identifier: MIT
#include "analysis/sim/defaults.h"

#include "analysis/workload.h"

namespace lotse::analysis::sim {

std::vector<double> default_minutes(engine::AnalysisContext& ctx) {
  std::vector<double> out(ctx.model().node_count(), -1.0);
  const WorkloadResult& w = ctx.get<WorkloadPass>();
  for (const auto& p : w.processes) {
    for (const auto& n : p.nodes) {
      if (n.node < out.size() && n.time.origin != Origin::missing) out[n.node] = n.minutes_per_execution;
    }
  }
  return out;
}

} // namespace lotse::analysis::sim
