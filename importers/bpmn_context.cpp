// SPDX-License-Identifier: MIT
// Helpers shared by the BPMN reader and its extension readers.
#include "importers/bpmn_context.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace lotse::importers::bpmn {

std::optional<engine::FlowIndex> Context::find_flow(std::string_view id) {
  for (; flow_ids_built_ < flow_count; ++flow_ids_built_) {
    const auto i = static_cast<engine::FlowIndex>(flow_ids_built_);
    flow_ids_.emplace(builder.flow(i).id, i);
  }
  if (auto it = flow_ids_.find(std::string(trim(id))); it != flow_ids_.end()) return it->second;
  return std::nullopt;
}

std::optional<engine::LaneIndex> Context::find_lane(std::string_view id) {
  const std::string_view key = trim(id);
  for (const engine::LaneIndex l : lanes) {
    if (builder.lane(l).id == key) return l;
  }
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  if (s == "NaN" || s == "nan") return std::numeric_limits<double>::quiet_NaN();
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

} // namespace lotse::importers::bpmn
