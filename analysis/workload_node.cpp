// SPDX-License-Identifier: MIT
// Per-node workload inputs. Minutes per execution: attrs.processing, else the mean of the simulation
// duration distribution, else the StBA Zeitwerttabelle (column "mittel") by block type or keyword
// (domain.md, implication 7). Stelle: the node's, an enclosing sub-process's, else its (innermost) lane.
// Rate: node, lane (or an enclosing lane), the town's rate for the Stelle, else the StBA Lohnkostentabelle.
#include "analysis/structure_graph.h"
#include "analysis/workload_detail.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace lotse::analysis::detail {
namespace {

using engine::DiagId;
using engine::NodeIndex;
using engine::npos;

std::string grouped(double v, int decimals, char decimal, char thousands) {
  std::string s = fmt::format("{:.{}f}", std::abs(v), decimals);
  const auto dot = s.find('.');
  std::string int_part = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string out;
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += thousands;
    out += int_part[i];
  }
  if (!frac.empty()) out += decimal + frac;
  const bool negative = v < 0 && std::any_of(s.begin(), s.end(), [](char c) { return c >= '1' && c <= '9'; });
  return negative ? "-" + out : out;
}

/// The lane of a node, else of the nearest enclosing sub-process that has one.
engine::LaneIndex lane_of(const engine::ProcessModel& m, NodeIndex v) {
  for (NodeIndex cur = v; cur != npos && cur < m.node_count(); cur = m.node(cur).parent) {
    if (m.node(cur).lane != npos) return m.node(cur).lane;
  }
  return npos;
}

} // namespace

std::string de_number(double v, int decimals) { return grouped(v, decimals, ',', '.'); }
std::string en_number(double v, int decimals) { return grouped(v, decimals, '.', ','); }

void node_figures(const engine::ProcessModel& m, NodeIndex v, const DataTables& t, NodeWorkload& out,
                  FallbackCounts& counts, engine::Diagnostics& notes) {
  const auto& n = m.node(v);
  const auto& file = m.source_path();
  out.node = v;

  if (n.attrs.processing) {
    out.minutes_per_execution = engine::to_minutes(n.attrs.processing->value);
    out.time = Provenance{Origin::model, "Modell (Bearbeitungszeit)", "model (processing time)", n.attrs.processing->at};
  } else if (n.attrs.duration) {
    out.minutes_per_execution = n.attrs.duration->value.mean() / 60.0;
    out.time = Provenance{Origin::model, "Modell (Simulationsparameter)", "model (simulation parameters)", n.attrs.duration->at};
    ++counts.simulation_time;
  } else if (const auto match = t.match(n); match && match->nr == 0) {
    out.minutes_per_execution = 0;
    out.time = Provenance{Origin::default_table, "keine Personalzeit: " + match->rule_de, "no staff time: " + match->rule_en, {}};
    ++counts.automated;
  } else if (const TimeValue* tv = match ? t.time(match->nr) : nullptr; tv && tv->medium) {
    out.minutes_per_execution = *tv->medium;
    const std::string table = tv->local ? fmt::format("Ortswert ({})", t.override_source.empty() ? t.override_file : t.override_source)
                                        : fmt::format("Standardwert ({})", t.time_info.short_name());
    const std::string table_en = tv->local ? fmt::format("local value ({})", t.override_source.empty() ? t.override_file : t.override_source)
                                           : fmt::format("default ({})", t.time_info.short_name());
    out.time = Provenance{Origin::default_table,
                          fmt::format("{}, Zeitwerttabelle Verwaltung Nr. {}, mittel; {}", table, tv->nr, match->rule_de),
                          fmt::format("{}, administration time table no. {}, medium; {}", table_en, tv->nr, match->rule_en), {}};
    ++(tv->local ? counts.local_time : counts.default_time);
    notes.add(DiagId::ana_default_time, file, n.origin, n.id,
              {label(n), engine::number_arg(*tv->medium, 0), tv->local ? t.override_file : t.time_info.short_name(), std::to_string(tv->nr)});
  } else {
    out.minutes_per_execution = 0;
    out.time = Provenance{Origin::missing, "keine Angabe (0 min)", "not given (0 min)", {}};
    ++counts.missing_time;
    notes.add(DiagId::ana_no_time, file, n.origin, n.id, {label(n)});
  }

  // Stelle: the node's own, inherited from an enclosing sub-process (PICTURE Teilprozess), else the lane.
  for (NodeIndex cur = v; cur != npos && out.stelle.empty(); cur = m.node(cur).parent) out.stelle = m.node(cur).attrs.stelle;
  const engine::LaneIndex lane = lane_of(m, v);
  // A lane stands for the Stelle its lotse:stelle names, else for its own name.
  if (out.stelle.empty() && lane != npos) out.stelle = m.lanes()[lane].stelle.empty() ? m.lanes()[lane].name : m.lanes()[lane].stelle;
  // Simulation models (QBP/BPSim) name the performer as a resource pool instead of a lane.
  const engine::ResourcePool* pool = nullptr;
  for (const auto& id : n.attrs.resources) {
    for (const auto& p : m.simulation().pools) {
      if (p.id == id && !pool) pool = &p;
    }
  }
  if (out.stelle.empty() && pool) out.stelle = pool->name.empty() ? pool->id : pool->name;
  if (out.stelle.empty()) notes.add(DiagId::ana_no_stelle, file, n.origin, n.id, {label(n)});

  if (n.attrs.cost_rate) {
    out.eur_per_hour = n.attrs.cost_rate->value.euros_per_hour();
    out.rate = Provenance{Origin::model, "Modell (Kostensatz)", "model (cost rate)", n.attrs.cost_rate->at};
    return;
  }
  for (engine::LaneIndex l = lane; l != npos && l < m.lanes().size(); l = m.lanes()[l].parent) {
    if (!m.lanes()[l].cost_rate) continue;
    out.eur_per_hour = m.lanes()[l].cost_rate->value.euros_per_hour();
    out.rate = Provenance{Origin::model, "Modell (Kostensatz der Bahn)", "model (cost rate of the lane)", m.lanes()[l].cost_rate->at};
    return;
  }
  if (pool && pool->cost && pool->cost->cents_per_hour > 0) {
    out.eur_per_hour = pool->cost->euros_per_hour();
    out.rate = Provenance{Origin::model, "Modell (Kostensatz der Simulationsressource)", "model (cost of the simulation resource)",
                          pool->origin};
    return;
  }
  const std::string local = t.override_source.empty() ? t.override_file : t.override_source;
  if (const auto it = t.stelle_rates.find(out.stelle); it != t.stelle_rates.end()) {
    out.eur_per_hour = it->second;
    out.rate = Provenance{Origin::default_table, fmt::format("Ortswert ({})", local), fmt::format("local value ({})", local), {}};
    ++counts.local_rate;
    return;
  }
  if (const auto rate = t.default_rate()) {
    out.eur_per_hour = *rate;
    const WageLevel* row = t.default_level_row();
    if (t.default_rate_local) {
      out.rate = Provenance{Origin::default_table, fmt::format("Ortswert ({})", local), fmt::format("local value ({})", local), {}};
      ++counts.local_rate;
    } else {
      const std::string level_de = row && !row->name_de.empty() ? row->name_de : t.default_level;
      const std::string level_en = row && !row->name_en.empty() ? row->name_en : t.default_level;
      out.rate = Provenance{Origin::default_table,
                            fmt::format("Standardwert ({}), Lohnkostentabelle {}, {}", t.wage_info.short_name(), level_de,
                                        t.column_name(t.default_column, engine::Lang::de)),
                            fmt::format("default ({}), wage cost table, {}, {}", t.wage_info.short_name(), level_en,
                                        t.column_name(t.default_column, engine::Lang::en)),
                            {}};
      ++counts.default_rate;
    }
    return;
  }
  out.eur_per_hour = 0;
  out.rate = Provenance{Origin::missing, "kein Kostensatz (0 €)", "no cost rate (0 EUR)", {}};
  ++counts.missing_rate;
}

} // namespace lotse::analysis::detail
