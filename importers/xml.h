// SPDX-License-Identifier: MIT
// Secure XML loading shared by the XML importers: decode to UTF-8, parse with pugixml (which never
// resolves external entities and skips DOCTYPE without expanding anything), report syntax errors with
// line:column, and map pugixml node offsets to line:column for every element (house style 3.3.4).
#pragma once

#include "engine/diagnostics.h"
#include "engine/source_file.h"

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace lotse::importers {

/// A parsed document and the decoded text its offsets refer to.
struct XmlDocument {
  pugi::xml_document doc;
  engine::SourceFile text;  ///< decoded UTF-8 text, same path as the input
  std::string encoding;     ///< the encoding used for decoding
  explicit XmlDocument(engine::SourceFile t) : text(std::move(t)) {}
  /// Line:column of an element or attribute's element (0:0 if unknown).
  [[nodiscard]] engine::SourceLocation where(const pugi::xml_node& node) const;
};

/// Deepest element nesting accepted (the root element is depth 1): about 500 nested sub-processes or
/// 250 nested lanes (a lane level takes two elements). Deeper documents are refused with IN-008, so
/// every later walk over nesting is bounded (docs/limits.md).
inline constexpr std::size_t max_xml_depth = 500;

/// Decodes and parses. On a syntax error adds IN-004 (or IN-003 for an empty file) and returns null.
[[nodiscard]] std::unique_ptr<XmlDocument> parse_xml(const engine::SourceFile& raw, engine::Diagnostics& diags);

/// False (and IN-008 added) when an element is nested deeper than max_xml_depth. parse_xml checks it.
[[nodiscard]] bool within_depth_limit(const XmlDocument& doc, engine::Diagnostics& diags);

/// Offset of the first character XML forbids in `text` at or after `from`: a raw one or a character
/// reference to one ("&#1;", "&#xFFFE;"); std::string_view::npos when there is none.
[[nodiscard]] std::size_t find_forbidden_xml(std::string_view text, std::size_t from = 0);

/// Replaces every forbidden character (engine::is_forbidden_char) in attribute values, text and CDATA
/// with U+FFFD and adds IN-009 at the first, when find_forbidden_xml finds one from `from` on (the
/// caller may know that the text before is clean). parse_xml calls it.
void replace_forbidden_xml(XmlDocument& doc, engine::Diagnostics& diags, std::size_t from = 0);

/// The local part of a qualified name ("bpmn:task" -> "task").
[[nodiscard]] std::string_view local_name(std::string_view qualified);
/// The prefix of a qualified name ("bpmn:task" -> "bpmn", "task" -> "").
[[nodiscard]] std::string_view name_prefix(std::string_view qualified);
/// Namespace URI bound to `prefix` at `node` (walks up the ancestors; "" = default namespace).
/// Returns an empty string when the prefix is not declared.
[[nodiscard]] std::string_view namespace_uri(const pugi::xml_node& node, std::string_view prefix);

} // namespace lotse::importers
