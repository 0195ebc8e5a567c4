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
/// For Markdown text and table cells: | \ * _ ` [ ] < > # escaped, line breaks become spaces.
[[nodiscard]] std::string escape_markdown(std::string_view s);
/// One CSV field (RFC 4180): quoted when it contains the separator, a quote or a line break;
/// a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
[[nodiscard]] std::string escape_csv(std::string_view s, char separator = ',');

} // namespace lotse::reports
