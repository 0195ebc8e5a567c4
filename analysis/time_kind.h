// SPDX-License-Identifier: MIT
// One classification of every node as staff work or waiting (issue #9 point 6), used by the workload
// (hours, VZÄ and € count staff work only) and by the simulation (waiting is a delay that holds no
// resource). Waiting kinds carry codes only; the words are in reports/texts.cpp.
//
// Rules, in this order:
// - a PICTURE Bearbeitungsunterbrechung, and an activity whose name says it waits ("Warten auf ...",
//   "Wiedervorlage", "Liegezeit ...") is waiting only: its time is a delay, nobody works;
// - an intermediate catch event or receive task is waiting (timer, message: a reply);
// - any other activity (not a sub-process that is expanded) is staff work; its Liegezeit
//   (attrs.waiting) is waiting before the work.
// The kind of a wait comes from the node's name, else from the step before it (the Hauspost that
// the Liegezeit follows), else from its trigger.
#pragma once

#include "engine/model.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lotse::analysis {

/// What a wait is, named the same in analyze and simulate.
enum class WaitKind : std::uint8_t {
  none,
  liegezeit,       ///< Liegezeit/Wartezeit of a step (lying in a tray)
  postal,          ///< postal round trip (letter out, reply by post)
  internal_mail,   ///< Hauspost between offices
  resubmission,    ///< Wiedervorlage (a fixed date to look at the case again)
  payment,         ///< waiting for a payment or its confirmation
  external_reply,  ///< waiting for a reply or documents of the citizen or another body
  timer,           ///< any other timer
};
inline constexpr std::size_t wait_kind_count = 8;

/// Stable code of a kind ("internal_mail"), used in JSON and as the key of its words.
[[nodiscard]] std::string_view wait_kind_id(WaitKind k);

struct NodeTimeClass {
  bool staff_work = false;        ///< counts in hours, VZÄ and € (and holds a resource in the simulation)
  WaitKind wait = WaitKind::none; ///< the node (also) waits; none: no waiting part
};

/// Classification of every node (index = NodeIndex).
struct TimeClassification {
  std::vector<NodeTimeClass> nodes;
  [[nodiscard]] bool staff_work(engine::NodeIndex n) const { return n < nodes.size() && nodes[n].staff_work; }
  [[nodiscard]] WaitKind wait(engine::NodeIndex n) const { return n < nodes.size() ? nodes[n].wait : WaitKind::none; }
};

/// True when an activity is waiting only (Bearbeitungsunterbrechung, "Warten auf ...", "Wiedervorlage").
[[nodiscard]] bool waiting_only(const engine::ProcessModel& m, engine::NodeIndex n);

/// Classifies every node of `m`; sub-processes count as staff work only where `expanded` is false.
[[nodiscard]] TimeClassification classify_times(const engine::ProcessModel& m, const std::vector<bool>& expanded = {});

/// The step whose channel causes a wait: for a payment the step after it (the booking a direct debit
/// or online payment removes), for any other kind the step before it (the Hauspost or letter that is
/// sent), through gateways; a Liegezeit of an activity is caused by the activity's own inbound mix.
[[nodiscard]] std::optional<engine::NodeIndex> cause_of_wait(const engine::ProcessModel& m, engine::NodeIndex n, WaitKind kind);

/// The waiting time a node carries in seconds (its Liegezeit, its timer, or for a waiting-only
/// activity its time); nullopt when the model says none.
[[nodiscard]] std::optional<double> wait_seconds(const engine::ProcessModel& m, engine::NodeIndex n);

} // namespace lotse::analysis
