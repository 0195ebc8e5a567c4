// SPDX-License-Identifier: MIT
// Where `lotse` finds its data set at run time, and loading it once per run for a subcommand:
//   1. --data-dir DIR                  (command line, any subcommand that needs data)
//   2. LOTSE_DATA_DIR                  (environment)
//   3. <bindir>/../share/lotse         (an installed binary: cmake --install, .deb, container)
//   4. the source tree's data/ folder  (only when the binary runs from the build tree it was built in)
// No compiled-in path is used anywhere else, and a folder found but incomplete is an error, never a
// reason to try the next place.
#pragma once

#include "analysis/data_set.h"
#include "cli/commands.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lotse::cli {

/// How the data folder was found.
enum class DataSource { option, environment, installed, build_tree };

struct DataLocation {
  std::string dir;
  DataSource source = DataSource::option;
};

/// The folder named by rule 1-4 above; nullopt when none applies. `looked` gets the places tried.
[[nodiscard]] std::optional<DataLocation> locate_data(const std::string& option_dir, std::string* looked = nullptr);

/// "--data-dir", "LOTSE_DATA_DIR", "neben dem Programm" / "next to the program", ...
[[nodiscard]] std::string describe(DataSource source, engine::Lang lang);

/// Adds --data-dir DIR (stored in the session) and --tables-override FILE to a subcommand that needs data.
void add_data_options(CLI::App& sub, Session& s, std::string& override_file);

/// Locates and loads the data set (with the override file) once for a run and prints every problem on
/// stderr: a missing or broken table (DAT-001, ANA-024, MED-00x with file:line), no data folder
/// (DAT-003), an unusable override file. nullptr then, and the caller stops with ExitCode::usage.
[[nodiscard]] std::shared_ptr<const analysis::DataSet> load_session_data(Session& s, const std::string& override_file,
                                                                         std::string_view command);

/// The data set lines of `lotse --version` (version, folder, source and year of each table), or why
/// there is none.
[[nodiscard]] std::string data_version_text(const std::string& option_dir);

} // namespace lotse::cli
