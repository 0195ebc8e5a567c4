// SPDX-License-Identifier: MIT
// MediaBreakPass: collects evidence (media_rules.cpp), keeps one finding per node and kind (the
// strongest rule names it, all rules are listed), adds print-then-retype round trips (a document
// printed and later scanned or typed in again: the costliest kind) and prices every finding with the
// workload: yearly minutes = NodeWorkload minutes per case x cases per year x share.
#include "analysis/media_breaks.h"

#include "analysis/data_set.h"
#include "analysis/lexicon.h"
#include "analysis/media_rules.h"
#include "analysis/visits.h"
#include "analysis/workload.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

namespace lotse::analysis {
namespace {

using engine::NodeIndex;
using media::Evidence;

struct KindText {
  MediaBreakKind kind;
  std::string_view id, de, en;
};
constexpr std::array<KindText, 11> kind_texts{{
    {MediaBreakKind::retyping, "retyping", "Abtippen (erneute Dateneingabe)", "Re-typing"},
    {MediaBreakKind::print, "print", "Ausdrucken", "Printing"},
    {MediaBreakKind::scan, "scan", "Einscannen", "Scanning"},
    {MediaBreakKind::copy, "copy", "Kopieren", "Photocopying"},
    {MediaBreakKind::paper_inbound, "paper_inbound", "Papiereingang", "Paper inbound"},
    {MediaBreakKind::paper_outbound, "paper_outbound", "Papierversand", "Paper outbound"},
    {MediaBreakKind::wet_signature, "wet_signature", "Eigenhändige Unterschrift", "Handwritten signature"},
    {MediaBreakKind::cash_payment, "cash_payment", "Zahlung bar oder am Schalter", "Cash or counter payment"},
    {MediaBreakKind::paper_file, "paper_file", "Papierakte", "Paper file"},
    {MediaBreakKind::print_then_retype, "print_then_retype", "Ausdrucken und wieder erfassen (Papier-Rundreise)",
     "Printed and captured again (paper round trip)"},
    {MediaBreakKind::data_carrier, "data_carrier", "Datenträger", "Data carrier"},
}};

const KindText& text_of(MediaBreakKind k) {
  for (const auto& t : kind_texts) {
    if (t.kind == k) return t;
  }
  return kind_texts.front();
}

// One finding per (node, kind): the strongest evidence names it; whole_node if any rule says so.
std::vector<MediaBreak> merge(const engine::ProcessModel& m, std::vector<Evidence> found) {
  std::stable_sort(found.begin(), found.end(), [](const Evidence& a, const Evidence& b) {
    if (a.node != b.node) return a.node < b.node;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.strength < b.strength;
  });
  std::vector<MediaBreak> out;
  for (std::size_t i = 0; i < found.size();) {
    const Evidence& e = found[i];
    MediaBreak b;
    b.kind = e.kind;
    b.node = e.node;
    b.at = m.node(e.node).origin;
    b.rule = e.rule;
    b.reason_de = e.reason_de;
    b.reason_en = e.reason_en;
    b.share = e.share;
    std::size_t j = i;
    for (; j < found.size() && found[j].node == e.node && found[j].kind == e.kind; ++j) {
      if (std::find(b.evidence.begin(), b.evidence.end(), found[j].rule) == b.evidence.end()) {
        b.evidence.push_back(found[j].rule);
      }
      b.whole_node = b.whole_node || found[j].whole_node;
    }
    out.push_back(std::move(b));
    i = j;
  }
  return out;
}

// An event that only repeats what the task next to it already says ("Antrag per Post eingegangen"
// before "Post öffnen") is dropped, so one fact gives one finding.
void drop_echoing_events(const engine::ProcessModel& m, std::vector<MediaBreak>& breaks) {
  auto has = [&](NodeIndex n, MediaBreakKind k) {
    return std::any_of(breaks.begin(), breaks.end(), [&](const MediaBreak& b) { return b.node == n && b.kind == k; });
  };
  std::vector<char> drop(breaks.size(), 0);
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    const auto& b = breaks[i];
    if (!engine::is_event(m.node(b.node).kind)) continue;
    for (const auto f : m.out_flows(b.node)) drop[i] = drop[i] || has(m.flow(f).target, b.kind);
    for (const auto f : m.in_flows(b.node)) drop[i] = drop[i] || has(m.flow(f).source, b.kind);
  }
  std::size_t k = 0;
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    if (drop[i]) continue;
    if (k != i) breaks[k] = std::move(breaks[i]);
    ++k;
  }
  breaks.resize(k);
}

// What a node's document is called: its documents, the data it touches and the telling words of its
// name (the lexicon's own words such as "drucken" or "erfassen" do not count).
std::set<std::string> document_keys(const media::Scan& s, NodeIndex n) {
  static const std::set<std::string> generic{"daten", "dokument", "dokumente", "unterlagen", "vorgang", "document",
                                             "documents", "data", "papier", "paper", "fachverfahren", "system",
                                             "manuell", "hand", "erneut", "wieder", "again", "neu"};
  const auto& m = s.model();
  std::set<std::string> keys;
  for (const auto& d : m.node(n).attrs.documents) keys.insert(fold_text(d));
  for (const bool output : {false, true}) {
    for (const auto d : s.data_of(n, output)) {
      if (!s.system_store(d)) keys.insert(fold_text(m.data().at(d).name));
    }
  }
  for (const auto& t : s.tokens(n)) {
    if (t.size() < 4 || generic.count(t)) continue;
    const std::vector<std::string> one{t};
    bool lexical = false;
    for (const auto& e : s.lexicon().entries) lexical = lexical || e.terms.matches(one);
    if (!lexical) keys.insert(t);
  }
  return keys;
}

// PICTURE models are variant sequences sharing blocks; the graph joins them, so reachability there
// can cross variants. When both blocks sit in one variant, the order inside a variant decides.
bool before_in_variant(const engine::ProcessModel& m, NodeIndex p, NodeIndex r, bool& known) {
  known = false;
  for (const auto& sp : m.picture_subprocesses()) {
    for (const auto& v : sp.variants) {
      const auto ip = std::find(v.blocks.begin(), v.blocks.end(), p);
      const auto ir = std::find(v.blocks.begin(), v.blocks.end(), r);
      if (ip == v.blocks.end() || ir == v.blocks.end()) continue;
      known = true;
      if (ip < ir) return true;
    }
  }
  return false;
}

bool overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return b.count(x) != 0; });
}

// A print followed later by a scan or re-typing of the same document (names overlap), or of anything
// after the paper has left the office and come back (print -> paper outbound -> ... -> re-typing).
std::vector<MediaBreak> round_trips(const media::Scan& s, const std::vector<MediaBreak>& breaks) {
  const auto& m = s.model();
  auto find = [&](NodeIndex n, MediaBreakKind k) -> const MediaBreak* {
    for (const auto& b : breaks) {
      if (b.node == n && b.kind == k) return &b;
    }
    return nullptr;
  };
  std::vector<MediaBreak> out;
  std::set<NodeIndex> done;
  for (const auto& p : breaks) {
    if (p.kind != MediaBreakKind::print) continue;
    const auto after = s.downstream(p.node);
    std::set<NodeIndex> after_outbound;
    for (const auto o : after) {
      if (!find(o, MediaBreakKind::paper_outbound)) continue;
      for (const auto x : s.downstream(o)) after_outbound.insert(x);
    }
    const auto keys = document_keys(s, p.node);
    for (const auto r : after) {
      if (r == p.node || done.count(r)) continue;
      const MediaBreak* back = find(r, MediaBreakKind::retyping);
      if (!back) back = find(r, MediaBreakKind::scan);
      if (!back) continue;
      bool in_variant = false;
      if (!before_in_variant(m, p.node, r, in_variant) && in_variant) continue;
      const bool same_doc = overlap(keys, document_keys(s, r));
      if (!same_doc && !after_outbound.count(r)) continue;
      MediaBreak b;
      b.kind = MediaBreakKind::print_then_retype;
      b.node = r;
      b.related = p.node;
      b.at = m.node(r).origin;
      b.share = back->share;
      b.whole_node = back->whole_node;
      const bool scan = back->kind == MediaBreakKind::scan;
      b.rule = std::string("roundtrip:print->") + (scan ? "scan" : "retyping");
      b.evidence = {b.rule, p.rule, back->rule};
      const auto how_de = scan ? "wieder eingescannt" : "wieder abgetippt";
      const auto how_en = scan ? "scanned in again" : "typed in again";
      const auto pq_de = media::quoted(m.node(p.node), engine::Lang::de), rq_de = media::quoted(m.node(r), engine::Lang::de);
      const auto pq_en = media::quoted(m.node(p.node), engine::Lang::en), rq_en = media::quoted(m.node(r), engine::Lang::en);
      if (same_doc) {
        b.reason_de = fmt::format("Papier-Rundreise: in {} wird ein Dokument ausgedruckt, das in {} {} wird", pq_de, rq_de, how_de);
        b.reason_en = fmt::format("paper round trip: a document printed in {} is {} in {}", pq_en, how_en, rq_en);
      } else {
        b.reason_de = fmt::format("Papier-Rundreise: in {} wird ausgedruckt und auf Papier verschickt; was zurückkommt, "
                                  "wird in {} {}", pq_de, rq_de, how_de);
        b.reason_en = fmt::format("paper round trip: {} prints and sends paper out; what comes back is {} in {}", pq_en, how_en, rq_en);
      }
      done.insert(r);
      out.push_back(std::move(b));
    }
  }
  return out;
}

} // namespace

std::string_view media_break_id(MediaBreakKind k) { return text_of(k).id; }

std::string_view media_break_label(MediaBreakKind k, engine::Lang lang) {
  return lang == engine::Lang::de ? text_of(k).de : text_of(k).en;
}

double MediaBreakResult::minutes_per_year_total() const {
  std::map<engine::NodeIndex, double> per_node;
  for (const auto& b : breaks) per_node[b.node] = std::max(per_node[b.node], b.minutes_per_year);
  double total = 0;
  for (const auto& [n, v] : per_node) total += v;
  return total;
}

MediaBreakPass::Result MediaBreakPass::run(const engine::ProcessModel& m, engine::AnalysisContext& ctx) const {
  Result r;
  const Lexicon& lex = data_set(ctx).lexicon;

  const media::Scan scan(m, lex, ctx.get<VisitsPass>().visits);
  std::vector<Evidence> found;
  media::channel_rules(scan, found);
  media::message_rules(scan, found);
  media::data_rules(scan, found);
  media::block_rules(scan, found);
  media::keyword_rules(scan, found);
  media::lane_rules(scan, found);

  r.breaks = merge(m, std::move(found));
  drop_echoing_events(m, r.breaks);
  auto trips = round_trips(scan, r.breaks);
  r.breaks.insert(r.breaks.end(), std::make_move_iterator(trips.begin()), std::make_move_iterator(trips.end()));

  // Price every finding with the workload of its node.
  const auto& work = ctx.get<WorkloadPass>();
  std::unordered_map<NodeIndex, double> minutes_per_year;
  for (const auto& p : work.processes) {
    for (const auto& nw : p.nodes) minutes_per_year[nw.node] += nw.minutes_per_case * p.cases_per_year;
  }
  for (auto& b : r.breaks) {
    if (const auto it = minutes_per_year.find(b.node); it != minutes_per_year.end()) b.minutes_per_year = it->second * b.share;
  }
  if (work.processes.empty() && !r.breaks.empty()) r.notes.add(engine::DiagId::med_no_workload, m.source_path(), {}, "");

  std::stable_sort(r.breaks.begin(), r.breaks.end(), [](const MediaBreak& a, const MediaBreak& b) {
    const bool ra = a.kind == MediaBreakKind::print_then_retype, rb = b.kind == MediaBreakKind::print_then_retype;
    if (ra != rb) return ra;
    if (a.minutes_per_year != b.minutes_per_year) return a.minutes_per_year > b.minutes_per_year;
    if (a.node != b.node) return a.node < b.node;
    return a.kind < b.kind;
  });
  for (auto& d : r.notes.items()) {
    if (d.file.empty()) d.file = m.source_path();
  }
  return r;
}

} // namespace lotse::analysis
