// SPDX-License-Identifier: MIT
// The slide layout shared by the PPTX emitter (emit_pptx.cpp) and the 16:9 PDF of the render module:
// fitting rules in reports/emit_pptx.h.
#include "reports/emit_pptx.h"

#include "engine/utf8.h"
#include "reports/emit_common.h"
#include "reports/emit_doc_common.h"
#include "reports/escape.h"
#include "reports/render_api.h"
#include "reports/svg_render.h"
#include "reports/zip_package.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lotse::reports {
namespace slides {

/// Closes bidirectional embeddings, overrides (U+202A-202E) and isolates (U+2066-2069) that a span
/// opens, so a model name with U+202E cannot reverse the text after it (the rest of a title, a number).
std::string close_bidi(std::string s) {
  int embeddings = 0, isolates = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) != 0xE2) continue;
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) embeddings += b2 == 0xAC ? (embeddings > 0 ? -1 : 0) : 1;
    else if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA8) ++isolates;
    else if (b1 == 0x81 && b2 == 0xA9 && isolates > 0) --isolates;
  }
  for (; embeddings > 0; --embeddings) s += "\u202C";
  for (; isolates > 0; --isolates) s += "\u2069";
  return s;
}

namespace {

constexpr double margin_x = 48, content_w = page_width_pt - 2 * margin_x;
constexpr double title_top = 26, footer_rule_y = 502, footer_text_y = 509, content_bottom = 494;
constexpr double picture_min_h = 150, picture_max_scale = 2.0;

// --- text -------------------------------------------------------------------------------------------

/// Text spans only: typed numbers formatted (reports/number_format.h through format_value), line
/// breaks inside a text as hard breaks, tabs as blanks, bidi overrides closed per span.
doc::Inline resolve(const doc::Inline& in, engine::Lang lang) {
  doc::Inline out;
  for (const auto& s : in) {
    doc::Span base = s;
    base.is_number = false;
    std::string text = s.is_number ? detail::format_value(s.value, s.unit, s.decimals, lang) : s.text;
    std::replace(text.begin(), text.end(), '\t', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    bool first = true;
    std::size_t start = 0;
    while (true) {
      const std::size_t nl = text.find('\n', start);
      doc::Span piece = base;
      piece.text = close_bidi(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      piece.line_break = first ? s.line_break : true;
      out.push_back(std::move(piece));
      if (nl == std::string::npos) break;
      start = nl + 1;
      first = false;
    }
  }
  return out;
}

doc::Inline plain(const std::string& s) { return resolve(doc::text(s), engine::Lang::de); }

/// Approximate advance of one code point in em of DejaVu Sans, the widest of the fonts a slide's Arial
/// becomes (Arial and Liberation Sans are about 12 % narrower; LibreOffice on a machine without them
/// substitutes DejaVu Sans): an estimate that holds for all of them.
double advance(std::uint32_t cp) {
  if (cp == ' ') return 0.32;
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (std::string_view("iljI.,:;'!|").find(c) != std::string_view::npos) return 0.3;
    if (std::string_view("ftr()[]-/\"").find(c) != std::string_view::npos) return 0.42;
    if (std::string_view("mwMW@%").find(c) != std::string_view::npos) return 0.97;
    if (c >= 'A' && c <= 'Z') return 0.74;
    return 0.63;
  }
  if (cp == 0x2026) return 1.0;  // …
  return 0.66;
}

std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = std::max<std::size_t>(1, engine::utf8_sequence_length(s, i));
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = n == 1 ? b0 : (b0 & (0xFF >> (n + 1)));
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

/// Lines of one hard line when wrapped greedily at blanks into `width_em`.
int wrapped_lines(const std::vector<std::uint32_t>& cps, double width_em) {
  int lines = 1;
  double line = 0, word = 0;
  bool line_has_word = false;
  auto end_word = [&] {
    if (line_has_word && line + word > width_em) {
      ++lines;
      line = 0;
    }
    while (word > width_em) {  // a word longer than the line breaks inside (pango: WORD_CHAR)
      word -= width_em;
      ++lines;
    }
    line += word;
    line_has_word = true;
    word = 0;
  };
  for (const std::uint32_t cp : cps) {
    if (cp == ' ') {
      end_word();
      line += advance(cp);
    } else {
      word += advance(cp);
    }
  }
  end_word();
  return lines;
}

// --- layout -----------------------------------------------------------------------------------------

struct Sizes {
  double body = body_max_pt, table = table_max_pt;
  [[nodiscard]] double small() const { return std::max(11.0, std::round(body * 0.7)); }
  [[nodiscard]] double gap() const { return std::round(body * 0.6); }
};

std::string count_words(int n, bool rows, engine::Lang lang) {
  if (lang == engine::Lang::de) {
    return fmt::format("… {} weitere {}", n, rows ? (n == 1 ? "Zeile" : "Zeilen") : (n == 1 ? "Punkt" : "Punkte"));
  }
  return fmt::format("… {} more {}", n, rows ? (n == 1 ? "row" : "rows") : (n == 1 ? "item" : "items"));
}

class Flow {
public:
  Flow(const Measure& m, engine::Lang lang) : m_(m), lang_(lang) {}

  /// Height of the paragraphs in a text box of width `w` (inner width: w - 2 * inset).
  [[nodiscard]] double height(const std::vector<Para>& paras, double w) const {
    double h = 0;
    for (std::size_t i = 0; i < paras.size(); ++i) {
      h += m_(paras[i].text, paras[i].size, paras[i].bold, w - paras[i].indent);
      if (i + 1 < paras.size()) h += paras[i].space_after;
    }
    return h;
  }

  Box text_box(std::vector<Para> paras, double x, double y, double w, std::string name, double inset = 0) const {
    Box b;
    b.kind = Box::Kind::text;
    b.x = x;
    b.y = y;
    b.w = w;
    b.inset = inset;
    b.h = height(paras, w - 2 * inset) + 2 * inset;
    b.paras = std::move(paras);
    b.name = std::move(name);
    return b;
  }

  /// Lays out block `b` at `y`, keeping `keep` rows/items (< 0: all); a picture gets `picture_h` points
  /// of height. Returns the height used (0: nothing drawn).
  double place(const doc::Block& b, int keep, Sizes s, double y, double picture_h, std::vector<Box>& out) const {
    const std::size_t before = out.size();
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, doc::Paragraph>) paragraph(x, s, y, out);
          else if constexpr (std::is_same_v<T, doc::List>) list(x, keep, s, y, out);
          else if constexpr (std::is_same_v<T, doc::KeyFigures>) key_figures(x, s, y, out);
          else if constexpr (std::is_same_v<T, doc::Table>) table(x, keep, s, y, out);
          else if constexpr (std::is_same_v<T, doc::Figure>) figure(x, s, y, picture_h, out);
          else if constexpr (std::is_same_v<T, doc::Notes>) notes(x, s, y, out);
        },
        b);
    double bottom = y;
    for (std::size_t i = before; i < out.size(); ++i) bottom = std::max(bottom, out[i].y + out[i].h);
    return bottom - y;
  }

  [[nodiscard]] const Measure& measure() const { return m_; }

private:
  void paragraph(const doc::Paragraph& p, Sizes s, double y, std::vector<Box>& out) const {
    Para para;
    para.text = resolve(p.text, lang_);
    para.size = p.tone == doc::Paragraph::Tone::small ? s.small() : s.body;
    para.rgb = p.tone == doc::Paragraph::Tone::ok       ? green
               : p.tone == doc::Paragraph::Tone::remark ? amber
               : p.tone == doc::Paragraph::Tone::small  ? grey
                                                        : ink;
    out.push_back(text_box({para}, margin_x, y, content_w, "Text"));
  }

  void list(const doc::List& l, int keep, Sizes s, double y, std::vector<Box>& out) const {
    const int n = static_cast<int>(l.items.size());
    const int shown = keep < 0 ? n : std::min(keep, n);
    std::vector<Para> paras;
    for (int i = 0; i < shown; ++i) {
      Para p;
      p.text = resolve(l.items[static_cast<std::size_t>(i)], lang_);
      p.size = s.body;
      p.bullet = !l.ordered;
      p.number = l.ordered ? i + 1 : 0;
      p.indent = std::round(s.body * (l.ordered ? 1.5 : 1.1));
      p.space_after = std::round(s.body * 0.35);
      paras.push_back(std::move(p));
    }
    if (shown < n) paras.push_back(small_line(count_words(n - shown, false, lang_), s));
    if (!paras.empty()) out.push_back(text_box(std::move(paras), margin_x, y, content_w, "Liste"));
  }

  [[nodiscard]] Para small_line(const std::string& text, Sizes s, unsigned rgb = grey) const {
    Para p;
    p.text = plain(text);
    p.size = s.small();
    p.rgb = rgb;
    return p;
  }

  void key_figures(const doc::KeyFigures& k, Sizes s, double y, std::vector<Box>& out) const {
    constexpr std::size_t per_row = 4;
    constexpr double gap = 16, inset = 10;
    const std::size_t n = k.figures.size();
    for (std::size_t row = 0; row * per_row < n; ++row) {
      const std::size_t first = row * per_row, count = std::min(per_row, n - first);
      const double w = (content_w - gap * static_cast<double>(count - 1)) / static_cast<double>(count);
      const std::size_t row_start = out.size();
      double row_h = 0;
      for (std::size_t i = 0; i < count; ++i) {
        const doc::KeyFigure& f = k.figures[first + i];
        Para label;
        label.text = plain(f.label);
        label.size = s.small();
        label.rgb = grey;
        label.space_after = 2;
        Para value;
        value.text = plain(doc::format_cell(f.value, lang_));
        value.size = std::round(s.body * 1.5);
        value.bold = true;
        value.rgb = f.alert ? red : navy;
        value.space_after = 2;
        std::vector<Para> paras{label, value};
        doc::Inline note = plain(f.note);
        if (!f.detail.empty()) {
          if (!f.note.empty()) note.push_back(doc::Span{" ", doc::Span::Style::plain, {}});
          for (const auto& sp : resolve(f.detail, lang_)) note.push_back(sp);
        }
        if (!f.note.empty() || !f.detail.empty()) {
          Para p;
          p.text = std::move(note);
          p.size = s.small();
          p.rgb = grey;
          paras.push_back(std::move(p));
        }
        Box card = text_box(std::move(paras), margin_x + static_cast<double>(i) * (w + gap), y, w, "Kennzahl", inset);
        card.fill = card_fill;
        card.border = f.alert ? red : accent;
        row_h = std::max(row_h, card.h);
        out.push_back(std::move(card));
      }
      for (std::size_t i = row_start; i < out.size(); ++i) out[i].h = row_h;
      y += row_h + gap;
    }
  }

  void table(const doc::Table& t, int keep, Sizes s, double y, std::vector<Box>& out) const {
    if (t.columns.empty()) return;
    if (!t.caption.empty()) {
      Para cap = small_line(t.caption, s);
      cap.bold = true;
      out.push_back(text_box({cap}, margin_x, y, content_w, "Tabellentitel"));
      y += out.back().h + 4;
    }
    Box b;
    b.kind = Box::Kind::table;
    b.name = t.id.empty() ? "Tabelle" : t.id;
    b.x = margin_x;
    b.y = y;
    b.w = content_w;
    TableBox& tb = b.table;
    tb.size = s.table;
    tb.pad = std::round(s.table * 0.3);
    const double chars = (content_w - 2 * tb.pad * static_cast<double>(t.columns.size())) / (s.table * 0.55);
    for (const double v : doc::column_weights(t, lang_, chars)) tb.widths.push_back(v * content_w);
    const auto add_row = [&](const std::vector<doc::Cell>* cells, bool total) {
      TableBox::Row r;
      r.header = cells == nullptr;
      r.total = total;
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const bool has = cells != nullptr && c < cells->size();
        r.cells.push_back(r.header ? t.columns[c].header : has ? doc::format_cell((*cells)[c], lang_) : std::string());
        r.cells.back() = close_bidi(r.cells.back());
        r.right.push_back(t.columns[c].numeric || (has && (*cells)[c].kind == doc::Cell::Kind::number));
        const double inner = std::max(1.0, tb.widths[c] - 2 * tb.pad);
        r.height = std::max(r.height, m_(plain(r.cells.back()), tb.size, r.header || total, inner) + 2 * tb.pad);
      }
      b.h += r.height;
      tb.rows.push_back(std::move(r));
    };
    add_row(nullptr, false);
    const int n = static_cast<int>(t.rows.size());
    const int shown = keep < 0 ? n : std::min(keep, n);
    for (int i = 0; i < shown; ++i) add_row(&t.rows[static_cast<std::size_t>(i)], false);
    if (t.total) add_row(&*t.total, true);
    out.push_back(std::move(b));
    if (shown < n) {
      const double below = out.back().y + out.back().h + 3;
      out.push_back(text_box({small_line(count_words(n - shown, true, lang_), s)}, margin_x, below, content_w, "Hinweis"));
    }
  }

  void figure(const doc::Figure& f, Sizes s, double y, double picture_h, std::vector<Box>& out) const {
    if (f.svg.empty() || f.width <= 0 || f.height <= 0) return;
    Para cap = small_line(f.caption, s);
    const double cap_h = f.caption.empty() ? 0 : m_(cap.text, cap.size, false, content_w) + 4;
    const double scale = std::min({content_w / f.width, std::max(1.0, picture_h - cap_h) / f.height, picture_max_scale});
    Box b;
    b.kind = Box::Kind::picture;
    b.figure = &f;
    b.w = f.width * scale;
    b.h = f.height * scale;
    b.x = margin_x + (content_w - b.w) / 2;
    b.y = y;
    b.name = f.id.empty() ? "Bild" : f.id;
    out.push_back(b);
    if (!f.caption.empty()) out.push_back(text_box({cap}, b.x, y + b.h + 4, std::max(b.w, content_w / 2), "Bildunterschrift"));
  }

  void notes(const doc::Notes& n, Sizes s, double y, std::vector<Box>& out) const {
    std::vector<Para> paras;
    for (const auto& note : n.items) {
      doc::Inline text = note.location.empty() ? doc::Inline{} : plain(note.location + ": ");
      for (const auto& sp : resolve(note.text, lang_)) text.push_back(sp);
      Para p;
      p.text = std::move(text);
      p.size = s.small();
      p.bold = note.severity == engine::Severity::error;
      p.rgb = note.severity == engine::Severity::error ? red : note.severity == engine::Severity::warning ? amber : grey;
      p.space_after = 3;
      paras.push_back(std::move(p));
    }
    if (!paras.empty()) out.push_back(text_box(std::move(paras), margin_x, y, content_w, "Hinweise"));
  }

  const Measure& m_;
  engine::Lang lang_;
};

/// `text` shortened with "…" until it fits one line of `width` at `size`.
std::string one_line(const Measure& m, const std::string& text, double size, double width) {
  const double line = m(plain("X"), size, false, width);
  const auto fits = [&](const std::string& t) { return m(plain(t), size, false, width) < line * 1.5; };
  if (fits(text)) return text;
  std::size_t lo = 0, hi = engine::utf8_length(text);
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (fits(engine::utf8_prefix(text, mid) + "…") ? lo : hi) = mid;
  }
  return engine::utf8_prefix(text, lo) + "…";
}

Para line_para(const std::string& text, double size, unsigned rgb, bool bold = false, bool right = false) {
  Para p;
  p.text = plain(text);
  p.size = size;
  p.rgb = rgb;
  p.bold = bold;
  p.right = right;
  return p;
}

Box rule(double x, double y, double w, double h, unsigned rgb) {
  Box b;
  b.kind = Box::Kind::rule;
  b.x = x;
  b.y = y;
  b.w = w;
  b.h = h;
  b.border = rgb;
  b.name = "Linie";
  return b;
}

void footer(const Flow& flow, const doc::Meta& meta, int number, int total, Page& p) {
  constexpr double size = 11;
  p.boxes.push_back(rule(margin_x, footer_rule_y, content_w, 0.75, rule_rgb));
  const std::string left = meta.town.empty() ? meta.title : meta.town + " · " + meta.title;
  const double lw = content_w * 0.8;
  p.boxes.push_back(flow.text_box({line_para(one_line(flow.measure(), left, size, lw), size, grey)}, margin_x,
                                  footer_text_y, lw, "Fußzeile"));
  p.boxes.push_back(flow.text_box({line_para(fmt::format("{} / {}", number, total), size, grey, false, true)},
                                  margin_x + lw, footer_text_y, content_w - lw, "Foliennummer"));
}

Page title_page(const Flow& flow, const doc::Meta& meta) {
  Page p;
  p.title_page = true;
  const double x = 96, w = page_width_pt - x - margin_x;
  Box band;
  band.kind = Box::Kind::rule;
  band.x = 0;
  band.y = 0;
  band.w = 28;
  band.h = page_height_pt;
  band.border = navy;
  band.name = "Band";
  p.boxes.push_back(band);
  double size = 40;
  Para title = line_para(meta.title, size, navy, true);
  while (size > 26 && flow.height({title}, w) > 3.3 * size * 1.2) title.size = size -= 2;
  std::vector<Box> boxes;
  boxes.push_back(flow.text_box({title}, x, 0, w, "Titel"));
  if (!meta.subtitle.empty()) boxes.push_back(flow.text_box({line_para(meta.subtitle, 24, grey)}, x, 0, w, "Untertitel"));
  const std::string line = doc::meta_line(meta);
  if (!line.empty()) boxes.push_back(flow.text_box({line_para(line, 18, ink)}, x, 0, w, "Angaben"));
  double total = 0;
  for (const auto& b : boxes) total += b.h + 18;
  double y = std::max(40.0, (page_height_pt - total) / 2 - 10);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    boxes[i].y = y;
    y += boxes[i].h + 18;
    p.boxes.push_back(boxes[i]);
    if (i == 0) {
      p.boxes.push_back(rule(x, y - 8, 96, 3, accent));
      y += 10;
    }
  }
  return p;
}

bool droppable(const doc::Block& b, int keep) {
  const int n = std::holds_alternative<doc::Table>(b)  ? static_cast<int>(std::get<doc::Table>(b).rows.size())
                : std::holds_alternative<doc::List>(b) ? static_cast<int>(std::get<doc::List>(b).items.size())
                                                       : 0;
  return (keep < 0 ? n : keep) > 1;
}

int length_of(const doc::Block& b) {
  if (const auto* t = std::get_if<doc::Table>(&b)) return static_cast<int>(t->rows.size());
  if (const auto* l = std::get_if<doc::List>(&b)) return static_cast<int>(l->items.size());
  return 0;
}

Page content_page(const Flow& flow, const doc::Slide& slide, const doc::Meta& meta, int number, int total) {
  Page p;
  p.notes = slide.notes.empty() ? nullptr : &slide.notes;
  // Title: 30 pt, down to 22 pt when it would take more than two lines.
  Para title = line_para(slide.title, 30, navy, true);
  while (title.size > 22 && flow.height({title}, content_w) > 2.5 * title.size * 1.2) title.size -= 2;
  p.boxes.push_back(flow.text_box({title}, margin_x, title_top, content_w, "Titel"));
  const double rule_y = title_top + p.boxes.back().h + 6;
  p.boxes.push_back(rule(margin_x, rule_y, 72, 3, accent));
  const double top = rule_y + 3 + 14, avail = content_bottom - top;

  std::vector<const doc::Block*> blocks;
  for (const auto& b : slide.blocks) {
    if (!std::holds_alternative<doc::Heading>(b) && !std::holds_alternative<doc::PageBreak>(b)) blocks.push_back(&b);
  }
  std::vector<int> keep(blocks.size(), -1);
  const auto min_picture = [&](const doc::Block& b) {
    const auto* f = std::get_if<doc::Figure>(&b);
    if (f == nullptr || f->width <= 0) return 0.0;
    return std::min(picture_min_h, content_w * f->height / f->width + 30);
  };
  const auto stack = [&](Sizes s, const std::vector<double>& picture_h, std::vector<Box>* out) {
    double y = 0;
    bool any = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      std::vector<Box> tmp;
      const double h = flow.place(*blocks[i], keep[i], s, top + y, picture_h[i], out != nullptr ? *out : tmp);
      if (h <= 0) continue;
      y += (any ? s.gap() : 0) + h;
      any = true;
    }
    return y;
  };
  std::vector<double> pictures(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) pictures[i] = min_picture(*blocks[i]);
  Sizes s{body_min_pt, table_min_pt};
  bool fits = false;
  for (double body = body_max_pt; body >= body_min_pt; body -= 1) {
    const Sizes trial{body, std::clamp(body - 2, table_min_pt, table_max_pt)};
    if (stack(trial, pictures, nullptr) <= avail) {
      s = trial;
      fits = true;
      break;
    }
  }
  // At the floor: leave out the last rows/items of the last table or list until it fits.
  while (!fits) {
    std::size_t at = blocks.size();
    for (std::size_t i = blocks.size(); i-- > 0;) {
      if (droppable(*blocks[i], keep[i])) {
        at = i;
        break;
      }
    }
    if (at == blocks.size()) break;
    keep[at] = (keep[at] < 0 ? length_of(*blocks[at]) : keep[at]) - 1;
    ++p.dropped;
    fits = stack(s, pictures, nullptr) <= avail;
  }
  // The room left goes to the pictures, shared equally.
  const double spare = std::max(0.0, avail - stack(s, pictures, nullptr));
  const auto n_pictures = static_cast<double>(std::count_if(pictures.begin(), pictures.end(), [](double h) { return h > 0; }));
  for (auto& h : pictures) {
    if (h > 0) h += spare / n_pictures;
  }
  // Place; a block that still does not fit (nothing left to drop) is left out rather than cut.
  double y = top;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    std::vector<Box> boxes;
    const double h = flow.place(*blocks[i], keep[i], s, y, pictures[i], boxes);
    if (h <= 0) continue;
    if (y + h > content_bottom + 0.5) {
      p.dropped += std::max(1, length_of(*blocks[i]));
      continue;
    }
    for (auto& b : boxes) p.boxes.push_back(std::move(b));
    y += h + s.gap();
  }
  p.body_pt = s.body;
  p.table_pt = s.table;
  footer(flow, meta, number, total, p);
  return p;
}

} // namespace

double estimate_height(const doc::Inline& text, double size, bool bold, double width) {
  const double width_em = width / size / (bold ? 1.12 : 1.0) / 1.03;  // 3 % spare
  int lines = 0;
  std::string line;
  const auto flush = [&] {
    lines += wrapped_lines(code_points(line), width_em);
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && text[i].line_break) flush();
    line += text[i].is_number ? detail::format_value(text[i].value, text[i].unit, text[i].decimals, engine::Lang::de)
                              : text[i].text;
  }
  flush();
  return lines * size * 1.2;
}

std::vector<Page> layout_deck(const doc::Deck& d, const Measure& measure) {
  const Flow flow(measure, d.meta.lang);
  std::vector<Page> pages;
  const int total = static_cast<int>(d.slides.size()) + 1;
  pages.push_back(title_page(flow, d.meta));
  for (std::size_t i = 0; i < d.slides.size(); ++i) {
    pages.push_back(content_page(flow, d.slides[i], d.meta, static_cast<int>(i) + 2, total));
  }
  return pages;
}

} // namespace slides

} // namespace lotse::reports
