// SPDX-License-Identifier: MIT
// The Ist/Soll comparison as a document: title, key figures (hours Ist -> Soll, what the Soll saves),
// the table of key figures side by side, per Stelle, per Baustein category and task, the media breaks
// removed, kept and added, and the assumptions. Every word from compare_texts(); numbers stay typed.
#include "reports/compare_report.h"
#include "reports/diagram_svg.h"
#include "reports/sections/section_util.h"

#include <algorithm>
#include <cmath>

namespace lotse::reports {
namespace {

using sections::cell;
using sections::fill;
using sections::words;
using Fmt = doc::Span (*)(double);
using analysis::IstSoll;

doc::Span hours_span(double h) { return sections::hours(h); }
doc::Span fte_span(double f) { return sections::fte(f); }
doc::Span eur_span(double e) { return sections::euros_year(e); }
doc::Span minutes_span(double m) { return sections::minutes(m); }
doc::Span minutes_year_span(double m) { return sections::minutes_year(m); }
doc::Span count_span(double c) { return sections::count(c); }

std::vector<doc::Cell> figure_row(std::string_view label, const IstSoll& v, Fmt f) {
  return {doc::text_cell(std::string(label)), cell(f(v.ist)), cell(f(v.soll)), cell(f(v.delta()))};
}

/// Lead times Ist/Soll in one unit chosen by the larger of the two (sections::time_scale, #9.7); the
/// label's {0} names the unit.
std::vector<doc::Cell> lead_time_row(std::string_view label, const IstSoll& v, sections::TimeScale s, engine::Lang lang) {
  std::string l(label);
  l.replace(l.find("{0}"), 3, sections::unit_word(s, texts(lang)));
  return {doc::text_cell(l), cell(sections::duration(v.ist, s)), cell(sections::duration(v.soll, s)),
          cell(sections::duration(v.delta(), s))};
}

doc::Table overview(const ComparisonReport& r, engine::Lang lang) {
  const CompareTexts& t = compare_texts(lang);
  const auto& c = r.c;
  doc::Table tb;
  tb.id = "comparison";
  tb.columns = {{std::string(t.col_figure), "figure", false}, {std::string(t.col_ist), "ist", true},
                {std::string(t.col_soll), "soll", true},      {std::string(t.col_delta), "delta", true}};
  tb.rows.push_back(figure_row(t.row_cases, c.cases_per_year, count_span));
  tb.rows.push_back(figure_row(t.row_minutes, c.minutes_per_case, minutes_span));
  tb.rows.push_back(figure_row(t.row_hours, c.hours_per_year, hours_span));
  tb.rows.push_back(figure_row(t.row_fte, c.fte, fte_span));
  tb.rows.push_back(figure_row(t.row_eur, c.eur_per_year, eur_span));
  tb.rows.push_back(figure_row(t.row_citizen, c.citizen_minutes_per_case, minutes_span));
  tb.rows.back()[1].source = tb.rows.back()[2].source = r.citizen_source;
  tb.rows.push_back(figure_row(t.row_breaks, c.media_breaks, count_span));
  tb.rows.push_back(figure_row(t.row_break_minutes, c.media_break_minutes_per_year, minutes_year_span));
  if (c.lead_time_ist && c.lead_time_ist->simulated && c.lead_time_soll->simulated) {
    const auto s = sections::time_scale(std::max(c.lead_time_ist->mean_days, c.lead_time_soll->mean_days));
    tb.rows.push_back(lead_time_row(t.row_lead_time, {c.lead_time_ist->mean_days, c.lead_time_soll->mean_days}, s, lang));
    auto ci = lead_time_row(t.row_lead_ci, {c.lead_time_ist->ci95_days, c.lead_time_soll->ci95_days}, s, lang);
    ci[3] = doc::empty_cell();
    tb.rows.push_back(std::move(ci));
  }
  return tb;
}

doc::KeyFigure card(std::string_view label, doc::Cell value, doc::Inline detail = {}) {
  doc::KeyFigure k;
  k.label = std::string(label);
  k.value = std::move(value);
  k.detail = std::move(detail);
  return k;
}

doc::KeyFigures key_figures(const ComparisonReport& r, engine::Lang lang) {
  const CompareTexts& t = compare_texts(lang);
  const auto& c = r.c;
  doc::KeyFigures k;
  k.figures.push_back(card(t.card_hours, cell(hours_span(c.hours_per_year.soll)), fill(t.card_ist, {hours_span(c.hours_per_year.ist)})));
  k.figures.push_back(card(t.card_saved_hours, cell(hours_span(-c.hours_per_year.delta()))));
  k.figures.push_back(card(t.card_saved_eur, cell(eur_span(-c.eur_per_year.delta()))));
  k.figures.push_back(card(t.card_saved_fte, cell(fte_span(-c.fte.delta()))));
  k.figures.push_back(card(t.card_breaks, cell(count_span(static_cast<double>(c.breaks.removed.size()))),
                           fill(t.card_breaks_note, {count_span(c.media_breaks.ist)})));
  k.figures.push_back(card(t.card_citizen, cell(minutes_span(-c.citizen_minutes_per_case.delta()))));
  if (c.lead_time_ist && c.lead_time_soll->simulated && c.lead_time_ist->simulated) {
    const Texts& wt = texts(lang);
    k.figures.push_back(card(t.card_lead_time, cell(sections::duration_text(c.lead_time_soll->mean_days, wt)),
                             fill(t.card_ist, {sections::duration_text(c.lead_time_ist->mean_days, wt)})));
  }
  return k;
}

void summary(const ComparisonReport& r, engine::Lang lang, doc::Document& d) {
  const CompareTexts& t = compare_texts(lang);
  const auto& c = r.c;
  d.add(doc::Heading{2, words(t.h_summary), "summary"});
  d.add(key_figures(r, lang));
  d.add(doc::Paragraph{fill(t.work_line, {hours_span(c.hours_per_year.ist), hours_span(c.hours_per_year.soll),
                                          fte_span(c.fte.ist), fte_span(c.fte.soll), eur_span(c.eur_per_year.ist),
                                          eur_span(c.eur_per_year.soll)})});
  const bool saves = c.hours_per_year.delta() <= 0;
  const double sign = saves ? -1.0 : 1.0;
  d.add(doc::Paragraph{fill(saves ? t.saved_line : t.more_line, {hours_span(sign * c.hours_per_year.delta()),
                                                                 fte_span(sign * c.fte.delta()),
                                                                 eur_span(sign * c.eur_per_year.delta())})});
  d.add(doc::Heading{3, words(t.h_figures), {}});
  d.add(overview(r, lang));
}

enum class RowKind { roles, categories, tasks };

/// A side-by-side table of rows (Stellen, categories or tasks) with a total row: VZÄ for Stellen,
/// minutes per case for categories and tasks.
doc::Table rows_table(std::string id, const std::vector<analysis::CompareRow>& rows, engine::Lang lang, RowKind kind) {
  const CompareTexts& t = compare_texts(lang);
  const bool roles = kind == RowKind::roles;
  doc::Table tb;
  tb.id = std::move(id);
  const std::string_view first = roles ? t.col_name : kind == RowKind::categories ? t.col_category : t.col_node;
  tb.columns = {{std::string(first), "name", false},
                {std::string(roles ? t.col_fte_ist : t.col_min_case_ist), roles ? "fte_ist" : "minutes_per_case_ist", true},
                {std::string(roles ? t.col_fte_soll : t.col_min_case_soll), roles ? "fte_soll" : "minutes_per_case_soll", true},
                {std::string(t.col_hours_ist), "hours_per_year_ist", true},
                {std::string(t.col_hours_soll), "hours_per_year_soll", true},
                {std::string(t.col_delta), "hours_per_year_delta", true},
                {std::string(t.col_eur_ist), "eur_per_year_ist", true},
                {std::string(t.col_eur_soll), "eur_per_year_soll", true}};
  const Fmt second = roles ? fte_span : minutes_span;
  IstSoll m, h, e;
  for (const auto& row : rows) {
    std::string name = kind == RowKind::categories ? std::string(category_name(row.name, lang)) : row.name;
    if (name.empty()) name = std::string(texts(lang).wl_no_stelle);
    const IstSoll& v = roles ? row.fte : row.minutes_per_case;
    tb.rows.push_back({doc::text_cell(std::move(name)), cell(second(v.ist)), cell(second(v.soll)),
                       cell(hours_span(row.hours_per_year.ist)), cell(hours_span(row.hours_per_year.soll)),
                       cell(hours_span(row.hours_per_year.delta())), cell(eur_span(row.eur_per_year.ist)),
                       cell(eur_span(row.eur_per_year.soll))});
    m = {m.ist + v.ist, m.soll + v.soll};
    h = {h.ist + row.hours_per_year.ist, h.soll + row.hours_per_year.soll};
    e = {e.ist + row.eur_per_year.ist, e.soll + row.eur_per_year.soll};
  }
  tb.total = std::vector<doc::Cell>{doc::text_cell(std::string(t.sum)), cell(second(m.ist)), cell(second(m.soll)),
                                    cell(hours_span(h.ist)), cell(hours_span(h.soll)), cell(hours_span(h.delta())),
                                    cell(eur_span(e.ist)), cell(eur_span(e.soll))};
  for (std::size_t i = 1; i < tb.total->size(); ++i) (*tb.total)[i].formula_key = "sum";
  return tb;
}

doc::Table breaks_table(const ComparisonReport& r, engine::Lang lang) {
  const CompareTexts& t = compare_texts(lang);
  doc::Table tb;
  tb.id = "comparison_media_breaks";
  tb.columns = {{std::string(t.col_ist), "number_ist", true},   {std::string(t.col_soll), "number_soll", true},
                {std::string(t.col_node), "node", false},       {std::string(t.col_kind), "kind", false},
                {std::string(t.col_status), "status", false},   {std::string(t.col_minutes_ist), "minutes_per_year_ist", true},
                {std::string(t.col_minutes_soll), "minutes_per_year_soll", true}};
  auto add = [&](const analysis::BreakMatch& b, std::string_view status) {
    auto number = [](int n) { return n > 0 ? doc::number_cell(n, doc::Unit::count, 0) : doc::empty_cell(); };
    tb.rows.push_back({number(b.number_ist), number(b.number_soll), doc::text_cell(b.node_name),
                       doc::text_cell(std::string(analysis::media_break_label(b.kind, lang))), doc::text_cell(std::string(status)),
                       cell(minutes_year_span(b.minutes_per_year_ist)), cell(minutes_year_span(b.minutes_per_year_soll))});
  };
  for (const auto& b : r.c.breaks.removed) add(b, t.status_removed);
  for (const auto& b : r.c.breaks.kept) add(b, t.status_kept);
  for (const auto& b : r.c.breaks.added) add(b, t.status_added);
  return tb;
}

void picture(const Diagram& diagram, std::string id, std::string_view caption, engine::Lang lang, doc::Document& d) {
  if (diagram.empty()) return;
  doc::Figure f;
  f.id = std::move(id);
  f.caption = std::string(caption);
  f.svg = render_svg(diagram, lang);
  f.width = diagram.width;
  f.height = diagram.height;
  d.add(std::move(f));
}

void breaks(const ComparisonReport& r, engine::Lang lang, doc::Document& d) {
  const CompareTexts& t = compare_texts(lang);
  const auto& b = r.c.breaks;
  d.add(doc::Heading{2, words(t.h_breaks), "media-breaks"});
  if (b.removed.empty() && b.kept.empty() && b.added.empty()) {
    d.add(doc::Paragraph{words(t.breaks_none)});
  } else {
    d.add(doc::Paragraph{fill(t.breaks_line, {count_span(static_cast<double>(b.removed.size())), count_span(r.c.media_breaks.ist),
                                              count_span(static_cast<double>(b.kept.size())),
                                              count_span(static_cast<double>(b.added.size()))})});
    d.add(breaks_table(r, lang));
  }
  picture(r.ist_diagram, "diagram", t.fig_ist, lang, d);
  picture(r.soll_diagram, "diagram_soll", t.fig_soll, lang, d);
}

void assumptions(const ComparisonReport& r, engine::Lang lang, doc::Document& d) {
  const CompareTexts& t = compare_texts(lang);
  const auto& c = r.c;
  d.add(doc::Heading{2, words(t.h_assumptions), "assumptions"});
  doc::List l;
  l.items.push_back(words(t.matching));
  l.items.push_back(fill(t.hours_per_fte, {count_span(c.hours_per_fte)}));
  l.items.push_back(fill(t.citizen_method, {r.citizen_source}));
  l.items.push_back(words(c.lead_time_ist ? t.lead_time_on : t.lead_time_off));
  if (std::fabs(c.cases_per_year.delta()) > 1e-9) {
    l.items.push_back(fill(t.cases_differ, {count_span(c.cases_per_year.ist), count_span(c.cases_per_year.soll)}));
  }
  d.add(std::move(l));
}

} // namespace

doc::Document build_comparison_document(const ComparisonReport& r, engine::Lang lang, const DocumentOptions& o) {
  const CompareTexts& t = compare_texts(lang);
  doc::Document d;
  d.meta.title = fill(t.title, {r.ist_title}).front().text;
  d.meta.source_file = r.ist_file;
  d.meta.lang = lang;
  d.meta.town = o.town;
  d.meta.author = o.author;
  d.meta.date = o.date;
  d.add(doc::Heading{1, fill(t.title, {r.ist_title}), "title"});
  doc::Inline line = fill(t.source_line, {r.ist_file, r.ist_title, r.soll_file, r.soll_title});
  doc::Inline note = words(t.delta_note);
  note.front().line_break = true;
  line.insert(line.end(), note.begin(), note.end());
  d.add(doc::Paragraph{std::move(line), doc::Paragraph::Tone::small});
  summary(r, lang, d);
  d.add(doc::Heading{2, words(t.h_roles), "roles"});
  d.add(rows_table("comparison_stellen", r.c.by_role, lang, RowKind::roles));
  d.add(doc::Heading{2, words(t.h_blocks), "blocks"});
  d.add(doc::Heading{3, words(t.h_by_category), {}});
  d.add(rows_table("comparison_categories", r.c.by_category, lang, RowKind::categories));
  d.add(doc::Heading{3, words(t.h_by_task), {}});
  d.add(rows_table("comparison_tasks", r.c.by_task, lang, RowKind::tasks));
  breaks(r, lang, d);
  assumptions(r, lang, d);
  return d;
}

} // namespace lotse::reports
