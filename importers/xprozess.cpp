// SPDX-License-Identifier: MIT
// Placeholder until the importer lands: claims no file.
#include "importers/xprozess.h"

namespace lotse::importers::xprozess {

bool sniff(std::string_view, std::string_view) { return false; }

ImportResult read(const engine::SourceFile& source) {
  ImportResult r;
  r.diagnostics.add(engine::DiagId::in_unknown_format, source.path(), engine::SourceLocation{1, 1}, "");
  return r;
}

} // namespace lotse::importers::xprozess
