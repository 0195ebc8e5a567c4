// SPDX-License-Identifier: MIT
// SuggestionPass: for every catalogue measure that applies (analysis/measures.h), apply it to a copy
// of the model, run the workload again in a fresh AnalysisContext (same scenario, same workload
// options) and report the difference in staff hours and euros per year, the citizen minutes per case
// (StBA citizen time values) and, on request, the simulated lead time before and after. Ranked by
// euros saved, then by citizen benefit (domain.md, implication 10).
#include "analysis/suggestions.h"

#include "analysis/data_set.h"
#include "analysis/lead_time.h"
#include "analysis/measures.h"
#include "analysis/workload.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace lotse::analysis {
namespace {

struct Totals {
  double hours = 0, eur = 0, cases = 0;
};
Totals totals(const WorkloadResult& w) {
  Totals t;
  for (const auto& p : w.processes) {
    t.hours += p.hours_per_year;
    t.eur += p.cost_per_year_eur;
    t.cases = std::max(t.cases, p.cases_per_year);
  }
  return t;
}

std::string names(const engine::ProcessModel& m, const std::vector<engine::NodeIndex>& nodes, engine::Lang lang) {
  std::string s;
  for (const auto n : nodes) {
    const auto& node = m.node(n);
    const auto& text = node.name.empty() ? node.id : node.name;
    s += (s.empty() ? "" : ", ") + (lang == engine::Lang::de ? "„" + text + "“" : "“" + text + "”");
  }
  return s;
}

std::string rationale(const Measure& ms, const MeasurePlan& plan, const engine::ProcessModel& m, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  std::string s = de ? ms.description_de : ms.description_en;
  std::vector<std::string> found;
  for (const auto* b : plan.triggers) {
    const auto& node = m.node(b->node);
    const auto& text = node.name.empty() ? node.id : node.name;
    auto item = (de ? fmt::format("{} bei „{}“", media_break_label(b->kind, lang), text) : fmt::format("{} at “{}”", media_break_label(b->kind, lang), text));
    if (std::find(found.begin(), found.end(), item) == found.end()) found.push_back(std::move(item));
  }
  if (!found.empty()) {
    s += de ? " Anlass: " : " Found: ";
    for (std::size_t i = 0; i < found.size(); ++i) s += (i ? "; " : "") + found[i];
    s += ".";
  }
  return s;
}

std::string changes_text(const Measure& ms, const MeasurePlan& plan, const engine::ProcessModel& m, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  std::string s;
  if (!plan.removed.empty()) s += (de ? "entfällt: " : "removed: ") + names(m, plan.removed, lang);
  if (!plan.changed.empty()) {
    std::string how;
    for (std::size_t i = 0; i < ms.changes.size(); ++i) {
      const auto& c = ms.changes[i];
      if (c.op == ModelChange::Op::remove || i >= plan.per_change.size() || plan.per_change[i].empty()) continue;
      const auto& note = de ? c.note_de : c.note_en;
      std::string what;
      switch (c.op) {
      case ModelChange::Op::channels_to_electronic:
        what = de ? "Kanal auf Elektronische Schnittstelle" : "channel set to electronic interface";
        break;
      case ModelChange::Op::scale_processing:
        what = (de ? fmt::format("Bearbeitungszeit × {:.2f}", c.factor) : fmt::format("processing time × {:.2f}", c.factor));
        break;
      case ModelChange::Op::add_processing:
        what = (de ? fmt::format("+{:.0f} min Bearbeitungszeit", c.minutes) : fmt::format("+{:.0f} min processing time", c.minutes));
        break;
      case ModelChange::Op::remove:
        break;
      }
      if (!note.empty()) what += " (" + note + ")";
      how += (how.empty() ? "" : ", ") + what;
    }
    s += (s.empty() ? "" : "; ") + std::string(de ? "geändert: " : "changed: ") + names(m, plan.changed, lang);
    if (!how.empty()) s += " [" + how + "]";
  }
  return s;
}

} // namespace

SuggestionPass::Result SuggestionPass::run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const {
  Result r;
  const auto opts = ctx.options<SuggestionOptions>();
  const DataSet& data = data_set(ctx);
  const auto& catalogue = data.catalogue;
  const auto& times = data.citizen_times;
  const auto& lex = data.lexicon;

  const auto& breaks = ctx.get<MediaBreakPass>();
  const auto& work = ctx.get<WorkloadPass>();
  const Totals before = totals(work);
  if (work.processes.empty()) r.notes.add(engine::DiagId::med_no_workload, m.source_path(), {}, "");
  std::optional<LeadTime> lead_before;
  if (opts.lead_time) lead_before = estimate_lead_time(m, ctx.scenario(), LeadTimeOptions{});

  for (const auto& measure : catalogue.measures) {
    const auto plan = plan_measure(measure, m, breaks, work, times, lex);
    if (!plan.applies) continue;
    const auto copy = apply_measure(measure, plan, m, breaks, work);
    engine::AnalysisContext what_if(copy, ctx.scenario());
    what_if.options<DataSetOption>().data = data_set_ptr(ctx);
    const Totals after = totals(what_if.get<WorkloadPass>());

    // A measure the model shows no benefit for is not a recommendation (e.g. scanning that only adds time).
    const double saved_eur = before.eur - after.eur, saved_hours = before.hours - after.hours;
    if (!work.processes.empty() && saved_eur < -0.005 && plan.citizen_minutes <= 1e-9) continue;

    Suggestion s;
    s.id = measure.id;
    s.title_de = measure.title_de;
    s.title_en = measure.title_en;
    s.rationale_de = rationale(measure, plan, m, engine::Lang::de);
    s.rationale_en = rationale(measure, plan, m, engine::Lang::en);
    s.nodes = plan.removed;
    s.nodes.insert(s.nodes.end(), plan.changed.begin(), plan.changed.end());
    s.resolves = plan.resolves;
    s.saved_hours_per_year = saved_hours;
    s.saved_eur_per_year = saved_eur;
    s.saved_citizen_minutes_per_case = plan.citizen_minutes;
    s.saved_citizen_hours_per_year = plan.citizen_minutes * before.cases / 60.0;
    s.citizen_note_de = plan.citizen_note_de;
    s.citizen_note_en = plan.citizen_note_en;
    s.changes_de = changes_text(measure, plan, m, engine::Lang::de);
    s.changes_en = changes_text(measure, plan, m, engine::Lang::en);
    s.component = measure.component;
    s.ozg_level = measure.ozg_level;
    s.ozg2_level = measure.ozg2_level;
    s.bw_level = measure.bw_level;
    s.sources = measure.sources;
    if (lead_before && lead_before->simulated) {
      const auto lead_after = estimate_lead_time(copy, ctx.scenario(), LeadTimeOptions{});
      if (lead_after.simulated) {
        s.lead_time_days_before = lead_before->mean_days;
        s.lead_time_days_after = lead_after.mean_days;
      }
    }
    r.suggestions.push_back(std::move(s));
  }
  // Rank: euros saved, then citizen benefit, then catalogue order (stable).
  std::stable_sort(r.suggestions.begin(), r.suggestions.end(), [](const Suggestion& a, const Suggestion& b) {
    if (std::abs(a.saved_eur_per_year - b.saved_eur_per_year) > 0.005) return a.saved_eur_per_year > b.saved_eur_per_year;
    return a.saved_citizen_minutes_per_case > b.saved_citizen_minutes_per_case + 1e-9;
  });
  for (std::size_t i = 0; i < r.suggestions.size(); ++i) r.suggestions[i].rank = static_cast<int>(i + 1);
  for (auto& d : r.notes.items()) {
    if (d.file.empty()) d.file = m.source_path();
  }
  return r;
}

} // namespace lotse::analysis
