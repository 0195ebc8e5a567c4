// SPDX-License-Identifier: MIT
// The `lotse analyze` pipeline as the fuzz harnesses drive it: every analysis pass (lead time
// excepted: a simulation per input would make a fuzz run crawl) on a model, the report built and
// rendered to Markdown, HTML and JSON in German and English.
#pragma once

#include "analysis/data_set.h"
#include "analysis/registry.h"
#include "analysis/lead_time.h"
#include "reports/analysis_report.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::fuzz {

/// The shipped data set of the source tree, with `override_file` applied when one is given.
inline std::shared_ptr<const analysis::DataSet> fuzz_data_set(const std::string& override_file) {
  static const auto base = analysis::load_data_set(LOTSE_SOURCE_DIR "/data");
  return override_file.empty() ? base : analysis::load_data_set(LOTSE_SOURCE_DIR "/data", override_file);
}

inline void analyze_and_render(const engine::ProcessModel& model, const engine::Diagnostics& import_notes,
                               const std::string& override_file = {}) {
  engine::AnalysisContext ctx(model);
  ctx.options<analysis::DataSetOption>().data = fuzz_data_set(override_file);
  std::vector<std::string_view> passes;
  for (const auto& p : analysis::all_passes()) {
    if (p.id != analysis::LeadTimePass::id) passes.push_back(p.id);
  }
  analysis::run_passes(ctx, passes);
  const reports::Report report = reports::build_report(ctx, import_notes, {"fuzz.bpmn", false});
  for (const auto f : {reports::Format::markdown, reports::Format::html, reports::Format::json}) {
    for (const auto lang : {engine::Lang::de, engine::Lang::en}) (void)reports::render(report, f, lang);
  }
}

} // namespace lotse::fuzz
