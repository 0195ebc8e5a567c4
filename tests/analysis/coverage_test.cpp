// SPDX-License-Identifier: MIT
// Coverage of every media break (issue #9 point 3): every break kind (and, for paper output, every
// recipient) has a catalogue measure that can remove it; on every sample and the real PICTURE export
// each break is either at a step a proposed measure acts on or listed "ohne Maßnahme" with a reason;
// a measure counts the hours of the breaks it names; no proposal saves 0,0 h (and no citizen time).
#include "analysis/data_set.h"
#include "analysis/measures.h"
#include "analysis/suggestions.h"
#include "analysis/workload.h"
#include "importers/importer.h"
#include "tests/analysis/media_models.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace lotse;
using analysis::MediaBreakKind;
using analysis::Recipient;

namespace {

const char* const picture_export = "corpus/picture/oryx-editor/process1.xml";

struct Checked {
  double break_hours = 0, covered_hours = 0;
};

// Every baseline break is at a node of a proposed measure or in uncovered_breaks with a reason, never
// both, never neither; no proposal saves 0,0 h; the package's coverage figures match the breaks.
Checked check_every_break(const std::string& file) {
  INFO(file);
  auto imported = importers::import_file(file);
  REQUIRE(imported.model);
  engine::AnalysisContext ctx(*imported.model);
  const auto& breaks = ctx.get<analysis::MediaBreakPass>().breaks;
  const auto& r = ctx.get<analysis::SuggestionPass>();
  std::set<engine::NodeIndex> acted_on;
  for (const auto& s : r.suggestions) {
    acted_on.insert(s.nodes.begin(), s.nodes.end());
    INFO(s.id);
    CHECK((s.saved_hours_per_year >= 0.05 || s.saved_citizen_minutes_per_case >= 0.05));
  }
  std::map<int, std::string> uncovered;
  for (const auto& u : r.uncovered_breaks) {
    CHECK_FALSE(u.reason.empty());
    CHECK(uncovered.emplace(u.number, u.reason).second);
  }
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    INFO("break " << i + 1 << " at " << imported.model->node(breaks[i].node).name);
    const bool covered = acted_on.count(breaks[i].node) > 0;
    CHECK(covered != (uncovered.count(static_cast<int>(i + 1)) > 0));
  }
  for (const auto& n : r.not_proposed) CHECK_FALSE(n.reason.empty());
  Checked c;
  for (const auto& p : r.package.processes) {
    c.break_hours += p.break_hours;
    c.covered_hours += p.break_hours_covered;
  }
  CHECK(c.break_hours == Approx(ctx.get<analysis::MediaBreakPass>().minutes_per_year_total() / 60.0).margin(1e-6));
  CHECK(c.covered_hours <= c.break_hours + 1e-9);
  return c;
}

const analysis::Suggestion* measure_at(const analysis::SuggestionResult& r, engine::NodeIndex n) {
  for (const auto& s : r.suggestions) {
    if (std::count(s.nodes.begin(), s.nodes.end(), n)) return &s;
  }
  return nullptr;
}

engine::NodeIndex node_named(const engine::ProcessModel& m, const std::string& name) {
  for (engine::NodeIndex n = 0; n < m.node_count(); ++n) {
    if (m.node(n).name == name) return n;
  }
  FAIL("no node " << name);
  return engine::npos;
}

bool removes(const analysis::Measure& m, MediaBreakKind k) {
  return std::any_of(m.changes.begin(), m.changes.end(), [&](const analysis::ModelChange& c) {
    return (c.op == analysis::ModelChange::Op::remove || c.op == analysis::ModelChange::Op::scale_processing) &&
           std::count(c.kinds.begin(), c.kinds.end(), k);
  });
}

} // namespace

TEST_CASE("every media-break kind and paper recipient has a catalogue measure that removes it", "[analysis][coverage]") {
  auto imported = importers::import_file(test::sample("hundesteuer.bpmn"));
  REQUIRE(imported.model);
  engine::AnalysisContext ctx(*imported.model);
  const auto& catalogue = analysis::data_set(ctx).catalogue;
  REQUIRE(catalogue.measures.size() >= 10);
  for (int k = 0; k <= static_cast<int>(MediaBreakKind::data_carrier); ++k) {
    const auto kind = static_cast<MediaBreakKind>(k);
    const bool paper_out = kind == MediaBreakKind::print || kind == MediaBreakKind::paper_outbound;
    const std::vector<Recipient> recipients =
        paper_out ? std::vector<Recipient>{Recipient::citizen, Recipient::business, Recipient::authority, Recipient::internal}
                  : std::vector<Recipient>{Recipient::any};
    for (const auto to : recipients) {
      INFO(analysis::media_break_id(kind) << " to recipient " << static_cast<int>(to));
      CHECK(std::any_of(catalogue.measures.begin(), catalogue.measures.end(), [&](const analysis::Measure& m) {
        const bool fits = !paper_out || m.recipient == Recipient::any || m.recipient == to;
        return fits && std::count(m.trigger_kinds.begin(), m.trigger_kinds.end(), kind) && removes(m, kind);
      }));
    }
  }
}

TEST_CASE("every break of every sample is removed by a proposed measure or listed without one", "[analysis][coverage]") {
  for (const char* name : {"hundesteuer.bpmn", "hundesteuer-digital.bpmn", "gewerbeanmeldung.bpmn", "bewohnerparkausweis.bpmn",
                           "bewohnerparkausweis.picture-bpmn.bpmn", "gewerbe-anmelden.picture.xml",
                           "bausteintabelle-hundesteuer-abmeldung.csv"}) {
    const auto c = check_every_break(test::sample(name));
    CHECK(c.covered_hours >= 0);
  }
}

TEST_CASE("PICTURE export: sending and printing get a measure that counts their hours", "[analysis][coverage][shared]") {
  const auto shared = test::require_shared(picture_export);
  if (shared.empty()) return;
  const auto file = shared + "/" + picture_export;
  const auto c = check_every_break(file);
  WARN("PICTURE export: " << c.covered_hours << " of " << c.break_hours << " h bound in media breaks covered ("
                          << 100.0 * c.covered_hours / c.break_hours << " %)");
  CHECK(c.break_hours == Approx(432.5).margin(0.05));
  CHECK(c.covered_hours >= 300.0);
  auto imported = importers::import_file(file);
  REQUIRE(imported.model);
  engine::AnalysisContext ctx(*imported.model);
  const auto& r = ctx.get<analysis::SuggestionPass>();
  for (const char* name : {"Schreiben versenden", "Schreiben zur Kenntnisnahme fuer weitere Stellen drucken"}) {
    INFO(name);
    const auto* s = measure_at(r, node_named(*imported.model, name));
    REQUIRE(s != nullptr);
    CHECK(s->saved_hours_per_year > 0);
  }
  // The sending (175 h, Hauspost) and the printing for other bodies (125 h) are in the savings.
  double saved = 0;
  for (const auto& s : r.suggestions) saved += s.saved_hours_per_year;
  CHECK(saved >= 300.0);
}

TEST_CASE("gewerbeanmeldung: the measure naming a break counts the hours of its step", "[analysis][coverage]") {
  auto imported = importers::import_file(test::sample("gewerbeanmeldung.bpmn"));
  REQUIRE(imported.model);
  engine::AnalysisContext ctx(*imported.model);
  const auto& breaks = ctx.get<analysis::MediaBreakPass>().breaks;
  const auto& work = ctx.get<analysis::WorkloadPass>();
  const auto& r = ctx.get<analysis::SuggestionPass>();
  auto hours_at = [&](engine::NodeIndex n) {
    double h = 0;
    for (const auto& p : work.processes) {
      for (const auto& nw : p.nodes) {
        if (nw.node == n) h += nw.hours_per_year;
      }
    }
    return h;
  };
  // Per measure: the print and sending steps it is the first to act on, each at the break's share (and
  // the uptake for citizen-facing measures), must be in its marginal saving.
  std::set<engine::NodeIndex> earlier;
  int named = 0;
  for (const auto& s : r.suggestions) {
    INFO(s.id);
    std::map<engine::NodeIndex, double> share;
    for (const auto& b : breaks) {
      if (b.kind != MediaBreakKind::paper_outbound && b.kind != MediaBreakKind::print) continue;
      if (!std::count(s.nodes.begin(), s.nodes.end(), b.node) || earlier.count(b.node)) continue;
      share[b.node] = std::max(share[b.node], b.share);
    }
    double expected = 0;
    for (const auto& [n, sh] : share) {
      INFO(imported.model->node(n).name);
      CHECK(hours_at(n) > 0);
      expected += hours_at(n) * sh * (s.citizen_facing ? s.uptake.rate : 1.0);
      ++named;
    }
    CHECK(s.saved_hours_per_year >= expected - 1e-6);
    earlier.insert(s.nodes.begin(), s.nodes.end());
  }
  CHECK(named >= 2);
}

TEST_CASE("a measure that would remove the physical parking permit is not proposed, with its reason", "[analysis][coverage]") {
  for (const char* name : {"bewohnerparkausweis.bpmn", "bewohnerparkausweis.picture-bpmn.bpmn"}) {
    INFO(name);
    auto imported = importers::import_file(test::sample(name));
    REQUIRE(imported.model);
    engine::AnalysisContext ctx(*imported.model);
    const auto& breaks = ctx.get<analysis::MediaBreakPass>().breaks;
    const auto& r = ctx.get<analysis::SuggestionPass>();
    int permit = 0;
    for (const auto& u : r.uncovered_breaks) {
      const auto& node = imported.model->node(breaks[static_cast<std::size_t>(u.number - 1)].node);
      if (u.reason != "physical_item") continue;
      ++permit;
      CHECK(measure_at(r, breaks[static_cast<std::size_t>(u.number - 1)].node) == nullptr);
      INFO(node.name);
    }
    CHECK(permit >= 1);
  }
}

TEST_CASE("a notice that must be served on paper keeps its break, listed with the written-form reason", "[analysis][coverage]") {
  using engine::NodeKind;
  auto build = [](const std::string& sending) {
    test::ChainBuilder c("widerspruch.bpmn");
    c.process("P", "Widerspruchsbescheid", 400);
    c.node("S", NodeKind::start_event, "Widerspruch liegt vor");
    c.node("T_Write", NodeKind::user_task, "Widerspruchsbescheid erstellen", 30);
    const auto send = c.node("T_Send", NodeKind::user_task, sending, 5);
    c.at(send).attrs.outbound = test::mix({{engine::Channel::post, 1.0}});
    c.node("E", NodeKind::end_event, "erledigt");
    return std::move(c).finish();
  };
  auto run = [](const engine::ProcessModel& m) {
    engine::AnalysisContext ctx(m);
    const auto& breaks = ctx.get<analysis::MediaBreakPass>().breaks;
    const auto& r = ctx.get<analysis::SuggestionPass>();
    std::string reason;
    for (const auto& u : r.uncovered_breaks) {
      if (m.node(breaks[static_cast<std::size_t>(u.number - 1)].node).id == "T_Send") reason = u.reason;
    }
    const bool proposed = std::any_of(r.suggestions.begin(), r.suggestions.end(),
                                      [](const analysis::Suggestion& s) { return s.id == "electronic_notice"; });
    return std::pair{proposed, reason};
  };
  // An ordinary letter to the citizen: the electronic notice removes the uptake share of the sending.
  const auto plain = build("Bescheid an Widerspruchsführer versenden");
  const auto [plain_proposed, plain_reason] = run(plain);
  CHECK(plain_proposed);
  CHECK(plain_reason.empty());
  // Served with Zustellungsurkunde: written form, the measure leaves the step and says why.
  const auto served = build("Bescheid mit Zustellungsurkunde versenden");
  const auto [served_proposed, served_reason] = run(served);
  CHECK_FALSE(served_proposed);
  CHECK(served_reason == "written_form");
}
