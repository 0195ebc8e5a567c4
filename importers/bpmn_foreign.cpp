// SPDX-License-Identifier: MIT
#include "importers/bpmn_foreign.h"

#include <set>
#include <sstream>
#include <string_view>

namespace lotse::importers::bpmn {
namespace {

/// The prefix of a qualified name ("" for none); "xmlns" declarations and "xml" are not prefixes to declare.
void note_prefix(std::string_view qname, std::set<std::string>& prefixes) {
  const auto colon = qname.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
  if (prefix == "xmlns" || prefix == "xml" || qname == "xmlns") return;
  prefixes.emplace(prefix);
}

void collect(const pugi::xml_node& el, std::set<std::string>& prefixes) {
  note_prefix(el.name(), prefixes);
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name.find(':') != std::string_view::npos) note_prefix(name, prefixes);
    // xsi:type="camunda:Foo" names a type by a prefix too.
    if (name.size() > 5 && name.substr(name.size() - 5) == ":type") {
      const std::string_view value = a.value();
      if (value.find(':') != std::string_view::npos) note_prefix(value, prefixes);
    }
  }
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) collect(c, prefixes);
  }
}

/// The namespace bound to `prefix` at `el` ("" prefix: the default namespace); nullptr when none.
const char* lookup(const pugi::xml_node& el, const std::string& prefix) {
  const std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + prefix;
  for (pugi::xml_node n = el; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
  }
  return nullptr;
}

} // namespace

std::string foreign_xml(const pugi::xml_node& el) {
  std::set<std::string> prefixes;
  collect(el, prefixes);
  pugi::xml_document copy;
  pugi::xml_node root = copy.append_copy(el);
  for (const auto& prefix : prefixes) {
    const std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + prefix;
    if (root.attribute(attr.c_str())) continue;
    if (const char* uri = lookup(el, prefix)) root.append_attribute(attr.c_str()).set_value(uri);
  }
  std::ostringstream out;
  copy.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

} // namespace lotse::importers::bpmn
