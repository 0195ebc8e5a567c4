// SPDX-License-Identifier: MIT
#include "reports/emit_formats.h"
#include "reports/output_check.h"

#include "reports/emit_docx.h"
#include "reports/emit_pdf.h"
#include "reports/emit_xlsx.h"

namespace lotse::reports {

std::optional<DocFormat> parse_doc_format(std::string_view s) {
  if (s == "docx") return DocFormat::docx;
  if (s == "xlsx") return DocFormat::xlsx;
  if (s == "pdf") return DocFormat::pdf;
  if (s == "poster") return DocFormat::poster;
  if (s == "csv") return DocFormat::csv;
  return std::nullopt;
}

std::string_view doc_extension(DocFormat f) {
  switch (f) {
  case DocFormat::docx: return "docx";
  case DocFormat::xlsx: return "xlsx";
  case DocFormat::pdf: return "pdf";
  case DocFormat::poster: return "poster.pdf";
  case DocFormat::csv: return "csv";
  }
  return "bin";
}

namespace {

std::string emit_unchecked(const doc::Document& d, DocFormat f, const EmitOptions& o) {
  switch (f) {
  case DocFormat::docx: return emit_docx(d, DocxOptions{o.docx_template});
  case DocFormat::xlsx: return emit_xlsx(d);
  case DocFormat::pdf: return emit_pdf(d);
  case DocFormat::poster: return emit_poster(d);
  case DocFormat::csv: return emit_csv(d, o.csv_excel_de);
  }
  return {};
}

} // namespace

std::string emit(const doc::Document& d, DocFormat f, const EmitOptions& o) {
  std::string out = emit_unchecked(d, f, o);
  if (f == DocFormat::docx || f == DocFormat::xlsx) check_output_text(out, OutputText::package, doc_extension(f));
  if (f == DocFormat::csv) check_output_text(out, OutputText::plain, "csv");
  return out;
}

} // namespace lotse::reports
