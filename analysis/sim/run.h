// SPDX-License-Identifier: MIT
// Running a simulation: compile the model, run R independent replications in parallel (std::thread,
// each with its own seed streams) and combine them in replication order, so the figures never depend
// on the number of threads. Means come with the half-width of a 95 % confidence interval from the
// replication means (Student's t); quantiles come from the pooled histograms of all replications.
#pragma once

#include "analysis/sim/event_sink.h"
#include "analysis/sim/network.h"
#include "engine/diagnostics.h"
#include "engine/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lotse::analysis::sim {

/// A mean over replications and the half-width of its 95 % confidence interval (absent for R < 2).
struct Estimate {
  double mean = 0;
  std::optional<double> ci95;
};

struct ActivityResult {
  engine::NodeIndex node = engine::npos;
  std::string id, name;
  std::int64_t count = 0;          ///< executions over all replications
  Estimate duration_s;             ///< work time per execution
  Estimate waiting_s;              ///< queueing per execution (incl. time outside office hours)
  std::string pool;                ///< pool id, "" without a resource
};

struct PoolResult {
  std::string id, name;
  int capacity = 1;
  double eur_per_hour = 0;
  Estimate utilization;            ///< busy time / available time (open hours x persons), 0..1
  std::int64_t tasks = 0;          ///< executions over all replications
};

struct SimulationResult {
  bool ok = false;                 ///< false: nothing simulated (diagnostics say why)
  engine::Diagnostics diagnostics;
  std::string process_id, process_name;
  std::uint64_t seed = 0;
  int replications = 0;
  std::int64_t cases_per_replication = 0;
  std::int64_t cases_completed = 0;  ///< over all replications
  Estimate cycle_s, waiting_s, processing_s, delay_s, cost_eur;  ///< per case
  /// Cycle time in working days of the arrival calendar (its open time during the case over the length of
  /// its working day, `working_day_s`; around the clock a working day is 24 h and this equals calendar days).
  Estimate cycle_working_days;
  double working_day_s = 86'400;
  /// Delay per case by analysis::WaitKind (index; analysis/time_kind.h names them), same words as analyze.
  std::vector<Estimate> delay_by_kind_s;
  double p50_s = 0, p90_s = 0, p95_s = 0, max_s = 0;             ///< cycle time, pooled
  double simulated_days = 0;       ///< mean simulated horizon per replication
  std::vector<ActivityResult> activities;
  std::vector<PoolResult> pools;
  std::uint64_t events = 0, task_instances = 0, max_in_flight = 0;
};

/// Simulates `m` with `o`. `sink`, if given, receives the events of replication 1 only (streamed).
[[nodiscard]] SimulationResult simulate(const engine::ProcessModel& m, const SimOptions& o, EventSink* sink = nullptr);
/// Same with an already compiled network (benchmarks compile once).
[[nodiscard]] SimulationResult simulate(const SimNetwork& net, const SimOptions& o, EventSink* sink = nullptr);

} // namespace lotse::analysis::sim
