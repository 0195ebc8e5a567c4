// SPDX-License-Identifier: MIT
// Picture tiling (reports/svg_render.h): no drawing library needed, so the Word emitter and the tests
// use it without the rendering module.
#include "reports/svg_render.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lotse::reports {
namespace {

/// The number after `at` in `svg` (skipping quotes, blanks and ':').
double number_after(std::string_view svg, std::size_t at) {
  while (at < svg.size() && (svg[at] == '"' || svg[at] == '\'' || svg[at] == ' ' || svg[at] == ':')) ++at;
  double v = 0;
  const auto* first = svg.data() + at;
  const auto r = std::from_chars(first, svg.data() + svg.size(), v);
  return r.ec == std::errc() ? v : 0.0;
}

} // namespace

double smallest_font_size(std::string_view svg) {
  double smallest = 0;
  for (const std::string_view key : {std::string_view("font-size="), std::string_view("font-size:")}) {
    for (auto at = svg.find(key); at != std::string_view::npos; at = svg.find(key, at + 1)) {
      const double v = number_after(svg, at + key.size());
      if (v > 0 && (smallest == 0 || v < smallest)) smallest = v;
    }
  }
  return smallest;
}

TilePlan plan_tiles(const doc::Figure& f, double avail_w, double avail_h, double min_pt, double max_scale,
                    double overlap) {
  TilePlan p;
  const double w = std::max(f.width, 1.0), h = std::max(f.height, 1.0);
  const double font = smallest_font_size(f.svg);
  const double fit = std::min({avail_w / w, avail_h / h, max_scale});
  const double needed = font > 0 ? min_pt / font : 0;
  p.scale = std::max(fit, needed);
  const double pw = w * p.scale, ph = h * p.scale;
  const auto count = [overlap](double total, double avail) {
    if (total <= avail + 0.01) return 1;
    return static_cast<int>(std::ceil((total - overlap) / (avail - overlap) - 1e-9));
  };
  p.columns = count(pw, avail_w);
  p.rows = count(ph, avail_h);
  const double step_x = p.columns > 1 ? (pw - avail_w) / (p.columns - 1) : 0;
  const double step_y = p.rows > 1 ? (ph - avail_h) / (p.rows - 1) : 0;
  for (int r = 0; r < p.rows; ++r) {
    for (int c = 0; c < p.columns; ++c) {
      p.tiles.push_back(Rect{step_x * c, step_y * r, std::min(pw, avail_w), std::min(ph, avail_h)});
    }
  }
  return p;
}

} // namespace lotse::reports
