// SPDX-License-Identifier: MIT
// Draws the report's process picture (built by reports/diagram_layout.cpp) as inline SVG: shapes with
// wrapped labels that never overflow, branch names and percentages, media-break badges.
#include "reports/diagram_svg.h"

#include "engine/utf8.h"
#include "reports/escape.h"
#include "reports/number_format.h"
#include "reports/texts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace lotse::reports {
namespace {

using engine::utf8_length;
using engine::utf8_prefix;
using engine::Bounds;
using engine::NodeKind;

/// Splits a word longer than `width` code points into pieces, preferring the place after a hyphen,
/// slash or closing bracket ("Hundehalter-(Antragsteller)" -> "Hundehalter-", "(Antragsteller)"),
/// else a hard cut marked with "-". No part of the word is lost.
std::vector<std::string> split_word(const std::string& w, std::size_t width) {
  std::vector<std::string> out;
  std::string rest = w;
  while (utf8_length(rest) > width) {
    const std::string head = utf8_prefix(rest, width);
    const std::size_t soft = head.find_last_of("-/)");
    if (soft != std::string::npos && soft + 1 >= head.size() / 3) {
      out.push_back(rest.substr(0, soft + 1));
      rest = rest.substr(soft + 1);
    } else {
      const std::string cut = utf8_prefix(rest, width - 1);
      out.push_back(cut + "-");
      rest = rest.substr(cut.size());
    }
  }
  if (!rest.empty()) out.push_back(rest);
  return out;
}

/// Word-wraps a label into lines of about `width` characters, keeping every character.
std::vector<std::string> wrap_all(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 3);
  std::vector<std::string> pieces;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    for (auto& p : split_word(word, width)) pieces.push_back(std::move(p));
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') flush();
    else word += c;
  }
  flush();
  std::vector<std::string> lines;
  for (const auto& piece : pieces) {
    const bool joins = !lines.empty() && utf8_length(lines.back()) + 1 + utf8_length(piece) <= width;
    if (joins && lines.back().back() != '-') lines.back() += " " + piece;
    else if (joins) lines.back() += piece;  // a split word continues without a blank
    else lines.push_back(piece);
  }
  return lines;
}

/// Word-wraps a label into at most `max_lines` lines of about `width` characters; "…" marks a cut.
/// Only for titles that have a fixed strip (bands); shape labels use fit_label and are never cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines = wrap_all(text, width);
  if (lines.size() <= max_lines) return lines;
  lines.resize(max_lines);
  std::string& last = lines.back();
  if (utf8_length(last) >= width) last = utf8_prefix(last, width - 1);
  last += "…";
  return lines;
}

/// A label wrapped to fit a box of `w` x `h`: the largest font size from 11 down to 8 at which all
/// lines fit; at 8 the lines may run over the box's height rather than be cut.
struct FittedLabel {
  std::vector<std::string> lines;
  double size = 11;
};
FittedLabel fit_label(std::string_view text, double w, double h) {
  FittedLabel f;
  for (double size = 11; size >= 8; size -= 1) {
    const auto width = static_cast<std::size_t>(std::max(4.0, (w - 8) / (size * 6.0 / 11.0)));
    f.lines = wrap_all(text, width);
    f.size = size;
    if (static_cast<double>(f.lines.size()) * size * 1.2 <= h - 4) break;
  }
  return f;
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

void text_lines(std::string& out, const std::vector<std::string>& lines, double cx, double cy, double size,
                const char* extra = "") {
  const double line_h = size * 1.2;
  double y = cy - (static_cast<double>(lines.size()) - 1) * line_h / 2 + size * 0.35;
  for (const auto& l : lines) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\"{}>{}</text>\n", num(cx),
                       num(y), num(size), extra, escape_xml(l));
    y += line_h;
  }
}

void draw_shape(std::string& out, const DiagramShape& s, engine::Lang lang) {
  const Bounds& b = s.bounds;
  const bool hi = !s.marks.empty();
  const char* stroke = hi ? "#c62828" : "#37474f";
  const char* fill = hi ? "#fdecea" : "#ffffff";
  const double sw = hi ? 3 : (s.end ? 3 : 1.4);
  switch (s.kind) {
  case DiagramShape::Kind::pool:
  case DiagramShape::Kind::lane:
  case DiagramShape::Kind::band: {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#90a4ae\" "
                       "stroke-width=\"1\"/>\n",
                       num(b.x), num(b.y), num(b.width), num(b.height));
    if (s.label.empty()) break;
    if (s.kind != DiagramShape::Kind::band && b.width >= b.height) {
      // BPMN convention for horizontal pools and lanes: the name stands rotated in a strip on the left.
      const double cx = b.x + 15, cy = b.y + b.height / 2;
      const auto lines = wrap(s.label, static_cast<std::size_t>(std::max(6.0, (b.height - 10) / 6.5)), 2);
      const double first = cx - (static_cast<double>(lines.size()) - 1) * 6.5;
      for (std::size_t k = 0; k < lines.size(); ++k) {
        const double x = first + 13.0 * static_cast<double>(k);
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#455a64\" "
                           "transform=\"rotate(-90 {} {})\">{}</text>\n",
                           num(x), num(cy + 4), num(x), num(cy), escape_xml(lines[k]));
      }
    } else {
      const auto lines = wrap(s.label, static_cast<std::size_t>(std::max(12.0, b.width / 7.5)), 1);
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" fill=\"#455a64\">{}</text>\n",
                         num(b.x + 8), num(b.y + 19), escape_xml(lines.empty() ? "" : lines[0]));
    }
    break;
  }
  case DiagramShape::Kind::task:
  case DiagramShape::Kind::sub_process: {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{}\" stroke=\"{}\" "
                       "stroke-width=\"{}\"/>\n",
                       num(b.x), num(b.y), num(b.width), num(b.height), s.kind == DiagramShape::Kind::sub_process && !hi ? "none" : fill,
                       stroke, num(sw));
    if (s.kind == DiagramShape::Kind::sub_process && b.height > 100) {
      const auto lines = wrap(s.label, static_cast<std::size_t>(std::max(4.0, (b.width - 8) / 6.0)), 1);
      if (!lines.empty()) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11.0\">{}</text>\n", num(b.x + 8), num(b.y + 16),
                           escape_xml(lines[0]));
      }
    } else {
      // A PICTURE Baustein names its type in small grey letters above the label, as PICTURE does.
      const std::string_view type = block_name(s.block, lang);
      double head = 0;
      if (!type.empty() && type != s.label) {
        const double size = wrap_all(type, static_cast<std::size_t>((b.width - 6) / 4.4)).size() <= 1 ? 8 : 7;
        const auto lines = wrap_all(type, static_cast<std::size_t>((b.width - 6) / (size * 0.55)));
        head = 4 + size * static_cast<double>(lines.size());
        double y = b.y + 2 + size;
        for (const auto& l : lines) {
          out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"#607d8b\">{}</text>\n",
                             num(b.x + b.width / 2), num(y), num(size), escape_xml(l));
          y += size;
        }
      }
      const FittedLabel f = fit_label(s.label, b.width, b.height - head);
      text_lines(out, f.lines, b.x + b.width / 2, b.y + head + (b.height - head) / 2, f.size);
    }
    break;
  }
  case DiagramShape::Kind::event: {
    const double r = std::min(b.width, b.height) / 2;
    const bool start = s.node_kind == NodeKind::start_event;
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\n",
                       num(b.x + b.width / 2), num(b.y + b.height / 2), num(r), hi ? fill : (start ? "#e8f5e9" : "#ffffff"),
                       stroke, num(sw));
    if (s.node_kind == NodeKind::intermediate_catch_event || s.node_kind == NodeKind::intermediate_throw_event ||
        s.node_kind == NodeKind::boundary_event) {
      out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                         num(b.x + b.width / 2), num(b.y + b.height / 2), num(r - 3), stroke);
    }
    if (s.node_kind != NodeKind::boundary_event) {
      text_lines(out, wrap_all(s.label, 22), b.x + b.width / 2, b.y + b.height + 14, 10, " fill=\"#37474f\"");
    }
    break;
  }
  case DiagramShape::Kind::gateway: {
    const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    out += fmt::format("<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\n",
                       num(cx), num(b.y), num(b.x + b.width), num(cy), num(cx), num(b.y + b.height), num(b.x), num(cy),
                       hi ? fill : "#fffde7", stroke, num(sw));
    const char* symbol = s.node_kind == NodeKind::parallel_gateway    ? "+"
                         : s.node_kind == NodeKind::inclusive_gateway ? "o"
                         : s.node_kind == NodeKind::exclusive_gateway ? "×"
                                                                      : "";
    if (*symbol != 0) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"18\" text-anchor=\"middle\" fill=\"#37474f\">{}</text>\n",
                         num(cx), num(cy + 6), symbol);
    }
    text_lines(out, wrap_all(s.label, 24), cx, b.y + b.height + 14, 10, " fill=\"#37474f\"");
    break;
  }
  }
}

/// "Mit Sachkunde (60 %)" above the branch's target, on a white halo so that lines do not cross it.
void draw_branch_label(std::string& out, const DiagramEdge& e, engine::Lang lang) {
  if (e.probability < 0 || e.points.empty()) return;
  std::string text = e.label;
  const std::string pct = format_percent(e.probability, e.probability * 100 == std::round(e.probability * 100) ? 0 : 1, lang);
  text = text.empty() ? pct : text + " (" + pct + ")";
  const auto lines = wrap_all(text, 26);
  double y = e.target.y - 4 - 9.5 * static_cast<double>(lines.size() - 1);
  for (const auto& l : lines) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"8.5\" fill=\"#1565c0\" stroke=\"#ffffff\" stroke-width=\"3\" "
                       "paint-order=\"stroke\">{}</text>\n",
                       num(e.target.x), num(y), escape_xml(l));
    y += 9.5;
  }
}

void draw_badge(std::string& out, const DiagramShape& s) {
  if (s.marks.empty()) return;
  const double w = std::max(22.0, 8.0 + 7.0 * static_cast<double>(s.marks.size()));
  const double x = s.bounds.x - 8, y = s.bounds.y - 11;
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" rx=\"11\" fill=\"#c62828\"/>\n", num(x),
                     num(y), num(w));
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" "
                     "fill=\"#ffffff\">{}</text>\n",
                     num(x + w / 2), num(y + 15), escape_xml(s.marks));
}

} // namespace

std::vector<std::string> label_lines(std::string_view text, std::size_t width) { return wrap_all(text, width); }

std::string render_svg(const Diagram& d, engine::Lang lang) {
  if (d.empty()) return {};
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "role=\"img\" aria-label=\"{}\" font-family=\"Helvetica, Arial, sans-serif\">\n",
      num(d.width), num(d.height), num(d.width), lang == engine::Lang::de ? "Prozessbild" : "Process diagram");
  out += "<defs><marker id=\"lotse-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
         "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#37474f\"/></marker>"
         "<marker id=\"lotse-arrow-open\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
         "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#ffffff\" "
         "stroke=\"#37474f\"/></marker></defs>\n";
  for (const auto& s : d.shapes) {
    if (s.kind == DiagramShape::Kind::pool || s.kind == DiagramShape::Kind::lane || s.kind == DiagramShape::Kind::band) {
      draw_shape(out, s, lang);
    }
  }
  for (const auto& s : d.shapes) {
    if (s.kind == DiagramShape::Kind::sub_process) draw_shape(out, s, lang);
  }
  for (const auto& e : d.edges) {
    std::string pts;
    for (const auto& p : e.points) pts += (pts.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
    out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#37474f\" stroke-width=\"1.2\"{} "
                       "marker-end=\"url(#{})\"/>\n",
                       pts, e.message ? " stroke-dasharray=\"6 4\"" : "", e.message ? "lotse-arrow-open" : "lotse-arrow");
  }
  for (const auto& s : d.shapes) {
    if (s.kind == DiagramShape::Kind::task || s.kind == DiagramShape::Kind::event ||
        s.kind == DiagramShape::Kind::gateway) {
      draw_shape(out, s, lang);
    }
  }
  for (const auto& e : d.edges) draw_branch_label(out, e, lang);
  for (const auto& s : d.shapes) draw_badge(out, s);
  out += "</svg>\n";
  return out;
}

} // namespace lotse::reports
