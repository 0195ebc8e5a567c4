// SPDX-License-Identifier: MIT
// The town portfolio (issue #11): the measure packages of all services of one town merged into one
// list of town measures, and a Fahrplan by quarter within the town's budget and staff days.
//
// - A town-wide measure (catalogue scope "town": ePayBL, e-file, Servicekonto postbox, Amt24 forms)
//   appears once: its effort counted once plus `further_service` for every further service it serves,
//   its savings summed over the services. A per-service measure stays one measure per service.
// - The savings of a service are the MARGINAL savings of its package (analysis/package.h), so they add
//   up within the service; summed over services they add up for the town (no saving counted twice).
// - Fahrplan: list scheduling. Among the measures whose prerequisites are planned, the one with the
//   largest net benefit goes first, at the earliest quarter after its prerequisites end where its
//   one-off cost fits the year's remaining budget, its running cost fits every later year's budget,
//   and its staff days fit the quarters' remaining staff days (consumed from its first quarter on, so a
//   30-day e-file spreads over several quarters). What does not fit within the planning horizon, and
//   everything that needs it, is "after the planning horizon" (no quarter).
// Plain numbers only: the words are the report's (reports/agenda_report.cpp).
#pragma once

#include "analysis/suggestions.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lotse::analysis {

/// The town's planning frame (town file: budget_eur_per_year, staff_days_per_quarter, start_quarter,
/// quarters). Defaults are stated in the report's assumptions.
struct PlanFrame {
  double budget_eur_per_year = 20000;
  double staff_days_per_quarter = 15;
  int start_year = 2027;
  int start_quarter = 1;                 ///< 1..4
  int quarters = 8;
  /// "2027-Q1" for quarter index 0.
  [[nodiscard]] std::string label(int index) const;
  /// Calendar year of quarter index `index`.
  [[nodiscard]] int year_of(int index) const;
};

/// Parses "2027-Q1" (also "2027-q1", "Q1/2027"); nullopt when it is none of these.
[[nodiscard]] std::optional<std::pair<int, int>> parse_quarter(const std::string& s);

/// One measure of one service, as its package computed it.
struct ServiceMeasure {
  std::string id;                        ///< catalogue id
  std::string title_de, title_en, component;
  int ozg_level = 0;
  double saved_hours_per_year = 0;       ///< marginal in the service's package
  double saved_eur_per_year = 0;
  double saved_citizen_hours_per_year = 0;
  double uptake = 1.0;
  bool citizen_facing = false;
  std::vector<std::string> requires_ids;
};

/// One service of the town (one process of one model file).
struct ServiceInput {
  std::string key;                       ///< unique in the town: "hundesteuer.bpmn" or "file.bpmn#Process_1"
  double hours_per_year = 0;
  double cost_per_year_eur = 0;
  std::vector<ServiceMeasure> measures;  ///< package order
};

/// A measure of the town portfolio.
struct TownMeasure {
  std::string id;                        ///< catalogue id (town-wide) or "id@service key" (per service)
  std::string measure_id;                ///< catalogue id
  bool town_wide = false;
  std::string title_de, title_en, component;
  int ozg_level = 0;
  std::vector<std::string> services;     ///< service keys, town order
  double one_off_eur = 0, running_eur_per_year = 0, staff_days = 0;
  double staff_cost_eur = 0;             ///< staff days x hours per staff day x the services' mean rate
  double saved_hours_per_year = 0, saved_eur_per_year = 0, saved_citizen_hours_per_year = 0;
  double net_benefit_eur_per_year = 0;   ///< saved € - running €
  std::optional<double> payback_years;   ///< (one-off + staff cost) / net benefit; none when net <= 0
  Priority priority = Priority::niedrig;
  std::vector<std::string> requires_ids; ///< TownMeasure ids planned in this portfolio
  std::string effort_source;
  bool effort_assumption = true;
  bool effort_from_town = false;
  std::optional<int> first_quarter, last_quarter;  ///< indices into the plan; none = after the horizon
  int order = 0;                         ///< 1-based position in the Fahrplan (scheduling order)
};

/// Spending of one quarter of the Fahrplan.
struct QuarterLoad {
  std::string label;
  double one_off_eur = 0;                ///< one-off costs of measures starting in the quarter
  double running_eur = 0;                ///< running costs charged to the quarter (a quarter of a year's)
  double staff_days = 0;
  std::vector<std::string> starting;     ///< TownMeasure ids
};

struct Portfolio {
  PlanFrame frame;
  std::vector<TownMeasure> measures;     ///< Fahrplan order; measures after the horizon last
  std::vector<QuarterLoad> quarters;
  std::map<int, double> budget_used_by_year;  ///< one-off + running costs charged to each year
  double saved_hours_per_year = 0, saved_eur_per_year = 0;        ///< all measures
  double planned_saved_hours_per_year = 0, planned_saved_eur_per_year = 0;  ///< measures within the horizon
  double one_off_eur = 0, running_eur_per_year = 0, staff_days = 0;
  double hours_per_staff_day = 8;
};

/// Catalogue facts the merge needs: scope and effort per measure (with a town's overrides applied).
struct PortfolioInput {
  const Catalogue& catalogue;
  PlanFrame frame;
  double hours_per_staff_day = 8;        ///< hours per FTE / 200 working days
};

/// Merges the services' packages and plans them.
[[nodiscard]] Portfolio build_portfolio(const std::vector<ServiceInput>& services, const PortfolioInput& in);

/// The Fahrplan alone (exposed for tests): fills first/last quarter, order and the quarter loads of
/// `p.measures` from `p.frame`; measures keep their figures.
void schedule(Portfolio& p);

} // namespace lotse::analysis
