// SPDX-License-Identifier: MIT
// The list of analysis passes from passes.def: ids and titles for `lotse passes`, and a way to run
// them all over one context (each pass computes once; later requests hit the cache).
#pragma once

#include "engine/analysis_context.h"

#include <string_view>
#include <vector>

namespace lotse::analysis {

struct PassInfo {
  std::string_view id;
  std::string_view title_de;
  std::string_view title_en;
  void (*run)(engine::AnalysisContext&);  ///< computes (and caches) the pass's result
};

/// All passes in report order.
[[nodiscard]] const std::vector<PassInfo>& all_passes();
/// Runs every pass (or those whose id is listed in `only`, if not empty).
void run_passes(engine::AnalysisContext& ctx, const std::vector<std::string_view>& only = {});

} // namespace lotse::analysis
