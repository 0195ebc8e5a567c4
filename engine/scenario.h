// SPDX-License-Identifier: MIT
// Scenario: the load put on a process (volume, staff, working hours, cost parameters, seed), kept
// apart from what the process is (ProcessModel). What-if runs change a copy of the scenario.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotse::engine {

struct Scenario {
  /// Overrides the model's Fallzahl (`--cases-per-year`).
  std::optional<double> cases_per_year;
  /// Working hours of one full-time post per year (1 MAK = 200 days x 8 h = 1,600 h, StBA).
  double hours_per_fte = 1600.0;
  /// Verteilzeitzuschlag: factor on bound minutes for unmodelled work (1.0 = none).
  double distribution_time_factor = 1.0;
  /// Staff per resource pool / Stelle (`--staff POOL=N`).
  std::vector<std::pair<std::string, int>> staff;
  /// Seed for every random stream.
  std::uint64_t seed = 1;
  /// Independent simulation replications.
  int replications = 10;
  /// Cases to simulate per replication (0 = from the model or a default).
  std::int64_t cases = 0;
  /// Worker threads for replications (0 = hardware concurrency); never changes results.
  int threads = 0;
};

} // namespace lotse::engine
