// SPDX-License-Identifier: MIT
// The neutral document model of every report (issue #10): section builders turn pass results into a
// Document of headings, paragraphs, key figures, typed tables, figures and notes; one emitter per
// format (Markdown, HTML, DOCX, XLSX, PDF, ...) renders any Document. Texts in a Document are raw model
// or report text (never pre-escaped): each emitter escapes for its own format. Numbers are typed values
// (never pre-formatted strings) so that a spreadsheet gets numbers and a text format gets the decimal
// comma from reports/number_format.h, in one place.
#pragma once

#include "engine/diagnostics.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotse::reports::doc {

/// How a number is shown and stored. The emitter formats it (decimal comma in German, thousands
/// separators, rounding half away from zero) and a spreadsheet keeps the value with a display format.
/// The Markdown and HTML emitters write the sign only for eur and percent: in running text and tables
/// the words around the number (column header, sentence) name the other units.
enum class Unit {
  none,        ///< plain number
  count,       ///< whole things (cases, breaks): no unit word
  minutes,     ///< "min"
  hours,       ///< "h"
  days,        ///< "Tage"/"days"
  fte,         ///< "VZÄ"/"FTE"
  eur,         ///< "€", shown without decimals when `decimals` is 0
  percent,     ///< value is a fraction 0..1, shown as "60,2 %"
  years,       ///< payback and similar
};

/// A run of inline text with one style. `anchor` makes it a link to a block's `id` in the same document.
struct Span {
  enum class Style { plain, strong, emphasis, code };
  std::string text;
  Style style = Style::plain;
  std::string anchor;
  // Extensions (all default to "plain text"; emitters that do not know them may ignore them):
  bool is_number = false;        ///< a typed figure inside running text: `value` with `unit`/`decimals`, `text` unused
  double value = 0;
  Unit unit = Unit::none;
  int decimals = 0;
  bool line_break = false;       ///< starts a new line inside the same paragraph or list item (hard break)
  bool muted = false;            ///< secondary text, e.g. a Baustein type after a name (grey in HTML)
};

/// Inline text: a sequence of spans.
using Inline = std::vector<Span>;

/// A typed number inside running text (the emitter formats it).
[[nodiscard]] inline Span number(double v, Unit u, int decimals) {
  Span s;
  s.is_number = true;
  s.value = v;
  s.unit = u;
  s.decimals = decimals;
  return s;
}

/// A plain inline of one span.
[[nodiscard]] inline Inline text(std::string s) { return Inline{Span{std::move(s), Span::Style::plain, {}}}; }
/// A strong inline of one span.
[[nodiscard]] inline Inline strong(std::string s) { return Inline{Span{std::move(s), Span::Style::strong, {}}}; }

/// One table cell: empty, text, or a number with unit and precision. `source` says where the figure
/// comes from (shown as a footnote, tooltip or comment by the emitter; JSON keeps it as data).
struct Cell {
  enum class Kind { empty, text, number };
  Kind kind = Kind::empty;
  Inline text;                   ///< kind == text
  double value = 0;              ///< kind == number
  Unit unit = Unit::none;
  int decimals = 0;
  std::string source;            ///< provenance in words, e.g. "hundesteuer.bpmn:42", "StBA Zeitwerttabelle 2025"
  std::string anchor;            ///< link target (a block id), e.g. from a diagram mark to a table row
  std::string formula_key;       ///< set on total cells: the XLSX emitter writes a SUM over the column instead
  /// A formula over cells of the same row, by column key: "{saved_full}*{uptake}". The XLSX emitter writes
  /// it as a formula (with `value` as its cached result), so that a town can edit the inputs; every
  /// other emitter shows `value`.
  std::string formula;
  // Extensions for visual formats (text formats may ignore them):
  std::vector<int> marks{};      ///< media-break numbers shown as badges after the content
  bool badge = false;            ///< the number itself is a media-break mark (drawn as a badge)
  double bar = -1;               ///< 0..1: relative size drawn as a bar beside the number; < 0: none
};

[[nodiscard]] inline Cell empty_cell() { return {}; }
[[nodiscard]] inline Cell text_cell(std::string s) {
  Cell c;
  c.kind = Cell::Kind::text;
  c.text = text(std::move(s));
  return c;
}
[[nodiscard]] inline Cell number_cell(double v, Unit u, int decimals, std::string source = {}) {
  Cell c;
  c.kind = Cell::Kind::number;
  c.value = v;
  c.unit = u;
  c.decimals = decimals;
  c.source = std::move(source);
  return c;
}

/// A table column: header text, alignment and a stable machine key (sheet column name, JSON key).
struct Column {
  std::string header;
  std::string key;
  bool numeric = false;          ///< right-aligned, summable
};

/// A table with a header row and optionally a total row (which the XLSX emitter writes as formulas
/// over the body rows for columns whose total cell has a formula_key).
struct Table {
  std::string id;                ///< stable id: "media_breaks", "stellen", "measures" (sheet name key)
  std::string caption;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::optional<std::vector<Cell>> total;
  std::vector<std::string> row_ids;  ///< optional anchor per row (e.g. "break-3"), same length as rows or empty
};

/// A heading; level 1 is the document title, 2 a section, 3 a sub-section.
struct Heading {
  int level = 2;
  Inline text;
  std::string id;                ///< anchor
};

struct Paragraph {
  /// How a paragraph stands out: small print (under the title), a confirmation, a remark to check.
  enum class Tone { plain, small, ok, remark };
  Inline text;
  Tone tone = Tone::plain;
};

struct List {
  bool ordered = false;
  std::vector<Inline> items;
};

/// A key figure card: "Fallzahl 132 pro Jahr".
struct KeyFigure {
  std::string label;
  Cell value;
  std::string note;              ///< small print under the figure
  bool alert = false;            ///< something to act on (shown in red)
  Inline detail{};               ///< small print with typed numbers (shown after `note`)
};

struct KeyFigures {
  std::vector<KeyFigure> figures;
};

/// A picture. `svg` is a self-contained SVG document (no scripts, no external references) in user
/// units of `width` x `height`; emitters embed it (HTML), render it (PDF, PNG for DOCX/PPTX) or skip it.
struct Figure {
  std::string id;
  std::string caption;
  std::string svg;
  double width = 0, height = 0;
};

/// A note, warning or assumption with an optional location ("file:line").
struct Note {
  engine::Severity severity = engine::Severity::note;
  Inline text;
  std::string location;
};

struct Notes {
  std::vector<Note> items;
};

/// A forced page break (print formats only).
struct PageBreak {};

using Block = std::variant<Heading, Paragraph, List, KeyFigures, Table, Figure, Notes, PageBreak>;

/// What a document is about, for title pages, headers and footers.
struct Meta {
  std::string title;
  std::string subtitle;
  std::string town;              ///< --town or the town file
  std::string author;            ///< --author
  std::string date;              ///< ISO date, empty = not shown (reports are deterministic unless asked)
  std::string source_file;
  engine::Lang lang = engine::Lang::de;
};

struct Document {
  Meta meta;
  std::vector<Block> blocks;

  template <class B> Document& add(B b) {
    blocks.emplace_back(std::move(b));
    return *this;
  }
};

} // namespace lotse::reports::doc
