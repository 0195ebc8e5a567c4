// SPDX-License-Identifier: MIT
// Branching rules and the per-scope solve of the visits pass. XOR/event-based/complex splits divide a
// token by the flow probabilities (missing ones share the rest equally), AND splits copy it, OR splits
// send it along each branch with that branch's own probability (default flow: none of the others).
// Boundary events take their share of the activity's executions; interrupting ones reduce its normal exit.
#include "analysis/event_rule.h"
#include "analysis/markov.h"
#include "analysis/repetition.h"
#include "analysis/visits_detail.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace lotse::analysis::detail {
namespace {

using engine::DiagId;
using engine::NodeKind;
using engine::npos;

constexpr double tolerance = 0.005;

std::string percent(double fraction) {
  const double p = std::round(fraction * 1000.0) / 10.0;
  return engine::number_arg(p, p == std::round(p) ? 0 : 1);  // localised when printed
}

void note(engine::Diagnostics& notes, const engine::ProcessModel& m, DiagId id, engine::NodeIndex v,
          std::vector<std::string> args) {
  notes.add(id, m.source_path(), m.node(v).origin, m.node(v).id, std::move(args));
}

bool is_default(const engine::Node& n, engine::FlowIndex f, const engine::Flow& flow) {
  return flow.is_default || n.default_flow == f;
}

/// Exclusive choice among `edges` (positions in g.out[v]): probabilities, the rest shared equally.
void exclusive(const engine::ProcessModel& m, const ScopeGraph& g, std::size_t v, const std::vector<std::size_t>& edges,
               std::vector<double>& factor, engine::Diagnostics& notes) {
  if (edges.empty()) return;
  if (edges.size() == 1) {
    factor[edges[0]] = 1.0;
    return;
  }
  const engine::NodeIndex node = g.scope.nodes[v];
  double given = 0;
  std::vector<std::size_t> missing;
  for (const auto e : edges) {
    const auto& f = m.flow(g.out[v][e].flow);
    if (f.probability) {
      factor[e] = std::max(0.0, f.probability->value.value);
      given += factor[e];
    } else {
      missing.push_back(e);
    }
  }
  if (missing.size() == edges.size()) {
    for (const auto e : edges) factor[e] = 1.0 / static_cast<double>(edges.size());
    note(notes, m, DiagId::ana_equal_split, node, {label(m.node(node)), std::to_string(edges.size())});
    return;
  }
  const double rest = 1.0 - given;
  if (!missing.empty() && rest > tolerance) {
    for (const auto e : missing) factor[e] = rest / static_cast<double>(missing.size());
    return;
  }
  for (const auto e : missing) factor[e] = 0.0;
  if (std::abs(given - 1.0) > tolerance && given > 0) {
    for (const auto e : edges) factor[e] /= given;
    note(notes, m, DiagId::ana_probabilities_normalised, node, {label(m.node(node)), percent(given)});
  }
}

/// Inclusive choice: each branch with its own probability; the default flow when no other is taken.
void inclusive(const engine::ProcessModel& m, const ScopeGraph& g, std::size_t v, const std::vector<std::size_t>& edges,
               std::vector<double>& factor, engine::Diagnostics& notes) {
  const engine::NodeIndex node = g.scope.nodes[v];
  const auto& n = m.node(node);
  std::vector<std::size_t> others;
  std::size_t default_edge = npos;
  for (const auto e : edges) {
    const auto f = g.out[v][e].flow;
    if (is_default(n, f, m.flow(f)) && !m.flow(f).probability) {
      default_edge = e;
    } else {
      others.push_back(e);
    }
  }
  std::size_t without = 0;
  for (const auto e : others) without += m.flow(g.out[v][e].flow).probability ? 0 : 1;
  if (without > 0 && others.size() > 1) {
    note(notes, m, DiagId::ana_equal_split, node, {label(n), std::to_string(others.size())});
  }
  double none_taken = 1.0;
  for (const auto e : others) {
    const auto& f = m.flow(g.out[v][e].flow);
    const double p = f.probability ? std::clamp(f.probability->value.value, 0.0, 1.0)
                                   : (others.size() == 1 && default_edge == npos ? 1.0 : 1.0 / static_cast<double>(others.size()));
    factor[e] = p;
    none_taken *= 1.0 - p;
  }
  if (default_edge != npos) factor[default_edge] = others.empty() ? 1.0 : none_taken;
}

/// Probability that a boundary event fires per execution of its activity: the rule the simulation
/// uses (analysis/event_rule.h).
double boundary_probability(const engine::ProcessModel& m, engine::NodeIndex b, engine::Diagnostics& notes) {
  const EventRule r = event_rule(m, b);
  if (!r.given && r.probability <= 0) {
    bool compensation = false;
    for (const auto t : m.node(b).triggers) compensation = compensation || t == engine::EventTrigger::compensate;
    if (!compensation) note(notes, m, DiagId::ana_boundary_no_probability, b, {label(m.node(b))});
    return 0.0;
  }
  return boundary_firing_share(m, b);
}

} // namespace

double own_multiplier(const engine::Node& n) {
  if (n.kind == NodeKind::boundary_event || n.triggered_by_event) return 1.0;
  return n.attrs.occurrence ? std::max(0.0, n.attrs.occurrence->value) : 1.0;
}

std::vector<double> branch_factors(const engine::ProcessModel& m, const ScopeGraph& g, std::size_t v,
                                   engine::Diagnostics& notes) {
  const auto& edges = g.out[v];
  std::vector<double> factor(edges.size(), 0.0);
  const engine::NodeIndex node = g.scope.nodes[v];
  const auto& n = m.node(node);
  std::vector<std::size_t> flows;
  std::size_t links = 0;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (edges[e].kind == EdgeKind::flow) flows.push_back(e);
    if (edges[e].kind == EdgeKind::link) ++links;
  }
  double interrupting = 0;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (edges[e].kind == EdgeKind::link) factor[e] = 1.0 / static_cast<double>(links);
    if (edges[e].kind != EdgeKind::attached) continue;
    const engine::NodeIndex b = g.scope.nodes[edges[e].to];
    const double p = boundary_probability(m, b, notes) * own_multiplier(n);
    factor[e] = p;
    if (m.node(b).interrupting) interrupting += p;
  }
  if (flows.size() == 1) {
    factor[flows[0]] = 1.0;
  } else if (flows.size() > 1) {
    switch (n.kind) {
    case NodeKind::parallel_gateway:
      for (const auto e : flows) factor[e] = 1.0;
      break;
    case NodeKind::exclusive_gateway:
    case NodeKind::event_based_gateway:
    case NodeKind::complex_gateway:
      exclusive(m, g, v, flows, factor, notes);
      break;
    case NodeKind::inclusive_gateway:
      inclusive(m, g, v, flows, factor, notes);
      break;
    default: {
      // Activities and events: unconditional flows all fire (implicit AND); conditional flows and the
      // default flow choose one. A modeller who put probabilities summing to 100 % on every flow means
      // a choice, so that is read as one.
      double sum = 0;
      bool all_given = true;
      for (const auto e : flows) {
        const auto& f = m.flow(edges[e].flow);
        all_given = all_given && f.probability.has_value();
        sum += f.probability ? f.probability->value.value : 0.0;
      }
      if (all_given && std::abs(sum - 1.0) <= tolerance) {
        exclusive(m, g, v, flows, factor, notes);
        break;
      }
      std::vector<std::size_t> choice;
      for (const auto e : flows) {
        const auto& f = m.flow(edges[e].flow);
        if (f.conditional || is_default(n, edges[e].flow, f)) {
          choice.push_back(e);
        } else {
          factor[e] = 1.0;
        }
      }
      exclusive(m, g, v, choice, factor, notes);
    }
    }
  }
  if (interrupting > 0) {
    const double keep = std::max(0.0, 1.0 - interrupting);
    for (const auto e : flows) factor[e] *= keep;
  }
  return factor;
}

namespace {

/// The split whose activations an OR join counts: the first (topologically) split it closes.
std::size_t or_join_split(const ScopeGraph& g, const std::vector<std::size_t>& ipdom, const std::vector<std::size_t>& topo,
                          std::size_t j) {
  for (const auto s : topo) {
    if (s != j && is_split(g, s) && matching_join(g, ipdom, s) == j) return s;
  }
  return g.scope.nodes.size();
}

std::optional<std::vector<double>> solve(const ScopeGraph& g, const std::vector<std::vector<double>>& factors,
                                         const std::vector<double>& sources, const std::vector<double>& join_weight,
                                         const std::vector<std::size_t>& or_split, bool with_back_edges) {
  const std::size_t n = g.scope.nodes.size();
  FlowSystem sys(n);
  for (std::size_t v = 0; v < n; ++v) sys.add_source(v, sources[v]);
  for (std::size_t v = 0; v < n; ++v) {
    for (std::size_t e = 0; e < g.out[v].size(); ++e) {
      const auto& edge = g.out[v][e];
      if (edge.back && !with_back_edges) continue;
      if (or_split[edge.to] < n && edge.kind == EdgeKind::flow) continue;
      sys.add_transfer(v, edge.to, factors[v][e] * (edge.kind == EdgeKind::flow ? join_weight[edge.to] : 1.0));
    }
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (or_split[j] < n) sys.add_transfer(or_split[j], j, 1.0);
  }
  return sys.solve();
}

} // namespace

LocalVisits solve_scope(const engine::ProcessModel& m, const ScopeGraph& g, engine::Diagnostics& notes) {
  const std::size_t n = g.scope.nodes.size();
  LocalVisits out;
  out.arrivals.assign(n, 0.0);
  out.visits.assign(n, 0.0);
  if (n == 0) return out;

  std::vector<double> sources(n, 0.0);
  bool start_occurrence = false;
  // In an event sub-process the start event's occurrence is its trigger probability, counted already
  // as the sub-process's visits in the enclosing scope (analysis/event_rule.h).
  const bool event_sub = g.scope.container != npos && m.node(g.scope.container).triggered_by_event;
  for (const auto s : g.start_events) {
    start_occurrence = start_occurrence || (!event_sub && m.node(g.scope.nodes[s]).attrs.occurrence.has_value());
  }
  if (start_occurrence) {
    for (const auto s : g.start_events) {
      const auto& occ = m.node(g.scope.nodes[s]).attrs.occurrence;
      sources[s] = occ ? std::max(0.0, occ->value) : 0.0;
    }
  } else if (!g.start_events.empty()) {
    const double share = 1.0 / static_cast<double>(g.start_events.size());
    for (const auto s : g.start_events) sources[s] = share;
    if (g.start_events.size() > 1) {
      const std::string where = g.scope.container != npos ? label(m.node(g.scope.container)) : process_label(m, g.scope.process);
      const auto& at = g.scope.container != npos ? m.node(g.scope.container).origin : m.node(g.scope.nodes[g.start_events[0]]).origin;
      notes.add(DiagId::ana_multiple_starts, m.source_path(), at, "", {where, std::to_string(g.start_events.size())});
    }
  } else {
    for (const auto e : g.entries) sources[e] = 1.0;  // BPMN: all activities without incoming flow start
  }
  for (std::size_t v = 0; v < n; ++v) {
    const auto& node = m.node(g.scope.nodes[v]);
    if (!node.triggered_by_event) continue;
    if (const EventRule r = event_rule(m, g.scope.nodes[v]); r.given) {
      sources[v] += r.probability;
    } else {
      note(notes, m, DiagId::ana_event_subprocess, g.scope.nodes[v], {label(node)});
    }
  }

  std::vector<std::vector<double>> factors(n);
  for (std::size_t v = 0; v < n; ++v) factors[v] = branch_factors(m, g, v, notes);

  const auto ipdom = post_dominators(g);
  const auto topo = topological_order(g);
  std::vector<double> join_weight(n, 1.0);
  std::vector<std::size_t> or_split(n, n);
  std::vector<std::size_t> incoming(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    for (const auto& e : g.out[v]) incoming[e.to] += e.kind == EdgeKind::flow ? 1 : 0;
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (incoming[j] < 2) continue;
    const auto kind = m.node(g.scope.nodes[j]).kind;
    // An AND join fires once per complete set of tokens: with every branch delivering the same
    // expected number, that is the mean of its incoming traversals.
    if (kind == NodeKind::parallel_gateway) join_weight[j] = 1.0 / static_cast<double>(incoming[j]);
    if (kind == NodeKind::inclusive_gateway) {
      or_split[j] = or_join_split(g, ipdom, topo, j);
      if (or_split[j] >= n) note(notes, m, DiagId::ana_unmatched_or_join, g.scope.nodes[j], {label(m.node(g.scope.nodes[j]))});
    }
  }

  auto arrivals = solve(g, factors, sources, join_weight, or_split, true);
  if (!arrivals) {
    out.exact = false;
    const std::string where = g.scope.container != npos ? label(m.node(g.scope.container)) : process_label(m, g.scope.process);
    const auto& at = g.scope.container != npos ? m.node(g.scope.container).origin : m.node(g.scope.nodes[0]).origin;
    notes.add(DiagId::ana_unsolvable, m.source_path(), at, "", {where});
    arrivals = solve(g, factors, sources, join_weight, or_split, false);
    if (!arrivals) arrivals = std::vector<double>(n, 0.0);
  }
  out.arrivals = *arrivals;
  for (std::size_t v = 0; v < n; ++v) {
    const auto& node = m.node(g.scope.nodes[v]);
    out.visits[v] = out.arrivals[v] * own_multiplier(node) * expected_repetitions(node);
    if (node.loop != engine::LoopKind::none && !repetition_of(node) && !node.attrs.occurrence) {
      note(notes, m, DiagId::ana_loop_marker, g.scope.nodes[v], {label(node)});
    }
    for (std::size_t e = 0; e < g.out[v].size(); ++e) {
      const auto& edge = g.out[v][e];
      if (edge.kind != EdgeKind::flow) continue;
      if (edge.back && !out.exact) continue;
      out.flows.emplace_back(edge.flow, factors[v][e] * out.arrivals[v]);
    }
  }
  return out;
}

} // namespace lotse::analysis::detail
