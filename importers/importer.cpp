// SPDX-License-Identifier: MIT
#include "importers/importer.h"

#include "importers/block_table.h"
#include "importers/bpmn.h"
#include "importers/picture.h"
#include "importers/xprozess.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>
#include <vector>

namespace lotse::importers {
namespace {

constexpr std::array registry{
#define LOTSE_IMPORTER(ns, name, ext, sniff_fn, read_fn) ImporterInfo{#ns, name, ext, &sniff_fn, &read_fn},
#include "importers/importers.def"
#undef LOTSE_IMPORTER
};

} // namespace

bool contains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  return ::memmem(haystack.data(), haystack.size(), needle.data(), needle.size()) != nullptr;
}

std::span<const ImporterInfo> all_importers() { return registry; }

const ImporterInfo* find_importer(std::string_view head, std::string_view path) {
  for (const auto& info : registry) {
    if (info.sniff(head, path)) return &info;
  }
  return nullptr;
}

ImportResult import_source(const engine::SourceFile& source) {
  const std::string_view head = source.bytes().substr(0, 4096);
  const ImporterInfo* importer = find_importer(head, source.path());
  if (importer == nullptr) {
    ImportResult r;
    if (source.bytes().empty()) {
      r.diagnostics.add(engine::DiagId::in_empty, source.path(), engine::SourceLocation{1, 1}, "");
    } else {
      r.diagnostics.add(engine::DiagId::in_unknown_format, source.path(), engine::SourceLocation{1, 1}, "");
    }
    return r;
  }
  try {
    return importer->read(source);
  } catch (const std::exception& e) {
    ImportResult r;
    r.diagnostics.add(engine::DiagId::in_internal, source.path(), {}, "", {e.what()});
    return r;
  }
}

namespace {

/// "> 256 MB (--max-input-mb)": the IN-001 argument for an input over the limit (language-neutral).
std::string too_large(std::size_t max_bytes) { return "> " + std::to_string(max_bytes >> 20) + " MB (--max-input-mb)"; }

} // namespace

ImportResult import_file(const std::string& path, std::size_t max_bytes) {
  ImportResult r;
  std::error_code ec;
  // A regular file is measured before it is read; anything else (a device, a pipe) is read only up to
  // the limit, so `lotse stats /dev/zero` ends.
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > max_bytes && !ec) {
    r.diagnostics.add(engine::DiagId::in_unreadable, path, {}, "", {too_large(max_bytes)});
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.diagnostics.add(engine::DiagId::in_unreadable, path, {}, "",
                      {std::system_error(errno ? errno : ENOENT, std::generic_category()).code().message()});
    return r;
  }
  std::string bytes;
  // 64 KiB, not zero-filled: a zeroed 1 MB buffer cost 256 page faults on every start (1.5 ms).
  constexpr std::size_t chunk_size = std::size_t{1} << 16;
  const std::unique_ptr<char[]> chunk(new char[chunk_size]);
  while (in) {
    in.read(chunk.get(), static_cast<std::streamsize>(chunk_size));
    bytes.append(chunk.get(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      r.diagnostics.add(engine::DiagId::in_unreadable, path, {}, "", {too_large(max_bytes)});
      return r;
    }
  }
  if (in.bad()) {
    r.diagnostics.add(engine::DiagId::in_unreadable, path, {}, "", {std::system_error(EIO, std::generic_category()).code().message()});
    return r;
  }
  try {
    return import_source(engine::SourceFile(path, std::move(bytes)));
  } catch (const std::system_error& e) {
    r.diagnostics.add(engine::DiagId::in_unreadable, path, {}, "", {e.code().message()});
    return r;
  }
}

} // namespace lotse::importers
