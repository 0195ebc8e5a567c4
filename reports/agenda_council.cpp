// SPDX-License-Identifier: MIT
// The town portfolio's documents for decisions (issue #11): the Maßnahmensteckbriefe (in the chapter and
// as a handout) and the two-page Ratsvorlage, built from the Agenda like the chapter (agenda_documents.cpp).
#include "reports/agenda_documents.h"

namespace lotse::reports {

using namespace doc;

void add_steckbriefe(Document& d, const Agenda& a, const Words& w, bool page_per_measure) {
  const auto& p = a.portfolio;
  const std::string blank = "______________________________";
  int no = 0;
  for (const auto& m : p.measures) {
    if (page_per_measure && no > 0) d.add(PageBreak{});
    ++no;
    d.add(Heading{3, doc::text(std::to_string(no) + ". " + measure_title(m, a, w)), "steckbrief-" + std::to_string(no)});
    Table t;
    t.id = "steckbrief";
    t.caption = w("Steckbrief ", "Profile ") + std::to_string(no);
    t.columns = {{w("Feld", "Field"), "field"}, {w("Inhalt", "Content"), "content"}};
    const auto row = [&](const std::string& field, Cell c) { t.rows.push_back({text_cell(field), std::move(c)}); };
    const auto desc = a.description.find(m.measure_id);
    std::string goal = desc == a.description.end() ? std::string() : (w.de ? desc->second.first : desc->second.second);
    row(w("Ziel und Wirkung", "Goal and effect"),
        cell_inline(Inline{plain(goal.empty() ? "" : goal + " "), plain(w("Spart ", "Saves ")), number(m.saved_hours_per_year, Unit::hours, 1),
                           plain(w(" Stunden und ", " hours and ")), number(m.saved_eur_per_year, Unit::eur, 0),
                           plain(w(" im Jahr", " per year")),
                           plain(m.saved_citizen_hours_per_year > 0.05 ? w("; Bürgerinnen und Bürger sparen ", "; citizens save ") : ""),
                           m.saved_citizen_hours_per_year > 0.05 ? number(m.saved_citizen_hours_per_year, Unit::hours, 0) : plain(""),
                           plain(m.saved_citizen_hours_per_year > 0.05 ? w(" Stunden im Jahr.", " hours per year.") : ".")}));
    std::vector<std::string> names;
    for (const auto& k : m.services) names.push_back(service_name(a, k));
    row(w("Betroffene Leistungen", "Services concerned"), cell_lines(names, w));
    row(w("Basiskomponente", "Component"), text_cell(m.component.empty() ? "–" : m.component));
    row(w("Federführung", "Lead"), text_cell(blank));
    row(w("Beteiligte", "Involved"), text_cell(blank));
    row(w("Aufwand", "Effort"),
        cell_inline(Inline{number(m.one_off_eur, Unit::eur, 0), plain(w(" einmalig, ", " one-off, ")), number(m.running_eur_per_year, Unit::eur, 0),
                           plain(w(" im Jahr laufend, ", " per year running, ")), number(m.staff_days, Unit::none, 1),
                           plain(w(" Personentage", " staff days"))}));
    row(w("Finanzierung / Förderung", "Funding"),
        text_cell(w("Haushaltsmittel laut Fahrplan; Förderprogramme des Freistaats für die Digitalisierung der Kommunen mit dem "
                    "Digital-Lotsen prüfen; Basiskomponenten des Freistaats (Amt24, Servicekonto, ePayBL) stehen über die "
                    "Mitnutzungsvereinbarung bereit.",
                    "Budget as in the roadmap; check the Free State's funding programmes for municipal digitisation with the "
                    "Digital-Lotse; the Free State's basis components (Amt24, Servicekonto, ePayBL) are available through the "
                    "co-use agreement.")));
    row(w("Priorität", "Priority"),
        cell_inline(Inline{plain(priority_word(m.priority, w)),
                           plain(m.payback_years ? w(" (Amortisation in ", " (payback in ") : w(" (amortisiert sich nicht über Einsparungen)", " (no payback from savings)")),
                           m.payback_years ? number(*m.payback_years, Unit::years, 1) : plain(""),
                           plain(m.payback_years ? w(" Jahren)", " years)") : "")}));
    row(w("Zeitraum", "When"), text_cell(quarter_span(p, m, w)));
    std::vector<std::string> req;
    for (const auto& r : m.requires_ids) {
      for (const auto& o : p.measures) {
        if (o.id == r) req.push_back(measure_title(o, a, w));
      }
    }
    row(w("Voraussetzungen", "Prerequisites"), cell_lines(req, w));
    std::vector<std::string> kpis{w("Arbeitsstunden im Jahr der betroffenen Leistungen (Ziel: −", "Staff hours per year of the services concerned (goal: −") +
                                  figure_text(m.saved_hours_per_year, Unit::hours, 0, w.lang) + ")"};
    if (const auto u = a.uptake_of.find(m.measure_id); u != a.uptake_of.end()) {
      kpis.push_back(w("Online-Anteil der Anträge (Annahme: ", "Online share of applications (assumed: ") +
                     figure_text(u->second, Unit::percent, 0, w.lang) + ")");
    }
    kpis.push_back(w("Zahl der Medienbrüche in den Prozessmodellen", "Number of media breaks in the process models"));
    row(w("Kennzahlen", "Indicators"), cell_lines(kpis, w));
    const auto src = a.effort_source.find(m.measure_id);
    row(w("Annahmen", "Assumptions"), text_cell(m.effort_assumption ? (src == a.effort_source.end() ? "" : src->second)
                                                                    : w("Werte der Stadt", "the town's values")));
    d.add(t);
  }
}

Document steckbriefe(const Agenda& a, engine::Lang lang, const std::string& date) {
  const Words w(lang);
  Document d;
  d.meta = agenda_meta(a, lang, w("Maßnahmensteckbriefe ", "Measure profiles ") + a.town.name,
                       w("Handout zum Workshop", "Workshop handout"), date);
  d.add(Heading{1, doc::text(d.meta.title), "titel"});
  add_steckbriefe(d, a, w, true);
  return d;
}

Document ratsvorlage(const Agenda& a, engine::Lang lang, const std::string& date) {
  const Words w(lang);
  const auto& p = a.portfolio;
  Document d;
  d.meta = agenda_meta(a, lang, w("Beschlussvorlage: Digitalisierung der Verwaltung", "Council paper: digitising the administration"),
                       a.town.name + " – " + p.frame.label(0) + w(" bis ", " to ") + p.frame.label(p.frame.quarters - 1), date);
  d.add(Heading{1, doc::text(d.meta.title), "titel"});
  d.add(Paragraph{doc::text(w("Gremium: ________________   Sitzung am: __________   Einreicher: Bürgermeister/in   Vorlagen-Nr.: ______",
                              "Body: ________________   Meeting on: __________   Submitted by: the mayor   Paper no.: ______")),
                  Paragraph::Tone::small});
  const double hours = sum_services(a, &AgendaService::hours_per_year);
  const double bh = sum_services(a, &AgendaService::media_break_hours_per_year);
  int nbreaks = 0, planned = 0;
  for (const auto& s : a.services) nbreaks += s.media_breaks;
  double one = 0, run = 0, days = 0;
  for (const auto& m : p.measures) {
    if (!m.first_quarter) continue;
    ++planned;
    one += m.one_off_eur;
    run += m.running_eur_per_year;
    days += m.staff_days;
  }
  d.add(Heading{2, doc::text(w("Sachverhalt", "Facts")), "sachverhalt"});
  d.add(Paragraph{Inline{plain(w("Die Verwaltung hat ", "The administration has analysed ")), number(static_cast<double>(a.services.size()), Unit::count, 0),
                         plain(w(" Leistungen mit Prozessmodellen untersucht. Sie binden ", " services with process models. They take ")),
                         number(hours, Unit::hours, 0), plain(w(" Arbeitsstunden im Jahr (", " staff hours per year (")),
                         number(sum_services(a, &AgendaService::fte), Unit::fte, 2), plain(w(" Stellen, ", " posts, ")),
                         number(sum_services(a, &AgendaService::cost_per_year_eur), Unit::eur, 0),
                         plain(w(" Personalkosten). An ", " staff cost). At ")), number(nbreaks, Unit::count, 0),
                         plain(w(" Stellen wechselt ein Vorgang das Medium (Papier, Abtippen, Hauspost); diese Medienbrüche binden ",
                                " points a case changes medium (paper, retyping, internal mail); these media breaks take ")),
                         number(bh, Unit::hours, 0), plain(w(" Stunden im Jahr.", " hours per year."))}});
  d.add(Heading{2, doc::text(w("Beschlussvorschlag", "Proposed resolution")), "beschluss"});
  d.add(Paragraph{Inline{plain(w("Der Rat beschließt, die ", "The council resolves to implement the ")), number(planned, Unit::count, 0),
                         plain(w(" Maßnahmen des beigefügten Fahrplans von ", " measures of the attached roadmap from ")),
                         plain(p.frame.label(0) + w(" bis ", " to ") + p.frame.label(p.frame.quarters - 1)),
                         plain(w(" umzusetzen, und stellt dafür einmalig ", " and provides one-off ")), number(one, Unit::eur, 0),
                         plain(w(" sowie laufend ", " and running ")), number(run, Unit::eur, 0),
                         plain(w(" im Jahr im Haushalt bereit. Die Verwaltung berichtet halbjährlich über den Stand.",
                                " per year in the budget. The administration reports on progress every six months."))}});
  d.add(Heading{2, doc::text(w("Kosten", "Costs")), "kosten"});
  Table cost;
  cost.id = "kosten";
  cost.caption = w("Kosten nach Jahr", "Costs by year");
  cost.columns = {{w("Jahr", "Year"), "year"}, {w("Haushalt €", "Budget €"), "eur", true}, {w("Budget €", "Available €"), "budget", true},
                  {w("Eigene Personentage", "Own staff days"), "staff_days", true}};
  double used_all = 0, days_all = 0;
  for (const auto& [year, used] : p.budget_used_by_year) {
    double d_year = 0;
    for (int q = 0; q < p.frame.quarters; ++q) {
      if (p.frame.year_of(q) == year) d_year += p.quarters[static_cast<std::size_t>(q)].staff_days;
    }
    int nq = 0;
    for (int q = 0; q < p.frame.quarters; ++q) nq += p.frame.year_of(q) == year ? 1 : 0;
    cost.rows.push_back({text_cell(std::to_string(year)), figure_cell(used, Unit::eur, 0), figure_cell(p.frame.budget_eur_per_year * nq / 4.0, Unit::eur, 0),
                         figure_cell(d_year, Unit::days, 1)});
    used_all += used;
    days_all += d_year;
  }
  cost.total = std::vector<Cell>{text_cell(w("Summe", "Total")), total_cell(used_all, Unit::eur, 0, "eur"), empty_cell(),
                                 total_cell(days_all, Unit::days, 1, "staff_days")};
  d.add(cost);
  d.add(Heading{2, doc::text(w("Nutzen", "Benefit")), "nutzen"});
  d.add(Paragraph{Inline{plain(w("Die Maßnahmen des Fahrplans sparen zusammen ", "The roadmap's measures save together ")),
                         number(p.planned_saved_hours_per_year, Unit::hours, 0), plain(w(" Arbeitsstunden im Jahr im Wert von ", " staff hours per year worth ")),
                         number(p.planned_saved_eur_per_year, Unit::eur, 0),
                         plain(w(" (Einsparungen je Maßnahme in Paketreihenfolge, sie ergeben zusammen die Summe). Die Stunden werden "
                                "für andere Aufgaben frei; Stellen fallen dadurch nicht automatisch weg.",
                                " (savings per measure in package order, they add up to the total). The hours become free for other "
                                "tasks; posts do not disappear by themselves."))}});
  d.add(Heading{2, doc::text(w("Fahrplan", "Roadmap")), "fahrplan"});
  Table plan;
  plan.id = "fahrplan_kurz";
  plan.caption = w("Fahrplan", "Roadmap");
  plan.columns = {{w("Maßnahme", "Measure"), "title"}, {w("Zeitraum", "When"), "quarter"}, {w("Einmalig €", "One-off €"), "one_off_eur", true},
                  {w("Ersparnis €/Jahr", "Saving €/year"), "saved_eur_per_year", true}, {w("Priorität", "Priority"), "priority"}};
  std::size_t shown = 0, rest = 0;
  double rest_one = 0, rest_saved = 0;
  for (const auto& m : p.measures) {
    if (!m.first_quarter) continue;
    if (shown < 10) {
      plan.rows.push_back({text_cell(measure_title(m, a, w)), text_cell(quarter_span(p, m, w)), figure_cell(m.one_off_eur, Unit::eur, 0),
                           figure_cell(m.saved_eur_per_year, Unit::eur, 0), text_cell(priority_word(m.priority, w))});
      ++shown;
    } else {
      ++rest;
      rest_one += m.one_off_eur;
      rest_saved += m.saved_eur_per_year;
    }
  }
  if (rest > 0) {
    plan.rows.push_back({text_cell(std::to_string(rest) + w(" weitere Maßnahmen (Anlage)", " further measures (annex)")), empty_cell(),
                         figure_cell(rest_one, Unit::eur, 0), figure_cell(rest_saved, Unit::eur, 0), empty_cell()});
  }
  plan.total = std::vector<Cell>{text_cell(w("Summe", "Total")), empty_cell(), total_cell(one, Unit::eur, 0, "one_off_eur"),
                                 total_cell(p.planned_saved_eur_per_year, Unit::eur, 0, "saved_eur_per_year"), empty_cell()};
  d.add(plan);
  d.add(Paragraph{doc::text(w("Anlagen: Kapitel Verwaltung der Digitalen Agenda mit Maßnahmensteckbriefen; Portfolio (Arbeitsmappe).",
                              "Annexes: chapter administration of the Digital Agenda with measure profiles; portfolio (workbook).")),
                  Paragraph::Tone::small});
  return d;
}

} // namespace lotse::reports
