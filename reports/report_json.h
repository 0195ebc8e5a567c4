// SPDX-License-Identifier: MIT
// The JSON of `lotse analyze` as a value, for the command line that puts several files into one
// document ({"schema_version", "files": [...]}) or writes one line per file (JSON Lines).
#pragma once

#include "reports/analysis_report.h"
#include "reports/compare_report.h"

#include <nlohmann/json.hpp>

namespace lotse::reports {

/// A figure for the JSON interfaces: rounded to `places` decimals, integral results as integers,
/// null when not finite (every JSON writer of reports/ uses it, so the same figure has the same digits).
[[nodiscard]] nlohmann::ordered_json json_number(double v, int places = 4);

/// One file's report as JSON, beginning with "schema_version" (docs/schema/analyze.schema.json).
[[nodiscard]] nlohmann::ordered_json report_json(const Report& r, engine::Lang lang);

/// The Ist/Soll comparison as {"schema_version", "comparison"} (docs/schema/analyze.schema.json, $defs/comparison).
[[nodiscard]] nlohmann::ordered_json comparison_json(const ComparisonReport& r, engine::Lang lang);

} // namespace lotse::reports
