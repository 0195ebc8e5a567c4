// SPDX-License-Identifier: MIT
// Where tests find the source tree, the build tree and ../shared.
//
// A test that needs ../shared calls require_shared() and carries the Catch2 tag [shared] (CTest
// label `shared`). In CI (CI=true, where the folder is always present) missing data FAILS the test;
// elsewhere the test stops with a visible WARN. require_shared() itself checks the tag, so a test
// cannot silently pass by skipping without being labelled.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace lotse::test {

inline std::string source_dir() { return LOTSE_SOURCE_DIR; }
inline std::string binary_dir() { return LOTSE_BINARY_DIR; }
inline std::string sample(const std::string& name) { return source_dir() + "/samples/" + name; }

/// True on a CI runner (the environment variable CI is "true", as GitHub/GitLab set it).
inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

/// Missing test data: FAIL in CI, a visible WARN elsewhere (the caller then returns).
#define LOTSE_MISSING_TEST_DATA(what)                                                                         \
  do {                                                                                                         \
    if (::lotse::test::in_ci()) FAIL("test data missing in CI: " << what);                                     \
    WARN("SKIPPED (not a pass): test data missing: " << what);                                                 \
  } while (false)

/// True when the running test case carries the tag [shared].
inline bool current_test_tagged_shared() {
  const std::string name = Catch::getResultCapture().getCurrentTestName();
  for (const auto& tc : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    if (tc.name != name) continue;
    return std::find(tc.tags.begin(), tc.tags.end(), "shared") != tc.tags.end();
  }
  return false;
}

/// The shared/ folder (LOTSE_SHARED_DIR overrides the configured one). When it, or `needed` inside
/// it, is missing: FAIL in CI, otherwise WARN and return "" so the caller returns early.
inline std::string require_shared(const std::string& needed = {}) {
  if (!current_test_tagged_shared()) {
    FAIL("a test that calls require_shared() must carry the tag [shared] (CTest label `shared`)");
  }
  std::string dir = LOTSE_SHARED_DIR;
  if (const char* env = std::getenv("LOTSE_SHARED_DIR"); env && *env) dir = env;
  const std::filesystem::path want = needed.empty() ? std::filesystem::path(dir) : std::filesystem::path(dir) / needed;
  if (std::filesystem::is_directory(dir) && std::filesystem::exists(want)) return dir;
  LOTSE_MISSING_TEST_DATA(want.string());
  return {};
}

} // namespace lotse::test
