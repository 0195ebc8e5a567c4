// SPDX-License-Identifier: MIT
// Lead time ("Durchlaufzeit") by simulation: estimate_lead_time runs analysis/sim on the model under
// the scenario (seed, staff, Fallzahl) and reports days: mean with a 95 % confidence interval from
// independent replications, median and 90 % quantile. Activities without a time get the workload
// pass's defaults when the pass runs in a context (LeadTimePass); the result's note says where the
// numbers come from and why a model could not be simulated.
#include "analysis/lead_time.h"

#include "analysis/sim/defaults.h"
#include "analysis/sim/run.h"

#include <fmt/format.h>

namespace lotse::analysis {
namespace {

LeadTime lead_time_with(const engine::ProcessModel& m, sim::SimOptions o) {
  LeadTime lt;
  const sim::SimulationResult r = sim::simulate(m, o);
  lt.cases = r.cases_completed;
  if (!r.ok) {
    std::string de, en;
    for (const auto& d : r.diagnostics) {
      if (d.severity != engine::Severity::error) continue;
      de += (de.empty() ? "" : "; ") + fmt::format("[{}] {}", d.code(), d.message(engine::Lang::de));
      en += (en.empty() ? "" : "; ") + fmt::format("[{}] {}", d.code(), d.message(engine::Lang::en));
    }
    lt.note_de = "nicht simuliert: " + (de.empty() ? std::string("keine Fälle abgeschlossen") : de);
    lt.note_en = "not simulated: " + (en.empty() ? std::string("no case completed") : en);
    return lt;
  }
  constexpr double day = 86400.0;
  lt.simulated = true;
  lt.mean_days = r.cycle_s.mean / day;
  lt.p50_days = r.p50_s / day;
  lt.p90_days = r.p90_s / day;
  lt.ci95_days = r.cycle_s.ci95.value_or(0.0) / day;
  lt.note_de = fmt::format("Simulation: {} Replikationen × {} Fälle, Startwert {}; {} Hinweise", r.replications,
                           r.cases_per_replication, r.seed, r.diagnostics.size());
  lt.note_en = fmt::format("simulation: {} replications × {} cases, seed {}; {} notes", r.replications,
                           r.cases_per_replication, r.seed, r.diagnostics.size());
  return lt;
}

} // namespace

LeadTime estimate_lead_time(const engine::ProcessModel& m, const engine::Scenario& s, const LeadTimeOptions& o) {
  sim::SimOptions so = sim::options_from(s);
  so.cases = o.cases;
  so.replications = o.replications;
  return lead_time_with(m, so);
}

LeadTimePass::Result LeadTimePass::run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const {
  const auto& opts = ctx.options<LeadTimeOptions>();
  sim::SimOptions so = sim::options_from(ctx.scenario());
  so.cases = opts.cases;
  so.replications = opts.replications;
  so.default_minutes = sim::default_minutes(ctx);
  LeadTimeResult r;
  r.overall = lead_time_with(m, so);
  return r;
}

} // namespace lotse::analysis
