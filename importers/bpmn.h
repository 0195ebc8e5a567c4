// SPDX-License-Identifier: MIT
// BPMN 2.0 XML from any modeller (definitions root, any prefix), with DI and vendor/simulation extensions.
#pragma once

#include "importers/importer.h"

namespace lotse::importers::bpmn {

/// True if the head of the file looks like this format (no diagnostics, no side effects).
[[nodiscard]] bool sniff(std::string_view head, std::string_view path);
/// Reads the whole input into a model plus diagnostics; never throws for bad input.
[[nodiscard]] ImportResult read(const engine::SourceFile& source);

} // namespace lotse::importers::bpmn
