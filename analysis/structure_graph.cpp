// SPDX-License-Identifier: MIT
// Scope graphs on Boost.Graph: back edges by boost::depth_first_visit from the entries, loops by
// boost::strong_components (Tarjan), reachability and split/join matching by depth-first visits,
// post-dominators by the Cooper-Harvey-Kennedy iteration ("A Simple, Fast Dominance Algorithm", 2001)
// on the reversed graph without back edges, over a Boost post-order.
//
// Not boost::lengauer_tarjan_dominator_tree: its path compression (ancestor_with_lowest_semi_ in
// Boost 1.74's dominator_tree.hpp) recurses once per ancestor in the DFS forest, so a split with one
// short branch and one 60,000-node branch recurses 60,000 deep (crashes on a 1 MB stack). The
// iteration gives the same unique immediate post-dominators with a flat stack.
// Not boost::topological_sort: it yields a DFS finish order, while the visits pass matches OR joins
// to the first split in this Kahn (FIFO) order, so the order is part of the results.
#include "analysis/structure_graph.h"

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <deque>

namespace lotse::analysis::detail {

using engine::NodeIndex;
using engine::NodeKind;
using engine::npos;

std::vector<Scope> all_scopes(const engine::ProcessModel& m) {
  std::vector<Scope> scopes;
  std::vector<std::size_t> process_slot(m.processes().size() + 1, npos);
  for (const NodeIndex v : m.children(npos)) {
    const auto p = m.node(v).process;
    const std::size_t key = p < m.processes().size() ? p : m.processes().size();
    if (process_slot[key] == npos) {
      process_slot[key] = scopes.size();
      scopes.push_back(Scope{npos, p < m.processes().size() ? p : npos, {}});
    }
    scopes[process_slot[key]].nodes.push_back(v);
  }
  for (NodeIndex c = 0; c < m.node_count(); ++c) {
    if (!engine::is_container(m.node(c).kind)) continue;
    const auto kids = m.children(c);
    if (kids.empty()) continue;
    scopes.push_back(Scope{c, m.node(c).process, {kids.begin(), kids.end()}});
  }
  return scopes;
}

bool outside_flow(const engine::Node& n) {
  return n.for_compensation || (engine::is_container(n.kind) && n.triggered_by_event);
}

namespace {

bool has_trigger(const engine::Node& n, engine::EventTrigger t) {
  return std::find(n.triggers.begin(), n.triggers.end(), t) != n.triggers.end();
}

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

using Colour = boost::default_color_type;

auto colour_map(std::vector<Colour>& colours, const ScopeBoostGraph& g) {
  return boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, g));
}

/// Marks every edge that reaches a vertex still on the DFS stack (grey).
struct BackEdgeMarker : boost::default_dfs_visitor {
  boost::property_map<ScopeBoostGraph, bool ScopeEdgeData::*>::type back;
  void back_edge(ScopeBoostGraph::edge_descriptor e, const ScopeBoostGraph&) const { boost::put(back, e, true); }
};

/// DFS roots in this order, one colour map for all: entries, nodes without incoming edges, all nodes.
void mark_back_edges(ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  std::vector<Colour> colours(n, boost::white_color);
  const auto colour = colour_map(colours, g.graph);
  const BackEdgeMarker marker{{}, boost::get(&ScopeEdgeData::back, g.graph)};
  auto dfs = [&](std::size_t root) {
    if (colours[root] == boost::white_color) boost::depth_first_visit(g.graph, root, marker, colour);
  };
  for (const std::size_t e : g.entries) dfs(e);
  for (std::size_t v = 0; v < n; ++v) {
    if (g.in_degree(v) == 0) dfs(v);
  }
  for (std::size_t v = 0; v < n; ++v) dfs(v);
}

/// Edge filter: the graph without back edges (acyclic).
struct ForwardEdge {
  const ScopeBoostGraph* g = nullptr;
  bool operator()(ScopeBoostGraph::edge_descriptor e) const { return !(*g)[e].back; }
};

/// Records the finish order of a depth-first visit.
struct PostOrder : boost::default_dfs_visitor {
  std::vector<std::size_t>* order = nullptr;
  template <class Vertex, class Graph>
  void finish_vertex(Vertex v, const Graph&) const {
    order->push_back(v);
  }
};

} // namespace

ScopeGraph build_scope_graph(const engine::ProcessModel& m, const Scope& s) {
  ScopeGraph g;
  g.scope = s;
  const std::size_t n = s.nodes.size();
  for (std::size_t i = 0; i < n; ++i) g.local.emplace(s.nodes[i], i);
  g.graph = ScopeBoostGraph(n);
  auto add = [&](std::size_t a, std::size_t b, engine::FlowIndex f, EdgeKind k) {
    boost::add_edge(a, b, ScopeEdgeData{f, k, false}, g.graph);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const NodeIndex v = s.nodes[i];
    for (const auto f : m.out_flows(v)) {
      const auto it = g.local.find(m.flow(f).target);
      if (it == g.local.end()) continue;
      add(i, it->second, f, EdgeKind::flow);
      ++g.flow_count;
    }
    for (const NodeIndex b : m.boundary_events(v)) {
      if (const auto it = g.local.find(b); it != g.local.end()) add(i, it->second, npos, EdgeKind::attached);
    }
  }
  // Link events: a throw continues at every catch of the same name in the same scope.
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = m.node(s.nodes[i]);
    if (t.kind != NodeKind::intermediate_throw_event || !has_trigger(t, engine::EventTrigger::link)) continue;
    const std::string name = trimmed(t.name);
    if (name.empty()) continue;
    for (std::size_t j = 0; j < n; ++j) {
      const auto& c = m.node(s.nodes[j]);
      if (c.kind == NodeKind::intermediate_catch_event && has_trigger(c, engine::EventTrigger::link) &&
          trimmed(c.name) == name) {
        add(i, j, npos, EdgeKind::link);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto& node = m.node(s.nodes[i]);
    if (node.kind == NodeKind::start_event) g.start_events.push_back(i);
  }
  if (!g.start_events.empty()) {
    g.entries = g.start_events;
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      const auto& node = m.node(s.nodes[i]);
      if (g.in_degree(i) == 0 && node.kind != NodeKind::boundary_event && !outside_flow(node)) g.entries.push_back(i);
    }
  }
  mark_back_edges(g);
  g.out.assign(n, {});
  for (std::size_t v = 0; v < n; ++v) {
    g.out[v].reserve(boost::out_degree(v, g.graph));
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph))) {
      const auto& d = g.graph[e];
      g.out[v].push_back(ScopeEdge{boost::target(e, g.graph), d.flow, d.kind, d.back});
    }
  }
  return g;
}

std::vector<bool> reachable(const ScopeGraph& g, const std::vector<std::size_t>& roots) {
  const std::size_t n = g.scope.nodes.size();
  std::vector<Colour> colours(n, boost::white_color);
  const auto colour = colour_map(colours, g.graph);
  for (const std::size_t r : roots) {
    if (colours[r] == boost::white_color) boost::depth_first_visit(g.graph, r, boost::default_dfs_visitor(), colour);
  }
  std::vector<bool> reached(n, false);
  for (std::size_t v = 0; v < n; ++v) reached[v] = colours[v] != boost::white_color;
  return reached;
}

std::vector<std::size_t> post_dominators(const ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  const std::size_t exit = n;
  // Forward graph without back edges plus a virtual exit after every node without successor.
  boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS> dag(n + 1);
  for (std::size_t v = 0; v < n; ++v) {
    bool leaves = false;
    for (const auto& e : g.out[v]) {
      if (e.back) continue;
      boost::add_edge(v, e.to, dag);
      leaves = true;
    }
    if (!leaves) boost::add_edge(v, exit, dag);
  }
  // Post-order of the reversed graph from the exit.
  const auto reversed = boost::make_reverse_graph(dag);
  std::vector<std::size_t> order;
  order.reserve(n + 1);
  std::vector<Colour> colours(n + 1, boost::white_color);
  boost::depth_first_visit(reversed, exit, PostOrder{{}, &order},
                           boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, dag)));
  std::vector<std::size_t> po(n + 1, npos);
  for (std::size_t i = 0; i < order.size(); ++i) po[order[i]] = i;
  std::vector<std::size_t> idom(n + 1, npos);
  idom[exit] = exit;
  auto intersect = [&](std::size_t a, std::size_t b) {
    while (a != b) {
      while (po[a] < po[b]) a = idom[a];
      while (po[b] < po[a]) b = idom[b];
    }
    return a;
  };
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const std::size_t b = *it;
      if (b == exit) continue;
      std::size_t nd = npos;
      for (const auto e : boost::make_iterator_range(boost::out_edges(b, dag))) {
        const std::size_t s = boost::target(e, dag);
        if (idom[s] == npos) continue;
        nd = nd == npos ? s : intersect(s, nd);
      }
      if (nd != idom[b]) {
        idom[b] = nd;
        changed = true;
      }
    }
  }
  idom.pop_back();
  for (auto& d : idom) {
    if (d == npos) d = exit;
  }
  return idom;
}

std::size_t matching_join(const ScopeGraph& g, const std::vector<std::size_t>& ipdom, std::size_t s) {
  const std::size_t n = g.scope.nodes.size();
  const std::size_t j = ipdom.at(s);
  if (j >= n) return n;
  // Nodes reached from s over forward edges without passing j (j itself is reached, not left).
  const boost::filtered_graph<ScopeBoostGraph, ForwardEdge> forward(g.graph, ForwardEdge{&g.graph});
  std::vector<Colour> colours(n, boost::white_color);
  boost::depth_first_visit(forward, s, boost::default_dfs_visitor(), colour_map(colours, g.graph),
                           [j](std::size_t v, const auto&) { return v == j; });
  std::size_t arriving = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (colours[v] == boost::white_color || v == j) continue;
    for (const auto& e : g.out[v]) {
      if (!e.back && e.to == j && e.kind == EdgeKind::flow) ++arriving;
    }
  }
  return arriving >= 2 ? j : n;
}

std::vector<std::vector<std::size_t>> cycles(const ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  std::vector<std::size_t> component(n, 0);
  const std::size_t count = boost::strong_components(
      g.graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g.graph)));
  std::vector<std::vector<std::size_t>> members(count);
  for (std::size_t v = 0; v < n; ++v) members[component[v]].push_back(v);  // ascending
  std::vector<std::vector<std::size_t>> result;
  for (auto& comp : members) {
    bool self_loop = false;
    if (comp.size() == 1) {
      for (const auto e : boost::make_iterator_range(boost::out_edges(comp.front(), g.graph))) {
        self_loop = self_loop || boost::target(e, g.graph) == comp.front();
      }
    }
    if (comp.size() > 1 || self_loop) result.push_back(std::move(comp));
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::size_t> topological_order(const ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  std::vector<std::size_t> indegree(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    for (const auto& e : g.out[v]) {
      if (!e.back) ++indegree[e.to];
    }
  }
  std::deque<std::size_t> ready;
  for (std::size_t v = 0; v < n; ++v) {
    if (indegree[v] == 0) ready.push_back(v);
  }
  std::vector<std::size_t> order;
  while (!ready.empty()) {
    const std::size_t v = ready.front();
    ready.pop_front();
    order.push_back(v);
    for (const auto& e : g.out[v]) {
      if (!e.back && --indegree[e.to] == 0) ready.push_back(e.to);
    }
  }
  return order;
}

std::string label(const engine::Node& n) {
  std::string s = trimmed(n.name).empty() ? n.id : trimmed(n.name);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

std::string process_label(const engine::ProcessModel& m, engine::ProcessIndex p) {
  if (p >= m.processes().size()) return m.name();
  const auto& proc = m.processes()[p];
  if (!trimmed(proc.name).empty()) return trimmed(proc.name);
  if (proc.participant < m.participants().size() && !trimmed(m.participants()[proc.participant].name).empty()) {
    return trimmed(m.participants()[proc.participant].name);
  }
  return proc.id;
}

bool is_split(const ScopeGraph& g, std::size_t v) {
  std::size_t flows = 0;
  for (const auto& e : g.out[v]) flows += e.kind == EdgeKind::flow ? 1 : 0;
  return flows >= 2;
}

} // namespace lotse::analysis::detail
