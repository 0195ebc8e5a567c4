// SPDX-License-Identifier: MIT
// Spreadsheet text rules of reports/emit_xlsx.h that need no spreadsheet library.
#include "reports/emit_xlsx.h"

#include "engine/utf8.h"

#include <string>

namespace lotse::reports {

bool looks_like_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string sheet_name(std::string_view wanted) {
  std::string s;
  for (const char c : wanted) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) s += c;
  }
  // Excel also refuses a leading or trailing apostrophe.
  while (!s.empty() && s.front() == '\'') s.erase(s.begin());
  s = engine::utf8_prefix(s, 31);
  while (!s.empty() && (s.back() == '\'' || s.back() == ' ')) s.pop_back();
  return s.empty() ? std::string("Tabelle") : s;
}

} // namespace lotse::reports
