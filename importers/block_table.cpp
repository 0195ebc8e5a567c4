// SPDX-License-Identifier: MIT
// Placeholder until the importer lands: claims no file.
#include "importers/block_table.h"

namespace lotse::importers::block_table {

bool sniff(std::string_view, std::string_view) { return false; }

ImportResult read(const engine::SourceFile& source) {
  ImportResult r;
  r.diagnostics.add(engine::DiagId::in_unknown_format, source.path(), engine::SourceLocation{1, 1}, "");
  return r;
}

} // namespace lotse::importers::block_table
