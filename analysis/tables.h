// SPDX-License-Identifier: MIT
// The versioned default tables the workload pass falls back on (data/*.json, see data/README.md):
// StBA Zeitwerttabelle Verwaltung, StBA Lohnkostentabelle and our mapping of building-block types and
// task-name keywords to Zeitwert numbers, plus a town's override file replacing single entries.
// Loading never throws for bad files: problems become diagnostics (ANA-024/025) and the table stays
// empty; load_data_set() stops the run on any of them for the shipped tables.
#pragma once

#include "engine/diagnostics.h"
#include "engine/model.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

/// One row of the Zeitwerttabelle Verwaltung ("Standardaktivität"), minutes per case.
struct TimeValue {
  int nr = 0;
  std::string activity_de, activity_en;
  std::optional<double> simple, medium, high;  ///< einfach / mittel / hoch
  bool local = false;                          ///< replaced by the override file
};

/// One row of the Lohnkostentabelle (a level of administration), euro per hour by column.
struct WageLevel {
  std::string level;                       ///< "kommunen", "bund", ...
  std::string name_de, name_en;
  std::map<std::string, double> columns;   ///< "einfach_mittel", "gehoben", "hoeher", "durchschnitt"
  bool local = false;
};

/// A task-name keyword (folded: lower case, ä -> ae, ß -> ss) and its Zeitwert number.
struct KeywordRule {
  std::string keyword;
  int nr = 0;
  bool word_start = false;  ///< match only at the start of a word
};

/// Why a node got a default time: its Zeitwert number (0 = automated task, no staff time) and the
/// rule in words.
struct TimeMatch {
  int nr = 0;
  std::string rule_de, rule_en;  ///< e.g. "Bausteintyp „Formelle Prüfung“" / "block type 'Formal check'"
};

/// Where a table came from, for provenance labels ("StBA 2025").
struct TableInfo {
  std::string file;
  std::string publisher;
  int year = 0;
  std::string version;
  std::string source;
  bool loaded = false;
  [[nodiscard]] std::string short_name() const;  ///< "StBA 2025"
};

/// All default tables, after the override file was applied.
struct DataTables {
  TableInfo time_info, wage_info, mapping_info;
  std::vector<TimeValue> times;
  std::vector<WageLevel> wages;
  std::string default_level = "kommunen";
  std::string default_column = "durchschnitt";
  std::map<std::string, std::pair<std::string, std::string>> column_names;  ///< column -> (German, English) label
  std::optional<double> default_rate_local;             ///< override: one rate for everything unmaintained
  std::map<std::string, double> stelle_rates;           ///< override: rate per Stelle name
  std::map<engine::BlockType, int> block_nr;
  std::map<engine::NodeKind, int> kind_nr;
  std::vector<engine::NodeKind> automated;
  std::vector<KeywordRule> keywords;
  std::string override_file, override_source;           ///< empty when no override file was given
  int overridden = 0;                                   ///< entries replaced or added by the override file

  [[nodiscard]] const TimeValue* time(int nr) const;
  /// The default wage rate (€/h): the override's, else default level and column of the wage table.
  [[nodiscard]] std::optional<double> default_rate() const;
  /// Display name of a wage-table column ("Durchschnitt" / "average"); the key itself when unknown.
  [[nodiscard]] std::string column_name(const std::string& column, engine::Lang lang) const;
  /// The wage-table row the default rate comes from, if any.
  [[nodiscard]] const WageLevel* default_level_row() const;
  /// The Zeitwert rule for a node without time: its block type, else automated task kind, else the
  /// first keyword in its name, else its task kind. nullopt when nothing applies.
  [[nodiscard]] std::optional<TimeMatch> match(const engine::Node& n) const;
};

/// Loads the three tables from `data_dir` and applies `override_file` (may be empty). Problems are added
/// to `diags`; load_data_set() (analysis/data_set.h) turns them into a stop for the default tables.
[[nodiscard]] DataTables load_tables(const std::string& data_dir, const std::string& override_file,
                                     engine::Diagnostics& diags);

/// Folds text for keyword matching: ASCII lower case, umlauts to ae/oe/ue, ß to ss, blanks collapsed.
[[nodiscard]] std::string fold_name(std::string_view text);

} // namespace lotse::analysis
