// SPDX-License-Identifier: MIT
// Lead time in days from the simulator (analysis/lead_time.h), as `lotse analyze` uses it.
#include "analysis/lead_time.h"
#include "sim_test_models.h"

#include <catch2/catch.hpp>

using namespace lotse;

namespace {

// Two Bearbeitungszeiten of 30 min (PICTURE style: mean only) on one Stelle, a Liegezeit of 2 days,
// 100 cases a year: queueing is negligible, so the lead time is 2 days + 1 hour.
engine::ProcessModel permit_like(bool with_volume) {
  test::SimModel m;
  m.builder().simulation().present = false;
  if (with_volume) m.builder().facts().cases_per_year = engine::Located<engine::CasesPerYear>{{100}, {1, 1}};
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto a = m.node("A", engine::NodeKind::user_task);
  const auto b = m.node("B", engine::NodeKind::user_task);
  for (const auto n : {a, b}) {
    m.builder().node(n).attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(30), {}};
    m.builder().node(n).attrs.stelle = "Sachbearbeitung";
  }
  m.builder().node(b).attrs.waiting = engine::Located<engine::Duration>{engine::from_minutes(2 * 24 * 60), {}};
  m.flow(s, a);
  m.flow(a, b);
  m.flow(b, m.event("E", engine::NodeKind::end_event));
  return m.finish();
}

} // namespace

TEST_CASE("lead time in days: Liegezeit plus work, with a confidence interval", "[sim][leadtime]") {
  const auto m = permit_like(true);
  engine::Scenario s;
  s.seed = 3;
  const analysis::LeadTime lt = analysis::estimate_lead_time(m, s, {});
  REQUIRE(lt.simulated);
  CHECK(lt.cases == 10'000);
  CHECK(lt.mean_days == Approx(2.0 + 1.0 / 24).epsilon(0.005));
  CHECK(lt.p50_days > 2.0);
  CHECK(lt.p90_days > lt.p50_days);
  CHECK(lt.ci95_days > 0);
  CHECK(lt.note_en == "simulation: 5 replications × 2000 cases, seed 3; 3 notes");
}

TEST_CASE("lead-time pass gives the same figures as estimate_lead_time", "[sim][leadtime]") {
  const auto m = permit_like(true);
  engine::Scenario s;
  s.seed = 4;
  engine::AnalysisContext ctx(m, s);
  const auto& r = ctx.get<analysis::LeadTimePass>();
  const auto direct = analysis::estimate_lead_time(m, s, {});
  REQUIRE(r.overall.simulated);
  CHECK(r.overall.mean_days == direct.mean_days);
  CHECK(r.overall.p90_days == direct.p90_days);
}

TEST_CASE("a model without an arrival rate has no lead time, and the note says why", "[sim][leadtime]") {
  const auto m = permit_like(false);
  const analysis::LeadTime lt = analysis::estimate_lead_time(m, {}, {});
  CHECK_FALSE(lt.simulated);
  CHECK(lt.note_de ==
        "nicht simuliert: [SIM-013] Keine Ankunftsrate: das Modell hat weder eine Ankunftsverteilung noch eine "
        "Fallzahl (--cases-per-year angeben)");
}
