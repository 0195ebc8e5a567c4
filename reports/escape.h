// SPDX-License-Identifier: MIT
// All escaping of model text lives here (house style 3.7.2): reporters never concatenate a name from
// a model without one of these functions.
#pragma once

#include <string>
#include <string_view>

namespace lotse::reports {

/// For HTML text and attribute values: & < > " ' escaped.
[[nodiscard]] std::string escape_html(std::string_view s);
/// For XML text and attribute values (same set as HTML; control characters dropped).
[[nodiscard]] std::string escape_xml(std::string_view s);
/// For Markdown text (CommonMark/GFM) that may start a line or a list item: backslash escapes, no HTML
/// entities, so the .md file stays readable in a plain editor ("A & B" stays "A & B").
///  - always: \ (before punctuation or at the end) ` * [ ] < > | ~ -> \\ \` \* \[ \] \< \> \| \~
///    (no raw HTML tag, autolink, code span, link, emphasis or table cell break can come through);
///  - `_` unless it stands between two ASCII letters/digits ("Task_1" stays, "_x_" -> "\_x\_");
///  - `&` only where it would start an entity ("&amp;" -> "\&amp;", "&#60;" -> "\&#60;");
///  - `#` at the start or after a blank (heading, closing sequence of a heading);
///  - at the start only, before a blank or the end: - + and "1." / "1)" (list item) -> \- \+ 1\.;
///    also "--" / "==" (thematic break, setext underline) -> \--, \==;
///  - line breaks and tabs become one space, other control characters are dropped.
[[nodiscard]] std::string escape_markdown(std::string_view s);
/// For Markdown text inside a line (table cells, after other words, in a heading): as escape_markdown,
/// but without the start-of-line escapes, so "1. Antrag prüfen" stays as it is.
[[nodiscard]] std::string escape_markdown_inline(std::string_view s);
/// One CSV field (RFC 4180): quoted when it contains the separator, a quote or a line break;
/// a leading = + - @, tab or CR is prefixed with ' so spreadsheets do not run it as a formula (OWASP).
[[nodiscard]] std::string escape_csv(std::string_view s, char separator = ',');

} // namespace lotse::reports
