// SPDX-License-Identifier: MIT
// Placeholder until the handler lands: handles nothing.
#include "importers/bpmn_hooks.h"

namespace lotse::importers::lotse_ext {

bool handles(std::string_view, const pugi::xml_node&) { return false; }
void apply_node(const pugi::xml_node&, const XmlDocument&, engine::Node&, engine::Diagnostics&) {}
void apply_process(const pugi::xml_node&, const XmlDocument&, engine::Process&, engine::Diagnostics&) {}
void apply_flow(const pugi::xml_node&, const XmlDocument&, engine::Flow&, engine::Diagnostics&) {}
void apply_lane(const pugi::xml_node&, const XmlDocument&, engine::Lane&, engine::Diagnostics&) {}

} // namespace lotse::importers::lotse_ext
