// SPDX-License-Identifier: MIT
// Diagram geometry for BPMN export: the input's DI where it has one, otherwise an automatic
// left-to-right layout (longest-path layering per scope, one band per lane, one lane per Stelle when
// the input has no lanes but its nodes name Stellen, sub-process contents inside expanded sub-processes,
// which then span all Stelle lanes so that their contents sit in the lanes of their Stellen).
#pragma once

#include "engine/model.h"

#include <optional>
#include <string>
#include <vector>

namespace lotse::reports {

/// A lane the layout adds because the input has none but its nodes carry Stelle attributes.
struct StelleLane {
  std::string name;                     ///< the Stelle ("" for nodes without one: drawn as "ohne Stelle")
  engine::ProcessIndex process = engine::npos;
  std::vector<engine::NodeIndex> nodes; ///< nodes of this Stelle, sub-process contents included
  engine::Bounds bounds;
};

/// Geometry of every element, indexed like the model's vectors.
struct DiagramLayout {
  bool from_input = false;                               ///< true: the input's DI, false: automatic
  std::vector<std::optional<engine::Bounds>> nodes;
  std::vector<std::vector<engine::Point>> flows;
  std::vector<std::vector<engine::Point>> message_flows;
  std::vector<std::optional<engine::Bounds>> participants;
  std::vector<std::optional<engine::Bounds>> lanes;
  std::vector<std::optional<engine::Bounds>> data;
  std::vector<std::optional<engine::Bounds>> annotations;
  std::vector<StelleLane> stelle_lanes;                  ///< only in automatic layouts
  std::vector<bool> expanded;                            ///< per node: sub-process drawn with its contents inside
};

/// Lays out a model (see the file comment). Never fails; elements that cannot be placed get no bounds.
[[nodiscard]] DiagramLayout layout_diagram(const engine::ProcessModel& m);

/// Orthogonal connection from the border of `from` to the border of `to` (left to right when possible).
[[nodiscard]] std::vector<engine::Point> route_edge(const engine::Bounds& from, const engine::Bounds& to,
                                                    bool from_boundary_event = false);

} // namespace lotse::reports
