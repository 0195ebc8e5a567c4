// SPDX-License-Identifier: MIT
// Sections 5 "Strukturprüfung" and 6 "Annahmen und Quellen": structure findings, the assumptions in
// the figures, where every figure comes from, and what the importer and the passes noted.
#include "reports/sections/section_util.h"
#include "reports/sections/sections.h"

#include <algorithm>
#include <fmt/format.h>

namespace lotse::reports::sections {
namespace {

doc::List assumption_list(const Input& in) {
  const Texts& t = texts(in.lang);
  const Report& r = in.r;
  doc::List l;
  // The workload pass states its own scenario assumptions; without it, the report states them.
  if (r.assumptions.empty()) {
    l.items.push_back(fill(r.hours_per_fte_from_cli ? t.as_hours_per_fte_cli : t.as_hours_per_fte_default,
                           {doc::number(r.hours_per_fte, doc::Unit::none, 0)}));
    if (r.distribution_time_factor == 1.0) l.items.push_back(words(t.as_verteilzeit_none));
    else l.items.push_back(fill(t.as_verteilzeit, {doc::number(r.distribution_time_factor, doc::Unit::none, 2)}));
    if (r.cases_override) l.items.push_back(fill(t.as_cases_cli, {count(*r.cases_override)}));
  }
  for (const auto& a : r.assumptions) l.items.push_back(doc::text(pick(in.lang, a.text_de, a.text_en)));
  if (r.lead_time && r.lead_time->simulated) {
    const auto s = time_scale(r.lead_time->mean_days);
    l.items.push_back(fill(t.as_lead_time, {count(static_cast<double>(r.lead_time->cases)), duration(r.lead_time->ci95_days, s),
                                            unit_word(s, t)}));
  } else if (!r.lead_time) {
    l.items.push_back(words(t.as_no_lead_time));
  }
  return l;
}

/// Every figure's provenance grouped by source text, in order of first appearance.
doc::Table source_table(const Input& in) {
  const Texts& t = texts(in.lang);
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  auto add = [&](const analysis::Provenance& p, std::string use) {
    if (p.origin == analysis::Origin::missing && p.label_de.empty()) return;
    // Model values are grouped by kind; the line goes with each use instead.
    analysis::Provenance key = p;
    if (p.origin == analysis::Origin::model && p.at.known()) {
      key.at = {};
      use += fmt::format(fmt::runtime(t.src_line), p.at.line);
    }
    const std::string source = provenance_text(key, in.r.file, in.lang);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == source; });
    if (it == groups.end()) it = groups.insert(groups.end(), {source, {}});
    if (std::find(it->second.begin(), it->second.end(), use) == it->second.end()) it->second.push_back(std::move(use));
  };
  for (const auto& p : in.r.processes) {
    if (!p.has_workload) continue;
    add(p.cases, fmt::format(fmt::runtime(t.src_cases), p.name));
    for (const auto& n : p.nodes) add(n.time, fmt::format(fmt::runtime(t.src_time), display_name(n.name, n.id)));
    for (const auto& s : p.stellen) {
      add(s.rate, fmt::format(fmt::runtime(t.src_rate), s.name.empty() ? std::string(t.wl_no_stelle) : s.name));
    }
  }
  doc::Table tb;
  tb.id = "sources";
  tb.columns = {{std::string(t.col_source), "source", false}, {std::string(t.col_figure), "figures", false}};
  for (const auto& [source, uses] : groups) tb.rows.push_back({doc::text_cell(source), cell(joined(uses, "; "))});
  return tb;
}

doc::Note note(const Input& in, const FindingRow& f) {
  doc::Note n;
  n.severity = f.severity;
  n.location = in.r.file;
  if (f.at.known()) n.location += fmt::format(":{}:{}", f.at.line, f.at.column);
  n.text = doc::text(fmt::format("{} [{}]: {}", engine::severity_word(f.severity, in.lang), f.code,
                                 pick(in.lang, f.message_de, f.message_en)));
  return n;
}

} // namespace

void structure(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{2, words(t.h_structure), "structure"});
  if (in.r.findings.empty()) {
    d.add(doc::Paragraph{words(t.st_none)});
    return;
  }
  doc::Table tb;
  tb.id = "findings";
  tb.columns = {{std::string(t.col_severity), "severity", false}, {std::string(t.col_code), "code", false},
                {std::string(t.col_location), "location", false}, {std::string(t.col_finding), "finding", false}};
  for (const auto& f : in.r.findings) {
    const doc::Cell sev = doc::text_cell(std::string(engine::severity_word(f.severity, in.lang)));
    tb.rows.push_back({sev, doc::text_cell(f.code), doc::text_cell(location(in.r.file, f.at)),
                       doc::text_cell(pick(in.lang, f.message_de, f.message_en))});
  }
  d.add(std::move(tb));
}

void assumptions(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{2, words(t.h_assumptions), "assumptions"});
  d.add(doc::Paragraph{words(t.as_intro)});
  d.add(assumption_list(in));
  doc::Table sources = source_table(in);
  if (!sources.rows.empty()) {
    d.add(doc::Heading{3, words(t.h_sources), "sources"});
    d.add(std::move(sources));
  }
  d.add(doc::Heading{3, words(t.h_notes), "notes"});
  if (in.r.notes.empty()) {
    d.add(doc::Paragraph{words(t.notes_none)});
    return;
  }
  doc::Notes notes;
  for (const auto& f : in.r.notes) notes.items.push_back(note(in, f));
  d.add(std::move(notes));
}

const std::vector<Builder>& report_sections() {
  static const std::vector<Builder> all{header, summary, media_breaks, workload, measures, structure, assumptions};
  return all;
}

} // namespace lotse::reports::sections
