// SPDX-License-Identifier: MIT
// Vendor extension elements of flow nodes: Camunda `camunda:properties` (name/value pairs) and BOC ADONIS
// `adonis:instance/adonis:attribute` times and costs.
#pragma once

#include "engine/model.h"
#include "importers/bpmn_context.h"
#include "importers/bpmn_names.h"

#include <optional>
#include <string_view>

namespace lotse::importers::bpmn {

/// Applies a child of a flow node's extensionElements if it is a vendor element this file handles.
/// Returns false for everything else (the caller then offers it to the extension hooks).
[[nodiscard]] bool read_vendor_extension(Context& ctx, Ns ns, std::string_view local, const pugi::xml_node& el,
                                         engine::Node& node);

/// An ADONIS duration: type UTC is integer milliseconds; the display form "YY:DDD:HH:MM:SS" is accepted too.
[[nodiscard]] std::optional<engine::Duration> parse_adonis_duration(std::string_view text);

} // namespace lotse::importers::bpmn
