// SPDX-License-Identifier: MIT
// The pictures and the workshop deck of the town portfolio, and the documents of the comparison of one
// service across towns (issue #11).
#include "engine/utf8.h"
#include "reports/agenda_documents.h"
#include "reports/compare_report.h"
#include "reports/emit_doc_common.h"
#include "reports/escape.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace lotse::reports {

using namespace doc;

std::string figure_text(double v, Unit u, int decimals, engine::Lang lang) {
  return format_cell(number_cell(v, u, decimals), lang);
}

namespace {

const char* priority_colour(analysis::Priority p) {
  switch (p) {
  case analysis::Priority::hoch: return "#2E7D32";
  case analysis::Priority::mittel: return "#F9A825";
  case analysis::Priority::niedrig: return "#78909C";
  }
  return "#78909C";
}

} // namespace

Figure fahrplan_figure(const Agenda& a, const Words& w) {
  const auto& p = a.portfolio;
  // At most 640 units wide, so that it fits an A4 portrait text column with labels of at least 7 pt.
  const double label_w = 250, col_w = std::max(40.0, 380.0 / std::max(1, p.frame.quarters)), row_h = 20, head = 30;
  const int n = p.frame.quarters;
  const double width = label_w + col_w * n + 10;
  const double height = head + row_h * static_cast<double>(p.measures.size()) + 40;
  std::string svg = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" )"
                                R"(font-family="DejaVu Sans, Arial, sans-serif" font-size="11">)",
                                width, height);
  svg += fmt::format(R"(<rect x="0" y="0" width="{}" height="{}" fill="#FFFFFF"/>)", width, height);
  for (int q = 0; q < n; ++q) {
    const double x = label_w + col_w * q;
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", x, head - 4, col_w,
                       row_h * static_cast<double>(p.measures.size()) + 4, q % 2 == 0 ? "#F3F6F8" : "#FFFFFF");
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#37474F">{}</text>)", x + col_w / 2, head - 10,
                       escape_xml(p.frame.label(q)));
  }
  double y = head;
  for (const auto& m : p.measures) {
    const std::string title = w.de ? m.title_de : m.title_en;
    const std::string label = m.town_wide || m.services.empty()
                                  ? short_name(title, 38)
                                  : short_name(title, 20) + " · " + short_name(service_name(a, m.services.front()), 16);
    svg += fmt::format(R"(<text x="4" y="{}" fill="#263238">{}</text>)", y + 14, escape_xml(label));
    if (m.first_quarter) {
      const double x0 = label_w + col_w * *m.first_quarter + 3, x1 = label_w + col_w * (*m.last_quarter + 1) - 3;
      svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>)", x0, y + 4, x1 - x0, row_h - 8,
                         priority_colour(m.priority));
    } else {
      svg += fmt::format(R"(<text x="{}" y="{}" fill="#78909C" font-style="italic">{}</text>)", label_w + 4, y + 14,
                         escape_xml(w("nach dem Planungszeitraum", "after the planning horizon")));
    }
    y += row_h;
  }
  const double ly = y + 24;
  double lx = 4;
  for (const auto pr : {analysis::Priority::hoch, analysis::Priority::mittel, analysis::Priority::niedrig}) {
    svg += fmt::format(R"(<rect x="{}" y="{}" width="14" height="10" rx="2" fill="{}"/>)", lx, ly - 9, priority_colour(pr));
    const std::string label = w("Priorität ", "Priority ") + priority_word(pr, w);
    svg += fmt::format(R"(<text x="{}" y="{}" fill="#37474F">{}</text>)", lx + 18, ly, escape_xml(label));
    lx += 30 + 6.5 * static_cast<double>(engine::utf8_length(label));
  }
  svg += "</svg>";
  Figure f;
  f.id = "fahrplan";
  f.caption = w("Fahrplan nach Quartalen (Balken: Einführung; Farbe: Priorität)", "Roadmap by quarter (bars: introduction; colour: priority)");
  f.svg = std::move(svg);
  f.width = width;
  f.height = height;
  return f;
}

Deck workshop_deck(const Agenda& a, const std::vector<const Report*>& reports, engine::Lang lang, const std::string& date) {
  const Words w(lang);
  const auto& p = a.portfolio;
  Deck deck;
  deck.meta = agenda_meta(a, lang, w("Workshop Digitale Agenda: ", "Workshop digital agenda: ") + a.town.name,
                          w("Medienbrüche, Maßnahmen und Fahrplan der Verwaltung", "Media breaks, measures and roadmap of the administration"),
                          date);
  {
    Slide s;
    s.title = w("Worum es geht", "What this is about");
    s.blocks.emplace_back(town_key_figures(a, w));
    s.blocks.emplace_back(Paragraph{doc::text(w("Zahlen aus den Prozessmodellen der Stadt und den Tabellen des Statistischen Bundesamts; "
                                                "Annahmen im Anhang der Agenda.",
                                                "Figures from the town's process models and the Federal Statistical Office's tables; "
                                                "assumptions in the agenda's annex.")),
                                    Paragraph::Tone::small});
    s.notes = w("Einstieg: Welche Leistungen wurden modelliert, wie viel Arbeitszeit steckt darin?",
                "Opening: which services were modelled, how much staff time do they take?");
    deck.slides.push_back(std::move(s));
  }
  {
    Slide s;
    s.title = w("Die Leistungen im Überblick", "The services at a glance");
    Table t;
    t.id = "leistungen";
    t.columns = {{w("Leistung", "Service"), "name"}, {w("Fälle/Jahr", "Cases/year"), "cases", true},
                 {w("Stunden/Jahr", "Hours/year"), "hours", true}, {w("Medienbrüche", "Media breaks"), "breaks", true},
                 {w("Stunden in Brüchen", "Hours in breaks"), "break_hours", true}};
    std::vector<const AgendaService*> list;
    for (const auto& x : a.services) list.push_back(&x);
    std::stable_sort(list.begin(), list.end(), [](const auto* x, const auto* y) { return x->hours_per_year > y->hours_per_year; });
    for (std::size_t i = 0; i < list.size() && i < 8; ++i) {
      const auto& x = *list[i];
      t.rows.push_back({text_cell(x.name), figure_cell(x.cases_per_year, Unit::count, 0), figure_cell(x.hours_per_year, Unit::hours, 0),
                        figure_cell(x.media_breaks, Unit::count, 0), figure_cell(x.media_break_hours_per_year, Unit::hours, 0)});
    }
    s.blocks.emplace_back(std::move(t));
    deck.slides.push_back(std::move(s));
  }
  // The services with the most hours in media breaks: their pictures with the breaks marked.
  std::vector<const AgendaService*> by_breaks;
  for (const auto& x : a.services) by_breaks.push_back(&x);
  std::stable_sort(by_breaks.begin(), by_breaks.end(),
                   [](const auto* x, const auto* y) { return x->media_break_hours_per_year > y->media_break_hours_per_year; });
  for (std::size_t i = 0; i < by_breaks.size() && i < 3; ++i) {
    const auto& x = *by_breaks[i];
    if (x.report < 0 || static_cast<std::size_t>(x.report) >= reports.size()) continue;
    const Document d = build_document(*reports[static_cast<std::size_t>(x.report)], lang);
    const auto figures = blocks_of<Figure>(d);
    Slide s;
    // One title line (about 50 characters at the title size): the service's short name and what the slide shows.
    s.title = short_name(x.name.substr(0, x.name.find(" (")), 36) + w(": Medienbrüche", ": media breaks");
    if (!figures.empty()) s.blocks.emplace_back(*figures.front());
    s.blocks.emplace_back(Paragraph{Inline{number(x.media_breaks, Unit::count, 0), plain(w(" Medienbrüche binden ", " media breaks take ")),
                                           number(x.media_break_hours_per_year, Unit::hours, 0),
                                           plain(w(" Stunden im Jahr (rote Marken im Bild).", " hours per year (red marks in the picture)."))}});
    s.notes = w("Im Bild die Nummern der Medienbrüche zeigen; die Tabelle dazu steht im Bericht der Leistung.",
                "Point to the numbered media breaks; the table is in the service's report.");
    deck.slides.push_back(std::move(s));
  }
  {
    Slide s;
    s.title = w("Wohin die Stunden gehen", "Where the hours go");
    Table t = hours_table(a, w, true);
    if (t.rows.size() > 8) t.rows.resize(8);
    t.total.reset();
    s.blocks.emplace_back(std::move(t));
    deck.slides.push_back(std::move(s));
  }
  {
    Slide s;
    s.title = w("Die wichtigsten Maßnahmen", "The most important measures");
    Table t;
    t.id = "massnahmen";
    t.columns = {{w("Maßnahme", "Measure"), "title"}, {w("Leist.", "Serv."), "services", true},
                 {w("Einmalig €", "One-off €"), "one_off", true}, {w("Ersparnis h/Jahr", "Saving h/year"), "hours", true},
                 {w("Ersparnis €/Jahr", "Saving €/year"), "eur", true}, {w("Priorität", "Priority"), "priority"}};
    std::vector<const analysis::TownMeasure*> top;
    for (const auto& m : p.measures) top.push_back(&m);
    std::stable_sort(top.begin(), top.end(), [](const auto* x, const auto* y) { return x->saved_eur_per_year > y->saved_eur_per_year; });
    for (std::size_t i = 0; i < top.size() && i < 6; ++i) {
      const auto& m = *top[i];
      t.rows.push_back({text_cell(measure_title(m, a, w)), figure_cell(static_cast<double>(m.services.size()), Unit::count, 0),
                        figure_cell(m.one_off_eur, Unit::eur, 0), figure_cell(m.saved_hours_per_year, Unit::hours, 0), figure_cell(m.saved_eur_per_year, Unit::eur, 0),
                        text_cell(priority_word(m.priority, w))});
    }
    s.blocks.emplace_back(std::move(t));
    deck.slides.push_back(std::move(s));
  }
  {
    Slide s;
    s.title = w("Vorher – nachher", "Before – after");
    double hours = 0, eur = 0;
    for (const auto& x : a.services) {
      hours += x.hours_per_year;
      eur += x.cost_per_year_eur;
    }
    KeyFigures k;
    k.figures.push_back({w("Stunden heute", "Hours today"), figure_cell(hours, Unit::hours, 0), w("im Jahr", "per year")});
    k.figures.push_back({w("Stunden nach dem Fahrplan", "Hours after the roadmap"), figure_cell(hours - p.planned_saved_hours_per_year, Unit::hours, 0),
                         w("im Jahr", "per year")});
    k.figures.push_back({w("Personalkosten heute", "Staff cost today"), figure_cell(eur, Unit::eur, 0), w("im Jahr", "per year")});
    k.figures.push_back({w("nach dem Fahrplan", "after the roadmap"), figure_cell(eur - p.planned_saved_eur_per_year, Unit::eur, 0), w("im Jahr", "per year")});
    s.blocks.emplace_back(std::move(k));
    s.blocks.emplace_back(Paragraph{doc::text(w("Einsparungen je Maßnahme in Paketreihenfolge: sie addieren sich ohne Doppelzählung.",
                                                "Savings per measure in package order: they add up without double counting.")),
                                    Paragraph::Tone::small});
    deck.slides.push_back(std::move(s));
  }
  {
    Slide s;
    s.title = w("Fahrplan", "Roadmap");
    s.blocks.emplace_back(fahrplan_figure(a, w));
    deck.slides.push_back(std::move(s));
  }
  {
    Slide s;
    s.title = w("Nächste Schritte", "Next steps");
    List l;
    l.items.push_back(doc::text(w("Federführung und Beteiligte je Maßnahme festlegen (Steckbriefe)", "Name a lead and those involved per measure (profiles)")));
    l.items.push_back(doc::text(w("Angebote einholen und Aufwände in der Stadtdatei ersetzen", "Get offers and replace the efforts in the town file")));
    l.items.push_back(doc::text(w("Ratsvorlage für den Fahrplan einbringen", "Table the council paper for the roadmap")));
    l.items.push_back(doc::text(w("Kennzahlen halbjährlich erheben und mit dem Digital-Lotsen besprechen",
                                  "Collect the indicators every six months and discuss them with the Digital-Lotse")));
    s.blocks.emplace_back(std::move(l));
    deck.slides.push_back(std::move(s));
  }
  return deck;
}

namespace {

Table comparison_table(const ServiceComparison& c, const Words& w) {
  Table t;
  t.id = "vergleich_" + c.service;
  t.caption = short_name(c.name.empty() ? c.service : c.name, 31);
  t.columns = {{w("Gemeinde", "Town"), "town"},
               {w("Einwohner", "Inhabitants"), "inhabitants", true},
               {w("Fälle/Jahr", "Cases/year"), "cases_per_year", true},
               {w("Minuten je Fall", "Minutes per case"), "minutes_per_case", true},
               {w("Stunden/Jahr", "Hours/year"), "hours_per_year", true},
               {w("Stunden je 1.000 Einw.", "Hours per 1,000 inh."), "hours_per_1000_inhabitants", true},
               {w("Fälle je 1.000 Einw.", "Cases per 1,000 inh."), "cases_per_1000_inhabitants", true},
               {w("Anteil Medienbrüche", "Share in media breaks"), "media_break_share", true},
               {w("Anteil Medienwechsel-Bausteine", "Share in Medienwechsel blocks"), "media_change_share", true}};
  for (const auto& r : c.towns) {
    t.rows.push_back({text_cell(r.town + (r.leanest ? w(" (schlankste)", " (leanest)") : "")),
                      r.inhabitants > 0 ? figure_cell(r.inhabitants, Unit::count, 0) : text_cell("–"), figure_cell(r.cases_per_year, Unit::count, 0),
                      figure_cell(r.minutes_per_case, Unit::minutes, 1), figure_cell(r.hours_per_year, Unit::hours, 1),
                      r.hours_per_1000_inhabitants ? figure_cell(*r.hours_per_1000_inhabitants, Unit::hours, 2) : text_cell("–"),
                      r.cases_per_1000_inhabitants ? figure_cell(*r.cases_per_1000_inhabitants, Unit::none, 2) : text_cell("–"),
                      figure_cell(r.media_break_share, Unit::percent, 1), figure_cell(r.media_change_share, Unit::percent, 1)});
  }
  return t;
}

Table category_table(const ServiceComparison& c, const Words& w) {
  Table t;
  t.id = "bausteine_" + c.service;
  t.caption = short_name(w("Bausteine ", "Blocks ") + c.service, 31);
  t.columns = {{w("Bausteinkategorie (Minuten je Fall)", "Block category (minutes per case)"), "category"}};
  for (const auto& r : c.towns) t.columns.push_back({r.town, r.town, true});
  std::set<std::string> cats;
  for (const auto& r : c.towns) {
    for (const auto& [cat, m] : r.minutes_by_category) cats.insert(cat);
  }
  for (const auto& cat : cats) {
    const bool differs = std::find(c.differing_categories.begin(), c.differing_categories.end(), cat) != c.differing_categories.end();
    std::vector<Cell> row{text_cell(std::string(category_name(cat, w.lang)) + (differs ? " *" : ""))};
    for (const auto& r : c.towns) {
      const auto it = r.minutes_by_category.find(cat);
      row.push_back(figure_cell(it == r.minutes_by_category.end() ? 0.0 : it->second, Unit::minutes, 1));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table task_table(const ServiceComparison& c, const Words& w) {
  Table t;
  t.id = "schritte_" + c.service;
  t.caption = short_name(w("Schritte ", "Steps ") + c.service, 31);
  t.columns = {{w("Arbeitsschritt, der sich unterscheidet (Minuten je Fall; 0 = fehlt)", "Step that differs (minutes per case; 0 = missing)"), "task"}};
  for (const auto& r : c.towns) t.columns.push_back({r.town, r.town, true});
  for (const auto& [name, key] : c.differing_tasks) {
    std::vector<Cell> row{text_cell(name)};
    for (const auto& r : c.towns) {
      const auto it = r.minutes_by_task.find(key);
      row.push_back(figure_cell(it == r.minutes_by_task.end() ? 0.0 : it->second, Unit::minutes, 1));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

void add_comparison(Document& d, const ServiceComparison& c, const Words& w, int level) {
  d.add(Heading{level, doc::text((c.name.empty() ? c.service : c.name) + " (" + c.service + ")"), "vergleich-" + c.service});
  d.add(comparison_table(c, w));
  for (const auto& r : c.towns) {
    if (!r.leanest) continue;
    d.add(Paragraph{Inline{plain(w("Schlankste Variante: ", "Leanest variant: ")), Span{r.town, Span::Style::strong, {}},
                           plain(w(" mit ", " with ")), number(r.minutes_per_case, Unit::minutes, 1), plain(w(" Minuten je Fall.", " minutes per case."))}});
  }
  if (!c.differing_categories.empty()) {
    std::string cats;
    for (const auto& x : c.differing_categories) cats += (cats.empty() ? "" : ", ") + std::string(category_name(x, w.lang));
    d.add(Paragraph{doc::text(w("Bausteine, in denen sich die Gemeinden unterscheiden (mehr als 10 % und 1 Minute je Fall): ",
                                "Block categories in which the towns differ (more than 10 % and 1 minute per case): ") + cats)});
  }
  const bool typed = std::any_of(c.towns.begin(), c.towns.end(), [](const TownServiceRow& r) {
    return std::any_of(r.minutes_by_category.begin(), r.minutes_by_category.end(), [](const auto& x) { return x.first != "none"; });
  });
  if (typed) d.add(category_table(c, w));  // Baustein types (PICTURE): otherwise every step is "ohne Bausteintyp"
  if (!c.differing_tasks.empty()) d.add(task_table(c, w));
}

} // namespace

Document comparison_document(const ServiceComparison& c, engine::Lang lang, const std::string& date) {
  const Words w(lang);
  Document d;
  d.meta.title = w("Vergleich der Gemeinden: ", "Comparison of towns: ") + (c.name.empty() ? c.service : c.name);
  d.meta.subtitle = w("Dieselbe Leistung in mehreren Gemeinden", "The same service in several towns");
  d.meta.date = date;
  d.meta.lang = lang;
  d.add(Heading{1, doc::text(d.meta.title), "titel"});
  add_comparison(d, c, w, 2);
  d.add(Paragraph{doc::text(w("Je 1.000 Einwohner: Stunden bzw. Fälle im Jahr geteilt durch die Einwohnerzahl der Stadtdatei mal 1.000. "
                              "Anteil Medienbrüche: Stunden an Medienbrüchen geteilt durch die Stunden der Leistung.",
                              "Per 1,000 inhabitants: hours or cases per year divided by the town file's inhabitants times 1,000. Share in "
                              "media breaks: hours at media breaks divided by the service's hours.")),
                  Paragraph::Tone::small});
  return d;
}

Document comparison_index(const std::vector<ServiceComparison>& all, const std::vector<const Agenda*>& agendas, bool anonymise,
                          engine::Lang lang, const std::string& date) {
  const Words w(lang);
  Document d;
  d.meta.title = w("Vergleich der Gemeinden", "Comparison of towns");
  d.meta.subtitle = w("Alle Leistungen, die mindestens zwei Gemeinden modelliert haben", "Every service modelled by at least two towns");
  d.meta.date = date;
  d.meta.lang = lang;
  d.add(Heading{1, doc::text(d.meta.title), "titel"});
  Table towns;
  towns.id = "gemeinden";
  towns.caption = w("Gemeinden", "Towns");
  towns.columns = {{w("Gemeinde", "Town"), "town"}, {w("Einwohner", "Inhabitants"), "inhabitants", true},
                   {w("Leistungen", "Services"), "services", true}, {w("Stunden/Jahr", "Hours/year"), "hours", true},
                   {w("Medienbrüche", "Media breaks"), "breaks", true}};
  for (std::size_t i = 0; i < agendas.size(); ++i) {
    const Agenda& a = *agendas[i];
    double hours = 0;
    int breaks = 0;
    for (const auto& s : a.services) {
      hours += s.hours_per_year;
      breaks += s.media_breaks;
    }
    const std::string name = anonymise ? anonymous_town(i) : a.town.name;
    towns.rows.push_back({text_cell(name), a.town.inhabitants > 0 ? figure_cell(a.town.inhabitants, Unit::count, 0) : text_cell("–"),
                          figure_cell(static_cast<double>(a.services.size()), Unit::count, 0), figure_cell(hours, Unit::hours, 0), figure_cell(breaks, Unit::count, 0)});
  }
  d.add(towns);
  if (all.empty()) {
    d.add(Paragraph{doc::text(w("Keine Leistung kommt in zwei Gemeinden vor (Leistungen werden über den Dateinamen zugeordnet).",
                                "No service occurs in two towns (services are matched by file name).")),
                    Paragraph::Tone::remark});
  }
  for (const auto& c : all) add_comparison(d, c, w, 2);
  return d;
}

} // namespace lotse::reports
