// SPDX-License-Identifier: MIT
#include "analysis/markov.h"
#include "analysis/visits.h"
#include "tests/support/model_fixtures.h"

#include <catch2/catch.hpp>

using namespace lotse;
using engine::NodeKind;
using engine::npos;
using lotse::test::Fixture;

namespace {

analysis::VisitsResult visits_of(const engine::ProcessModel& m) {
  engine::AnalysisContext ctx(m);
  return ctx.get<analysis::VisitsPass>();
}

double visits(const engine::ProcessModel& m, const analysis::VisitsResult& r, const char* id) {
  const auto v = m.find_node(id);
  REQUIRE(v.has_value());
  return r.visits.at(*v);
}

} // namespace

TEST_CASE("absorbing chain visits equal the fundamental matrix row of the start state", "[visits][unit]") {
  // Two transient states: 0 -> 1 always, 1 -> 0 with 0.5 (else absorbed): N = (I - Q)^-1 = [[2, 2], [1, 2]].
  const auto v = analysis::absorbing_chain_visits({{0.0, 1.0}, {0.5, 0.0}}, {1.0, 0.0});
  REQUIRE(v.has_value());
  CHECK((*v)[0] == Approx(2.0));
  CHECK((*v)[1] == Approx(2.0));
  // Return probability 1: no absorption, the system is singular.
  CHECK_FALSE(analysis::absorbing_chain_visits({{0.0, 1.0}, {1.0, 0.0}}, {1.0, 0.0}).has_value());
}

TEST_CASE("a loop with return probability p is visited 1/(1-p) times, without PICTURE's 80 % cut-off",
          "[visits][unit]") {
  for (const double p : {0.2, 0.8, 0.95}) {
    const auto m = test::loop_with_return(p);
    const auto r = visits_of(m);
    INFO("p = " << p);
    CHECK(r.exact);
    CHECK(visits(m, r, "a") == Approx(1.0));
    CHECK(visits(m, r, "b") == Approx(1.0 / (1.0 - p)));
    CHECK(visits(m, r, "merge") == Approx(1.0 / (1.0 - p)));
    CHECK(visits(m, r, "end") == Approx(1.0));
    const auto back = m.in_flows(*m.find_node("merge"))[1];
    CHECK(r.flow_traversals.at(back) == Approx(p / (1.0 - p)));
  }
}

TEST_CASE("nested XOR, AND and OR regions: AND and OR joins fire once per activation", "[visits][unit]") {
  Fixture fx;
  fx.process("p", "Nested", 100);
  const auto start = fx.node("start", NodeKind::start_event);
  const auto x1 = fx.node("x1", NodeKind::exclusive_gateway);
  const auto and_s = fx.node("and_s", NodeKind::parallel_gateway);
  const auto t1 = fx.task("t1", "", 1);
  const auto t2 = fx.task("t2", "", 1);
  const auto and_j = fx.node("and_j", NodeKind::parallel_gateway);
  const auto t3 = fx.task("t3", "", 1);
  const auto or_s = fx.node("or_s", NodeKind::inclusive_gateway);
  const auto t4 = fx.task("t4", "", 1);
  const auto t5 = fx.task("t5", "", 1);
  const auto or_j = fx.node("or_j", NodeKind::inclusive_gateway);
  const auto t6 = fx.task("t6", "", 1);
  const auto x2 = fx.node("x2", NodeKind::exclusive_gateway);
  const auto t7 = fx.task("t7", "", 1);
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, x1});
  fx.flow(x1, and_s, 0.3);
  fx.flow(x1, or_s, 0.7);
  fx.chain({and_s, t1, and_j});
  fx.chain({and_s, t2, and_j});
  fx.chain({and_j, t3, x2});
  fx.flow(or_s, t4, 0.5);
  fx.flow(or_s, t5, 0.4);
  fx.chain({t4, or_j});
  fx.chain({t5, or_j});
  fx.chain({or_j, t6, x2});
  fx.chain({x2, t7, end});
  const auto m = fx.finish();
  const auto r = visits_of(m);
  CHECK(r.exact);
  CHECK(visits(m, r, "t1") == Approx(0.3));
  CHECK(visits(m, r, "t2") == Approx(0.3));
  CHECK(visits(m, r, "and_j") == Approx(0.3));
  CHECK(visits(m, r, "t3") == Approx(0.3));
  CHECK(visits(m, r, "t4") == Approx(0.35));
  CHECK(visits(m, r, "t5") == Approx(0.28));
  CHECK(visits(m, r, "or_j") == Approx(0.7));
  CHECK(visits(m, r, "t6") == Approx(0.7));
  CHECK(visits(m, r, "t7") == Approx(1.0));
  CHECK(visits(m, r, "end") == Approx(1.0));
}

TEST_CASE("a sub-process inside a loop multiplies its contents; occurrence scales one block", "[visits][unit]") {
  Fixture fx;
  fx.process("p", "Loop around sub-process");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto merge = fx.node("merge", NodeKind::exclusive_gateway);
  const auto sp = fx.node("sp", NodeKind::sub_process, "Prüfen");
  const auto split = fx.node("split", NodeKind::exclusive_gateway);
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, merge, sp, split});
  fx.flow(split, merge, 0.25);
  fx.flow(split, end, 0.75);
  const auto s = fx.node("sp_start", NodeKind::start_event, "", sp);
  const auto c = fx.task("c", "Rückfrage", 3, sp);
  fx.set_occurrence(c, 0.5);
  const auto d = fx.task("d", "Prüfen", 4, sp);
  const auto e = fx.node("sp_end", NodeKind::end_event, "", sp);
  fx.chain({s, c, d, e});
  const auto m = fx.finish();
  const auto r = visits_of(m);
  CHECK(visits(m, r, "sp") == Approx(4.0 / 3.0));
  CHECK(visits(m, r, "c") == Approx(2.0 / 3.0));   // P(Baustein) 50 % of 4/3 arrivals
  CHECK(visits(m, r, "d") == Approx(4.0 / 3.0));   // the token passes c either way
  CHECK(r.expanded.at(sp));
  CHECK_FALSE(r.expanded.at(d));
}

TEST_CASE("an interrupting boundary event takes its share of the activity's executions", "[visits][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto t = fx.task("t", "Bescheid zustellen", 2);
  const auto b = fx.node("b", NodeKind::boundary_event, "nicht zustellbar");
  fx.attach(b, t);
  fx.set_occurrence(b, 0.1);
  const auto u = fx.task("u", "Akte schließen", 1);
  const auto redo = fx.task("redo", "Adresse ermitteln", 10);
  const auto end = fx.node("end", NodeKind::end_event);
  const auto end2 = fx.node("end2", NodeKind::end_event);
  fx.chain({start, t, u, end});
  fx.chain({b, redo, end2});
  const auto m = fx.finish();
  const auto r = visits_of(m);
  CHECK(visits(m, r, "b") == Approx(0.1));
  CHECK(visits(m, r, "redo") == Approx(0.1));
  CHECK(visits(m, r, "u") == Approx(0.9));
}

TEST_CASE("missing branch probabilities: equal split with a note, default flow takes the rest", "[visits][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto x = fx.node("x", NodeKind::exclusive_gateway, "Art des Antrags");
  const auto a = fx.task("a");
  const auto b = fx.task("b");
  const auto c = fx.task("c");
  const auto y = fx.node("y", NodeKind::exclusive_gateway, "vollständig?");
  const auto d = fx.task("d");
  const auto e = fx.task("e");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, x});
  fx.chain({x, a, y});
  fx.chain({x, b, y});
  fx.chain({x, c, y});
  fx.flow(y, d, 0.3);
  const auto def = fx.flow(y, e);
  fx.builder().set_default_flow(y, fx.flow_at(def).id, {});
  fx.chain({d, end});
  fx.chain({e, end});
  const auto m = fx.finish();
  const auto r = visits_of(m);
  CHECK(visits(m, r, "a") == Approx(1.0 / 3.0));
  CHECK(visits(m, r, "c") == Approx(1.0 / 3.0));
  CHECK(visits(m, r, "d") == Approx(0.3));
  CHECK(visits(m, r, "e") == Approx(0.7));
  REQUIRE(r.notes.size() == 1);
  CHECK(engine::format_diagnostic(r.notes.items()[0], engine::Lang::de) ==
        "fixture.bpmn:3:3: Hinweis [ANA-001]: Verzweigung 'Art des Antrags' hat keine Wahrscheinlichkeiten; "
        "ihre 3 Zweige werden gleich gewichtet");
}

TEST_CASE("a loop that never exits is reported and counted without loop-backs", "[visits][unit]") {
  const auto m = test::loop_with_return(1.0);
  const auto r = visits_of(m);
  CHECK_FALSE(r.exact);
  CHECK(r.notes.contains(engine::DiagId::ana_unsolvable));
  CHECK(visits(m, r, "b") == Approx(1.0));
}

TEST_CASE("a called process is expanded into the caller's case", "[visits][unit]") {
  Fixture fx;
  const auto main = fx.process("main", "Hauptprozess", 200);
  const auto start = fx.node("start", NodeKind::start_event);
  const auto x = fx.node("x", NodeKind::exclusive_gateway);
  const auto call = fx.node("call", NodeKind::call_activity, "Gebühr erheben");
  fx.at(call).called_element = "fee";
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, x, call, end});
  fx.flow(x, end, 0.4);  // the flow to the call gets the remaining 60 %
  fx.process("fee", "Gebühr erheben");
  const auto s2 = fx.node("s2", NodeKind::start_event);
  const auto z = fx.task("z", "Zahlung buchen", 2);
  const auto e2 = fx.node("e2", NodeKind::end_event);
  fx.chain({s2, z, e2});
  const auto m = fx.finish();
  const auto r = visits_of(m);
  CHECK(visits(m, r, "call") == Approx(0.6));
  CHECK(visits(m, r, "z") == Approx(0.6));
  CHECK(r.case_process.at(*m.find_node("z")) == main);
  CHECK(r.expanded.at(call));
}

TEST_CASE("a PICTURE Teilprozess counts with Fallzahl Teilprozess / Fallzahl Prozess", "[visits][unit]") {
  Fixture fx("tp.xml", "picture");
  fx.process("p", "Hundesteuer", 1000);
  const auto start = fx.node("start", NodeKind::start_event);
  const auto tp = fx.node("tp", NodeKind::sub_process, "Ersatzmarke ausgeben");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, tp, end});
  const auto s = fx.node("tp_start", NodeKind::start_event, "", tp);
  const auto b = fx.task("b", "Marke ausgeben", 4, tp);
  fx.set_occurrence(b, 0.5);
  const auto e = fx.node("tp_end", NodeKind::end_event, "", tp);
  fx.chain({s, b, e});
  engine::PictureSubprocess sub;
  sub.id = "tp";
  sub.name = "Ersatzmarke ausgeben";
  sub.cases_per_year = engine::CasesPerYear{250};
  sub.node = tp;
  sub.variants.push_back(engine::PictureVariant{"Standard", 1.0, {b}, {}});
  fx.builder().picture_subprocesses().push_back(sub);
  const auto m = fx.finish();
  const auto r = visits_of(m);
  CHECK(visits(m, r, "tp") == Approx(1.0));
  CHECK(visits(m, r, "b") == Approx(0.25 * 0.5));
  CHECK(r.notes.contains(engine::DiagId::ana_subprocess_cases));
}

TEST_CASE("the Gewerbe fixture gets PICTURE's load factors: P(Variante) x P(Baustein)", "[visits][unit]") {
  const auto m = test::gewerbe_anmelden();
  const auto r = visits_of(m);
  CHECK(visits(m, r, "b1") == Approx(0.33));
  CHECK(visits(m, r, "b4") == Approx(0.20));
  CHECK(visits(m, r, "b9") == Approx(0.8));
  CHECK(visits(m, r, "b17") == Approx(0.2));
  CHECK(visits(m, r, "b14") == Approx(1.0));
}
