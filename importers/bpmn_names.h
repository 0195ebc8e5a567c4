// SPDX-License-Identifier: MIT
// Names the BPMN importer recognises: namespace URIs classified once per xmlns declaration, and BPMN
// model element local names mapped to tags (every name bpmn-moddle knows, so unknown ones can be reported).
#pragma once

#include "engine/model.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace lotse::importers::bpmn {

/// The namespaces the importer treats specially; everything else is `other`.
enum class Ns : std::uint8_t { unbound, none, bpmn, bpmndi, dc, di, qbp, bpsim, camunda, adonis, other };

/// Classifies a namespace URI (a declared xmlns value).
[[nodiscard]] Ns classify_namespace(std::string_view uri);
/// Namespace a standard prefix stands for when a file uses it without declaring it (as bpmn-moddle does).
[[nodiscard]] std::optional<Ns> implicit_prefix(std::string_view prefix);
/// The canonical URI of a standard namespace (for messages).
[[nodiscard]] std::string_view standard_uri(Ns ns);

/// BPMN model elements the reader acts on; `known` = valid BPMN name without own handling.
enum class Tag : std::uint8_t {
  unknown, known, flow_node, event_definition,
  definitions, process, collaboration, choreography, participant, message_flow, lane_set, lane, child_lane_set,
  flow_node_ref, sequence_flow, condition_expression, extension_elements, data_object, data_object_reference,
  data_store, data_store_reference, data_input, data_output, io_specification, data_input_association,
  data_output_association, source_ref, target_ref, data_state, text_annotation, text, association,
  event_definition_ref, time_duration, time_date, time_cycle, standard_loop, multi_instance_loop, relationship,
};

struct TagInfo {
  Tag tag = Tag::unknown;
  engine::NodeKind kind{};        ///< for Tag::flow_node
  engine::EventTrigger trigger{}; ///< for Tag::event_definition
};

/// Looks a BPMN model local name up exactly as written ("userTask").
[[nodiscard]] TagInfo lookup_bpmn(std::string_view local);

} // namespace lotse::importers::bpmn
