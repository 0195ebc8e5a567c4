// SPDX-License-Identifier: MIT
// One model file imported and analysed the way `lotse analyze` does it (every pass, the report), for
// the commands that work on one file (analyze) and on a town's files (agenda, workshop, compare).
#pragma once

#include "cli/commands.h"

#include "analysis/data_set.h"
#include "engine/analysis_context.h"
#include "importers/importer.h"
#include "reports/analysis_report.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotse::cli {

/// The scenario and data of an analysis run (command-line options shared by analyze and agenda).
struct ModelSettings {
  std::optional<double> cases_per_year;
  std::optional<double> hours_per_fte;
  double verteilzeit = 1.0;
  bool lead_time = false;
  std::vector<std::string> uptake;  ///< "measure_id=rate", rate 0..1 (German or plain number) or percent
  std::shared_ptr<const analysis::DataSet> data;  ///< loaded once before the first file
};

/// One model imported and analysed: every pass has run on `ctx`, `report` gathers the results.
struct Analysed {
  importers::ImportResult imported;
  std::unique_ptr<engine::AnalysisContext> ctx;
  std::optional<reports::Report> report;
  ExitCode code = ExitCode::ok;           ///< bad_input when unreadable, findings when errors were found
};

/// Imports `path`, prints its diagnostics on s.err and runs every pass (the lead time only with lead_time).
[[nodiscard]] std::unique_ptr<Analysed> analyse_model(Session& s, const ModelSettings& o, const std::string& path);

/// "online_application=0,4" or "online_application=40%" -> (id, rate); the second part is the error.
[[nodiscard]] std::pair<std::pair<std::string, double>, std::string> parse_uptake(const std::string& item);

} // namespace lotse::cli
