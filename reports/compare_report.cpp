// SPDX-License-Identifier: MIT
// The Ist/Soll comparison report: the comparison of two contexts with the labels of both files.
#include "reports/compare_report.h"

#include "analysis/data_set.h"
#include "reports/texts.h"

namespace lotse::reports {

ComparisonReport build_comparison(engine::AnalysisContext& ist_ctx, const Report& ist, engine::AnalysisContext& soll_ctx,
                                  const Report& soll) {
  ComparisonReport r;
  r.c = analysis::compare_models(ist_ctx, soll_ctx);
  r.ist_file = ist.file;
  r.soll_file = soll.file;
  r.ist_title = ist.title();
  r.soll_title = soll.title();
  r.ist_format = ist.format;
  r.soll_format = soll.format;
  r.citizen_source = analysis::data_set(ist_ctx).citizen_times.source;
  r.ist_diagram = ist.diagram;
  r.soll_diagram = soll.diagram;
  return r;
}

std::string_view category_name(std::string_view id, engine::Lang lang) {
  const CompareTexts& t = compare_texts(lang);
  if (id == "information_flow") return t.cat_information_flow;
  if (id == "media_change") return t.cat_media_change;
  if (id == "documentation") return t.cat_documentation;
  if (id == "administrative_work") return t.cat_administrative_work;
  if (id == "coordination") return t.cat_coordination;
  if (id == "none") return t.cat_none;
  return t.cat_generic;
}

} // namespace lotse::reports
