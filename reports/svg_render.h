// SPDX-License-Identifier: MIT
// The one drawing path of every print format (issue #10): a doc::Figure's SVG is rendered by librsvg
// onto a cairo surface (PDF pages of the report and the poster, PNG for DOCX). Pictures are never
// shrunk below a minimum label size: plan_tiles() picks the scale at which the smallest font of the
// SVG has `min_pt` points and, when the picture is then larger than the area, splits it into tiles
// (one per page) instead of shrinking it.
#pragma once

#include "reports/document.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct _cairo;  // cairo_t, kept out of this header

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

/// A parsed SVG, ready to draw. Throws std::runtime_error when librsvg cannot read it.
class SvgPicture {
public:
  explicit SvgPicture(const doc::Figure& f);
  ~SvgPicture();
  SvgPicture(const SvgPicture&) = delete;
  SvgPicture& operator=(const SvgPicture&) = delete;

  /// Draws the part `tile` of the picture scaled by `scale` with the tile's top-left at (x, y).
  void draw(_cairo* cr, double scale, const Rect& tile, double x, double y) const;
  /// The part `tile` at `scale` points per unit as PNG bytes at `dpi`.
  [[nodiscard]] std::string png(double scale, const Rect& tile, double dpi) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace lotse::reports
