// SPDX-License-Identifier: MIT
// XLSX emitter (issue #10) through libxlsxwriter: a summary sheet (meta, key figures, paragraphs) and
// one sheet per doc::Table, numbers stored as numbers with display formats (locale-neutral codes such
// as `#,##0.0 "h"` that Excel and LibreOffice show with the separators of the reader's locale), frozen
// header row, autofilter, column widths from the content, totals as SUM formulas with cached results.
// Model text never becomes a formula: it is written as a string cell, and text that a spreadsheet
// would read as a formula when the cell is edited (= + - @ tab CR first) gets the quote prefix.
#pragma once

#include "reports/document.h"

#include <string>
#include <string_view>

namespace lotse::reports {

/// The workbook as bytes (write it with write_file_atomic). Throws std::runtime_error on failure.
[[nodiscard]] std::string emit_xlsx(const doc::Document& d);

/// Excel's sheet name rules: no []:*?/\, at most 31 characters, not empty.
[[nodiscard]] std::string sheet_name(std::string_view wanted);

/// True when a spreadsheet would take the text as a formula on input (= + - @ tab CR first).
[[nodiscard]] bool looks_like_formula(std::string_view text);

} // namespace lotse::reports
