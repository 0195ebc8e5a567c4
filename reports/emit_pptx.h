// SPDX-License-Identifier: MIT
// The slide deck (reports/slides.h, issue #11) as PowerPoint (PresentationML, 16:9) and the layout it
// shares with the 16:9 PDF of the rendering module (reports/render_api.h, slides_pdf): both draw the
// same boxes, so the PPTX and the PDF show the same slides with the same type sizes.
//
// Fitting rules: the blocks of a slide flow down under the title; the body type starts at 20 pt and
// shrinks in 1 pt steps to a floor of 12 pt (tables from 18 pt to 11 pt) until the blocks and a
// minimum room for each picture fit above the footer; pictures take the room left, scaled to fit.
// When even the floor does not fit, the last rows of tables and items of lists are left out and a
// line says how many ("… 3 weitere Zeilen"), so nothing ever runs below the slide.
#pragma once

#include "reports/slides.h"

#include <functional>
#include <string>
#include <vector>

namespace lotse::reports {

/// The deck as the bytes of a .pptx package: a title slide from `d.meta`, then one slide per
/// doc::Slide, speaker notes where Slide::notes is set. Throws std::runtime_error when the package
/// or a picture cannot be produced (pictures need the rendering module).
[[nodiscard]] std::string emit_pptx(const doc::Deck& d);
/// The same deck as a 16:9 PDF (960 x 540 pt, title page first, no speaker notes) from the rendering
/// module (render_api().slides_pdf). Throws std::runtime_error when the module cannot be loaded.
[[nodiscard]] std::string emit_slides_pdf(const doc::Deck& d);

namespace slides {

/// `s` with every bidirectional embedding, override (U+202A-202E) and isolate (U+2066-2069) it opens
/// closed at its end, so a model name cannot reverse the text after it.
[[nodiscard]] std::string close_bidi(std::string s);

inline constexpr double page_width_pt = 960;   ///< 16:9, 12192000 EMU in PPTX
inline constexpr double page_height_pt = 540;  ///< 6858000 EMU
inline constexpr double body_max_pt = 20, body_min_pt = 12;
inline constexpr double table_max_pt = 18, table_min_pt = 11;
/// The deck's colours (layout and PPTX writer alike).
inline constexpr unsigned ink = 0x222222, navy = 0x1F3A4D, accent = 0x2E6F95, grey = 0x546E7A, rule_rgb = 0xB0BEC5;
inline constexpr unsigned card_fill = 0xF0F4F7, red = 0xC62828, green = 0x2E7D32, amber = 0x8D6E00;

/// One paragraph of a text box; `text` holds text spans only (typed numbers already formatted,
/// bidirectional overrides closed).
struct Para {
  doc::Inline text;
  double size = body_max_pt;
  bool bold = false;
  bool right = false;
  unsigned rgb = 0x222222;
  int number = 0;                ///< > 0: item of a numbered list ("3."), 0 with `bullet`: "•"
  bool bullet = false;
  double indent = 0;             ///< left indent of a list item's text, points
  double space_after = 0;        ///< points
};

/// A table laid out: column widths and row heights in points, cell text already formatted.
struct TableBox {
  struct Row {
    std::vector<std::string> cells;
    std::vector<bool> right;     ///< numbers right-aligned
    bool header = false, total = false;
    double height = 0;
  };
  std::vector<double> widths;
  std::vector<Row> rows;
  double size = table_max_pt;
  double pad = 4;                ///< cell padding on every side, points
};

/// A positioned box on a slide (points from the top-left corner).
struct Box {
  enum class Kind { text, table, picture, rule };
  Kind kind = Kind::text;
  double x = 0, y = 0, w = 0, h = 0;
  std::vector<Para> paras;       ///< text
  unsigned fill = 0;             ///< text: background colour, 0 = none
  unsigned border = 0;           ///< text: left accent bar colour, 0 = none; rule: its colour
  double inset = 0;              ///< text: inner margin, points
  TableBox table;                ///< table
  const doc::Figure* figure = nullptr;  ///< picture: drawn at w x h (aspect kept by the layout)
  std::string name;              ///< shape name (PPTX), e.g. "Titel", "Tabelle 1"
};

/// The boxes of one page and the type sizes that fitted.
struct Page {
  std::vector<Box> boxes;
  double body_pt = body_max_pt, table_pt = table_max_pt;
  int dropped = 0;               ///< table rows and list items left out to fit at the floor
  bool title_page = false;
  const std::string* notes = nullptr;  ///< speaker notes (PPTX only)
};

/// Height in points of `text` (text spans) at `size` pt, wrapped into `width` points.
using Measure = std::function<double(const doc::Inline& text, double size, bool bold, double width)>;

/// A conservative estimate for the PPTX, whose renderer measures itself: glyph widths of DejaVu Sans
/// (what LibreOffice substitutes for Arial where Arial/Liberation Sans are missing; Arial is narrower)
/// by character class, greedy word wrap, 1.2 lines per em.
[[nodiscard]] double estimate_height(const doc::Inline& text, double size, bool bold, double width);

/// Every page of the deck: the title page first, then one per slide, with footers ("n / N").
[[nodiscard]] std::vector<Page> layout_deck(const doc::Deck& d, const Measure& measure);

} // namespace slides
} // namespace lotse::reports
