// SPDX-License-Identifier: MIT
// Internal part of the workload pass: per-node figures (time, Stelle, rate with provenance) and the
// plain-language assumptions listed under "Annahmen".
#pragma once

#include "analysis/tables.h"
#include "analysis/workload.h"

#include <map>
#include <string>

namespace lotse::analysis::detail {

/// German number: decimal comma, thousands dot ("1.234,5").
[[nodiscard]] std::string de_number(double v, int decimals);
/// English number: decimal point, thousands comma ("1,234.5").
[[nodiscard]] std::string en_number(double v, int decimals);

/// How often each kind of fallback was used, for the assumptions.
struct FallbackCounts {
  int default_time = 0;          ///< Zeitwerttabelle
  int local_time = 0;            ///< override file's Zeitwert
  int simulation_time = 0;       ///< mean of the simulation distribution
  int automated = 0;             ///< automated tasks without staff time
  int missing_time = 0;          ///< counted as 0 min
  int default_rate = 0;          ///< Lohnkostentabelle
  int local_rate = 0;            ///< override file's rate
  int missing_rate = 0;          ///< no rate at all (0 €)
  bool no_cases = false;
  bool cases_from_scenario = false;
  bool picture = false;
  bool equal_split = false;      ///< some split had no probabilities
};

/// Fills the minutes, Stelle and rate of one node; counts fallbacks and adds notes.
void node_figures(const engine::ProcessModel& m, engine::NodeIndex v, const DataTables& t, NodeWorkload& out,
                  FallbackCounts& counts, engine::Diagnostics& notes);

/// The assumptions a navigator needs to read the figures.
[[nodiscard]] std::vector<Assumption> assumptions(const engine::Scenario& s, const DataTables& t, const FallbackCounts& c);

} // namespace lotse::analysis::detail
