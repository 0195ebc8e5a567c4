// SPDX-License-Identifier: MIT
// Deciding what one catalogue measure does to a model (plan_measure) and making the changed copy
// (apply_measure): domain.md 4.4 and implications 9-11, a what-if is block removal or replacement on a
// copy of the model. Citizen-facing measures act on the uptake share only (issue #9 point 2).
#include "analysis/measures.h"

#include "analysis/media_rules.h"

#include <fmt/format.h>

#include <algorithm>

namespace lotse::analysis {
namespace {

using engine::Channel;
using engine::NodeIndex;

bool contains(const std::vector<MediaBreakKind>& v, MediaBreakKind k) { return std::find(v.begin(), v.end(), k) != v.end(); }
template <class T> void add_unique(std::vector<T>& v, T x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}
template <class T> bool has(const std::vector<T>& v, T x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool recipient_matters(MediaBreakKind k) { return k == MediaBreakKind::print || k == MediaBreakKind::paper_outbound; }

bool manual(const engine::ProcessModel& m, NodeIndex n) {
  const auto k = m.node(n).kind;
  return engine::is_task(k) && k != engine::NodeKind::service_task && k != engine::NodeKind::script_task &&
         k != engine::NodeKind::business_rule_task && k != engine::NodeKind::send_task && k != engine::NodeKind::receive_task;
}

std::optional<double> visits_of(const WorkloadResult& work, NodeIndex n) {
  for (const auto& p : work.processes) {
    for (const auto& nw : p.nodes) {
      if (nw.node == n) return nw.visits;
    }
  }
  return std::nullopt;
}

// Preconditions on the model as a whole: nothing of the measure in place yet, inbound not all
// electronic already, no excluding finding, a required finding present.
bool preconditions_hold(const Measure& measure, const PlanInput& in) {
  auto any_kind = [&](const std::vector<MediaBreakKind>& kinds) {
    return std::any_of(in.breaks.breaks.begin(), in.breaks.breaks.end(), [&](const MediaBreak& b) { return contains(kinds, b.kind); });
  };
  if (already_present(measure, in.model)) return false;
  if (measure.unless_inbound_electronic) {
    bool any = false, all_electronic = true;
    for (const auto& node : in.model.nodes()) {
      if (node.removed || !node.attrs.inbound.present) continue;
      any = true;
      all_electronic = all_electronic && node.attrs.inbound[Channel::electronic_interface] >= 0.9995;
    }
    if (any && all_electronic) return false;
  }
  if (any_kind(measure.unless_kinds)) return false;
  return measure.requires_kinds.empty() || any_kind(measure.requires_kinds);
}

// Which findings a measure may touch: recipient and node fit rules (cached per node).
class BreakFilter {
public:
  BreakFilter(const Measure& measure, const PlanInput& in)
      : measure_(measure), in_(in), recipients_(in.model.node_count(), Recipient::any) {}
  bool recipient_ok(const MediaBreak& b) {
    if (measure_.recipient == Recipient::any || !recipient_matters(b.kind)) return true;
    if (recipients_[b.node] == Recipient::any) recipients_[b.node] = recipient_of(in_.model, b.node, in_.breaks, in_.lex);
    return recipients_[b.node] == measure_.recipient;
  }
  std::string unfit(const MediaBreak& b) const { return node_unfit(measure_, in_.model, b.node); }
  bool ok(const MediaBreak& b) { return recipient_ok(b) && unfit(b).empty(); }

private:
  const Measure& measure_;
  const PlanInput& in_;
  std::vector<Recipient> recipients_;
};

bool selected(const engine::ProcessModel& m, NodeIndex n, const std::vector<engine::BlockType>& blocks, const TermList& names) {
  const auto& node = m.node(n);
  if (node.removed || !manual(m, n)) return false;
  return has(blocks, node.attrs.block) || names.matches(tokenize(node.name));
}

bool evidence_ok(const ModelChange& change, const MediaBreak& b) {
  if (change.evidence_contains.empty()) return true;
  for (const auto& ev : b.evidence) {
    for (const auto& part : change.evidence_contains) {
      if (ev.find(part) != std::string::npos) return true;
    }
  }
  return false;
}

// Whether one change touches the node of finding b.
bool change_touches(const ModelChange& change, const MediaBreak& b, const engine::ProcessModel& m) {
  const auto& mix = change.inbound ? m.node(b.node).attrs.inbound : m.node(b.node).attrs.outbound;
  switch (change.op) {
  case ModelChange::Op::remove: return b.whole_node || !change.whole_steps_only;
  case ModelChange::Op::channels_to_electronic:
    return std::any_of(change.channels.begin(), change.channels.end(), [&](Channel c) { return mix.present && mix[c] > 1e-9; });
  case ModelChange::Op::scale_processing: return b.whole_node && engine::is_activity(m.node(b.node).kind);
  case ModelChange::Op::add_processing: return engine::is_activity(m.node(b.node).kind);
  }
  return false;
}

// Nodes (with the finding's share) one change touches.
std::vector<std::pair<NodeIndex, double>> touched_by(const ModelChange& change, const PlanInput& in, BreakFilter& filter) {
  std::vector<std::pair<NodeIndex, double>> touched;
  auto touch = [&](NodeIndex n, double share) {
    if (change.unless_names.matches(tokenize(in.model.node(n).name))) return;
    const auto it = std::find_if(touched.begin(), touched.end(), [&](const auto& t) { return t.first == n; });
    if (it != touched.end()) it->second = std::max(it->second, share);  // the largest share of the node's breaks
    else touched.emplace_back(n, share);
  };
  for (const auto& b : in.breaks.breaks) {
    if (!contains(change.kinds, b.kind) || !filter.ok(b) || has(change.skip_rules, b.rule) || !evidence_ok(change, b)) continue;
    if (change_touches(change, b, in.model)) touch(b.node, b.share);
  }
  for (NodeIndex n = 0; n < in.model.node_count(); ++n) {
    if (selected(in.model, n, change.blocks, change.names)) touch(n, 1.0);
  }
  return touched;
}

void collect_resolves(MeasurePlan& plan, const MediaBreakResult& breaks) {
  plan.changed.erase(std::remove_if(plan.changed.begin(), plan.changed.end(), [&](NodeIndex n) { return has(plan.removed, n); }),
                     plan.changed.end());
  for (const auto* b : plan.triggers) {
    if (has(plan.removed, b->node) || has(plan.changed, b->node)) add_unique(plan.resolves, b->kind);
  }
  for (const auto& b : breaks.breaks) {
    if (has(plan.removed, b.node)) add_unique(plan.resolves, b.kind);
  }
  std::sort(plan.removed.begin(), plan.removed.end());
  std::sort(plan.changed.begin(), plan.changed.end());
}

// The intake mix: the sum over the first nodes with an inbound channel mix on each path (no such node
// before them), weighted by how often they run, so an online branch and a paper branch add up.
std::optional<engine::ChannelMix> entry_mix(const PlanInput& in) {
  const auto& m = in.model;
  const media::Scan scan(m, in.lex);
  engine::ChannelMix sum;
  sum.present = false;
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (node.removed || !node.attrs.inbound.present) continue;
    const auto up = scan.upstream(n);
    const bool first = std::none_of(up.begin(), up.end(), [&](NodeIndex u) { return !m.node(u).removed && m.node(u).attrs.inbound.present; });
    if (!first) continue;
    const double visits = visits_of(in.work, n).value_or(1.0);
    for (std::size_t c = 0; c < engine::channel_count; ++c) sum.share[c] += std::min(visits, 1.0) * node.attrs.inbound.share[c];
    sum.present = true;
  }
  if (!sum.present) return std::nullopt;
  return sum;
}

double personal_outbound_share(const PlanInput& in) {
  double best = 0;
  for (NodeIndex n = 0; n < in.model.node_count(); ++n) {
    const auto& mix = in.model.node(n).attrs.outbound;
    if (in.model.node(n).removed || !mix.present || recipient_of(in.model, n, in.breaks, in.lex) != Recipient::citizen) continue;
    best = std::max(best, mix[Channel::personal_oral] + mix[Channel::personal_documents]);
  }
  return best;
}

// The share of cases a citizen effect applies to, read from the model.
double basis_share(const std::string& basis, const PlanInput& in, const std::vector<NodeIndex>& trigger_nodes) {
  const auto entry = entry_mix(in);
  const double personal = entry ? (*entry)[Channel::personal_oral] + (*entry)[Channel::personal_documents] : 0.0;
  if (basis == "one") return 1.0;
  if (basis == "personal_inbound_share") return personal;
  if (basis == "non_personal_share") return 1.0 - personal;
  if (basis == "paper_inbound_share") {
    if (entry) return (*entry)[Channel::post] + (*entry)[Channel::fax] + (*entry)[Channel::personal_documents];
    double best = 0;
    for (const auto& b : in.breaks.breaks) {
      if (b.kind == MediaBreakKind::paper_inbound) best = std::max(best, b.share);
    }
    return best;
  }
  if (basis == "personal_outbound_share") return personal_outbound_share(in);
  if (basis == "request_visits") {
    double visits = 0;
    for (const auto n : trigger_nodes) visits += visits_of(in.work, n).value_or(0.0);
    return visits;
  }
  return 0.0;
}

std::string comma(std::string x) {
  std::replace(x.begin(), x.end(), '.', ',');
  return x;
}

// Citizen minutes per case: StBA time values times shares read from the model, times the uptake.
void citizen_effects(const Measure& measure, const PlanInput& in, const std::vector<NodeIndex>& trigger_nodes, MeasurePlan& plan) {
  std::string de, en;
  for (const auto& eff : measure.citizen) {
    const auto from = in.times.minutes(eff.from);
    const auto to = eff.to.empty() ? std::optional<double>(0.0) : in.times.minutes(eff.to);
    if (!from || !to) continue;
    const double share = basis_share(eff.basis, in, trigger_nodes) * eff.times * plan.uptake;
    const double minutes = (*from - *to) * share;
    if (minutes <= 1e-9) continue;
    plan.citizen_minutes += minutes;
    const auto what = eff.to.empty() ? fmt::format("{:.0f} min", *from) : fmt::format("({:.0f} − {:.0f}) min", *from, *to);
    de += (de.empty() ? "" : "; ") + fmt::format("{} ({}) × {} = {} min: {}", what, eff.from, comma(fmt::format("{:.2f}", share)),
                                                 comma(fmt::format("{:.1f}", minutes)), eff.note_de);
    en += (en.empty() ? "" : "; ") + fmt::format("{} ({}) × {:.2f} = {:.1f} min: {}", what, eff.from, share, minutes, eff.note_en);
  }
  if (!de.empty() && !in.times.source.empty()) {
    de += " (Quelle: " + in.times.source + ")";
    en += " (source: " + in.times.source + ")";
  }
  plan.citizen_note_de = std::move(de);
  plan.citizen_note_en = std::move(en);
}

} // namespace

MeasurePlan plan_measure(const Measure& measure, const PlanInput& in, double uptake) {
  MeasurePlan plan;
  plan.uptake = measure.citizen_facing ? std::clamp(uptake, 0.0, 1.0) : 1.0;
  if (!preconditions_hold(measure, in)) return plan;
  BreakFilter filter(measure, in);
  std::vector<NodeIndex> trigger_nodes;
  for (const auto& b : in.breaks.breaks) {
    if (!contains(measure.trigger_kinds, b.kind) || !filter.recipient_ok(b)) continue;
    if (auto why = filter.unfit(b); !why.empty()) plan.skipped.emplace_back(&b, std::move(why));
    else plan.triggers.push_back(&b);
  }
  for (NodeIndex n = 0; n < in.model.node_count(); ++n) {
    if (selected(in.model, n, measure.trigger_blocks, measure.trigger_names)) trigger_nodes.push_back(n);
  }
  if (plan.triggers.empty() && trigger_nodes.empty()) {
    if (!plan.skipped.empty()) plan.unfit = plan.skipped.front().second;
    return plan;
  }
  if (plan.unfit = service_unfit(measure, in.model); !plan.unfit.empty()) return plan;
  for (const auto& change : measure.changes) {
    auto touched = touched_by(change, in, filter);
    for (const auto& t : touched) add_unique(change.op == ModelChange::Op::remove ? plan.removed : plan.changed, t.first);
    plan.per_change.push_back(std::move(touched));
  }
  collect_resolves(plan, in.breaks);
  if (plan.removed.empty() && plan.changed.empty()) return plan;
  plan.applies = true;
  citizen_effects(measure, in, trigger_nodes, plan);
  return plan;
}

engine::ProcessModel apply_measure(const Measure& measure, const MeasurePlan& plan, const engine::ProcessModel& m,
                                   const MediaBreakResult&, const WorkloadResult& work) {
  engine::ModelEditor ed(m);
  auto baseline_minutes = [&](NodeIndex n) -> std::optional<double> {
    if (const auto& p = m.node(n).attrs.processing) return engine::to_minutes(p->value);
    for (const auto& p : work.processes) {
      for (const auto& nw : p.nodes) {
        if (nw.node == n) return nw.minutes_per_execution;
      }
    }
    return std::nullopt;
  };
  auto set_minutes = [&](NodeIndex n, double minutes) {
    ed.node(n).attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(minutes), m.node(n).origin};
  };
  const double uptake = measure.citizen_facing ? plan.uptake : 1.0;
  for (std::size_t i = 0; i < measure.changes.size() && i < plan.per_change.size(); ++i) {
    const auto& change = measure.changes[i];
    for (const auto& [n, share] : plan.per_change[i]) {
      auto& node = ed.node(n);
      switch (change.op) {
      case ModelChange::Op::remove: {
        // Only the share of cases the break affects (a channel mix of 40 % post) and, for citizen-facing
        // measures, only the citizens who change channel take the step away; the others still need it.
        const double gone = uptake * std::clamp(share, 0.0, 1.0);
        if (gone >= 0.9995) ed.remove_node(n);
        else if (const auto base = baseline_minutes(n)) set_minutes(n, *base * (1.0 - gone));
        break;
      }
      case ModelChange::Op::channels_to_electronic: {
        auto& mix = change.inbound ? node.attrs.inbound : node.attrs.outbound;
        double moved = 0;
        for (const auto c : change.channels) {
          moved += mix[c] * plan.uptake;
          mix[c] *= 1.0 - plan.uptake;
        }
        mix[Channel::electronic_interface] += moved;
        break;
      }
      case ModelChange::Op::scale_processing:
        if (const auto base = baseline_minutes(n)) set_minutes(n, *base * change.factor);
        break;
      case ModelChange::Op::add_processing:
        if (const auto base = baseline_minutes(n)) set_minutes(n, *base + change.minutes * share);
        break;
      }
    }
  }
  return std::move(ed).finish();
}

double citizen_basis_share(const std::string& basis, const PlanInput& in) { return basis_share(basis, in, {}); }

} // namespace lotse::analysis
