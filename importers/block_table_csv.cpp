// SPDX-License-Identifier: MIT
// A small RFC 4180 reader with Excel's habits (semicolons, CRLF, optional quotes).
#include "importers/block_table_csv.h"

#include <array>

namespace lotse::importers::block_table {

char detect_delimiter(std::string_view text) {
  std::string_view line;
  std::size_t pos = 0;
  std::string_view first;
  while (pos < text.size()) {
    const auto end = text.find('\n', pos);
    const std::string_view l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (first.empty() && !l.empty()) first = l;
    if (l.find("Baustein") != std::string_view::npos) {
      line = l;
      break;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  if (line.empty()) line = first;
  constexpr std::array<char, 3> candidates{';', '\t', ','};
  std::array<int, 3> counts{};
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (c == candidates[i]) ++counts[i];
    }
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < candidates.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return candidates[best];
}

CsvTable parse_csv(std::string_view text, char delimiter) {
  CsvTable table;
  table.delimiter = delimiter;
  std::uint32_t line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool quoted = false;
    bool record_done = false;
    std::uint32_t quote_line = line;
    while (i < text.size() && !record_done) {
      const char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          if (c == '\n') ++line;
          if (c != '\r') field += c;
        }
        ++i;
        continue;
      }
      if (c == '"') {
        quoted = true;
        quote_line = line;
      } else if (c == delimiter) {
        rec.fields.push_back(std::move(field));
        field.clear();
      } else if (c == '\n') {
        ++line;
        record_done = true;
      } else if (c != '\r') {
        field += c;
      }
      ++i;
    }
    if (quoted && !table.unclosed_quote) table.unclosed_quote = quote_line;
    rec.fields.push_back(std::move(field));
    bool blank = true;
    for (const auto& f : rec.fields) {
      if (f.find_first_not_of(" \t") != std::string::npos) blank = false;
    }
    if (!blank) table.records.push_back(std::move(rec));
  }
  return table;
}

} // namespace lotse::importers::block_table
