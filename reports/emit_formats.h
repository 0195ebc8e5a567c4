// SPDX-License-Identifier: MIT
// The document formats of `lotse analyze` beyond the text reports: docx, xlsx, pdf, poster. Each is
// emitted from a doc::Document as bytes; the caller writes them with write_file_atomic.
#pragma once

#include "reports/document.h"

#include <optional>
#include <string>
#include <string_view>

namespace lotse::reports {

enum class DocFormat { docx, xlsx, pdf, poster, csv };

struct EmitOptions {
  std::string docx_template;  ///< bytes of a town's .docx template, empty = built-in styles
  bool csv_excel_de = false;  ///< csv: BOM, ";" and decimal comma (German Excel/LibreOffice) instead of "," and "."
};

/// Every table of the document as CSV (emit_csv.cpp); `excel_de`: BOM, ";" and decimal comma.
[[nodiscard]] std::string emit_csv(const doc::Document& d, bool excel_de);

/// "docx", "xlsx", "pdf", "poster", "csv".
[[nodiscard]] std::optional<DocFormat> parse_doc_format(std::string_view s);
/// File name ending after the stem: "docx", "xlsx", "pdf", "poster.pdf".
[[nodiscard]] std::string_view doc_extension(DocFormat f);
/// The document in that format. Throws std::runtime_error when it cannot be produced.
[[nodiscard]] std::string emit(const doc::Document& d, DocFormat f, const EmitOptions& o = {});

} // namespace lotse::reports
