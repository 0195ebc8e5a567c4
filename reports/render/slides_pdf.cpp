// SPDX-License-Identifier: MIT
// The slide deck as a 16:9 PDF (960 x 540 pt): the boxes of reports/emit_pptx.h's layout, measured and
// drawn with pango on the cairo canvas, pictures through librsvg. Speaker notes are not printed.
#include "reports/emit_pptx.h"
#include "reports/render/pdf_canvas.h"
#include "reports/render/render.h"
#include "reports/render/svg_picture.h"

#include <string>

namespace lotse::reports {
namespace {

using pdf::Canvas;
using pdf::TextStyle;
using slides::Box;

void draw_text(const Canvas& c, const Box& b, engine::Lang lang) {
  if (b.fill != 0) c.fill_rect(b.x, b.y, b.w, b.h, b.fill);
  if (b.border != 0) c.fill_rect(b.x, b.y, 4, b.h, b.border);
  double y = b.y + b.inset;
  const double x = b.x + b.inset, w = b.w - 2 * b.inset;
  for (const auto& p : b.paras) {
    const TextStyle s{p.size, p.bold, p.right, p.rgb};
    if (p.bullet || p.number > 0) {
      const std::string mark = p.number > 0 ? std::to_string(p.number) + "." : "•";
      c.text(pdf::markup(mark), TextStyle{p.size, p.bold, false, 0x2E6F95}, x, y, p.indent);
    }
    y += c.text(pdf::markup(p.text, lang), s, x + p.indent, y, w - p.indent) + p.space_after;
  }
}

void draw_table(const Canvas& c, const Box& b) {
  const slides::TableBox& t = b.table;
  double y = b.y;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    if (row.header) c.fill_rect(b.x, y, b.w, row.height, 0xE8EEF2);
    if (row.header || row.total) c.line(b.x, y, b.x + b.w, y, row.total ? 1.0 : 0.75, row.total ? 0x37474F : 0x90A4AE);
    double x = b.x;
    for (std::size_t k = 0; k < row.cells.size() && k < t.widths.size(); ++k) {
      const TextStyle s{t.size, row.header || row.total, row.right[k], 0x222222};
      c.text(pdf::markup(row.cells[k]), s, x + t.pad, y + t.pad, t.widths[k] - 2 * t.pad);
      x += t.widths[k];
    }
    y += row.height;
    const bool last = r + 1 == t.rows.size();
    c.line(b.x, y, b.x + b.w, y, 0.75, row.header || last ? 0x90A4AE : 0xCFD8DC);
  }
}

} // namespace

std::string render_slides_pdf(const doc::Deck& d) {
  Canvas c(slides::page_width_pt, slides::page_height_pt, d.meta);
  const engine::Lang lang = d.meta.lang;
  const slides::Measure measure = [&c, lang](const doc::Inline& text, double size, bool bold, double width) {
    return c.measure(pdf::markup(text, lang), TextStyle{size, bold, false, 0x222222}, width);
  };
  const auto pages = slides::layout_deck(d, measure);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) c.next_page();
    for (const Box& b : pages[i].boxes) {
      switch (b.kind) {
      case Box::Kind::rule: c.fill_rect(b.x, b.y, b.w, b.h, b.border); break;
      case Box::Kind::text: draw_text(c, b, lang); break;
      case Box::Kind::table: draw_table(c, b); break;
      case Box::Kind::picture: {
        const SvgPicture picture(*b.figure);
        picture.draw(c.cr(), b.w / b.figure->width, Rect{0, 0, b.w, b.h}, b.x, b.y);
        break;
      }
      }
    }
  }
  return c.finish();
}

} // namespace lotse::reports
