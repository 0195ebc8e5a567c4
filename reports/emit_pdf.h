// SPDX-License-Identifier: MIT
// PDF emitters (issue #10), both on cairo's PDF backend with text laid out by pango and the process
// picture drawn by librsvg (reports/svg_render.h): one drawing path for screen-less formats.
//  - emit_pdf: the A4 report, plain flowed text, tables that continue across pages with their header
//    row repeated, the picture split into parts (never a label below 7 pt), "Seite n von N" footers.
//  - emit_poster: the A3 landscape poster of the process picture, labels at least 9 pt: the picture is
//    scaled so that its smallest label has 9 pt and split over several A3 sheets when it does not fit;
//    key figures and the numbered media-break legend stand in the right-hand column of every sheet.
#pragma once

#include "reports/document.h"

#include <string>

namespace lotse::reports {

inline constexpr double a4_width_pt = 595.276, a4_height_pt = 841.89;
inline constexpr double a3_width_pt = 1190.551, a3_height_pt = 841.89;  // A3 landscape
inline constexpr double poster_min_font_pt = 9;
inline constexpr double report_min_picture_pt = 7;

/// The A4 report as PDF bytes. Throws std::runtime_error on failure.
[[nodiscard]] std::string emit_pdf(const doc::Document& d);
/// The A3 landscape poster as PDF bytes (first doc::Figure; key figures; legend from the table with id
/// "media_breaks"). Throws std::runtime_error when the document has no figure.
[[nodiscard]] std::string emit_poster(const doc::Document& d);

} // namespace lotse::reports
