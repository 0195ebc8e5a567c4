// SPDX-License-Identifier: MIT
// PICTURE-BPMN extension elements: the typed task (building-block type) and attribute values
// (textValue/listValue/... with attributeID, dataType, name). No public export exists; the layout is
// reconstructed from the platform documentation (docs/formats-picture-table.md) and read by NAME, so
// installation-specific attributeIDs never matter.
#include "importers/bpmn_hooks.h"

#include "importers/picture_attrs.h"

#include <string>

namespace lotse::importers::picture_bpmn {
namespace {

namespace pa = picture_attrs;
using engine::DiagId;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  }
  return {};
}

bool is_container(std::string_view local) {
  return local == "attributeValues" || local == "attributes" || local == "attributeGroups" || local == "attributeGroup" ||
         local == "group" || local == "label" || local == "steckbrief" || local == "factSheet";
}

bool is_value(std::string_view local) { return local == "attribute" || ends_with(local, "Value"); }

bool is_block_type(std::string_view local) {
  return local == "buildingBlock" || local == "buildingBlockType" || local == "taskType";
}

/// Text of a value element: <value> child, @value, or its own text.
std::string value_text(const pugi::xml_node& n) {
  if (const auto v = child(n, "value")) return std::string(pa::trim(v.text().as_string()));
  if (const auto a = n.attribute("value")) return std::string(pa::trim(a.as_string()));
  return std::string(pa::trim(n.text().as_string()));
}

/// A value element's text; for lists the items joined with "; " ("Post 60; E-Mail 40" for named items).
std::string read_value(const pugi::xml_node& n) {
  pugi::xml_node items = child(n, "items");
  if (!items) {
    if (!child(n, "item")) return value_text(n);
    items = n;
  }
  std::string out;
  for (pugi::xml_node item = items.first_child(); item; item = item.next_sibling()) {
    if (item.type() != pugi::node_element || local_name(item.name()) != "item") continue;
    std::string part;
    const std::string label = pa::trim(item.attribute("name").as_string()).empty()
                                  ? std::string(pa::trim(child(item, "name").text().as_string()))
                                  : std::string(pa::trim(item.attribute("name").as_string()));
    const std::string v = value_text(item);
    part = label.empty() ? v : (v.empty() ? label : label + " " + v);
    if (part.empty()) continue;
    if (!out.empty()) out += "; ";
    out += part;
  }
  return out;
}

std::string unit_of(const pugi::xml_node& n) {
  for (const char* a : {"unit", "timeUnit"}) {
    if (const auto attr = n.attribute(a)) return attr.as_string();
    if (const auto c = child(n, a)) return c.text().as_string();
  }
  return {};
}

struct Target {
  engine::Node* node = nullptr;
  engine::Process* process = nullptr;
};

void apply(const pugi::xml_node& el, const XmlDocument& doc, const Target& t, engine::Diagnostics& diags) {
  const std::string_view local = local_name(el.name());
  const std::string& file = doc.text.path();
  const std::string element_id = t.node != nullptr ? t.node->id : t.process->id;
  if (is_container(local)) {
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) apply(c, doc, t, diags);
    }
    return;
  }
  if (is_block_type(local)) {
    if (t.node == nullptr) return;  // a process carries no block type
    std::string name = el.attribute("type").as_string();
    if (name.empty()) name = el.attribute("name").as_string();
    if (name.empty()) name = value_text(el);
    if (auto type = engine::find_block_type(name)) {
      t.node->attrs.block = *type;
      t.node->attrs.block_at = doc.where(el);
    } else {
      diags.add(DiagId::pic_unknown_block_type, file, doc.where(el), element_id, {name, t.node->name});
    }
    return;
  }
  if (!is_value(local)) {
    diags.add(DiagId::pic_bpmn_unknown_value_tag, file, doc.where(el), element_id, {el.name()});
    return;
  }
  const std::string name = el.attribute("name").as_string();
  const std::string value = read_value(el);
  const std::string unit = unit_of(el);
  const pa::Site site{file, doc.where(el), element_id, &diags};
  const std::string data_type = pa::fold(el.attribute("dataType").as_string());
  bool known = false;
  if (t.node != nullptr) {
    known = pa::apply_block_attribute(name, value, unit, pa::Direction::none, site, *t.node);
    if (!known && !pa::is_blank_value(value)) {
      // Process-level values on a node (PICTURE wants "Fallzahl pro Jahr" on the main start event)
      // stay free properties of the node; the BPMN importer can lift them to the process.
      engine::FactSheet lifted;
      known = pa::apply_process_attribute(name, value, unit, site, lifted);
      t.node->attrs.properties.emplace_back(name, value);
    }
  } else {
    known = pa::apply_process_attribute(name, value, unit, site, t.process->facts);
    if (!known && !pa::is_blank_value(value)) t.process->facts.other.emplace_back(name, value);
  }
  // Free text is expected to have no fixed meaning; say so only for typed values.
  if (!known && !pa::is_blank_value(value) && data_type != "text" && data_type != "richtext" && data_type != "shorttext") {
    diags.add(DiagId::pic_bpmn_unknown_attribute, file, doc.where(el), element_id, {name});
  }
}

} // namespace

bool handles(std::string_view ns, const pugi::xml_node& element) {
  if (ns.find("picture-gmbh.de") != std::string_view::npos || ns.find("prozessplattform") != std::string_view::npos) {
    return true;
  }
  const std::string_view prefix = name_prefix(element.name());
  return ns.empty() && (prefix == "picture" || prefix == "ppp");
}

void apply_node(const pugi::xml_node& element, const XmlDocument& doc, engine::Node& node, engine::Diagnostics& diags) {
  apply(element, doc, Target{&node, nullptr}, diags);
}

void apply_process(const pugi::xml_node& element, const XmlDocument& doc, engine::Process& process,
                   engine::Diagnostics& diags) {
  apply(element, doc, Target{nullptr, &process}, diags);
}

void apply_flow(const pugi::xml_node& element, const XmlDocument& doc, engine::Flow& flow, engine::Diagnostics& diags) {
  const std::string_view local = local_name(element.name());
  if (is_container(local)) {
    for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) apply_flow(c, doc, flow, diags);
    }
    return;
  }
  if (!is_value(local)) {
    diags.add(DiagId::pic_bpmn_unknown_value_tag, doc.text.path(), doc.where(element), flow.id, {element.name()});
    return;
  }
  // The branch probability is read like a block's P(Baustein), then moved to the flow.
  engine::Node probe;
  probe.id = flow.id;
  const pa::Site site{doc.text.path(), doc.where(element), flow.id, &diags};
  const std::string name = element.attribute("name").as_string();
  const std::string value = read_value(element);
  if (pa::fold(name).rfind("wahrscheinlichkeit", 0) == 0 || pa::fold(name).rfind("uebergangswahrscheinlichkeit", 0) == 0) {
    (void)pa::apply_block_attribute("Wahrscheinlichkeit", value, "", pa::Direction::none, site, probe);
    if (probe.attrs.occurrence) {
      flow.probability = engine::Located<engine::Probability>{{probe.attrs.occurrence->value}, site.at};
    }
  } else if (!pa::is_blank_value(value)) {
    diags.add(DiagId::pic_bpmn_unknown_attribute, doc.text.path(), site.at, flow.id, {name});
  }
}

} // namespace lotse::importers::picture_bpmn
