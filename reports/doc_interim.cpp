// SPDX-License-Identifier: MIT
#include "reports/doc_interim.h"

#include "reports/texts.h"

namespace lotse::reports {
namespace {

using doc::Cell;
using doc::Unit;

doc::Column col(std::string_view header, std::string key, bool numeric) {
  return doc::Column{std::string(header), std::move(key), numeric};
}

Cell total_of(double v, Unit u, int decimals, std::string key) {
  Cell c = doc::number_cell(v, u, decimals);
  c.formula_key = std::move(key);
  return c;
}

doc::KeyFigures key_figures(const Report& r, const Texts& t) {
  doc::KeyFigures k;
  double cases = 0, minutes = 0, hours = 0, fte = 0, cost = 0;
  for (const auto& p : r.processes) {
    cases = std::max(cases, p.cases_per_year);
    minutes += p.minutes_per_case;
    hours += p.hours_per_year;
    fte += p.fte;
    cost += p.cost_per_year_eur;
  }
  k.figures.push_back({std::string(t.card_cases), doc::number_cell(cases, Unit::count, 0), {}});
  k.figures.push_back({std::string(t.card_minutes), doc::number_cell(minutes, Unit::minutes, 1), {}});
  k.figures.push_back({std::string(t.card_hours), doc::number_cell(hours, Unit::hours, 1), {}});
  k.figures.push_back({std::string(t.card_fte), doc::number_cell(fte, Unit::fte, 2), {}});
  k.figures.push_back({std::string(t.card_cost), doc::number_cell(cost, Unit::eur, 0), {}});
  k.figures.push_back({std::string(t.card_media),
                       doc::number_cell(static_cast<double>(r.media_breaks.size()), Unit::count, 0), {}});
  return k;
}

doc::Table media_table(const Report& r, const Texts& t, engine::Lang lang) {
  doc::Table tb;
  tb.id = "media_breaks";
  tb.caption = std::string(t.h_media_breaks.substr(t.h_media_breaks.find(' ') + 1));
  tb.columns = {col(t.col_nr, "nr", true), col(t.col_node, "node", false), col(t.col_kind, "kind", false),
                col(t.col_share, "share", true), col(t.col_minutes_year, "minutes_per_year", true),
                col(t.col_location, "location", false)};
  double sum = 0;
  for (const auto& b : r.media_breaks) {
    tb.rows.push_back({doc::number_cell(b.number, Unit::count, 0), doc::text_cell(b.node_name),
                       doc::text_cell(pick(lang, b.kind_de, b.kind_en)), doc::number_cell(b.share, Unit::percent, 0),
                       doc::number_cell(b.minutes_per_year, Unit::minutes, 1),
                       doc::text_cell(r.file + ":" + std::to_string(b.at.line))});
    tb.row_ids.push_back("break-" + std::to_string(b.number));
    sum += b.minutes_per_year;
  }
  tb.total = std::vector<Cell>{doc::empty_cell(), doc::text_cell(std::string(lang == engine::Lang::de ? "Summe" : "Total")),
                               doc::empty_cell(), doc::empty_cell(), total_of(sum, Unit::minutes, 1, "minutes_per_year"),
                               doc::empty_cell()};
  return tb;
}

doc::Table stellen_table(const Report& r, const Texts& t, engine::Lang lang) {
  doc::Table tb;
  tb.id = "stellen";
  tb.caption = std::string(t.h_per_stelle);
  tb.columns = {col(t.col_stelle, "stelle", false), col(t.col_hours_year, "hours_per_year", true),
                col(t.col_fte, "fte", true), col(t.col_cost_year, "cost_per_year", true)};
  double h = 0, f = 0, c = 0;
  for (const auto& p : r.processes) {
    for (const auto& s : p.stellen) {
      tb.rows.push_back({doc::text_cell(s.name.empty() ? std::string(t.wl_no_stelle) : s.name),
                         doc::number_cell(s.hours_per_year, Unit::hours, 1), doc::number_cell(s.fte, Unit::fte, 2),
                         doc::number_cell(s.cost_per_year_eur, Unit::eur, 0)});
      h += s.hours_per_year;
      f += s.fte;
      c += s.cost_per_year_eur;
    }
  }
  tb.total = std::vector<Cell>{doc::text_cell(lang == engine::Lang::de ? "Summe" : "Total"),
                               total_of(h, Unit::hours, 1, "hours_per_year"), total_of(f, Unit::fte, 2, "fte"),
                               total_of(c, Unit::eur, 0, "cost_per_year")};
  return tb;
}

doc::Table measures_table(const Report& r, const Texts& t, engine::Lang lang) {
  doc::Table tb;
  tb.id = "measures";
  tb.caption = std::string(t.h_measures.substr(t.h_measures.find(' ') + 1));
  tb.columns = {col(t.col_rank, "rank", true), col(t.col_measure, "measure", false),
                col(t.col_saved_hours, "saved_hours_per_year", true), col(t.col_saved_eur, "saved_eur_per_year", true),
                col(t.col_component, "component", false)};
  double h = 0, e = 0;
  for (const auto& m : r.measures) {
    tb.rows.push_back({doc::number_cell(m.rank, Unit::count, 0), doc::text_cell(pick(lang, m.title_de, m.title_en)),
                       doc::number_cell(m.saved_hours_per_year, Unit::hours, 1),
                       doc::number_cell(m.saved_eur_per_year, Unit::eur, 0), doc::text_cell(m.component)});
    h += m.saved_hours_per_year;
    e += m.saved_eur_per_year;
  }
  tb.total = std::vector<Cell>{doc::empty_cell(), doc::text_cell(lang == engine::Lang::de ? "Summe" : "Total"),
                               total_of(h, Unit::hours, 1, "saved_hours_per_year"),
                               total_of(e, Unit::eur, 0, "saved_eur_per_year"), doc::empty_cell()};
  return tb;
}

} // namespace

doc::Document interim_document(const Report& r, engine::Lang lang) {
  const Texts& t = texts(lang);
  doc::Document d;
  d.meta.title = r.title();
  d.meta.source_file = r.file;
  d.meta.lang = lang;
  d.add(doc::Heading{1, doc::text(r.title()), "top"});
  d.add(doc::Paragraph{doc::text(r.file + " (" + format_name(r.format, lang) + ")")});
  d.add(doc::Heading{2, doc::text(std::string(t.h_summary)), "summary"});
  d.add(key_figures(r, t));
  d.add(doc::Heading{2, doc::text(std::string(t.h_media_breaks)), "media-breaks"});
  if (!r.diagram.empty()) {
    d.add(doc::Figure{"diagram", std::string(t.h_diagram), render_svg(r.diagram, lang), r.diagram.width, r.diagram.height});
  }
  d.add(media_table(r, t, lang));
  d.add(doc::Heading{2, doc::text(std::string(t.h_workload)), "workload"});
  d.add(doc::Heading{3, doc::text(std::string(t.h_per_stelle)), "stellen"});
  d.add(stellen_table(r, t, lang));
  d.add(doc::Heading{2, doc::text(std::string(t.h_measures)), "measures"});
  d.add(measures_table(r, t, lang));
  d.add(doc::Heading{2, doc::text(std::string(t.h_assumptions)), "assumptions"});
  doc::List assumptions;
  for (const auto& a : r.assumptions) assumptions.items.push_back(doc::text(pick(lang, a.text_de, a.text_en)));
  d.add(std::move(assumptions));
  return d;
}

} // namespace lotse::reports
