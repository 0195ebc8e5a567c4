// SPDX-License-Identifier: MIT
// Loading the data set once per run. Every table must be present and clean: a problem that used to give
// a note and an empty table (fewer media breaks, no measures, exit 0) now stops the run with the file
// and, where known, the line.
#include "analysis/data_set.h"

#include "analysis/data_json.h"

#include "engine/source_file.h"

#include <filesystem>
#include <sstream>
#include <system_error>

namespace lotse::analysis {
namespace {

std::shared_ptr<const DataSet>& default_set() {
  static std::shared_ptr<const DataSet> set;
  return set;
}

std::string path_of(const std::string& dir, std::string_view file) {
  return (std::filesystem::path(dir) / std::string(file)).string();
}

/// Throws when `notes` holds anything about a file of the data set (warnings included: a skipped entry
/// of a shipped table is a broken table).
void throw_first(const engine::Diagnostics& notes) {
  for (const auto& d : notes) {
    engine::Diagnostic cause = d;
    cause.severity = engine::Severity::error;
    throw DataSetError(std::move(cause));
  }
}

[[noreturn]] void throw_empty(const std::string& path) {
  engine::Diagnostic d;
  d.id = engine::DiagId::ana_table_unreadable;
  d.file = path;
  d.args = {path, "contains no entries"};
  throw DataSetError(std::move(d));
}

void check_complete(const std::string& dir) {
  std::string missing, first;
  for (const auto file : data_set_files) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path_of(dir, file), ec)) continue;
    missing += (missing.empty() ? "" : ", ") + std::string(file);
    if (first.empty()) first = path_of(dir, file);
  }
  if (missing.empty()) return;
  engine::Diagnostic d;
  d.id = engine::DiagId::dat_table_missing;
  d.file = first;
  d.args = {missing, dir};
  throw DataSetError(std::move(d));
}

/// Default tables with the override applied; the override's diagnostics go to `override_notes`.
DataTables load_default_tables(const std::string& dir, const std::string& override_file,
                               engine::Diagnostics& override_notes) {
  engine::Diagnostics all, own;
  DataTables t = load_tables(dir, override_file, all);
  for (const auto& d : all) (!override_file.empty() && d.file == override_file ? override_notes : own).push_back(d);
  throw_first(own);
  if (t.times.empty()) throw_empty(t.time_info.file);
  if (t.wages.empty()) throw_empty(t.wage_info.file);
  if (t.keywords.empty()) throw_empty(t.mapping_info.file);
  return t;
}

std::string read_version(const std::string& path) {
  std::string version;
  try {
    std::istringstream in{std::string(engine::SourceFile::read(path).bytes())};
    in >> version;
  } catch (const std::system_error& e) {
    engine::Diagnostic d;
    d.id = engine::DiagId::ana_table_unreadable;
    d.file = path;
    d.args = {path, e.code().message()};
    throw DataSetError(std::move(d));
  }
  if (version.empty()) throw_empty(path);
  return version;
}

DataFileInfo info_of(const TableInfo& t, std::string_view file) {
  return DataFileInfo{std::string(file), t.publisher, t.year, t.version};
}

/// Publisher, year and version of a JSON table that has no TableInfo of its own.
DataFileInfo info_of(const std::string& dir, std::string_view file) {
  engine::Diagnostics ignored;  // the file was read cleanly just before
  DataFileInfo info{std::string(file), {}, 0, {}};
  const auto j = read_data_json(path_of(dir, file), ignored);
  if (!j) return info;
  info.publisher = j->value("publisher", std::string());
  info.version = j->value("version", std::string());
  if (const auto y = j->find("year"); y != j->end() && y->is_number_integer()) info.year = y->get<int>();
  return info;
}

} // namespace

DataSetError::DataSetError(engine::Diagnostic d)
    : std::runtime_error(engine::format_diagnostic(d, engine::Lang::en)), diagnostic_(std::move(d)) {}

std::string DataSetError::message(engine::Lang lang) const { return engine::format_diagnostic(diagnostic_, lang); }

std::shared_ptr<const DataSet> load_data_set(const std::string& dir, const std::string& override_file) {
  check_complete(dir);
  auto set = std::make_shared<DataSet>();
  set->dir = dir;
  set->tables = load_default_tables(dir, override_file, set->override_notes);
  engine::Diagnostics notes;
  const std::string lexicon_path = path_of(dir, "medienbruch_lexikon.json");
  set->lexicon = load_lexicon(lexicon_path, notes);
  throw_first(notes);
  if (set->lexicon.entries.empty()) throw_empty(lexicon_path);
  const std::string catalogue_path = path_of(dir, "massnahmen.json");
  set->catalogue = load_catalogue(catalogue_path, notes);
  throw_first(notes);
  if (set->catalogue.measures.empty()) throw_empty(catalogue_path);
  const std::string citizen_path = path_of(dir, "buerger_zeitwerte_2025.json");
  set->citizen_times = load_citizen_times(citizen_path, notes);
  throw_first(notes);
  if (set->citizen_times.trips.empty() || set->citizen_times.activities.empty()) throw_empty(citizen_path);
  const std::string uptake_path = path_of(dir, "nutzungsquoten.json");
  set->uptake = load_uptake(uptake_path, notes);
  throw_first(notes);
  if (set->uptake.rates.empty()) throw_empty(uptake_path);
  // The town's effort and uptake values for measures ("massnahmen", "uptake" in the override file).
  apply_town_overrides(override_file, set->catalogue, set->uptake);
  set->version = read_version(path_of(dir, "VERSION"));
  set->files = {info_of(set->tables.time_info, data_set_files[0]), info_of(set->tables.wage_info, data_set_files[1]),
                info_of(set->tables.mapping_info, data_set_files[2])};
  for (std::size_t i = 3; i + 1 < data_set_files.size(); ++i) set->files.push_back(info_of(dir, data_set_files[i]));
  return set;
}

std::shared_ptr<const DataSet> data_set_ptr(engine::AnalysisContext& ctx) {
  const auto& own = ctx.options<DataSetOption>().data;
  return own ? own : default_set();
}

const DataSet& data_set(engine::AnalysisContext& ctx) {
  const auto set = data_set_ptr(ctx);
  if (!set) throw std::logic_error("no data set in the analysis context (load_data_set was not called)");
  return *set;
}

void set_default_data_set(std::shared_ptr<const DataSet> data) { default_set() = std::move(data); }

} // namespace lotse::analysis
