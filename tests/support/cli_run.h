// SPDX-License-Identifier: MIT
// Runs the `lotse` command line in-process, as the CLI tests need it: exit code plus what went to
// stdout and stderr.
#pragma once

#include "cli/run.h"

#include <sstream>
#include <string>
#include <vector>

namespace lotse::test {

struct CliResult {
  int code = 0;
  std::string out, err;
};

inline CliResult lotse_run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = lotse::cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

} // namespace lotse::test
