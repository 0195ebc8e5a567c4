// SPDX-License-Identifier: MIT
// What the binary/print emitters (XLSX, DOCX, PDF, poster) share when they render a doc::Document:
// a cell as display text (numbers through reports/number_format.h), unit words, the meta line of
// headers and footers, the few words of page furniture, and finding blocks by type.
#pragma once

#include "reports/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports::doc {

/// The words of page furniture (headers, footers, legends, sheet names) in one language.
struct EmitWords {
  std::string_view page;          ///< "Seite {0} von {1}"
  std::string_view summary_sheet; ///< "Übersicht"
  std::string_view legend;        ///< "Medienbrüche"
  std::string_view tile;          ///< "Teil {0} von {1}"
  std::string_view key_figures;   ///< "Kennzahlen"
  std::string_view figure_label, value_label, note_label, source_label;
  std::string_view town, author, date, source_file;
};
[[nodiscard]] const EmitWords& emit_words(engine::Lang lang);

/// The spans of an inline as one plain string (styles dropped, typed numbers formatted in `lang`).
[[nodiscard]] std::string plain_text(const Inline& in, engine::Lang lang);
/// The unit word after a number ("h", "min", "Tage", "VZÄ", "€", "%", "Jahre"); empty for none/count.
[[nodiscard]] std::string_view unit_suffix(Unit u, engine::Lang lang);
/// A cell for reading: "1.234,5 h", "60,2 %", "1.234 €", text as plain text, empty as "".
[[nodiscard]] std::string format_cell(const Cell& c, engine::Lang lang);
/// "Musterstadt · Erika Muster · 2026-12-05" from the non-empty meta fields (town, author, date).
[[nodiscard]] std::string meta_line(const Meta& m);
/// Column header with its unit when every number in the column has the same one: "Stunden/Jahr (h)".
[[nodiscard]] std::string header_with_unit(const Table& t, std::size_t column, engine::Lang lang);

/// Relative column widths (sum 1) from the longest cell text of each column; header words count up to
/// 14 characters, cells up to 40, so one long name does not starve the number columns.
/// With `available_chars` (> 0) a table wider than that keeps its number columns and header words
/// whole and shrinks only the text columns.
[[nodiscard]] std::vector<double> column_weights(const Table& t, engine::Lang lang, double available_chars = 0);
/// Key figures as a three-column table (label, value, note) for formats without cards.
[[nodiscard]] Table key_figure_table(const KeyFigures& k, engine::Lang lang);
/// The rows of the table with id `id` as legend lines "3 · Antrag prüfen – Ausdruck und Abtippen"
/// (first cell, then the following text cells), for the poster's legend.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> legend_of(const Document& d, std::string_view id,
                                                                         engine::Lang lang);

/// Every block of type B in document order.
template <class B> [[nodiscard]] std::vector<const B*> blocks_of(const Document& d) {
  std::vector<const B*> out;
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<B>(&b)) out.push_back(p);
  }
  return out;
}

/// Replaces "{0}", "{1}" in a furniture text.
[[nodiscard]] std::string fill(std::string_view pattern, const std::vector<std::string>& args);

} // namespace lotse::reports::doc
