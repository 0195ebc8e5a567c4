// SPDX-License-Identifier: MIT
// Scope graphs: back edges by depth-first search from the entries, post-dominators by the
// Cooper-Harvey-Kennedy iteration ("A Simple, Fast Dominance Algorithm", 2001) on the reversed
// graph without back edges, loops by Tarjan's strongly connected components.
#include "analysis/structure_graph.h"

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

void mark_back_edges(ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  enum : unsigned char { white, grey, black };
  std::vector<unsigned char> colour(n, white);
  struct Frame {
    std::size_t v, next;
  };
  auto dfs = [&](std::size_t root) {
    if (colour[root] != white) return;
    std::vector<Frame> stack{{root, 0}};
    colour[root] = grey;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next < g.out[f.v].size()) {
        ScopeEdge& e = g.out[f.v][f.next++];
        if (colour[e.to] == grey) {
          e.back = true;
        } else if (colour[e.to] == white) {
          colour[e.to] = grey;
          stack.push_back({e.to, 0});
        }
      } else {
        colour[f.v] = black;
        stack.pop_back();
      }
    }
  };
  for (const std::size_t e : g.entries) dfs(e);
  for (std::size_t v = 0; v < n; ++v) {
    if (g.in[v].empty()) dfs(v);
  }
  for (std::size_t v = 0; v < n; ++v) dfs(v);
}

} // namespace

ScopeGraph build_scope_graph(const engine::ProcessModel& m, const Scope& s) {
  ScopeGraph g;
  g.scope = s;
  const std::size_t n = s.nodes.size();
  for (std::size_t i = 0; i < n; ++i) g.local.emplace(s.nodes[i], i);
  g.out.assign(n, {});
  g.in.assign(n, {});
  auto add = [&](std::size_t a, std::size_t b, engine::FlowIndex f, EdgeKind k) {
    g.out[a].push_back(ScopeEdge{b, f, k, false});
    g.in[b].push_back(a);
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
      if (g.in[i].empty() && node.kind != NodeKind::boundary_event && !outside_flow(node)) g.entries.push_back(i);
    }
  }
  mark_back_edges(g);
  return g;
}

std::vector<std::size_t> post_dominators(const ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  const std::size_t exit = n;
  std::vector<std::vector<std::size_t>> succ(n + 1), pred(n + 1);  // forward DAG incl. virtual exit
  for (std::size_t v = 0; v < n; ++v) {
    for (const auto& e : g.out[v]) {
      if (e.back) continue;
      succ[v].push_back(e.to);
      pred[e.to].push_back(v);
    }
    if (succ[v].empty()) {
      succ[v].push_back(exit);
      pred[exit].push_back(v);
    }
  }
  // Post-order of the reversed graph from the exit.
  std::vector<std::size_t> order;
  std::vector<std::size_t> po(n + 1, npos);
  std::vector<bool> seen(n + 1, false);
  struct Frame {
    std::size_t v, next;
  };
  std::vector<Frame> stack{{exit, 0}};
  seen[exit] = true;
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next < pred[f.v].size()) {
      const std::size_t w = pred[f.v][f.next++];
      if (!seen[w]) {
        seen[w] = true;
        stack.push_back({w, 0});
      }
    } else {
      po[f.v] = order.size();
      order.push_back(f.v);
      stack.pop_back();
    }
  }
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
      for (const std::size_t s : succ[b]) {
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
  std::vector<bool> reached(n, false);
  std::deque<std::size_t> queue{s};
  reached[s] = true;
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    if (v == j) continue;
    for (const auto& e : g.out[v]) {
      if (e.back || reached[e.to]) continue;
      reached[e.to] = true;
      queue.push_back(e.to);
    }
  }
  std::size_t arriving = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (!reached[v] || v == j) continue;
    for (const auto& e : g.out[v]) {
      if (!e.back && e.to == j && e.kind == EdgeKind::flow) ++arriving;
    }
  }
  return arriving >= 2 ? j : n;
}

std::vector<std::vector<std::size_t>> cycles(const ScopeGraph& g) {
  const std::size_t n = g.scope.nodes.size();
  std::vector<std::size_t> index(n, npos), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  std::vector<std::vector<std::size_t>> result;
  std::size_t counter = 0;
  struct Frame {
    std::size_t v, next;
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != npos) continue;
    std::vector<Frame> call{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!call.empty()) {
      Frame& f = call.back();
      if (f.next < g.out[f.v].size()) {
        const std::size_t w = g.out[f.v][f.next++].to;
        if (index[w] == npos) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          call.push_back({w, 0});
        } else if (on_stack[w]) {
          low[f.v] = std::min(low[f.v], index[w]);
        }
        continue;
      }
      const std::size_t v = f.v;
      call.pop_back();
      if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
      if (low[v] != index[v]) continue;
      std::vector<std::size_t> comp;
      std::size_t w = npos;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        comp.push_back(w);
      } while (w != v);
      bool self_loop = false;
      for (const auto& e : g.out[v]) self_loop = self_loop || e.to == v;
      if (comp.size() > 1 || self_loop) {
        std::sort(comp.begin(), comp.end());
        result.push_back(std::move(comp));
      }
    }
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
