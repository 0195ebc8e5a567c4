// SPDX-License-Identifier: MIT
#include "engine/model_stats.h"

namespace lotse::engine {

ModelStats compute_stats(const ProcessModel& m) {
  ModelStats s;
  s.processes = m.processes().size();
  s.participants = m.participants().size();
  s.lanes = m.lanes().size();
  s.flow_nodes_total = m.node_count();
  for (const Node& n : m.nodes()) ++s.flow_nodes[std::string(bpmn_type_name(n.kind))];
  s.sequence_flows = m.flows().size();
  s.message_flows = m.message_flows().size();
  s.data_objects = m.data().size();
  s.annotations = m.annotations().size();
  s.di = m.has_diagram();
  s.simulation = m.simulation().present;
  s.simulation_dialect = m.simulation().dialect;
  s.teilprozesse = m.picture_subprocesses().size();
  for (const auto& tp : m.picture_subprocesses()) s.variants += tp.variants.size();
  return s;
}

} // namespace lotse::engine
