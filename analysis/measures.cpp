// SPDX-License-Identifier: MIT
// Measure catalogue and citizen time values: loading (data files, notes on problems), deciding which
// measures apply to a model and making the changed copy (domain.md 4.4 and implications 9-11: a
// what-if is block removal or replacement on a copy of the model).
#include "analysis/measures.h"

#include "analysis/data_json.h"

#include "analysis/media_rules.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace lotse::analysis {
namespace {

using engine::NodeIndex;
using nlohmann::json;

std::string str(const json& j, std::string_view key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}
std::vector<std::string> strings(const json& j, std::string_view key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}
double number(const json& j, std::string_view key, double fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

std::optional<engine::Channel> channel_by_id(std::string_view id) {
  for (std::size_t i = 0; i < engine::channel_count; ++i) {
    static constexpr std::array<std::string_view, engine::channel_count> ids{
        "personal_oral", "personal_documents", "phone", "post", "internal_mail", "email", "fax", "electronic_interface"};
    if (ids[i] == id) return static_cast<engine::Channel>(i);
  }
  return std::nullopt;
}

// Reads kinds/blocks/names shared by triggers and changes; unknown ids become MED-003 notes.
bool read_selectors(const json& j, const std::string& owner, const std::string& path, engine::Diagnostics& notes,
                    std::vector<MediaBreakKind>& kinds, std::vector<engine::BlockType>& blocks, TermList* names) {
  bool ok = true;
  for (const auto& k : strings(j, "kinds")) {
    if (const auto kind = media_break_from_id(k)) {
      kinds.push_back(*kind);
    } else {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, owner, {owner, "kind '" + k + "'"});
      ok = false;
    }
  }
  for (const auto& b : strings(j, "blocks")) {
    if (const auto block = engine::find_block_type(b)) {
      blocks.push_back(*block);
    } else {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, owner, {owner, "block '" + b + "'"});
      ok = false;
    }
  }
  if (names) {
    for (const auto& n : strings(j, "names")) names->add(n);
  }
  return ok;
}

bool contains(const std::vector<MediaBreakKind>& v, MediaBreakKind k) { return std::find(v.begin(), v.end(), k) != v.end(); }
template <class T> void add_unique(std::vector<T>& v, T x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

bool recipient_matters(MediaBreakKind k) { return k == MediaBreakKind::print || k == MediaBreakKind::paper_outbound; }

} // namespace

std::optional<double> CitizenTimes::minutes(const std::string& key) const {
  const auto colon = key.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const auto group = key.substr(0, colon), item = key.substr(colon + 1);
  if (group == "wegezeit") {
    if (const auto it = trips.find(item); it != trips.end()) return it->second;
    return std::nullopt;
  }
  const auto a = activities.find(group);
  if (a == activities.end()) return std::nullopt;
  const auto v = a->second.find(item);
  if (v == a->second.end()) return std::nullopt;
  return v->second;
}

CitizenTimes load_citizen_times(const std::string& path, engine::Diagnostics& notes) {
  CitizenTimes t;
  const auto j = read_data_json(path, notes);
  if (!j) return t;
  t.loaded = true;
  t.source = str(*j, "source");
  const json trips = j->value("wegezeiten", json::object());
  for (const auto& [name, v] : trips.items()) {
    if (v.is_object()) t.trips[name] = number(v, "minutes", 0);
  }
  const json activities = j->value("aktivitaeten", json::object());
  for (const auto& [name, v] : activities.items()) {
    if (!v.is_object()) continue;
    for (const auto* level : {"einfach", "mittel", "hoch"}) {
      if (v.contains(level) && v[level].is_number()) t.activities[name][level] = v[level].get<double>();
    }
  }
  return t;
}

Catalogue load_catalogue(const std::string& path, engine::Diagnostics& notes) {
  Catalogue c;
  c.path = path;
  const auto j = read_data_json(path, notes);
  if (!j) return c;
  c.loaded = true;
  for (const auto& e : j->value("measures", json::array())) {
    if (!e.is_object()) continue;
    Measure m;
    m.id = str(e, "id");
    m.title_de = str(e, "title_de");
    m.title_en = str(e, "title_en");
    m.description_de = str(e, "description_de");
    m.description_en = str(e, "description_en");
    m.component = str(e, "component");
    m.ozg_level = static_cast<int>(number(e, "ozg_level", 0));
    m.ozg2_level = static_cast<int>(number(e, "ozg2_level", 0));
    m.bw_level = static_cast<int>(number(e, "bw_level", 0));
    m.sources = strings(e, "sources");
    const auto t = e.value("triggers", json::object());
    bool ok = !m.id.empty() && read_selectors(t, m.id, path, notes, m.trigger_kinds, m.trigger_blocks, &m.trigger_names);
    for (const auto& n : strings(t, "already_names")) m.already_names.add(n);
    const auto r = str(t, "recipient");
    m.recipient = r == "citizen" ? Recipient::citizen : r == "authority" ? Recipient::authority : Recipient::any;
    m.unless_inbound_electronic = t.value("unless_inbound_electronic", false);
    std::vector<engine::BlockType> ignored;
    ok = read_selectors(json{{"kinds", t.value("unless_kinds", json::array())}}, m.id, path, notes, m.unless_kinds, ignored, nullptr) && ok;
    ok = read_selectors(json{{"kinds", t.value("requires_kinds", json::array())}}, m.id, path, notes, m.requires_kinds, ignored, nullptr) && ok;
    for (const auto& ch : e.value("changes", json::array())) {
      ModelChange change;
      const auto op = str(ch, "op");
      if (op == "remove") change.op = ModelChange::Op::remove;
      else if (op == "channels_to_electronic") change.op = ModelChange::Op::channels_to_electronic;
      else if (op == "scale_processing") change.op = ModelChange::Op::scale_processing;
      else if (op == "add_processing") change.op = ModelChange::Op::add_processing;
      else {
        notes.add(engine::DiagId::med_data_entry_invalid, path, {}, m.id, {m.id, "op '" + op + "'"});
        ok = false;
        continue;
      }
      ok = read_selectors(ch, m.id, path, notes, change.kinds, change.blocks, &change.names) && ok;
      change.skip_rules = strings(ch, "skip_rules");
      change.evidence_contains = strings(ch, "evidence_contains");
      for (const auto& n : strings(ch, "unless_names")) change.unless_names.add(n);
      change.inbound = str(ch, "direction") != "outbound";
      for (const auto& id : strings(ch, "channels")) {
        if (const auto c2 = channel_by_id(id)) {
          change.channels.push_back(*c2);
        } else {
          notes.add(engine::DiagId::med_data_entry_invalid, path, {}, m.id, {m.id, "channel '" + id + "'"});
          ok = false;
        }
      }
      change.factor = number(ch, "factor", 1.0);
      change.minutes = number(ch, "minutes", 0.0);
      change.note_de = str(ch, "note_de");
      change.note_en = str(ch, "note_en");
      m.changes.push_back(std::move(change));
    }
    for (const auto& ce : e.value("citizen", json::array())) {
      CitizenEffect eff;
      eff.from = str(ce, "from");
      eff.to = str(ce, "to");
      eff.basis = str(ce, "basis");
      eff.times = number(ce, "times", 1.0);
      eff.note_de = str(ce, "note_de");
      eff.note_en = str(ce, "note_en");
      m.citizen.push_back(std::move(eff));
    }
    if (!ok) {
      if (m.id.empty()) notes.add(engine::DiagId::med_data_entry_invalid, path, {}, "", {"?", "id"});
      continue;
    }
    c.measures.push_back(std::move(m));
  }
  return c;
}

Recipient recipient_of(const engine::ProcessModel& m, NodeIndex n, const MediaBreakResult& breaks, const Lexicon& lex) {
  auto classify = [&](const std::vector<std::string>& tokens) -> std::optional<Recipient> {
    if (lex.authority.matches(tokens) && !lex.external_party.matches(tokens)) return Recipient::authority;
    if (lex.external_party.matches(tokens)) return Recipient::citizen;
    return std::nullopt;
  };
  auto own = [&](NodeIndex x) -> std::optional<Recipient> {
    std::string text = m.node(x).name;
    for (const auto& d : m.node(x).attrs.documents) text += " " + d;
    if (auto r = classify(tokenize(text))) return r;
    for (const auto& f : m.message_flows()) {
      if (f.source_node != x) continue;
      auto p = f.target_participant;
      if (p == engine::npos && f.target_node != engine::npos) {
        const auto proc = m.node(f.target_node).process;
        if (proc != engine::npos && proc < m.processes().size()) p = m.processes()[proc].participant;
      }
      if (p != engine::npos && p < m.participants().size()) {
        if (auto r = classify(tokenize(m.participants()[p].name))) return r;
      }
    }
    return std::nullopt;
  };
  // Hauspost stays inside the administration.
  auto says_hauspost = [&](NodeIndex x) {
    const auto t = tokenize(m.node(x).name);
    return std::find(t.begin(), t.end(), "hauspost") != t.end();
  };
  auto internal = [&](NodeIndex x) {
    const auto& mix = m.node(x).attrs.outbound;
    return says_hauspost(x) || (mix.present && mix[engine::Channel::internal_mail] > 0 &&
                                mix[engine::Channel::internal_mail] >= mix[engine::Channel::post] + mix[engine::Channel::fax]);
  };
  // The name says it first ("per Hauspost an das Steueramt", "an Finanzamt und IHK"), then the channel mix.
  if (says_hauspost(n)) return Recipient::internal;
  if (auto r = own(n)) return *r;
  if (internal(n)) return Recipient::internal;
  // A print goes where the next paper leaving the office goes.
  const media::Scan scan(m, lex);
  for (const auto d : scan.downstream(n)) {
    const bool outbound = std::any_of(breaks.breaks.begin(), breaks.breaks.end(), [&](const MediaBreak& b) {
      return b.node == d && b.kind == MediaBreakKind::paper_outbound;
    });
    if (!outbound) continue;
    if (says_hauspost(d)) return Recipient::internal;
    if (auto r = own(d)) return *r;
    if (internal(d)) return Recipient::internal;
    break;
  }
  return Recipient::citizen;
}

MeasurePlan plan_measure(const Measure& measure, const engine::ProcessModel& m, const MediaBreakResult& breaks,
                         const WorkloadResult& work, const CitizenTimes& times, const Lexicon& lex) {
  MeasurePlan plan;
  auto any_kind = [&](const std::vector<MediaBreakKind>& kinds) {
    return std::any_of(breaks.breaks.begin(), breaks.breaks.end(), [&](const MediaBreak& b) { return contains(kinds, b.kind); });
  };
  auto manual = [&](NodeIndex n) {
    const auto k = m.node(n).kind;
    return engine::is_task(k) && k != engine::NodeKind::service_task && k != engine::NodeKind::script_task &&
           k != engine::NodeKind::business_rule_task && k != engine::NodeKind::send_task && k != engine::NodeKind::receive_task;
  };
  // Never suggest what the process already has.
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    if (!m.node(n).removed && measure.already_names.matches(tokenize(m.node(n).name))) return plan;
  }
  if (measure.unless_inbound_electronic) {
    bool any = false, all_electronic = true;
    for (const auto& node : m.nodes()) {
      if (node.removed || !node.attrs.inbound.present) continue;
      any = true;
      all_electronic = all_electronic && node.attrs.inbound[engine::Channel::electronic_interface] >= 0.9995;
    }
    if (any && all_electronic) return plan;
  }
  if (any_kind(measure.unless_kinds)) return plan;
  if (!measure.requires_kinds.empty() && !any_kind(measure.requires_kinds)) return plan;

  std::vector<Recipient> recipients(m.node_count(), Recipient::any);
  auto recipient_ok = [&](const MediaBreak& b) {
    if (measure.recipient == Recipient::any || !recipient_matters(b.kind)) return true;
    if (recipients[b.node] == Recipient::any) recipients[b.node] = recipient_of(m, b.node, breaks, lex);
    return recipients[b.node] == measure.recipient;
  };
  auto selected = [&](NodeIndex n, const std::vector<engine::BlockType>& blocks, const TermList& names) {
    const auto& node = m.node(n);
    if (node.removed || !manual(n)) return false;
    return std::find(blocks.begin(), blocks.end(), node.attrs.block) != blocks.end() || names.matches(tokenize(node.name));
  };

  std::vector<NodeIndex> trigger_nodes;
  for (const auto& b : breaks.breaks) {
    if (contains(measure.trigger_kinds, b.kind) && recipient_ok(b)) plan.triggers.push_back(&b);
  }
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    if (selected(n, measure.trigger_blocks, measure.trigger_names)) trigger_nodes.push_back(n);
  }
  if (plan.triggers.empty() && trigger_nodes.empty()) return plan;

  for (const auto& change : measure.changes) {
    std::vector<std::pair<NodeIndex, double>> touched;
    auto touch = [&](NodeIndex n, double share) {
      if (change.unless_names.matches(tokenize(m.node(n).name))) return;
      for (const auto& [x, s] : touched) {
        if (x == n) return;
      }
      touched.emplace_back(n, share);
    };
    for (const auto& b : breaks.breaks) {
      if (!contains(change.kinds, b.kind) || !recipient_ok(b)) continue;
      if (std::find(change.skip_rules.begin(), change.skip_rules.end(), b.rule) != change.skip_rules.end()) continue;
      if (!change.evidence_contains.empty()) {
        bool hit = false;
        for (const auto& ev : b.evidence) {
          for (const auto& part : change.evidence_contains) hit = hit || ev.find(part) != std::string::npos;
        }
        if (!hit) continue;
      }
      const auto& mix = change.inbound ? m.node(b.node).attrs.inbound : m.node(b.node).attrs.outbound;
      switch (change.op) {
      case ModelChange::Op::remove:
        if (b.whole_node) touch(b.node, b.share);
        break;
      case ModelChange::Op::channels_to_electronic: {
        bool moves = false;
        for (const auto c : change.channels) moves = moves || (mix.present && mix[c] > 1e-9);
        if (moves) touch(b.node, b.share);
        break;
      }
      case ModelChange::Op::scale_processing:
        if (b.whole_node && engine::is_activity(m.node(b.node).kind)) touch(b.node, b.share);
        break;
      case ModelChange::Op::add_processing:
        if (engine::is_activity(m.node(b.node).kind)) touch(b.node, b.share);
        break;
      }
    }
    for (NodeIndex n = 0; n < m.node_count(); ++n) {
      if (selected(n, change.blocks, change.names)) touch(n, 1.0);
    }
    for (const auto& [n, share] : touched) {
      if (change.op == ModelChange::Op::remove) add_unique(plan.removed, n);
      else add_unique(plan.changed, n);
    }
    plan.per_change.push_back(std::move(touched));
  }
  // A node that disappears is not also "changed".
  plan.changed.erase(std::remove_if(plan.changed.begin(), plan.changed.end(), [&](NodeIndex n) {
                       return std::find(plan.removed.begin(), plan.removed.end(), n) != plan.removed.end();
                     }), plan.changed.end());
  for (const auto* b : plan.triggers) {
    const bool gone = std::find(plan.removed.begin(), plan.removed.end(), b->node) != plan.removed.end();
    const bool changed = std::find(plan.changed.begin(), plan.changed.end(), b->node) != plan.changed.end();
    if (gone || changed) add_unique(plan.resolves, b->kind);
  }
  for (const auto& b : breaks.breaks) {
    const bool gone = std::find(plan.removed.begin(), plan.removed.end(), b.node) != plan.removed.end();
    if (gone) add_unique(plan.resolves, b.kind);
  }
  if (plan.removed.empty() && plan.changed.empty()) return plan;
  plan.applies = true;
  std::sort(plan.removed.begin(), plan.removed.end());
  std::sort(plan.changed.begin(), plan.changed.end());

  // Citizen side: StBA time values times shares read from the model. The intake mix is the sum over
  // the first nodes with an inbound channel mix on each path (no such node before them), weighted by
  // how often they run, so an online branch and a paper branch add up to the whole.
  std::optional<engine::ChannelMix> entry_mix;
  {
    const media::Scan scan(m, lex);
    engine::ChannelMix sum;
    sum.present = false;
    for (NodeIndex n = 0; n < m.node_count(); ++n) {
      const auto& node = m.node(n);
      if (node.removed || !node.attrs.inbound.present) continue;
      const auto up = scan.upstream(n);
      const bool first = std::none_of(up.begin(), up.end(), [&](NodeIndex u) {
        return !m.node(u).removed && m.node(u).attrs.inbound.present;
      });
      if (!first) continue;
      double visits = 1.0;
      for (const auto& p : work.processes) {
        for (const auto& nw : p.nodes) {
          if (nw.node == n) visits = nw.visits;
        }
      }
      for (std::size_t c = 0; c < engine::channel_count; ++c) sum.share[c] += std::min(visits, 1.0) * node.attrs.inbound.share[c];
      sum.present = true;
    }
    if (sum.present) entry_mix = sum;
  }
  const engine::ChannelMix* entry = entry_mix ? &*entry_mix : nullptr;
  auto share_of = [&](const std::string& basis) -> double {
    using engine::Channel;
    if (basis == "one") return 1.0;
    if (basis == "personal_inbound_share") return entry ? (*entry)[Channel::personal_oral] + (*entry)[Channel::personal_documents] : 0.0;
    if (basis == "non_personal_share") {
      return 1.0 - (entry ? (*entry)[Channel::personal_oral] + (*entry)[Channel::personal_documents] : 0.0);
    }
    if (basis == "paper_inbound_share") {
      if (entry) return (*entry)[Channel::post] + (*entry)[Channel::fax] + (*entry)[Channel::personal_documents];
      double best = 0;
      for (const auto& b : breaks.breaks) {
        if (b.kind == MediaBreakKind::paper_inbound) best = std::max(best, b.share);
      }
      return best;
    }
    if (basis == "personal_outbound_share") {
      double best = 0;
      for (NodeIndex n = 0; n < m.node_count(); ++n) {
        const auto& mix = m.node(n).attrs.outbound;
        if (m.node(n).removed || !mix.present || recipient_of(m, n, breaks, lex) != Recipient::citizen) continue;
        best = std::max(best, mix[Channel::personal_oral] + mix[Channel::personal_documents]);
      }
      return best;
    }
    if (basis == "request_visits") {
      double visits = 0;
      for (const auto n : trigger_nodes) {
        for (const auto& p : work.processes) {
          for (const auto& nw : p.nodes) {
            if (nw.node == n) visits += nw.visits;
          }
        }
      }
      return visits;
    }
    return 0.0;
  };
  std::vector<std::string> notes_de, notes_en;
  for (const auto& eff : measure.citizen) {
    const auto from = times.minutes(eff.from);
    const auto to = eff.to.empty() ? std::optional<double>(0.0) : times.minutes(eff.to);
    if (!from || !to) continue;
    const double share = share_of(eff.basis) * eff.times;
    const double minutes = (*from - *to) * share;
    if (minutes <= 1e-9) continue;
    plan.citizen_minutes += minutes;
    const auto what = eff.to.empty() ? fmt::format("{:.0f} min", *from) : fmt::format("({:.0f} − {:.0f}) min", *from, *to);
    auto comma = [](std::string x) {
      std::replace(x.begin(), x.end(), '.', ',');
      return x;
    };
    notes_de.push_back(fmt::format("{} ({}) × {} = {} min: {}", what, eff.from, comma(fmt::format("{:.2f}", share)),
                                   comma(fmt::format("{:.1f}", minutes)), eff.note_de));
    notes_en.push_back(fmt::format("{} ({}) × {:.2f} = {:.1f} min: {}", what, eff.from, share, minutes, eff.note_en));
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  plan.citizen_note_de = join(notes_de);
  plan.citizen_note_en = join(notes_en);
  if (!notes_de.empty() && !times.source.empty()) {
    plan.citizen_note_de += " (Quelle: " + times.source + ")";
    plan.citizen_note_en += " (source: " + times.source + ")";
  }
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
  for (std::size_t i = 0; i < measure.changes.size() && i < plan.per_change.size(); ++i) {
    const auto& change = measure.changes[i];
    for (const auto& [n, share] : plan.per_change[i]) {
      auto& node = ed.node(n);
      switch (change.op) {
      case ModelChange::Op::remove:
        ed.remove_node(n);
        break;
      case ModelChange::Op::channels_to_electronic: {
        auto& mix = change.inbound ? node.attrs.inbound : node.attrs.outbound;
        double moved = 0;
        for (const auto c : change.channels) {
          moved += mix[c];
          mix[c] = 0;
        }
        mix[engine::Channel::electronic_interface] += moved;
        break;
      }
      case ModelChange::Op::scale_processing:
        if (const auto base = baseline_minutes(n)) {
          node.attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(*base * change.factor), node.origin};
        }
        break;
      case ModelChange::Op::add_processing:
        if (const auto base = baseline_minutes(n)) {
          node.attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(*base + change.minutes * share), node.origin};
        }
        break;
      }
    }
  }
  return std::move(ed).finish();
}

} // namespace lotse::analysis
