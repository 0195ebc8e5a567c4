// SPDX-License-Identifier: MIT
// The kernel (see simulator.h). A token walks a node in stages: join -> occurrence -> boundary timers
// -> delay (Liegezeit/timer/message) -> work (queue for the pool, then service in open hours) or a
// child scope (sub-process) -> repetitions -> route. Leaving a node bumps the token's generation, which
// cancels its pending boundary timer in O(1) (stale events are skipped when popped).
#include "analysis/sim/simulator.h"

#include "analysis/sim/bounds.h"
#include "analysis/sim/simulator_detail.h"

#include <algorithm>
#include <cmath>

namespace lotse::analysis::sim {

using detail::draw;
using detail::none;
using detail::take_slot;
using detail::to_ms;
using detail::years_to_ms;

Simulator::Simulator(const SimNetwork& net, std::uint64_t seed, std::uint64_t replication, EventSink* sink,
                     std::uint64_t case_offset)
    : net_(net), sink_(sink), arrivals_(RandomStream::for_stream(seed, replication, Purpose::arrivals)),
      durations_(RandomStream::for_stream(seed, replication, Purpose::durations)),
      routing_(RandomStream::for_stream(seed, replication, Purpose::routing)),
      delays_(RandomStream::for_stream(seed, replication, Purpose::delays)) {
  pools_.resize(net.pools.size());
  for (std::size_t i = 0; i < pools_.size(); ++i) {
    pools_[i].capacity = net.pools[i].capacity;
    pools_[i].cal = &net.calendars.at(static_cast<std::size_t>(net.pools[i].calendar));
    for (const SimShift& sh : net.pools[i].shifts) {
      pools_[i].shifts.push_back(Shift{sh.capacity, 0, &net.calendars.at(static_cast<std::size_t>(sh.calendar))});
    }
    pools_[i].queue.resize(16);
  }
  case_count_ = case_offset;
  batches_.resize(net.batches.size());
  stats_.activities.resize(net.activities.size());
  stats_.pools.resize(net.pools.size());
  deadlock_counts_.assign(net.nodes.size(), 0);
  heap_.reserve(1024);
}

// The event list: a 4-ary min-heap on (time, seq) — half the depth of a binary heap, and the four
// children of a node share a cache line or two. seq makes the order of simultaneous events that of
// scheduling, so runs are reproducible.
namespace {
// One 128-bit comparison instead of two branches (times are never negative).
inline bool before(std::int64_t at, std::uint64_t aseq, std::int64_t bt, std::uint64_t bseq) {
  __extension__ typedef unsigned __int128 Key;
  return ((static_cast<Key>(static_cast<std::uint64_t>(at)) << 64) | aseq) <
         ((static_cast<Key>(static_cast<std::uint64_t>(bt)) << 64) | bseq);
}
} // namespace

void Simulator::schedule(std::int64_t t, EvKind k, std::uint32_t token, std::uint32_t gen, std::uint32_t aux) {
  const Event e{t, seq_++, token, gen, k, aux};
  heap_.push_back(e);
  std::size_t i = heap_.size() - 1;
  while (i > 0) {
    const std::size_t p = (i - 1) / 4;
    const Event& pe = heap_[p];
    if (before(pe.time, pe.seq, e.time, e.seq)) break;
    heap_[i] = pe;
    i = p;
  }
  heap_[i] = e;
}

Simulator::Event Simulator::pop() {
  const Event top = heap_.front();
  const Event last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n > 0) {
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      const std::size_t end = std::min(first + 4, n);
      std::size_t c = first;
      for (std::size_t x = first + 1; x < end; ++x) {
        if (before(heap_[x].time, heap_[x].seq, heap_[c].time, heap_[c].seq)) c = x;
      }
      const Event& ce = heap_[c];
      if (before(last.time, last.seq, ce.time, ce.seq)) break;
      heap_[i] = ce;
      i = c;
    }
    heap_[i] = last;
  }
  return top;
}

std::uint32_t Simulator::new_token(std::uint32_t scope, std::uint32_t node) {
  const std::uint32_t t = take_slot(tokens_, free_tokens_);
  Token& k = tokens_[t];
  k.scope = scope;
  k.node = node;
  k.reps = 0;
  k.phase = Phase::routing;
  k.armed = false;
  k.instance = false;
  k.mi_parent = false;
  k.batch_group = none;
  k.preset_delay = -1;
  k.work = 0;
  ++scopes_[scope].active;
  return t;
}

std::uint32_t Simulator::new_scope(std::uint32_t case_slot, std::uint32_t parent, std::uint32_t parent_token) {
  const std::uint32_t s = take_slot(scopes_, free_scopes_);
  Scope& sc = scopes_[s];
  sc.case_slot = case_slot;
  sc.parent = parent;
  sc.parent_token = parent_token;
  sc.active = 0;
  sc.needed = 0;
  sc.completed = 0;
  sc.cancelled = false;
  sc.joins.clear();
  return s;
}

bool Simulator::cancelled(std::uint32_t s) const {
  for (; s != none; s = scopes_[s].parent) {
    if (scopes_[s].cancelled) return true;
  }
  return false;
}

Simulator::JoinState& Simulator::join_state(Scope& s, std::uint32_t node) {
  for (auto& j : s.joins) {
    if (j.node == node) return j;
  }
  s.joins.push_back({node, 0, 0});
  return s.joins.back();
}

ReplicationStats Simulator::run(const SimOptions& o) {
  const std::int64_t cases = o.cases;
  limit_ = o.activation_limit;
  case_time_limit_ = years_to_ms(o.case_years_limit);
  if (sink_ && o.progress && case_count_ == 0) progress_ = &o.progress;  // replication 1 only (no case offset)
  horizon_limit_ = years_to_ms(o.horizon_years_limit);
  std::int64_t arrived = 0;
  const WeeklyCalendar& acal = net_.calendars.at(static_cast<std::size_t>(net_.arrival_calendar));
  if (cases > 0) schedule(acal.next_open(0), EvKind::arrival, 0, 0);
  while (!heap_.empty() && !stats_.aborted) {
    const Event e = pop();
    if (e.time > horizon_limit_) {
      stats_.aborted = stats_.horizon_exceeded = true;
      break;
    }
    now_ = e.time;
    ++stats_.events;
    switch (e.kind) {
    case EvKind::arrival: {
      arrive();
      if (++arrived < cases) {
        const std::int64_t gap = to_ms(draw(arrivals_, net_.arrival));
        schedule(acal.add_working(acal.next_open(now_), gap), EvKind::arrival, 0, 0);
      }
      break;
    }
    case EvKind::batch_release: {
      if (batches_[e.token].epoch == e.aux && !batches_[e.token].waiting.empty()) release_batch(e.token);
      break;
    }
    case EvKind::event_sub: {
      if (scopes_[e.token].gen == e.gen && !cancelled(e.token)) event_sub_fired(e.token, e.aux);
      break;
    }
    case EvKind::pool_wake: {
      if (now_ >= pools_[e.token].wake_at) pools_[e.token].wake_at = INT64_MAX;
      serve_queue(static_cast<std::int32_t>(e.token));
      break;
    }
    case EvKind::delay_done:
    case EvKind::work_done:
    case EvKind::boundary:
    case EvKind::boundary_beside: {
      Token& k = tokens_[e.token];
      if (k.gen != e.gen) break;  // cancelled: the token has moved on
      if (e.kind == EvKind::boundary_beside) {
        boundary_beside(e.token, e.aux);
      } else if (e.kind == EvKind::work_done) {
        work_done(e.token);
      } else if (cancelled(k.scope)) {
        drop(e.token);
      } else if (e.kind == EvKind::delay_done) {
        begin_work(e.token);
      } else {
        boundary_fired(e.token);
      }
      break;
    }
    }
    drain();
  }
  // Availability of each pool over the simulated horizon (open hours x persons).
  for (std::size_t i = 0; i < pools_.size(); ++i) {
    const Pool& p = pools_[i];
    double& available = stats_.pools[i].available_ms;
    if (p.shifts.empty()) available = static_cast<double>(p.capacity) * static_cast<double>(p.cal->working_between(0, stats_.horizon_ms));
    for (const Shift& sh : p.shifts) {
      available += static_cast<double>(sh.capacity) * static_cast<double>(sh.cal->working_between(0, stats_.horizon_ms));
    }
  }
  for (std::size_t n = 0; n < deadlock_counts_.size(); ++n) {
    if (deadlock_counts_[n] > 0) stats_.deadlocks.emplace_back(static_cast<std::uint32_t>(n), deadlock_counts_[n]);
  }
  stats_.max_in_flight = std::max(stats_.max_in_flight, in_flight_);
  if (progress_) (*progress_)(stats_.cases_completed);
  return std::move(stats_);
}

void Simulator::arrive() {
  const std::uint32_t c = take_slot(cases_, free_cases_);
  Case& cs = cases_[c];
  cs = Case{};
  cs.number = ++case_count_;
  cs.arrival = now_;
  const std::uint32_t root = new_scope(c, none, none);
  cases_[c].root = root;
  ++in_flight_;
  stats_.max_in_flight = std::max(stats_.max_in_flight, in_flight_);
  if (sink_) sink_->case_started(cases_[c].number, now_);
  for (std::uint32_t i = net_.root_start_begin; i < net_.root_start_end; ++i) {
    ready_.push_back(new_token(root, net_.starts[i]));
  }
  if (net_.root_esub_begin != net_.root_esub_end) arm_event_subs(root, net_.root_esub_begin, net_.root_esub_end);
  if (net_.root_start_begin == net_.root_start_end) scope_done(root);
}

void Simulator::drain() {
  while (!ready_.empty() && !stats_.aborted) {
    const std::uint32_t t = ready_.back();
    ready_.pop_back();
    if (cancelled(tokens_[t].scope)) {
      drop(t);  // a terminate end event ended the scope while this token was on its way
    } else {
      enter(t);
    }
  }
}

void Simulator::enter(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  Case& cs = cases_[scopes_[k.scope].case_slot];
  if (++cs.activations > limit_ || now_ - cs.arrival > case_time_limit_) {
    stats_.aborted = true;
    stats_.stuck_node = k.node;
    return;
  }
  if (tokens_[t].instance) {
    begin_work(t);
    return;
  }
  if (n.join != Join::none) {
    JoinState& j = join_state(scopes_[k.scope], k.node);
    ++j.arrived;
    const std::uint32_t needed = n.join == Join::parallel ? n.in_count : std::max<std::uint32_t>(j.expected, 1);
    if (j.arrived < needed) {
      drop(t);
      return;
    }
    j.arrived -= needed;
    if (n.join == Join::inclusive) j.expected = 0;
  }
  std::int32_t reps = 1;
  if (n.occurrence != 1.0) {
    const double whole = std::floor(n.occurrence);
    reps = static_cast<std::int32_t>(whole) + (routing_.uniform01() < n.occurrence - whole ? 1 : 0);
  }
  if (n.repetition >= 0 && !net_.repetitions[static_cast<std::size_t>(n.repetition)].parallel) {
    reps *= net_.repetitions[static_cast<std::size_t>(n.repetition)].completed_of(repetitions(n));
  }
  if (reps == 0) {
    leave(t);
    return;
  }
  tokens_[t].reps = reps - 1;
  execute(t);
}

std::int32_t Simulator::repetitions(const SimNode& n) {
  return net_.repetitions[static_cast<std::size_t>(n.repetition)].draw([this] { return routing_.uniform01(); });
}

void Simulator::execute(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  if (n.boundary_begin != n.boundary_end && !k.armed) arm_boundaries(t);
  std::int64_t d = 0;
  if (k.preset_delay >= 0) {
    d = k.preset_delay;
    k.preset_delay = -1;
  } else if (n.delay >= 0) {
    d = to_ms(draw(delays_, net_.dists[static_cast<std::size_t>(n.delay)]));
  }
  if (d > 0) {
    std::int64_t until = now_ + d;
    if (n.delay_clock != DelayClock::elapsed) {
      const WeeklyCalendar& office = net_.calendars[static_cast<std::size_t>(n.delay_calendar)];
      until = n.delay_clock == DelayClock::working_days ? office.add_working_days(now_, d) : office.next_open(until);
      d = until - now_;
    }
    k.phase = Phase::delay;
    cases_[scopes_[k.scope].case_slot].delay += static_cast<double>(d);
    stats_.delay_by_kind_ms[n.wait_kind % stats_.delay_by_kind_ms.size()] += static_cast<double>(d);
    schedule(until, EvKind::delay_done, t, k.gen);
    return;
  }
  begin_work(t);
}

void Simulator::begin_work(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  k.enabled = now_;
  k.started = now_;
  k.end = now_;
  k.work = 0;
  if (n.repetition >= 0 && !k.instance && net_.repetitions[static_cast<std::size_t>(n.repetition)].parallel &&
      spawn_instances(t)) {
    return;
  }
  if (n.scope) {
    if (n.start_begin == n.start_end) {
      finish(t);
      return;
    }
    const std::uint32_t child = new_scope(scopes_[k.scope].case_slot, k.scope, t);
    tokens_[t].child = child;
    tokens_[t].phase = Phase::scope;
    for (std::uint32_t i = n.start_begin; i < n.start_end; ++i) ready_.push_back(new_token(child, net_.starts[i]));
    if (n.esub_begin != n.esub_end) arm_event_subs(child, n.esub_begin, n.esub_end);
    return;
  }
  if (n.batch >= 0) {
    join_batch(t);
    return;
  }
  if (n.work < 0 && n.pool < 0) {
    finish(t);
    return;
  }
  k.work = n.work >= 0 ? to_ms(draw(durations_, net_.dists[static_cast<std::size_t>(n.work)])) : 0;
  serve(t);
}

// The token's work (k.work) is set: take a person of the pool (now or in the queue), or none.
void Simulator::serve(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  if (n.pool >= 0) {
    const Pool& p = pools_[static_cast<std::size_t>(n.pool)];
    if (const int shift = p.size == 0 ? free_shift(p) : -1; shift >= 0) {
      start_service(t, shift);
    } else {
      enqueue(n.pool, t);
    }
    return;
  }
  k.phase = Phase::service;
  k.end = now_ + k.work;
  schedule(k.end, EvKind::work_done, t, k.gen);
}

int Simulator::free_shift(const Pool& p) const {
  if (p.shifts.empty()) return p.busy < p.capacity && p.cal->is_open(now_) ? 0 : -1;
  for (std::size_t i = 0; i < p.shifts.size(); ++i) {
    if (p.shifts[i].busy < p.shifts[i].capacity && p.shifts[i].cal->is_open(now_)) return static_cast<int>(i);
  }
  return -1;
}

void Simulator::start_service(std::uint32_t t, int shift) {
  Token& k = tokens_[t];
  const std::int32_t pi = net_.nodes[k.node].pool;
  Pool& p = pools_[static_cast<std::size_t>(pi)];
  ++p.busy;
  k.shift = static_cast<std::uint16_t>(shift);
  if (!p.shifts.empty()) ++p.shifts[k.shift].busy;
  k.phase = Phase::service;
  k.started = now_;
  k.end = shift_calendar(p, k.shift).add_working(now_, k.work);
  stats_.pools[static_cast<std::size_t>(pi)].busy_ms += static_cast<double>(k.work);
  ++stats_.pools[static_cast<std::size_t>(pi)].tasks;
  schedule(k.end, EvKind::work_done, t, k.gen);
}

void Simulator::enqueue(std::int32_t pi, std::uint32_t t) {
  Pool& p = pools_[static_cast<std::size_t>(pi)];
  tokens_[t].phase = Phase::queued;
  if (p.size == p.queue.size()) {  // grow the ring buffer, unrolling it
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bigger(p.queue.size() * 2);
    for (std::size_t i = 0; i < p.size; ++i) bigger[i] = p.queue[(p.head + i) % p.queue.size()];
    p.queue.swap(bigger);
    p.head = 0;
  }
  p.queue[(p.head + p.size) % p.queue.size()] = {t, tokens_[t].gen};
  ++p.size;
  if (p.busy < p.capacity) serve_queue(pi);
}

void Simulator::serve_queue(std::int32_t pi) {
  Pool& p = pools_[static_cast<std::size_t>(pi)];
  while (p.busy < p.capacity && p.size > 0) {
    const int shift = free_shift(p);
    if (shift < 0) {
      // Free persons, but none in open hours: wake when the first of them starts work.
      std::int64_t at = INT64_MAX;
      if (p.shifts.empty()) at = p.cal->next_open(now_);
      for (const Shift& sh : p.shifts) {
        if (sh.busy < sh.capacity) at = std::min(at, sh.cal->next_open(now_));
      }
      if (at < p.wake_at) {
        p.wake_at = at;
        schedule(at, EvKind::pool_wake, static_cast<std::uint32_t>(pi), 0);
      }
      return;
    }
    const auto [t, gen] = p.queue[p.head];
    p.head = (p.head + 1) % p.queue.size();
    --p.size;
    if (tokens_[t].gen != gen) continue;  // interrupted while waiting
    if (cancelled(tokens_[t].scope)) {
      drop(t);
      continue;
    }
    start_service(t, shift);
  }
}

void Simulator::work_done(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  if (n.pool >= 0) {
    release_person(pools_[static_cast<std::size_t>(n.pool)], k.shift);
    serve_queue(n.pool);
  }
  if (cancelled(tokens_[t].scope)) {
    drop(t);
    return;
  }
  finish(t);
}

void Simulator::finish(std::uint32_t t) {
  if (tokens_[t].batch_group != none) finish_batch_members(t);
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  if (k.mi_parent) {
    k.mi_parent = false;  // its instances were counted; the next repetition spawns again
  } else if (n.activity >= 0) {
    Case& cs = cases_[scopes_[k.scope].case_slot];
    const double wait = static_cast<double>(k.started - k.enabled);
    const double work = static_cast<double>(k.work);
    double rate = 0.0;
    if (n.pool >= 0) {
      const SimPool& sp = net_.pools[static_cast<std::size_t>(n.pool)];
      rate = sp.shifts.empty() ? sp.eur_per_hour : sp.shifts[k.shift].eur_per_hour;
    }
    const double cost = work / 3.6e6 * rate + n.fixed_cost_eur;
    ActivityAcc& a = stats_.activities[static_cast<std::size_t>(n.activity)];
    ++a.count;
    a.work_ms += work;
    a.wait_ms += wait;
    a.cost_eur += cost;
    cs.wait += wait;
    cs.work += work;
    cs.cost += cost;
    ++stats_.task_instances;
    if (sink_ && !n.scope) sink_->activity(ActivityRecord{cs.number, k.node, n.pool, k.enabled, k.started, now_, cost});
  }
  if (k.reps > 0) {
    --k.reps;
    execute(t);
    return;
  }
  if (k.instance) {
    Scope& sc = scopes_[k.scope];
    if (sc.needed > 0 && ++sc.completed == sc.needed) {
      // Completion share reached: the other instances are cancelled, the activity completes now.
      sc.cancelled = true;
      const std::uint32_t parent = sc.parent_token;
      drop(t);
      finish(parent);
      return;
    }
    drop(t);  // the last instance to end completes the activity (scope_done)
    return;
  }
  if (n.end_boundary && end_events(t)) return;
  leave(t);
}

void Simulator::leave(std::uint32_t t) {
  Token& k = tokens_[t];
  ++k.gen;  // cancels a pending boundary timer of this node
  k.armed = false;
  k.mi_parent = false;
  k.phase = Phase::routing;
  const SimNode& n = net_.nodes[k.node];
  const std::uint32_t scope = k.scope;
  switch (n.route) {
  case Route::end:
    if (n.terminate) terminate(scope);
    drop(t);
    return;
  case Route::single:
    k.node = net_.outs[n.out_begin].target;
    ready_.push_back(t);
    return;
  case Route::all:
    for (std::uint32_t i = n.out_begin + 1; i < n.out_end; ++i) ready_.push_back(new_token(scope, net_.outs[i].target));
    tokens_[t].node = net_.outs[n.out_begin].target;
    ready_.push_back(t);
    return;
  case Route::exclusive: {
    const double u = routing_.uniform01();
    std::uint32_t target = net_.outs[n.out_end - 1].target;
    for (std::uint32_t i = n.out_begin; i < n.out_end; ++i) {
      if (u < net_.outs[i].p) {
        target = net_.outs[i].target;
        break;
      }
    }
    k.node = target;
    ready_.push_back(t);
    return;
  }
  case Route::inclusive: {
    // Each flow fires independently; the default flow (p < 0) only when none did; with neither, the
    // most probable flow (BPMN would raise an exception; a simulation has to go on).
    std::uint32_t sent = 0, dflt = none, best = none;
    double best_p = -1;
    const std::uint32_t from = k.node;
    for (std::uint32_t i = n.out_begin; i < n.out_end; ++i) {
      const OutEdge& o = net_.outs[i];
      if (o.p < 0) {
        dflt = o.target;
        continue;
      }
      if (o.p > best_p) {
        best_p = o.p;
        best = o.target;
      }
      if (routing_.uniform01() < o.p) {
        ready_.push_back(sent == 0 ? t : new_token(scope, o.target));
        tokens_[ready_.back()].node = o.target;
        ++sent;
      }
    }
    if (sent == 0) {
      tokens_[t].node = dflt != none ? dflt : best;
      ready_.push_back(t);
      sent = 1;
    }
    const std::uint32_t join = net_.nodes[from].paired_join;
    if (join != none) join_state(scopes_[scope], join).expected += sent;
    return;
  }
  case Route::event_race: {
    std::int64_t best = -1;
    std::uint32_t target = net_.outs[n.out_begin].target;
    for (std::uint32_t i = n.out_begin; i < n.out_end; ++i) {
      const SimNode& tn = net_.nodes[net_.outs[i].target];
      const std::int64_t d = tn.delay >= 0 ? to_ms(draw(delays_, net_.dists[static_cast<std::size_t>(tn.delay)])) : 0;
      if (best < 0 || d < best) {
        best = d;
        target = net_.outs[i].target;
      }
    }
    k.node = target;
    k.preset_delay = best;
    ready_.push_back(t);
    return;
  }
  }
}

} // namespace lotse::analysis::sim
