// SPDX-License-Identifier: MIT
// Internal helpers shared by the structure checks and the visits pass: the flow graph of one scope
// (a process level or the inside of a sub-process) with its entries, back edges, post-dominators
// (to match a split with its join) and strongly connected components (loops).
//
// The graph is a Boost.Graph adjacency_list; the algorithms come from Boost.Graph where it has them
// (depth-first search, strong components). Boost's depth-first search is iterative (the project never
// defines BOOST_RECURSIVE_DFS), so deep models (60,000-node chains) need no deep call stack.
#pragma once

#include "engine/model.h"

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace lotse::analysis::detail {

/// The nodes of one process level (`container` = npos) or of one sub-process.
struct Scope {
  engine::NodeIndex container = engine::npos;
  engine::ProcessIndex process = engine::npos;
  std::vector<engine::NodeIndex> nodes;
};

/// Every scope of the model: one per process (nodes at process level), then one per container node.
[[nodiscard]] std::vector<Scope> all_scopes(const engine::ProcessModel& m);

/// How a node is reached from another inside a scope.
enum class EdgeKind { flow, attached, link };

/// Edge bundle of the scope graph.
struct ScopeEdgeData {
  engine::FlowIndex flow = engine::npos;     ///< EdgeKind::flow only
  EdgeKind kind = EdgeKind::flow;
  bool back = false;                         ///< closes a loop (DFS from the entries)
};

/// Vertices are local indices (0..nodes.size()-1); out- and in-edges keep the order they were added.
using ScopeBoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                              ScopeEdgeData>;

/// One edge of `ScopeGraph::out`: the same edge as the graph's out-edge at the same position.
struct ScopeEdge {
  std::size_t to = 0;                        ///< local index
  engine::FlowIndex flow = engine::npos;     ///< EdgeKind::flow only
  EdgeKind kind = EdgeKind::flow;
  bool back = false;                         ///< closes a loop (DFS from the entries)
};

/// The flow graph of one scope in local indices (0..nodes.size()-1).
struct ScopeGraph {
  Scope scope;
  std::unordered_map<engine::NodeIndex, std::size_t> local;
  /// All edges (flows, activity -> boundary event, link throw -> catch) with their back flags.
  ScopeBoostGraph graph;
  /// out[v][i] mirrors the i-th out-edge of v in `graph`, for passes that address edges by position.
  std::vector<std::vector<ScopeEdge>> out;
  std::vector<std::size_t> start_events;       ///< start events (not inside event sub-processes: own scope)
  std::vector<std::size_t> entries;            ///< start events, or implicit starts when there are none
  std::size_t flow_count = 0;                  ///< sequence flows inside the scope

  /// Number of incoming edges (with multiplicity).
  [[nodiscard]] std::size_t in_degree(std::size_t v) const { return boost::in_degree(v, graph); }
};

/// True for nodes that take part in no sequence flow by design (compensation handlers, event
/// sub-processes), so they are neither unreachable nor dead ends.
[[nodiscard]] bool outside_flow(const engine::Node& n);

/// Builds the graph of a scope and marks back edges.
[[nodiscard]] ScopeGraph build_scope_graph(const engine::ProcessModel& m, const Scope& s);

/// Local indices reachable from `roots` over all edges (the roots included).
[[nodiscard]] std::vector<bool> reachable(const ScopeGraph& g, const std::vector<std::size_t>& roots);

/// Immediate post-dominator of every node in the graph without back edges; value == size() means
/// the virtual exit.
[[nodiscard]] std::vector<std::size_t> post_dominators(const ScopeGraph& g);

/// The join that closes split `s`: its immediate post-dominator when at least two of that node's
/// incoming flows are reached from `s` without passing it; size() when there is none.
[[nodiscard]] std::size_t matching_join(const ScopeGraph& g, const std::vector<std::size_t>& ipdom, std::size_t s);

/// Strongly connected components with a cycle (more than one node, or a self loop), local indices.
[[nodiscard]] std::vector<std::vector<std::size_t>> cycles(const ScopeGraph& g);

/// Local indices in topological order of the graph without back edges.
[[nodiscard]] std::vector<std::size_t> topological_order(const ScopeGraph& g);

/// Name of a node for messages: its name, else its id (line breaks folded to blanks).
[[nodiscard]] std::string label(const engine::Node& n);

/// Name of a process for messages: its name, else its participant's, else its id.
[[nodiscard]] std::string process_label(const engine::ProcessModel& m, engine::ProcessIndex p);

/// True for a gateway with several outgoing flows or an activity/event whose outgoing flows branch.
[[nodiscard]] bool is_split(const ScopeGraph& g, std::size_t v);

} // namespace lotse::analysis::detail
