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


// Fit rules, effort, prerequisites and uptake flag of one catalogue entry.
void read_fit_and_effort(const json& e, Measure& m) {
  for (const auto& f : e.value("not_fit", json::array())) {
    if (!f.is_object()) continue;
    FitRule rule;
    rule.reason = str(f, "reason");
    rule.service = str(f, "scope") == "service";
    rule.only = f.value("only", false);
    for (const auto& n : strings(f, "names")) rule.names.add(n);
    if (!rule.reason.empty() && !rule.names.empty()) m.fit.push_back(std::move(rule));
  }
  const auto eff = e.value("effort", json::object());
  m.effort.one_off_eur = number(eff, "one_off_eur", 0);
  m.effort.running_eur_per_year = number(eff, "running_eur_per_year", 0);
  m.effort.staff_days = number(eff, "staff_days", 0);
  m.effort.source = str(eff, "source");
  m.effort.assumption = eff.value("assumption", true);
  m.requires_ids = strings(e, "requires");
  m.citizen_facing = e.value("citizen_facing", false);
  m.town_wide = str(e, "scope") == "town";
  const auto more = eff.value("per_further_service", json::object());
  m.further_service.one_off_eur = number(more, "one_off_eur", 0);
  m.further_service.running_eur_per_year = number(more, "running_eur_per_year", 0);
  m.further_service.staff_days = number(more, "staff_days", 0);
  m.further_service.source = str(more, "source");
  m.further_service.assumption = more.value("assumption", true);
}

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
    m.recipient = recipient_from_id(r);
    if (!r.empty() && m.recipient == Recipient::any) {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, m.id, {m.id, "recipient '" + r + "'"});
      ok = false;
    }
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
      change.whole_steps_only = ch.value("whole_steps_only", true);
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
    read_fit_and_effort(e, m);
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

Recipient recipient_from_id(std::string_view id) {
  if (id == "citizen") return Recipient::citizen;
  if (id == "authority") return Recipient::authority;
  if (id == "internal") return Recipient::internal;
  if (id == "business") return Recipient::business;
  return Recipient::any;
}

bool already_present(const Measure& measure, const engine::ProcessModel& m) {
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    if (!m.node(n).removed && measure.already_names.matches(tokenize(m.node(n).name))) return true;
  }
  return false;
}

std::string service_unfit(const Measure& measure, const engine::ProcessModel& m) {
  std::vector<std::string> names{m.name()};
  for (const auto& p : m.processes()) names.push_back(p.name);
  auto named = [&](const TermList& terms) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& x) { return terms.matches(tokenize(x)); });
  };
  for (const auto& rule : measure.fit) {
    if (!rule.service) continue;
    if (rule.only != named(rule.names)) return rule.reason;
  }
  return {};
}

std::string node_unfit(const Measure& measure, const engine::ProcessModel& m, NodeIndex n) {
  std::string text = m.node(n).name;
  for (const auto& d : m.node(n).attrs.documents) text += " " + d;
  const auto tokens = tokenize(text);
  for (const auto& rule : measure.fit) {
    if (!rule.service && rule.names.matches(tokens)) return rule.reason;
  }
  return {};
}

Recipient recipient_of(const engine::ProcessModel& m, NodeIndex n, const MediaBreakResult& breaks, const Lexicon& lex) {
  auto classify = [&](const std::vector<std::string>& tokens) -> std::optional<Recipient> {
    if (lex.authority.matches(tokens) && !lex.external_party.matches(tokens) && !lex.business.matches(tokens)) return Recipient::authority;
    if (lex.business.matches(tokens)) return Recipient::business;
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
    // Hauspost is the recipient's way only where it outweighs every way to someone outside (post, fax,
    // handed over in person): "geht aus, 90 % persönlich, 10 % Hauspost" goes to the applicant.
    const double outside = mix[engine::Channel::post] + mix[engine::Channel::fax] + mix[engine::Channel::personal_documents] +
                           mix[engine::Channel::personal_oral];
    return says_hauspost(x) || (mix.present && mix[engine::Channel::internal_mail] > 0 && mix[engine::Channel::internal_mail] >= outside);
  };
  // Hauspost or an office of the town itself in the name ("an Steueramt weiterleiten"), then another
  // recipient in the name ("an Finanzamt, IHK versenden", even when it leaves by Hauspost), message flows,
  // then the channel mix.
  auto own_office = [&](NodeIndex x) { return says_hauspost(x) || lex.internal_office.matches(tokenize(m.node(x).name)); };
  if (own_office(n)) return Recipient::internal;
  if (auto r = own(n)) return *r;
  if (internal(n)) return Recipient::internal;
  // A print goes where the next paper leaving the office goes; a step that sends paper itself goes to
  // the citizen when nothing above names another recipient (the next step's Hauspost is not its way).
  const bool sends = std::any_of(breaks.breaks.begin(), breaks.breaks.end(), [&](const MediaBreak& b) {
    return b.node == n && b.kind == MediaBreakKind::paper_outbound;
  });
  if (sends) return Recipient::citizen;
  const media::Scan scan(m, lex);
  for (const auto d : scan.downstream(n)) {
    const bool outbound = std::any_of(breaks.breaks.begin(), breaks.breaks.end(), [&](const MediaBreak& b) {
      return b.node == d && b.kind == MediaBreakKind::paper_outbound;
    });
    if (!outbound) continue;
    if (own_office(d)) return Recipient::internal;
    if (auto r = own(d)) return *r;
    if (internal(d)) return Recipient::internal;
    break;
  }
  return Recipient::citizen;
}

} // namespace lotse::analysis
