// SPDX-License-Identifier: MIT
// Where tests find the source tree, the build tree and ../shared. Tests that need ../shared call
// shared_dir_or_skip(): in CI (CI=true) a missing folder fails loudly, elsewhere the test is skipped
// with a message.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace lotse::test {

inline std::string source_dir() { return LOTSE_SOURCE_DIR; }
inline std::string binary_dir() { return LOTSE_BINARY_DIR; }
inline std::string sample(const std::string& name) { return source_dir() + "/samples/" + name; }

/// The shared/ folder, or "" when missing outside CI (the caller returns early after a WARN).
inline std::string shared_dir_or_skip() {
  std::string dir = LOTSE_SHARED_DIR;
  if (const char* env = std::getenv("LOTSE_SHARED_DIR"); env && *env) dir = env;
  if (std::filesystem::is_directory(dir)) return dir;
  const char* ci = std::getenv("CI");
  if (ci && std::string(ci) == "true") {
    FAIL("shared folder missing in CI: " << dir);
  }
  WARN("skipped: shared folder not found at " << dir);
  return {};
}

} // namespace lotse::test
