// SPDX-License-Identifier: MIT
// The entry point of the rendering module: the one symbol reports/render_api.cpp looks up.
#include "reports/render/render.h"
#include "reports/render/svg_picture.h"
#include "reports/render_api.h"

namespace lotse::reports {

std::vector<std::string> render_pngs(const doc::Figure& f, double scale, const std::vector<Rect>& tiles, double dpi) {
  const SvgPicture picture(f);
  std::vector<std::string> out;
  out.reserve(tiles.size());
  for (const Rect& t : tiles) out.push_back(picture.png(scale, t, dpi));
  return out;
}

} // namespace lotse::reports

extern "C" __attribute__((visibility("default"))) const lotse::reports::RenderApi* lotse_render_api() {
  static const lotse::reports::RenderApi api{lotse::reports::render_api_version, &lotse::reports::render_pdf,
                                             &lotse::reports::render_poster, &lotse::reports::render_xlsx,
                                             &lotse::reports::render_pngs,
                                             &lotse::reports::render_slides_pdf};
  return &api;
}
