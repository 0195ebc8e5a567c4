// SPDX-License-Identifier: MIT
// Observers of a simulation run (house style 3.6.6): the kernel reports each finished activity
// execution and each finished case; event-log writers (reports/event_log.h) are sinks. The kernel
// knows nothing about file formats.
#pragma once

#include <cstdint>

namespace lotse::analysis::sim {

/// One executed activity of one case; times in ms of simulated time.
struct ActivityRecord {
  std::uint64_t case_number = 0;   ///< 1, 2, ... in arrival order
  std::uint32_t node = 0;          ///< engine::NodeIndex
  std::int32_t pool = -1;          ///< SimNetwork::pools index, -1 = no resource
  std::int64_t enabled = 0;        ///< ready to start (after any Liegezeit), queueing from here
  std::int64_t start = 0;
  std::int64_t end = 0;
  double cost_eur = 0;
};

class EventSink {
public:
  virtual ~EventSink() = default;
  virtual void case_started(std::uint64_t case_number, std::int64_t time) = 0;
  virtual void activity(const ActivityRecord& r) = 0;
  virtual void case_completed(std::uint64_t case_number, std::int64_t time) = 0;
};

} // namespace lotse::analysis::sim
