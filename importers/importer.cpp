// SPDX-License-Identifier: MIT
#include "importers/importer.h"

#include "importers/block_table.h"
#include "importers/bpmn.h"
#include "importers/picture.h"
#include "importers/xprozess.h"

#include <array>
#include <cstring>
#include <exception>
#include <system_error>

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

ImportResult import_file(const std::string& path) {
  try {
    return import_source(engine::SourceFile::read(path));
  } catch (const std::system_error& e) {
    ImportResult r;
    r.diagnostics.add(engine::DiagId::in_unreadable, path, {}, "", {e.code().message()});
    return r;
  }
}

} // namespace lotse::importers
