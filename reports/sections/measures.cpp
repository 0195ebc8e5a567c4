// SPDX-License-Identifier: MIT
// Section 4 "Priorisierte Maßnahmen": the ranked table and the same measures phrased for pasting into
// a Digitale Agenda (benefit, lead time, effort, what they remove, which Bausteine they concern).
#include "reports/sections/section_util.h"
#include "reports/sections/sections.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace lotse::reports::sections {
namespace {

/// Four lead times in days ({0}..{3} of `tmpl`) in one unit, chosen by the larger mean, as {4} (#9.7).
doc::Inline before_after(const Texts& t, std::string_view tmpl, const std::array<double, 4>& d) {
  const auto s = time_scale(std::max(d[0], d[2]));
  return fill(tmpl, {duration(d[0], s), duration(d[1], s), duration(d[2], s), duration(d[3], s), unit_word(s, t)});
}

bool have_lead_time(const Report& r) {
  return std::any_of(r.measures.begin(), r.measures.end(),
                     [](const MeasureRow& m) { return m.lead_time_days_before > 0 || m.lead_time_days_after > 0; });
}

doc::Cell ozg(const MeasureRow& m, engine::Lang lang) {
  return m.ozg_level > 0 ? doc::number_cell(m.ozg_level, doc::Unit::count, 0) : doc::text_cell(std::string(texts(lang).none_dash));
}

doc::Table measure_table(const Input& in) {
  const Texts& t = texts(in.lang);
  const bool lt = have_lead_time(in.r);
  doc::Table tb;
  tb.id = "measures";
  tb.columns = {{std::string(t.col_rank), "rank", true},           {std::string(t.col_measure), "measure", false},
                {std::string(t.col_nodes), "nodes", false},        {std::string(t.col_saved_hours), "saved_hours_per_year", true},
                {std::string(t.col_saved_eur), "saved_eur_per_year", true},
                {std::string(t.col_citizen), "saved_citizen_minutes_per_case", true}};
  if (lt) tb.columns.push_back({std::string(t.col_lead_time), "lead_time_days", true});
  tb.columns.push_back({std::string(t.col_component), "component", false});
  tb.columns.push_back({std::string(t.col_ozg), "ozg_level", true});
  double max = 0;
  for (const auto& m : in.r.measures) max = std::max(max, m.saved_hours_per_year);
  for (const auto& m : in.r.measures) {
    doc::Cell saved = cell(hours(m.saved_hours_per_year));
    saved.bar = max > 0 ? std::clamp(m.saved_hours_per_year / max, 0.0, 1.0) : 0.0;
    std::vector<doc::Cell> row{doc::number_cell(m.rank, doc::Unit::count, 0),
                               doc::text_cell(pick(in.lang, m.title_de, m.title_en)),
                               m.node_names.empty() ? text_or_dash({}, in.lang) : cell(joined(m.node_names, ", ")),
                               saved, cell(euros_year(m.saved_eur_per_year)), cell(minutes(m.saved_citizen_minutes_per_case))};
    if (lt) {
      row.push_back(cell(before_after(t, t.ms_days, {m.lead_time_days_before, m.lead_time_ci95_days_before, m.lead_time_days_after,
                                                     m.lead_time_ci95_days})));
    }
    row.push_back(text_or_dash(m.component, in.lang));
    row.push_back(ozg(m, in.lang));
    tb.rows.push_back(std::move(row));
    tb.row_ids.push_back("measure-" + std::to_string(m.rank));
  }
  // The package: the measures one after another. Each row's saving is marginal (after the ones before
  // it), so the rows add up to this total; with one process the spreadsheet sums the column itself.
  const auto total_row = [&](const PackageRow& p) {
    std::vector<doc::Cell> row{doc::empty_cell(), cell(doc::strong(std::string(t.ms_package_total))), doc::empty_cell(),
                               cell(hours(p.saved_hours_per_year)), cell(euros_year(p.saved_eur_per_year)),
                               cell(minutes(p.saved_citizen_minutes_per_case))};
    if (lt && p.lead_time_days_before && p.lead_time_days_after) {
      row.push_back(cell(before_after(t, t.ms_days, {*p.lead_time_days_before, p.lead_time_ci95_days_before.value_or(0),
                                                     *p.lead_time_days_after, p.lead_time_ci95_days.value_or(0)})));
    } else if (lt) {
      row.push_back(doc::empty_cell());
    }
    row.push_back(doc::empty_cell());
    row.push_back(doc::empty_cell());
    return row;
  };
  std::vector<const PackageRow*> packages;
  for (const auto& p : in.r.processes) {
    if (p.package && !p.package->measures.empty()) packages.push_back(&*p.package);
  }
  if (packages.size() == 1 && in.r.processes.size() == 1) {
    tb.total = total_row(*packages.front());
    (*tb.total)[3].formula_key = "saved_hours_per_year";
    (*tb.total)[4].formula_key = "saved_eur_per_year";
    (*tb.total)[5].formula_key = "saved_citizen_minutes_per_case";
  } else {
    for (const auto* p : packages) {
      tb.rows.push_back(total_row(*p));
      tb.row_ids.emplace_back();
    }
  }
  return tb;
}

/// Why a catalogue measure or a media break stays without a measure, in words.
std::string_view reason_text(const Texts& t, const std::string& code) {
  if (code == "already_present") return t.reason_already_present;
  if (code == "covered") return t.reason_covered;
  if (code == "no_benefit") return t.reason_no_benefit;
  if (code == "physical_item") return t.reason_physical_item;
  if (code == "no_fee") return t.reason_no_fee;
  if (code == "no_recurring_levy") return t.reason_no_recurring_levy;
  if (code == "no_measure") return t.reason_no_measure;
  if (code == "no_saving") return t.reason_no_saving;
  if (code == "written_form") return t.reason_written_form;
  return t.reason_other;
}

/// "hoch" / "high", ... for the priority id of the package.
std::string priority_word(const Texts& t, const std::string& id) {
  if (id == "hoch") return std::string(t.priority_high);
  if (id == "mittel") return std::string(t.priority_medium);
  return std::string(t.priority_low);
}

/// One more line of an agenda item.
void line(doc::Inline& item, doc::Inline more) {
  if (more.empty()) return;
  more.front().line_break = true;
  item.insert(item.end(), more.begin(), more.end());
}

doc::Inline agenda_item(const Input& in, const MeasureRow& m) {
  const Texts& t = texts(in.lang);
  doc::Inline item = fill(t.ms_agenda_item, {count(m.rank), pick(in.lang, m.title_de, m.title_en)});
  for (auto& s : item) s.style = doc::Span::Style::strong;
  const std::string& why = pick(in.lang, m.rationale_de, m.rationale_en);
  if (!why.empty()) line(item, doc::text(why));
  line(item, benefit_text(m, in.lang));
  if (m.lead_time_days_before > 0) {
    line(item, before_after(t, t.ms_agenda_lead_time, {m.lead_time_days_after, m.lead_time_ci95_days, m.lead_time_days_before,
                                                       m.lead_time_ci95_days_before}));
  }
  if (m.citizen_facing && m.sensitivity.size() == 3) {
    line(item, fill(t.ms_uptake, {doc::number(m.uptake * 100, doc::Unit::count, 0),
                                  m.uptake_assumption ? std::string(t.ms_assumption) : m.uptake_source,
                                  hours(m.sensitivity[0].saved_hours_per_year), hours(m.sensitivity[1].saved_hours_per_year),
                                  hours(m.sensitivity[2].saved_hours_per_year)}));
  }
  line(item, fill(m.payback_years ? t.ms_agenda_cost : t.ms_agenda_no_payback,
                  {euros_year(m.one_off_eur), euros_year(m.running_eur_per_year), count(m.staff_days),
                   m.effort_assumption ? std::string(t.ms_assumption) : m.effort_source,
                   m.payback_years ? doc::number(*m.payback_years, doc::Unit::none, 1) : doc::text(std::string(t.none_dash)).front(),
                   priority_word(t, m.priority)}));
  if (m.component.empty()) {
    line(item, words(t.ms_agenda_effort_none));
  } else {
    line(item, fill(t.ms_agenda_effort, {m.component, m.ozg_level > 0 ? doc::Inline{count(m.ozg_level)} : words(t.none_dash)}));
  }
  const auto& resolves = in.lang == engine::Lang::de ? m.resolves_de : m.resolves_en;
  if (!resolves.empty()) line(item, fill(t.ms_resolves, {joined(resolves, ", ")}));
  if (!m.node_names.empty()) line(item, fill(t.ms_agenda_nodes, {joined(m.node_names, ", ")}));
  return item;
}

} // namespace

void measures(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{2, words(t.h_measures), "measures"});
  if (in.r.measures.empty()) {
    d.add(doc::Paragraph{words(t.ms_none)});
    return;
  }
  d.add(doc::Paragraph{words(t.ms_intro)});
  d.add(measure_table(in));
  d.add(doc::Paragraph{words(t.ms_not_additive)});
  // How much of the time bound in media breaks the package reaches (the rest is listed below).
  for (const auto& p : in.r.processes) {
    if (!p.package || p.package->media_break_hours_per_year < 0.05) continue;
    const auto& pk = *p.package;
    d.add(doc::Paragraph{fill(t.ms_coverage, {hours(pk.media_break_hours_covered), hours(pk.media_break_hours_per_year),
                                              doc::number(pk.media_break_hours_covered / pk.media_break_hours_per_year, doc::Unit::percent, 1)})});
  }
  d.add(doc::Heading{3, words(t.h_agenda), "agenda"});
  d.add(doc::Paragraph{words(t.ms_agenda_intro)});
  doc::List agenda;
  agenda.ordered = true;
  for (const auto& m : in.r.measures) agenda.items.push_back(agenda_item(in, m));
  d.add(std::move(agenda));
  // What the package leaves out, and why: catalogue measures that do not fit, breaks without a measure.
  doc::List left;
  for (const auto& n : in.r.not_proposed) {
    left.items.push_back(fill(t.ms_not_proposed, {pick(in.lang, n.title_de, n.title_en), std::string(reason_text(t, n.reason))}));
  }
  for (const auto& u : in.r.uncovered_breaks) {
    if (u.number < 1 || static_cast<std::size_t>(u.number) > in.r.media_breaks.size()) continue;
    const auto& b = in.r.media_breaks[static_cast<std::size_t>(u.number - 1)];
    left.items.push_back(fill(t.ms_uncovered, {std::to_string(u.number) + " („" + b.node_name + "“)",
                                               std::string(reason_text(t, u.reason))}));
  }
  if (!left.items.empty()) d.add(std::move(left));
}

} // namespace lotse::reports::sections
