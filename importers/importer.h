// SPDX-License-Identifier: MIT
// The importer interface and registry. An importer is a namespace with two functions:
//   bool sniff(std::string_view head, std::string_view path)  -- "is this mine?", no diagnostics
//   ImportResult read(const engine::SourceFile&)               -- bytes -> model + diagnostics
// registered by one line in importers.def (GDAL's Identify/Open split, LLVM's .def registries).
#pragma once

#include "engine/diagnostics.h"
#include "engine/model.h"
#include "engine/source_file.h"

#include <optional>
#include <span>
#include <cstddef>
#include <string>
#include <string_view>

namespace lotse::importers {

/// A model (possibly with warnings) or none (then `diagnostics` holds at least one error).
struct ImportResult {
  std::optional<engine::ProcessModel> model;
  engine::Diagnostics diagnostics;
  explicit operator bool() const { return model.has_value(); }
};

struct ImporterInfo {
  std::string_view id;
  std::string_view name;
  std::string_view extensions;
  bool (*sniff)(std::string_view head, std::string_view path);
  ImportResult (*read)(const engine::SourceFile&);
};


/// Whether `needle` occurs in `haystack` (glibc's memmem: sniffers scan 4 KiB heads of every file).
[[nodiscard]] bool contains(std::string_view haystack, std::string_view needle);

/// All importers in registry order.
[[nodiscard]] std::span<const ImporterInfo> all_importers();
/// The importer that claims this file (by content first, extension as a tie-breaker), or null.
[[nodiscard]] const ImporterInfo* find_importer(std::string_view head, std::string_view path);
/// Imports bytes already in memory: sniff, read, and turn any escaping exception into IN-099.
[[nodiscard]] ImportResult import_source(const engine::SourceFile& source);
/// Largest input read by default (`--max-input-mb`, docs/limits.md): 256 MB.
inline constexpr std::size_t default_max_input_bytes = std::size_t{256} << 20;

/// Reads a file and imports it; an unreadable file, or one larger than `max_bytes` (also a device such
/// as /dev/zero that never ends), gives IN-001 and no model. Never throws.
[[nodiscard]] ImportResult import_file(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

} // namespace lotse::importers
