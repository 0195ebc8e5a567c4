// SPDX-License-Identifier: MIT
// The emitters of the neutral document model (reports/document.h) into text formats: one per format,
// each renders ANY Document. Numbers are formatted here (reports/number_format.h), texts escaped here
// (reports/escape.h), and the few words of their own (meta line, picture note) come from texts.cpp.
#pragma once

#include "reports/document.h"

#include <string>

namespace lotse::reports {

/// GitHub-flavoured Markdown: plain, readable as text, pasteable into workshop material. Key-figure
/// cards are left out (the summary's sentences say the same); a figure becomes a pointer to the HTML.
[[nodiscard]] std::string emit_markdown(const doc::Document& d);
/// One self-contained, printable HTML file: inline CSS (screen and A4 print, portrait or landscape),
/// pictures as inline SVG that fit the width, no scripts, no external resources.
[[nodiscard]] std::string emit_html(const doc::Document& d);

} // namespace lotse::reports
