// SPDX-License-Identifier: MIT
// Lead time ("Durchlaufzeit") of a case in days, by simulation (analysis/sim): processing, queueing for
// staff within office hours, Wartezeit/Liegezeit. Used by `lotse analyze` per process and per measure.
#pragma once

#include "engine/analysis_context.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace lotse::analysis {

struct LeadTime {
  bool simulated = false;      ///< false: the model could not be simulated (note says why)
  double mean_days = 0;
  double p50_days = 0;
  double p90_days = 0;
  double ci95_days = 0;        ///< half-width of the 95 % confidence interval of the mean
  std::int64_t cases = 0;      ///< cases simulated in total
  std::string note_de, note_en;
};

struct LeadTimeOptions {
  std::int64_t cases = 2000;   ///< per replication
  int replications = 5;
};

/// Simulates a model under a scenario (seed from the scenario) and summarises the lead time.
[[nodiscard]] LeadTime estimate_lead_time(const engine::ProcessModel& m, const engine::Scenario& s,
                                          const LeadTimeOptions& o);

struct LeadTimeResult {
  LeadTime overall;
};

struct LeadTimePass {
  static constexpr std::string_view id = "lead-time";
  using Result = LeadTimeResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
