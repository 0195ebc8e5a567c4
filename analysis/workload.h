// SPDX-License-Identifier: MIT
// Staff workload: minutes per case, hours per year, VZÄ and personnel cost per node, per Stelle and per
// process. PICTURE's rule comes out exactly: Lastfaktor = Fallzahl Teilprozess x P(Variante) x
// P(Baustein); a process's minutes per case = yearly minutes of all Teilprozesse / process Fallzahl.
// Missing times come from the StBA Zeitwerttabelle Verwaltung (2025), missing wages from the StBA
// Lohnkostentabelle (Kommunen, 2025) of the context's data set (analysis/data_set.h, town override
// applied); such figures carry a default-table provenance.
#pragma once

#include "analysis/provenance.h"
#include "engine/analysis_context.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

struct NodeWorkload {
  engine::NodeIndex node = engine::npos;
  double visits = 0;                 ///< expected executions per case (Lastfaktor / Fallzahl)
  double minutes_per_execution = 0;
  Provenance time;                   ///< source of minutes_per_execution
  double minutes_per_case = 0;       ///< visits x minutes x Stelle share
  double hours_per_year = 0;
  double cost_per_year_eur = 0;
  std::string stelle;                ///< node's Stelle, else its lane's, else ""
  double eur_per_hour = 0;
  Provenance rate;                   ///< source of eur_per_hour
};

struct StelleWorkload {
  std::string name;
  double hours_per_year = 0;
  double fte = 0;                    ///< VZÄ
  double cost_per_year_eur = 0;
  double eur_per_hour = 0;
  Provenance rate;
};

struct ProcessWorkload {
  std::string id;
  std::string name;
  std::vector<engine::ProcessIndex> processes;  ///< engine processes summed up here
  double cases_per_year = 0;
  Provenance cases;
  double minutes_per_case = 0;
  double hours_per_year = 0;
  double fte = 0;
  double cost_per_year_eur = 0;
  std::optional<double> fact_sheet_minutes;     ///< Bearbeitungszeit as entered in the Steckbrief
  std::vector<NodeWorkload> nodes;              ///< nodes with work, model order
  std::vector<StelleWorkload> stellen;          ///< sorted by hours, descending
};

struct WorkloadResult {
  std::vector<ProcessWorkload> processes;
  double hours_per_fte = 1600;
  double distribution_time_factor = 1.0;
  std::vector<Assumption> assumptions;
  engine::Diagnostics notes;
};

struct WorkloadPass {
  static constexpr std::string_view id = "workload";
  using Result = WorkloadResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
