// SPDX-License-Identifier: MIT
#include "engine/utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace lotse::engine {
namespace {

// windows-1252 0x80..0x9F; 0 marks the five undefined bytes (mapped to U+FFFD).
constexpr std::array<std::uint16_t, 32> cp1252_high{
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/// `s` with every byte that is not part of a valid UTF-8 sequence replaced by what `on_bad` appends;
/// valid input is returned unchanged.
template <class OnBad>
std::string repaired(std::string_view s, OnBad on_bad) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      on_bad(out, static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

} // namespace

namespace {

/// True when the 32 bytes at p are ASCII without a forbidden control character (a loop the compiler
/// vectorises: the corpus import reads every byte of every file through here).
bool plain_block(const unsigned char* p) {
  unsigned char high = 0, bad = 0;
  for (int k = 0; k < 32; ++k) {
    const unsigned char c = p[k];
    high |= c;
    bad |= static_cast<unsigned char>((c < 0x20) & (c != 0x09) & (c != 0x0A) & (c != 0x0D));
  }
  return (high & 0x80) == 0 && bad == 0;
}

} // namespace

std::size_t find_forbidden_char(std::string_view s, std::size_t from) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = from;
  while (i < s.size()) {
    if (s.size() - i >= 32 && plain_block(b + i)) {
      i += 32;
      continue;
    }
    const std::size_t stop = std::min(s.size(), i + 32);
    while (i < stop) {  // one block byte by byte (a sequence may end beyond it)
      const unsigned char c = b[i];
      if (c < 0x80) {
        if (c < 0x20 && is_forbidden_char(c)) return i;
        ++i;
        continue;
      }
      const std::size_t n = utf8_sequence_length(s, i);
      if (n >= 3) {  // two-byte sequences (U+0080..U+07FF) hold no forbidden character
        std::uint32_t cp = c & (n == 3 ? 0x0Fu : 0x07u);
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b[i + k] & 0x3Fu);
        if (is_forbidden_char(cp)) return i;
      }
      i += n == 0 ? 1 : n;
    }
  }
  return std::string_view::npos;
}

std::size_t replace_forbidden_chars(std::string& s) {
  std::size_t at = find_forbidden_char(s);
  if (at == std::string_view::npos) return 0;
  std::string out(s, 0, at);
  std::size_t count = 0;
  while (at != std::string_view::npos) {
    const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(s, at));
    out += "\xEF\xBF\xBD";
    ++count;
    const std::size_t next = find_forbidden_char(s, at + n);
    out.append(s, at + n, (next == std::string_view::npos ? s.size() : next) - (at + n));
    at = next;
  }
  s = std::move(out);
  return count;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string utf8_prefix(std::string_view s, std::size_t code_points) {
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == code_points) break;
  }
  return std::string(s.substr(0, i));
}

std::string cut_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) --cut;  // not inside a character
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::uint32_t windows1252_code_point(unsigned char c) {
  if (c >= 0x80 && c < 0xA0) {
    const std::uint16_t m = cp1252_high[c - 0x80];
    return m ? m : 0xFFFD;
  }
  return c;
}

std::string escape_controls(std::string_view s, bool keep_tab) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      if (c == '\t' && keep_tab) {
        out += '\t';
      } else {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
      ++i;
      continue;
    }
    const std::size_t n = c < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (n == 0) {  // not UTF-8: escaped byte by byte
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    if (n == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    if (n == 3) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    }
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string display_name(std::string_view s) {
  return repaired(s, [](std::string& out, unsigned char c) { append_utf8(out, windows1252_code_point(c)); });
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  std::uint32_t min = 0;
  if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
  else return 0;
  if (i + len > s.size()) return 0;
  std::uint32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string to_valid_utf8(std::string_view s) {
  return repaired(s, [](std::string& out, unsigned char) { out += "\xEF\xBF\xBD"; });
}

} // namespace lotse::engine
