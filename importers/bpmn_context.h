// SPDX-License-Identifier: MIT
// What the BPMN reader shares with its extension readers (QBP, BPSim, Camunda, ADONIS): the parsed
// document, the model builder, the diagnostics, and lookups by original id.
#pragma once

#include "engine/diagnostics.h"
#include "engine/model_builder.h"
#include "engine/text_fold.h"
#include "importers/xml.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lotse::importers::bpmn {

struct Context {
  const XmlDocument& doc;
  engine::ModelBuilder& builder;
  engine::Diagnostics& diags;
  std::size_t flow_count = 0;   ///< sequence flows added so far
  std::vector<engine::LaneIndex> lanes;  ///< lanes added so far (for resource parameters)

  Context(const XmlDocument& d, engine::ModelBuilder& b, engine::Diagnostics& g) : doc(d), builder(b), diags(g) {}

  [[nodiscard]] const std::string& file() const { return doc.text.path(); }
  /// Reports a diagnostic at an element.
  engine::Diagnostic& report(engine::DiagId id, const pugi::xml_node& at, std::string element_id,
                             std::vector<std::string> args = {}) {
    return diags.add(id, file(), doc.where(at), std::move(element_id), std::move(args));
  }
  /// Sequence flow by original id (the index is built on first use).
  [[nodiscard]] std::optional<engine::FlowIndex> find_flow(std::string_view id);
  /// Lane by original id.
  [[nodiscard]] std::optional<engine::LaneIndex> find_lane(std::string_view id);

private:
  std::unordered_map<std::string, engine::FlowIndex> flow_ids_;
  std::size_t flow_ids_built_ = 0;
};

/// Trims XML white space (engine/text_fold.h).
using engine::trim;
/// Parses a decimal number (trimmed; "NaN" gives NaN); nullopt when it is not one.
[[nodiscard]] std::optional<double> parse_number(std::string_view s);

} // namespace lotse::importers::bpmn
