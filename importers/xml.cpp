// SPDX-License-Identifier: MIT
#include "importers/xml.h"

#include "importers/text_decode.h"

#include <cstring>

namespace lotse::importers {

engine::SourceLocation XmlDocument::where(const pugi::xml_node& node) const {
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return {};
  // offset_debug points at the name; step back to the '<' so the column matches editors.
  std::size_t pos = static_cast<std::size_t>(offset);
  if (pos > 0 && text.bytes()[pos - 1] == '<') --pos;
  return text.locate(pos);
}

namespace {

bool has_element_child(const pugi::xml_node& n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) return true;
  return false;
}

/// The first element deeper than `limit` (the root is 1) that itself contains elements, walked without
/// recursion. Leaf elements (text only, such as incoming, outgoing, flowNodeRef) may sit one level
/// deeper: the BPMN writer adds them to the innermost task, and a model we accepted must read back.
pugi::xml_node first_too_deep(const pugi::xml_document& doc, std::size_t limit) {
  std::size_t depth = 0;
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (n.type() == pugi::node_element && depth + 1 > limit && has_element_child(n)) return n;
    if (n.type() == pugi::node_element && n.first_child()) {
      ++depth;
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      if (n == doc) return {};
      --depth;
    }
    if (n) n = n.next_sibling();
  }
  return {};
}

} // namespace

bool within_depth_limit(const XmlDocument& doc, engine::Diagnostics& diags) {
  const pugi::xml_node deep = first_too_deep(doc.doc, max_xml_depth);
  if (!deep) return true;
  diags.add(engine::DiagId::in_too_deep, doc.text.path(), doc.where(deep), "",
            {engine::number_arg(static_cast<double>(max_xml_depth), 0)});
  return false;
}

std::unique_ptr<XmlDocument> parse_xml(const engine::SourceFile& raw, engine::Diagnostics& diags) {
  if (raw.bytes().empty()) {
    diags.add(engine::DiagId::in_empty, raw.path(), engine::SourceLocation{1, 1}, "");
    return nullptr;
  }
  DecodedText decoded = decode_xml(raw, diags);
  auto result = std::make_unique<XmlDocument>(engine::SourceFile(raw.path(), std::move(decoded.utf8)));
  result->encoding = decoded.encoding;
  const std::string_view text = result->text.bytes();
  if (const auto dt = text.find("<!DOCTYPE"); dt != std::string_view::npos && dt < 4096) {
    diags.add(engine::DiagId::in_doctype, raw.path(), result->text.locate(dt), "");
  }
  // parse_default without parse_doctype: DOCTYPE is skipped, no entity is ever expanded or fetched.
  const unsigned options = pugi::parse_default & ~static_cast<unsigned>(pugi::parse_doctype);
  const pugi::xml_parse_result parsed =
      result->doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    diags.add(engine::DiagId::in_xml_syntax, raw.path(),
              result->text.locate(static_cast<std::size_t>(parsed.offset)), "", {parsed.description()});
    return nullptr;
  }
  if (!within_depth_limit(*result, diags)) return nullptr;
  if (!result->doc.document_element()) {
    diags.add(engine::DiagId::in_xml_syntax, raw.path(), engine::SourceLocation{1, 1}, "", {"no root element"});
    return nullptr;
  }
  return result;
}

std::string_view local_name(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view name_prefix(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}

std::string_view namespace_uri(const pugi::xml_node& node, std::string_view prefix) {
  std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    if (pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
  }
  return {};
}

} // namespace lotse::importers
