// SPDX-License-Identifier: MIT
// Legacy PICTURE XML export (2009 schema, ns2:pictureExport): Teilprozesse, Varianten, building blocks.
#pragma once

#include "importers/importer.h"

namespace lotse::importers::picture {

/// True if the head of the file looks like this format (no diagnostics, no side effects).
[[nodiscard]] bool sniff(std::string_view head, std::string_view path);
/// Reads the whole input into a model plus diagnostics; never throws for bad input.
[[nodiscard]] ImportResult read(const engine::SourceFile& source);

} // namespace lotse::importers::picture
