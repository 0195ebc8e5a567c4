// SPDX-License-Identifier: MIT
#include "reports/emit_common.h"

#include "reports/number_format.h"
#include "reports/texts.h"

#include <fmt/format.h>

#include <cmath>

namespace lotse::reports::detail {

std::string format_value(double value, doc::Unit unit, int decimals, engine::Lang lang) {
  const double scale = unit == doc::Unit::percent ? 100.0 : 1.0;
  const double f = std::pow(10.0, decimals);
  const double v = std::round(value * scale * f) / f;
  const std::string n = format_number(v, decimals, lang);
  const bool de = lang == engine::Lang::de;
  if (unit == doc::Unit::eur) return de ? n + " €" : "€" + n;
  if (unit == doc::Unit::percent) return de ? n + " %" : n + "%";
  return n;
}

namespace {

std::string_view open_tag(doc::Span::Style s, const InlineMarkup& m) {
  switch (s) {
  case doc::Span::Style::plain: return {};
  case doc::Span::Style::strong: return m.strong_open;
  case doc::Span::Style::emphasis: return m.emphasis_open;
  case doc::Span::Style::code: return m.code_open;
  }
  return {};
}

std::string_view close_tag(doc::Span::Style s, const InlineMarkup& m) {
  switch (s) {
  case doc::Span::Style::plain: return {};
  case doc::Span::Style::strong: return m.strong_close;
  case doc::Span::Style::emphasis: return m.emphasis_close;
  case doc::Span::Style::code: return m.code_close;
  }
  return {};
}

} // namespace

std::string render_inline(const doc::Inline& text, engine::Lang lang, const InlineMarkup& m, bool at_line_start) {
  std::string out;
  bool start = at_line_start;
  auto style = doc::Span::Style::plain;  // consecutive spans of one style share one pair of marks
  for (const auto& s : text) {
    if (s.line_break || s.style != style) {
      out += close_tag(style, m);
      style = doc::Span::Style::plain;
    }
    if (s.line_break) {
      out += m.line_break;
      start = at_line_start;
    }
    std::string body = s.is_number ? m.escape(format_value(s.value, s.unit, s.decimals, lang), start) : m.escape(s.text, start);
    start = false;
    if (s.muted) body = std::string(m.muted_open) + body + std::string(m.muted_close);
    if (s.style != style) out += open_tag(s.style, m);
    style = s.style;
    out += body;
  }
  out += close_tag(style, m);
  return out;
}

std::string render_cell(const doc::Cell& c, engine::Lang lang, const InlineMarkup& m) {
  switch (c.kind) {
  case doc::Cell::Kind::empty: return {};
  case doc::Cell::Kind::text: return render_inline(c.text, lang, m);
  case doc::Cell::Kind::number: return m.escape(format_value(c.value, c.unit, c.decimals, lang), false);
  }
  return {};
}

std::string plain_text(const doc::Inline& text, engine::Lang lang) {
  static const InlineMarkup plain{[](std::string_view s, bool) { return std::string(s); }, {}, {}, {}, {}, {}, {}, {}, {}, " "};
  return render_inline(text, lang, plain);
}

std::string meta_line(const doc::Meta& meta) {
  const Texts& t = texts(meta.lang);
  std::string out;
  auto add = [&](std::string_view tmpl, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += " · ";
    out += fmt::format(fmt::runtime(tmpl), value);
  };
  add(t.meta_town, meta.town);
  add(t.meta_author, meta.author);
  add(t.meta_date, meta.date);
  return out;
}

} // namespace lotse::reports::detail
