// SPDX-License-Identifier: MIT
// The embedded-file layer of XProzess 2.0: `inhalt` elements hold base64 text of a ZIP archive
// (e.g. "BPMN DI-Export.xml"). Base64 is decoded here; the ZIP is read with libzip (no own inflate).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::importers::xprozess {

/// Decoded bytes, or the index of the first character that is not valid base64 (whitespace is skipped).
struct Base64Result {
  std::string bytes;
  std::optional<std::size_t> error_at;  ///< offset into the input text
};
/// Decodes standard base64 (RFC 4648, '=' padding, line breaks and blanks allowed anywhere).
[[nodiscard]] Base64Result decode_base64(std::string_view text);

/// One file taken out of a ZIP archive.
struct ZipExtract {
  enum class Status { ok, not_zip, no_entry, read_failed };
  Status status = Status::not_zip;
  std::vector<std::string> names;  ///< all entry names in archive order
  std::string name;                ///< the chosen entry
  std::string bytes;               ///< its uncompressed content
  std::string error;               ///< libzip's message when status is not ok
};
/// Opens `zip` in memory and extracts the model file: the first entry ending in .xml, .bpmn or .bpmn20.xml
/// (an entry whose name contains "BPMN" wins). Entries larger than `max_bytes` (64 MB: real models are
/// a few MB; a ZIP bomb stops there, inflated in 64 KB steps) count as read failures.
[[nodiscard]] ZipExtract extract_model_file(std::string_view zip, std::size_t max_bytes = std::size_t{64} << 20);

} // namespace lotse::importers::xprozess
