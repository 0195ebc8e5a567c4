// SPDX-License-Identifier: MIT
// Header and section 1 "Auf einen Blick": per process the key figures, the summary sentences and the
// three most useful measures; the simulated lead time and the count of structure findings.
#include "reports/sections/section_util.h"
#include "reports/sections/sections.h"

namespace lotse::reports::sections {
namespace {

doc::KeyFigure figure(std::string_view label, doc::Cell value) {
  doc::KeyFigure k;
  k.label = std::string(label);
  k.value = std::move(value);
  return k;
}

doc::KeyFigures key_figures(const Input& in, const ProcessSection& p) {
  const Texts& t = texts(in.lang);
  doc::KeyFigures k;
  if (p.has_workload) {
    k.figures.push_back(figure(t.card_cases, p.cases_per_year > 0 ? cell(count(p.cases_per_year))
                                                                  : doc::text_cell(std::string(t.none_dash))));
    k.figures.push_back(figure(t.card_minutes, cell(minutes(p.minutes_per_case))));
    k.figures.push_back(figure(t.card_hours, cell(hours(p.hours_per_year))));
    k.figures.push_back(figure(t.card_fte, cell(fte(p.fte))));
    k.figures.push_back(figure(t.card_cost, cell(euros_year(p.cost_per_year_eur))));
  }
  doc::KeyFigure media = figure(t.card_media, cell(count(static_cast<double>(p.media_breaks.size()))));
  media.alert = !p.media_breaks.empty();
  if (!p.media_breaks.empty()) media.detail = fill(t.card_media_minutes, {minutes_year(p.media_break_minutes_per_year)});
  k.figures.push_back(std::move(media));
  const auto& lt = in.r.lead_time;
  if (lt && lt->simulated) {
    const auto scale = time_scale(lt->mean_days);
    std::string label(t.card_lead_time);
    label.replace(label.find("{0}"), 3, unit_word(scale, t));
    k.figures.push_back(figure(label, cell(duration(lt->mean_days, scale))));
  }
  return k;
}

/// The simulated lead time (model-wide) in one sentence; empty when it was not asked for.
doc::Inline lead_time(const Input& in) {
  const Texts& t = texts(in.lang);
  const auto& lt = in.r.lead_time;
  if (!lt) return {};
  if (lt->simulated) {
    return fill(t.s_lead_time, {duration_text(lt->mean_days, t), duration_text(lt->p50_days, t), duration_text(lt->p90_days, t)});
  }
  return fill(t.s_lead_time_failed, {pick(in.lang, lt->note_de, lt->note_en)});
}

/// A StBA default time stands in for a missing one ("Standardwert", not a town's "Ortswert").
bool default_time(const NodeRow& n) {
  return n.time.origin == analysis::Origin::default_table && n.minutes_per_execution > 0 &&
         n.time.label_de.rfind("Standardwert", 0) == 0;
}

/// The visible warning when figures rest on default times: which steps, and their share (#9.7).
doc::Inline default_times(const Input& in, const ProcessSection& p) {
  const Texts& t = texts(in.lang);
  doc::Inline steps;
  double share = 0;
  int n = 0;
  for (const auto& node : p.nodes) {
    if (!default_time(node)) continue;
    if (n++ > 0) steps.push_back(doc::Span{", ", doc::Span::Style::plain, {}});
    const auto one = fill(t.s_default_time_step, {node.name, minutes(node.minutes_per_execution)});
    steps.insert(steps.end(), one.begin(), one.end());
    share += node.minutes_per_case;
  }
  if (n == 0) return {};
  if (p.minutes_per_case > 0) share /= p.minutes_per_case;
  doc::Inline out = doc::strong(std::string(t.s_default_alert));
  out.push_back(doc::Span{" ", doc::Span::Style::plain, {}});
  const auto rest = fill(n == 1 ? t.s_default_time_one : t.s_default_times, {count(n), steps, doc::number(share, doc::Unit::percent, 1)});
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

doc::List facts(const Input& in, const ProcessSection& p) {
  const Texts& t = texts(in.lang);
  doc::List l;
  if (!p.has_workload) {
    l.items.push_back(words(t.s_no_workload));
  } else if (p.cases_per_year > 0) {
    l.items.push_back(fill(t.s_cases, {count(p.cases_per_year), provenance_text(p.cases, in.r.file, in.lang)}));
    l.items.push_back(fill(t.s_work, {minutes(p.minutes_per_case), hours(p.hours_per_year), fte(p.fte),
                                      count(in.r.hours_per_fte)}));
    l.items.push_back(fill(t.s_cost, {euros_year(p.cost_per_year_eur)}));
  } else {
    l.items.push_back(words(t.s_no_cases));
    l.items.push_back(fill(t.s_work_no_cases, {minutes(p.minutes_per_case)}));
  }
  if (p.media_breaks.empty()) {
    l.items.push_back(words(t.s_media_none));
  } else {
    l.items.push_back(fill(t.s_media, {count(static_cast<double>(p.media_breaks.size())),
                                       minutes_year(p.media_break_minutes_per_year),
                                       hours(p.media_break_minutes_per_year / 60.0)}));
  }
  if (p.media_change_share > 0) {
    const double bound = p.hours_per_year > 0 ? p.media_break_minutes_per_year / 60.0 / p.hours_per_year : 0.0;
    l.items.push_back(fill(t.s_medienwechsel_share, {doc::number(p.media_change_share, doc::Unit::percent, 1),
                                                     doc::number(bound, doc::Unit::percent, 1)}));
  }
  if (in.r.processes.size() == 1 && in.r.lead_time) l.items.push_back(lead_time(in));
  if (auto d = default_times(in, p); !d.empty()) l.items.insert(l.items.begin(), std::move(d));
  return l;
}

void top_measures_of(const Input& in, std::size_t process, doc::Document& d) {
  const Texts& t = texts(in.lang);
  const auto ms = top_measures(in.r, process, 3);
  if (ms.empty()) {
    d.add(doc::Paragraph{words(t.s_no_measures)});
    return;
  }
  d.add(doc::Paragraph{doc::strong(std::string(t.s_top_measures))});
  doc::List l;
  l.ordered = true;
  for (int i : ms) {
    const auto& m = in.r.measures[static_cast<std::size_t>(i)];
    l.items.push_back(fill(t.s_top_measure, {doc::strong(pick(in.lang, m.title_de, m.title_en)),
                                             hours(m.saved_hours_per_year), euros_year(m.saved_eur_per_year)}));
  }
  d.add(std::move(l));
}

} // namespace

void header(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.meta.title = fill(t.title, {in.r.title()}).front().text;
  d.meta.source_file = in.r.file;
  d.meta.lang = in.lang;
  d.add(doc::Heading{1, fill(t.title, {in.r.title()}), "title"});
  doc::Inline line = fill(t.source_line, {in.r.file, format_name(in.r.format, in.lang)});
  doc::Inline by = words(t.generated_by);
  by.front().line_break = true;
  line.insert(line.end(), by.begin(), by.end());
  d.add(doc::Paragraph{std::move(line), doc::Paragraph::Tone::small});
}

void summary(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{2, words(t.h_summary), "summary"});
  if (in.r.processes.empty()) d.add(doc::Paragraph{words(t.s_no_processes)});
  for (std::size_t i = 0; i < in.r.processes.size(); ++i) {
    const auto& p = in.r.processes[i];
    d.add(doc::Heading{3, doc::text(display_name(p.name, p.id)), {}});
    d.add(key_figures(in, p));
    d.add(facts(in, p));
    top_measures_of(in, i, d);
  }
  if (in.r.processes.size() != 1 && in.r.lead_time) d.add(doc::Paragraph{lead_time(in)});
  std::size_t errors = 0, warnings = 0;
  for (const auto& f : in.r.findings) {
    if (f.severity == engine::Severity::error) ++errors;
    if (f.severity == engine::Severity::warning) ++warnings;
  }
  if (errors + warnings > 0) {
    d.add(doc::Paragraph{fill(t.s_findings, {count(static_cast<double>(errors)), count(static_cast<double>(warnings))})});
  }
}

} // namespace lotse::reports::sections
