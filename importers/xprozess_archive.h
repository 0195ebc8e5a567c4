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
  enum class Status { ok, not_zip, no_entry, read_failed, too_large };
  Status status = Status::not_zip;
  std::vector<std::string> names;  ///< all entry names in archive order
  std::string name;                ///< the chosen entry
  std::string bytes;               ///< its uncompressed content
  std::string error;               ///< libzip's message when status is not ok
};
/// An entry may expand at most this many times its compressed size once it is larger than
/// max_ratio_floor (1 MB): real exports compress 5-50-fold, the ZIP bombs of issue #16 about 1,000-fold.
inline constexpr std::size_t max_ratio = 200;
/// The largest model file taken out of a ZIP archive (real models are a few MB).
inline constexpr std::size_t max_entry_bytes = std::size_t{64} << 20;
inline constexpr std::size_t max_ratio_floor = std::size_t{1} << 20;

/// Opens `zip` in memory and extracts the model file: the first entry ending in .xml, .bpmn or .bpmn20.xml
/// (an entry whose name contains "BPMN" wins). Entries larger than `max_bytes` (64 MB: real models are
/// a few MB; a ZIP bomb stops there, inflated in 64 KB steps) or expanding more than max_ratio-fold are
/// refused with Status::too_large.
[[nodiscard]] ZipExtract extract_model_file(std::string_view zip, std::size_t max_bytes = max_entry_bytes);

} // namespace lotse::importers::xprozess
