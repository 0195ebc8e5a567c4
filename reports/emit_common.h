// SPDX-License-Identifier: MIT
// What the text emitters share: the one place where a typed number becomes text, an Inline walked
// with a format's markup and escaping, and the meta line (town, author, date).
#pragma once

#include "reports/document.h"

#include <string>
#include <string_view>

namespace lotse::reports::detail {

/// A typed number in the document's language, rounded half away from zero (962,5 -> 963); the sign
/// for euros ("31.339 €" / "€31,339") and percent ("60,2 %"), no unit word for the others.
[[nodiscard]] std::string format_value(double value, doc::Unit unit, int decimals, engine::Lang lang);

/// How a format marks up inline text.
struct InlineMarkup {
  std::string (*escape)(std::string_view text, bool at_line_start);
  std::string_view strong_open, strong_close, emphasis_open, emphasis_close, code_open, code_close;
  std::string_view muted_open, muted_close;
  std::string line_break;   ///< written before a span with line_break (may carry an indent)
};

/// The Inline in a format; `at_line_start` says the first span starts a line (Markdown list/paragraph).
[[nodiscard]] std::string render_inline(const doc::Inline& text, engine::Lang lang, const InlineMarkup& m,
                                        bool at_line_start = false);
/// A cell's content (number or text); badges and bars are left to the format.
[[nodiscard]] std::string render_cell(const doc::Cell& c, engine::Lang lang, const InlineMarkup& m);
/// The Inline as plain text (no markup, no escaping), e.g. for tests and titles.
[[nodiscard]] std::string plain_text(const doc::Inline& text, engine::Lang lang);
/// "Kommune: Musterstadt · Bearbeitung: A. Beispiel · Stand: 2026-12-05", raw; empty when none is set.
[[nodiscard]] std::string meta_line(const doc::Meta& meta);

} // namespace lotse::reports::detail
