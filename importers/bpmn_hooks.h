// SPDX-License-Identifier: MIT
// Extension hooks the BPMN importer calls for children of bpmn:extensionElements it does not handle
// itself: the Prozesslotse namespace (importers/lotse_ext.cpp) and PICTURE-BPMN (importers/picture_bpmn.cpp).
// Each handler answers `handles(ns_uri, element)` cheaply and applies the element to the target.
#pragma once

#include "engine/diagnostics.h"
#include "engine/model.h"
#include "importers/xml.h"

#include <string_view>

namespace lotse::importers {

namespace lotse_ext {
inline constexpr std::string_view ns_uri = "https://prozesslotse.de/bpmn/1.0";
/// True for elements in the Prozesslotse namespace (`ns` = the element's namespace URI).
[[nodiscard]] bool handles(std::string_view ns, const pugi::xml_node& element);
void apply_node(const pugi::xml_node& element, const XmlDocument& doc, engine::Node& node, engine::Diagnostics& diags);
void apply_flow(const pugi::xml_node& element, const XmlDocument& doc, engine::Flow& flow, engine::Diagnostics& diags);
void apply_process(const pugi::xml_node& element, const XmlDocument& doc, engine::Process& process, engine::Diagnostics& diags);
void apply_lane(const pugi::xml_node& element, const XmlDocument& doc, engine::Lane& lane, engine::Diagnostics& diags);
} // namespace lotse_ext

namespace picture_bpmn {
/// True for PICTURE-BPMN extension elements (building-block type, textValue/listValue/... attribute values).
[[nodiscard]] bool handles(std::string_view ns, const pugi::xml_node& element);
void apply_node(const pugi::xml_node& element, const XmlDocument& doc, engine::Node& node, engine::Diagnostics& diags);
void apply_process(const pugi::xml_node& element, const XmlDocument& doc, engine::Process& process, engine::Diagnostics& diags);
/// Sequence flow: "Wahrscheinlichkeit in %" of an XOR branch -> Flow::probability.
void apply_flow(const pugi::xml_node& element, const XmlDocument& doc, engine::Flow& flow, engine::Diagnostics& diags);
} // namespace picture_bpmn

} // namespace lotse::importers
