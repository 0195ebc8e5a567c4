// SPDX-License-Identifier: MIT
// The process picture of the HTML report: an inline SVG drawn from the model's diagram (BPMN DI bounds
// and waypoints), or, when the model has none, a simple left-to-right layout (one band per
// sub-process, one lane per Stelle, Baustein types above the names, Variante names and percentages on
// the branches). Nodes with media breaks are outlined in red and carry the numbers of the findings table.
#pragma once

#include "engine/diagnostics.h"
#include "engine/model.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse::reports {

/// A drawable shape (flow node, pool or lane).
struct DiagramShape {
  enum class Kind { task, sub_process, event, gateway, pool, lane, band };  ///< band: generated layout group
  Kind kind = Kind::task;
  engine::NodeKind node_kind = engine::NodeKind::task;
  engine::Bounds bounds;
  std::string label;                    ///< raw model text (escaped when drawn)
  std::string marks;                    ///< media-break numbers, e.g. "1, 3"; empty = not highlighted
  bool end = false;                     ///< end event (thick outline)
  engine::BlockType block = engine::BlockType::none;  ///< PICTURE Baustein type, named above the label
};

/// A sequence flow (solid) or message flow (dashed) as a polyline.
struct DiagramEdge {
  std::vector<engine::Point> points;
  bool message = false;
  std::string label{};                  ///< branch name (flow name or PICTURE Variante), raw model text
  double probability = -1;              ///< branch probability 0..1, shown as percent; < 0: none
  engine::Bounds target{};              ///< bounds of the target shape (labels stand above it)
};

/// The picture, in model coordinates shifted so that the top-left corner is (0, 0).
struct Diagram {
  bool from_di = false;                 ///< true: geometry from the model; false: generated layout
  double width = 0, height = 0;
  std::vector<DiagramShape> shapes;     ///< pools and lanes first, then nodes (drawing order)
  std::vector<DiagramEdge> edges;
  [[nodiscard]] bool empty() const { return shapes.empty(); }
};

/// Builds the picture; `marks` pairs a node with a media-break number (several per node allowed).
[[nodiscard]] Diagram build_diagram(const engine::ProcessModel& m,
                                    const std::vector<std::pair<engine::NodeIndex, int>>& marks);

/// A label broken into lines of at most `width` code points (long words split after a hyphen, slash or
/// bracket, nothing lost): what the drawing shows, and what the layout reserves space for.
[[nodiscard]] std::vector<std::string> label_lines(std::string_view text, std::size_t width);

/// The picture as a self-contained <svg> element (no scripts, no external references).
[[nodiscard]] std::string render_svg(const Diagram& d, engine::Lang lang);

} // namespace lotse::reports
