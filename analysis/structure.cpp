// SPDX-License-Identifier: MIT
// Structure checks per scope (process level, sub-process): start/end events, reachability, dead ends,
// implicit splits and joins (bpmnlint's no-implicit-split and fake-join), split probabilities summing
// to 100 % (PICTURE's Plausibilitätshinweise; variant sums are reported by the importers), AND/XOR
// split-join mismatches found by matching each split with its immediate post-dominator, loops without
// exit (strongly connected components without an outgoing edge), boundary events without outgoing flow.
#include "analysis/structure.h"

#include "analysis/structure_graph.h"

#include <fmt/format.h>

#include <cmath>

namespace lotse::analysis {
namespace {

using detail::EdgeKind;
using detail::label;
using engine::DiagId;
using engine::NodeIndex;
using engine::NodeKind;
using engine::npos;

constexpr double probability_tolerance = 0.005;

/// "100", "99.5": percentages without needless decimals.
std::string percent(double fraction) {
  const double p = std::round(fraction * 1000.0) / 10.0;
  return engine::number_arg(p, p == std::round(p) ? 0 : 1);  // localised when printed
}

class Checker {
public:
  Checker(const engine::ProcessModel& m, engine::Diagnostics& out) : m_(m), out_(out) {}

  void run() {
    for (const auto& scope : detail::all_scopes(m_)) check_scope(scope);
    check_boundary_events();
    out_.sort();
  }

private:
  void add_at_node(DiagId id, NodeIndex v, std::vector<std::string> args) {
    const auto& n = m_.node(v);
    out_.add(id, m_.source_path(), n.origin, n.id, std::move(args));
  }

  void check_scope(const detail::Scope& scope) {
    const detail::ScopeGraph g = detail::build_scope_graph(m_, scope);
    const bool ad_hoc = scope.container != npos && m_.node(scope.container).kind == NodeKind::ad_hoc_sub_process;
    if (ad_hoc) return;  // ad-hoc sub-processes have no prescribed order (bpmnlint's ad-hoc-sub-process)
    bool has_end = false;
    for (const NodeIndex v : scope.nodes) has_end = has_end || m_.node(v).kind == NodeKind::end_event;
    check_start_end(scope, !g.start_events.empty(), has_end);
    // A node without any flow gets one finding (bpmnlint's no-disconnected), not unreachable + dead end.
    std::vector<bool> disconnected(scope.nodes.size(), false);
    for (std::size_t i = 0; i < scope.nodes.size() && scope.nodes.size() > 1; ++i) {
      const auto& node = m_.node(scope.nodes[i]);
      if (g.in_degree(i) > 0 || !g.out[i].empty() || detail::outside_flow(node) || node.kind == NodeKind::boundary_event) continue;
      disconnected[i] = true;
      add_at_node(DiagId::str_disconnected, scope.nodes[i], {label(node)});
    }
    if (!g.start_events.empty()) check_reachability(g, disconnected);
    for (std::size_t i = 0; i < scope.nodes.size(); ++i) {
      if (!disconnected[i]) check_node(g, i, has_end);
    }
    check_splits(g);
    check_loops(g);
  }

  void check_start_end(const detail::Scope& scope, bool has_start, bool has_end) {
    if (scope.container == npos) {
      if (scope.process >= m_.processes().size()) return;
      const auto& p = m_.processes()[scope.process];
      const std::string name = detail::process_label(m_, scope.process);
      if (!has_start) out_.add(DiagId::str_no_start_event, m_.source_path(), p.origin, p.id, {name});
      if (!has_end) out_.add(DiagId::str_no_end_event, m_.source_path(), p.origin, p.id, {name});
      return;
    }
    const auto& c = m_.node(scope.container);
    if (!has_start) add_at_node(DiagId::str_subprocess_no_start, scope.container, {label(c)});
    if (!has_end && !c.triggered_by_event) add_at_node(DiagId::str_subprocess_no_end, scope.container, {label(c)});
  }

  void check_reachability(const detail::ScopeGraph& g, const std::vector<bool>& disconnected) {
    const std::size_t n = g.scope.nodes.size();
    std::vector<std::size_t> roots(g.entries.begin(), g.entries.end());
    for (std::size_t v = 0; v < n; ++v) {
      if (detail::outside_flow(m_.node(g.scope.nodes[v]))) roots.push_back(v);
    }
    const auto reached = detail::reachable(g, roots);
    for (std::size_t v = 0; v < n; ++v) {
      const auto& node = m_.node(g.scope.nodes[v]);
      if (reached[v] || disconnected[v] || node.kind == NodeKind::boundary_event) continue;  // reported with its activity
      add_at_node(DiagId::str_unreachable, g.scope.nodes[v], {label(node)});
    }
  }

  void check_node(const detail::ScopeGraph& g, std::size_t i, bool scope_has_end) {
    const NodeIndex v = g.scope.nodes[i];
    const auto& node = m_.node(v);
    if (detail::outside_flow(node)) return;
    std::size_t outgoing = 0, unconditional = 0, incoming = 0;
    for (const auto& e : g.out[i]) {
      if (e.kind == EdgeKind::link) ++outgoing;
      if (e.kind != EdgeKind::flow) continue;
      ++outgoing;
      const auto& f = m_.flow(e.flow);
      if (!f.conditional && !f.is_default && node.default_flow != e.flow) ++unconditional;
    }
    for (const auto f : m_.in_flows(v)) incoming += g.local.count(m_.flow(f).source);
    if (node.kind == NodeKind::boundary_event) return;  // checked for the whole model
    if (outgoing == 0 && node.kind != NodeKind::end_event && scope_has_end) {
      add_at_node(DiagId::str_dead_end, v, {label(node)});
    }
    if (engine::is_gateway(node.kind)) {
      check_probabilities(g, i);
      return;
    }
    if (unconditional >= 2) add_at_node(DiagId::str_implicit_split, v, {label(node), std::to_string(unconditional)});
    if (incoming >= 2 && node.kind != NodeKind::end_event) {
      add_at_node(DiagId::str_implicit_join, v, {label(node), std::to_string(incoming)});
    }
  }

  void check_probabilities(const detail::ScopeGraph& g, std::size_t i) {
    const NodeIndex v = g.scope.nodes[i];
    const auto& node = m_.node(v);
    if (node.kind != NodeKind::exclusive_gateway && node.kind != NodeKind::event_based_gateway &&
        node.kind != NodeKind::complex_gateway) {
      return;
    }
    // The variant split of a PICTURE Teilprozess: the importer reports the variant sum already.
    for (const auto& tp : m_.picture_subprocesses()) {
      if (tp.node != npos && tp.node == node.parent) return;
    }
    std::size_t total = 0, given = 0, missing_non_default = 0;
    double sum = 0;
    for (const auto& e : g.out[i]) {
      if (e.kind != EdgeKind::flow) continue;
      ++total;
      const auto& f = m_.flow(e.flow);
      if (f.probability) {
        ++given;
        sum += f.probability->value.value;
      } else if (!f.is_default && node.default_flow != e.flow) {
        ++missing_non_default;
      }
    }
    if (total < 2 || given == 0) return;
    const bool complete = given == total;
    if ((complete && std::abs(sum - 1.0) > probability_tolerance) || sum > 1.0 + probability_tolerance) {
      add_at_node(DiagId::str_probability_sum, v, {label(node), percent(sum)});
    } else if (missing_non_default > 0) {
      add_at_node(DiagId::str_gateway_probability_missing, v,
                  {label(node), std::to_string(total - given), std::to_string(total)});
    }
  }

  void check_splits(const detail::ScopeGraph& g) {
    const std::size_t n = g.scope.nodes.size();
    if (n == 0) return;
    const auto ipdom = detail::post_dominators(g);
    for (std::size_t s = 0; s < n; ++s) {
      const auto& split = m_.node(g.scope.nodes[s]);
      const bool and_split = split.kind == NodeKind::parallel_gateway;
      const bool xor_split = split.kind == NodeKind::exclusive_gateway || split.kind == NodeKind::event_based_gateway;
      if ((!and_split && !xor_split) || !detail::is_split(g, s)) continue;
      const std::size_t j = detail::matching_join(g, ipdom, s);
      if (j >= n) continue;
      const auto& join = m_.node(g.scope.nodes[j]);
      if (and_split && (join.kind == NodeKind::exclusive_gateway ||
                        (!engine::is_gateway(join.kind) && join.kind != NodeKind::end_event))) {
        add_at_node(DiagId::str_and_split_xor_join, g.scope.nodes[j], {label(split), label(join)});
      } else if (xor_split && join.kind == NodeKind::parallel_gateway) {
        add_at_node(DiagId::str_xor_split_and_join, g.scope.nodes[j], {label(split), label(join)});
      }
    }
  }

  /// True when the scope can be left by an event from outside its flow (an interrupting boundary
  /// event on the sub-process, or an event sub-process inside it), so an endless loop may be intended.
  [[nodiscard]] bool interruptible(const detail::Scope& scope) const {
    if (scope.container != npos) {
      for (const NodeIndex b : m_.boundary_events(scope.container)) {
        if (m_.node(b).interrupting) return true;
      }
    }
    for (const NodeIndex v : scope.nodes) {
      if (m_.node(v).triggered_by_event) return true;
    }
    return false;
  }

  void check_loops(const detail::ScopeGraph& g) {
    const auto loops = detail::cycles(g);
    if (loops.empty() || interruptible(g.scope)) return;
    for (const auto& comp : loops) {
      std::vector<bool> member(g.scope.nodes.size(), false);
      for (const auto v : comp) member[v] = true;
      bool exit = false;
      for (const auto v : comp) {
        const auto& node = m_.node(g.scope.nodes[v]);
        exit = exit || node.kind == NodeKind::end_event;
        for (const auto& e : g.out[v]) exit = exit || !member[e.to];
      }
      if (exit) continue;
      add_at_node(DiagId::str_loop_without_exit, g.scope.nodes[comp.front()],
                  {label(m_.node(g.scope.nodes[comp.front()])), std::to_string(comp.size())});
    }
  }

  void check_boundary_events() {
    for (NodeIndex v = 0; v < m_.node_count(); ++v) {
      const auto& node = m_.node(v);
      if (node.kind != NodeKind::boundary_event || !m_.out_flows(v).empty()) continue;
      bool compensation = false;
      for (const auto t : node.triggers) compensation = compensation || t == engine::EventTrigger::compensate;
      if (!compensation) add_at_node(DiagId::str_boundary_no_outgoing, v, {label(node)});
    }
  }

  const engine::ProcessModel& m_;
  engine::Diagnostics& out_;
};

} // namespace

StructurePass::Result StructurePass::run(const engine::ProcessModel& m, engine::AnalysisContext&) const {
  Result r;
  Checker(m, r.findings).run();
  return r;
}

} // namespace lotse::analysis
