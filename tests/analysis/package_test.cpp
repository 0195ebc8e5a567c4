// SPDX-License-Identifier: MIT
// The measure package (issue #9): marginal savings in package order add up to baseline minus the
// fully edited model on every sample, and never exceed the modelled digital twin.
#include "analysis/package.h"
#include "analysis/suggestions.h"
#include "analysis/workload.h"
#include "importers/importer.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

using namespace lotse;

namespace {

struct Run {
  double hours_before = 0, hours_after = 0, eur_before = 0, eur_after = 0, sum_hours = 0, sum_eur = 0;
  analysis::SuggestionResult result;
};

Run run(const std::string& file) {
  auto imported = importers::import_file(file);
  REQUIRE(imported.model);
  engine::AnalysisContext ctx(*imported.model);
  Run out;
  out.result = ctx.get<analysis::SuggestionPass>();
  const auto& p = out.result.package;
  out.hours_before = p.hours_before;
  out.hours_after = p.hours_after;
  out.eur_before = p.eur_before;
  out.eur_after = p.eur_after;
  for (const auto& s : out.result.suggestions) {
    out.sum_hours += s.saved_hours_per_year;
    out.sum_eur += s.saved_eur_per_year;
  }
  return out;
}

} // namespace

TEST_CASE("package total equals baseline minus the fully edited model on every sample", "[analysis][package]") {
  for (const char* name : {"hundesteuer.bpmn", "gewerbeanmeldung.bpmn", "bewohnerparkausweis.bpmn",
                           "bewohnerparkausweis.picture-bpmn.bpmn", "gewerbe-anmelden.picture.xml",
                           "bausteintabelle-hundesteuer-abmeldung.csv"}) {
    INFO(name);
    const auto r = run(test::sample(name));
    CHECK(r.sum_hours == Approx(r.hours_before - r.hours_after).margin(1e-9));
    CHECK(r.sum_eur == Approx(r.eur_before - r.eur_after).margin(1e-9));
    // Each break is removed at most once: no measure saves more than it can.
    CHECK(r.hours_after >= -1e-9);
    std::set<std::string> ids;
    for (const auto& s : r.result.suggestions) CHECK(ids.insert(s.id).second);
  }
}

TEST_CASE("Hundesteuer package never exceeds the difference to the modelled digital process", "[analysis][package]") {
  const auto ist = run(test::sample("hundesteuer.bpmn"));
  const auto soll = run(test::sample("hundesteuer-digital.bpmn"));
  const double twin = ist.hours_before - soll.hours_before;
  CHECK(twin > 0);
  CHECK(ist.hours_before - ist.hours_after > 0);
  CHECK(ist.hours_before - ist.hours_after <= twin + 1e-9);
  CHECK(ist.eur_before - ist.eur_after <= ist.eur_before - soll.eur_before + 1e-9);
}

TEST_CASE("measures that do not fit the service are listed with their reason, not proposed", "[analysis][package]") {
  const auto hund = run(test::sample("hundesteuer.bpmn")).result;
  auto reason = [](const analysis::SuggestionResult& r, const std::string& id) {
    for (const auto& n : r.not_proposed) {
      if (n.id == id) return n.reason;
    }
    return std::string();
  };
  // The Hundesteuer registration has no fee: no online fee payment.
  CHECK(reason(hund, "e_payment") == "no_fee");
  // The dog tag goes by post: that break stays, with its reason.
  CHECK(std::any_of(hund.uncovered_breaks.begin(), hund.uncovered_breaks.end(),
                    [](const analysis::UncoveredBreak& u) { return u.reason == "physical_item"; }));
  // The parking permit lies behind the windscreen: no electronic notice for it.
  const auto park = run(test::sample("bewohnerparkausweis.picture-bpmn.bpmn")).result;
  for (const auto& u : park.uncovered_breaks) {
    if (u.kind == analysis::MediaBreakKind::print) CHECK(u.reason == "physical_item");
  }
}

TEST_CASE("uptake scales citizen-facing measures and gives a 30/60/90 sensitivity", "[analysis][package]") {
  auto imported = importers::import_file(test::sample("hundesteuer.bpmn"));
  REQUIRE(imported.model);
  auto saved = [&](double uptake) {
    engine::AnalysisContext ctx(*imported.model);
    ctx.options<analysis::SuggestionOptions>().uptake["online_application"] = uptake;
    const auto& r = ctx.get<analysis::SuggestionPass>();
    for (const auto& s : r.suggestions) {
      if (s.id == "online_application") return s;
    }
    FAIL("no online application");
    return analysis::Suggestion{};
  };
  const auto low = saved(0.3), full = saved(1.0);
  CHECK(low.uptake.rate == Approx(0.3));
  CHECK(low.uptake.from == analysis::UptakeRate::From::cli);
  CHECK(low.saved_hours_per_year < full.saved_hours_per_year);
  REQUIRE(low.sensitivity.size() == 3);
  CHECK(low.sensitivity[0].uptake == Approx(0.3));
  CHECK(low.sensitivity[0].saved_hours_per_year == Approx(low.saved_hours_per_year));
  CHECK(low.sensitivity[0].saved_hours_per_year < low.sensitivity[2].saved_hours_per_year);
  CHECK(full.saved_citizen_minutes_per_case == Approx(low.saved_citizen_minutes_per_case / 0.3));
}
