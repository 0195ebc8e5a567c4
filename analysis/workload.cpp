// SPDX-License-Identifier: MIT
// Workload pass: minutes per case = Σ visits x minutes per execution x Stelle share over the activities
// of a process (events and gateways take no staff time; expanded sub-processes and call activities
// count through their contents); hours per year = minutes per case x Fallzahl / 60; VZÄ = hours /
// hours per VZÄ; cost = hours x Verteilzeitzuschlag x €/h (PICTURE Personalkapazitäts- and
// Personalkostenanalyse, domain.md §1.6). A PICTURE model is one process; BPMN gives one per pool.
#include "analysis/workload.h"

#include "analysis/data_set.h"
#include "analysis/structure_graph.h"
#include "analysis/time_kind.h"
#include "analysis/visits.h"
#include "analysis/workload_detail.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lotse::analysis {
namespace {

using engine::DiagId;
using engine::NodeIndex;
using engine::npos;
using engine::ProcessIndex;

struct Group {
  ProcessIndex key = npos;
  std::vector<NodeIndex> nodes;
};


/// Fallzahl with its source: scenario, process or model fact sheet, else the largest Teilprozess Fallzahl.
std::optional<double> cases_for(const engine::ProcessModel& m, const engine::Scenario& s, ProcessIndex p, Provenance& prov,
                                detail::FallbackCounts& counts) {
  if (s.cases_per_year) {
    prov = Provenance{Origin::scenario, "Vorgabe (--cases-per-year)", "given (--cases-per-year)", {}};
    counts.cases_from_scenario = true;
    return s.cases_per_year;
  }
  if (p < m.processes().size() && m.processes()[p].facts.cases_per_year) {
    const auto& c = *m.processes()[p].facts.cases_per_year;
    prov = Provenance{Origin::model, "Modell (Fallzahl)", "model (case volume)", c.at};
    return c.value.value;
  }
  if (m.facts().cases_per_year) {
    const auto& c = *m.facts().cases_per_year;
    prov = Provenance{Origin::model, "Modell (Fallzahl)", "model (case volume)", c.at};
    return c.value.value;
  }
  std::optional<double> largest;
  for (const auto& tp : m.picture_subprocesses()) {
    if (tp.cases_per_year && (!largest || tp.cases_per_year->value > *largest)) largest = tp.cases_per_year->value;
  }
  if (largest) {
    prov = Provenance{Origin::model, "Modell (Fallzahl des Teilprozesses)", "model (case volume of the sub-process)", {}};
    return largest;
  }
  prov = Provenance{Origin::missing, "keine Fallzahl", "no case volume", {}};
  return std::nullopt;
}

void add_stellen(ProcessWorkload& pw, const engine::ProcessModel& m, const DataTables& t, double hours_per_fte,
                 std::set<std::string>& rate_noted, engine::Diagnostics& notes) {
  struct Acc {
    double hours = 0, cost = 0, minutes = 0, rate_minutes = 0;
    std::optional<double> rate;
    bool uniform = true;
    Provenance prov;
    NodeIndex first = npos;
  };
  std::map<std::string, Acc> acc;
  for (const auto& nw : pw.nodes) {
    const std::string name = nw.stelle.empty() ? "ohne Stelle" : nw.stelle;
    Acc& a = acc[name];
    a.hours += nw.hours_per_year;
    a.cost += nw.cost_per_year_eur;
    a.minutes += nw.minutes_per_case;
    a.rate_minutes += nw.minutes_per_case * nw.eur_per_hour;
    if (!a.rate) {
      a.rate = nw.eur_per_hour;
      a.prov = nw.rate;
      a.first = nw.node;
    } else if (std::abs(*a.rate - nw.eur_per_hour) > 1e-9) {
      a.uniform = false;
    }
  }
  for (const auto& [name, a] : acc) {
    StelleWorkload sw;
    sw.name = name;
    sw.hours_per_year = a.hours;
    sw.fte = a.hours / hours_per_fte;
    sw.cost_per_year_eur = a.cost;
    if (a.uniform) {
      sw.eur_per_hour = a.rate.value_or(0.0);
      sw.rate = a.prov;
    } else {
      sw.eur_per_hour = a.minutes > 0 ? a.rate_minutes / a.minutes : a.rate.value_or(0.0);
      sw.rate = Provenance{Origin::computed, "gewichtetes Mittel der Kostensätze", "weighted mean of the cost rates", {}};
    }
    // Only for the default table: a town's own value (Ortswert) is no "Standardwert". The table is
    // named by its language-neutral short name ("StBA 2025"), as diagnostics print in both languages.
    if (a.uniform && a.prov.origin == Origin::default_table && !t.default_rate_local && !t.stelle_rates.contains(name) &&
        rate_noted.insert(name).second && a.first != npos) {
      const auto& n = m.node(a.first);
      notes.add(DiagId::ana_default_rate, m.source_path(), n.origin, n.id,
                {name, engine::number_arg(sw.eur_per_hour, 2), t.wage_info.short_name()});
    }
    pw.stellen.push_back(std::move(sw));
  }
  std::sort(pw.stellen.begin(), pw.stellen.end(), [](const StelleWorkload& a, const StelleWorkload& b) {
    return a.hours_per_year != b.hours_per_year ? a.hours_per_year > b.hours_per_year : a.name < b.name;
  });
}

} // namespace

WorkloadPass::Result WorkloadPass::run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const {
  const VisitsResult& visits = ctx.get<VisitsPass>();
  const engine::Scenario& s = ctx.scenario();
  Result r;
  r.hours_per_fte = s.hours_per_fte > 0 ? s.hours_per_fte : 1600.0;
  r.distribution_time_factor = s.distribution_time_factor;
  const DataSet& data = data_set(ctx);
  const DataTables& t = data.tables;
  r.notes.append(data.override_notes);
  detail::FallbackCounts counts;
  counts.picture = !m.picture_subprocesses().empty();
  counts.equal_split = visits.notes.contains(DiagId::ana_equal_split);

  // Staff work only: waiting (Liegezeit, Hauspost, a payment confirmation...) holds no staff time;
  // the simulation uses the same classification (analysis/time_kind.h).
  const TimeClassification times = classify_times(m, visits.expanded);
  std::vector<Group> groups;
  for (NodeIndex v = 0; v < m.node_count(); ++v) {
    if (!times.staff_work(v)) continue;
    ProcessIndex key = v < visits.case_process.size() ? visits.case_process[v] : m.node(v).process;
    if (counts.picture) key = m.processes().empty() ? npos : 0;
    auto it = std::find_if(groups.begin(), groups.end(), [key](const Group& g) { return g.key == key; });
    if (it == groups.end()) it = groups.insert(groups.end(), Group{key, {}});
    it->nodes.push_back(v);
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.key < b.key; });

  std::set<std::string> rate_noted;
  for (const auto& g : groups) {
    ProcessWorkload pw;
    if (g.key < m.processes().size()) {
      pw.id = m.processes()[g.key].id;
      pw.name = detail::process_label(m, g.key);
    } else {
      pw.id = m.name();
      pw.name = m.name();
    }
    std::set<ProcessIndex> members;
    if (g.key != npos) members.insert(g.key);
    for (const auto v : g.nodes) {
      if (m.node(v).process != npos) members.insert(m.node(v).process);
    }
    pw.processes.assign(members.begin(), members.end());
    const auto cases = cases_for(m, s, g.key, pw.cases, counts);
    pw.cases_per_year = cases.value_or(0.0);
    if (!cases) {
      counts.no_cases = true;
      const auto& at = g.key < m.processes().size() ? m.processes()[g.key].origin : engine::SourceLocation{};
      r.notes.add(DiagId::ana_no_cases, m.source_path(), at, pw.id, {pw.name});
    }
    for (const auto v : g.nodes) {
      NodeWorkload nw;
      detail::node_figures(m, v, t, nw, counts, r.notes);
      if (m.node(v).removed) {
        nw.minutes_per_execution = 0;
        nw.time = Provenance{Origin::computed, "entfällt (Maßnahme)", "removed (measure)", {}};
      }
      nw.visits = v < visits.visits.size() ? visits.visits[v] : 0.0;
      nw.minutes_per_case = nw.visits * nw.minutes_per_execution * m.node(v).attrs.stelle_share;
      nw.hours_per_year = nw.minutes_per_case * pw.cases_per_year / 60.0;
      nw.cost_per_year_eur = nw.hours_per_year * r.distribution_time_factor * nw.eur_per_hour;
      pw.minutes_per_case += nw.minutes_per_case;
      pw.hours_per_year += nw.hours_per_year;
      pw.cost_per_year_eur += nw.cost_per_year_eur;
      pw.nodes.push_back(std::move(nw));
    }
    pw.fte = pw.hours_per_year / r.hours_per_fte;
    add_stellen(pw, m, t, r.hours_per_fte, rate_noted, r.notes);

    const engine::FactSheet* facts = g.key < m.processes().size() && m.processes()[g.key].facts.processing_time
                                         ? &m.processes()[g.key].facts
                                         : &m.facts();
    if (facts->processing_time) {
      pw.fact_sheet_minutes = engine::to_minutes(facts->processing_time->value);
      const double diff = std::abs(*pw.fact_sheet_minutes - pw.minutes_per_case);
      if (diff > 0.5 && diff > 0.05 * *pw.fact_sheet_minutes) {
        r.notes.add(DiagId::ana_fact_sheet_mismatch, m.source_path(), facts->processing_time->at, pw.id,
                    {pw.name, engine::number_arg(*pw.fact_sheet_minutes, 1), engine::number_arg(pw.minutes_per_case, 1)});
      }
    }
    r.processes.push_back(std::move(pw));
  }
  r.assumptions = detail::assumptions(s, t, counts);
  r.notes.sort();
  return r;
}

} // namespace lotse::analysis
