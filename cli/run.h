// SPDX-License-Identifier: MIT
// The `lotse` command line as a library function, so tests run it in-process with string streams.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace lotse::cli {

/// Exit codes (documented in `lotse --help` and the README). A batch returns the worst.
enum class ExitCode : int {
  ok = 0,             ///< everything fine (warnings allowed)
  findings = 1,       ///< findings of error severity in a readable model
  usage = 2,          ///< wrong command line
  bad_input = 65,     ///< unreadable or unparsable input (EX_DATAERR)
  internal = 70,      ///< internal error (a bug; please report)
  output_failed = 74, ///< an output could not be written (EX_IOERR)
};

/// The worse of two exit codes: internal > output_failed > bad_input > findings > ok.
[[nodiscard]] ExitCode worst(ExitCode a, ExitCode b);

/// Runs `lotse` with args (without the program name); returns the exit code.
[[nodiscard]] int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace lotse::cli
