// SPDX-License-Identifier: MIT
#include "reports/render/svg_picture.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lotse::reports {
namespace {

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

} // namespace

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
