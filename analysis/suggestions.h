// SPDX-License-Identifier: MIT
// Digitisation measures from a catalogue (data file): each applicable measure is applied to a copy of
// the model, the workload is computed again, and the savings are reported and ranked. Never suggests
// what the process already has.
#pragma once

#include "analysis/lead_time.h"
#include "analysis/measures.h"
#include "analysis/media_breaks.h"
#include "engine/analysis_context.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

/// hoch: start now; mittel: within two years; niedrig: within four years.
enum class Priority { hoch, mittel, niedrig };
[[nodiscard]] std::string_view priority_id(Priority p);

/// The marginal saving of a citizen-facing measure at another uptake rate (sensitivity line).
struct UptakePoint {
  double uptake = 0;
  double saved_hours_per_year = 0;
  double saved_eur_per_year = 0;
};

/// Where an uptake rate comes from.
struct UptakeRate {
  double rate = 0.6;
  std::string source;                          ///< data file source, town file, or "cli"
  int year = 0;
  bool assumption = true;
  enum class From { table, fallback, town, cli } from = From::fallback;
};

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
  // Package (issue #9): saved_* above are MARGINAL savings in package order (rank order), so they add up.
  bool citizen_facing = false;
  UptakeRate uptake;                           ///< rate used (1.0 for back-office measures)
  std::vector<UptakePoint> sensitivity;        ///< citizen-facing: 30 / 60 / 90 %
  double lead_time_ci95_days = 0;              ///< half-width of the 95 % CI of lead_time_days_after
  double lead_time_ci95_days_before = 0;       ///< half-width of the 95 % CI of lead_time_days_before
  Effort effort;
  double staff_cost_eur = 0;                   ///< staff_days x hours per day x the process's mean rate
  double net_benefit_eur_per_year = 0;         ///< saved_eur_per_year - running cost
  std::optional<double> payback_years;         ///< (one-off + staff cost) / net benefit; none when net <= 0
  Priority priority = Priority::niedrig;
  std::vector<std::string> requires_ids;       ///< prerequisites (catalogue ids) in the package or in place
};

/// A catalogue measure that was considered and left out, with the reason code (texts.cpp words it).
struct NotProposed {
  std::string id;
  std::string title_de, title_en;
  std::string reason;                          ///< already_present, covered, no_benefit, physical_item, no_fee, ...
  std::string by;                              ///< covered: the measure earlier in the package that took its breaks
};

/// A media break (baseline numbering) no measure of the package acts on.
struct UncoveredBreak {
  int number = 0;                              ///< 1-based, as MediaBreakRow::number
  MediaBreakKind kind = MediaBreakKind::retyping;
  engine::NodeIndex node = engine::npos;
  std::string reason;                          ///< fit-rule code, "no_measure" (no catalogue measure for this kind or recipient)
};

/// The package per process: workload of the baseline and of the model with every measure applied.
struct ProcessPackage {
  std::string id;
  double hours_before = 0, hours_after = 0;
  double eur_before = 0, eur_after = 0;
  double fte_after = 0;
  double break_hours = 0;                      ///< hours per year bound in media breaks (baseline)
  double break_hours_covered = 0;              ///< of those, at nodes a proposed measure acts on
};

struct Package {
  std::vector<std::string> order;              ///< measure ids in package order
  double hours_before = 0, hours_after = 0;
  double eur_before = 0, eur_after = 0;
  double citizen_minutes_per_case = 0;
  std::vector<ProcessPackage> processes;
  std::optional<LeadTime> lead_before, lead_after;
  double hours_per_staff_day = 8;              ///< hours per FTE / 200 working days
};

struct SuggestionOptions {
  bool lead_time = false;        ///< also simulate lead time before/after each measure
  std::map<std::string, double> uptake;  ///< --uptake id=rate (wins over the town file and the table)
};

struct SuggestionResult {
  std::vector<Suggestion> suggestions;  ///< ranked = package order
  Package package;
  std::vector<NotProposed> not_proposed;
  std::vector<UncoveredBreak> uncovered_breaks;
  engine::Diagnostics notes;
};

struct SuggestionPass {
  static constexpr std::string_view id = "suggestions";
  using Result = SuggestionResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
