// SPDX-License-Identifier: MIT
// The Ist/Soll comparison report (`lotse analyze IST --soll SOLL`): analysis::Comparison with the labels
// of both files. For people it becomes a doc::Document (reports/sections/compare.cpp) that every emitter
// renders; for machines a JSON object {"schema_version", "comparison"} (reports/report_json.cpp,
// docs/schema/analyze.schema.json).
#pragma once

#include "analysis/compare.h"
#include "reports/analysis_report.h"
#include "reports/document.h"

#include <string>

namespace lotse::reports {

struct ComparisonReport {
  analysis::Comparison c;
  std::string ist_file, soll_file;      ///< file names shown (no directory)
  std::string ist_title, soll_title;    ///< model names (else the file names)
  std::string ist_format, soll_format;  ///< "bpmn", "picture", ...
  std::string citizen_source;           ///< source of the StBA citizen time values
  Diagram ist_diagram, soll_diagram;    ///< process pictures (Ist with the media-break marks of its report)
};

/// Compares the models of two contexts (see analysis::compare_models); `ist` and `soll` are the Report
/// of each model, for their display names and formats.
[[nodiscard]] ComparisonReport build_comparison(engine::AnalysisContext& ist_ctx, const Report& ist,
                                                engine::AnalysisContext& soll_ctx, const Report& soll);

/// The comparison as a neutral document (title, key figures, tables per Stelle, Baustein and break).
[[nodiscard]] doc::Document build_comparison_document(const ComparisonReport& r, engine::Lang lang,
                                                      const DocumentOptions& o = {});

/// The display name of a Baustein category id of analysis::category_id().
[[nodiscard]] std::string_view category_name(std::string_view id, engine::Lang lang);

} // namespace lotse::reports
