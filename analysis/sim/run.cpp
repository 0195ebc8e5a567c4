// SPDX-License-Identifier: MIT
#include "analysis/sim/run.h"

#include "analysis/sim/bounds.h"
#include "analysis/sim/simulator.h"
#include "analysis/time_kind.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <fmt/format.h>
#include <mutex>
#include <thread>
#include <tuple>

namespace lotse::analysis::sim {
namespace {

Estimate estimate(const std::vector<double>& xs) {
  Estimate e;
  if (xs.empty()) return e;
  double sum = 0;
  for (const double x : xs) sum += x;
  e.mean = sum / static_cast<double>(xs.size());
  if (xs.size() >= 2) {
    double ss = 0;
    for (const double x : xs) ss += (x - e.mean) * (x - e.mean);
    const double sd = std::sqrt(ss / static_cast<double>(xs.size() - 1));
    e.ci95 = student_t975(static_cast<int>(xs.size()) - 1) * sd / std::sqrt(static_cast<double>(xs.size()));
  }
  return e;
}

std::vector<ReplicationStats> run_replications(const SimNetwork& net, const SimOptions& o, EventSink* sink) {
  const int reps = std::max(1, o.replications);
  std::vector<ReplicationStats> out(static_cast<std::size_t>(reps));
  int threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  threads = std::min(threads, reps);
  std::atomic<int> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const bool log_all = sink != nullptr && o.log_all_replications;
  if (log_all) threads = 1;  // one log, replications in order (each has its own streams: same numbers)
  const auto worker = [&] {
    for (int r = next++; r < reps; r = next++) {
      try {
        const auto case_offset = log_all ? static_cast<std::uint64_t>(r) * static_cast<std::uint64_t>(std::max<std::int64_t>(o.cases, 0)) : 0;
        Simulator sim(net, o.seed, static_cast<std::uint64_t>(r), r == 0 || log_all ? sink : nullptr, case_offset);
        out[static_cast<std::size_t>(r)] = sim.run(o);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
  return out;
}

// A limit stopped a replication: the simulated time as a whole, or a case that does not run out
// (named by the cycle it was in).
void report_abort(SimulationResult& r, const SimNetwork& net, const SimOptions& o, const ReplicationStats& s) {
  const engine::ProcessModel& m = *net.model;
  if (s.horizon_exceeded) {
    r.diagnostics.add(engine::DiagId::sim_horizon_limit, m.source_path(), {}, "", {engine::number_arg_g(o.horizon_years_limit)});
    return;
  }
  const std::uint32_t n = s.stuck_node;
  const bool known = n < m.node_count();
  r.diagnostics.add(engine::DiagId::sim_activation_limit, m.source_path(), known ? m.node(n).origin : engine::SourceLocation{},
                    known ? m.node(n).id : "",
                    {std::to_string(o.activation_limit), engine::number_arg_g(o.case_years_limit),
                     known ? cycle_text(net, n) : std::string("?")});
}

} // namespace

SimulationResult simulate(const engine::ProcessModel& m, const SimOptions& o, EventSink* sink) {
  engine::Diagnostics diags;
  const SimNetwork net = compile_network(m, o, diags);
  SimulationResult r;
  if (net.ok) r = simulate(net, o, sink);
  diags.append(r.diagnostics);
  r.diagnostics = std::move(diags);
  return r;
}

SimulationResult simulate(const SimNetwork& net, const SimOptions& o, EventSink* sink) {
  SimulationResult r;
  r.seed = o.seed;
  r.replications = std::max(1, o.replications);
  r.cases_per_replication = o.cases;
  if (!net.ok || !net.model) return r;
  const engine::ProcessModel& m = *net.model;
  if (net.process != engine::npos && net.process < m.processes().size()) {
    r.process_id = m.processes()[net.process].id;
    r.process_name = m.processes()[net.process].name;
  }
  const std::vector<ReplicationStats> reps = run_replications(net, o, sink);

  std::vector<double> cycle, wait, work, delay, cost, cycle_working;
  const double working_day_ms =
      static_cast<double>(net.calendars.at(static_cast<std::size_t>(net.arrival_calendar)).working_day_ms());
  static_assert(wait_kind_count == std::tuple_size_v<decltype(ReplicationStats::delay_by_kind_ms)>);
  std::vector<std::vector<double>> by_kind(std::tuple_size_v<decltype(ReplicationStats::delay_by_kind_ms)>);
  Histogram pooled;
  double horizon = 0;
  const ReplicationStats* aborted = nullptr;
  for (const auto& s : reps) {
    r.cases_completed += s.cases_completed;
    r.events += s.events;
    r.task_instances += s.task_instances;
    r.max_in_flight = std::max(r.max_in_flight, s.max_in_flight);
    horizon += static_cast<double>(s.horizon_ms);
    if (!aborted && s.aborted) aborted = &s;
    pooled.merge(s.cycle);
    if (s.cases_completed == 0) continue;
    const double n = static_cast<double>(s.cases_completed) * 1000.0;
    cycle.push_back(s.cycle_ms / n);
    cycle_working.push_back(s.cycle_working_ms / (n / 1000.0) / working_day_ms);
    wait.push_back(s.wait_ms / n);
    work.push_back(s.work_ms / n);
    delay.push_back(s.delay_ms / n);
    for (std::size_t k = 0; k < by_kind.size(); ++k) by_kind[k].push_back(s.delay_by_kind_ms[k] / n);
    cost.push_back(s.cost_eur * 1000.0 / n);
  }
  if (aborted) {
    report_abort(r, net, o, *aborted);
    return r;
  }
  r.cycle_s = estimate(cycle);
  r.cycle_working_days = estimate(cycle_working);
  r.working_day_s = working_day_ms / 1000.0;
  r.waiting_s = estimate(wait);
  r.processing_s = estimate(work);
  r.delay_s = estimate(delay);
  for (const auto& k : by_kind) r.delay_by_kind_s.push_back(estimate(k));
  r.cost_eur = estimate(cost);
  r.p50_s = static_cast<double>(pooled.quantile(0.50)) / 1000.0;
  r.p90_s = static_cast<double>(pooled.quantile(0.90)) / 1000.0;
  r.p95_s = static_cast<double>(pooled.quantile(0.95)) / 1000.0;
  r.max_s = static_cast<double>(pooled.max()) / 1000.0;
  r.simulated_days = horizon / static_cast<double>(reps.size()) / 86'400'000.0;

  for (std::size_t a = 0; a < net.activities.size(); ++a) {
    ActivityResult ar;
    ar.node = net.activities[a];
    const auto& node = m.node(ar.node);
    ar.id = node.id;
    ar.name = node.name;
    const std::int32_t pool = net.nodes[ar.node].pool;
    if (pool >= 0) ar.pool = net.pools[static_cast<std::size_t>(pool)].id;
    std::vector<double> d, w;
    for (const auto& s : reps) {
      const ActivityAcc& acc = s.activities[a];
      ar.count += acc.count;
      if (acc.count == 0) continue;
      d.push_back(acc.work_ms / static_cast<double>(acc.count) / 1000.0);
      w.push_back(acc.wait_ms / static_cast<double>(acc.count) / 1000.0);
    }
    ar.duration_s = estimate(d);
    ar.waiting_s = estimate(w);
    r.activities.push_back(std::move(ar));
  }
  for (std::size_t p = 0; p < net.pools.size(); ++p) {
    PoolResult pr;
    pr.id = net.pools[p].id;
    pr.name = net.pools[p].name;
    pr.capacity = net.pools[p].capacity;
    pr.eur_per_hour = net.pools[p].eur_per_hour;
    std::vector<double> u;
    for (const auto& s : reps) {
      pr.tasks += s.pools[p].tasks;
      if (s.pools[p].available_ms > 0) u.push_back(s.pools[p].busy_ms / s.pools[p].available_ms);
    }
    pr.utilization = estimate(u);
    if (pr.utilization.mean >= 0.98) {
      r.diagnostics.add(engine::DiagId::sim_overloaded, m.source_path(), net.pools[p].name.empty() ? engine::SourceLocation{} : engine::SourceLocation{}, "",
                        {pr.name, engine::number_arg(pr.utilization.mean * 100.0, 0)});
    }
    r.pools.push_back(std::move(pr));
  }
  // Deadlocks, summed over replications, in node order.
  std::vector<std::int64_t> dead(m.node_count(), 0);
  for (const auto& s : reps) {
    for (const auto& [node, count] : s.deadlocks) dead[node] += count;
  }
  for (engine::NodeIndex n = 0; n < dead.size(); ++n) {
    if (dead[n] > 0) {
      const auto& node = m.node(n);
      r.diagnostics.add(engine::DiagId::sim_join_deadlock, m.source_path(), node.origin, node.id,
                        {node.name.empty() ? node.id : node.name, std::to_string(dead[n])});
    }
  }
  r.ok = r.cases_completed > 0;
  return r;
}

} // namespace lotse::analysis::sim
