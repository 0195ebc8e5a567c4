// SPDX-License-Identifier: MIT
// Inside the rendering module (liblotse_render.so): the print formats that need cairo, pango, librsvg
// or libxlsxwriter. Everything else calls them through reports/render_api.h.
#pragma once

#include "reports/document.h"
#include "reports/slides.h"
#include "reports/svg_render.h"

#include <string>
#include <vector>

namespace lotse::reports {

[[nodiscard]] std::string render_pdf(const doc::Document& d);
[[nodiscard]] std::string render_poster(const doc::Document& d);
[[nodiscard]] std::string render_xlsx(const doc::Document& d);
/// The slide deck as a 16:9 PDF, 960 x 540 pt (reports/render/slides_pdf.cpp).
[[nodiscard]] std::string render_slides_pdf(const doc::Deck& d);
/// The tiles of a picture as PNG images at `dpi`.
[[nodiscard]] std::vector<std::string> render_pngs(const doc::Figure& f, double scale, const std::vector<Rect>& tiles,
                                                   double dpi);

} // namespace lotse::reports
