// SPDX-License-Identifier: MIT
// Any Document as one self-contained, printable HTML file: inline CSS (screen, and print on A4 portrait
// or landscape with page numbers), figures as inline SVG scaled to the page width with a zoom switch
// that needs no script, key figures as cards, bars for relative sizes. Every text goes through
// escape_html; numbers through emit_common's format_value.
#include "reports/emit.h"

#include "reports/emit_common.h"
#include "reports/escape.h"
#include "reports/texts.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace lotse::reports {
namespace {

constexpr const char* css = R"(
:root{--red:#c62828;--ink:#263238;--muted:#607d8b;--line:#cfd8dc;--accent:#1565c0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:var(--ink);max-width:1100px;margin:2rem auto;padding:0 1.2rem;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .3rem}
h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin-top:1.4rem}
.meta,.note,.muted{color:var(--muted);font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:.7rem;margin:.8rem 0 1rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.55rem .8rem;background:#fafafa}
.card .v{font-size:1.55rem;font-weight:bold;white-space:nowrap}
.card .l{color:var(--muted);font-size:.85rem}
.card.alert .v{color:var(--red)}
.table-box{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eceff1}
td.n{text-align:right;white-space:nowrap}
tr.sum td{font-weight:bold;background:#f5f5f5}
.badge{display:inline-block;min-width:1.5em;text-align:center;background:var(--red);color:#fff;border-radius:1em;font-weight:bold;padding:0 .35em}
.bar{background:#eceff1;height:.8em;width:8rem;display:inline-block;vertical-align:middle;margin-left:.4rem}
.bar span{display:block;height:100%;background:var(--accent)}
figure{margin:1rem 0}
.diagram-box{border:1px solid var(--line);padding:.4rem;background:#fff;overflow:hidden}
.diagram-box svg{display:block;width:100%;height:auto}
.zoom{position:absolute;opacity:0}
.zoom-label{display:inline-block;cursor:pointer;color:var(--accent);font-size:.88rem;margin-bottom:.3rem;border:1px solid var(--line);border-radius:4px;padding:0 .5em}
.zoom:focus-visible+.zoom-label{outline:2px solid var(--accent)}
.zoom:checked+.zoom-label+.diagram-box{overflow-x:auto}
.zoom:checked+.zoom-label+.diagram-box svg{width:auto;max-width:none}
figcaption{color:var(--muted);font-size:.88rem;margin-top:.3rem}
.remark{border-left:4px solid #f9a825;background:#fffde7;padding:.45rem .8rem;margin:.6rem 0}
.ok{border-left:4px solid #2e7d32;background:#f1f8e9;padding:.45rem .8rem;margin:.6rem 0}
ol li{margin-bottom:.35rem}
footer{margin-top:2.5rem;border-top:1px solid var(--line);padding-top:.4rem}
@page{size:A4;margin:14mm 14mm 16mm}
@page landscape{size:A4 landscape;margin:12mm}
@page{@bottom-right{content:"PAGE " counter(page) " / " counter(pages);font:9pt Helvetica,Arial,sans-serif;color:#607d8b}}
@media print{
 body{margin:0;max-width:none;font-size:10pt}
 h2{break-after:avoid;page-break-after:avoid}
 h3,h4{break-after:avoid}
 tr,.card,figure,.remark,.ok{break-inside:avoid;page-break-inside:avoid}
 .zoom,.zoom-label{display:none}
 .table-box{overflow:visible}
 .diagram-box,.zoom:checked+.zoom-label+.diagram-box{overflow:visible;border:none;padding:0}
 .diagram-box svg,.zoom:checked+.zoom-label+.diagram-box svg{width:100%;height:auto;max-height:170mm}
 figure.wide{page:landscape}
}
)";

std::string escape(std::string_view s, bool) { return escape_html(s); }

const detail::InlineMarkup markup{escape, "<strong>", "</strong>", "<em>", "</em>", "<code>", "</code>",
                                  "<span class=\"muted\">", "</span>", "<br>"};

struct Html {
  const doc::Document& d;
  std::ostringstream out;
  bool section_open = false;
  int figures = 0;
  engine::Lang lang() const { return d.meta.lang; }
  std::string inl(const doc::Inline& t) const { return detail::render_inline(t, lang(), markup); }

  void operator()(const doc::Heading& h) {
    if (h.level <= 2 && section_open) out << "</section>\n";
    section_open = h.level == 2 && !h.id.empty();
    if (section_open) out << "<section id=\"" << escape_html(h.id) << "\">\n";
    out << "<h" << h.level << ">" << inl(h.text) << "</h" << h.level << ">\n";
    const std::string meta = detail::meta_line(d.meta);
    if (h.level == 1 && !meta.empty()) out << "<p class=\"meta\">" << escape_html(meta) << "</p>\n";
  }
  void operator()(const doc::Paragraph& p) {
    switch (p.tone) {
    case doc::Paragraph::Tone::plain: out << "<p>" << inl(p.text) << "</p>\n"; break;
    case doc::Paragraph::Tone::small: out << "<p class=\"meta\">" << inl(p.text) << "</p>\n"; break;
    case doc::Paragraph::Tone::ok: out << "<div class=\"ok\">" << inl(p.text) << "</div>\n"; break;
    case doc::Paragraph::Tone::remark: out << "<div class=\"remark\">" << inl(p.text) << "</div>\n"; break;
    }
  }
  void operator()(const doc::List& l) {
    out << (l.ordered ? "<ol>\n" : "<ul>\n");
    for (const auto& i : l.items) out << "<li>" << inl(i) << "</li>\n";
    out << (l.ordered ? "</ol>\n" : "</ul>\n");
  }
  void operator()(const doc::KeyFigures& k) {
    out << "<div class=\"cards\">\n";
    for (const auto& f : k.figures) {
      out << "<div class=\"card" << (f.alert ? " alert" : "") << "\"><div class=\"v\">"
          << detail::render_cell(f.value, lang(), markup) << "</div><div class=\"l\">" << escape_html(f.label) << "</div>";
      if (!f.note.empty()) out << "<div class=\"l\">" << escape_html(f.note) << "</div>";
      if (!f.detail.empty()) out << "<div class=\"l\">" << inl(f.detail) << "</div>";
      out << "</div>\n";
    }
    out << "</div>\n";
  }
  std::string cell(const doc::Cell& c) const {
    std::string s = detail::render_cell(c, lang(), markup);
    if (c.badge) s = "<span class=\"badge\">" + s + "</span>";
    for (int m : c.marks) s += fmt::format(" <span class=\"badge\">{}</span>", m);
    if (c.bar >= 0) s += fmt::format("<span class=\"bar\"><span style=\"width:{:.1f}%\"></span></span>", c.bar * 100.0);
    return s;
  }
  void row(const doc::Table& t, const std::vector<doc::Cell>& cells, std::string_view attrs) {
    out << "<tr" << attrs << ">";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const bool numeric = i < t.columns.size() && t.columns[i].numeric && cells[i].kind == doc::Cell::Kind::number;
      out << (numeric ? "<td class=\"n\">" : "<td>") << cell(cells[i]) << "</td>";
    }
    out << "</tr>\n";
  }
  void operator()(const doc::Table& t) {
    out << "<div class=\"table-box\"><table" << (t.id.empty() ? "" : " class=\"" + escape_html(t.id) + "\"") << ">\n";
    if (!t.caption.empty()) out << "<caption>" << escape_html(t.caption) << "</caption>\n";
    out << "<thead><tr>";
    for (const auto& c : t.columns) out << "<th>" << escape_html(c.header) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      row(t, t.rows[i], i < t.row_ids.size() ? " id=\"" + escape_html(t.row_ids[i]) + "\"" : std::string());
    }
    if (t.total) row(t, *t.total, " class=\"sum\"");
    out << "</tbody>\n</table></div>\n";
  }
  void operator()(const doc::Figure& f) {
    const Texts& t = texts(lang());
    const std::string zoom = fmt::format("zoom-{}", ++figures);
    const bool wide = f.width > 1.5 * f.height;
    out << "<figure id=\"" << escape_html(f.id) << "\"" << (wide ? " class=\"wide\"" : "") << ">\n"
        << "<input type=\"checkbox\" class=\"zoom\" id=\"" << zoom << "\"><label class=\"zoom-label\" for=\"" << zoom
        << "\">" << t.fig_zoom << "</label>\n<div class=\"diagram-box\">\n"
        << f.svg << "</div>\n<figcaption>" << escape_html(f.caption) << "</figcaption>\n</figure>\n";
  }
  void operator()(const doc::Notes& n) {
    out << "<ul class=\"note\">\n";
    for (const auto& x : n.items) {
      out << "<li>" << escape_html(x.location.empty() ? std::string() : x.location + ": ") << inl(x.text) << "</li>\n";
    }
    out << "</ul>\n";
  }
  void operator()(const doc::PageBreak&) { out << "<div style=\"break-after:page\"></div>\n"; }
};

std::string page_css(engine::Lang lang) {
  std::string s = css;
  const auto at = s.find("\"PAGE \"");
  s.replace(at, 7, "\"" + std::string(texts(lang).meta_page) + " \"");
  return s;
}

} // namespace

std::string emit_html(const doc::Document& d) {
  Html html{d, {}};
  const std::string lang = d.meta.lang == engine::Lang::de ? "de" : "en";
  html.out << "<!DOCTYPE html>\n<html lang=\"" << lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
           << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
           << escape_html(d.meta.title) << "</title>\n<style>" << page_css(d.meta.lang) << "</style>\n</head>\n<body>\n";
  for (const auto& b : d.blocks) std::visit(html, b);
  if (html.section_open) html.out << "</section>\n";
  const std::string meta = detail::meta_line(d.meta);
  if (!meta.empty()) html.out << "<footer class=\"meta\">" << escape_html(meta) << "</footer>\n";
  html.out << "</body>\n</html>\n";
  return html.out.str();
}

} // namespace lotse::reports
