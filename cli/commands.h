// SPDX-License-Identifier: MIT
// Subcommands of `lotse`: each file cli/cmd_<name>.cpp adds one subcommand to the app and runs it.
#pragma once

#include "cli/run.h"
#include "engine/diagnostics.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
}

namespace lotse::cli {

/// Shared state of one `lotse` invocation.
struct Session {
  std::ostream& out;
  std::ostream& err;
  engine::Lang lang = engine::Lang::de;
  bool quiet = false;
  bool verbose = false;
  bool recursive = false;  ///< --recursive: folders given as input are searched with their sub-folders
  std::string data_dir{};
  double max_input_mb = 256;  ///< --max-input-mb: larger inputs (and endless devices) are refused with IN-001
  [[nodiscard]] std::size_t max_input_bytes() const { return static_cast<std::size_t>(max_input_mb * 1048576.0); }  ///< --data-dir; empty = LOTSE_DATA_DIR or next to the program (cli/data_location.h)
  /// True when stderr is a terminal and --quiet is off: progress may be shown there.
  [[nodiscard]] bool show_progress() const;
  /// -v traces on stderr (cli/trace.h): where the data set came from, import, pass and write times.
  std::shared_ptr<spdlog::logger> trace{};
};

/// A subcommand registers its options on `app` and returns the action to run after parsing.
using Action = std::function<ExitCode()>;
Action add_check(CLI::App& app, Session& s);
Action add_stats(CLI::App& app, Session& s);
Action add_analyze(CLI::App& app, Session& s);
Action add_simulate(CLI::App& app, Session& s);
Action add_convert(CLI::App& app, Session& s);
Action add_formats(CLI::App& app, Session& s);
Action add_passes(CLI::App& app, Session& s);
Action add_agenda(CLI::App& app, Session& s);
Action add_compare(CLI::App& app, Session& s);
Action add_workshop(CLI::App& app, Session& s);

/// CLI11 check of --date: "" for a date written YYYY-MM-DD, else the message.
[[nodiscard]] std::string iso_date_check(const std::string& v);

/// Today's date as YYYY-MM-DD (local time), for --stamp.
[[nodiscard]] std::string today_iso();

/// Adds the shared --lang/--quiet/--verbose options to a subcommand.
void add_common_options(CLI::App& sub, Session& s);

/// Adds --tables-override FILE (a town's own Zeitwerte/Lohnkosten, data/README.md) to a subcommand.
void add_tables_override_option(CLI::App& sub, std::string& path);

/// Prints CLI-002 and returns false when one of `outputs` resolves to one of `inputs` (same device and
/// inode, symlinks followed); called before anything is written, the caller then exits with 2.
[[nodiscard]] bool outputs_clear_of_inputs(Session& s, const std::vector<std::string>& outputs,
                                           const std::vector<std::string>& inputs);

/// Prints why an output failed (CLI-001 with a German reason, or CLI-003 for a refused symlink) and
/// returns the exit code: 74 for an I/O failure, 2 for a refusal.
[[nodiscard]] ExitCode report_output_error(Session& s, const std::string& path, const std::exception& e);

/// Progress on stderr ("[3/120] file.bpmn"), only when Session::show_progress().
class Progress {
public:
  Progress(Session& s, std::size_t total, std::string what);
  void step(const std::string& item);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

private:
  Session& s_;
  std::size_t total_, done_ = 0;
  std::string what_;
  bool active_;
};

} // namespace lotse::cli
