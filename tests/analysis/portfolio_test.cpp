// SPDX-License-Identifier: MIT
// analysis/portfolio: merging the services' packages (town-wide measures once, per-service measures per
// service, prerequisites mapped) and the Fahrplan's list scheduling, checked against schedules worked
// out by hand.
#include "analysis/portfolio.h"

#include <catch2/catch.hpp>

using namespace lotse::analysis;

namespace {

Measure catalogue_measure(const std::string& id, bool town_wide, double one_off, double days, double further_one_off = 0,
                          double further_days = 0, std::vector<std::string> requires_ids = {}) {
  Measure m;
  m.id = id;
  m.town_wide = town_wide;
  m.effort.one_off_eur = one_off;
  m.effort.staff_days = days;
  m.effort.running_eur_per_year = 100;
  m.further_service.one_off_eur = further_one_off;
  m.further_service.staff_days = further_days;
  m.requires_ids = std::move(requires_ids);
  return m;
}

ServiceMeasure service_measure(const std::string& id, double hours, double eur, std::vector<std::string> requires_ids = {}) {
  ServiceMeasure s;
  s.id = id;
  s.title_de = id;
  s.saved_hours_per_year = hours;
  s.saved_eur_per_year = eur;
  s.requires_ids = std::move(requires_ids);
  return s;
}

TownMeasure plan_item(const std::string& id, double one_off, double running, double days, double net, std::vector<std::string> req = {}) {
  TownMeasure m;
  m.id = m.measure_id = id;
  m.one_off_eur = one_off;
  m.running_eur_per_year = running;
  m.staff_days = days;
  m.net_benefit_eur_per_year = net;
  m.requires_ids = std::move(req);
  return m;
}

const TownMeasure& find(const Portfolio& p, const std::string& id) {
  for (const auto& m : p.measures) {
    if (m.id == id) return m;
  }
  FAIL("no measure " << id);
  return p.measures.front();
}

} // namespace

TEST_CASE("portfolio: a town-wide measure once, per-service measures per service, savings summed", "[portfolio]") {
  Catalogue c;
  c.measures = {catalogue_measure("online_application", true, 3000, 10, 500, 2),
                catalogue_measure("form_validation", false, 1000, 3, 0, 0, {"online_application"})};
  ServiceInput a{"a.bpmn", 100, 4000, {service_measure("online_application", 10, 400), service_measure("form_validation", 1, 40, {"online_application"})}};
  ServiceInput b{"b.bpmn", 50, 2000, {service_measure("online_application", 5, 200)}};
  ServiceInput d{"d.bpmn", 50, 2000, {service_measure("online_application", 2, 80), service_measure("form_validation", 1, 40, {"online_application"})}};
  const Portfolio p = build_portfolio({a, b, d}, PortfolioInput{c, PlanFrame{}, 8.0});
  REQUIRE(p.measures.size() == 3);
  const auto& online = find(p, "online_application");
  CHECK(online.town_wide);
  CHECK(online.services == std::vector<std::string>{"a.bpmn", "b.bpmn", "d.bpmn"});
  CHECK(online.one_off_eur == Approx(3000 + 2 * 500));  // once, plus two further services
  CHECK(online.staff_days == Approx(10 + 2 * 2));
  CHECK(online.running_eur_per_year == Approx(100));
  CHECK(online.saved_eur_per_year == Approx(680));
  CHECK(online.net_benefit_eur_per_year == Approx(580));
  // Staff days valued at the served services' mean rate: 8000 EUR / 200 h = 40 EUR/h, 8 h a day.
  CHECK(online.staff_cost_eur == Approx(14 * 8 * 40));
  CHECK(online.payback_years.value() == Approx((4000 + 14 * 8 * 40) / 580.0));
  const auto& fa = find(p, "form_validation@a.bpmn");
  CHECK_FALSE(fa.town_wide);
  CHECK(fa.one_off_eur == Approx(1000));
  CHECK(fa.requires_ids == std::vector<std::string>{"online_application"});
  CHECK(find(p, "form_validation@d.bpmn").services == std::vector<std::string>{"d.bpmn"});
  CHECK(p.saved_eur_per_year == Approx(400 + 40 + 200 + 80 + 40));
  CHECK(p.one_off_eur == Approx(4000 + 1000 + 1000));
}

TEST_CASE("schedule: prerequisites, yearly budget, running costs and staff days by hand", "[portfolio]") {
  Portfolio p;
  p.frame.budget_eur_per_year = 4000;
  p.frame.staff_days_per_quarter = 10;
  p.frame.start_year = 2027;
  p.frame.start_quarter = 1;
  p.frame.quarters = 8;
  p.measures = {plan_item("A", 3000, 0, 15, 100), plan_item("B", 500, 0, 2, 1000, {"A"}), plan_item("C", 2000, 400, 3, 500)};
  schedule(p);
  // Ready at first: A (net 100) and C (net 500): C goes first, at 2027-Q1 (2,000 EUR, 3 days). Its
  // running cost is charged from 2027-Q2: 3 x 100 in 2027, 4 x 100 in 2028. A (3,000 EUR) no longer
  // fits 2027 (4,000 - 2,300 = 1,700 left): 2028-Q1, 15 days = 10 in Q1 + 5 in Q2. B needs A: from
  // 2028-Q3, 500 EUR of the 600 left in 2028.
  const auto& a = find(p, "A");
  const auto& b = find(p, "B");
  const auto& c = find(p, "C");
  CHECK(c.first_quarter == 0);
  CHECK(c.last_quarter == 0);
  CHECK(a.first_quarter == 4);
  CHECK(a.last_quarter == 5);
  CHECK(b.first_quarter == 6);
  CHECK(b.last_quarter == 6);
  CHECK(p.budget_used_by_year.at(2027) == Approx(2300));
  CHECK(p.budget_used_by_year.at(2028) == Approx(400 + 3000 + 500));
  CHECK(p.quarters[4].staff_days == Approx(10));
  CHECK(p.quarters[5].staff_days == Approx(5));
  CHECK(p.quarters[1].running_eur == Approx(100));
  CHECK(p.frame.label(4) == "2028-Q1");
  CHECK(p.measures.front().id == "C");  // Fahrplan order: by starting quarter

  // Four quarters only: A does not fit 2027 and B goes after the horizon with it.
  p.frame.quarters = 4;
  schedule(p);
  CHECK_FALSE(find(p, "A").first_quarter.has_value());
  CHECK_FALSE(find(p, "B").first_quarter.has_value());
  CHECK(find(p, "C").first_quarter == 0);
}

TEST_CASE("schedule: a measure larger than a quarter's staff days spreads over quarters", "[portfolio]") {
  Portfolio p;
  p.frame.budget_eur_per_year = 100000;
  p.frame.staff_days_per_quarter = 20;
  p.frame.quarters = 8;
  p.measures = {plan_item("efile", 15000, 2500, 45, 1000), plan_item("scan", 4000, 500, 8, 800, {"efile"})};
  schedule(p);
  CHECK(find(p, "efile").first_quarter == 0);
  CHECK(find(p, "efile").last_quarter == 2);  // 20 + 20 + 5 days
  CHECK(p.quarters[2].staff_days == Approx(5));
  CHECK(find(p, "scan").first_quarter == 3);
}

TEST_CASE("parse_quarter accepts 2027-Q1 and Q1/2027", "[portfolio]") {
  CHECK(parse_quarter("2027-Q3") == std::make_pair(2027, 3));
  CHECK(parse_quarter("2027-q1") == std::make_pair(2027, 1));
  CHECK(parse_quarter("Q4/2028") == std::make_pair(2028, 4));
  CHECK_FALSE(parse_quarter("2027-Q5").has_value());
  CHECK_FALSE(parse_quarter("2027").has_value());
  PlanFrame f;
  f.start_year = 2027;
  f.start_quarter = 3;
  CHECK(f.label(0) == "2027-Q3");
  CHECK(f.label(2) == "2028-Q1");
  CHECK(f.year_of(2) == 2028);
}
