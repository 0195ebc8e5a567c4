// SPDX-License-Identifier: MIT
// The tables of a document as CSV (`lotse analyze --format csv`): every table of the report (workload
// by step and by Stelle, media breaks, the measure package, ...) one after another, each headed by its
// caption, its header row and a row with the unit of each numeric column, separated by an empty line.
// Numbers are plain (no thousands separator, no unit word) so a spreadsheet reads them as numbers;
// percentages are percent values (60.2, not 0.602) under a "%" unit. Text cells never start a formula
// (escape_csv).
#include "reports/emit_formats.h"

#include "reports/emit_doc_common.h"
#include "reports/escape.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <type_traits>
#include <variant>

namespace lotse::reports {
namespace {

struct CsvStyle {
  char separator = ',';
  char decimal = '.';
  bool bom = false;
};

std::string number(const doc::Cell& c, const CsvStyle& st) {
  double v = c.value;
  int decimals = std::max(0, c.decimals);
  if (c.unit == doc::Unit::percent) v *= 100.0;
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s == "-0" || (s.rfind("-0.", 0) == 0 && s.find_first_not_of("-0.") == std::string::npos)) s.erase(0, 1);
  if (st.decimal != '.') std::replace(s.begin(), s.end(), '.', st.decimal);
  return s;
}

std::string cell(const doc::Cell& c, engine::Lang lang, const CsvStyle& st) {
  switch (c.kind) {
  case doc::Cell::Kind::empty: return {};
  case doc::Cell::Kind::number: return number(c, st);
  case doc::Cell::Kind::text: return escape_csv(doc::plain_text(c.text, lang), st.separator);
  }
  return {};
}

void row(std::string& out, const std::vector<std::string>& fields, const CsvStyle& st) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += st.separator;
    out += fields[i];
  }
  out += "\r\n";
}

void table(std::string& out, const doc::Table& t, const std::string& heading, engine::Lang lang, const CsvStyle& st) {
  if (!out.empty() && out != "\xEF\xBB\xBF") out += "\r\n";
  row(out, {escape_csv(!t.caption.empty() ? t.caption : !heading.empty() ? heading : t.id, st.separator)}, st);
  std::vector<std::string> header, units;
  bool any_unit = false;
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    header.push_back(escape_csv(t.columns[k].header, st.separator));
    // The unit of a numeric column, from its first number cell.
    std::string unit;
    for (const auto& r : t.rows) {
      if (k < r.size() && r[k].kind == doc::Cell::Kind::number) {
        unit = std::string(doc::unit_suffix(r[k].unit, lang));
        break;
      }
    }
    any_unit = any_unit || !unit.empty();
    units.push_back(escape_csv(unit, st.separator));
  }
  row(out, header, st);
  if (any_unit) row(out, units, st);
  const auto body = [&](const std::vector<doc::Cell>& cells) {
    std::vector<std::string> fields;
    for (std::size_t k = 0; k < t.columns.size(); ++k) fields.push_back(k < cells.size() ? cell(cells[k], lang, st) : "");
    row(out, fields, st);
  };
  for (const auto& r : t.rows) body(r);
  if (t.total) body(*t.total);
}

} // namespace

std::string emit_csv(const doc::Document& d, bool excel_de) {
  const CsvStyle st = excel_de ? CsvStyle{';', ',', true} : CsvStyle{',', '.', false};
  std::string out = st.bom ? "\xEF\xBB\xBF" : "";
  std::string heading;  // a table without caption is named by the heading above it
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) heading = doc::plain_text(h->text, d.meta.lang);
    if (const auto* t = std::get_if<doc::Table>(&b)) table(out, *t, heading, d.meta.lang, st);
  }
  return out;
}

} // namespace lotse::reports
