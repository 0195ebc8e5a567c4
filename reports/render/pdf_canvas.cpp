// SPDX-License-Identifier: MIT
#include "reports/render/pdf_canvas.h"

#include "reports/emit_common.h"
#include "reports/escape.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <stdexcept>

namespace lotse::reports::pdf {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  if (closure != nullptr) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_rgb(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

} // namespace

struct Canvas::Impl {
  std::string bytes;
  bool sink = true;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoLayout* layout(const std::string& markup, const TextStyle& s, double width) const {
    PangoLayout* l = pango_cairo_create_layout(cr);
    pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);  // sizes in points
    pango_layout_context_changed(l);
    PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_size(fd, static_cast<int>(std::lround(s.size * PANGO_SCALE)));
    if (s.bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    if (s.right) pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    pango_layout_set_markup(l, markup.c_str(), -1);
    return l;
  }
};

Canvas::Canvas(double width, double height, const doc::Meta& meta, bool sink)
    : impl_(std::make_unique<Impl>()), width_(width), height_(height) {
  impl_->sink = sink;
  impl_->surface = cairo_pdf_surface_create_for_stream(append, sink ? &impl_->bytes : nullptr, width, height);
  if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("pdf: no surface");
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  if (!meta.author.empty()) cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "Prozesslotse");
  if (meta.date.size() == 10) {
    const std::string when = meta.date + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATE_DATE, when.c_str());
  }
  impl_->cr = cairo_create(impl_->surface);
}

Canvas::~Canvas() {
  if (impl_->cr != nullptr) cairo_destroy(impl_->cr);
  if (impl_->surface != nullptr) cairo_surface_destroy(impl_->surface);
}

cairo_t* Canvas::cr() const { return impl_->cr; }

void Canvas::next_page() {
  cairo_show_page(impl_->cr);
  ++page_;
}

void Canvas::next_page(double width, double height) {
  cairo_show_page(impl_->cr);
  cairo_pdf_surface_set_size(impl_->surface, width, height);
  width_ = width;
  height_ = height;
  ++page_;
}

double Canvas::measure(const std::string& m, const TextStyle& s, double width) const {
  PangoLayout* l = impl_->layout(m, s, width);
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  g_object_unref(l);
  return static_cast<double>(h) / PANGO_SCALE;
}

double Canvas::text(const std::string& m, const TextStyle& s, double x, double y, double width) const {
  PangoLayout* l = impl_->layout(m, s, width);
  set_rgb(impl_->cr, s.rgb);
  cairo_move_to(impl_->cr, x, y);
  pango_cairo_show_layout(impl_->cr, l);
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  g_object_unref(l);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Canvas::fill_rect(double x, double y, double w, double h, unsigned rgb) const {
  set_rgb(impl_->cr, rgb);
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_fill(impl_->cr);
}

void Canvas::line(double x0, double y0, double x1, double y1, double width, unsigned rgb) const {
  set_rgb(impl_->cr, rgb);
  cairo_set_line_width(impl_->cr, width);
  cairo_move_to(impl_->cr, x0, y0);
  cairo_line_to(impl_->cr, x1, y1);
  cairo_stroke(impl_->cr);
}

void Canvas::circle(double cx, double cy, double r, unsigned rgb) const {
  set_rgb(impl_->cr, rgb);
  cairo_arc(impl_->cr, cx, cy, r, 0, 2 * M_PI);
  cairo_fill(impl_->cr);
}

std::string Canvas::finish() {
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  const auto status = cairo_surface_status(impl_->surface);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(status));
  return std::move(impl_->bytes);
}

std::string markup(const doc::Inline& in, engine::Lang lang) {
  static const detail::InlineMarkup pango{[](std::string_view s, bool) { return escape_xml(std::string(s)); },
                                          "<b>", "</b>", "<i>", "</i>", "<tt>", "</tt>",
                                          "<span foreground=\"#666666\">", "</span>", "\n"};
  return detail::render_inline(in, lang, pango);
}

std::string markup(const std::string& plain) { return escape_xml(plain); }

} // namespace lotse::reports::pdf
