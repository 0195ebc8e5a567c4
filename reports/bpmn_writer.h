// SPDX-License-Identifier: MIT
// BPMN 2.0 XML export of any imported model (BPMN, PICTURE, XProzess, building-block table): all
// processes, pools, lanes, nodes, flows, message flows, data and annotations, a diagram (input DI or
// automatic layout, reports/bpmn_layout.h), the typed attributes as `lotse:` extension elements
// (docs/lotse-bpmn-extension.md) and QBP/BIMP simulation parameters where times are known.
#pragma once

#include "engine/model.h"

#include <string>
#include <string_view>

namespace lotse::reports {

/// Where the QBP block goes: Camunda Modeler / bpmn.io keep it only inside process/extensionElements;
/// the BIMP engine only finds it as a direct child of definitions.
enum class QbpPlacement { process_extension, definitions_child };

struct BpmnWriteOptions {
  QbpPlacement qbp = QbpPlacement::process_extension;
  std::string exporter_version = "0";  ///< written as definitions/@exporterVersion
};

/// The model as a BPMN 2.0 XML document (UTF-8). Never fails for a model that was built.
[[nodiscard]] std::string write_bpmn(const engine::ProcessModel& m, const BpmnWriteOptions& options = {});

/// The id the writer uses for an original id: unchanged when it is a valid XML NCName, else with every
/// invalid character replaced by '_' (and a leading '_' when it starts with a digit, '-' or '.').
[[nodiscard]] std::string bpmn_id(std::string_view original);

} // namespace lotse::reports
