// SPDX-License-Identifier: MIT
// CSV as German Excel writes it: ';' (or ',' / tab, detected from the header line), fields in double
// quotes with "" as an escaped quote and line breaks allowed inside quotes. Each record remembers the
// file line it starts on, so diagnostics can say "Zeile 7".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::importers::block_table {

struct CsvRecord {
  std::uint32_t line = 0;            ///< 1-based line where the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  char delimiter = ';';
  std::vector<CsvRecord> records;    ///< blank lines are left out
  std::optional<std::uint32_t> unclosed_quote;  ///< line of a quote that never closes
};

/// The delimiter of the header line (the first line mentioning "Baustein", else the first line):
/// whichever of ';', tab, ',' occurs most often outside quotes; ';' on a tie.
[[nodiscard]] char detect_delimiter(std::string_view text);
/// Splits decoded UTF-8 text into records.
[[nodiscard]] CsvTable parse_csv(std::string_view text, char delimiter);

} // namespace lotse::importers::block_table
