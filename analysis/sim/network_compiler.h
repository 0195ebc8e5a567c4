// SPDX-License-Identifier: MIT
// Internal to analysis/sim: the state of one compile_network() call, shared by network.cpp (structure
// and routing) and network_params.cpp (times, resources, calendars, arrivals).
#pragma once

#include "analysis/sim/network.h"

#include <map>
#include <utility>
#include <string>
#include <vector>

namespace lotse::analysis::sim {

struct Compiler {
  const engine::ProcessModel& m;
  const SimOptions& o;
  engine::Diagnostics& diags;
  SimNetwork net{};
  bool failed = false;
  std::vector<engine::NodeIndex> root_starts{};
  std::vector<std::vector<engine::NodeIndex>> scope_starts{};
  std::map<std::string, std::int32_t> calendar_of_timetable{};
  Holidays holidays{};

  void diag(engine::DiagId id, engine::NodeIndex n, std::vector<std::string> args);
  [[nodiscard]] std::string label(engine::NodeIndex n) const;
  [[nodiscard]] std::string label_of_process(engine::ProcessIndex p) const;
  [[nodiscard]] bool in_scope(engine::NodeIndex n, engine::NodeIndex parent, engine::ProcessIndex process) const;
  std::vector<engine::NodeIndex> start_nodes(engine::NodeIndex parent, engine::ProcessIndex process, bool root);
  std::vector<engine::NodeIndex> start_nodes_quiet(engine::NodeIndex parent, engine::ProcessIndex process);
  engine::ProcessIndex choose_process();
  void reach(engine::ProcessIndex process);
  /// Event sub-processes of a scope (scope_node npos: the process) with a probability, recorded in
  /// `esubs`; the others are reported (SIM-014). Returns the ones to simulate.
  std::vector<engine::NodeIndex> event_subprocesses(engine::NodeIndex scope_node, engine::NodeIndex parent,
                                                    engine::ProcessIndex process);
  std::vector<std::pair<engine::NodeIndex, engine::NodeIndex>> esubs{};  ///< (scope node, event sub-process)
  [[nodiscard]] engine::NodeIndex link_target(engine::NodeIndex n) const;
  void routing(engine::NodeIndex n);
  void fill_missing(engine::NodeIndex n, std::vector<double>& p);
  void pair_inclusive();
  void check_exits();

  // network_params.cpp
  void parameters(engine::ProcessIndex process);
  bool time_in_range(engine::NodeIndex n, double seconds);
  std::int32_t add_dist(engine::NodeIndex n, const engine::Distribution& d);
  std::int32_t event_delay(engine::NodeIndex n);
  void batch(engine::NodeIndex n, const engine::BatchRule& rule);
  void group_event_subprocesses();  ///< esubs -> SimNetwork::event_subs, per scope
  std::int32_t calendar_for(const std::string& timetable_id, const std::string& pool);
  std::int32_t calendar_of_spec(const std::string& spec);  ///< "Mo-Fr 08:00-16:00", once per text
  std::int32_t add_calendar(WeeklyCalendar cal);           ///< closed on `holidays`
  void pools_from_setup();
  void pools_from_org();
  void apply_staff_options();
  void delay_clocks();
  void arrivals(engine::ProcessIndex process);
};

} // namespace lotse::analysis::sim
