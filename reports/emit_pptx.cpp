// SPDX-License-Identifier: MIT
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
namespace {

constexpr double margin_x = 48, content_w = page_width_pt - 2 * margin_x;
constexpr double title_top = 26, footer_rule_y = 502, footer_text_y = 509, content_bottom = 494;
constexpr unsigned ink = 0x222222, navy = 0x1F3A4D, accent = 0x2E6F95, grey = 0x546E7A, rule_rgb = 0xB0BEC5;
constexpr unsigned card_fill = 0xF0F4F7, red = 0xC62828, green = 0x2E7D32, amber = 0x8D6E00;
constexpr double picture_min_h = 150, picture_max_scale = 2.0;

// --- text -------------------------------------------------------------------------------------------

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

// --- PresentationML ---------------------------------------------------------------------------------

namespace {

using slides::Box;
using slides::Page;
using slides::Para;

constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* ns_decl = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                                "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
constexpr const char* rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* pml = "application/vnd.openxmlformats-officedocument.presentationml.";
constexpr const char* font = "Arial";
constexpr double picture_dpi = 150;

long long emu(double pt) { return std::llround(pt * 12700); }
int hundredths(double pt) { return static_cast<int>(std::lround(pt * 100)); }
std::string rgb_hex(unsigned rgb) { return fmt::format("{:06X}", rgb & 0xFFFFFF); }
std::string solid(unsigned rgb) { return "<a:solidFill><a:srgbClr val=\"" + rgb_hex(rgb) + "\"/></a:solidFill>"; }

std::string lang_tag(engine::Lang lang) { return lang == engine::Lang::de ? "de-DE" : "en-GB"; }

std::string run_props(const std::string& lang, double size, bool bold, bool italic, bool code, unsigned rgb) {
  return fmt::format("<a:rPr lang=\"{}\" sz=\"{}\"{}{} dirty=\"0\">{}<a:latin typeface=\"{}\"/><a:cs typeface=\"{}\"/></a:rPr>",
                     lang, hundredths(size), bold ? " b=\"1\"" : "", italic ? " i=\"1\"" : "", solid(rgb),
                     code ? "Courier New" : font, code ? "Courier New" : font);
}

std::string paragraph(const Para& p, const std::string& lang) {
  std::string ppr = fmt::format("<a:pPr marL=\"{}\" indent=\"{}\" algn=\"{}\"><a:lnSpc><a:spcPct val=\"100000\"/></a:lnSpc>",
                                emu(p.indent), -emu(p.indent), p.right ? "r" : "l");
  if (p.space_after > 0) ppr += fmt::format("<a:spcAft><a:spcPts val=\"{}\"/></a:spcAft>", hundredths(p.space_after));
  if (p.number > 0) {
    ppr += fmt::format("<a:buClr><a:srgbClr val=\"{}\"/></a:buClr><a:buFont typeface=\"{}\"/>"
                       "<a:buAutoNum type=\"arabicPeriod\" startAt=\"{}\"/>", rgb_hex(slides::accent), font, p.number);
  } else if (p.bullet) {
    ppr += fmt::format("<a:buClr><a:srgbClr val=\"{}\"/></a:buClr><a:buFont typeface=\"{}\"/><a:buChar char=\"•\"/>",
                       rgb_hex(slides::accent), font);
  } else {
    ppr += "<a:buNone/>";
  }
  std::string out = "<a:p>" + ppr + "</a:pPr>";
  for (const auto& s : p.text) {
    if (s.line_break) out += "<a:br>" + run_props(lang, p.size, p.bold, false, false, p.rgb) + "</a:br>";
    if (s.text.empty()) continue;
    const bool bold = p.bold || s.style == doc::Span::Style::strong;
    const unsigned rgb = s.muted ? 0x666666 : p.rgb;
    out += "<a:r>" + run_props(lang, p.size, bold, s.style == doc::Span::Style::emphasis, s.style == doc::Span::Style::code, rgb) +
           "<a:t>" + escape_xml(s.text) + "</a:t></a:r>";
  }
  return out + fmt::format("<a:endParaRPr lang=\"{}\" sz=\"{}\" dirty=\"0\"/></a:p>", lang, hundredths(p.size));
}

std::string xfrm(const Box& b, const char* prefix = "a") {
  return fmt::format("<{0}:xfrm><a:off x=\"{1}\" y=\"{2}\"/><a:ext cx=\"{3}\" cy=\"{4}\"/></{0}:xfrm>", prefix, emu(b.x),
                     emu(b.y), emu(b.w), emu(b.h));
}

std::string shape_head(int id, const std::string& name, const char* extra = "") {
  return fmt::format("<p:sp><p:nvSpPr><p:cNvPr id=\"{}\" name=\"{}\"/><p:cNvSpPr{}/><p:nvPr/></p:nvSpPr>", id,
                     escape_xml(name), extra);
}

std::string rect_shape(int id, const Box& b, unsigned fill, const std::string& name) {
  return shape_head(id, name) + "<p:spPr>" + xfrm(b) + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>" + solid(fill) +
         "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>";
}

std::string text_shape(int& id, const Box& b, const std::string& lang) {
  std::string out;
  if (b.fill != 0) out += rect_shape(id++, b, b.fill, b.name + " Fläche");
  if (b.border != 0) {
    Box bar = b;
    bar.w = 4;
    out += rect_shape(id++, bar, b.border, b.name + " Rand");
  }
  const long long inset = emu(b.inset);
  out += shape_head(id++, b.name, " txBox=\"1\"") + "<p:spPr>" + xfrm(b) +
         "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>" +
         fmt::format("<a:bodyPr wrap=\"square\" lIns=\"{0}\" tIns=\"{0}\" rIns=\"{0}\" bIns=\"{0}\" rtlCol=\"0\" "
                     "anchor=\"t\"><a:noAutofit/></a:bodyPr><a:lstStyle/>",
                     inset);
  for (const auto& p : b.paras) out += paragraph(p, lang);
  return out + "</p:txBody></p:sp>";
}

std::string cell_line(const char* side, bool on, unsigned rgb, double width_pt) {
  if (!on) return fmt::format("<a:{0} w=\"0\"><a:noFill/></a:{0}>", side);
  return fmt::format("<a:{0} w=\"{1}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{2}<a:prstDash val=\"solid\"/></a:{0}>", side,
                     emu(width_pt), solid(rgb));
}

std::string table_frame(int id, const Box& b, const std::string& lang) {
  const slides::TableBox& t = b.table;
  std::string out = fmt::format(
      "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{}\" name=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks "
      "noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData "
      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\" bandRow=\"0\"/><a:tblGrid>",
      id, escape_xml(b.name), xfrm(b, "p"));
  for (const double w : t.widths) out += fmt::format("<a:gridCol w=\"{}\"/>", emu(w));
  out += "</a:tblGrid>";
  const long long pad = emu(t.pad);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const bool last = r + 1 == t.rows.size();
    out += fmt::format("<a:tr h=\"{}\">", emu(row.height));
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      Para p;
      p.text = doc::text(row.cells[c]);
      p.size = t.size;
      p.bold = row.header || row.total;
      p.right = row.right[c];
      p.rgb = slides::ink;
      out += "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>" + paragraph(p, lang) + "</a:txBody>";
      out += fmt::format("<a:tcPr marL=\"{0}\" marR=\"{0}\" marT=\"{0}\" marB=\"{0}\" anchor=\"t\">", pad);
      out += cell_line("lnL", false, 0, 0) + cell_line("lnR", false, 0, 0);
      out += cell_line("lnT", row.header || row.total, row.total ? 0x37474F : 0x90A4AE, row.total ? 1.0 : 0.75);
      out += cell_line("lnB", true, row.header || last ? 0x90A4AE : 0xCFD8DC, 0.75);
      out += row.header ? solid(0xE8EEF2) : "<a:noFill/>";
      out += "</a:tcPr></a:tc>";
    }
    out += "</a:tr>";
  }
  return out + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>";
}

std::string picture_shape(int id, const Box& b, const std::string& rel) {
  return fmt::format(
      "<p:pic><p:nvPicPr><p:cNvPr id=\"{}\" name=\"{}\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/>"
      "</p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"{}\"/><a:stretch><a:fillRect/></a:stretch>"
      "</p:blipFill><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
      id, escape_xml(b.name), escape_xml(b.figure != nullptr ? b.figure->caption : std::string()), rel, xfrm(b));
}

constexpr const char* group_props =
    "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" "
    "y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

constexpr const char* clr_map = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" "
                                "accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" "
                                "accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

std::string relationships(const std::vector<std::pair<std::string, std::string>>& rels) {
  std::string out = std::string(xml_head) + "<Relationships xmlns=\"" + rel_ns + "\">";
  int n = 0;
  for (const auto& [type, target] : rels) {
    out += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}{}\" Target=\"{}\"/>", ++n, rel_base, type, target);
  }
  return out + "</Relationships>";
}

std::string theme_xml() {
  std::string out = std::string(xml_head) +
                    "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Prozesslotse\">"
                    "<a:themeElements><a:clrScheme name=\"Prozesslotse\">"
                    "<a:dk1><a:srgbClr val=\"222222\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
                    "<a:dk2><a:srgbClr val=\"1F3A4D\"/></a:dk2><a:lt2><a:srgbClr val=\"F0F4F7\"/></a:lt2>";
  const unsigned accents[] = {0x2E6F95, 0xC62828, 0x2E7D32, 0x8D6E00, 0x546E7A, 0x90A4AE};
  for (int i = 0; i < 6; ++i) out += fmt::format("<a:accent{0}><a:srgbClr val=\"{1}\"/></a:accent{0}>", i + 1, rgb_hex(accents[i]));
  out += "<a:hlink><a:srgbClr val=\"2E6F95\"/></a:hlink><a:folHlink><a:srgbClr val=\"546E7A\"/></a:folHlink></a:clrScheme>";
  out += fmt::format("<a:fontScheme name=\"Prozesslotse\"><a:majorFont><a:latin typeface=\"{0}\"/><a:ea typeface=\"\"/>"
                     "<a:cs typeface=\"\"/></a:majorFont><a:minorFont><a:latin typeface=\"{0}\"/><a:ea typeface=\"\"/>"
                     "<a:cs typeface=\"\"/></a:minorFont></a:fontScheme>",
                     font);
  const char* fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
  out += "<a:fmtScheme name=\"Prozesslotse\"><a:fillStyleLst>";
  for (int i = 0; i < 3; ++i) out += fill;
  out += "</a:fillStyleLst><a:lnStyleLst>";
  for (const int w : {6350, 12700, 19050}) {
    out += fmt::format("<a:ln w=\"{}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{}<a:prstDash val=\"solid\"/></a:ln>", w, fill);
  }
  out += "</a:lnStyleLst><a:effectStyleLst>";
  for (int i = 0; i < 3; ++i) out += "<a:effectStyle><a:effectLst/></a:effectStyle>";
  out += "</a:effectStyleLst><a:bgFillStyleLst>";
  for (int i = 0; i < 3; ++i) out += fill;
  return out + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";
}

std::string level_style(double size, bool bold) {
  return fmt::format("<a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"l\"><a:buNone/><a:defRPr sz=\"{}\"{} kern=\"0\">"
                     "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
                     "<a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr>",
                     hundredths(size), bold ? " b=\"1\"" : "");
}

std::string slide_master_xml() {
  return std::string(xml_head) + "<p:sldMaster " + ns_decl + "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
         "</p:bgRef></p:bg><p:spTree>" + group_props + "</p:spTree></p:cSld>" + clr_map +
         "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle>" +
         level_style(30, true) + "</p:titleStyle><p:bodyStyle>" + level_style(20, false) + "</p:bodyStyle><p:otherStyle>" +
         level_style(18, false) + "</p:otherStyle></p:txStyles></p:sldMaster>";
}

std::string slide_layout_xml() {
  return std::string(xml_head) + "<p:sldLayout " + ns_decl + " type=\"blank\" preserve=\"1\"><p:cSld name=\"Leer\"><p:spTree>" +
         group_props + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";
}

std::string placeholder(int id, const char* name, const char* type, const char* idx, long long x, long long y, long long cx,
                        long long cy, const std::string& body) {
  std::string out = fmt::format("<p:sp><p:nvSpPr><p:cNvPr id=\"{}\" name=\"{}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
                                "<p:nvPr><p:ph type=\"{}\"{}/></p:nvPr></p:nvSpPr>",
                                id, name, type, idx);
  if (cx > 0) {
    out += fmt::format("<p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm><a:prstGeom prst=\"rect\">"
                       "<a:avLst/></a:prstGeom></p:spPr>",
                       x, y, cx, cy);
  } else {
    out += "<p:spPr/>";
  }
  if (!body.empty()) out += "<p:txBody><a:bodyPr/><a:lstStyle/>" + body + "</p:txBody>";
  return out + "</p:sp>";
}

std::string notes_master_xml() {
  return std::string(xml_head) + "<p:notesMaster " + ns_decl + "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
         "</p:bgRef></p:bg><p:spTree>" + group_props +
         placeholder(2, "Folienbild", "sldImg", "", 381000, 685800, 6096000, 3429000, "") +
         placeholder(3, "Notizen", "body", " idx=\"1\"", 685800, 4343400, 5486400, 4114800, "<a:p><a:endParaRPr/></a:p>") +
         "</p:spTree></p:cSld>" + clr_map + "<p:notesStyle>" + level_style(12, false) + "</p:notesStyle></p:notesMaster>";
}

std::string notes_slide_xml(const std::string& notes, const std::string& lang) {
  std::string body;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = notes.find('\n', start);
    Para p;
    p.text = doc::text(slides::close_bidi(notes.substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
    p.size = 12;
    p.rgb = slides::ink;
    body += paragraph(p, lang);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return std::string(xml_head) + "<p:notes " + ns_decl + "><p:cSld><p:spTree>" + group_props +
         placeholder(2, "Folienbild", "sldImg", "", 0, 0, 0, 0, "") + placeholder(3, "Notizen", "body", " idx=\"1\"", 0, 0, 0, 0, body) +
         "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>";
}

std::string core_xml(const doc::Meta& meta) {
  std::string out = std::string(xml_head) +
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  out += "<dc:title>" + escape_xml(meta.title) + "</dc:title>";
  if (!meta.author.empty()) out += "<dc:creator>" + escape_xml(meta.author) + "</dc:creator>";
  out += "<dc:language>" + lang_tag(meta.lang) + "</dc:language>";
  if (meta.date.size() == 10) {
    out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + escape_xml(meta.date) + "T00:00:00Z</dcterms:created>";
  }
  return out + "</cp:coreProperties>";
}

} // namespace

std::string emit_pptx(const doc::Deck& d) {
  const std::vector<Page> pages = slides::layout_deck(d, slides::estimate_height);
  const std::string lang = lang_tag(d.meta.lang);
  bool any_notes = false;
  for (const auto& p : pages) any_notes = any_notes || p.notes != nullptr;

  ZipWriter zip;
  std::string types = std::string(xml_head) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>";
  types += fmt::format("<Override PartName=\"/ppt/presentation.xml\" ContentType=\"{}presentation.main+xml\"/>", pml);
  types += fmt::format("<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"{}slideMaster+xml\"/>", pml);
  types += fmt::format("<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{}slideLayout+xml\"/>", pml);
  types += "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>";
  if (any_notes) {
    types += "<Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>";
    types += fmt::format("<Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"{}notesMaster+xml\"/>", pml);
  }
  for (const char* part : {"presProps", "viewProps", "tableStyles"}) {
    types += fmt::format("<Override PartName=\"/ppt/{}.xml\" ContentType=\"{}{}+xml\"/>", part, pml, part);
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    types += fmt::format("<Override PartName=\"/ppt/slides/slide{}.xml\" ContentType=\"{}slide+xml\"/>", i + 1, pml);
    if (pages[i].notes != nullptr) {
      types += fmt::format("<Override PartName=\"/ppt/notesSlides/notesSlide{}.xml\" ContentType=\"{}notesSlide+xml\"/>", i + 1, pml);
    }
  }
  types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
           "</Types>";
  zip.add("[Content_Types].xml", types);
  zip.add("_rels/.rels", std::string(xml_head) + "<Relationships xmlns=\"" + rel_ns + "\">"
          "<Relationship Id=\"rId1\" Type=\"" + rel_base + "officeDocument\" Target=\"ppt/presentation.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"" + rel_base + "extended-properties\" Target=\"docProps/app.xml\"/></Relationships>");
  zip.add("docProps/core.xml", core_xml(d.meta));
  zip.add("docProps/app.xml", std::string(xml_head) +
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
          "<Application>Prozesslotse</Application><PresentationFormat>Breitbild</PresentationFormat>" +
          fmt::format("<Slides>{}</Slides><Notes>{}</Notes>", pages.size(),
                      std::count_if(pages.begin(), pages.end(), [](const Page& p) { return p.notes != nullptr; })) +
          "</Properties>");

  // presentation.xml and its relationships: master, slides, (notes master), theme, properties.
  std::vector<std::pair<std::string, std::string>> prels{{"slideMaster", "slideMasters/slideMaster1.xml"}};
  std::string slide_ids;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    prels.emplace_back("slide", fmt::format("slides/slide{}.xml", i + 1));
    slide_ids += fmt::format("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 256 + i, prels.size());
  }
  std::string notes_master_id;
  if (any_notes) {
    prels.emplace_back("notesMaster", "notesMasters/notesMaster1.xml");
    notes_master_id = fmt::format("<p:notesMasterIdLst><p:notesMasterId r:id=\"rId{}\"/></p:notesMasterIdLst>", prels.size());
  }
  for (const char* part : {"theme", "presProps", "viewProps", "tableStyles"}) {
    prels.emplace_back(part, std::string(part) + (std::string_view(part) == "theme" ? "/theme1.xml" : ".xml"));
  }
  zip.add("ppt/presentation.xml",
          std::string(xml_head) + "<p:presentation " + ns_decl + " saveSubsetFonts=\"1\"><p:sldMasterIdLst>"
          "<p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>" + notes_master_id + "<p:sldIdLst>" + slide_ids +
          "</p:sldIdLst><p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
          "<p:defaultTextStyle>" + level_style(18, false) + "</p:defaultTextStyle></p:presentation>");
  zip.add("ppt/_rels/presentation.xml.rels", relationships(prels));
  zip.add("ppt/presProps.xml", std::string(xml_head) + "<p:presentationPr " + ns_decl + "/>");
  zip.add("ppt/viewProps.xml", std::string(xml_head) + "<p:viewPr " + ns_decl +
          "><p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/></p:normalViewPr>"
          "<p:gridSpacing cx=\"72008\" cy=\"72008\"/></p:viewPr>");
  zip.add("ppt/tableStyles.xml", std::string(xml_head) + "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
          "def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>");
  zip.add("ppt/theme/theme1.xml", theme_xml());
  zip.add("ppt/slideMasters/slideMaster1.xml", slide_master_xml());
  zip.add("ppt/slideMasters/_rels/slideMaster1.xml.rels",
          relationships({{"slideLayout", "../slideLayouts/slideLayout1.xml"}, {"theme", "../theme/theme1.xml"}}));
  zip.add("ppt/slideLayouts/slideLayout1.xml", slide_layout_xml());
  zip.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships({{"slideMaster", "../slideMasters/slideMaster1.xml"}}));
  if (any_notes) {
    zip.add("ppt/theme/theme2.xml", theme_xml());
    zip.add("ppt/notesMasters/notesMaster1.xml", notes_master_xml());
    zip.add("ppt/notesMasters/_rels/notesMaster1.xml.rels", relationships({{"theme", "../theme/theme2.xml"}}));
  }

  int image = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    std::vector<std::pair<std::string, std::string>> rels{{"slideLayout", "../slideLayouts/slideLayout1.xml"}};
    if (page.notes != nullptr) rels.emplace_back("notesSlide", fmt::format("../notesSlides/notesSlide{}.xml", i + 1));
    std::string tree;
    int id = 2;
    for (const Box& b : page.boxes) {
      switch (b.kind) {
      case Box::Kind::rule: tree += rect_shape(id++, b, b.border, b.name); break;
      case Box::Kind::text: tree += text_shape(id, b, lang); break;
      case Box::Kind::table: tree += table_frame(id++, b, lang); break;
      case Box::Kind::picture: {
        const double scale = b.w / b.figure->width;
        const auto png = render_api().pngs(*b.figure, scale, {Rect{0, 0, b.w, b.h}}, picture_dpi);
        const std::string target = fmt::format("image{}.png", ++image);
        zip.add("ppt/media/" + target, png.at(0));
        rels.emplace_back("image", "../media/" + target);
        tree += picture_shape(id++, b, fmt::format("rId{}", rels.size()));
        break;
      }
      }
    }
    zip.add(fmt::format("ppt/slides/slide{}.xml", i + 1),
            std::string(xml_head) + "<p:sld " + ns_decl + "><p:cSld><p:spTree>" + group_props + tree +
                "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>");
    zip.add(fmt::format("ppt/slides/_rels/slide{}.xml.rels", i + 1), relationships(rels));
    if (page.notes != nullptr) {
      zip.add(fmt::format("ppt/notesSlides/notesSlide{}.xml", i + 1), notes_slide_xml(*page.notes, lang));
      zip.add(fmt::format("ppt/notesSlides/_rels/notesSlide{}.xml.rels", i + 1),
              relationships({{"notesMaster", "../notesMasters/notesMaster1.xml"}, {"slide", fmt::format("../slides/slide{}.xml", i + 1)}}));
    }
  }
  return zip.finish();
}

} // namespace lotse::reports
