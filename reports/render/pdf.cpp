// SPDX-License-Identifier: MIT
#include "reports/emit_pdf.h"

#include "engine/utf8.h"
#include "reports/emit_doc_common.h"
#include "reports/render/pdf_canvas.h"
#include "reports/render/render.h"
#include "reports/render/svg_picture.h"
#include "reports/svg_render.h"

#include <algorithm>
#include <stdexcept>

namespace lotse::reports {
namespace {

using pdf::Canvas;
using pdf::TextStyle;

constexpr double margin = 56.7;  // 2 cm
constexpr double top = 70, bottom_gap = 50;
constexpr unsigned grey = 0x546E7A, rule = 0xB0BEC5, head_fill = 0xE8EEF2, red = 0xC62828;
constexpr double cell_pad = 3;

/// The A4 report: a cursor that flows blocks down the page and starts new pages.
class Report {
public:
  Report(Canvas& c, const doc::Document& d, int total_pages) : c_(c), d_(d), total_(total_pages) { furniture(); }

  void block(const doc::Block& b);

private:
  [[nodiscard]] double content_width() const { return c_.width() - 2 * margin; }
  [[nodiscard]] double bottom() const { return c_.height() - bottom_gap; }
  void furniture() const;
  void page_break() {
    c_.next_page();
    y_ = top;
    furniture();
  }
  void ensure(double h) {
    if (y_ + h > bottom() && y_ > top) page_break();
  }
  void flow(const std::string& markup, const TextStyle& s, double indent = 0, double after = 6);
  void table(const doc::Table& t);
  double row(const doc::Table& t, const std::vector<doc::Cell>* cells, const std::vector<double>& w, bool draw,
             bool bold);
  void figure(const doc::Figure& f);

  Canvas& c_;
  const doc::Document& d_;
  int total_;
  double y_ = top;
};

/// `plain` shortened with "…" until it fits one line of `width` (page headers never run into the rule).
std::string one_line(const Canvas& c, const std::string& plain, const TextStyle& s, double width) {
  const double line = c.measure(pdf::markup(std::string("X")), s, width);
  const auto fits = [&](const std::string& t) { return c.measure(pdf::markup(t), s, width) < line * 1.5; };
  if (fits(plain)) return pdf::markup(plain);
  std::size_t lo = 0, hi = engine::utf8_length(plain);  // the longest prefix that fits lies in [lo, hi)
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (fits(engine::utf8_prefix(plain, mid) + "…") ? lo : hi) = mid;
  }
  return pdf::markup(engine::utf8_prefix(plain, lo) + "…");
}

void Report::furniture() const {
  const auto& w = doc::emit_words(d_.meta.lang);
  const TextStyle small{8, false, false, grey};
  TextStyle small_right = small;
  small_right.right = true;
  c_.text(one_line(c_, d_.meta.title, small, content_width() * 0.6), small, margin, 30, content_width() * 0.6);
  c_.text(pdf::markup(doc::meta_line(d_.meta)), small_right, margin + content_width() * 0.4, 30, content_width() * 0.6);
  c_.line(margin, 44, c_.width() - margin, 44, 0.5, rule);
  const double fy = c_.height() - 34;
  c_.text(pdf::markup(d_.meta.source_file), small, margin, fy, content_width() * 0.6);
  c_.text(pdf::markup(doc::fill(w.page, {std::to_string(c_.page()), std::to_string(std::max(total_, c_.page()))})),
          small_right, margin + content_width() * 0.4, fy, content_width() * 0.6);
}

void Report::flow(const std::string& markup, const TextStyle& s, double indent, double after) {
  const double h = c_.measure(markup, s, content_width() - indent);
  ensure(h);
  y_ += c_.text(markup, s, margin + indent, y_, content_width() - indent) + after;
}

double Report::row(const doc::Table& t, const std::vector<doc::Cell>* cells, const std::vector<double>& w, bool draw,
                   bool bold) {
  double h = 0, x = margin;
  const bool header = cells == nullptr;
  for (int pass = 0; pass < (draw ? 2 : 1); ++pass) {
    x = margin;
    if (pass == 1 && header) c_.fill_rect(margin, y_, content_width(), h, head_fill);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const bool numeric = t.columns[c].numeric || (cells && c < cells->size() && (*cells)[c].kind == doc::Cell::Kind::number);
      // Text cells keep their inline markup (line breaks, emphasis); numbers and headers are plain.
      const doc::Cell* cell = header || c >= cells->size() ? nullptr : &(*cells)[c];
      const std::string text = cell == nullptr ? pdf::markup(header ? t.columns[c].header : std::string())
                               : cell->kind == doc::Cell::Kind::text ? pdf::markup(cell->text, d_.meta.lang)
                                                                     : pdf::markup(doc::format_cell(*cell, d_.meta.lang));
      const TextStyle s{8.5, header || bold, numeric, 0x222222};
      const double cw = w[c] * content_width() - 2 * cell_pad;
      if (pass == 0) h = std::max(h, c_.measure(text, s, cw) + 2 * cell_pad);
      else c_.text(text, s, x + cell_pad, y_ + cell_pad, cw);
      x += w[c] * content_width();
    }
  }
  if (draw) c_.line(margin, y_ + h, c_.width() - margin, y_ + h, bold ? 1.0 : 0.4, bold ? 0x37474F : rule);
  return h;
}

void Report::table(const doc::Table& t) {
  if (t.columns.empty()) return;
  // About 0.5 em per character at 8.5 pt, less the cell padding of every column.
  const double chars = (content_width() - 2 * cell_pad * static_cast<double>(t.columns.size())) / (8.5 * 0.5);
  const auto w = doc::column_weights(t, d_.meta.lang, chars);
  if (!t.caption.empty()) {
    const TextStyle cap{9, true, false, grey};
    ensure(c_.measure(pdf::markup(t.caption), cap, content_width()) + 40);
    y_ += c_.text(pdf::markup(t.caption), cap, margin, y_, content_width()) + 3;
  }
  const double head_h = row(t, nullptr, w, false, false);
  ensure(head_h + 20);
  y_ += row(t, nullptr, w, true, false);
  const auto body = [&](const std::vector<doc::Cell>& cells, bool bold) {
    const double h = row(t, &cells, w, false, bold);
    if (y_ + h > bottom()) {
      page_break();
      y_ += row(t, nullptr, w, true, false);  // the header row again on the new page
    }
    y_ += row(t, &cells, w, true, bold);
  };
  for (const auto& r : t.rows) body(r, false);
  if (t.total) body(*t.total, true);
  y_ += 10;
}

void Report::figure(const doc::Figure& f) {
  if (f.svg.empty()) return;
  const SvgPicture picture(f);
  const double caption_h = 24;
  TilePlan plan = plan_tiles(f, content_width(), bottom() - top - caption_h, report_min_picture_pt, 1.0);
  // A picture wider than the portrait page goes on A4 landscape pages (fewer, wider parts); the text
  // goes on in portrait after it.
  const bool landscape = plan.columns > 1;
  if (landscape) {
    c_.next_page(a4_height_pt, a4_width_pt);
    y_ = top;
    furniture();
    plan = plan_tiles(f, content_width(), bottom() - top - caption_h, report_min_picture_pt, 1.0);
  }
  const auto& w = doc::emit_words(d_.meta.lang);
  for (std::size_t k = 0; k < plan.tiles.size(); ++k) {
    const Rect& tile = plan.tiles[k];
    ensure(tile.height + caption_h);
    picture.draw(c_.cr(), plan.scale, tile, margin, y_);
    y_ += tile.height + 4;
    std::string caption = f.caption;
    if (plan.tiles.size() > 1) caption += " – " + doc::fill(w.tile, {std::to_string(k + 1), std::to_string(plan.tiles.size())});
    flow(pdf::markup(caption), TextStyle{9, false, false, grey}, 0, 10);
  }
  if (landscape) {
    c_.next_page(a4_width_pt, a4_height_pt);
    y_ = top;
    furniture();
  }
}

void Report::block(const doc::Block& b) {
  std::visit(
      [this](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, doc::Heading>) {
          const double size = x.level <= 1 ? 20 : x.level == 2 ? 14 : 11.5;
          ensure(size * 4);  // keep a heading with what follows
          y_ += x.level <= 1 ? 0 : 8;
          flow(pdf::markup(x.text, d_.meta.lang), TextStyle{size, true, false, 0x1F3A4D}, 0, 6);
        } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
          flow(pdf::markup(x.text, d_.meta.lang), TextStyle{10, false, false, 0x222222});
        } else if constexpr (std::is_same_v<T, doc::List>) {
          int n = 0;
          for (const auto& item : x.items) {
            const std::string mark = x.ordered ? std::to_string(++n) + ". " : "• ";
            flow(pdf::markup(mark) + pdf::markup(item, d_.meta.lang), TextStyle{10, false, false, 0x222222}, 12, 3);
          }
          y_ += 4;
        } else if constexpr (std::is_same_v<T, doc::KeyFigures>) {
          table(doc::key_figure_table(x, d_.meta.lang));
        } else if constexpr (std::is_same_v<T, doc::Table>) {
          table(x);
        } else if constexpr (std::is_same_v<T, doc::Figure>) {
          figure(x);
        } else if constexpr (std::is_same_v<T, doc::Notes>) {
          for (const auto& note : x.items) {
            const std::string where = note.location.empty() ? "" : pdf::markup(note.location) + ": ";
            flow(where + pdf::markup(note.text, d_.meta.lang), TextStyle{9, note.severity == engine::Severity::error, false, 0x222222});
          }
        } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
          page_break();
        }
      },
      b);
}

int render_report(Canvas& c, const doc::Document& d, int total) {
  Report r(c, d, total);
  for (const auto& b : d.blocks) r.block(b);
  return c.page();
}

// --- Poster ----------------------------------------------------------------------------------------

constexpr double poster_margin = 28;
constexpr double panel_width = 280, poster_top = 100, poster_bottom = 40;

/// Key figures and legend in the right-hand column; returns nothing, clips at the bottom.
void poster_panel(Canvas& c, const doc::Document& d) {
  const auto& w = doc::emit_words(d.meta.lang);
  const double x = c.width() - poster_margin - panel_width, bottom = c.height() - poster_bottom;
  double y = poster_top;
  c.fill_rect(x - 12, y - 8, panel_width + 12, bottom - y + 8, 0xF5F7F8);
  y += c.text(pdf::markup(std::string(w.key_figures)), TextStyle{14, true, false, 0x1F3A4D}, x, y, panel_width) + 6;
  for (const auto* k : doc::blocks_of<doc::KeyFigures>(d)) {
    for (const auto& f : k->figures) {
      y += c.text(pdf::markup(doc::format_cell(f.value, d.meta.lang)), TextStyle{16, true, false, 0x1F3A4D}, x, y,
                  panel_width);
      y += c.text(pdf::markup(f.label), TextStyle{10, false, false, grey}, x, y, panel_width) + 6;
    }
  }
  const auto legend = doc::legend_of(d, "media_breaks", d.meta.lang);
  if (legend.empty()) return;
  y += 8;
  y += c.text(pdf::markup(std::string(w.legend)), TextStyle{14, true, false, red}, x, y, panel_width) + 6;
  for (const auto& [number, text] : legend) {
    const TextStyle s{10, false, false, 0x222222};
    const double h = std::max(20.0, c.measure(pdf::markup(text), s, panel_width - 30));
    if (y + h > bottom) break;
    c.circle(x + 10, y + 9, 10, red);
    c.text(pdf::markup(number), TextStyle{10, true, false, 0xFFFFFF}, x + 10 - 9, y + 2, 18);
    c.text(pdf::markup(text), s, x + 28, y + 1, panel_width - 30);
    y += h + 4;
  }
}

void poster_page(Canvas& c, const doc::Document& d, const SvgPicture& picture, const TilePlan& plan, std::size_t k) {
  const auto& w = doc::emit_words(d.meta.lang);
  const double width = c.width() - 2 * poster_margin;
  c.text(pdf::markup(d.meta.title), TextStyle{22, true, false, 0x1F3A4D}, poster_margin, poster_margin, width * 0.62);
  std::string sub = doc::meta_line(d.meta);
  if (plan.tiles.size() > 1) {
    sub += (sub.empty() ? "" : " · ") + doc::fill(w.tile, {std::to_string(k + 1), std::to_string(plan.tiles.size())});
  }
  c.text(pdf::markup(sub), TextStyle{12, false, true, grey}, poster_margin + width * 0.64, poster_margin + 8, width * 0.36);
  picture.draw(c.cr(), plan.scale, plan.tiles[k], poster_margin, poster_top);
  poster_panel(c, d);
  c.text(pdf::markup(d.meta.source_file), TextStyle{10, false, false, grey}, poster_margin, c.height() - 28, width * 0.5);
}

} // namespace

std::string render_pdf(const doc::Document& d) {
  int total = 0;
  {
    Canvas dry(a4_width_pt, a4_height_pt, d.meta, false);
    total = render_report(dry, d, 0);
    (void)dry.finish();
  }
  Canvas c(a4_width_pt, a4_height_pt, d.meta);
  render_report(c, d, total);
  return c.finish();
}

std::string render_poster(const doc::Document& d) {
  const auto figures = doc::blocks_of<doc::Figure>(d);
  if (figures.empty() || figures.front()->svg.empty()) throw std::runtime_error("poster: the document has no picture");
  const doc::Figure& f = *figures.front();
  Canvas c(a3_width_pt, a3_height_pt, d.meta);
  const double avail_w = c.width() - 2 * poster_margin - panel_width - 16;
  const double avail_h = c.height() - poster_top - poster_bottom;
  const TilePlan plan = plan_tiles(f, avail_w, avail_h, poster_min_font_pt, 3.0);
  const SvgPicture picture(f);
  for (std::size_t k = 0; k < plan.tiles.size(); ++k) {
    if (k > 0) c.next_page();
    poster_page(c, d, picture, plan, k);
  }
  return c.finish();
}

} // namespace lotse::reports
