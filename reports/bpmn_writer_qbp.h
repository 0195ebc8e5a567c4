// SPDX-License-Identifier: MIT
// Internal to the BPMN writer: the QBP/BIMP `qbp:processSimulationInfo` block and number formatting.
#pragma once

#include "engine/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports::bpmn_detail {

inline constexpr std::string_view qbp_ns = "http://www.qbp-simulator.com/Schema201212";

/// A number for XML attributes: up to 12 significant digits, decimal point, no locale.
[[nodiscard]] std::string num(double v);

/// The process the simulation parameters belong to: the setup's process, else the first with nodes.
[[nodiscard]] engine::ProcessIndex simulated_process(const engine::ProcessModel& m);

/// The QBP block for process `p` (each line prefixed by `indent`), or "" when the model knows no
/// durations, branching probabilities or arrival rate for it. `node_ids`/`flow_ids`: written ids.
[[nodiscard]] std::string qbp_block(const engine::ProcessModel& m, engine::ProcessIndex p,
                                    const std::vector<std::string>& node_ids,
                                    const std::vector<std::string>& flow_ids, std::string_view indent);

} // namespace lotse::reports::bpmn_detail
