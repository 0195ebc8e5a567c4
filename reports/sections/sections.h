// SPDX-License-Identifier: MIT
// The section builders of the analysis report: each turns the results of one pass (gathered in
// reports::Report, or read from the AnalysisContext for passes added later) into blocks of a
// doc::Document. They never format numbers (typed spans and cells do that in the emitter), never
// escape (emitters do) and take every word from reports/texts.h. A pass that shows up in the report
// adds its builder to report_sections() and nothing else in reports/.
#pragma once

#include "engine/analysis_context.h"
#include "reports/analysis_report.h"
#include "reports/document.h"

#include <vector>

namespace lotse::reports::sections {

/// What a section builder reads.
struct Input {
  const Report& r;
  engine::Lang lang = engine::Lang::de;
  const engine::AnalysisContext* ctx = nullptr;  ///< the passes that ran; null when a Report is rendered alone
};

using Builder = void (*)(const Input&, doc::Document&);

void header(const Input& in, doc::Document& d);        ///< title, source line
void summary(const Input& in, doc::Document& d);       ///< 1. key figures, top measures per process
void media_breaks(const Input& in, doc::Document& d);  ///< 2. media-break table and the process picture
void workload(const Input& in, doc::Document& d);      ///< 3. per Stelle, per Baustein, fact sheet
void measures(const Input& in, doc::Document& d);      ///< 4. measures table and Digitale-Agenda text
void structure(const Input& in, doc::Document& d);     ///< 5. structure findings
void assumptions(const Input& in, doc::Document& d);   ///< 6. assumptions, sources, notes

/// The sections of the analysis report in order.
[[nodiscard]] const std::vector<Builder>& report_sections();

} // namespace lotse::reports::sections
