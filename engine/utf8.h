// SPDX-License-Identifier: MIT
// UTF-8 validity, the one place it is decided. Every string that reaches a writer must be valid UTF-8
// (JSON, XML and DOCX writers refuse anything else); importers decode to UTF-8, and text that did
// not pass through a decoder (library error messages quoting raw bytes, file names from argv) is
// repaired here with U+FFFD.
#pragma once

#include <cstddef>
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

} // namespace lotse::engine
