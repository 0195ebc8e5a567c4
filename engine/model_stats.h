// SPDX-License-Identifier: MIT
// ModelStats: what an import found, counted the way the reference parser (bpmn-moddle) counts it,
// so `lotse stats --format json` can be compared with shared/corpus/reference.json.
#pragma once

#include "engine/model.h"

#include <map>
#include <string>

namespace lotse::engine {

struct ModelStats {
  std::size_t processes = 0;
  std::size_t participants = 0;
  std::size_t lanes = 0;
  std::size_t flow_nodes_total = 0;
  std::map<std::string, std::size_t> flow_nodes;  ///< by "bpmn:UserTask" etc.
  std::size_t sequence_flows = 0;
  std::size_t message_flows = 0;
  std::size_t data_objects = 0;                   ///< all DataElement entries
  std::size_t annotations = 0;
  bool di = false;
  bool simulation = false;
  std::string simulation_dialect;
  std::size_t teilprozesse = 0;                   ///< PICTURE Teilprozesse
  std::size_t variants = 0;                       ///< PICTURE Varianten over all Teilprozesse
};

[[nodiscard]] ModelStats compute_stats(const ProcessModel& m);

} // namespace lotse::engine
