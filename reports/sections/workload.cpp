// SPDX-License-Identifier: MIT
// Section 3 "Arbeitsaufwand": per process the hours per Stelle and per Baustein with their sources,
// and the Bearbeitungszeit of the Steckbrief beside the computed minutes.
#include "reports/sections/section_util.h"
#include "reports/sections/sections.h"

#include <algorithm>

namespace lotse::reports::sections {
namespace {

doc::Cell bold(doc::Cell c) {
  for (auto& s : c.text) s.style = doc::Span::Style::strong;
  return c;
}

doc::Table stellen_table(const Input& in, const ProcessSection& p) {
  const Texts& t = texts(in.lang);
  doc::Table tb;
  tb.id = "stellen";
  tb.columns = {{std::string(t.col_stelle), "stelle", false},     {std::string(t.col_hours_year), "hours_per_year", true},
                {std::string(t.col_fte), "fte", true},            {std::string(t.col_cost_year), "cost_per_year_eur", true},
                {std::string(t.col_rate), "eur_per_hour", true},  {std::string(t.col_rate_source), "rate_source", false}};
  double max = 0;
  for (const auto& s : p.stellen) max = std::max(max, s.hours_per_year);
  for (const auto& s : p.stellen) {
    doc::Cell h = cell(hours(s.hours_per_year));
    h.bar = max > 0 ? std::clamp(s.hours_per_year / max, 0.0, 1.0) : 0.0;
    tb.rows.push_back({doc::text_cell(s.name.empty() ? std::string(t.wl_no_stelle) : s.name), h, cell(fte(s.fte)),
                       cell(euros_year(s.cost_per_year_eur)), cell(euros_hour(s.eur_per_hour)),
                       doc::text_cell(provenance_text(s.rate, in.r.file, in.lang))});
  }
  tb.total = std::vector<doc::Cell>{bold(doc::text_cell(std::string(t.wl_sum))), cell(hours(p.hours_per_year)),
                                    cell(fte(p.fte)), cell(euros_year(p.cost_per_year_eur)), doc::empty_cell(),
                                    doc::empty_cell()};
  (*tb.total)[1].formula_key = "sum";
  (*tb.total)[2].formula_key = "sum";
  (*tb.total)[3].formula_key = "sum";
  return tb;
}

doc::Table nodes_table(const Input& in, const ProcessSection& p) {
  const Texts& t = texts(in.lang);
  doc::Table tb;
  tb.id = "bausteine";
  tb.columns = {{std::string(t.col_node), "node", false},
                {std::string(t.col_stelle), "stelle", false},
                {std::string(t.col_visits), "visits", true},
                {std::string(t.col_minutes_exec), "minutes_per_execution", true},
                {std::string(t.col_time_source), "time_source", false},
                {std::string(t.col_minutes_case), "minutes_per_case", true},
                {std::string(t.col_hours_year), "hours_per_year", true}};
  for (const auto& n : p.nodes) {
    doc::Cell name = cell(node_label(n.name, n.id, n.block, in.lang));
    for (const auto& b : in.r.media_breaks) {
      if (b.node_id == n.id) name.marks.push_back(b.number);
    }
    tb.rows.push_back({name, text_or_dash(n.stelle, in.lang), doc::number_cell(n.visits, doc::Unit::none, 2),
                       cell(minutes(n.minutes_per_execution)), doc::text_cell(provenance_text(n.time, in.r.file, in.lang)),
                       cell(minutes(n.minutes_per_case)), cell(hours(n.hours_per_year))});
  }
  tb.total = std::vector<doc::Cell>{bold(doc::text_cell(std::string(t.wl_sum))), doc::empty_cell(), doc::empty_cell(),
                                    doc::empty_cell(), doc::empty_cell(), cell(minutes(p.minutes_per_case)),
                                    cell(hours(p.hours_per_year))};
  (*tb.total)[5].formula_key = "sum";
  (*tb.total)[6].formula_key = "sum";
  return tb;
}

void fact_sheet(const Input& in, const ProcessSection& p, int level, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{level, words(t.h_fact_sheet), {}});
  if (!p.fact_sheet_minutes) {
    d.add(doc::Paragraph{words(t.fs_missing)});
    return;
  }
  const bool bad = fact_sheet_disagrees(p);
  doc::Paragraph para{fill(t.fs_compare, {minutes(*p.fact_sheet_minutes), location(in.r.file, p.fact_sheet_at),
                                          p.has_workload ? doc::Inline{minutes(p.minutes_per_case)}
                                                         : words(t.none_dash)}),
                      bad ? doc::Paragraph::Tone::remark : doc::Paragraph::Tone::ok};
  if (p.has_workload) {
    const doc::Inline remark = fill(" {0}", {std::string(bad ? t.fs_disagree : t.fs_agree)});
    para.text.insert(para.text.end(), remark.begin(), remark.end());
  }
  d.add(std::move(para));
}

} // namespace

void workload(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{2, words(t.h_workload), "workload"});
  bool any = false;
  const bool many = in.r.processes.size() > 1;
  const int level = many ? 4 : 3;
  for (const auto& p : in.r.processes) {
    if (!p.has_workload && !p.fact_sheet_minutes) continue;
    any = true;
    if (many) d.add(doc::Heading{3, doc::text(display_name(p.name, p.id)), {}});
    if (p.has_workload) {
      d.add(doc::Paragraph{fill(t.wl_intro, {display_name(p.name, p.id), minutes(p.minutes_per_case),
                                             hours(p.hours_per_year), fte(p.fte), euros_year(p.cost_per_year_eur)})});
      d.add(doc::Heading{level, words(t.h_per_stelle), {}});
      d.add(stellen_table(in, p));
      d.add(doc::Heading{level, words(t.h_per_node), {}});
      d.add(nodes_table(in, p));
    }
    fact_sheet(in, p, level, d);
  }
  if (!any) d.add(doc::Paragraph{words(t.wl_none)});
}

} // namespace lotse::reports::sections
