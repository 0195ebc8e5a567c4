// SPDX-License-Identifier: MIT
// `lotse convert`: placeholder until the command lands (it is not registered yet).
#include "cli/commands.h"

namespace lotse::cli {

Action add_convert(CLI::App&, Session&) { return {}; }

} // namespace lotse::cli
