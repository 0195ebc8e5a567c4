// SPDX-License-Identifier: MIT
// Statistics collected by one replication (plain sums, no per-case storage) and the bounded
// log-linear histogram used for quantiles: 128 buckets per power of two, so a reported quantile is
// within 0.4 % of the exact order statistic whatever the number of cases (HdrHistogram's idea).
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace lotse::analysis::sim {

/// Counts of non-negative integer values (ms) in log-linear buckets; memory is fixed (~57 KB).
class Histogram {
public:
  Histogram();
  void add(std::int64_t v);
  void merge(const Histogram& other);
  [[nodiscard]] std::uint64_t count() const { return total_; }
  /// The q-quantile (0 < q <= 1): the bucket midpoint of the ceil(q n)-th smallest value, at most max.
  [[nodiscard]] std::int64_t quantile(double q) const;
  [[nodiscard]] std::int64_t max() const { return max_; }

private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t total_ = 0;
  std::int64_t max_ = 0;
};

struct ActivityAcc {
  std::int64_t count = 0;
  double work_ms = 0, wait_ms = 0, cost_eur = 0;
};

struct PoolAcc {
  double busy_ms = 0;
  double available_ms = 0;
  std::int64_t tasks = 0;
};

/// Everything one replication measured.
struct ReplicationStats {
  std::int64_t cases_completed = 0;
  double cycle_ms = 0, wait_ms = 0, work_ms = 0, delay_ms = 0, cost_eur = 0;  ///< sums over cases
  double cycle_working_ms = 0;       ///< sum over cases of the arrival calendar's open time during the case
  std::array<double, 8> delay_by_kind_ms{};  ///< delays begun, by analysis::WaitKind (time_kind.h)
  Histogram cycle;
  std::vector<ActivityAcc> activities;
  std::vector<PoolAcc> pools;
  std::vector<std::pair<std::uint32_t, std::int64_t>> deadlocks;  ///< join node, cases affected
  std::int64_t horizon_ms = 0;       ///< simulated time until the last case completed
  std::uint64_t events = 0;          ///< events taken from the future-event set
  std::uint64_t task_instances = 0;  ///< activity executions
  std::uint64_t max_in_flight = 0;   ///< most cases open at once
  bool aborted = false;              ///< a limit was hit (activations or years per case, horizon)
  bool horizon_exceeded = false;     ///< aborted because simulated time passed the horizon limit
  std::uint32_t stuck_node = 0xffffffffU;  ///< aborted per case: the node the case was entering
};

/// The 97.5 % quantile (two-sided 95 %) of Student's t with `df` degrees of freedom (df >= 1), from Boost.Math.
[[nodiscard]] double student_t975(int df);

} // namespace lotse::analysis::sim
