// SPDX-License-Identifier: MIT
// UTF-8 validity, the one place it is decided. Every string that reaches a writer must be valid UTF-8
// (JSON, XML and DOCX writers refuse anything else); importers decode to UTF-8, and text that did
// not pass through a decoder (library error messages quoting raw bytes, file names from argv) is
// repaired here with U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lotse::engine {

/// Length of the valid UTF-8 sequence starting at s[i] (1..4), or 0 if the bytes there are not one
/// (overlong forms, surrogates and code points above U+10FFFF are invalid). Requires i < s.size().
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// True if every byte belongs to a valid UTF-8 sequence.
[[nodiscard]] bool is_valid_utf8(std::string_view s);

/// The text with every byte that is not part of a valid sequence replaced by U+FFFD; valid input is
/// returned unchanged.
[[nodiscard]] std::string to_valid_utf8(std::string_view s);

/// True for a code point that XML 1.0 does not allow as a character (C0 controls other than tab, LF
/// and CR; surrogates; U+FFFE and U+FFFF; anything above U+10FFFF) or that Unicode reserves as a
/// noncharacter (U+FDD0..U+FDEF and U+nFFFE/U+nFFFF of every plane). Importers replace them with
/// U+FFFD, so no writer meets one (docs/limits.md, "Text").
[[nodiscard]] constexpr bool is_forbidden_char(std::uint32_t cp) {
  if (cp < 0x20) return cp != 0x09 && cp != 0x0A && cp != 0x0D;
  if (cp >= 0xD800 && cp <= 0xDFFF) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE || cp > 0x10FFFF;
}

/// Offset of the first forbidden character (is_forbidden_char) in valid UTF-8 `s` at or after
/// `from`, or std::string_view::npos.
[[nodiscard]] std::size_t find_forbidden_char(std::string_view s, std::size_t from = 0);

/// Replaces every forbidden character of valid UTF-8 `s` with U+FFFD; returns how many were replaced.
std::size_t replace_forbidden_chars(std::string& s);

/// Code points of UTF-8 `s` (continuation bytes not counted): what Excel and label widths count.
[[nodiscard]] std::size_t utf8_length(std::string_view s);
/// The first `code_points` code points of UTF-8 `s` (all of it if shorter), nothing appended.
[[nodiscard]] std::string utf8_prefix(std::string_view s, std::size_t code_points);

/// At most `max_bytes` bytes of `s`, cut at a UTF-8 character boundary, with "…" appended when cut.
[[nodiscard]] std::string cut_utf8(std::string_view s, std::size_t max_bytes);

/// Appends code point `cp` (at most U+10FFFF) as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

/// The code point of a windows-1252 byte (ISO-8859-1 with typographic characters in 0x80..0x9F; the
/// five undefined bytes give U+FFFD).
[[nodiscard]] std::uint32_t windows1252_code_point(unsigned char c);

/// A file name (or other text from outside: argv, the environment) made fit for reports and JSON:
/// valid UTF-8 is kept, every other byte is read as windows-1252, the encoding of a German Windows
/// ANSI name ("Geb\xFChr.bpmn" -> "Gebühr.bpmn").
[[nodiscard]] std::string display_name(std::string_view s);

/// Text for a terminal: C0 controls (newline, escape, ...; tab too unless `keep_tab`) and DEL become
/// "\\x1B", C1 controls and the bidirectional overrides/isolates (U+202A-202E, U+2066-2069) become
/// "\\u202E", so a file or task name can neither colour the terminal nor forge a "file:1:1: Fehler" line.
/// Expects valid UTF-8 (display_name first for text from outside).
[[nodiscard]] std::string escape_controls(std::string_view s, bool keep_tab = false);

} // namespace lotse::engine
