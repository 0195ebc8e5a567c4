// SPDX-License-Identifier: MIT
// A copy of the shipped data set in a temp folder, for tests that remove or break one table.
#pragma once

#include "tests/support/paths.h"

#include <filesystem>
#include <fstream>
#include <string>

namespace lotse::test {

inline std::string data_dir() { return source_dir() + "/data"; }

/// data/ copied to a fresh temp folder named after `name`; the caller removes it.
inline std::filesystem::path data_copy(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("lotse-data-" + name);
  fs::remove_all(dir);
  fs::copy(data_dir(), dir, fs::copy_options::recursive);
  return dir;
}

/// Replaces (or creates) `file` in `dir` with `text`.
inline void write_file(const std::filesystem::path& dir, const std::string& file, const std::string& text) {
  std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << text;
}

} // namespace lotse::test
