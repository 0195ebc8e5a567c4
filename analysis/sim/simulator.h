// SPDX-License-Identifier: MIT
// The discrete-event kernel: one instance per replication (no global state). The future-event set is
// a binary heap of small POD events ordered by (time, sequence), so simultaneous events run in the
// order they were scheduled and a seed always gives the same run. Gateways and zero-time steps are
// walked inline; only waiting (Liegezeit, timers, queueing, work) costs an event. Memory is bounded by
// the cases in flight: tokens, scopes and cases live in free-listed slots.
#pragma once

#include "analysis/sim/event_sink.h"
#include "analysis/sim/network.h"
#include "analysis/sim/random.h"
#include "analysis/sim/statistics.h"

#include <cstdint>
#include <vector>

namespace lotse::analysis::sim {

class Simulator {
public:
  /// `sink` may be null; it receives the events of this replication only.
  /// `case_offset` is added to the case numbers the sink sees (unique over replications in one log).
  Simulator(const SimNetwork& net, std::uint64_t seed, std::uint64_t replication, EventSink* sink = nullptr,
            std::uint64_t case_offset = 0);
  /// Lets `o.cases` cases arrive and runs until all have finished or a limit of `o` stops it
  /// (activations or simulated years per case, simulated years in all).
  [[nodiscard]] ReplicationStats run(const SimOptions& o);

private:
  enum class EvKind : std::uint8_t { arrival, delay_done, work_done, boundary, boundary_beside, pool_wake, batch_release, event_sub };
  enum class Phase : std::uint8_t { routing, delay, queued, service, scope, batch, batch_member };
  struct Event {
    std::int64_t time;
    std::uint64_t seq;
    std::uint32_t token;
    std::uint32_t gen;
    EvKind kind;
    std::uint32_t aux = 0;  ///< boundary_beside: index into SimNetwork::boundaries; batch_release: epoch;
                            ///< event_sub: index into SimNetwork::event_subs (token = scope, gen = its gen)
  };
  struct Token {
    std::uint32_t scope = 0, node = 0, gen = 0, child = 0;
    std::uint32_t boundary_node = 0;
    std::int32_t reps = 0;
    Phase phase = Phase::routing;
    bool armed = false;
    bool instance = false;   ///< one instance of a parallel multi-instance activity (ends, never routes)
    bool mi_parent = false;  ///< waits for its parallel instances (they are counted, it is not)
    std::uint16_t shift = 0; ///< in service: the group of the pool's persons serving it
    std::uint32_t batch_group = 0xffffffffU;  ///< batch leader: index into groups_ (the other cases of its batch)
    std::int64_t enabled = 0, started = 0, end = 0, work = 0, preset_delay = -1;
  };
  struct JoinState {
    std::uint32_t node, arrived, expected;
  };
  struct Scope {
    std::uint32_t case_slot = 0, parent = 0, parent_token = 0;
    std::int32_t active = 0;
    std::uint32_t gen = 0;       ///< bumped when the scope ends: its pending event sub-process triggers are stale
    std::int32_t needed = 0;     ///< parallel multi-instance with a completion share: instances that complete it
    std::int32_t completed = 0;  ///< instances completed so far
    bool cancelled = false;
    std::vector<JoinState> joins;
  };
  struct Case {
    std::uint64_t number = 0;
    std::int64_t arrival = 0, activations = 0;
    double wait = 0, work = 0, delay = 0, cost = 0;
    std::uint32_t root = 0;
    bool completed = false;
  };
  struct BatchBuffer {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> waiting;  // (token, gen)
    std::uint32_t epoch = 0;  // bumped at each release: older release events are stale
  };
  struct Shift {
    int capacity = 1, busy = 0;
    const WeeklyCalendar* cal = nullptr;
  };
  struct Pool {
    int capacity = 1, busy = 0;
    std::int64_t wake_at = INT64_MAX;  ///< the pending pool_wake event, if any
    const WeeklyCalendar* cal = nullptr;
    std::vector<Shift> shifts;         ///< SimPool::shifts (empty: all persons work `cal`)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> queue;  // ring buffer of (token, gen)
    std::size_t head = 0, size = 0;
  };

  void schedule(std::int64_t t, EvKind k, std::uint32_t token, std::uint32_t gen, std::uint32_t aux = 0);
  Event pop();
  std::uint32_t new_token(std::uint32_t scope, std::uint32_t node);
  std::uint32_t new_scope(std::uint32_t case_slot, std::uint32_t parent, std::uint32_t parent_token);
  [[nodiscard]] bool cancelled(std::uint32_t scope) const;
  JoinState& join_state(Scope& s, std::uint32_t node);

  void arrive();
  void drain();
  void enter(std::uint32_t t);
  void execute(std::uint32_t t);
  void begin_work(std::uint32_t t);
  void start_service(std::uint32_t t, int shift);
  void boundary_beside(std::uint32_t t, std::uint32_t aux);
  static constexpr std::uint32_t boundary_index_mask = (1U << 20) - 1;
  /// The group of the pool with a person free in open hours now (0 for a pool of one group), or -1.
  [[nodiscard]] int free_shift(const Pool& p) const;
  /// The calendar of the person serving a token of pool p in group `shift`.
  [[nodiscard]] static const WeeklyCalendar& shift_calendar(const Pool& p, std::uint16_t shift) {
    return p.shifts.empty() ? *p.cal : *p.shifts[shift].cal;
  }
  /// The person of group `shift` is free again.
  static void release_person(Pool& p, std::uint16_t shift) {
    --p.busy;
    if (!p.shifts.empty()) --p.shifts[shift].busy;
  }
  void work_done(std::uint32_t t);
  void finish(std::uint32_t t);
  void leave(std::uint32_t t);
  void drop(std::uint32_t t);
  void scope_done(std::uint32_t s);
  void terminate(std::uint32_t s);
  void complete_case(std::uint32_t c);
  void boundary_fired(std::uint32_t t);
  void arm_boundaries(std::uint32_t t);
  [[nodiscard]] std::int32_t repetitions(const SimNode& n);
  bool spawn_instances(std::uint32_t t);
  void serve(std::uint32_t t);
  void join_batch(std::uint32_t t);
  void release_batch(std::uint32_t b);
  void finish_batch_members(std::uint32_t t);
  void boundary_leave(std::uint32_t t);
  bool end_events(std::uint32_t t);
  void arm_event_subs(std::uint32_t s, std::uint32_t begin, std::uint32_t end);
  void event_sub_fired(std::uint32_t s, std::uint32_t i);
  void enqueue(std::int32_t pool, std::uint32_t t);
  void serve_queue(std::int32_t pool);

  const SimNetwork& net_;
  EventSink* sink_;
  RandomStream arrivals_, durations_, routing_, delays_;
  std::vector<Event> heap_;
  std::uint64_t seq_ = 0;
  std::int64_t now_ = 0;
  std::vector<Token> tokens_;
  std::vector<std::uint32_t> free_tokens_;
  std::vector<Scope> scopes_;
  std::vector<std::uint32_t> free_scopes_;
  std::vector<Case> cases_;
  std::vector<std::uint32_t> free_cases_;
  std::vector<Pool> pools_;
  std::vector<BatchBuffer> batches_;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> groups_;
  std::vector<std::uint32_t> free_groups_;
  std::vector<std::uint32_t> ready_;
  std::vector<std::int64_t> deadlock_counts_;
  std::uint64_t in_flight_ = 0;
  std::uint64_t case_count_ = 0;  // cases arrived; numbers start after the offset
  std::int64_t limit_ = 0;
  std::int64_t case_time_limit_ = 0, horizon_limit_ = 0;
  ReplicationStats stats_;
  const std::function<void(std::int64_t)>* progress_ = nullptr;
};

} // namespace lotse::analysis::sim
