// SPDX-License-Identifier: MIT
// Ist/Soll comparison (issue #9, point 5): on the Hundesteuer pair the deltas are the differences of
// the two models' own workload totals, the measure package never saves more than the modelled digital
// process, every Ist break is either removed or kept; a model compared with itself changes nothing; a
// Gewerbeanmeldung copy with one printing task bypassed shows exactly that break as removed.
#include "analysis/compare.h"
#include "analysis/suggestions.h"
#include "analysis/workload.h"
#include "engine/model_builder.h"
#include "importers/importer.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lotse;

namespace {

engine::ProcessModel load(const std::string& name) {
  auto imported = importers::import_file(test::sample(name));
  REQUIRE(imported.model);
  return std::move(*imported.model);
}

struct Totals {
  double hours = 0, eur = 0, fte = 0;
};

Totals totals(engine::AnalysisContext& ctx) {
  Totals t;
  for (const auto& p : ctx.get<analysis::WorkloadPass>().processes) {
    t.hours += p.hours_per_year;
    t.eur += p.cost_per_year_eur;
    t.fte += p.fte;
  }
  return t;
}

template <class Rows> double hours_ist(const Rows& rows) {
  double h = 0;
  for (const auto& r : rows) h += r.hours_per_year.ist;
  return h;
}
template <class Rows> double hours_soll(const Rows& rows) {
  double h = 0;
  for (const auto& r : rows) h += r.hours_per_year.soll;
  return h;
}

} // namespace

TEST_CASE("Hundesteuer Ist/Soll: deltas are the differences of the models' own totals", "[analysis][compare]") {
  const auto ist_model = load("hundesteuer.bpmn");
  const auto soll_model = load("hundesteuer-digital.bpmn");
  engine::AnalysisContext ist(ist_model), soll(soll_model);
  const auto c = analysis::compare_models(ist, soll);
  const Totals ti = totals(ist), ts = totals(soll);

  CHECK(c.hours_per_year.ist == ti.hours);
  CHECK(c.hours_per_year.soll == ts.hours);
  CHECK(c.hours_per_year.delta() == ts.hours - ti.hours);
  CHECK(c.eur_per_year.delta() == ts.eur - ti.eur);
  CHECK(c.fte.delta() == ts.fte - ti.fte);
  // samples/README.md: 144.9 h -> 67.1 h, saving 77.8 h.
  CHECK(c.hours_per_year.ist == Approx(144.9).margin(0.05));
  CHECK(c.hours_per_year.soll == Approx(67.1).margin(0.05));
  CHECK(-c.hours_per_year.delta() == Approx(77.8).margin(0.05));

  // Per Stelle, per category and per task the rows add up to the same totals.
  for (const auto* rows : {&c.by_role, &c.by_category, &c.by_task}) {
    CHECK(hours_ist(*rows) == Approx(ti.hours).epsilon(1e-12));
    CHECK(hours_soll(*rows) == Approx(ts.hours).epsilon(1e-12));
  }
  // Plain BPMN tasks carry no Baustein type: one category row "none".
  REQUIRE(c.by_category.size() == 1);
  CHECK(c.by_category.front().name == "none");
  // A task that exists only in the Ist model shows 0 on the Soll side.
  const auto print = std::find_if(c.by_task.begin(), c.by_task.end(), [](const auto& r) { return r.name == "Bescheid drucken"; });
  REQUIRE(print != c.by_task.end());
  CHECK(print->in_ist);
  CHECK_FALSE(print->in_soll);
  CHECK(print->hours_per_year.soll == 0);
  CHECK(print->hours_per_year.ist > 0);

  // The digital model has no breaks: all ten are removed.
  CHECK(c.media_breaks.ist == 10);
  CHECK(c.media_breaks.soll == 0);
  CHECK(c.breaks.removed.size() + c.breaks.kept.size() == ist.get<analysis::MediaBreakPass>().breaks.size());
  CHECK(c.breaks.removed.size() == 10);
  CHECK(c.breaks.added.empty());
  // Fewer trips and simpler forms for the citizen in the digital model.
  CHECK(c.citizen_minutes_per_case.ist > c.citizen_minutes_per_case.soll);
  CHECK_FALSE(c.lead_time_ist);
}

TEST_CASE("the measure package never saves more than the modelled digital Hundesteuer process", "[analysis][compare][package]") {
  const auto ist_model = load("hundesteuer.bpmn");
  const auto soll_model = load("hundesteuer-digital.bpmn");
  engine::AnalysisContext ist(ist_model), soll(soll_model);
  const auto c = analysis::compare_models(ist, soll);
  const auto& pkg = ist.get<analysis::SuggestionPass>().package;
  const double package_saving = pkg.hours_before - pkg.hours_after;
  CHECK(package_saving > 0);
  CHECK(package_saving <= -c.hours_per_year.delta() + 1e-9);
  CHECK(pkg.eur_before - pkg.eur_after <= -c.eur_per_year.delta() + 1e-9);
}

TEST_CASE("a model compared with itself has no differences", "[analysis][compare]") {
  for (const char* name : {"hundesteuer.bpmn", "gewerbeanmeldung.bpmn", "bewohnerparkausweis.bpmn"}) {
    INFO(name);
    const auto a = load(name);
    const auto b = load(name);
    engine::AnalysisContext ist(a), soll(b);
    const auto c = analysis::compare_models(ist, soll);
    CHECK(c.hours_per_year.delta() == 0);
    CHECK(c.eur_per_year.delta() == 0);
    CHECK(c.fte.delta() == 0);
    CHECK(c.minutes_per_case.delta() == 0);
    CHECK(c.citizen_minutes_per_case.delta() == 0);
    CHECK(c.breaks.removed.empty());
    CHECK(c.breaks.added.empty());
    CHECK(c.breaks.kept.size() == ist.get<analysis::MediaBreakPass>().breaks.size());
    for (const auto* rows : {&c.by_role, &c.by_category, &c.by_task}) {
      for (const auto& r : *rows) {
        CHECK(r.hours_per_year.delta() == 0);
        CHECK((r.in_ist && r.in_soll));
      }
    }
  }
}

TEST_CASE("Gewerbeanmeldung with the printing of the letters bypassed: that break is removed", "[analysis][compare]") {
  const auto ist_model = load("gewerbeanmeldung.bpmn");
  engine::AnalysisContext ist(ist_model);
  const auto& breaks = ist.get<analysis::MediaBreakPass>().breaks;
  const auto print = std::find_if(breaks.begin(), breaks.end(), [&](const analysis::MediaBreak& b) {
    return b.kind == analysis::MediaBreakKind::print && ist_model.node(b.node).name == "Schreiben an weitere Stellen drucken";
  });
  REQUIRE(print != breaks.end());
  engine::ModelEditor ed(ist_model);
  ed.remove_node(print->node);
  const auto soll_model = std::move(ed).finish();
  engine::AnalysisContext soll(soll_model);
  const auto c = analysis::compare_models(ist, soll);

  CHECK(c.breaks.removed.size() + c.breaks.kept.size() == breaks.size());
  CHECK(c.breaks.added.empty());
  REQUIRE_FALSE(c.breaks.removed.empty());
  for (const auto& b : c.breaks.removed) CHECK(b.node_name == "Schreiben an weitere Stellen drucken");
  const bool has_print = std::any_of(c.breaks.removed.begin(), c.breaks.removed.end(),
                                     [](const auto& b) { return b.kind == analysis::MediaBreakKind::print; });
  CHECK(has_print);
  // The saving is that task's own hours.
  const auto task = std::find_if(c.by_task.begin(), c.by_task.end(),
                                 [](const auto& r) { return r.name == "Schreiben an weitere Stellen drucken"; });
  REQUIRE(task != c.by_task.end());
  CHECK(c.hours_per_year.delta() == Approx(-task->hours_per_year.ist).epsilon(1e-9));
  CHECK(task->hours_per_year.soll == 0);
}
