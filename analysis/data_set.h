// SPDX-License-Identifier: MIT
// The data set: every versioned table the passes use (StBA Zeitwerte and Lohnkosten, the Zeitwert
// mapping, the media-break lexicon, the measures catalogue, the StBA citizen times, the uptake rates),
// with a town's
// override file applied. It is loaded once per run by load_data_set() and handed to the passes through
// the analysis context (DataSetOption); passes never read files. A missing, unreadable or broken table
// is a DataSetError, never a silently smaller table.
#pragma once

#include "analysis/lexicon.h"
#include "analysis/measures.h"
#include "analysis/package.h"
#include "analysis/tables.h"
#include "engine/analysis_context.h"
#include "engine/diagnostics.h"

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

/// The files of a data set folder, in the order they are checked.
inline constexpr std::array<std::string_view, 8> data_set_files{
    "stba_zeitwerte_verwaltung_2025.json", "stba_lohnkosten_2025.json", "zeitwert_zuordnung.json",
    "medienbruch_lexikon.json",            "massnahmen.json",           "buerger_zeitwerte_2025.json",
    "nutzungsquoten.json",                 "VERSION"};

/// A table of the data set is missing, unreadable or broken. Carries the diagnostic (DAT-001 missing,
/// DAT-002 broken, with file and line where known) so the CLI prints it in the user's language.
class DataSetError : public std::runtime_error {
public:
  explicit DataSetError(engine::Diagnostic d);
  [[nodiscard]] const engine::Diagnostic& diagnostic() const { return diagnostic_; }
  [[nodiscard]] const std::string& file() const { return diagnostic_.file; }
  [[nodiscard]] std::uint32_t line() const { return diagnostic_.at.line; }  ///< 0 when unknown
  /// "file:line: Fehler [DAT-002]: Datensatz beschädigt: ..." in `lang`.
  [[nodiscard]] std::string message(engine::Lang lang) const;

private:
  engine::Diagnostic diagnostic_;
};

/// Where one file of the data set comes from (for `lotse --version` and provenance).
struct DataFileInfo {
  std::string file;       ///< file name inside the folder
  std::string publisher;  ///< "StBA", empty for our own tables
  int year = 0;           ///< source year, 0 when the file has none
  std::string version;    ///< the file's own version
};

struct DataSet {
  std::string dir;                     ///< folder it was loaded from
  std::string version;                 ///< data set version (first line of VERSION)
  std::vector<DataFileInfo> files;     ///< the JSON tables, in data_set_files order
  DataTables tables;                   ///< Zeitwerte, Lohnkosten, mapping, override applied
  Lexicon lexicon;
  Catalogue catalogue;
  CitizenTimes citizen_times;
  UptakeTable uptake;                  ///< uptake rates (nutzungsquoten.json), the town's values applied
  engine::Diagnostics override_notes;  ///< the override file's problems and use (ANA-024/025/026)
};

/// Loads every table from `dir` and applies `override_file` (may be empty). Throws DataSetError for a
/// missing, unreadable or broken table of the folder (the first broken file, or all missing files named
/// in one message); problems of the override file stay in override_notes for the caller to judge.
[[nodiscard]] std::shared_ptr<const DataSet> load_data_set(const std::string& dir, const std::string& override_file = {});

/// The context slot the passes take their data set from.
struct DataSetOption {
  std::shared_ptr<const DataSet> data;
};

/// The data set of `ctx`: its DataSetOption, else the process default; std::logic_error when neither
/// is set (a caller forgot to load the data set: a bug, never a silent fallback).
[[nodiscard]] const DataSet& data_set(engine::AnalysisContext& ctx);
/// A context's DataSetOption, for a derived context (what-if copies) to share it.
[[nodiscard]] std::shared_ptr<const DataSet> data_set_ptr(engine::AnalysisContext& ctx);

/// Sets the data set used by contexts without a DataSetOption (tests and embedders; the CLI always sets
/// the option on each context). Call before any pass runs; not synchronised.
void set_default_data_set(std::shared_ptr<const DataSet> data);

} // namespace lotse::analysis
