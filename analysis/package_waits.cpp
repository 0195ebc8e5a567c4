// SPDX-License-Identifier: MIT
// Waiting that leaves with the step that causes it (issue #9 point 6): when a measure removes the
// Hauspost step, the Liegezeit of the Hauspost after it goes too; when it moves letters to the
// electronic postbox, the postal days shrink by the share moved; when a direct debit or online
// payment removes the booking of a payment, the wait for the payment goes with it. The wait is
// scaled by the share of cases that no longer take the step (uptake included), so the simulated
// Durchlaufzeit moves by exactly what the edit removes.
#include "analysis/package.h"

#include "analysis/time_kind.h"
#include "engine/model_builder.h"

#include <algorithm>
#include <cmath>

namespace lotse::analysis {
namespace {

using engine::Channel;
using engine::NodeIndex;

double minutes_of(const engine::Node& n) { return n.attrs.processing ? engine::to_minutes(n.attrs.processing->value) : -1.0; }

/// Share of the cases that no longer take step c: removed for all, removed for the uptake share
/// (its time scaled down), or its channel of the wait's kind moved to electronic.
double share_gone(const MeasurePlan& plan, const engine::ProcessModel& before, const engine::ProcessModel& after, NodeIndex c,
                  WaitKind kind) {
  const bool removed = std::find(plan.removed.begin(), plan.removed.end(), c) != plan.removed.end();
  if (removed && after.node(c).removed) return 1.0;
  if (removed && minutes_of(before.node(c)) > 0 && minutes_of(after.node(c)) >= 0) {
    return std::clamp(1.0 - minutes_of(after.node(c)) / minutes_of(before.node(c)), 0.0, 1.0);
  }
  if (kind != WaitKind::postal && kind != WaitKind::internal_mail) return 0.0;
  const Channel ch = kind == WaitKind::postal ? Channel::post : Channel::internal_mail;
  double gone = 0;
  for (const bool outbound : {true, false}) {
    const auto& b = outbound ? before.node(c).attrs.outbound : before.node(c).attrs.inbound;
    const auto& a = outbound ? after.node(c).attrs.outbound : after.node(c).attrs.inbound;
    if (b.present && a.present && b[ch] > 1e-9) gone = std::max(gone, std::clamp((b[ch] - a[ch]) / b[ch], 0.0, 1.0));
  }
  return gone;
}

} // namespace

engine::ProcessModel shorten_waits(const MeasurePlan& plan, const engine::ProcessModel& before, engine::ProcessModel after) {
  const TimeClassification times = classify_times(before);
  engine::ModelEditor ed(std::move(after));
  for (NodeIndex w = 0; w < before.node_count(); ++w) {
    const WaitKind kind = times.wait(w);
    if (kind == WaitKind::none || before.node(w).removed) continue;
    const auto cause = cause_of_wait(before, w, kind);
    const auto seconds = wait_seconds(before, w);
    if (!cause || !seconds || *seconds <= 0) continue;
    const double gone = share_gone(plan, before, ed.view(), *cause, kind);
    if (gone <= 1e-9) continue;
    auto& node = ed.node(w);
    const bool own_work = engine::is_activity(node.kind) && !waiting_only(before, w);
    if (gone >= 0.9995 && !own_work) {
      ed.remove_node(w);
      continue;
    }
    if (!own_work) node.attrs.duration.reset();  // an event's or a pause's duration is its wait
    node.attrs.waiting = engine::Located<engine::Duration>{engine::from_seconds(*seconds * (1.0 - gone)), node.origin};
  }
  return std::move(ed).finish();
}

} // namespace lotse::analysis
