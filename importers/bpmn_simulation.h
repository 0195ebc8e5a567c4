// SPDX-License-Identifier: MIT
// Simulation parameters in BPMN files: BIMP/QBP `qbp:processSimulationInfo` (under definitions as BIMP
// writes it, or in process/extensionElements as Apromore writes it) and BPSim 1.0/2.0 `BPSimData`.
#pragma once

#include "engine/model.h"
#include "importers/bpmn_context.h"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse::importers::bpmn {

/// Reads the first simulation block found (QBP before BPSim) into the model; later blocks get BPMN-026.
void read_simulation(Context& ctx, const std::vector<std::pair<pugi::xml_node, bool>>& qbp_blocks,
                     const std::vector<pugi::xml_node>& bpsim_blocks);

/// QBP: one processSimulationInfo; `root_placement` = direct child of definitions (BIMP dialect).
void read_qbp(Context& ctx, const pugi::xml_node& info, bool root_placement);
/// QBP distribution element (`type`, `mean`, `arg1`, `arg2`, BIMP semantics, seconds); nullopt if unusable.
[[nodiscard]] std::optional<engine::Distribution> read_qbp_distribution(Context& ctx, const pugi::xml_node& el,
                                                                        std::string_view owner);
/// BPSim: one BPSimData element (first scenario).
void read_bpsim(Context& ctx, const pugi::xml_node& data);

} // namespace lotse::importers::bpmn
