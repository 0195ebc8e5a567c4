// SPDX-License-Identifier: MIT
// Any Document as GitHub-flavoured Markdown. Text that may start a line goes through escape_markdown,
// text inside a line through escape_markdown_inline; numbers through emit_common's format_value.
#include "reports/emit.h"

#include "reports/emit_common.h"
#include "reports/escape.h"
#include "reports/texts.h"

#include <sstream>

namespace lotse::reports {
namespace {

std::string escape(std::string_view s, bool at_line_start) {
  return at_line_start ? escape_markdown(s) : escape_markdown_inline(s);
}

detail::InlineMarkup markup(std::string line_break) {
  return {escape, "**", "**", "*", "*", "`", "`", "", "", std::move(line_break)};
}

struct Md {
  const doc::Document& d;
  std::ostringstream out;
  engine::Lang lang() const { return d.meta.lang; }

  std::string inl(const doc::Inline& t, bool at_start, std::string line_break = "  \n") const {
    return detail::render_inline(t, lang(), markup(std::move(line_break)), at_start);
  }

  void operator()(const doc::Heading& h) {
    out << std::string(static_cast<std::size_t>(h.level), '#') << " " << inl(h.text, false) << "\n\n";
    const std::string meta = detail::meta_line(d.meta);
    if (h.level == 1 && !meta.empty()) out << escape_markdown(meta) << "\n\n";
  }
  void operator()(const doc::Paragraph& p) { out << inl(p.text, true) << "\n\n"; }
  void operator()(const doc::List& l) {
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      const std::string marker = l.ordered ? std::to_string(i + 1) + ". " : "- ";
      out << marker << inl(l.items[i], true, "  \n" + std::string(marker.size(), ' ')) << "\n";
    }
    out << "\n";
  }
  void operator()(const doc::KeyFigures&) {}  // the summary's sentences carry the same figures
  void row(const std::vector<doc::Cell>& cells, bool strong) {
    const auto m = markup("; ");  // a table row is one line: hard breaks in a cell become "; "
    out << "|";
    for (const auto& c : cells) {
      const std::string s = detail::render_cell(c, lang(), m);
      if (s.empty()) out << " |";
      else out << " " << (strong && c.kind == doc::Cell::Kind::number ? "**" + s + "**" : s) << " |";
    }
    out << "\n";
  }
  void operator()(const doc::Table& t) {
    std::vector<doc::Cell> head;
    for (const auto& c : t.columns) head.push_back(doc::text_cell(c.header));
    row(head, false);
    out << "|";
    for (const auto& c : t.columns) out << (c.numeric ? "---:|" : "---|");
    out << "\n";
    for (const auto& r : t.rows) row(r, false);
    if (t.total) row(*t.total, true);
    out << "\n";
  }
  void operator()(const doc::Figure&) { out << texts(lang()).mb_diagram_note_md << "\n\n"; }
  void operator()(const doc::Notes& n) {
    for (const auto& x : n.items) {
      out << "- " << escape_markdown(x.location.empty() ? std::string() : x.location + ": ") << inl(x.text, x.location.empty())
          << "\n";
    }
    out << "\n";
  }
  void operator()(const doc::PageBreak&) {}
};

} // namespace

std::string emit_markdown(const doc::Document& d) {
  Md md{d, {}};
  for (const auto& b : d.blocks) std::visit(md, b);
  std::string s = md.out.str();
  while (s.size() > 1 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') s.pop_back();
  return s;
}

} // namespace lotse::reports
