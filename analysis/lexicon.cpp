// SPDX-License-Identifier: MIT
// Loading and matching of the media-break lexicon. The file is data so that Lotsen can add a town's
// own words without a rebuild; a broken file gives notes and never stops the analysis.
#include "analysis/lexicon.h"

#include "analysis/data_json.h"

#include "engine/text_fold.h"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace lotse::analysis {
namespace {

using nlohmann::json;

// Reads a list of strings; anything else in the list is ignored.
void read_terms(const json& j, std::string_view key, TermList& out) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return;
  for (const auto& t : *it) {
    if (t.is_string()) out.add(t.get<std::string>());
  }
}

std::string str(const json& j, std::string_view key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool flag(const json& j, std::string_view key, bool fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

bool piece_matches(const std::string& token, const std::string& text, bool any_before, bool any_after) {
  if (token.size() < text.size()) return false;
  if (!any_before && !any_after) return token == text;
  if (any_before && any_after) return token.find(text) != std::string::npos;
  if (any_after) return token.compare(0, text.size(), text) == 0;
  return token.compare(token.size() - text.size(), text.size(), text) == 0;
}

} // namespace

// Words separated by single blanks; tokenize() splits them. (Before the shared helper, every other byte
// became its own blank, so runs of blanks stayed; tokens are the same either way.)
std::string fold_text(std::string_view s) { return engine::fold_words(s); }

std::vector<std::string> tokenize(std::string_view s) {
  std::vector<std::string> tokens;
  std::istringstream in(fold_text(s));
  for (std::string t; in >> t;) tokens.push_back(std::move(t));
  return tokens;
}

Term::Term(std::string_view written) : written_(written) {
  // Split on blanks first so that the wildcards survive folding.
  std::istringstream in{std::string(written)};
  for (std::string raw; in >> raw;) {
    Piece p;
    if (!raw.empty() && raw.front() == '*') {
      p.any_before = true;
      raw.erase(0, 1);
    }
    if (!raw.empty() && raw.back() == '*') {
      p.any_after = true;
      raw.pop_back();
    }
    // A written token may fold into several ("E-Akte" -> e, akte): each becomes a piece.
    const auto parts = tokenize(raw);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      Piece q;
      q.text = parts[k];
      q.any_before = k == 0 && p.any_before;
      q.any_after = k + 1 == parts.size() && p.any_after;
      pieces_.push_back(std::move(q));
    }
  }
}

std::string Term::match(const std::vector<std::string>& tokens) const {
  if (pieces_.empty() || tokens.size() < pieces_.size()) return {};
  for (std::size_t start = 0; start + pieces_.size() <= tokens.size(); ++start) {
    bool all = true;
    for (std::size_t k = 0; k < pieces_.size() && all; ++k) {
      const auto& p = pieces_[k];
      all = piece_matches(tokens[start + k], p.text, p.any_before, p.any_after);
    }
    if (!all) continue;
    std::string words = tokens[start];
    for (std::size_t k = 1; k < pieces_.size(); ++k) words += " " + tokens[start + k];
    return words;
  }
  return {};
}

void TermList::add(std::string_view written) {
  Term t(written);
  if (!t.empty()) terms_.push_back(std::move(t));
}

const Term* TermList::find(const std::vector<std::string>& tokens) const {
  for (const auto& t : terms_) {
    if (t.matches(tokens)) return &t;
  }
  return nullptr;
}

std::string TermList::match(const std::vector<std::string>& tokens) const {
  for (const auto& t : terms_) {
    if (auto words = t.match(tokens); !words.empty()) return words;
  }
  return {};
}

std::optional<MediaBreakKind> media_break_from_id(std::string_view id) {
  static constexpr std::array kinds{
      MediaBreakKind::retyping,      MediaBreakKind::print,          MediaBreakKind::scan,
      MediaBreakKind::copy,          MediaBreakKind::paper_inbound,  MediaBreakKind::paper_outbound,
      MediaBreakKind::wet_signature, MediaBreakKind::cash_payment,   MediaBreakKind::paper_file,
      MediaBreakKind::print_then_retype, MediaBreakKind::data_carrier,
  };
  for (const auto k : kinds) {
    if (media_break_id(k) == id) return k;
  }
  return std::nullopt;
}

Lexicon load_lexicon(const std::string& path, engine::Diagnostics& notes) {
  Lexicon lex;
  lex.path = path;
  const std::optional<json> parsed = read_data_json(path, notes);
  if (!parsed) return lex;
  const json& j = *parsed;
  lex.loaded = true;
  lex.version = str(j, "version");
  const auto cues = j.value("cues", json::object());
  read_terms(cues, "negative", lex.negative);
  read_terms(cues, "paper", lex.paper);
  read_terms(cues, "unstructured", lex.unstructured);
  read_terms(cues, "paper_store", lex.paper_store);
  read_terms(cues, "efile", lex.efile);
  read_terms(cues, "external_party", lex.external_party);
  read_terms(cues, "authority", lex.authority);
  read_terms(cues, "business", lex.business);
  read_terms(cues, "internal_office", lex.internal_office);
  read_terms(cues, "cash", lex.cash);
  read_terms(cues, "epayment", lex.epayment);

  for (const auto& e : j.value("entries", json::array())) {
    if (!e.is_object()) continue;
    LexiconEntry entry;
    entry.id = str(e, "id");
    const auto kind = media_break_from_id(str(e, "kind"));
    if (!kind) {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, entry.id, {entry.id, "kind '" + str(e, "kind") + "'"});
      continue;
    }
    entry.kind = *kind;
    read_terms(e, "terms", entry.terms);
    if (entry.terms.empty()) {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, entry.id, {entry.id, "terms"});
      continue;
    }
    read_terms(e, "requires_any", entry.requires_any);
    read_terms(e, "unless_any", entry.unless_any);
    entry.paper_context = flag(e, "paper_context", false);
    entry.negatable = flag(e, "negatable", true);
    entry.automated = flag(e, "automated", false);
    entry.events = flag(e, "events", false);
    entry.whole_node = flag(e, "whole_node", true);
    entry.reason_de = str(e, "reason_de");
    entry.reason_en = str(e, "reason_en");
    entry.source = str(e, "source");
    lex.entries.push_back(std::move(entry));
  }
  for (const auto& l : j.value("lanes", json::array())) {
    if (!l.is_object()) continue;
    LaneRule rule;
    rule.id = str(l, "id");
    const auto kind = media_break_from_id(str(l, "kind"));
    if (!kind) {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, rule.id, {rule.id, "kind '" + str(l, "kind") + "'"});
      continue;
    }
    rule.kind = *kind;
    read_terms(l, "lane_terms", rule.lane_terms);
    read_terms(l, "task_terms", rule.task_terms);
    rule.reason_de = str(l, "reason_de");
    rule.reason_en = str(l, "reason_en");
    lex.lanes.push_back(std::move(rule));
  }
  return lex;
}

std::vector<KeywordHit> match_keywords(const Lexicon& lex, const std::vector<std::string>& tokens) {
  std::vector<KeywordHit> hits;
  if (tokens.empty()) return hits;
  const bool negated = lex.negative.matches(tokens);
  for (const auto& e : lex.entries) {
    if (e.negatable && negated) continue;
    std::string words = e.terms.match(tokens);
    if (words.empty()) continue;
    if (!e.requires_any.empty() && !e.requires_any.matches(tokens)) continue;
    if (e.unless_any.matches(tokens)) continue;
    // One hit per kind and text: the first entry in file order is the most specific.
    bool seen = false;
    for (const auto& h : hits) seen = seen || h.entry->kind == e.kind;
    if (!seen) hits.push_back({&e, std::move(words)});
  }
  return hits;
}

} // namespace lotse::analysis
