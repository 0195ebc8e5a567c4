// SPDX-License-Identifier: MIT
#include "reports/svg_render.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

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

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
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

struct SvgPicture::Impl {
  RsvgHandle* handle = nullptr;
  double width = 0, height = 0;
};

SvgPicture::SvgPicture(const doc::Figure& f) : impl_(std::make_unique<Impl>()) {
  GError* error = nullptr;
  impl_->handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(f.svg.data()), f.svg.size(), &error);
  if (impl_->handle == nullptr) {
    const std::string why = error != nullptr ? error->message : "unknown";
    if (error != nullptr) g_error_free(error);
    throw std::runtime_error("SVG not readable: " + why);
  }
  impl_->width = std::max(f.width, 1.0);
  impl_->height = std::max(f.height, 1.0);
}

SvgPicture::~SvgPicture() {
  if (impl_ && impl_->handle != nullptr) g_object_unref(impl_->handle);
}

void SvgPicture::draw(cairo_t* cr, double scale, const Rect& tile, double x, double y) const {
  cairo_save(cr);
  cairo_rectangle(cr, x, y, tile.width, tile.height);
  cairo_clip(cr);
  const RsvgRectangle viewport{x - tile.x, y - tile.y, impl_->width * scale, impl_->height * scale};
  GError* error = nullptr;
  if (!rsvg_handle_render_document(impl_->handle, cr, &viewport, &error) && error != nullptr) g_error_free(error);
  cairo_restore(cr);
}

std::string SvgPicture::png(double scale, const Rect& tile, double dpi) const {
  const double px = dpi / 72.0;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(std::ceil(tile.width * px)),
                                                        static_cast<int>(std::ceil(tile.height * px)));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, px, px);
  draw(cr, scale, tile, 0, 0);
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(surface, append_png, &out);
  cairo_surface_destroy(surface);
  return out;
}

} // namespace lotse::reports
