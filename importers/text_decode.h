// SPDX-License-Identifier: MIT
// Decoding input bytes to UTF-8 the way an XML processor (or Excel's CSV export) needs: BOM first,
// then the encoding named in the XML declaration, else UTF-8. ISO-8859-1, windows-1252 and UTF-16 are
// converted; Latin-1 bytes in a file declared UTF-8 are read as Latin-1 with a diagnostic.
// Line breaks are kept, so line numbers of the decoded text equal those of the file. The result is
// always valid UTF-8 in Unicode NFC (utf8proc); columns count the normalised text.
#pragma once

#include "engine/diagnostics.h"
#include "engine/source_file.h"

#include <string>
#include <string_view>

namespace lotse::importers {

struct DecodedText {
  std::string utf8;
  std::string encoding;  ///< what was used: "utf-8", "utf-16le", "iso-8859-1", "windows-1252", ...
  bool had_bom = false;
  bool had_invalid_utf8 = false;
};

/// Decodes an XML document (encoding from BOM or declaration). Adds IN-005/IN-006 to `diags`.
[[nodiscard]] DecodedText decode_xml(const engine::SourceFile& raw, engine::Diagnostics& diags);
/// Decodes a text file without declaration (CSV): BOM, else valid UTF-8, else windows-1252.
[[nodiscard]] DecodedText decode_text(const engine::SourceFile& raw);
/// Converts windows-1252 (a superset of ISO-8859-1's printable range) to UTF-8.
[[nodiscard]] std::string windows1252_to_utf8(std::string_view bytes);
/// True if the bytes are valid UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);
/// False when valid UTF-8 `text` is certainly NFC already (a quick scan; ASCII and precomposed letters).
[[nodiscard]] bool may_change_under_nfc(std::string_view text);
/// Valid UTF-8 `text` in Unicode Normalization Form C.
[[nodiscard]] std::string to_nfc(std::string text);

} // namespace lotse::importers
