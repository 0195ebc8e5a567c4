// SPDX-License-Identifier: MIT
// Issue #9.7: variant shares that do not add up to 100 % (70 % + 20 %) are reported as "auf 100 %
// umgerechnet" and must be rescaled in the workload as they are in the simulation. Real sample:
// samples/bausteintabelle-hundesteuer-abmeldung.csv with its shares 60/40 replaced.
#include "analysis/visits.h"
#include "analysis/workload.h"
#include "engine/analysis_context.h"
#include "importers/block_table.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace lotse;

std::string sample_with_shares(const std::string& written, const std::string& personal) {
  std::ifstream in(test::sample("bausteintabelle-hundesteuer-abmeldung.csv"), std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const auto swap_all = [&text](const std::string& from, const std::string& to) {
    std::size_t n = 0;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
      ++n;
    }
    REQUIRE(n > 0);
  };
  swap_all(";schriftlich (Post oder E-Mail);60;", ";schriftlich (Post oder E-Mail);" + written + ";");
  swap_all(";persönlich im Bürgerbüro;40;", ";persönlich im Bürgerbüro;" + personal + ";");
  return text;
}

double visits_of(const engine::ProcessModel& m, const analysis::VisitsResult& r, const char* id) {
  const auto v = m.find_node(id);
  REQUIRE(v.has_value());
  return r.visits.at(*v);
}

} // namespace

TEST_CASE("variant shares of 70 % + 20 % are rescaled to 100 % in the visits", "[visits][table]") {
  const auto r = importers::block_table::read(engine::SourceFile("shares.csv", sample_with_shares("70", "20")));
  REQUIRE(r.model);
  engine::AnalysisContext ctx(*r.model);
  const auto& v = ctx.get<analysis::VisitsPass>();
  // row 6 "Abmeldung geht ein" (written variant), row 16 "Abmeldung am Schalter aufnehmen" (personal).
  CHECK(visits_of(*r.model, v, "row-6") == Approx(70.0 / 90.0));
  CHECK(visits_of(*r.model, v, "row-16") == Approx(20.0 / 90.0));
}

TEST_CASE("halving every variant share leaves the workload of the sample table unchanged", "[workload][table]") {
  const auto orig = importers::block_table::read(engine::SourceFile("orig.csv", sample_with_shares("60", "40")));
  const auto half = importers::block_table::read(engine::SourceFile("half.csv", sample_with_shares("30", "20")));
  REQUIRE(orig.model);
  REQUIRE(half.model);
  engine::AnalysisContext a(*orig.model);
  engine::AnalysisContext b(*half.model);
  const auto& wa = a.get<analysis::WorkloadPass>();
  const auto& wb = b.get<analysis::WorkloadPass>();
  REQUIRE(wa.processes.size() == 1);
  REQUIRE(wb.processes.size() == 1);
  CHECK(wa.processes[0].minutes_per_case == Approx(31.6).margin(0.05));  // as the report prints it
  CHECK(wb.processes[0].minutes_per_case == Approx(wa.processes[0].minutes_per_case));
}
