// SPDX-License-Identifier: MIT
// When a boundary event (BPMN 2.0 §10.5.4, cancelActivity §10.5.6 table 10.90) or the start event of an
// event sub-process (§10.3.5, isInterrupting) is triggered: the one rule the simulation and the exact
// workload (visits) share, so that both count the same executions (as analysis/repetition.h does for
// loops and multi-instance).
//  - probability p: the lotse `probability` (= `occurrence`) of the event, for an event sub-process of
//    its start event else of the sub-process; else the executionProbability of the event's only outgoing
//    flow (QBP/BIMP); else 1 for a timer and 0 (never) for every other trigger;
//  - time t (from the start of the activity's pass, or of the enclosing scope): attrs.duration (QBP, lotse
//    `duration_distribution`), else `waiting_minutes`, else the ISO 8601 timeDuration;
//  - an error event, and any other non-timer boundary event without a time, occurs at the activity's end
//    (an error is thrown by the activity when its work is done); with probability p the token leaves by
//    the event's path (interrupting) or the path starts beside the normal one (non-interrupting);
//  - otherwise the event occurs with probability p at t and takes effect only if the activity is still
//    running then (t <= its end: ties go to the event). Expected firings per pass: p · P(t <= D), D the
//    activity's time from its start (Liegezeit + work, without queueing: the exact workload knows no
//    queues) when that is one known law, else p.
#pragma once

#include "engine/model.h"

#include <optional>

namespace lotse::analysis {

struct EventRule {
  double probability = 0;  ///< P(the event occurs) per pass of its activity / activation of its scope
  bool given = false;      ///< the model gives p (else the default: 1 for a timer, 0 otherwise)
  bool at_end = false;     ///< occurs when the activity ends (error; non-timer boundary event without a time)
  std::optional<engine::Distribution> time;  ///< seconds from the start of the pass / scope
  /// A timer cycle (timeCycle "R3/PT1H", BPMN 2.0 §10.5.4 table 10.104): a non-interrupting boundary
  /// timer fires up to this many times, `time` apart, while its activity runs (0 = unbounded); 1 otherwise.
  std::int64_t cycle = 1;
};

/// The rule of a boundary event or of an event sub-process (the sub-process node or its start event).
[[nodiscard]] EventRule event_rule(const engine::ProcessModel& m, engine::NodeIndex event);

/// An activity's time from its start as the simulation draws it (without queueing): shift + law.
struct ActivityTime {
  double shift = 0;  ///< Liegezeit (fixed), seconds
  engine::Distribution law;
};
/// Nullopt when it is not one law: sub-processes, loops, multi-instance, batches, no time in the model.
[[nodiscard]] std::optional<ActivityTime> activity_time(const engine::ProcessModel& m, engine::NodeIndex activity);

/// P(X <= x) for the simulator's law of d (NORMAL truncated at 0, as negative draws are redrawn).
[[nodiscard]] double cdf(const engine::Distribution& d, double x);

/// P(T <= D) for independent T and D = shift + law.
[[nodiscard]] double occurs_before(const engine::Distribution& t, const ActivityTime& d);

/// Expected firings of boundary event `b` per pass through its activity (see the header comment); a
/// non-interrupting timer cycle: p · sum over k = 1..n of P(k·t <= D).
[[nodiscard]] double boundary_firing_share(const engine::ProcessModel& m, engine::NodeIndex b);

} // namespace lotse::analysis
