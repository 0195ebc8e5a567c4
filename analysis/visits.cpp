// SPDX-License-Identifier: MIT
// Expected visits per case: every scope (process level, sub-process) is solved once per activation
// (visits_scope.cpp), then scaled top-down: a sub-process's contents by its own visits, a called
// process's by the call activity's. Reads flow probabilities, default flows, attrs.occurrence and
// the PICTURE structure (Fallzahl Teilprozess / Fallzahl Prozess; Lastfaktor = P(Variante) x
// P(Baustein) per block, exactly as PICTURE-Classic computes it).
#include "analysis/visits.h"

#include "analysis/repetition.h"
#include "analysis/visits_detail.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace lotse::analysis {
namespace {

using engine::DiagId;
using engine::NodeIndex;
using engine::npos;
using engine::ProcessIndex;

/// Up to four decimals without trailing zeros, localised when the diagnostic prints.
std::string number(double v) { return engine::number_arg_g(std::round(v * 1e4) / 1e4, 15); }

class Propagator {
public:
  Propagator(const engine::ProcessModel& m, VisitsResult& r) : m_(m), r_(r) {}

  void run() {
    r_.visits.assign(m_.node_count(), 0.0);
    r_.flow_traversals.assign(m_.flows().size(), 0.0);
    r_.case_process.assign(m_.node_count(), npos);
    r_.expanded.assign(m_.node_count(), false);
    for (NodeIndex v = 0; v < m_.node_count(); ++v) r_.case_process[v] = m_.node(v).process;

    for (auto& s : detail::all_scopes(m_)) {
      const std::size_t slot = scopes_.size();
      if (s.container == npos) {
        top_scope_.emplace(s.process, slot);
      } else {
        child_scope_.emplace(s.container, slot);
      }
      scopes_.push_back(detail::build_scope_graph(m_, s));
    }
    local_.resize(scopes_.size());
    solved_.assign(scopes_.size(), false);

    std::unordered_map<std::string, ProcessIndex> by_id;
    for (ProcessIndex p = 0; p < m_.processes().size(); ++p) by_id.emplace(m_.processes()[p].id, p);
    called_.assign(m_.node_count(), npos);
    std::vector<bool> is_called(m_.processes().size(), false);
    for (NodeIndex v = 0; v < m_.node_count(); ++v) {
      const auto& n = m_.node(v);
      if (n.kind != engine::NodeKind::call_activity || n.called_element.empty()) continue;
      const auto it = by_id.find(n.called_element);
      if (it == by_id.end() || top_scope_.count(it->second) == 0) {
        r_.notes.add(DiagId::ana_call_not_found, m_.source_path(), n.origin, n.id, {detail::label(n), n.called_element});
        continue;
      }
      called_[v] = it->second;
      if (m_.processes()[it->second].participant == npos) is_called[it->second] = true;
    }
    std::vector<ProcessIndex> roots;
    for (const auto& [p, slot] : top_scope_) {
      if (p == npos || p >= is_called.size() || !is_called[p]) roots.push_back(p);
    }
    if (roots.empty()) {
      for (const auto& [p, slot] : top_scope_) roots.push_back(p);
    }
    std::sort(roots.begin(), roots.end());
    for (const auto p : roots) {
      stack_.assign(1, p);
      apply(top_scope_.at(p), 1.0, p);
    }
    apply_picture_rule();
  }

private:
  const detail::LocalVisits& local(std::size_t slot) {
    if (!solved_[slot]) {
      local_[slot] = detail::solve_scope(m_, scopes_[slot], r_.notes);
      solved_[slot] = true;
      r_.exact = r_.exact && local_[slot].exact;
    }
    return local_[slot];
  }

  /// Fallzahl Teilprozess / Fallzahl Prozess for a PICTURE Teilprozess node, else 1.
  double subprocess_factor(NodeIndex c) {
    for (const auto& tp : m_.picture_subprocesses()) {
      if (tp.node != c || !tp.cases_per_year) continue;
      const auto process_cases = m_.cases_per_year(m_.node(c).process);
      if (!process_cases || *process_cases <= 0) return 1.0;
      const double f = tp.cases_per_year->value / *process_cases;
      if (std::abs(f - 1.0) > 1e-12 && noted_.insert(c).second) {
        r_.notes.add(DiagId::ana_subprocess_cases, m_.source_path(), m_.node(c).origin, m_.node(c).id,
                     {tp.name, number(tp.cases_per_year->value), number(*process_cases), number(f)});
      }
      return f;
    }
    return 1.0;
  }

  void apply(std::size_t slot, double scale, ProcessIndex root) {
    const auto& g = scopes_[slot];
    const auto& lv = local(slot);
    for (std::size_t i = 0; i < g.scope.nodes.size(); ++i) {
      const NodeIndex v = g.scope.nodes[i];
      r_.visits[v] += scale * lv.visits[i];
      if (!assigned_.count(v)) {
        r_.case_process[v] = root;
        assigned_.insert(v);
      }
    }
    for (const auto& [f, t] : lv.flows) r_.flow_traversals[f] += scale * t;
    for (std::size_t i = 0; i < g.scope.nodes.size(); ++i) {
      const NodeIndex v = g.scope.nodes[i];
      const double executions = scale * lv.visits[i];
      if (const auto it = child_scope_.find(v); it != child_scope_.end()) {
        r_.expanded[v] = true;
        apply(it->second, executions * subprocess_factor(v), root);
      }
      const ProcessIndex q = called_[v];
      if (q == npos || m_.processes()[q].participant != npos) continue;
      if (std::find(stack_.begin(), stack_.end(), q) != stack_.end()) {
        if (recursion_noted_.insert(v).second) {
          r_.notes.add(DiagId::ana_call_recursive, m_.source_path(), m_.node(v).origin, m_.node(v).id,
                       {detail::label(m_.node(v)), m_.processes()[q].id});
        }
        continue;
      }
      r_.expanded[v] = true;
      stack_.push_back(q);
      apply(top_scope_.at(q), executions, root);
      stack_.pop_back();
    }
  }

  /// PICTURE-Classic: Lastfaktor of a block = Fallzahl TP x P(Variante) x P(Baustein), per process case.
  /// A block shared by several variants ("twin") sums its variants. This holds whatever graph the
  /// importer drew for the variants.
  void apply_picture_rule() {
    std::unordered_map<NodeIndex, double> rule;
    for (const auto& tp : m_.picture_subprocesses()) {
      double base = 1.0;
      if (tp.node != npos) {
        base = r_.visits[tp.node] * subprocess_factor(tp.node);
      } else if (tp.cases_per_year) {
        const ProcessIndex p = m_.processes().empty() ? npos : 0;
        if (const auto pc = m_.cases_per_year(p); pc && *pc > 0) base = tp.cases_per_year->value / *pc;
      }
      // Shares that do not add up to 100 % (PIC-007/TAB-005) are rescaled, as the gateway note ANA-002
      // says and as the simulation does (issue #9.7: 70 % + 20 % was counted as 90 % of the cases).
      double total = 0;
      for (const auto& var : tp.variants) total += var.probability;
      const double scale = total > 0 ? 1.0 / total : 1.0;
      for (const auto& var : tp.variants) {
        for (const NodeIndex b : var.blocks) {
          if (b >= m_.node_count()) continue;
          rule[b] += base * var.probability * scale * detail::own_multiplier(m_.node(b)) * expected_repetitions(m_.node(b));
        }
      }
    }
    for (const auto& [b, v] : rule) r_.visits[b] = v;
  }

  const engine::ProcessModel& m_;
  VisitsResult& r_;
  std::vector<detail::ScopeGraph> scopes_;
  std::vector<detail::LocalVisits> local_;
  std::vector<bool> solved_;
  std::unordered_map<ProcessIndex, std::size_t> top_scope_;
  std::unordered_map<NodeIndex, std::size_t> child_scope_;
  std::vector<ProcessIndex> called_;
  std::vector<ProcessIndex> stack_;
  std::unordered_set<NodeIndex> assigned_, noted_, recursion_noted_;
};

} // namespace

VisitsPass::Result VisitsPass::run(const engine::ProcessModel& m, engine::AnalysisContext&) const {
  Result r;
  Propagator(m, r).run();
  r.notes.sort();
  return r;
}

} // namespace lotse::analysis
