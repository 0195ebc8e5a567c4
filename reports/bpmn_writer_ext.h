// SPDX-License-Identifier: MIT
// Internal to the BPMN writer: the typed attributes of nodes and processes as `lotse:attribute`
// elements (docs/lotse-bpmn-extension.md), which importers/lotse_ext.cpp reads back.
#pragma once

#include "engine/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports::bpmn_detail {

/// `lotse:attribute` lines of one element; values are XML-escaped.
class AttrList {
public:
  void add(std::string_view name, std::string_view value);
  void add(std::string_view name, double value);
  [[nodiscard]] bool empty() const { return lines_.empty(); }
  /// `<lotse:attributes>` with one line per attribute, each line prefixed by `indent`.
  [[nodiscard]] std::string render(std::string_view indent) const;

private:
  std::vector<std::string> lines_;
};

/// Every typed attribute a node carries (times, block type, Stelle, channels, documents, ...).
[[nodiscard]] AttrList node_attributes(const engine::NodeAttributes& a);
/// The node's attributes plus, for an event, its time as `duration_distribution` (QBP carries only the
/// distributions of activities).
[[nodiscard]] AttrList node_attributes(const engine::Node& n);
/// `<bpmn:standardLoopCharacteristics>` (with loopMaximum) or `<bpmn:multiInstanceLoopCharacteristics>`
/// (isSequential, loopCardinality) of a node whose `loop` is set, one line per element, prefixed by `indent`.
[[nodiscard]] std::string loop_characteristics(const engine::Node& n, std::string_view id, std::string_view indent);
/// Process fact sheet; the model-level sheet fills what the process's own does not say.
[[nodiscard]] AttrList process_attributes(const engine::FactSheet& own, const engine::FactSheet* model);

} // namespace lotse::reports::bpmn_detail
