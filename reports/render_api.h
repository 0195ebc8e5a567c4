// SPDX-License-Identifier: MIT
// The print formats that need cairo, pango, librsvg and libxlsxwriter (PDF, poster, XLSX, the PNG
// pictures of DOCX) live in a module of their own, liblotse_render.so, loaded on first use. Linking
// those libraries into `lotse` cost every run about 50 ms and 10 MB before main (55 shared libraries
// mapped and initialised), also a `stats` or `simulate` that draws nothing.
#pragma once

#include "reports/document.h"
#include "reports/slides.h"
#include "reports/svg_render.h"

#include <string>
#include <vector>

namespace lotse::reports {

/// Version 2 added slides_pdf (issue #11).
inline constexpr int render_api_version = 2;

struct RenderApi {
  int version;
  std::string (*pdf)(const doc::Document&);
  std::string (*poster)(const doc::Document&);
  std::string (*xlsx)(const doc::Document&);
  std::vector<std::string> (*pngs)(const doc::Figure&, double scale, const std::vector<Rect>& tiles, double dpi);
  std::string (*slides_pdf)(const doc::Deck&);  ///< the 16:9 slide deck, 960 x 540 pt
};

/// The module's functions, loading it on first use from LOTSE_RENDER_MODULE, else next to the
/// executable (build tree), else from the installed library folder relative to it. Throws
/// std::runtime_error naming the places tried when it cannot be loaded.
[[nodiscard]] const RenderApi& render_api();

} // namespace lotse::reports
