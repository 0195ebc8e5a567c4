// SPDX-License-Identifier: MIT
// Media-break evidence from PICTURE blocks and attributes, channels, BPMN data, message flows, lanes
// and keywords (domain.md, implication 6). Every rule says in its reason what the navigator would see
// in the workshop ("Antrag kommt zu 60 % per Post an und wird in das Fachverfahren abgetippt").
#include "analysis/media_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>

namespace lotse::analysis::media {
namespace {

using engine::Channel;
using engine::NodeIndex;
using engine::NodeKind;

bool task_like(const engine::ProcessModel& m, NodeIndex n) {
  const auto& node = m.node(n);
  if (engine::is_task(node.kind) || node.kind == NodeKind::call_activity) return true;
  return engine::is_container(node.kind) && m.children(n).empty();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? last : sep;
    out += parts[i];
  }
  return out;
}

struct PaperChannel {
  Channel channel;
  std::string_view id, de, en;
};
constexpr std::array<PaperChannel, 3> paper_in{{
    {Channel::post, "post", "per Post", "by post"},
    {Channel::fax, "fax", "per Fax", "by fax"},
    {Channel::personal_documents, "personal_documents", "persönlich auf Papier", "on paper in person"},
}};
constexpr std::array<PaperChannel, 3> paper_out{{
    {Channel::post, "post", "per Post", "by post"},
    {Channel::internal_mail, "internal_mail", "per Hauspost", "by internal mail"},
    {Channel::fax, "fax", "per Fax", "by fax"},
}};

// Describes the paper share of a channel mix: total share, rule suffix and the words per language.
template <std::size_t N>
double paper_share(const engine::ChannelMix& mix, const std::array<PaperChannel, N>& channels, std::string& rule,
                   std::string& de, std::string& en, std::string& detail_de, std::string& detail_en) {
  double total = 0;
  std::vector<std::string> ids, words_de, words_en, parts_de, parts_en;
  for (const auto& c : channels) {
    const double v = mix[c.channel];
    if (v <= 1e-9) continue;
    total += v;
    ids.emplace_back(c.id);
    words_de.emplace_back(c.de);
    words_en.emplace_back(c.en);
    parts_de.push_back(fmt::format("{} {}", c.de, percent(v, engine::Lang::de)));
    parts_en.push_back(fmt::format("{} {}", c.en, percent(v, engine::Lang::en)));
  }
  rule = join(ids, "+", "+");
  de = join(words_de, ", ", " oder ");
  en = join(words_en, ", ", " or ");
  detail_de = join(parts_de, ", ", ", ");
  detail_en = join(parts_en, ", ", ", ");
  return total;
}

std::string doc_or_name(const engine::Node& n, engine::Lang lang) {
  if (!n.attrs.documents.empty()) {
    return lang == engine::Lang::de ? "„" + n.attrs.documents.front() + "“" : "“" + n.attrs.documents.front() + "”";
  }
  return quoted(n, lang);
}

bool data_source_paper(const engine::NodeAttributes& a) {
  const auto t = fold_text(a.data_source);
  return t.find("physikal") != std::string::npos || t.find("papier") != std::string::npos ||
         t.find("paper") != std::string::npos;
}
bool data_source_it(const engine::NodeAttributes& a) {
  const auto t = fold_text(a.data_source);
  return t.find("edv") != std::string::npos || t.find("it system") != std::string::npos ||
         t.find("it_system") != std::string::npos;
}

Evidence make(MediaBreakKind kind, NodeIndex n, Strength st, std::string rule, std::string de, std::string en,
              double share, bool whole) {
  Evidence e;
  e.kind = kind;
  e.node = n;
  e.strength = st;
  e.rule = std::move(rule);
  e.reason_de = std::move(de);
  e.reason_en = std::move(en);
  e.share = share;
  e.whole_node = whole;
  return e;
}

// Payment method from a PICTURE "Bezahlungsart" (or similar) property; empty when the model says nothing.
std::string payment_method(const engine::NodeAttributes& a) {
  for (const auto& [name, value] : a.properties) {
    const auto k = fold_text(name);
    if (k.find("bezahl") != std::string::npos || k.find("zahlungsart") != std::string::npos ||
        k.find("payment") != std::string::npos) {
      return value;
    }
  }
  return {};
}

} // namespace

std::string percent(double share, engine::Lang lang) {
  return lang == engine::Lang::de ? fmt::format("{:.0f} %", share * 100.0) : fmt::format("{:.0f}%", share * 100.0);
}

std::string quoted(const engine::Node& n, engine::Lang lang) {
  const std::string& text = n.name.empty() ? n.id : n.name;
  return lang == engine::Lang::de ? "„" + text + "“" : "“" + text + "”";
}

Scan::Scan(const engine::ProcessModel& m, const Lexicon& lex, std::vector<double> visits)
    : m_(m), lex_(lex), visits_(std::move(visits)) {
  tokens_.reserve(m.node_count());
  for (const auto& n : m.nodes()) tokens_.push_back(tokenize(n.name));
}

bool Scan::automated(NodeIndex n) const {
  switch (m_.node(n).kind) {
  case NodeKind::service_task: case NodeKind::script_task: case NodeKind::business_rule_task:
  case NodeKind::send_task: case NodeKind::receive_task:
    return true;
  default:
    return false;
  }
}

bool Scan::paper_text(const std::vector<std::string>& tokens) const {
  return lex_.paper.matches(tokens) && !lex_.negative.matches(tokens);
}

namespace {
std::vector<std::string> data_tokens(const engine::DataElement& d) { return tokenize(d.name + " " + d.state); }
bool is_store(engine::DataKind k) { return k == engine::DataKind::data_store || k == engine::DataKind::data_store_reference; }
} // namespace

bool Scan::paper_data(engine::DataIndex d) const {
  const auto& e = m_.data().at(d);
  return !is_store(e.kind) && paper_text(data_tokens(e));
}

bool Scan::unstructured_data(engine::DataIndex d) const {
  const auto& e = m_.data().at(d);
  return !is_store(e.kind) && lex_.unstructured.matches(data_tokens(e));
}

bool Scan::paper_store(engine::DataIndex d) const {
  const auto t = data_tokens(m_.data().at(d));
  return lex_.paper_store.matches(t) && !lex_.negative.matches(t) && !lex_.efile.matches(t);
}

bool Scan::system_store(engine::DataIndex d) const { return is_store(m_.data().at(d).kind) && !paper_store(d); }

std::vector<engine::DataIndex> Scan::data_of(NodeIndex n, bool output) const {
  std::vector<engine::DataIndex> out;
  for (const auto& a : m_.data_associations()) {
    if (a.node == n && a.output == output && a.data != engine::npos) out.push_back(a.data);
  }
  return out;
}

namespace {
// Breadth-first walk along sequence flows; a node without flows in that direction continues at its
// enclosing sub-process, so "erfassen" inside a sub-process still sees the paper inbound before it.
std::vector<NodeIndex> walk(const engine::ProcessModel& m, NodeIndex start, bool forward) {
  std::vector<NodeIndex> order;
  std::vector<char> seen(m.node_count(), 0);
  std::deque<NodeIndex> queue{start};
  seen.at(start) = 1;
  while (!queue.empty()) {
    const NodeIndex n = queue.front();
    queue.pop_front();
    if (n != start) order.push_back(n);
    const auto flows = forward ? m.out_flows(n) : m.in_flows(n);
    std::vector<NodeIndex> next;
    for (const auto f : flows) next.push_back(forward ? m.flow(f).target : m.flow(f).source);
    if (flows.empty() && m.node(n).parent != engine::npos) next.push_back(m.node(n).parent);
    // Going forwards into a sub-process means going into its start events too.
    if (forward && engine::is_container(m.node(n).kind)) {
      for (const auto c : m.children(n)) {
        if (m.in_flows(c).empty() && engine::is_event(m.node(c).kind)) next.push_back(c);
      }
    }
    for (const auto x : next) {
      if (x != engine::npos && !seen.at(x)) {
        seen.at(x) = 1;
        queue.push_back(x);
      }
    }
  }
  return order;
}
} // namespace

std::vector<NodeIndex> Scan::upstream(NodeIndex n) const { return walk(m_, n, false); }
std::vector<NodeIndex> Scan::downstream(NodeIndex n) const { return walk(m_, n, true); }

std::pair<std::string, std::string> Scan::system_words(NodeIndex n) const {
  const auto& a = m_.node(n).attrs;
  if (!a.it_systems.empty()) {
    return {"das Fachverfahren „" + a.it_systems.front() + "“", "the specialist system “" + a.it_systems.front() + "”"};
  }
  for (const auto d : data_of(n, true)) {
    if (system_store(d)) {
      const auto& name = m_.data().at(d).name;
      return {"„" + name + "“", "“" + name + "”"};
    }
  }
  return {"das Fachverfahren", "the specialist system"};
}

std::optional<PaperSource> paper_source(const Scan& s, NodeIndex n, const std::vector<Evidence>& found, bool pdf,
                                        bool upstream) {
  const auto& m = s.model();
  auto inbound_at = [&](NodeIndex u) -> const Evidence* {
    for (const auto& e : found) {
      if (e.node == u && e.kind == MediaBreakKind::paper_inbound) return &e;
    }
    return nullptr;
  };
  auto from_inbound = [&](NodeIndex u, const Evidence& e) {
    PaperSource p;
    p.share = e.share;
    const auto& src = m.node(u);
    const auto& mix = src.attrs.inbound;
    std::string rule, de = "auf Papier", en = "on paper", dd, den;
    if (mix.present) paper_share(mix, paper_in, rule, de, en, dd, den);
    const auto who_de = doc_or_name(src, engine::Lang::de);
    const auto who_en = doc_or_name(src, engine::Lang::en);
    if (e.share < 0.9995) {
      p.what_de = fmt::format("{} kommt zu {} {} an", who_de, percent(e.share, engine::Lang::de), de);
      p.what_en = fmt::format("{} arrives {} in {} of cases", who_en, en, percent(e.share, engine::Lang::en));
    } else {
      p.what_de = fmt::format("{} kommt {} an", who_de, de);
      p.what_en = fmt::format("{} arrives {}", who_en, en);
    }
    return p;
  };
  if (const auto* e = inbound_at(n)) return from_inbound(n, *e);
  const auto& node = m.node(n);
  for (const auto d : s.data_of(n, false)) {
    if (s.paper_data(d) || (pdf && s.unstructured_data(d))) {
      const auto& name = m.data().at(d).name;
      return PaperSource{1.0, "„" + name + "“ liegt nur auf Papier oder als PDF vor",
                         "“" + name + "” exists only on paper or as a PDF"};
    }
  }
  if (s.paper_text(s.tokens(n))) {
    return PaperSource{1.0, quoted(node, engine::Lang::de) + " arbeitet mit Papier", quoted(node, engine::Lang::en) + " works with paper"};
  }
  auto paper_flow_into = [&](NodeIndex u) -> const engine::Flow* {
    for (const auto f : m.in_flows(u)) {
      if (s.paper_text(tokenize(m.flow(f).name))) return &m.flow(f);
    }
    return nullptr;
  };
  if (const auto* f = paper_flow_into(n)) {
    return PaperSource{1.0, "der Weg „" + f->name + "“ bringt Papier", "the path “" + f->name + "” carries paper"};
  }
  // Of all paper inbounds before the node, the one on the most frequent path (the application itself
  // rather than a rarely taken "documents sent in later" loop); ties go to the nearest.
  const Evidence* best = nullptr;
  NodeIndex best_node = engine::npos;
  const engine::Flow* best_flow = nullptr;
  for (const auto u : upstream ? s.upstream(n) : std::vector<NodeIndex>{}) {
    const auto* e = inbound_at(u);
    if (e && (!best || s.visits(u) > s.visits(best_node) + 1e-9)) {
      best = e;
      best_node = u;
    }
    if (!best_flow) best_flow = paper_flow_into(u);
  }
  if (best) return from_inbound(best_node, *best);
  if (best_flow) {
    return PaperSource{1.0, "der Weg „" + best_flow->name + "“ bringt Papier", "the path “" + best_flow->name + "” carries paper"};
  }
  if (data_source_paper(node.attrs)) {
    return PaperSource{1.0, "der Eingang liegt auf Papier vor (Quelle der Daten: physikalische Dokumente)",
                       "the input is on paper (data source: physical documents)"};
  }
  return std::nullopt;
}

void channel_rules(const Scan& s, std::vector<Evidence>& out) {
  const auto& m = s.model();
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (node.removed) continue;
    std::string rule, de, en, dd, den;
    if (node.attrs.inbound.present) {
      const double share = paper_share(node.attrs.inbound, paper_in, rule, de, en, dd, den);
      if (share > 1e-9) {
        out.push_back(make(MediaBreakKind::paper_inbound, n, Strength::attribute, "channel:in:" + rule,
                           fmt::format("Eingang zu {} auf Papier ({}; Eingangskanal)", percent(share, engine::Lang::de), dd),
                           fmt::format("{} of the input arrives on paper ({}; inbound channel)", percent(share, engine::Lang::en), den),
                           std::min(share, 1.0), false));
      }
    }
    if (node.attrs.outbound.present) {
      const double share = paper_share(node.attrs.outbound, paper_out, rule, de, en, dd, den);
      if (share > 1e-9) {
        out.push_back(make(MediaBreakKind::paper_outbound, n, Strength::attribute, "channel:out:" + rule,
                           fmt::format("Versand zu {} auf Papier ({}; Ausgangskanal)", percent(share, engine::Lang::de), dd),
                           fmt::format("{} of the output is sent on paper ({}; outbound channel)", percent(share, engine::Lang::en), den),
                           std::min(share, 1.0), false));
      }
    }
  }
}

void block_rules(const Scan& s, std::vector<Evidence>& out) {
  const auto& m = s.model();
  const auto& lex = s.lexicon();
  const std::vector<Evidence> before = out;
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    const auto& a = node.attrs;
    if (node.removed) continue;
    const auto block = std::string("block:") + std::string(engine::block_id(a.block));
    const auto doc_de = a.documents.empty() ? std::string{} : " „" + a.documents.front() + "“";
    const auto doc_en = a.documents.empty() ? std::string{} : " “" + a.documents.front() + "”";
    switch (a.block) {
    case engine::BlockType::edv_input: {
      const auto [sys_de, sys_en] = s.system_words(n);
      std::string de, en, rule = block;
      if (const auto ps = paper_source(s, n, before, true)) {
        de = fmt::format("{} und wird in {} abgetippt", ps->what_de, sys_de);
        en = fmt::format("{} and is typed into {}", ps->what_en, sys_en);
      } else if (data_source_it(a)) {
        de = fmt::format("Daten aus einem anderen IT-System werden von Hand in {} übertragen", sys_de);
        en = fmt::format("data from another IT system are transferred into {} by hand", sys_en);
      } else {
        de = fmt::format("Daten werden von Hand in {} eingegeben", sys_de);
        en = fmt::format("data are entered into {} by hand", sys_en);
      }
      std::string tail_de = " (Baustein „Daten in EDV übernehmen“", tail_en = " (block “Enter data into IT system”";
      if (data_source_it(a)) rule += "+quelle:edv";
      if (data_source_paper(a)) {
        rule += "+quelle:papier";
        tail_de += "; Quelle der Daten: physikalische Dokumente";
        tail_en += "; data source: physical documents";
      }
      out.push_back(make(MediaBreakKind::retyping, n, Strength::block, rule, de + tail_de + ")", en + tail_en + ")", 1.0, true));
      break;
    }
    case engine::BlockType::print: {
      std::string extra_de, extra_en;
      if (a.pages) {
        const int copies = a.copies.value_or(1);
        extra_de = fmt::format(", {} Seiten × {} Ausfertigung(en)", *a.pages, copies);
        extra_en = fmt::format(", {} pages × {} copies", *a.pages, copies);
      }
      out.push_back(make(MediaBreakKind::print, n, Strength::block, block,
                         fmt::format("das elektronische Dokument{} wird ausgedruckt (Baustein „Drucken“{})", doc_de, extra_de),
                         fmt::format("the electronic document{} is printed (block “Print”{})", doc_en, extra_en), 1.0, true));
      break;
    }
    case engine::BlockType::scan:
      out.push_back(make(MediaBreakKind::scan, n, Strength::block, block,
                         fmt::format("das Papierdokument{} wird eingescannt (Baustein „Scannen“)", doc_de),
                         fmt::format("the paper document{} is scanned (block “Scan”)", doc_en), 1.0, true));
      break;
    case engine::BlockType::copy:
      out.push_back(make(MediaBreakKind::copy, n, Strength::block, block,
                         fmt::format("das Papierdokument{} wird kopiert (Baustein „Kopieren“)", doc_de),
                         fmt::format("the paper document{} is photocopied (block “Copy”)", doc_en), 1.0, true));
      break;
    case engine::BlockType::save_to_volume:
      out.push_back(make(MediaBreakKind::data_carrier, n, Strength::block, block,
                         "Daten werden auf einen Datenträger gespielt und transportiert (Baustein „Datenträger bespielen“)",
                         "data are written to a data carrier and carried (block “Save to data carrier”)", 1.0, true));
      break;
    case engine::BlockType::sign_document:
      out.push_back(make(MediaBreakKind::wet_signature, n, Strength::block, block,
                         fmt::format("das Dokument{} wird eigenhändig auf Papier unterschrieben (Baustein „Dokument unterschreiben“)", doc_de),
                         fmt::format("the document{} is signed by hand on paper (block “Sign document”)", doc_en), 1.0, true));
      break;
    case engine::BlockType::collect_money: {
      const auto method = payment_method(a);
      const auto mt = tokenize(method);
      std::vector<std::string> context = s.tokens(n);
      for (const auto& sys : a.it_systems) {
        for (auto& t : tokenize(sys)) context.push_back(std::move(t));
      }
      if (!method.empty()) {
        // Any payment method that is not electronic (bar, Überweisung, Scheck) is a break (domain.md, 6).
        if (!lex.epayment.matches(mt) && !lex.negative.matches(mt)) {
          out.push_back(make(MediaBreakKind::cash_payment, n, Strength::block, block + "+bezahlungsart",
                             fmt::format("die Zahlung wird am Schalter entgegengenommen (Bezahlungsart „{}“, Baustein „Kassieren“)", method),
                             fmt::format("the payment is taken at the counter (payment method “{}”, block “Collect money”)", method), 1.0, true));
        }
      } else if (!lex.epayment.matches(context) && !lex.negative.matches(context)) {
        out.push_back(make(MediaBreakKind::cash_payment, n, Strength::block, block,
                           "die Zahlung wird am Schalter entgegengenommen (Baustein „Kassieren“; Bezahlungsart im Modell nicht angegeben, kein E-Payment genannt)",
                           "the payment is taken at the counter (block “Collect money”; payment method not given in the model, no e-payment named)", 1.0, true));
      }
      break;
    }
    case engine::BlockType::archive_document: {
      bool efile = false;
      for (const auto& sys : a.it_systems) efile = efile || lex.efile.matches(tokenize(sys));
      const bool negated = lex.negative.matches(s.tokens(n)) || lex.efile.matches(s.tokens(n));
      if (!efile && !negated && a.it_systems.empty()) {
        out.push_back(make(MediaBreakKind::paper_file, n, Strength::block, block,
                           fmt::format("das Dokument{} wird abgelegt, ohne dass ein E-Akte-System (IT-Verfahren) angegeben ist (Baustein „Dokument archivieren/ablegen“)", doc_de),
                           fmt::format("the document{} is filed and no e-file system (IT system) is given (block “Archive document”)", doc_en), 1.0, true));
      }
      break;
    }
    default:
      break;
    }
    if (a.formalization == engine::Formalization::legally_binding_signature && a.block != engine::BlockType::sign_document) {
      out.push_back(make(MediaBreakKind::wet_signature, n, Strength::attribute, "attr:formalisierungsgrad",
                         fmt::format("eine rechtsverbindliche Unterschrift ist erforderlich (Formalisierungsgrad): das Dokument{} muss auf Papier unterschrieben vorliegen", doc_de),
                         fmt::format("a legally binding signature is required (degree of formalisation): the document{} must be signed on paper", doc_en), 1.0, false));
    }
    const bool capture = a.block == engine::BlockType::capture_data || a.block == engine::BlockType::edit_document ||
                         a.block == engine::BlockType::create_document;
    if (capture && data_source_paper(a) && !a.it_systems.empty()) {
      const auto [sys_de, sys_en] = s.system_words(n);
      out.push_back(make(MediaBreakKind::retyping, n, Strength::attribute, "attr:quelle_der_daten",
                         fmt::format("Daten aus Papierunterlagen (Quelle der Daten: physikalische Dokumente) werden in {} eingegeben", sys_de),
                         fmt::format("data from paper documents (data source: physical documents) are entered into {}", sys_en), 1.0, false));
    }
  }
}

void data_rules(const Scan& s, std::vector<Evidence>& out) {
  const auto& m = s.model();
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (node.removed || !task_like(m, n) || s.automated(n)) continue;
    const auto in = s.data_of(n, false);
    const auto outp = s.data_of(n, true);
    auto first = [&](const std::vector<engine::DataIndex>& v, auto pred) -> const engine::DataElement* {
      for (const auto d : v) {
        if (pred(d)) return &m.data().at(d);
      }
      return nullptr;
    };
    // Only paper proper: a scanned image or PDF filed into a store is archiving, not re-typing.
    const auto* paper_in = first(in, [&](engine::DataIndex d) { return s.paper_data(d); });
    const auto* system_out = first(outp, [&](engine::DataIndex d) { return s.system_store(d); });
    if (paper_in && system_out) {
      out.push_back(make(MediaBreakKind::retyping, n, Strength::data, "data:papier->system",
                         fmt::format("liest „{}“ (Papier) und schreibt in „{}“: die Angaben werden abgetippt", paper_in->name, system_out->name),
                         fmt::format("reads “{}” (paper) and writes to “{}”: the details are typed in", paper_in->name, system_out->name), 1.0, false));
    }
    const auto* system_in = first(in, [&](engine::DataIndex d) { return s.system_store(d); });
    const auto* paper_out = first(outp, [&](engine::DataIndex d) { return s.paper_data(d); });
    if (system_in && paper_out) {
      out.push_back(make(MediaBreakKind::print, n, Strength::data, "data:system->papier",
                         fmt::format("liest aus „{}“ und erzeugt „{}“ auf Papier: das Dokument wird ausgedruckt", system_in->name, paper_out->name),
                         fmt::format("reads from “{}” and produces “{}” on paper: the document is printed", system_in->name, paper_out->name), 1.0, false));
    }
    const auto* file_out = first(outp, [&](engine::DataIndex d) { return s.paper_store(d); });
    if (file_out) {
      out.push_back(make(MediaBreakKind::paper_file, n, Strength::data, "data:papierakte",
                         fmt::format("legt in „{}“ ab (Papierakte)", file_out->name),
                         fmt::format("files into “{}” (paper file)", file_out->name), 1.0, false));
    }
  }
}

void message_rules(const Scan& s, std::vector<Evidence>& out) {
  const auto& m = s.model();
  const auto& lex = s.lexicon();
  auto participant_external = [&](engine::ParticipantIndex p, NodeIndex node) {
    if (p == engine::npos && node != engine::npos) {
      const auto proc = m.node(node).process;
      if (proc != engine::npos && proc < m.processes().size()) p = m.processes()[proc].participant;
    }
    if (p == engine::npos || p >= m.participants().size()) return false;
    return lex.external_party.matches(tokenize(m.participants()[p].name));
  };
  for (const auto& f : m.message_flows()) {
    const auto tokens = tokenize(f.name);
    const std::string term = lex.paper.match(tokens);
    if (term.empty() || lex.negative.matches(tokens)) continue;
    const bool from_outside = participant_external(f.source_participant, f.source_node);
    const bool to_outside = participant_external(f.target_participant, f.target_node);
    bool inbound = f.target_node != engine::npos;
    if (to_outside && !from_outside) inbound = false;
    if (from_outside && !to_outside) inbound = true;
    const NodeIndex at = inbound ? f.target_node : f.source_node;
    if (at == engine::npos || m.node(at).removed) continue;
    const std::string rule = "message:" + term;
    if (inbound) {
      out.push_back(make(MediaBreakKind::paper_inbound, at, Strength::message, rule,
                         fmt::format("die Nachricht „{}“ kommt auf Papier an (Nachrichtenfluss)", f.name),
                         fmt::format("the message “{}” arrives on paper (message flow)", f.name), 1.0, false));
    } else {
      out.push_back(make(MediaBreakKind::paper_outbound, at, Strength::message, rule,
                         fmt::format("die Nachricht „{}“ wird auf Papier verschickt (Nachrichtenfluss)", f.name),
                         fmt::format("the message “{}” is sent on paper (message flow)", f.name), 1.0, false));
    }
  }
}

void keyword_rules(const Scan& s, std::vector<Evidence>& out) {
  const auto& m = s.model();
  const std::vector<Evidence> before = out;
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (node.removed) continue;
    const bool event = engine::is_event(node.kind);
    if (!event && !task_like(m, n)) continue;
    for (const auto& hit : match_keywords(s.lexicon(), s.tokens(n))) {
      const auto& e = *hit.entry;
      if (event && !e.events) continue;
      if (!event && !e.automated && s.automated(n)) continue;
      const std::string rule = "keyword:" + hit.term;
      std::string de = fmt::format("{} (Stichwort „{}“)", e.reason_de, hit.term);
      std::string en = fmt::format("{} (keyword “{}”)", e.reason_en, hit.term);
      double share = 1.0;
      const bool retype = e.kind == MediaBreakKind::retyping;
      // Only re-typing looks back along the process: filing after an upstream paper inbound may well
      // be electronic (the paper was captured on the way), so filing needs paper at the node itself.
      const auto ps = (e.paper_context || retype) ? paper_source(s, n, before, retype, retype) : std::nullopt;
      if (e.paper_context && !ps) continue;
      if (e.kind == MediaBreakKind::paper_file && e.paper_context && !node.attrs.it_systems.empty()) continue;
      if (ps) {
        share = e.paper_context ? ps->share : 1.0;
        if (e.kind == MediaBreakKind::retyping) {
          const auto [sys_de, sys_en] = s.system_words(n);
          de = fmt::format("{} und wird in {} abgetippt (Stichwort „{}“)", ps->what_de, sys_de, hit.term);
          en = fmt::format("{} and is typed into {} (keyword “{}”)", ps->what_en, sys_en, hit.term);
        } else {
          de = fmt::format("{}: {} (Stichwort „{}“)", ps->what_de, e.reason_de, hit.term);
          en = fmt::format("{}: {} (keyword “{}”)", ps->what_en, e.reason_en, hit.term);
        }
      }
      out.push_back(make(e.kind, n, Strength::keyword, rule, std::move(de), std::move(en), share, e.whole_node));
    }
  }
}

void lane_rules(const Scan& s, std::vector<Evidence>& out) {
  const auto& m = s.model();
  const auto& lex = s.lexicon();
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (node.removed || !task_like(m, n) || s.automated(n) || lex.negative.matches(s.tokens(n))) continue;
    for (auto l = node.lane; l != engine::npos && l < m.lanes().size(); l = m.lanes()[l].parent) {
      const auto lane_tokens = tokenize(m.lanes()[l].name);
      bool fired = false;
      for (const auto& r : lex.lanes) {
        const std::string lt = r.lane_terms.match(lane_tokens);
        if (lt.empty() || !r.task_terms.matches(s.tokens(n))) continue;
        out.push_back(make(r.kind, n, Strength::lane, "lane:" + lt,
                           fmt::format("{} (Bahn „{}“)", r.reason_de, m.lanes()[l].name),
                           fmt::format("{} (lane “{}”)", r.reason_en, m.lanes()[l].name), 1.0, true));
        fired = true;
      }
      if (fired) break;
    }
  }
}

} // namespace lotse::analysis::media
