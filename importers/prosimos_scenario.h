// SPDX-License-Identifier: MIT
// Prosimos scenarios: the JSON file Prosimos 2.x (pix-framework 0.14 parameter order) reads next to a
// BPMN model, applied to an imported model's simulation parameters so that `lotse simulate` runs what
// Prosimos would run (docs/simulation.md, "Prosimos scenarios"; shared/docs/simulation-formats.md §2.3).
// What the simulator has no equivalent for is named in a note, never dropped silently.
#pragma once

#include "importers/importer.h"

#include <string_view>

namespace lotse::importers {

/// Whether the start of a file looks like a Prosimos scenario: a JSON object naming at least one of
/// resource_profiles, task_resource_distribution, arrival_time_distribution. No diagnostics.
[[nodiscard]] bool looks_like_prosimos_scenario(std::string_view head);

/// Reads `scenario` and applies it to a copy of `model`: pools (one per resource profile), calendars,
/// arrival distribution and calendar, per-task durations and resources, gateway probabilities,
/// intermediate-event delays, batch rules. Diagnostics carry the scenario's file:line. A JSON syntax
/// error (IN-010) or a value of the wrong form (SIM-050) gives no model. Never throws for bad input.
[[nodiscard]] ImportResult apply_prosimos_scenario(const engine::SourceFile& scenario, const engine::ProcessModel& model);

} // namespace lotse::importers
