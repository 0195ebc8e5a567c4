// SPDX-License-Identifier: MIT
// Folders as input: `lotse check|stats|analyze ordner/` means the model files in it (sorted by
// path; with --recursive also in its sub-folders), instead of reading the folder as a file.
#pragma once

#include "engine/diagnostics.h"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace lotse::cli {

/// Adds -r,--recursive to a subcommand that takes several files (a positional named "files").
void add_recursive_option(CLI::App& sub, bool& recursive);

/// Model files of a folder: names ending in an extension of an importer (importers.def), sorted.
[[nodiscard]] std::vector<std::string> model_files_in(const std::string& folder, bool recursive);

/// Replaces every folder among the parsed "files" of `sub` by its model files. A folder without
/// any gets a message on `err` and false (the caller ends with the usage exit code).
[[nodiscard]] bool expand_folder_inputs(CLI::App& sub, bool recursive, engine::Lang lang, std::ostream& err);

} // namespace lotse::cli
