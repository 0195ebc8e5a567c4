// SPDX-License-Identifier: MIT
// The reference parser (bpmn-moddle, ../shared/tools/oracle) installed with `npm ci` into the build
// tree once; its npm package also ships the OMG BPMN 2.0 XSDs that `xmllint --schema` validates against.
#pragma once

#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace lotse::test {

/// Sets up tools/oracle in build/<folder> once; "" when node/npm are unavailable outside CI. Tests that
/// may run in parallel use different folders (npm ci empties node_modules first).
inline std::string oracle_dir(const std::string& shared, const std::string& folder = "oracle") {
  namespace fs = std::filesystem;
  const fs::path dir = binary_dir() + "/" + folder;
  if (std::system("node --version > /dev/null 2>&1") != 0) {
    LOTSE_MISSING_TEST_DATA("node (nodejs) on PATH");
    return {};
  }
  if (!fs::exists(dir / "oracle.mjs")) {
    fs::create_directories(dir);
    for (const char* f : {"oracle.mjs", "package.json", "package-lock.json"}) {
      fs::copy_file(fs::path(shared) / "tools/oracle" / f, dir / f, fs::copy_options::overwrite_existing);
    }
  }
  if (!fs::exists(dir / "node_modules/bpmn-moddle")) {
    const std::string cmd = "cd '" + dir.string() + "' && npm ci --no-audit --no-fund > npm.log 2>&1";
    if (std::system(cmd.c_str()) != 0) {
      LOTSE_MISSING_TEST_DATA("npm ci failed in " << dir << " (see npm.log)");
      return {};
    }
  }
  return dir.string();
}

} // namespace lotse::test
