// SPDX-License-Identifier: MIT
// Extension elements no reader understands (Signavio metadata, Zeebe task headers, a tool's own data):
// kept as XML text so that `lotse convert` writes them back unchanged (issue #15.2).
#pragma once

#include <pugixml.hpp>

#include <string>

namespace lotse::importers::bpmn {

/// `el` and its subtree as compact XML, with every namespace prefix it uses declared on its root
/// (looked up on `el` and its ancestors), so the text stands on its own in any document.
[[nodiscard]] std::string foreign_xml(const pugi::xml_node& el);

} // namespace lotse::importers::bpmn
