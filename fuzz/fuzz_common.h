// SPDX-License-Identifier: MIT
// Shared by the libFuzzer harnesses in fuzz/: the bytes libFuzzer gives as a SourceFile, and the one
// rule every harness checks besides "no crash, no sanitizer report": an importer that returns no
// model must have said why (an error diagnostic).
#pragma once

#include "engine/source_file.h"
#include "importers/importer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace lotse::fuzz {

inline engine::SourceFile source(const std::uint8_t* data, std::size_t size, const char* name) {
  return engine::SourceFile(name, std::string(reinterpret_cast<const char*>(data), size));
}

/// A rejected input without an error diagnostic would leave the user without a reason: abort so
/// libFuzzer records it as a crash.
inline void check_result(const importers::ImportResult& r) {
  if (!r.model && !r.diagnostics.has_errors()) std::abort();
}

} // namespace lotse::fuzz
