// SPDX-License-Identifier: MIT
// The kernel's events beside the plain flow (see simulator.h): boundary timers (interrupting and not),
// parallel multi-instance activities, batch activities.
#include "analysis/sim/simulator.h"
#include "analysis/sim/simulator_detail.h"

#include <algorithm>

namespace lotse::analysis::sim {

using detail::draw;
using detail::none;
using detail::take_slot;
using detail::to_ms;

// Boundary events of the activity, once per pass (not again for its repetitions): each occurs with its
// probability (a draw of the routing stream only when p < 1, so timers draw as before); the earliest
// interrupting one is scheduled (it cancels the activity), every non-interrupting one fires beside it.
// Events at the activity's end are decided in end_events.
void Simulator::arm_boundaries(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  std::int64_t best = -1;
  for (std::uint32_t b = n.boundary_begin; b < n.boundary_end; ++b) {
    const BoundaryTimer& bt = net_.boundaries[b];
    if (bt.at_end || (bt.p < 1.0 && !(routing_.uniform01() < bt.p))) continue;
    const std::int64_t d = to_ms(draw(delays_, net_.dists[static_cast<std::size_t>(bt.dist)]));
    if (!bt.interrupting) {
      schedule(now_ + d, EvKind::boundary_beside, t, k.gen, b);
    } else if (best < 0 || d < best) {
      best = d;
      k.boundary_node = bt.event;
    }
  }
  k.armed = true;
  if (best >= 0) schedule(now_ + best, EvKind::boundary, t, k.gen);
}

// A non-interrupting boundary event fires: its path starts beside the activity, which goes on. A timer
// cycle is scheduled again until its count is reached; aux holds the boundary's index in its low 20 bits
// and the firings so far above them.
void Simulator::boundary_beside(std::uint32_t t, std::uint32_t aux) {
  const std::uint32_t b = aux & boundary_index_mask;
  const std::uint32_t fired = (aux >> 20) + 1;
  const BoundaryTimer& bt = net_.boundaries[b];
  const std::uint32_t scope = tokens_[t].scope;
  if (cancelled(scope)) return;
  ready_.push_back(new_token(scope, bt.event));  // may grow tokens_: no reference held across it
  if (bt.cycle == 1 || (bt.cycle != 0 && fired >= bt.cycle)) return;
  const std::int64_t d = to_ms(draw(delays_, net_.dists[static_cast<std::size_t>(bt.dist)]));
  const std::uint32_t count = std::min<std::uint32_t>(fired, max_cycle_firings);
  schedule(now_ + d, EvKind::boundary_beside, t, tokens_[t].gen, b | (count << 20));
}

// The pass through the activity ends: error events (and events without a time) occur now, each with
// its probability. A non-interrupting one starts its path beside the normal one; the first interrupting
// one takes the token (true: it has left), the work done counts.
bool Simulator::end_events(std::uint32_t t) {
  const SimNode& n = net_.nodes[tokens_[t].node];
  for (std::uint32_t b = n.boundary_begin; b < n.boundary_end; ++b) {
    const BoundaryTimer& bt = net_.boundaries[b];
    if (!bt.at_end || (bt.p < 1.0 && !(routing_.uniform01() < bt.p))) continue;
    if (!bt.interrupting) {
      ready_.push_back(new_token(tokens_[t].scope, bt.event));
      continue;
    }
    tokens_[t].boundary_node = bt.event;
    boundary_leave(t);
    return true;
  }
  return false;
}

// A scope (case or sub-process instance) has started: each of its event sub-processes occurs with its
// probability after its time; the trigger is stale once the scope has ended (its generation).
void Simulator::arm_event_subs(std::uint32_t s, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t i = begin; i < end; ++i) {
    const EventSub& es = net_.event_subs[i];
    if (es.p < 1.0 && !(routing_.uniform01() < es.p)) continue;
    const std::int64_t d = es.dist >= 0 ? to_ms(draw(delays_, net_.dists[static_cast<std::size_t>(es.dist)])) : 0;
    schedule(now_ + d, EvKind::event_sub, s, scopes_[s].gen, i);
  }
}

// An event sub-process is triggered in the running scope s. Non-interrupting: it runs beside the
// scope's work, which completes when both have. Interrupting: the scope's work is cancelled (queued and
// waiting tokens leave; a task in service is finished by its person but not counted, as in a sub-process
// an interrupting boundary event cancels) and
// the event sub-process runs in a fresh scope that takes the old one's place: when it ends, the case
// (or the enclosing sub-process) completes.
void Simulator::event_sub_fired(std::uint32_t s, std::uint32_t i) {
  const EventSub& es = net_.event_subs[i];
  if (!es.interrupting) {
    ready_.push_back(new_token(s, es.node));
    return;
  }
  const std::uint32_t c = scopes_[s].case_slot, parent = scopes_[s].parent, parent_token = scopes_[s].parent_token;
  const std::uint32_t fresh = new_scope(c, parent, parent_token);
  scopes_[s].cancelled = true;
  if (parent == none) {
    cases_[c].root = fresh;
  } else {
    tokens_[parent_token].child = fresh;
  }
  ready_.push_back(new_token(fresh, es.node));
}

// Parallel multi-instance: the instances run in a child scope of their own, each one the activity's
// work (or sub-process) once; the activity completes when the scope is empty (scope_done -> finish).
// Returns false when the activity runs as usual (exactly one instance).
bool Simulator::spawn_instances(std::uint32_t t) {
  const std::int32_t count = repetitions(net_.nodes[tokens_[t].node]);
  if (count == 1) return false;
  tokens_[t].mi_parent = true;
  if (count == 0) {
    finish(t);
    return true;
  }
  const std::uint32_t child = new_scope(scopes_[tokens_[t].scope].case_slot, tokens_[t].scope, t);
  tokens_[t].child = child;
  tokens_[t].phase = Phase::scope;
  // A completion share: the activity completes when `needed` instances have (finish), the rest is cancelled.
  if (const int needed = net_.repetitions[static_cast<std::size_t>(net_.nodes[tokens_[t].node].repetition)].completed_of(count);
      needed < count) {
    scopes_[child].needed = needed;
  }
  for (std::int32_t i = 0; i < count; ++i) {
    const std::uint32_t u = new_token(child, tokens_[t].node);
    tokens_[u].instance = true;
    ready_.push_back(u);
  }
  return true;
}

// A batch activity: the case waits in the node's buffer; the first case of a batch arms the weekly
// release and the maximum wait (stale once the batch has gone: the buffer's epoch), the size rule
// releases at once.
void Simulator::join_batch(std::uint32_t t) {
  Token& k = tokens_[t];
  const auto bi = static_cast<std::uint32_t>(net_.nodes[k.node].batch);
  const SimBatch& b = net_.batches[bi];
  BatchBuffer& buf = batches_[bi];
  k.phase = Phase::batch;
  buf.waiting.emplace_back(t, k.gen);
  if (buf.waiting.size() == 1) {
    ++buf.epoch;
    if (b.release_in_week >= 0) {
      const std::int64_t pos = ((now_ + net_.start.week_offset) % ms_per_week + ms_per_week) % ms_per_week;
      const std::int64_t ahead = ((b.release_in_week - pos) % ms_per_week + ms_per_week) % ms_per_week;
      // A release on a holiday of the activity's calendar (its pool's, else the arrivals') moves to the
      // next open instant.
      const SimNode& n = net_.nodes[k.node];
      const WeeklyCalendar& cal = n.pool >= 0 ? *pools_[static_cast<std::size_t>(n.pool)].cal
                                              : net_.calendars[static_cast<std::size_t>(net_.arrival_calendar)];
      const std::int64_t at = cal.on_holiday(now_ + ahead) ? cal.next_open(now_ + ahead) : now_ + ahead;
      schedule(at, EvKind::batch_release, bi, 0, buf.epoch);
    }
    if (b.max_wait_ms >= 0) schedule(now_ + b.max_wait_ms, EvKind::batch_release, bi, 0, buf.epoch);
  }
  if (b.size > 0 && static_cast<std::int64_t>(buf.waiting.size()) >= b.size) release_batch(bi);
}

// The waiting cases go together: the first one (the leader) carries the batch's work, setup plus the
// item time of each case, through the pool; the others follow when it finishes.
void Simulator::release_batch(std::uint32_t bi) {
  BatchBuffer& buf = batches_[bi];
  ++buf.epoch;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> members;
  members.swap(buf.waiting);
  std::erase_if(members, [this](const auto& m) { return tokens_[m.first].gen != m.second; });  // interrupted
  if (members.empty()) return;
  const SimBatch& b = net_.batches[bi];
  const std::uint32_t leader = members.front().first;
  const SimNode& n = net_.nodes[tokens_[leader].node];
  const std::int32_t item = b.item >= 0 ? b.item : n.work;
  std::int64_t work = b.setup >= 0 ? to_ms(draw(durations_, net_.dists[static_cast<std::size_t>(b.setup)])) : 0;
  for (std::size_t i = 0; i < members.size() && item >= 0; ++i) {
    work += to_ms(draw(durations_, net_.dists[static_cast<std::size_t>(item)]));
  }
  const std::uint32_t g = take_slot(groups_, free_groups_);
  groups_[g].assign(members.begin() + 1, members.end());
  for (const auto& [m, gen] : groups_[g]) tokens_[m].phase = Phase::batch_member;
  tokens_[leader].batch_group = g;
  tokens_[leader].work = work;
  serve(leader);
}

// The batch is done (or its leader was interrupted): every case of it finishes now with an equal share
// of the work (the remainder stays with the leader).
void Simulator::finish_batch_members(std::uint32_t t) {
  const std::uint32_t g = tokens_[t].batch_group;
  tokens_[t].batch_group = none;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> members;
  members.swap(groups_[g]);
  free_groups_.push_back(g);
  std::erase_if(members, [this](const auto& m) { return tokens_[m.first].gen != m.second; });
  const auto count = static_cast<std::int64_t>(members.size()) + 1;
  const std::int64_t share = tokens_[t].work / count;
  tokens_[t].work -= share * (count - 1);
  const std::int64_t started = tokens_[t].started;
  for (const auto& [m, gen] : members) {
    tokens_[m].started = started;
    tokens_[m].work = share;
    if (cancelled(tokens_[m].scope)) {
      drop(m);
    } else {
      finish(m);
    }
  }
}

void Simulator::boundary_fired(std::uint32_t t) {
  Token& k = tokens_[t];
  const SimNode& n = net_.nodes[k.node];
  if (k.phase == Phase::service && n.pool >= 0) {
    // Interrupted in service: the person is free now; only the work actually done counts as busy.
    Pool& p = pools_[static_cast<std::size_t>(n.pool)];
    release_person(p, k.shift);
    stats_.pools[static_cast<std::size_t>(n.pool)].busy_ms -=
        static_cast<double>(shift_calendar(p, k.shift).working_between(now_, k.end));
    serve_queue(n.pool);
  } else if (k.phase == Phase::scope) {
    scopes_[k.child].cancelled = true;
  }
  // An interrupted batch ends for all its cases (finishing them may add tokens: k is not used after).
  if (k.batch_group != none) finish_batch_members(t);
  boundary_leave(t);
}

void Simulator::boundary_leave(std::uint32_t t) {
  Token& k = tokens_[t];
  ++k.gen;  // invalidates the pending delay/work event and the queue entry
  k.armed = false;
  k.reps = 0;
  k.node = k.boundary_node;
  leave(t);
}

} // namespace lotse::analysis::sim
