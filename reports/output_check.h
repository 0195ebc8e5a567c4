// SPDX-License-Identifier: MIT
// Every writer checks its own output's encoding in debug builds (issue #16.5): importers already
// replace what a format cannot carry, so a failed check here is a bug in a writer, reported as an
// internal error (exit 70) by the sanitizer build of CI instead of a file that Word, Excel or an XML
// parser refuses. Release builds compile the checks away.
#pragma once

#include <string_view>

namespace lotse::reports {

enum class OutputText {
  plain,    ///< JSON, Markdown, CSV: valid UTF-8
  markup,   ///< XML and HTML: valid UTF-8 without a character XML 1.0 forbids (engine::is_forbidden_char)
  package,  ///< a ZIP package (DOCX, XLSX): every .xml and .rels part is checked as markup
};

/// Throws std::logic_error naming `what` and the byte offset when `bytes` break the rule of `kind`.
void check_output_text_always(std::string_view bytes, OutputText kind, std::string_view what);

/// check_output_text_always in debug builds (NDEBUG not defined), nothing in release builds.
inline void check_output_text(std::string_view bytes, OutputText kind, std::string_view what) {
#ifndef NDEBUG
  check_output_text_always(bytes, kind, what);
#else
  (void)bytes, (void)kind, (void)what;
#endif
}

} // namespace lotse::reports
