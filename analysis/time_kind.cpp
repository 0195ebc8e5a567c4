// SPDX-License-Identifier: MIT
// Staff work vs. waiting, one classification for workload and simulation (see time_kind.h).
#include "analysis/time_kind.h"

#include "analysis/lexicon.h"
#include "analysis/sim/network.h"

#include <algorithm>
#include <array>

namespace lotse::analysis {
namespace {

using engine::NodeIndex;
using engine::NodeKind;

bool has_trigger(const engine::Node& n, engine::EventTrigger t) {
  return std::find(n.triggers.begin(), n.triggers.end(), t) != n.triggers.end();
}

bool any_token(const std::vector<std::string>& tokens, std::initializer_list<std::string_view> parts) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
    return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return t.find(p) != std::string::npos; });
  });
}

/// The kind a name says, if any ("Liegezeit Hauspost", "Warten auf Einzahlungsbestätigung").
WaitKind kind_from_name(const std::vector<std::string>& t) {
  if (any_token(t, {"hauspost"})) return WaitKind::internal_mail;
  if (any_token(t, {"wiedervorlage"})) return WaitKind::resubmission;
  if (any_token(t, {"zahlung", "ueberweis", "payment"})) return WaitKind::payment;
  if (any_token(t, {"postlauf", "postweg", "postlaufzeit", "brief"}) || std::count(t.begin(), t.end(), "post") > 0) return WaitKind::postal;
  if (any_token(t, {"antwort", "rueckmeldung", "unterlagen", "nachgereicht", "stellungnahme", "reply"})) return WaitKind::external_reply;
  if (any_token(t, {"liegezeit", "wartezeit"})) return WaitKind::liegezeit;
  return WaitKind::none;
}

/// The kind a channel mix implies: paper between offices or by post.
WaitKind kind_from_mix(const engine::ChannelMix& mix) {
  if (!mix.present) return WaitKind::none;
  if (mix[engine::Channel::internal_mail] >= 0.5) return WaitKind::internal_mail;
  if (mix[engine::Channel::post] >= 0.5) return WaitKind::postal;
  return WaitKind::none;
}

/// The step before (or after) n through gateways, if there is exactly one.
std::optional<NodeIndex> step_before(const engine::ProcessModel& m, NodeIndex n, bool after = false) {
  for (int hops = 0; hops < 8; ++hops) {
    const auto in = after ? m.out_flows(n) : m.in_flows(n);
    if (in.size() != 1) return std::nullopt;
    const NodeIndex p = after ? m.flow(in.front()).target : m.flow(in.front()).source;
    if (p == engine::npos) return std::nullopt;
    if (!engine::is_gateway(m.node(p).kind)) return p;
    n = p;
  }
  return std::nullopt;
}

WaitKind kind_of_wait(const engine::ProcessModel& m, NodeIndex n) {
  const auto& node = m.node(n);
  if (const auto k = kind_from_name(tokenize(node.name)); k != WaitKind::none) return k;
  if (const auto k = kind_from_mix(node.attrs.inbound); k != WaitKind::none) return k;
  if (const auto p = step_before(m, n)) {
    const auto& prev = m.node(*p);
    if (any_token(tokenize(prev.name), {"hauspost"})) return WaitKind::internal_mail;
    if (const auto k = kind_from_mix(prev.attrs.outbound); k != WaitKind::none) return k;
  }
  if (has_trigger(node, engine::EventTrigger::message) || node.kind == NodeKind::receive_task) return WaitKind::external_reply;
  if (has_trigger(node, engine::EventTrigger::timer)) return WaitKind::timer;
  return WaitKind::liegezeit;
}

bool is_wait_event(const engine::Node& node) {
  return node.kind == NodeKind::intermediate_catch_event || node.kind == NodeKind::receive_task ||
         (node.kind == NodeKind::boundary_event && has_trigger(node, engine::EventTrigger::timer));
}

} // namespace

std::string_view wait_kind_id(WaitKind k) {
  static constexpr std::array<std::string_view, wait_kind_count> ids{
      "none", "liegezeit", "postal", "internal_mail", "resubmission", "payment", "external_reply", "timer"};
  return ids[static_cast<std::size_t>(k)];
}

bool waiting_only(const engine::ProcessModel& m, NodeIndex n) {
  const auto& node = m.node(n);
  if (!engine::is_activity(node.kind) || engine::is_container(node.kind) || node.kind == NodeKind::call_activity) return false;
  if (node.attrs.block == engine::BlockType::pause_editing) return true;
  const auto t = tokenize(node.name);
  if (t.empty()) return false;
  static constexpr std::array<std::string_view, 4> first{"warten", "liegezeit", "wartezeit", "wiedervorlage"};
  return std::find(first.begin(), first.end(), t.front()) != first.end();
}

TimeClassification classify_times(const engine::ProcessModel& m, const std::vector<bool>& expanded) {
  TimeClassification c;
  c.nodes.resize(m.node_count());
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    auto& out = c.nodes[n];
    if (waiting_only(m, n)) {
      out.wait = kind_of_wait(m, n);
      continue;
    }
    if (is_wait_event(node)) {
      out.wait = kind_of_wait(m, n);
      continue;
    }
    if (!engine::is_activity(node.kind)) continue;
    out.staff_work = !(n < expanded.size() && expanded[n]);
    if (node.attrs.waiting) out.wait = kind_of_wait(m, n);
  }
  return c;
}

std::optional<NodeIndex> cause_of_wait(const engine::ProcessModel& m, NodeIndex n, WaitKind kind) {
  if (kind == WaitKind::payment) return step_before(m, n, true);
  if (engine::is_activity(m.node(n).kind) && !waiting_only(m, n)) return n;
  return step_before(m, n);
}

std::optional<double> wait_seconds(const engine::ProcessModel& m, NodeIndex n) {
  const auto& node = m.node(n);
  if (waiting_only(m, n)) {
    if (node.attrs.duration) return node.attrs.duration->value.mean();
    if (node.attrs.waiting) return engine::to_seconds(node.attrs.waiting->value);
    if (node.attrs.processing) return engine::to_seconds(node.attrs.processing->value);
    return std::nullopt;
  }
  if (node.kind != NodeKind::receive_task && is_wait_event(node) && node.attrs.duration) return node.attrs.duration->value.mean();
  if (node.attrs.waiting) return engine::to_seconds(node.attrs.waiting->value);
  if (is_wait_event(node) && !node.timer.empty()) return sim::parse_iso_duration(node.timer);
  return std::nullopt;
}

} // namespace lotse::analysis
