// SPDX-License-Identifier: MIT
// The one drawing path of every print format (issue #10): a doc::Figure's SVG is rendered by librsvg
// onto a cairo surface (PDF pages of the report and the poster, PNG for DOCX) in the rendering module
// (reports/render/, reports/render_api.h); this header is the layout part. Pictures are never
// shrunk below a minimum label size: plan_tiles() picks the scale at which the smallest font of the
// SVG has `min_pt` points and, when the picture is then larger than the area, splits it into tiles
// (one per page) instead of shrinking it.
#pragma once

#include "reports/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports {

/// A rectangle in points of the scaled picture.
struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
};

/// How a picture is laid out: `scale` points per SVG user unit, and the tiles (row by row) that cover
/// the scaled picture, each at most the available area.
struct TilePlan {
  double scale = 1;
  int columns = 1, rows = 1;
  std::vector<Rect> tiles;
  [[nodiscard]] double smallest_label_pt(double smallest_font) const { return smallest_font * scale; }
};

/// The smallest font-size (user units) in an SVG's font-size attributes and style properties; 0 when
/// it has no text.
[[nodiscard]] double smallest_font_size(std::string_view svg);

/// The scale that fits the picture into `avail_w` x `avail_h` (never above `max_scale`); when that
/// makes the smallest label less than `min_pt`, the scale that makes it exactly `min_pt`, with the
/// picture split into tiles of at most the available area (neighbouring tiles overlap by `overlap`).
[[nodiscard]] TilePlan plan_tiles(const doc::Figure& f, double avail_w, double avail_h, double min_pt,
                                  double max_scale, double overlap = 24);

} // namespace lotse::reports
