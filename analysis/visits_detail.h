// SPDX-License-Identifier: MIT
// Internal part of the visits pass: how many tokens each node passes along each of its edges
// (branching rules per node kind) and the expected visits of one scope per activation.
#pragma once

#include "analysis/structure_graph.h"
#include "engine/diagnostics.h"

#include <vector>

namespace lotse::analysis::detail {

/// Own executions per token arrival: attrs.occurrence (PICTURE P(Baustein)), else 1. Boundary
/// events and event sub-processes use their occurrence as the firing probability instead (1 here).
[[nodiscard]] double own_multiplier(const engine::Node& n);

/// Expected tokens passed along each edge of g.out[v] per arrival at v. Adds notes about guesses
/// (equal split, scaled probabilities, boundary events without probability) to `notes`.
[[nodiscard]] std::vector<double> branch_factors(const engine::ProcessModel& m, const ScopeGraph& g, std::size_t v,
                                                 engine::Diagnostics& notes);

/// Expected visits inside one scope per activation of the scope.
struct LocalVisits {
  std::vector<double> arrivals;   ///< token arrivals per local node
  std::vector<double> visits;     ///< executions per local node (arrivals x own multiplier)
  std::vector<std::pair<engine::FlowIndex, double>> flows;  ///< traversals of the scope's flows
  bool exact = true;
};

/// Builds the flow system of a scope (AND joins fire once per set of tokens, an OR join once per
/// activation of its matching split) and solves it; falls back to the loop-free graph when singular.
[[nodiscard]] LocalVisits solve_scope(const engine::ProcessModel& m, const ScopeGraph& g, engine::Diagnostics& notes);

} // namespace lotse::analysis::detail
