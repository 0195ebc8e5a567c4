// SPDX-License-Identifier: MIT
#include "analysis/registry.h"

#include "analysis/pass_headers.h"

#include <algorithm>

namespace lotse::analysis {

const std::vector<PassInfo>& all_passes() {
  static const std::vector<PassInfo> passes{
#define LOTSE_PASS(stem, Type, id, de, en) PassInfo{id, de, en, [](engine::AnalysisContext& c) { (void)c.get<Type>(); }},
#include "analysis/passes.def"
#undef LOTSE_PASS
  };
  return passes;
}

void run_passes(engine::AnalysisContext& ctx, const std::vector<std::string_view>& only) {
  for (const auto& p : all_passes()) {
    if (only.empty() || std::find(only.begin(), only.end(), p.id) != only.end()) p.run(ctx);
  }
}

} // namespace lotse::analysis
