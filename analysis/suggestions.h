// SPDX-License-Identifier: MIT
// Digitisation measures from a catalogue (data file): each applicable measure is applied to a copy of
// the model, the workload is computed again, and the savings are reported and ranked. Never suggests
// what the process already has.
#pragma once

#include "analysis/media_breaks.h"
#include "engine/analysis_context.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

struct Suggestion {
  std::string id;                              ///< measure id, e.g. "online_application"
  std::string title_de, title_en;
  std::string rationale_de, rationale_en;      ///< why it applies here
  std::vector<engine::NodeIndex> nodes;        ///< nodes removed or changed by the measure
  std::vector<MediaBreakKind> resolves;        ///< media-break kinds it removes
  double saved_hours_per_year = 0;
  double saved_eur_per_year = 0;
  double saved_citizen_minutes_per_case = 0;
  double lead_time_days_before = 0;            ///< 0 when not computed
  double lead_time_days_after = 0;
  std::string component;                       ///< Saxon component, e.g. "Amt24", "ePayBL"
  int ozg_level = 0;                           ///< OZG Reifegrad (1.1) reached
  int rank = 0;                                ///< 1 = do first
  int ozg2_level = 0;                          ///< OZG Reifegrad 2.0 (0-7) the measure supports (derived)
  int bw_level = 0;                            ///< BW Normenkontrollrat Digitalisierungsgrad (0-6) (derived)
  double saved_citizen_hours_per_year = 0;     ///< citizen minutes per case x cases per year / 60
  std::string citizen_note_de, citizen_note_en;  ///< how the citizen minutes were computed, with source
  std::string changes_de, changes_en;          ///< what the what-if changed in the model copy
  std::vector<std::string> sources;            ///< catalogue source ids (data/massnahmen.json "sources")
};

struct SuggestionOptions {
  bool lead_time = false;        ///< also simulate lead time before/after each measure
};

struct SuggestionResult {
  std::vector<Suggestion> suggestions;  ///< ranked
  engine::Diagnostics notes;
};

struct SuggestionPass {
  static constexpr std::string_view id = "suggestions";
  using Result = SuggestionResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
