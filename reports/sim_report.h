// SPDX-License-Identifier: MIT
// Rendering simulation results: JSON (times in seconds, utilisation as a fraction, costs in EUR;
// deterministic: same seed -> same bytes) and a German/English text summary.
#pragma once

#include "analysis/sim/run.h"
#include "engine/diagnostics.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>

namespace lotse::reports {

/// The JSON document of `lotse simulate` for one file.
[[nodiscard]] nlohmann::ordered_json simulation_json(const analysis::sim::SimulationResult& r, const std::string& file,
                                                     engine::Lang lang);
/// The text summary of `lotse simulate` for one file.
void write_simulation_text(std::ostream& out, const analysis::sim::SimulationResult& r, const std::string& file,
                           engine::Lang lang);
/// A duration in seconds in a readable unit: "42 s", "12,5 min", "3,2 h", "4,1 Tage".
[[nodiscard]] std::string format_seconds(double s, engine::Lang lang);

} // namespace lotse::reports
