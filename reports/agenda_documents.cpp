// SPDX-License-Identifier: MIT
// The documents of the town portfolio (issue #11): the chapter "Verwaltung" of the Digitale Agenda,
// the portfolio workbook, the Ratsvorlage and the Maßnahmensteckbriefe, each a doc::Document built
// from the Agenda (no figure is computed here that the portfolio does not hold; sums of shown figures
// are the portfolio's totals).
#include "reports/agenda_documents.h"

#include "engine/utf8.h"
#include "reports/compare_report.h"
#include "reports/sections/section_util.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace lotse::reports {

using namespace doc;
namespace sec = sections;

Words::Words(engine::Lang l) : lang(l), de(l == engine::Lang::de) {}

Meta agenda_meta(const Agenda& a, engine::Lang lang, const std::string& title, const std::string& subtitle, const std::string& date) {
  Meta m;
  m.title = title;
  m.subtitle = subtitle;
  m.town = a.town.name;
  m.date = date;
  m.lang = lang;
  m.source_file = a.town.file.empty() ? std::string() : std::filesystem::path(a.town.file).filename().string();
  return m;
}

std::string quarter_span(const analysis::Portfolio& p, const analysis::TownMeasure& m, const Words& w) {
  if (!m.first_quarter) return w("nach dem Planungszeitraum", "after the planning horizon");
  if (*m.first_quarter == *m.last_quarter) return p.frame.label(*m.first_quarter);
  return p.frame.label(*m.first_quarter) + " – " + p.frame.label(*m.last_quarter);
}

std::string measure_title(const analysis::TownMeasure& m, const Agenda& a, const Words& w) {
  std::string t = w.de ? m.title_de : m.title_en;
  if (!m.town_wide && !m.services.empty()) t += " (" + short_name(service_name(a, m.services.front()), 32) + ")";
  return t;
}

std::string short_name(const std::string& s, std::size_t n) {
  return engine::utf8_length(s) <= n ? s : engine::utf8_prefix(s, n - 1) + "…";
}

std::string service_name(const Agenda& a, const std::string& key) {
  for (const auto& s : a.services) {
    if (s.key == key) return s.name;
  }
  return key;
}

std::string priority_word(analysis::Priority p, const Words& w) {
  switch (p) {
  case analysis::Priority::hoch: return w("hoch", "high");
  case analysis::Priority::mittel: return w("mittel", "medium");
  case analysis::Priority::niedrig: return w("niedrig", "low");
  }
  return {};
}

Cell figure_cell(double v, Unit u, int decimals, std::string source) { return number_cell(v, u, decimals, std::move(source)); }

Cell total_cell(double v, Unit u, int decimals, const std::string& key) {
  Cell c = number_cell(v, u, decimals);
  c.formula_key = key;
  return c;
}

double sum_services(const Agenda& a, double AgendaService::*field) {
  double s = 0;
  for (const auto& x : a.services) s += x.*field;
  return s;
}

KeyFigures town_key_figures(const Agenda& a, const Words& w) {
  KeyFigures k;
  const double hours = sum_services(a, &AgendaService::hours_per_year);
  const double breaks = sum_services(a, &AgendaService::media_break_hours_per_year);
  int nbreaks = 0;
  for (const auto& s : a.services) nbreaks += s.media_breaks;
  k.figures.push_back({w("Leistungen", "Services"), figure_cell(static_cast<double>(a.services.size()), Unit::count, 0), w("untersucht", "analysed")});
  k.figures.push_back({w("Arbeitszeit", "Staff time"), figure_cell(hours, Unit::hours, 0), w("Stunden im Jahr", "hours per year")});
  k.figures.push_back({w("Stellenanteile", "Staff"), figure_cell(sum_services(a, &AgendaService::fte), Unit::fte, 2), w("Vollzeitäquivalente", "full-time equivalents")});
  k.figures.push_back({w("Personalkosten", "Staff cost"), figure_cell(sum_services(a, &AgendaService::cost_per_year_eur), Unit::eur, 0), w("im Jahr", "per year")});
  KeyFigure b{w("Medienbrüche", "Media breaks"), figure_cell(nbreaks, Unit::count, 0), w("binden", "bind")};
  b.detail = Inline{number(breaks, Unit::hours, 0), plain(w(" Stunden im Jahr", " hours per year"))};
  b.alert = nbreaks > 0;
  k.figures.push_back(b);
  KeyFigure saved{w("Einsparung", "Saving"), figure_cell(a.portfolio.saved_hours_per_year, Unit::hours, 0), w("Stunden im Jahr mit allen Maßnahmen", "hours per year with all measures")};
  k.figures.push_back(saved);
  return k;
}

Table services_table(const Agenda& a, const Words& w, bool workbook) {
  Table t;
  t.id = "leistungen";
  t.caption = w("Leistungen", "Services");
  t.columns = {{w("Leistung", "Service"), "name"},
               {w("Datei", "File"), "file"},
               {w("Fälle/Jahr", "Cases/year"), "cases_per_year", true},
               {w("Minuten je Fall", "Minutes per case"), "minutes_per_case", true},
               {w("Stunden/Jahr", "Hours/year"), "hours_per_year", true},
               {w("VZÄ", "FTE"), "fte", true},
               {w("€/Jahr", "€/year"), "cost_per_year_eur", true},
               {w("Medienbrüche", "Media breaks"), "media_breaks", true},
               {w("Stunden in Medienbrüchen", "Hours in media breaks"), "media_break_hours_per_year", true},
               {w("OZG-Reifegrad heute", "OZG level today"), "ozg_level_today", true}};
  double cases = 0, hours = 0, fte = 0, eur = 0, breaks = 0, bh = 0;
  for (const auto& s : a.services) {
    t.rows.push_back({text_cell(s.name), text_cell(s.file), figure_cell(s.cases_per_year, Unit::count, 0, s.file),
                      figure_cell(s.minutes_per_case, Unit::minutes, 1, s.file), figure_cell(s.hours_per_year, Unit::hours, 1),
                      figure_cell(s.fte, Unit::fte, 2), figure_cell(s.cost_per_year_eur, Unit::eur, 0), figure_cell(s.media_breaks, Unit::count, 0),
                      figure_cell(s.media_break_hours_per_year, Unit::hours, 1), figure_cell(s.ozg_level_today, Unit::count, 0)});
    cases += s.cases_per_year;
    hours += s.hours_per_year;
    fte += s.fte;
    eur += s.cost_per_year_eur;
    breaks += s.media_breaks;
    bh += s.media_break_hours_per_year;
  }
  t.total = std::vector<Cell>{text_cell(w("Summe", "Total")), empty_cell(), total_cell(cases, Unit::count, 0, "cases_per_year"),
                              empty_cell(), total_cell(hours, Unit::hours, 1, "hours_per_year"), total_cell(fte, Unit::fte, 2, "fte"),
                              total_cell(eur, Unit::eur, 0, "cost_per_year_eur"), total_cell(breaks, Unit::count, 0, "media_breaks"),
                              total_cell(bh, Unit::hours, 1, "media_break_hours_per_year"), empty_cell()};
  if (workbook) return t;
  return only_columns(std::move(t), {"name", "cases_per_year", "minutes_per_case", "hours_per_year", "fte", "cost_per_year_eur",
                                     "media_breaks", "media_break_hours_per_year", "ozg_level_today"});
}

/// Hours by Baustein category or by Stelle across all services, largest first, with the share.
Table hours_table(const Agenda& a, const Words& w, bool by_category) {
  std::map<std::string, double> sum;
  double all = 0;
  for (const auto& s : a.services) {
    for (const auto& [k, h] : by_category ? s.hours_by_category : s.hours_by_stelle) sum[k] += h;
    all += s.hours_per_year;
  }
  std::vector<std::pair<std::string, double>> rows(sum.begin(), sum.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  Table t;
  t.id = by_category ? "stunden_bausteine" : "stunden_stellen";
  t.caption = by_category ? w("Stunden nach Bausteinkategorie", "Hours by building-block category")
                          : w("Stunden nach Stelle", "Hours by position");
  t.columns = {{by_category ? w("Kategorie", "Category") : w("Stelle", "Position"), "name"},
               {w("Stunden/Jahr", "Hours/year"), "hours_per_year", true},
               {w("Anteil", "Share"), "share", true}};
  double total = 0;
  for (const auto& [k, h] : rows) {
    const std::string name = by_category ? std::string(category_name(k, w.lang)) : k;
    Cell share = figure_cell(all > 0 ? h / all : 0.0, Unit::percent, 1);
    share.bar = all > 0 ? h / all : 0.0;
    t.rows.push_back({text_cell(name), figure_cell(h, Unit::hours, 1), share});
    total += h;
  }
  t.total = std::vector<Cell>{text_cell(w("Summe", "Total")), total_cell(total, Unit::hours, 1, "hours_per_year"),
                              figure_cell(all > 0 ? total / all : 0.0, Unit::percent, 1)};
  return t;
}

Table measures_table(const Agenda& a, const Words& w, bool workbook) {
  const auto& p = a.portfolio;
  Table t;
  t.id = "massnahmen";
  t.caption = w("Maßnahmen", "Measures");
  t.columns = {{w("Nr.", "No."), "order", true}, {w("Maßnahme", "Measure"), "title"}, {w("Leistungen", "Services"), "services", true}};
  if (workbook) {
    t.columns.push_back({w("Nutzungsquote", "Uptake"), "uptake", true});
    t.columns.push_back({w("Ersparnis h/Jahr bei 100 %", "Saving h/year at 100 %"), "hours_full", true});
    t.columns.push_back({w("Ersparnis €/Jahr bei 100 %", "Saving €/year at 100 %"), "eur_full", true});
  }
  t.columns.insert(t.columns.end(), {{w("Einmalig €", "One-off €"), "one_off_eur", true},
                                     {w("Laufend €/Jahr", "Running €/year"), "running_eur_per_year", true},
                                     {w("Personentage", "Staff days"), "staff_days", true},
                                     {w("Ersparnis h/Jahr", "Saving h/year"), "saved_hours_per_year", true},
                                     {w("Ersparnis €/Jahr", "Saving €/year"), "saved_eur_per_year", true},
                                     {w("Netto €/Jahr", "Net €/year"), "net_benefit_eur_per_year", true},
                                     {w("Amortisation (Jahre)", "Payback (years)"), "payback_years", true},
                                     {w("Priorität", "Priority"), "priority"},
                                     {w("Zeitraum", "When"), "quarter"}});
  int no = 0;
  for (const auto& m : p.measures) {
    std::vector<Cell> row{figure_cell(++no, Unit::count, 0), text_cell(measure_title(m, a, w)),
                          figure_cell(static_cast<double>(m.services.size()), Unit::count, 0)};
    Cell hours = figure_cell(m.saved_hours_per_year, Unit::hours, 1), eur = figure_cell(m.saved_eur_per_year, Unit::eur, 0);
    if (workbook) {
      const auto it = a.uptake_of.find(m.measure_id);
      const double u = it == a.uptake_of.end() ? 1.0 : it->second;
      row.push_back(figure_cell(u, Unit::percent, 0, it == a.uptake_of.end() ? w("keine bürgerseitige Maßnahme", "back office") : a.uptake_source));
      row.push_back(figure_cell(u > 0 ? m.saved_hours_per_year / u : 0.0, Unit::hours, 1));
      row.push_back(figure_cell(u > 0 ? m.saved_eur_per_year / u : 0.0, Unit::eur, 0));
      hours.formula = "{hours_full}*{uptake}";
      eur.formula = "{eur_full}*{uptake}";
    }
    Cell net = figure_cell(m.net_benefit_eur_per_year, Unit::eur, 0);
    if (workbook) net.formula = "{saved_eur_per_year}-{running_eur_per_year}";
    row.insert(row.end(), {figure_cell(m.one_off_eur, Unit::eur, 0, m.effort_assumption ? w("Annahme", "assumption") : m.effort_source),
                           figure_cell(m.running_eur_per_year, Unit::eur, 0), figure_cell(m.staff_days, Unit::days, 1), hours, eur, net,
                           m.payback_years ? figure_cell(*m.payback_years, Unit::years, 1) : text_cell("–"),
                           text_cell(priority_word(m.priority, w)), text_cell(quarter_span(p, m, w))});
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> total{empty_cell(), text_cell(w("Summe", "Total")), empty_cell()};
  if (workbook) total.insert(total.end(), {empty_cell(), empty_cell(), empty_cell()});
  total.insert(total.end(), {total_cell(p.one_off_eur, Unit::eur, 0, "one_off_eur"),
                             total_cell(p.running_eur_per_year, Unit::eur, 0, "running_eur_per_year"),
                             total_cell(p.staff_days, Unit::days, 1, "staff_days"),
                             total_cell(p.saved_hours_per_year, Unit::hours, 1, "saved_hours_per_year"),
                             total_cell(p.saved_eur_per_year, Unit::eur, 0, "saved_eur_per_year"),
                             total_cell(p.saved_eur_per_year - p.running_eur_per_year, Unit::eur, 0, "net_benefit_eur_per_year"),
                             empty_cell(), empty_cell(), empty_cell()});
  t.total = total;
  if (workbook) return t;
  // On an A4 page: the figures a reader needs to decide; hours, net benefit and payback are in the profiles.
  return only_columns(std::move(t), {"order", "title", "one_off_eur", "running_eur_per_year", "staff_days", "saved_eur_per_year",
                                     "priority", "quarter"});
}

Table only_columns(Table t, const std::vector<std::string>& keys) {
  std::vector<std::size_t> keep;
  for (const auto& k : keys) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].key == k) keep.push_back(c);
    }
  }
  const auto project = [&](const std::vector<Cell>& row) {
    std::vector<Cell> out;
    for (const auto c : keep) out.push_back(c < row.size() ? row[c] : empty_cell());
    return out;
  };
  Table out = t;
  out.columns.clear();
  for (const auto c : keep) out.columns.push_back(t.columns[c]);
  out.rows.clear();
  for (const auto& r : t.rows) out.rows.push_back(project(r));
  if (t.total) out.total = project(*t.total);
  return out;
}

Table fahrplan_table(const Agenda& a, const Words& w) {
  const auto& p = a.portfolio;
  Table t;
  t.id = "fahrplan";
  t.caption = w("Fahrplan", "Roadmap");
  t.columns = {{w("Quartal", "Quarter"), "quarter"},
               {w("Beginnende Maßnahmen", "Measures starting"), "starting"},
               {w("Einmalig €", "One-off €"), "one_off_eur", true},
               {w("Laufend €", "Running €"), "running_eur", true},
               {w("Personentage", "Staff days"), "staff_days", true},
               {w("Verfügbare Personentage", "Staff days available"), "staff_days_available", true}};
  double one = 0, run = 0, days = 0, avail = 0;
  for (const auto& q : p.quarters) {
    std::vector<std::string> names;
    for (const auto& id : q.starting) {
      for (const auto& m : p.measures) {
        if (m.id == id) names.push_back(measure_title(m, a, w));
      }
    }
    t.rows.push_back({text_cell(q.label), cell_lines(names, w), figure_cell(q.one_off_eur, Unit::eur, 0), figure_cell(q.running_eur, Unit::eur, 0),
                      figure_cell(q.staff_days, Unit::days, 1), figure_cell(p.frame.staff_days_per_quarter, Unit::days, 1)});
    one += q.one_off_eur;
    run += q.running_eur;
    days += q.staff_days;
    avail += p.frame.staff_days_per_quarter;
  }
  std::vector<std::string> later;
  for (const auto& m : p.measures) {
    if (!m.first_quarter) later.push_back(measure_title(m, a, w));
  }
  if (!later.empty()) {
    t.rows.push_back({text_cell(w("nach dem Planungszeitraum", "after the planning horizon")), cell_lines(later, w), empty_cell(),
                      empty_cell(), empty_cell(), empty_cell()});
  }
  t.total = std::vector<Cell>{text_cell(w("Summe", "Total")), empty_cell(), total_cell(one, Unit::eur, 0, "one_off_eur"),
                              total_cell(run, Unit::eur, 0, "running_eur"), total_cell(days, Unit::days, 1, "staff_days"),
                              total_cell(avail, Unit::days, 1, "staff_days_available")};
  return t;
}

Cell cell_lines(const std::vector<std::string>& items, const Words& w) {
  if (items.empty()) return text_cell("–");
  (void)w;
  Cell c;
  c.kind = Cell::Kind::text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Span s = plain(items[i]);
    s.line_break = i > 0;
    c.text.push_back(s);
  }
  return c;
}

std::vector<std::string> assumptions(const Agenda& a, const Words& w) {
  const auto& f = a.portfolio.frame;
  std::vector<std::string> out;
  const auto defaulted = [&](const char* key) { return std::find(a.town.defaulted.begin(), a.town.defaulted.end(), key) != a.town.defaulted.end(); };
  const std::string std_value = w(" (Standardwert, in der Stadtdatei änderbar)", " (default, change it in the town file)");
  out.push_back(w("Budget für Digitalisierung: ", "Budget for digitisation: ") + figure_text(f.budget_eur_per_year, Unit::eur, 0, w.lang) +
                w(" im Jahr", " per year") + (defaulted("budget_eur_per_year") ? std_value : ""));
  out.push_back(w("Eigene Personentage je Quartal: ", "Own staff days per quarter: ") + figure_text(f.staff_days_per_quarter, Unit::none, 1, w.lang) +
                (defaulted("staff_days_per_quarter") ? std_value : ""));
  out.push_back(w("Planungszeitraum: ", "Planning horizon: ") + f.label(0) + " – " + f.label(f.quarters - 1) + " (" +
                std::to_string(f.quarters) + w(" Quartale)", " quarters)") + (defaulted("start_quarter") || defaulted("quarters") ? std_value : ""));
  out.push_back(w("Fahrplan: zuerst Voraussetzungen, dann nach Nettonutzen; eine Maßnahme beginnt frühestens im Quartal nach dem "
                  "Ende ihrer Voraussetzungen; einmalige Kosten fallen im Startquartal an und müssen in das Budget des Jahres passen; "
                  "laufende Kosten belasten das Budget ab dem Quartal nach der Einführung (ein Viertel je Quartal); Personentage werden "
                  "ab dem Startquartal aus den freien Tagen der Quartale genommen.",
                  "Roadmap: prerequisites first, then by net benefit; a measure starts at the earliest in the quarter after its "
                  "prerequisites end; one-off costs fall in the starting quarter and must fit that year's budget; running costs are "
                  "charged from the quarter after the introduction (a quarter each); staff days are taken from the free days of the "
                  "quarters from the starting quarter on."));
  out.push_back(w("Stadtweite Maßnahmen (Basiskomponenten) werden einmal eingeführt: ihr Aufwand zählt einmal, für jede weitere "
                  "Leistung kommt der Aufwand je weiterer Leistung aus dem Maßnahmenkatalog dazu (data/massnahmen.json).",
                  "Town-wide measures (basis components) are introduced once: their effort counts once, plus the catalogue's effort "
                  "per further service (data/massnahmen.json)."));
  out.push_back(w("Einsparungen sind je Leistung in der Reihenfolge des Maßnahmenpakets gerechnet (jede Maßnahme nur mit dem, was "
                  "die vorigen übrig lassen); deshalb ergeben sie zusammen genau die Einsparung aller Maßnahmen.",
                  "Savings are computed per service in package order (each measure only with what the earlier ones leave), so they "
                  "add up exactly to the saving of all measures."));
  if (!a.uptake_of.empty()) {
    std::string u = w("Nutzungsquoten bürgerseitiger Maßnahmen: ", "Uptake of citizen-facing measures: ");
    bool first = true;
    for (const auto& [id, rate] : a.uptake_of) {
      u += (first ? "" : ", ") + id + " " + figure_text(rate, Unit::percent, 0, w.lang);
      first = false;
    }
    out.push_back(u + " (" + a.uptake_source + w("; in der Stadtdatei unter \"uptake\" änderbar)", "; change them in the town file under \"uptake\")"));
  }
  out.push_back(w("Aufwände des Maßnahmenkatalogs sind Größenordnungen (Annahme), bis ein Angebot vorliegt; eigene Werte in der "
                  "Stadtdatei unter \"massnahmen\".",
                  "The catalogue's efforts are orders of magnitude (assumption) until there is an offer; own values in the town file "
                  "under \"massnahmen\"."));
  out.push_back(w("Personentage sind mit ", "Staff days are valued at ") + figure_text(a.portfolio.hours_per_staff_day, Unit::none, 1, w.lang) +
                w(" Stunden zum mittleren Stundensatz der betroffenen Leistungen bewertet.", " hours at the mean hourly rate of the services concerned."));
  out.push_back(w("OZG-Reifegrad heute: höchste Stufe der schon vorhandenen Maßnahmen des Katalogs, sonst Stufe 1 (Annahme: die "
                  "Leistung ist in Amt24 beschrieben).",
                  "OZG level today: the highest level of the catalogue measures already in place, else level 1 (assumption: the "
                  "service is described in Amt24)."));
  return out;
}

Document agenda_document(const Agenda& a, engine::Lang lang, const std::string& date) {
  const Words w(lang);
  Document d;
  d.meta = agenda_meta(a, lang, w("Digitale Agenda ", "Digital agenda ") + a.town.name + w(": Handlungsfeld Verwaltung", ": administration"),
                       w("Ausgangslage, Ziele, Maßnahmen und Fahrplan", "Starting point, goals, measures and roadmap"), date);
  d.add(Heading{1, doc::text(d.meta.title), "titel"});
  std::string files;
  for (const auto& f : a.files) files += (files.empty() ? "" : ", ") + f;
  d.add(Paragraph{doc::text(w("Erstellt mit Prozesslotse aus ", "Made with Prozesslotse from ") + std::to_string(a.files.size()) +
                            w(" Prozessmodellen: ", " process models: ") + files + w(". Jede Zahl stammt aus den Modellen und den "
                            "Tabellen des Datensatzes; die Annahmen stehen am Ende.", ". Every figure comes from the models and the data "
                            "set's tables; the assumptions are listed at the end.")),
                  Paragraph::Tone::small});
  if (!a.failed.empty()) {
    std::string f;
    for (const auto& x : a.failed) f += (f.empty() ? "" : ", ") + x;
    d.add(Paragraph{doc::text(w("Nicht gelesen (siehe Befunde): ", "Not read (see the messages): ") + f), Paragraph::Tone::remark});
  }
  d.add(Heading{2, doc::text(w("1 Ausgangslage", "1 Starting point")), "ausgangslage"});
  d.add(town_key_figures(a, w));
  d.add(services_table(a, w, false));
  d.add(Heading{3, doc::text(w("Wohin die Stunden gehen", "Where the hours go")), "stunden"});
  d.add(hours_table(a, w, true));
  d.add(hours_table(a, w, false));

  add_goals(d, a, w);

  d.add(Heading{2, doc::text(w("3 Handlungsfeld Verwaltung: Maßnahmen", "3 Administration: measures")), "massnahmen"});
  d.add(Paragraph{doc::text(w("Stadtweite Maßnahmen dienen mehreren Leistungen und werden einmal eingeführt; ihr Aufwand steht einmal "
                              "in der Tabelle, ihr Nutzen ist über die Leistungen summiert. Die Priorität folgt der Amortisation: hoch bis "
                              "2 Jahre, mittel bis 4 Jahre, sonst niedrig; eine Voraussetzung ist so dringend wie die Maßnahmen, die sie "
                              "braucht.",
                              "Town-wide measures serve several services and are introduced once; their effort appears once, their "
                              "benefit is summed over the services. Priority follows the payback: high up to 2 years, medium up to 4 "
                              "years, else low; a prerequisite is as urgent as the measures that need it."))});
  d.add(measures_table(a, w, false));
  d.add(Heading{2, doc::text(w("4 Fahrplan", "4 Roadmap")), "fahrplan"});
  d.add(fahrplan_figure(a, w));
  d.add(fahrplan_table(a, w));
  d.add(Heading{2, doc::text(w("5 Maßnahmensteckbriefe", "5 Measure profiles")), "steckbriefe"});
  add_steckbriefe(d, a, w, false);
  d.add(Heading{2, doc::text(w("6 Annahmen und Quellen", "6 Assumptions and sources")), "annahmen"});
  List l;
  for (const auto& s : assumptions(a, w)) l.items.push_back(doc::text(s));
  d.add(l);
  return d;
}

void add_goals(Document& d, const Agenda& a, const Words& w) {
  const auto& p = a.portfolio;
  d.add(Heading{2, doc::text(w("2 Ziele", "2 Goals")), "ziele"});
  int planned = 0, later = 0;
  for (const auto& m : p.measures) (m.first_quarter ? planned : later)++;
  std::set<std::string> level3;  // services reaching OZG level 3 with the planned measures
  for (const auto& s : a.services) {
    if (s.ozg_level_today >= 3) level3.insert(s.key);
  }
  for (const auto& m : p.measures) {
    if (!m.first_quarter || m.ozg_level < 3) continue;
    for (const auto& k : m.services) level3.insert(k);
  }
  const double hours = sum_services(a, &AgendaService::hours_per_year);
  const std::string end = p.frame.label(p.frame.quarters - 1);
  List goals;
  goals.items.push_back(Inline{plain(w("Bis ", "By ") + end + w(" setzt die Verwaltung ", " the administration implements ")),
                               number(planned, Unit::count, 0), plain(w(" Maßnahmen um; sie machen ", " measures; they free ")),
                               number(p.planned_saved_hours_per_year, Unit::hours, 0),
                               plain(w(" Stunden Arbeitszeit im Jahr frei (", " hours of staff time per year (")),
                               number(hours > 0 ? p.planned_saved_hours_per_year / hours : 0.0, Unit::percent, 1),
                               plain(w(" der heutigen Arbeitszeit dieser Leistungen), im Wert von ", " of today's time of these services), worth ")),
                               number(p.planned_saved_eur_per_year, Unit::eur, 0), plain(w(" im Jahr.", " per year."))});
  goals.items.push_back(Inline{number(static_cast<double>(level3.size()), Unit::count, 0), plain(w(" von ", " of ")),
                               number(static_cast<double>(a.services.size()), Unit::count, 0),
                               plain(w(" Leistungen erreichen mindestens OZG-Reifegrad 3 (Online-Leistung mit digitalem Bescheid).",
                                      " services reach at least OZG level 3 (online service with digital notice)."))});
  goals.items.push_back(doc::text(w("Medienbrüche innerhalb der Verwaltung (Ausdrucken und wieder Abtippen, Hauspost, Papierakte) "
                                    "werden abgebaut; der Erfolg wird an den Kennzahlen der Steckbriefe gemessen.",
                                    "Media breaks inside the administration (printing and retyping, internal mail, paper files) are "
                                    "removed; success is measured with the indicators of the profiles.")));
  if (later > 0) {
    goals.items.push_back(Inline{number(later, Unit::count, 0),
                                 plain(w(" weitere Maßnahmen passen nicht mehr in Budget und Personentage des Planungszeitraums; sie "
                                        "stehen im Fahrplan unter „nach dem Planungszeitraum“.",
                                        " further measures do not fit the budget and staff days of the planning horizon; the roadmap "
                                        "lists them as \"after the planning horizon\"."))});
  }
  d.add(goals);
}

Cell cell_inline(Inline in) {
  Cell c;
  c.kind = Cell::Kind::text;
  for (auto& s : in) {
    if (s.is_number || !s.text.empty()) c.text.push_back(std::move(s));
  }
  return c;
}

Document portfolio_workbook(const Agenda& a, engine::Lang lang, const std::string& date) {
  const Words w(lang);
  Document d;
  d.meta = agenda_meta(a, lang, w("Portfolio ", "Portfolio ") + a.town.name, w("Leistungen, Maßnahmen, Fahrplan", "Services, measures, roadmap"), date);
  d.add(Heading{1, doc::text(d.meta.title), "titel"});
  d.add(town_key_figures(a, w));
  d.add(Paragraph{doc::text(w("In der Tabelle Maßnahmen sind Nutzungsquote und Kosten änderbar; Ersparnis, Nettonutzen und Summen "
                              "rechnen sich als Formeln neu. Die Ersparnis einer Maßnahme ist linear in ihrer Nutzungsquote (bei den "
                              "übrigen Maßnahmen wie gerechnet); für einen neuen Fahrplan die Werte in die Stadtdatei übernehmen und "
                              "neu rechnen lassen.",
                              "In the sheet Measures, uptake and costs can be edited; saving, net benefit and totals are formulas. A "
                              "measure's saving is linear in its uptake (with the other measures as computed); for a new roadmap put "
                              "the values into the town file and run again."))});
  d.add(services_table(a, w, true));
  d.add(measures_table(a, w, true));
  d.add(fahrplan_table(a, w));
  Table t;
  t.id = "annahmen";
  t.caption = w("Annahmen", "Assumptions");
  t.columns = {{w("Nr.", "No."), "no", true}, {w("Annahme", "Assumption"), "text"}};
  int no = 0;
  for (const auto& s : assumptions(a, w)) t.rows.push_back({figure_cell(++no, Unit::count, 0), text_cell(s)});
  d.add(t);
  return d;
}

} // namespace lotse::reports
