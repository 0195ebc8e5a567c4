// SPDX-License-Identifier: MIT
#include "importers/xml.h"

#include "importers/text_decode.h"

#include "engine/utf8.h"

#include <cstdint>
#include <cstring>
#include <optional>

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

/// Visits every node of `doc` in document order without recursion, with its depth (0 for the root
/// element); stops at and returns the first node for which `stop(node, depth)` is true, else null.
template <class F>
pugi::xml_node walk(const pugi::xml_document& doc, F stop) {
  std::size_t depth = 0;
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (stop(n, depth)) return n;
    if (n.first_child()) {
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

bool has_element_child(const pugi::xml_node& n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) return true;
  return false;
}

/// The first element deeper than `limit` (the root is 1) that itself contains elements, walked without
/// recursion. Leaf elements (text only, such as incoming, outgoing, flowNodeRef) may sit one level
/// deeper: the BPMN writer adds them to the innermost task, and a model we accepted must read back.
pugi::xml_node first_too_deep(const pugi::xml_document& doc, std::size_t limit) {
  return walk(doc, [&](pugi::xml_node n, std::size_t depth) {
    return n.type() == pugi::node_element && depth + 1 > limit && has_element_child(n);
  });
}

/// The code point of the character reference at text[i] ("&#65;", "&#x41;"), or nullopt when there
/// is none; values too large to be a code point give 0x110000 (forbidden).
std::optional<std::uint32_t> reference_at(std::string_view text, std::size_t i) {
  if (i + 3 >= text.size() || text[i + 1] != '#') return std::nullopt;
  std::size_t k = i + 2;
  const bool hex = text[k] == 'x';
  if (hex) ++k;
  std::uint32_t cp = 0;
  const std::size_t first = k;
  for (; k < text.size(); ++k) {
    const char c = text[k];
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) break;
    cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
    if (cp > 0x10FFFF) cp = 0x110000;
  }
  if (k == first || k >= text.size() || text[k] != ';') return std::nullopt;
  return cp;
}

/// `value` with forbidden characters replaced; how many (0: none, `out` untouched).
std::size_t cleaned(const char* value, std::string& out) {
  const std::string_view v(value);
  if (engine::find_forbidden_char(v) == std::string_view::npos) return 0;
  out.assign(v);
  return engine::replace_forbidden_chars(out);
}

} // namespace

std::size_t find_forbidden_xml(std::string_view text, std::size_t from) {
  const std::size_t raw = engine::find_forbidden_char(text, from);
  const std::string_view head = text.substr(0, raw == std::string_view::npos ? text.size() : raw);
  for (std::size_t amp = head.find("&#", from); amp != std::string_view::npos; amp = head.find("&#", amp + 2)) {
    if (const auto cp = reference_at(text, amp); cp && engine::is_forbidden_char(*cp)) return amp;
  }
  return raw;
}

void replace_forbidden_xml(XmlDocument& doc, engine::Diagnostics& diags, std::size_t from) {
  const std::size_t first = find_forbidden_xml(doc.text.bytes(), from);
  if (first == std::string_view::npos) return;
  std::size_t count = 0;
  std::string fixed;
  walk(doc.doc, [&](pugi::xml_node n, std::size_t) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      if (const std::size_t k = cleaned(a.value(), fixed); k > 0) {
        a.set_value(fixed.c_str());
        count += k;
      }
    }
    if (n.type() != pugi::node_pcdata && n.type() != pugi::node_cdata) return false;
    if (const std::size_t k = cleaned(n.value(), fixed); k > 0) {
      n.set_value(fixed.c_str());
      count += k;
    }
    return false;  // visit every node
  });
  if (count == 0) return;  // only in comments or processing instructions, which nothing reads
  diags.add(engine::DiagId::in_forbidden_chars, doc.text.path(), doc.text.locate(first), "",
            {std::to_string(count)});
}

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
  replace_forbidden_xml(*result, diags);
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
