// SPDX-License-Identifier: MIT
// `lotse simulate`: placeholder until the command lands (it is not registered yet).
#include "cli/commands.h"

namespace lotse::cli {

Action add_simulate(CLI::App&, Session&) { return {}; }

} // namespace lotse::cli
