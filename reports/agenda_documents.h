// SPDX-License-Identifier: MIT
// Inside the town-portfolio documents (reports/agenda_documents.cpp, reports/agenda_deck.cpp): the
// words in both languages and the tables and blocks the chapter, the workbook, the Ratsvorlage and the
// workshop deck share.
#pragma once

#include "reports/agenda_report.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports {

/// German or English, chosen once: w("Leistungen", "Services").
struct Words {
  explicit Words(engine::Lang l);
  engine::Lang lang;
  bool de;
  [[nodiscard]] std::string operator()(std::string_view de_text, std::string_view en_text) const {
    return std::string(de ? de_text : en_text);
  }
};

/// A plain span of text.
[[nodiscard]] inline doc::Span plain(std::string s) { return doc::Span{std::move(s), doc::Span::Style::plain, {}}; }
/// A typed figure as the emitters show it ("1.234 €", "60 %").
[[nodiscard]] std::string figure_text(double v, doc::Unit u, int decimals, engine::Lang lang);
[[nodiscard]] doc::Meta agenda_meta(const Agenda& a, engine::Lang lang, const std::string& title, const std::string& subtitle,
                                    const std::string& date);
/// "2027-Q2", "2027-Q2 – 2027-Q4", or "nach dem Planungszeitraum".
[[nodiscard]] std::string quarter_span(const analysis::Portfolio& p, const analysis::TownMeasure& m, const Words& w);
/// The measure's title; a per-service measure adds its service's name.
[[nodiscard]] std::string measure_title(const analysis::TownMeasure& m, const Agenda& a, const Words& w);
[[nodiscard]] std::string service_name(const Agenda& a, const std::string& key);
[[nodiscard]] std::string priority_word(analysis::Priority p, const Words& w);
/// A number cell (with its source, shown as a comment or footnote).
[[nodiscard]] doc::Cell figure_cell(double v, doc::Unit u, int decimals, std::string source = {});
/// A total cell that the XLSX emitter writes as a SUM over the column `key`.
[[nodiscard]] doc::Cell total_cell(double v, doc::Unit u, int decimals, const std::string& key);
/// The sum of one figure over all services.
[[nodiscard]] double sum_services(const Agenda& a, double AgendaService::*field);
/// A text cell with one line per item ("–" when empty).
[[nodiscard]] doc::Cell cell_lines(const std::vector<std::string>& items, const Words& w);
/// A text cell from an inline (empty spans dropped).
[[nodiscard]] doc::Cell cell_inline(doc::Inline in);

[[nodiscard]] doc::KeyFigures town_key_figures(const Agenda& a, const Words& w);
/// The services; the chapter (`workbook` false) leaves out the file column.
[[nodiscard]] doc::Table services_table(const Agenda& a, const Words& w, bool workbook);
/// `t` with only the columns of `keys`, in that order (rows and total alike).
[[nodiscard]] doc::Table only_columns(doc::Table t, const std::vector<std::string>& keys);
/// `s` cut to `n` characters with "…".
[[nodiscard]] std::string short_name(const std::string& s, std::size_t n);
/// Hours across all services by Baustein category (or by Stelle), largest first.
[[nodiscard]] doc::Table hours_table(const Agenda& a, const Words& w, bool by_category);
/// The measures; `workbook` adds uptake and savings at 100 % with the savings as formulas.
[[nodiscard]] doc::Table measures_table(const Agenda& a, const Words& w, bool workbook);
[[nodiscard]] doc::Table fahrplan_table(const Agenda& a, const Words& w);
/// The Fahrplan as a bar chart by quarter (SVG).
[[nodiscard]] doc::Figure fahrplan_figure(const Agenda& a, const Words& w);
[[nodiscard]] std::vector<std::string> assumptions(const Agenda& a, const Words& w);
void add_goals(doc::Document& d, const Agenda& a, const Words& w);
void add_steckbriefe(doc::Document& d, const Agenda& a, const Words& w, bool page_per_measure);

} // namespace lotse::reports
