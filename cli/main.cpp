// SPDX-License-Identifier: MIT
// Entry point of `lotse`: everything testable lives in cli::run. Here only what needs the real process:
// removing temporary outputs on SIGINT/SIGTERM, and exit 74 when standard output could not be written
// (`lotse stats x.bpmn > /dev/full`).
#include "cli/run.h"
#include "engine/diagnostics.h"
#include "reports/output.h"

#include <algorithm>
#include <iostream>

namespace {

lotse::engine::Lang language(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang=en" || (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "en")) {
      return lotse::engine::Lang::en;
    }
  }
  return lotse::engine::Lang::de;
}

} // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  lotse::reports::install_temp_file_cleanup();
  const std::vector<std::string> args(argv + 1, argv + argc);
  int code = lotse::cli::run(args, std::cout, std::cerr);
  std::cout.flush();
  if (!std::cout) {
    lotse::engine::Diagnostics d;
    d.add(lotse::engine::DiagId::cli_stdout_failed, "lotse", {}, "", {});
    std::cerr << lotse::engine::format_diagnostic(*d.begin(), language(args)) << "\n";
    code = static_cast<int>(lotse::cli::worst(static_cast<lotse::cli::ExitCode>(code), lotse::cli::ExitCode::output_failed));
  }
  return code;
}
