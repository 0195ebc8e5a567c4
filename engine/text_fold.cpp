// SPDX-License-Identifier: MIT
#include "engine/text_fold.h"

namespace lotse::engine {

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}
namespace {

/// The folded form of the UTF-8 sequence C3 `second`, or nullptr when it is no German letter.
const char* german_letter(unsigned char second) {
  switch (second) {
  case 0xA4: case 0x84: return "ae";  // ä Ä
  case 0xB6: case 0x96: return "oe";  // ö Ö
  case 0xBC: case 0x9C: return "ue";  // ü Ü
  case 0x9F: return "ss";             // ß
  default: return nullptr;
  }
}

bool ascii_blank(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

} // namespace

std::string fold_german(std::string_view text, const FoldOptions& options) {
  std::string out;
  out.reserve(text.size() + 4);
  const bool collapse = options.blanks == FoldBlanks::collapse;
  bool pending_blank = false;  // a blank run was seen since the last output; written before the next output
  auto start_output = [&] {
    if (pending_blank && !out.empty()) out += ' ';
    pending_blank = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      if (const char* rep = german_letter(static_cast<unsigned char>(text[i + 1]))) {
        start_output();
        out.append(rep, 2);
        ++i;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // no-break space
      pending_blank = pending_blank || collapse;
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      start_output();
      out += static_cast<char>(c - 'A' + 'a');
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      start_output();
      out += static_cast<char>(c);
      continue;
    }
    if (ascii_blank(c) || (c < 0x80 && options.extra_blanks.find(static_cast<char>(c)) != std::string_view::npos)) {
      pending_blank = pending_blank || collapse;
      continue;
    }
    switch (options.other) {
    case FoldOther::keep:
      start_output();
      out += static_cast<char>(c);
      break;
    case FoldOther::blank: pending_blank = pending_blank || collapse; break;
    case FoldOther::drop: break;
    }
  }
  return out;
}

std::string fold_key(std::string_view text) {
  return fold_german(text, {.other = FoldOther::drop, .blanks = FoldBlanks::drop});
}

std::string fold_words(std::string_view text) {
  return fold_german(text, {.other = FoldOther::blank, .blanks = FoldBlanks::collapse});
}

} // namespace lotse::engine
