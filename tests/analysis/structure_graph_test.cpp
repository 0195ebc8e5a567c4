// SPDX-License-Identifier: MIT
// Scope graphs on Boost.Graph: back edges (DFS root order: entries, nodes without incoming edges, then
// the rest), loops (strong components), post-dominators and split/join matching, reachability, and a
// 60,000-node chain analysed on a 1 MB thread stack (no recursion that grows with the model).
#include "tests/support/small_stack.h"
#include "analysis/structure.h"
#include "analysis/structure_graph.h"
#include "analysis/visits.h"
#include "tests/support/model_fixtures.h"

#include <catch2/catch.hpp>

#include <pthread.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace lotse;
using lotse::test::run_with_stack;
using analysis::detail::ScopeGraph;
using engine::NodeIndex;
using engine::NodeKind;
using lotse::test::Fixture;

namespace {

/// The graph of the process-level scope (the first scope of a one-process model).
ScopeGraph process_graph(const engine::ProcessModel& m) {
  const auto scopes = analysis::detail::all_scopes(m);
  REQUIRE(!scopes.empty());
  REQUIRE(scopes.front().container == engine::npos);
  return analysis::detail::build_scope_graph(m, scopes.front());
}

/// Back edges as (source id, target id), sorted.
std::vector<std::pair<std::string, std::string>> back_edges(const engine::ProcessModel& m, const ScopeGraph& g) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t v = 0; v < g.out.size(); ++v) {
    for (const auto& e : g.out[v]) {
      if (e.back) out.emplace_back(m.node(g.scope.nodes[v]).id, m.node(g.scope.nodes[e.to]).id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Components as sorted lists of node ids.
std::vector<std::vector<std::string>> cycle_ids(const engine::ProcessModel& m, const ScopeGraph& g) {
  std::vector<std::vector<std::string>> out;
  for (const auto& comp : analysis::detail::cycles(g)) {
    std::vector<std::string> ids;
    for (const auto v : comp) ids.push_back(m.node(g.scope.nodes[v]).id);
    std::sort(ids.begin(), ids.end());
    out.push_back(std::move(ids));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string id_of(const engine::ProcessModel& m, const ScopeGraph& g, std::size_t local) {
  return local < g.scope.nodes.size() ? m.node(g.scope.nodes[local]).id : "<exit>";
}

} // namespace

TEST_CASE("scope graph: nested loops give one back edge per loop and one strong component",
          "[structure][graph][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto m1 = fx.node("m1", NodeKind::exclusive_gateway);
  const auto a = fx.task("a");
  const auto m2 = fx.node("m2", NodeKind::exclusive_gateway);
  const auto b = fx.task("b");
  const auto inner = fx.node("inner", NodeKind::exclusive_gateway);
  const auto outer = fx.node("outer", NodeKind::exclusive_gateway);
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, m1, a, m2, b, inner});
  fx.flow(inner, outer, 0.7);
  fx.flow(inner, m2, 0.3);  // inner loop m2..inner
  fx.flow(outer, end, 0.8);
  fx.flow(outer, m1, 0.2);  // outer loop m1..outer
  const auto m = fx.finish();
  const auto g = process_graph(m);

  CHECK(back_edges(m, g) == std::vector<std::pair<std::string, std::string>>{{"inner", "m2"}, {"outer", "m1"}});
  CHECK(cycle_ids(m, g) == std::vector<std::vector<std::string>>{{"a", "b", "inner", "m1", "m2", "outer"}});
  // The out mirror matches the Boost graph edge for edge.
  for (std::size_t v = 0; v < g.out.size(); ++v) {
    REQUIRE(g.out[v].size() == boost::out_degree(v, g.graph));
    std::size_t i = 0;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph))) {
      CHECK(g.out[v][i].to == boost::target(e, g.graph));
      CHECK(g.out[v][i].back == g.graph[e].back);
      CHECK(g.out[v][i].flow == g.graph[e].flow);
      ++i;
    }
  }
  // Without back edges the graph is the chain: every node post-dominated by its successor.
  const auto ipdom = analysis::detail::post_dominators(g);
  const auto l = [&](NodeIndex v) { return g.local.at(v); };
  CHECK(id_of(m, g, ipdom[l(start)]) == "m1");
  CHECK(id_of(m, g, ipdom[l(a)]) == "m2");
  CHECK(id_of(m, g, ipdom[l(inner)]) == "outer");
  CHECK(id_of(m, g, ipdom[l(outer)]) == "end");
  CHECK(id_of(m, g, ipdom[l(end)]) == "<exit>");
  std::vector<std::string> topo;
  for (const auto v : analysis::detail::topological_order(g)) topo.push_back(id_of(m, g, v));
  CHECK(topo == std::vector<std::string>{"start", "m1", "a", "m2", "b", "inner", "outer", "end"});

  engine::AnalysisContext ctx(m);
  const auto& visits = ctx.get<analysis::VisitsPass>();
  CHECK(visits.exact);
  // Outer loop: 1 / (1 - 0.2) = 1.25 activations; inner loop 1 / (1 - 0.3) per activation.
  CHECK(visits.visits[a] == Approx(1.25));
  CHECK(visits.visits[b] == Approx(1.25 / 0.7));
  CHECK(visits.visits[end] == Approx(1.0));
  CHECK(ctx.get<analysis::StructurePass>().findings.empty());
}

TEST_CASE("scope graph: DFS roots are the entries first, then nodes without incoming edges, then the rest",
          "[structure][graph][unit]") {
  SECTION("from the start event, not from the lower index") {
    Fixture fx;
    fx.process("p");
    const auto x = fx.task("x");  // local index 0: a DFS from here would make y -> x the back edge
    const auto y = fx.task("y");
    const auto start = fx.node("start", NodeKind::start_event);
    const auto end = fx.node("end", NodeKind::end_event);
    fx.chain({start, y, x, end});
    fx.flow(x, y);
    const auto m = fx.finish();
    const auto g = process_graph(m);
    CHECK(g.local.at(x) < g.local.at(y));
    CHECK(back_edges(m, g) == std::vector<std::pair<std::string, std::string>>{{"x", "y"}});
  }
  SECTION("a loop reached only from a node without incoming flow") {
    Fixture fx;
    fx.process("p");
    const auto x = fx.task("x");
    const auto y = fx.task("y");
    const auto start = fx.node("start", NodeKind::start_event);
    const auto end = fx.node("end", NodeKind::end_event);
    const auto orphan = fx.task("orphan");
    fx.chain({start, end});
    fx.chain({orphan, y, x, y});
    const auto m = fx.finish();
    const auto g = process_graph(m);
    CHECK(back_edges(m, g) == std::vector<std::pair<std::string, std::string>>{{"x", "y"}});
    CHECK(cycle_ids(m, g) == std::vector<std::vector<std::string>>{{"x", "y"}});
  }
  SECTION("a loop not reachable from anywhere is entered at its lowest index") {
    Fixture fx;
    fx.process("p");
    const auto start = fx.node("start", NodeKind::start_event);
    const auto end = fx.node("end", NodeKind::end_event);
    const auto p = fx.task("p1", "Wiedervorlage");
    const auto q = fx.task("q1", "Akte prüfen");
    const auto self = fx.task("self", "Warten");
    fx.chain({start, end});
    fx.chain({p, q, p});
    fx.flow(self, self);
    const auto m = fx.finish();
    const auto g = process_graph(m);
    CHECK(back_edges(m, g) == std::vector<std::pair<std::string, std::string>>{{"q1", "p1"}, {"self", "self"}});
    CHECK(cycle_ids(m, g) == std::vector<std::vector<std::string>>{{"p1", "q1"}, {"self"}});
    const auto reached = analysis::detail::reachable(g, g.entries);
    CHECK(reached[g.local.at(start)]);
    CHECK(reached[g.local.at(end)]);
    CHECK_FALSE(reached[g.local.at(p)]);
    CHECK_FALSE(reached[g.local.at(self)]);
    engine::AnalysisContext ctx(m);
    std::vector<std::string> codes;
    for (const auto& d : ctx.get<analysis::StructurePass>().findings) {
      codes.push_back(std::string(d.code()) + " " + d.element_id);
    }
    std::sort(codes.begin(), codes.end());
    CHECK(codes == std::vector<std::string>{"STR-005 p1", "STR-005 q1", "STR-005 self", "STR-013 p1",
                                            "STR-013 self"});
  }
}

TEST_CASE("scope graph: parallel flows count twice; split and join match across a nested region",
          "[structure][graph][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto split = fx.node("split", NodeKind::parallel_gateway);
  const auto inner_split = fx.node("inner_split", NodeKind::exclusive_gateway);
  const auto a = fx.task("a");
  const auto b = fx.task("b");
  const auto inner_join = fx.node("inner_join", NodeKind::exclusive_gateway);
  const auto c = fx.task("c");
  const auto join = fx.node("join", NodeKind::parallel_gateway);
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, split, inner_split, a, inner_join, join, end});
  fx.flow(inner_split, b, 0.4);
  fx.flow(b, inner_join);
  fx.chain({split, c, join});
  fx.flow(c, join);  // a second flow between the same nodes
  const auto m = fx.finish();
  const auto g = process_graph(m);
  CHECK(g.in_degree(g.local.at(join)) == 3);
  CHECK(g.in_degree(g.local.at(start)) == 0);
  CHECK(back_edges(m, g).empty());
  CHECK(analysis::detail::cycles(g).empty());
  const auto ipdom = analysis::detail::post_dominators(g);
  CHECK(id_of(m, g, analysis::detail::matching_join(g, ipdom, g.local.at(split))) == "join");
  CHECK(id_of(m, g, analysis::detail::matching_join(g, ipdom, g.local.at(inner_split))) == "inner_join");
  CHECK(id_of(m, g, analysis::detail::matching_join(g, ipdom, g.local.at(a))) == "<exit>");  // no split
}

TEST_CASE("scope graph: a 60,000-node chain beside a short branch needs no deep stack", "[structure][graph][slow]") {
  // start -> split -> merge -> t1 -> ... -> t60000 -> again -> join -> end, again -> merge (loop), and
  // split -> join directly. A recursive DFS, Tarjan or Lengauer-Tarjan path compression (the reversed
  // DFS reaches split over the short branch, then walks the chain) would recurse about 60,000 deep.
  constexpr std::size_t length = 60000;
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto split = fx.node("split", NodeKind::exclusive_gateway);
  const auto merge = fx.node("merge", NodeKind::exclusive_gateway);
  const auto again = fx.node("again", NodeKind::exclusive_gateway);
  const auto join = fx.node("join", NodeKind::exclusive_gateway);
  const auto end = fx.node("end", NodeKind::end_event);
  fx.flow(start, split);
  fx.flow(split, join, 0.5);  // the short branch first
  fx.flow(split, merge, 0.5);
  NodeIndex prev = merge;
  NodeIndex first = engine::npos;
  for (std::size_t i = 1; i <= length; ++i) {
    const auto t = fx.task("t" + std::to_string(i));
    if (i == 1) first = t;
    fx.flow(prev, t);
    prev = t;
  }
  fx.flow(prev, again);
  fx.flow(again, join, 0.9);
  fx.flow(again, merge, 0.1);  // one loop over the whole chain
  fx.flow(join, end);
  const auto m = fx.finish();

  std::size_t back = 0, loops = 0, loop_size = 0, topo = 0, reached = 0;
  std::string joined;
  const bool ran = run_with_stack(1u << 20, [&] {  // no Catch2 assertions on this thread
    const auto g = analysis::detail::build_scope_graph(m, analysis::detail::all_scopes(m).front());
    for (const auto& out : g.out) {
      for (const auto& e : out) back += e.back ? 1 : 0;
    }
    const auto c = analysis::detail::cycles(g);
    loops = c.size();
    loop_size = c.empty() ? 0 : c.front().size();
    topo = analysis::detail::topological_order(g).size();
    const auto r = analysis::detail::reachable(g, g.entries);
    reached = static_cast<std::size_t>(std::count(r.begin(), r.end(), true));
    const auto ipdom = analysis::detail::post_dominators(g);
    joined = id_of(m, g, analysis::detail::matching_join(g, ipdom, g.local.at(split)));
  });
  REQUIRE(ran);
  CHECK(back == 1);
  CHECK(loops == 1);
  CHECK(loop_size == length + 2);  // merge, the chain, again
  CHECK(topo == length + 6);
  CHECK(reached == length + 6);
  CHECK(joined == "join");

  engine::AnalysisContext ctx(m);
  CHECK(ctx.get<analysis::StructurePass>().findings.empty());
  const auto& visits = ctx.get<analysis::VisitsPass>();
  CHECK(visits.exact);
  CHECK(visits.visits[first] == Approx(0.5 / 0.9));
  CHECK(visits.visits[end] == Approx(1.0));
}
