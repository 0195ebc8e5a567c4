// SPDX-License-Identifier: MIT
// Where each value of a JSON text stands: so that every finding in a JSON input (a Prosimos scenario)
// names its line. nlohmann::json keeps no positions; the text is read a second time through its SAX
// parser with an iterator that publishes how far the lexer has read.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace lotse::importers {

/// The byte offset of every value and member key of `text` under its JSON pointer ("", "/a", "/a/0/b";
/// "~" and "/" in keys escaped as ~0 and ~1). Stops at the first syntax error (what was read stays).
[[nodiscard]] std::map<std::string, std::size_t> json_value_offsets(std::string_view text);

} // namespace lotse::importers
