// SPDX-License-Identifier: MIT
// Building-block table (CSV as German Excel writes it): one row per PICTURE building block.
#pragma once

#include "importers/importer.h"

namespace lotse::importers::block_table {

/// True if the head of the file looks like this format (no diagnostics, no side effects).
[[nodiscard]] bool sniff(std::string_view head, std::string_view path);
/// Reads the whole input into a model plus diagnostics; never throws for bad input.
[[nodiscard]] ImportResult read(const engine::SourceFile& source);

} // namespace lotse::importers::block_table
