// SPDX-License-Identifier: MIT
// The kernel (see simulator.h): how tokens, scopes and cases end — a dropped token, a scope without
// tokens (its sub-process finishes, or its case completes), a terminate end event, a completed case's
// statistics. Called once per scope and case, not per event (the event loop is in simulator.cpp).
#include "analysis/sim/simulator.h"

#include "analysis/sim/simulator_detail.h"

#include <algorithm>

namespace lotse::analysis::sim {

using detail::none;

void Simulator::drop(std::uint32_t t) {
  if (tokens_[t].batch_group != none) finish_batch_members(t);  // a batch leader in a cancelled scope
  Token& k = tokens_[t];
  ++k.gen;
  k.armed = false;
  const std::uint32_t s = k.scope;
  free_tokens_.push_back(t);
  if (--scopes_[s].active == 0) scope_done(s);
}

void Simulator::scope_done(std::uint32_t s) {
  Scope& sc = scopes_[s];
  for (const auto& j : sc.joins) {
    if (j.arrived > 0 && !sc.cancelled) ++deadlock_counts_[j.node];
  }
  const bool was_cancelled = sc.cancelled;
  const std::uint32_t parent = sc.parent, parent_token = sc.parent_token, c = sc.case_slot;
  ++sc.gen;
  free_scopes_.push_back(s);
  if (parent == none) {
    if (cases_[c].root != s) return;  // replaced by an interrupting event sub-process, which goes on
    if (!cases_[c].completed) complete_case(c);
    free_cases_.push_back(c);
    --in_flight_;
    return;
  }
  if (was_cancelled) return;
  if (cancelled(parent)) {
    drop(parent_token);  // its own scope was cancelled meanwhile: it ends without counting
  } else {
    finish(parent_token);
  }
}

void Simulator::terminate(std::uint32_t s) {
  Scope& sc = scopes_[s];
  if (sc.cancelled) return;
  sc.cancelled = true;
  if (sc.parent == none) {
    complete_case(sc.case_slot);
  } else {
    finish(sc.parent_token);
  }
}

void Simulator::complete_case(std::uint32_t c) {
  Case& cs = cases_[c];
  cs.completed = true;
  const std::int64_t cycle = now_ - cs.arrival;
  ++stats_.cases_completed;
  stats_.cycle_ms += static_cast<double>(cycle);
  stats_.cycle_working_ms += static_cast<double>(
      net_.calendars[static_cast<std::size_t>(net_.arrival_calendar)].working_between(cs.arrival, now_));
  stats_.wait_ms += cs.wait;
  stats_.work_ms += cs.work;
  stats_.delay_ms += cs.delay;
  stats_.cost_eur += cs.cost;
  stats_.cycle.add(cycle);
  stats_.horizon_ms = std::max(stats_.horizon_ms, now_);
  if (sink_) sink_->case_completed(cs.number, now_);
  if (progress_ && (stats_.cases_completed & 4095) == 0) (*progress_)(stats_.cases_completed);
}

} // namespace lotse::analysis::sim
