// SPDX-License-Identifier: MIT
#include "importers/text_decode.h"

#include "engine/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace lotse::importers {
namespace {

using engine::append_utf8;

std::uint32_t cp1252(unsigned char c) { return engine::windows1252_code_point(c); }

using engine::utf8_sequence_length;

std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const std::uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string declared_encoding(std::string_view head) {
  std::size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (head.substr(i, 5) != "<?xml") return {};
  const std::size_t end = head.find("?>", i);
  const std::string_view decl = head.substr(i, end == std::string_view::npos ? head.size() - i : end - i);
  const std::size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return {};
  std::size_t q = decl.find_first_of("\"'", pos);
  if (q == std::string_view::npos) return {};
  const char quote = decl[q];
  const std::size_t close = decl.find(quote, q + 1);
  if (close == std::string_view::npos) return {};
  return lower(decl.substr(q + 1, close - q - 1));
}

} // namespace

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t run = i;  // copy ASCII runs in one piece
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.append(bytes.substr(i, run - i));
    if (run == bytes.size()) break;
    append_utf8(out, cp1252(static_cast<unsigned char>(bytes[run])));
    i = run + 1;
  }
  return out;
}

bool is_valid_utf8(std::string_view bytes) { return engine::is_valid_utf8(bytes); }

namespace {

/// True when code point `cp` is not certainly NFC-stable on its own: NFC_Quick_Check is "No" or
/// "Maybe" only for combining marks, composition exclusions, singletons (a canonical decomposition to
/// one other character, such as the Ångström sign) and conjoining Hangul jamo; precomposed letters
/// such as "ä" decompose and compose back to themselves.
bool unstable_code_point(utf8proc_int32_t cp) {
  const utf8proc_property_t* prop = utf8proc_get_property(cp);
  if (prop->combining_class != 0 || prop->comp_exclusion || (cp >= 0x1100 && cp <= 0x11FF)) return true;
  if (prop->decomp_seqindex == UINT16_MAX || prop->decomp_type != 0) return false;
  utf8proc_int32_t parts[8];
  int last_boundclass = 0;
  const utf8proc_ssize_t k = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, &last_boundclass);
  if (k <= 0 || k > 8) return true;
  const utf8proc_ssize_t m = utf8proc_normalize_utf32(parts, k, static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  return m != 1 || parts[0] != cp;
}

/// unstable_code_point for U+0000..U+2FFF (Latin, Greek, Cyrillic, punctuation, symbols), computed once.
constexpr utf8proc_int32_t table_end = 0x3000;
const std::vector<bool>& unstable_table() {
  static const std::vector<bool> table = [] {
    std::vector<bool> t(table_end);
    for (utf8proc_int32_t cp = 0x80; cp < table_end; ++cp) t[static_cast<std::size_t>(cp)] = unstable_code_point(cp);
    return t;
  }();
  return table;
}

} // namespace

bool may_change_under_nfc(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto n = static_cast<utf8proc_ssize_t>(text.size());
  const std::vector<bool>* table = nullptr;
  for (utf8proc_ssize_t i = 0; i < n;) {
    // ASCII eight bytes at a time: most of a model file.
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) return true;
    i += len;
    if (cp < table_end) {
      if (table == nullptr) table = &unstable_table();
      if ((*table)[static_cast<std::size_t>(cp)]) return true;
    } else if (unstable_code_point(cp)) {
      return true;
    }
  }
  return false;
}

std::string to_nfc(std::string text) {
  if (!may_change_under_nfc(text)) return text;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (len < 0) return text;  // not reached for valid UTF-8
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
  std::free(mapped);
  return out;
}

namespace {

/// Every decoded text is valid UTF-8 (stray bytes of a mislabelled or unknown encoding become
/// U+FFFD) and in Unicode NFC, so "Gebühr" typed on macOS (u + combining diaeresis) and on Windows
/// (precomposed ü) are the same name for the lexicon, the tables and every writer.
DecodedText finish(DecodedText d) {
  if (!engine::is_valid_utf8(d.utf8)) {
    d.utf8 = engine::to_valid_utf8(d.utf8);
    d.had_invalid_utf8 = true;
  }
  d.utf8 = to_nfc(std::move(d.utf8));
  return d;
}

DecodedText decode_xml_bytes(const engine::SourceFile& raw, engine::Diagnostics& diags) {
  std::string_view bytes = raw.bytes();
  DecodedText result;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
    result.had_bom = true;
    result.encoding = "utf-16le";
    result.utf8 = utf16_to_utf8(bytes.substr(2), true);
    return result;
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF) {
    result.had_bom = true;
    result.encoding = "utf-16be";
    result.utf8 = utf16_to_utf8(bytes.substr(2), false);
    return result;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    result.had_bom = true;
    bytes.remove_prefix(3);
  }
  // UTF-16 without BOM: "<\0?\0" or "\0<\0?".
  if (!result.had_bom && bytes.size() >= 4 && bytes[0] == '<' && bytes[1] == '\0') {
    result.encoding = "utf-16le";
    result.utf8 = utf16_to_utf8(bytes, true);
    return result;
  }
  if (!result.had_bom && bytes.size() >= 4 && bytes[0] == '\0' && bytes[1] == '<') {
    result.encoding = "utf-16be";
    result.utf8 = utf16_to_utf8(bytes, false);
    return result;
  }
  std::string label = result.had_bom ? "utf-8" : declared_encoding(bytes.substr(0, 300));
  if (label.empty()) label = "utf-8";
  if (label == "utf-8" || label == "utf8" || label == "us-ascii" || label == "ascii") {
    result.encoding = "utf-8";
    if (is_valid_utf8(bytes)) {
      result.utf8.assign(bytes);
      return result;
    }
    result.had_invalid_utf8 = true;
    std::size_t first_bad = bytes.size();
    result.utf8.reserve(bytes.size() + 16);
    for (std::size_t i = 0; i < bytes.size();) {
      const std::size_t n = utf8_sequence_length(bytes, i);
      if (n == 0) {
        if (first_bad == bytes.size()) first_bad = i;
        append_utf8(result.utf8, cp1252(static_cast<unsigned char>(bytes[i])));
        ++i;
      } else {
        result.utf8.append(bytes.substr(i, n));
        i += n;
      }
    }
    const std::size_t offset = first_bad + (raw.bytes().size() - bytes.size());
    diags.add(engine::DiagId::in_invalid_utf8, raw.path(), raw.locate(offset), "");
    return result;
  }
  if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "iso8859-1" ||
      label == "windows-1252" || label == "cp1252" || label == "iso-8859-15") {
    // WHATWG (and thus the reference parser) reads ISO-8859-1 as windows-1252.
    result.encoding = label == "iso-8859-15" ? "iso-8859-15" : "windows-1252";
    result.utf8 = windows1252_to_utf8(bytes);
    return result;
  }
  if (label == "utf-16" || label == "utf-16le" || label == "utf-16be") {
    // Declared UTF-16 but bytes are 8-bit (no NULs): tools mislabel; read as UTF-8.
    result.encoding = "utf-8";
    result.utf8.assign(bytes);
    return result;
  }
  diags.add(engine::DiagId::in_unsupported_encoding, raw.path(), engine::SourceLocation{1, 1}, "", {label});
  result.encoding = "utf-8";
  result.utf8.assign(bytes);
  return result;
}

DecodedText decode_text_bytes(const engine::SourceFile& raw) {
  std::string_view bytes = raw.bytes();
  DecodedText result;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    result.had_bom = true;
    result.encoding = "utf-8";
    result.utf8.assign(bytes.substr(3));
    return result;
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
    result.had_bom = true;
    result.encoding = "utf-16le";
    result.utf8 = utf16_to_utf8(bytes.substr(2), true);
    return result;
  }
  if (is_valid_utf8(bytes)) {
    result.encoding = "utf-8";
    result.utf8.assign(bytes);
    return result;
  }
  result.encoding = "windows-1252";
  result.utf8 = windows1252_to_utf8(bytes);
  return result;
}

} // namespace

DecodedText decode_xml(const engine::SourceFile& raw, engine::Diagnostics& diags) {
  return finish(decode_xml_bytes(raw, diags));
}

DecodedText decode_text(const engine::SourceFile& raw) { return finish(decode_text_bytes(raw)); }

} // namespace lotse::importers
