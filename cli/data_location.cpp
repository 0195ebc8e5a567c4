// SPDX-License-Identifier: MIT
#include "cli/data_location.h"

#include "cli/trace.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <system_error>

#ifndef LOTSE_BUILD_TREE
#define LOTSE_BUILD_TREE ""
#endif
#ifndef LOTSE_SOURCE_DATA_DIR
#define LOTSE_SOURCE_DATA_DIR ""
#endif
#ifndef LOTSE_INSTALL_DATA_REL
#define LOTSE_INSTALL_DATA_REL "../share/lotse"
#endif

namespace lotse::cli {
namespace {

namespace fs = std::filesystem;

fs::path own_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

/// True when `p` lies inside `dir` (both made canonical where they exist).
bool inside(const fs::path& p, const fs::path& dir) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(p, ec), b = fs::weakly_canonical(dir, ec);
  if (ec || b.empty()) return false;
  const auto rel = a.lexically_relative(b);
  return !rel.empty() && *rel.begin() != "..";
}

engine::Diagnostic diagnostic(engine::DiagId id, std::string file, std::vector<std::string> args) {
  engine::Diagnostic d;
  d.id = id;
  d.severity = engine::info(id).severity;
  d.file = std::move(file);
  d.args = std::move(args);
  return d;
}

/// The override file's own problems on stderr; false when it cannot be used at all.
bool report_override(Session& s, const analysis::DataSet& data, const std::string& path, std::string_view command) {
  const bool de = s.lang == engine::Lang::de;
  bool usable = true;
  engine::Diagnostics notes = data.override_notes;
  notes.sort();
  for (const auto& d : notes) {
    if (d.severity == engine::Severity::error) usable = false;
    if (d.severity == engine::Severity::error || (d.severity == engine::Severity::warning && !s.quiet) || s.verbose) {
      s.err << engine::format_diagnostic(d, s.lang) << "\n";
    }
  }
  if (!usable) {
    s.err << "lotse " << command << ": --tables-override " << shown(path)
          << (de ? ": die Datei mit den Ortswerten ist nicht verwendbar; nichts wurde berechnet. "
                   "Aufbau und Beispiel: data/README.md\n"
                 : ": the file with local values cannot be used; nothing was computed. "
                   "Layout and example: data/README.md\n");
    return false;
  }
  if (data.tables.overridden == 0 && !s.quiet) {
    s.err << shown(path)
          << (de ? ": Warnung: die Datei ersetzt keinen Standardwert (erwartet z. B. \"zeitwerte\", "
                   "\"lohnkosten\", \"stellen\"; siehe data/README.md)\n"
                 : ": warning: the file replaces no default value (expected e.g. \"zeitwerte\", "
                   "\"lohnkosten\", \"stellen\"; see data/README.md)\n");
  }
  return true;
}

} // namespace

std::optional<DataLocation> locate_data(const std::string& option_dir, std::string* looked) {
  if (!option_dir.empty()) return DataLocation{option_dir, DataSource::option};
  if (const char* env = std::getenv("LOTSE_DATA_DIR"); env != nullptr && *env != '\0') {
    return DataLocation{env, DataSource::environment};
  }
  const fs::path exe = own_executable();
  std::string tried;
  if (!exe.empty()) {
    const fs::path installed = (exe.parent_path() / LOTSE_INSTALL_DATA_REL).lexically_normal();
    tried = installed.string();
    std::error_code ec;
    if (fs::is_directory(installed, ec)) return DataLocation{installed.string(), DataSource::installed};
    const std::string build_tree = LOTSE_BUILD_TREE;
    if (!build_tree.empty() && inside(exe, build_tree)) return DataLocation{LOTSE_SOURCE_DATA_DIR, DataSource::build_tree};
  }
  if (looked != nullptr) *looked = tried.empty() ? std::string("/proc/self/exe") : tried;
  return std::nullopt;
}

std::string describe(DataSource source, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  switch (source) {
  case DataSource::option: return "--data-dir";
  case DataSource::environment: return "LOTSE_DATA_DIR";
  case DataSource::installed: return de ? "neben dem Programm" : "next to the program";
  case DataSource::build_tree: return de ? "Quellbaum des Build-Ordners" : "source tree of the build folder";
  }
  return {};
}

void add_data_options(CLI::App& sub, Session& s, std::string& override_file) {
  sub.add_option("--data-dir", s.data_dir,
                 "Ordner mit dem Datensatz (StBA-Tabellen, Lexikon, Maßnahmenkatalog); Standard: LOTSE_DATA_DIR, "
                 "sonst <Programmordner>/../share/lotse")
      ->type_name("DIR");
  add_tables_override_option(sub, override_file);
}

std::shared_ptr<const analysis::DataSet> load_session_data(Session& s, const std::string& override_file,
                                                           std::string_view command) {
  std::string looked;
  const auto where = locate_data(s.data_dir, &looked);
  if (!where) {
    s.err << engine::format_diagnostic(diagnostic(engine::DiagId::dat_not_found, "lotse", {looked}), s.lang) << "\n";
    return nullptr;
  }
  std::error_code ec;
  if (!override_file.empty() && fs::is_directory(override_file, ec)) {
    const bool de = s.lang == engine::Lang::de;
    s.err << engine::format_diagnostic(diagnostic(engine::DiagId::ana_table_unreadable, override_file,
                                                  {override_file, de ? "ein Ordner, keine Datei" : "a folder, not a file"}),
                                       s.lang)
          << "\n";
    return nullptr;
  }
  std::shared_ptr<const analysis::DataSet> data;
  try {
    data = analysis::load_data_set(where->dir, override_file);
  } catch (const analysis::DataSetError& e) {
    s.err << e.message(s.lang) << "\n"
          << "lotse " << command << ": "
          << diagnostic(engine::DiagId::dat_not_usable, where->dir, {where->dir, describe(where->source, s.lang)})
                 .message(s.lang)
          << "\n";
    return nullptr;
  }
  if (!override_file.empty() && !report_override(s, *data, override_file, command)) return nullptr;
  trace(s, "{} {} {} ({})", s.lang == engine::Lang::de ? "Datensatz" : "data set", data->version, shown(where->dir),
        describe(where->source, s.lang));
  if (!override_file.empty()) trace(s, "{} {}", s.lang == engine::Lang::de ? "Ortswerte aus" : "local values from", shown(override_file));
  return data;
}

std::string data_version_text(const std::string& option_dir) {
  const auto where = locate_data(option_dir);
  if (!where) return "Datensatz / data set: nicht gefunden / not found (--data-dir, LOTSE_DATA_DIR)\n";
  std::string out;
  try {
    const auto data = analysis::load_data_set(where->dir);
    out = fmt::format("Datensatz / data set {} ({}, {})\n", data->version, shown(where->dir), describe(where->source, engine::Lang::en));
    for (const auto& f : data->files) {
      std::string source = f.publisher;
      if (f.year != 0) source += (source.empty() ? "" : " ") + std::to_string(f.year);
      out += fmt::format("  {:<38}{:<12}version {}\n", f.file, source.empty() ? "-" : source, f.version);
    }
  } catch (const analysis::DataSetError& e) {
    out = fmt::format("Datensatz / data set: nicht verwendbar / not usable: {}\n", e.message(engine::Lang::en));
  }
  return out;
}

} // namespace lotse::cli
