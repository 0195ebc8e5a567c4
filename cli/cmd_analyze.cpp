// SPDX-License-Identifier: MIT
// `lotse analyze`: placeholder until the command lands (it is not registered yet).
#include "cli/commands.h"

namespace lotse::cli {

Action add_analyze(CLI::App&, Session&) { return {}; }

} // namespace lotse::cli
