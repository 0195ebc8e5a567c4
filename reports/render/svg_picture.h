// SPDX-License-Identifier: MIT
// Inside the rendering module: a doc::Figure's SVG parsed by librsvg, drawn onto cairo.
#pragma once

#include "reports/svg_render.h"

#include <memory>
#include <string>

struct _cairo;  // cairo_t, kept out of this header

namespace lotse::reports {

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
