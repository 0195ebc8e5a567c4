// SPDX-License-Identifier: MIT
// A town's models analysed together (`lotse agenda`, `lotse workshop`, `lotse compare`): its folder or
// files, its town file (stadt.json in the folder unless --town-file names one; it is also the town's
// tables override), its data set, every model's report, and the portfolio built from them.
#pragma once

#include "cli/analyse_model.h"
#include "reports/agenda_report.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lotse::cli {

/// The town file looked for in a town's folder when none is given.
inline constexpr const char* town_file_name = "stadt.json";

struct TownRun {
  reports::Agenda agenda;
  std::shared_ptr<const analysis::DataSet> data;
  std::vector<std::unique_ptr<Analysed>> analysed;   ///< the models that were read (reports alive)
  std::vector<const reports::Report*> reports;       ///< of `analysed`, in file order
  std::vector<std::string> files;                    ///< model files found, sorted
  ExitCode code = ExitCode::ok;                      ///< worst of the models and the town file
  bool usable = false;                               ///< false: nothing to build on (messages printed)
};

/// Reads a town: `inputs` are folders (their model files, with sub-folders when `recursive`) and files;
/// `town_file` may be empty (then stadt.json of the first folder, if present, else defaults). Prints
/// every problem on s.err; a model that cannot be read is named in the agenda and the rest goes on.
[[nodiscard]] TownRun load_town(Session& s, const ModelSettings& settings, const std::vector<std::string>& inputs,
                                std::string town_file, bool recursive, std::string_view command);

/// Options shared by agenda, workshop and compare.
struct TownOptions : ModelSettings {
  std::vector<std::string> inputs;
  std::string town_file;
  std::string formats;
  std::string output = ".";
  std::string date;
  bool stamp = false;
  std::string service;   ///< compare: only this file stem
  bool anonymise = false;
  bool no_posters = false;  ///< workshop: no A3 poster per model
};

/// --hours-per-fte, --uptake, --data-dir, --date, --stamp, --recursive and the common options.
void add_town_options(CLI::App& sub, Session& s, TownOptions& o);

/// One document to write: file name inside the output folder and its bytes (computed when written).
struct Output {
  std::string name;
  std::function<std::string()> bytes;
};

/// Writes every output atomically into `dir` (or all of them to standard output with -o -), after
/// checking that none replaces an input (exit 2). A failed output does not stop the others.
[[nodiscard]] ExitCode write_outputs(Session& s, const std::string& dir, const std::vector<Output>& outputs,
                                     const std::vector<std::string>& inputs);


} // namespace lotse::cli
