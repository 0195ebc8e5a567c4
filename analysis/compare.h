// SPDX-License-Identifier: MIT
// Ist/Soll comparison (issue #9, point 5): two models of one service side by side, computed from the
// pass results of both contexts (workload, media breaks and, when it ran, lead time); nothing is
// computed again here. Stellen are matched by name, Bausteine by PICTURE category and by task name
// (fold_key: case and umlaut spelling do not matter), media breaks by kind and task name, so the
// comparison lists the breaks removed, kept and added. A row present in one model only is 0 on the
// other side. Every delta is Soll minus Ist (negative = the Soll model needs less).
#pragma once

#include "analysis/lead_time.h"
#include "analysis/media_breaks.h"
#include "engine/analysis_context.h"
#include "engine/block_types.h"

#include <optional>
#include <string>
#include <vector>

namespace lotse::analysis {

/// One figure in both models.
struct IstSoll {
  double ist = 0, soll = 0;
  [[nodiscard]] double delta() const { return soll - ist; }
};

/// One Stelle, Baustein category or task in both models.
struct CompareRow {
  std::string name;                  ///< Stelle or task name as in the Ist model (else the Soll model); category id
  IstSoll hours_per_year;
  IstSoll fte;
  IstSoll eur_per_year;
  IstSoll minutes_per_case;
  bool in_ist = false, in_soll = false;
};

/// A media break of either model, matched by kind and task name.
struct BreakMatch {
  MediaBreakKind kind = MediaBreakKind::retyping;
  std::string node_id, node_name;    ///< of the Ist node (added: of the Soll node)
  int number_ist = 0, number_soll = 0;  ///< 1-based numbers in each model's media-break list, 0 = absent
  double minutes_per_year_ist = 0, minutes_per_year_soll = 0;
};

struct BreakComparison {
  std::vector<BreakMatch> removed;   ///< in Ist only
  std::vector<BreakMatch> kept;      ///< in both
  std::vector<BreakMatch> added;     ///< in Soll only
};

/// Category of a Baustein row: the PICTURE category, or "none" for a task without a Baustein type.
[[nodiscard]] std::string_view category_id(engine::BlockType b);

struct Comparison {
  IstSoll cases_per_year;            ///< largest Fallzahl of the model's processes
  IstSoll minutes_per_case;          ///< staff minutes per case, summed over the model's processes
  IstSoll hours_per_year, fte, eur_per_year;
  IstSoll citizen_minutes_per_case;  ///< StBA citizen time values x the model's channel mix (citizen_minutes_per_case())
  IstSoll media_breaks;              ///< number of breaks
  IstSoll media_break_minutes_per_year;
  std::optional<LeadTime> lead_time_ist, lead_time_soll;  ///< when the lead-time pass ran on both
  double hours_per_fte = 1600;
  std::vector<CompareRow> by_role;       ///< Stellen, Ist order (hours descending), then Soll-only rows
  std::vector<CompareRow> by_category;   ///< PICTURE categories in enum order, "none" last
  std::vector<CompareRow> by_task;       ///< tasks with work, Ist model order, then Soll-only tasks
  BreakComparison breaks;
};

/// Compares the Ist and the Soll model; runs the workload and media-break passes on both contexts if
/// they have not run, and takes the lead time only from contexts where the lead-time pass has run.
[[nodiscard]] Comparison compare_models(engine::AnalysisContext& ist, engine::AnalysisContext& soll);

/// Citizen minutes per case estimated from the model's channel mix and the StBA citizen time values of
/// the data set: the trip to the town hall for applications handed in personally, filling in the form
/// (paper: "mittel", otherwise "einfach", the assumption of the online_application measure), and the
/// trip to collect the result where it is handed over personally.
[[nodiscard]] double citizen_minutes_per_case(engine::AnalysisContext& ctx);

} // namespace lotse::analysis
