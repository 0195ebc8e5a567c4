// SPDX-License-Identifier: MIT
// The measure package (issue #9): the applicable catalogue measures are ordered (standalone euros,
// prerequisites first), then applied one after another to the model copy; after each, media breaks
// and workload (and with --lead-time the simulation) are computed again on the edited copy, so each
// measure's saving is its MARGINAL saving in that order and a break claimed by two measures is
// counted once. The package total is baseline minus the fully edited model, exactly.
#pragma once

#include "analysis/measures.h"
#include "analysis/suggestions.h"

#include <map>
#include <string>

namespace lotse::analysis {

/// Uptake rates per measure (data/nutzungsquoten.json), with the town's and the command line's values.
struct UptakeTable {
  bool loaded = false;
  std::string source;
  UptakeRate fallback;                       ///< for citizen-facing measures without an entry
  std::map<std::string, UptakeRate> rates;
  [[nodiscard]] UptakeRate of(const std::string& id) const;
};

[[nodiscard]] UptakeTable load_uptake(const std::string& path, engine::Diagnostics& notes);

/// A town's own values for measures from the override file: "uptake": {id: rate} and
/// "massnahmen": {id: {one_off_eur, running_eur_per_year, staff_days, uptake, source}}.
void apply_town_overrides(const std::string& override_file, Catalogue& catalogue, UptakeTable& uptake);

/// Everything the package needs besides the model and its context.
struct PackageInput {
  const Catalogue& catalogue;
  const CitizenTimes& times;
  const Lexicon& lex;
  const UptakeTable& uptake;
  bool lead_time = false;
};

/// Builds the package on `ctx`'s model; fills suggestions, package, not_proposed and uncovered_breaks.
void build_package(engine::AnalysisContext& ctx, const PackageInput& in, SuggestionResult& out);

/// The waits that leave with the steps a measure removed or moved to electronic channels (Liegezeit
/// of the Hauspost, postal days, waiting for a payment), removed or scaled by the share of cases
/// that no longer take the step (package_waits.cpp); `after` is apply_measure's copy of `before`.
[[nodiscard]] engine::ProcessModel shorten_waits(const MeasurePlan& plan, const engine::ProcessModel& before, engine::ProcessModel after);

/// Id, titles, rationale, changed nodes and the what-if description of one applied measure
/// (suggestions.cpp); `m` is the model the plan was made on.
void describe_suggestion(Suggestion& s, const Measure& measure, const MeasurePlan& plan, const engine::ProcessModel& m);

/// Priority class from the payback time: hoch <= 2 years, mittel <= 4 years, else niedrig.
[[nodiscard]] Priority priority_from_payback(const std::optional<double>& payback_years);

} // namespace lotse::analysis
