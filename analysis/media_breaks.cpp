// SPDX-License-Identifier: MIT
// Placeholder until the pass lands: an empty result.
#include "analysis/media_breaks.h"

namespace lotse::analysis {

MediaBreakPass::Result MediaBreakPass::run(const engine::ProcessModel&, engine::AnalysisContext&) const { return {}; }

std::string_view media_break_id(MediaBreakKind) { return ""; }
std::string_view media_break_label(MediaBreakKind, engine::Lang) { return ""; }

} // namespace lotse::analysis
