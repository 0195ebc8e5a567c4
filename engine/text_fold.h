// SPDX-License-Identifier: MIT
// German text folding for matching names, keywords and attribute labels: one place for what used to be
// five slightly different loops (block types, PICTURE attributes, lexicon, time tables, channels).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lotse::engine {

/// Without the ASCII blanks (space, tab, CR, LF) at both ends: XML and CSV white space.
[[nodiscard]] std::string_view trim(std::string_view s);

/// What fold_german() does with a byte that is not an ASCII letter or digit, not part of a folded
/// German letter and not a blank (see fold_german()).
enum class FoldOther : std::uint8_t {
  keep,   ///< copied unchanged, byte for byte: "/", "(", "é", "€", invalid bytes
  blank,  ///< counts as a blank, i.e. separates words ("E-Akte" -> "e akte")
  drop,   ///< removed ("E-Akte" -> "eakte" when blanks are dropped too)
};

/// What fold_german() does with blanks.
enum class FoldBlanks : std::uint8_t {
  collapse,  ///< every run of blanks becomes one ' '; none at the start or the end
  drop,      ///< all removed
};

struct FoldOptions {
  FoldOther other = FoldOther::keep;
  FoldBlanks blanks = FoldBlanks::collapse;
  /// Further ASCII characters that count as blanks, e.g. "-_" so that "EDV-Eingabe" equals "EDV Eingabe".
  std::string_view extra_blanks{};
};

/// Folds UTF-8 text for comparison. Works byte by byte on UTF-8, never throws, never fails; the
/// result is valid UTF-8 whenever the input is (with FoldOther::blank/drop it is plain ASCII).
///
/// - German letters, UTF-8 only: ä Ä -> "ae", ö Ö -> "oe", ü Ü -> "ue", ß -> "ss" (the two-byte
///   sequences C3 A4/84, C3 B6/96, C3 BC/9C, C3 9F). Capital ẞ (U+1E9E) is not folded.
/// - ASCII 'A'-'Z' -> 'a'-'z'. No other case folding: "É" stays "É", it is an "other" byte sequence.
/// - Blanks: ASCII space, \t, \n, \v, \f, \r, the UTF-8 no-break space (C2 A0) and the characters in
///   `extra_blanks`; handled as `options.blanks` says.
/// - Every other byte, ASCII punctuation as well as non-German UTF-8 ("é" = C3 A9, "€") and invalid
///   bytes (a lone C3, C3 before an ASCII byte, Latin-1/windows-1252 bytes such as E4 for "ä"), is
///   handled as `options.other` says, each byte on its own. Latin-1 is NOT folded: importers decode
///   every input to UTF-8 before anything is matched (importers/text_decode.h).
[[nodiscard]] std::string fold_german(std::string_view text, const FoldOptions& options = {});

/// Key for exact lookups: only 'a'-'z' and '0'-'9' remain (blanks and other bytes dropped).
/// "Persönlich (Übergabe)" -> "persoenlichuebergabe", "Eingangskanal in %:" -> "eingangskanalin".
[[nodiscard]] std::string fold_key(std::string_view text);

/// Words: runs of 'a'-'z'/'0'-'9' separated by single blanks, everything else separates.
/// "Gebühr an der Straßen-Kasse" -> "gebuehr an der strassen kasse", "Café" -> "caf".
[[nodiscard]] std::string fold_words(std::string_view text);

} // namespace lotse::engine
