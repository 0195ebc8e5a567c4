// SPDX-License-Identifier: MIT
// SuggestionPass: loads the catalogue, citizen time values, uptake table and the town's overrides,
// and builds the measure package (analysis/package.h): measures applied cumulatively to a copy of
// the model, each with its marginal saving in staff hours and euros per year, citizen minutes per
// case (StBA citizen time values) and, on request, the simulated lead time before and after.
#include "analysis/suggestions.h"

#include "analysis/data_set.h"
#include "analysis/measures.h"
#include "analysis/package.h"
#include "analysis/workload.h"

#include <fmt/format.h>

#include <algorithm>

namespace lotse::analysis {
namespace {

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

void describe_suggestion(Suggestion& s, const Measure& measure, const MeasurePlan& plan, const engine::ProcessModel& m) {
  s.id = measure.id;
  s.title_de = measure.title_de;
  s.title_en = measure.title_en;
  s.rationale_de = rationale(measure, plan, m, engine::Lang::de);
  s.rationale_en = rationale(measure, plan, m, engine::Lang::en);
  s.nodes = plan.removed;
  s.nodes.insert(s.nodes.end(), plan.changed.begin(), plan.changed.end());
  s.resolves = plan.resolves;
  s.citizen_note_de = plan.citizen_note_de;
  s.citizen_note_en = plan.citizen_note_en;
  s.changes_de = changes_text(measure, plan, m, engine::Lang::de);
  s.changes_en = changes_text(measure, plan, m, engine::Lang::en);
  s.component = measure.component;
  s.ozg_level = measure.ozg_level;
  s.ozg2_level = measure.ozg2_level;
  s.bw_level = measure.bw_level;
  s.sources = measure.sources;
}

SuggestionPass::Result SuggestionPass::run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const {
  Result r;
  const auto opts = ctx.options<SuggestionOptions>();
  const DataSet& data = data_set(ctx);
  // The town's uptake and effort values are in the data set already (load_data_set applied the
  // override file); the command line's --uptake wins over both.
  UptakeTable uptake = data.uptake;
  for (const auto& [measure_id, rate] : opts.uptake) uptake.rates[measure_id] = UptakeRate{rate, "cli", 0, false, UptakeRate::From::cli};

  if (ctx.get<WorkloadPass>().processes.empty()) r.notes.add(engine::DiagId::med_no_workload, m.source_path(), {}, "");
  build_package(ctx, PackageInput{data.catalogue, data.citizen_times, data.lexicon, uptake, opts.lead_time}, r);
  for (auto& d : r.notes.items()) {
    if (d.file.empty()) d.file = m.source_path();
  }
  return r;
}

} // namespace lotse::analysis
