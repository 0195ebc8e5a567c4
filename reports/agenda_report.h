// SPDX-License-Identifier: MIT
// The town portfolio and across-town comparison (issue #11): `lotse agenda`, `lotse workshop` and
// `lotse compare` gather the analyze reports of a town's models (reports::Report, the same figures
// `lotse analyze` prints) into an Agenda; analysis::build_portfolio merges and plans the measures.
// Documents for people (the Agenda chapter, the Ratsvorlage, the Steckbriefe, the portfolio workbook,
// the workshop deck, the comparison) are doc::Documents that the emitters render.
#pragma once

#include "analysis/portfolio.h"
#include "reports/analysis_report.h"
#include "reports/document.h"
#include "reports/slides.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lotse::reports {

/// The town file (JSON): who the town is and its planning frame. Every key is optional; `defaulted`
/// lists the keys that took their default (shown as assumptions).
struct Town {
  std::string name = "Gemeinde";
  std::string landkreis, contact, note;
  double inhabitants = 0;                ///< 0 = unknown (no per-1,000 figures)
  std::string file;                      ///< the town file, empty when none was given
  analysis::PlanFrame frame;
  std::vector<std::string> defaulted;
};

/// Reads a town file's JSON text; throws std::runtime_error with a German message naming the key.
[[nodiscard]] Town parse_town(const std::string& json_text, const std::string& file);

/// One service of the town: one process of one model file, with the figures of its analyze report.
struct AgendaService {
  std::string key;                       ///< "hundesteuer.bpmn", or "file#process" for a file with several processes
  std::string file, process_id, name;
  double cases_per_year = 0, minutes_per_case = 0, hours_per_year = 0, fte = 0, cost_per_year_eur = 0;
  int media_breaks = 0;
  double media_break_hours_per_year = 0;
  double media_change_share = 0;         ///< PICTURE Medienwechsel blocks: share of minutes (0..1)
  int ozg_level_today = 0;               ///< highest OZG level of the catalogue measures already in place
  std::vector<std::string> in_place;     ///< those measures' ids
  std::map<std::string, double> hours_by_category;  ///< Baustein category id -> hours per year
  std::map<std::string, double> hours_by_stelle;
  std::vector<std::pair<std::string, double>> minutes_by_task;  ///< task name -> minutes per case, model order
  double saved_hours_per_year = 0, saved_eur_per_year = 0;  ///< its package
  std::vector<std::string> measure_ids;  ///< its package, in order
  std::vector<std::string> measure_titles_de, measure_titles_en;
  int report = -1;                       ///< index of the Report it came from
  int process = -1;                      ///< index of the process in that Report
};

struct Agenda {
  Town town;
  std::vector<AgendaService> services;
  analysis::Portfolio portfolio;
  std::vector<std::string> files;        ///< model files read (shown names)
  std::vector<std::string> failed;       ///< model files that could not be read (shown names)
  double hours_per_fte = 1600;
  double default_uptake = 0.6;
  std::string uptake_source;
  std::map<std::string, double> uptake_of;  ///< measure id -> rate used (citizen-facing measures)
  std::map<std::string, std::pair<std::string, std::string>> description;  ///< catalogue id -> (de, en)
  std::map<std::string, std::string> effort_source;  ///< catalogue id -> where the effort figures come from
};

/// Gathers the reports of one town; `catalogue` is the data set's (with the town's values applied).
[[nodiscard]] Agenda build_agenda(const std::vector<const Report*>& reports, const Town& town,
                                  const analysis::Catalogue& catalogue);

/// `lotse agenda --format json` (docs/schema/agenda.schema.json): town, services, measures, totals.
inline constexpr const char* agenda_schema_version = "1.0";
[[nodiscard]] nlohmann::ordered_json agenda_json(const Agenda& a, engine::Lang lang);

/// The chapter "Verwaltung" of the Digitale Agenda: Ausgangslage, Ziele, Handlungsfeld, Maßnahmen,
/// Fahrplan, one Steckbrief per measure, Annahmen.
[[nodiscard]] doc::Document agenda_document(const Agenda& a, engine::Lang lang, const std::string& date = {});
/// The portfolio workbook: sheets Leistungen, Maßnahmen, Fahrplan, Annahmen (totals and savings as formulas).
[[nodiscard]] doc::Document portfolio_workbook(const Agenda& a, engine::Lang lang, const std::string& date = {});
/// The Ratsvorlage: a two-page decision paper (Sachverhalt, Beschlussvorschlag, Kosten, Nutzen, Fahrplan).
[[nodiscard]] doc::Document ratsvorlage(const Agenda& a, engine::Lang lang, const std::string& date = {});
/// The Maßnahmensteckbriefe alone, one per page (workshop handouts).
[[nodiscard]] doc::Document steckbriefe(const Agenda& a, engine::Lang lang, const std::string& date = {});
/// The workshop deck: town and key figures, one slide per service with its picture and breaks, top
/// measures, before/after, Fahrplan, next steps. `reports` are those of build_agenda (for the pictures).
[[nodiscard]] doc::Deck workshop_deck(const Agenda& a, const std::vector<const Report*>& reports, engine::Lang lang,
                                      const std::string& date = {});

/// One town's figures for one service (`lotse compare`).
struct TownServiceRow {
  std::string town;                      ///< name, or "Gemeinde A" when anonymised
  double inhabitants = 0;
  std::string file;
  double cases_per_year = 0, minutes_per_case = 0, hours_per_year = 0, cost_per_year_eur = 0;
  std::optional<double> hours_per_1000_inhabitants, cases_per_1000_inhabitants;
  double media_break_share = 0;          ///< hours in media breaks / hours
  double media_change_share = 0;         ///< PICTURE Medienwechsel blocks: share of minutes
  int media_breaks = 0;
  std::map<std::string, double> minutes_by_category;  ///< Baustein category -> minutes per case
  std::map<std::string, double> minutes_by_task;      ///< folded task name -> minutes per case
  bool leanest = false;                  ///< fewest minutes per case among the towns
};

struct ServiceComparison {
  std::string service;                   ///< file stem the towns share, e.g. "hundesteuer"
  std::string name;                      ///< process name of the first town's model
  std::vector<TownServiceRow> towns;
  std::vector<std::string> differing_categories;  ///< categories whose minutes per case differ by > 10 % and 1 min
  /// Work steps (matched by name, case and umlaut spelling aside) whose minutes per case differ by more
  /// than 10 % and 1 minute between the towns, or that only some towns have: (shown name, folded key).
  std::vector<std::pair<std::string, std::string>> differing_tasks;
};

/// "Gemeinde A", "Gemeinde B", ..., "Gemeinde Z", "Gemeinde AA", ... for the town at `index` (0-based).
[[nodiscard]] std::string anonymous_town(std::size_t index);

/// Matches services across towns by file stem; one comparison per stem present in at least two towns.
/// `agendas` in the order given; `anonymise` replaces town names by "Gemeinde A", "B", ... in that order.
[[nodiscard]] std::vector<ServiceComparison> compare_towns(const std::vector<const Agenda*>& agendas, bool anonymise);

inline constexpr const char* compare_schema_version = "1.0";
/// `lotse compare --format json` for one service: {schema_version, service, name, towns[]}.
[[nodiscard]] nlohmann::ordered_json comparison_json(const ServiceComparison& c);
/// The comparison of one service as a document (table, Bausteine that differ, the leanest variant).
[[nodiscard]] doc::Document comparison_document(const ServiceComparison& c, engine::Lang lang, const std::string& date = {});
/// The Lotse's index: every service in every town, one table per service and a table of towns.
[[nodiscard]] doc::Document comparison_index(const std::vector<ServiceComparison>& all, const std::vector<const Agenda*>& agendas,
                                             bool anonymise, engine::Lang lang, const std::string& date = {});

} // namespace lotse::reports
