// SPDX-License-Identifier: MIT
#include "reports/output_check.h"

#include "engine/utf8.h"
#include "reports/zip_package.h"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace lotse::reports {
namespace {

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = engine::utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

bool is_markup_part(std::string_view name) {
  return name.size() >= 4 && (name.substr(name.size() - 4) == ".xml" || name.substr(name.size() - 5) == ".rels");
}

} // namespace

void check_output_text_always(std::string_view bytes, OutputText kind, std::string_view what) {
  if (kind == OutputText::package) {
    for (const auto& [name, data] : read_zip(bytes)) {
      if (is_markup_part(name)) check_output_text_always(data, OutputText::markup, std::string(what) + ":" + name);
    }
    return;
  }
  if (!engine::is_valid_utf8(bytes)) {
    throw std::logic_error(fmt::format("writer bug: {} is not valid UTF-8 at byte {}", what, first_invalid_utf8(bytes)));
  }
  if (kind != OutputText::markup) return;
  if (const std::size_t at = engine::find_forbidden_char(bytes); at != std::string_view::npos) {
    throw std::logic_error(fmt::format("writer bug: {} holds a character XML forbids at byte {}", what, at));
  }
}

} // namespace lotse::reports
