// SPDX-License-Identifier: MIT
// Media-break detection ("Medienbrüche"): one finding per break with kind, node, file:line, the rule or
// keyword that fired (in words a navigator understands) and the yearly minutes it binds. Evidence: PICTURE
// block types, channel shares and Formalisierungsgrad (domain.md, implication 6); BPMN task types, data
// objects and stores, message flows, lane names; a German/English keyword lexicon (data file).
#pragma once

#include "analysis/provenance.h"
#include "engine/analysis_context.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

enum class MediaBreakKind {
  retyping, print, scan, copy, paper_inbound, paper_outbound, wet_signature, cash_payment, paper_file,
  print_then_retype, data_carrier,
};
/// "retyping", "print", ... (stable ids for JSON and tests).
[[nodiscard]] std::string_view media_break_id(MediaBreakKind k);
/// German / English label ("Abtippen (erneute Dateneingabe)" / "Re-typing").
[[nodiscard]] std::string_view media_break_label(MediaBreakKind k, engine::Lang lang);

struct MediaBreak {
  MediaBreakKind kind = MediaBreakKind::retyping;
  engine::NodeIndex node = engine::npos;
  engine::NodeIndex related = engine::npos;  ///< print_then_retype: the earlier print node
  engine::SourceLocation at;
  std::string rule;                          ///< e.g. "block:edvinput", "keyword:abtippen", "channel:post"
  std::string reason_de;
  std::string reason_en;
  double share = 1.0;                        ///< fraction of executions affected (e.g. post share)
  double minutes_per_year = 0;               ///< yearly minutes bound at this node by the break
  std::vector<std::string> evidence;         ///< every rule that fired for this node and kind, strongest first
  bool whole_node = false;                   ///< the step exists only because of the break (a measure removes it)
};

struct MediaBreakResult {
  std::vector<MediaBreak> breaks;  ///< sorted: print_then_retype first, then by yearly minutes
  engine::Diagnostics notes;
  /// Yearly minutes bound by media breaks, each node counted once at its largest share (a node with
  /// a print and a paper_outbound finding, or a print_then_retype round trip, is not counted twice).
  [[nodiscard]] double minutes_per_year_total() const;
};

struct MediaBreakPass {
  static constexpr std::string_view id = "media-breaks";
  using Result = MediaBreakResult;
  [[nodiscard]] Result run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const;
};

} // namespace lotse::analysis
