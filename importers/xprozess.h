// SPDX-License-Identifier: MIT
// XProzess 2.0 (FIM) export: process catalogue, Aktivitaetengruppen, and the embedded BPMN (base64 ZIP).
#pragma once

#include "importers/importer.h"

namespace lotse::importers::xprozess {

/// True if the head of the file looks like this format (no diagnostics, no side effects).
[[nodiscard]] bool sniff(std::string_view head, std::string_view path);
/// Reads the whole input into a model plus diagnostics; never throws for bad input.
[[nodiscard]] ImportResult read(const engine::SourceFile& source);

} // namespace lotse::importers::xprozess
