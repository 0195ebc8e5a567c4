// SPDX-License-Identifier: MIT
// Builds the report's process picture (reports/diagram_svg.h): from BPMN DI, or, without DI, a layered
// left-to-right layout (longest path from the start, back edges routed below, one band per
// sub-process, one lane per Stelle). Drawing it is reports/diagram_svg.cpp.
#include "reports/diagram_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace lotse::reports {
namespace {

using engine::Bounds;
using engine::NodeIndex;
using engine::NodeKind;
using engine::Point;
using engine::ProcessModel;

constexpr double margin = 24;

DiagramShape::Kind shape_kind(NodeKind k) {
  if (engine::is_event(k)) return DiagramShape::Kind::event;
  if (engine::is_gateway(k)) return DiagramShape::Kind::gateway;
  if (engine::is_container(k)) return DiagramShape::Kind::sub_process;
  return DiagramShape::Kind::task;
}

std::map<NodeIndex, std::string> marks_by_node(const std::vector<std::pair<NodeIndex, int>>& marks) {
  std::map<NodeIndex, std::string> out;
  for (const auto& [node, number] : marks) {
    std::string& s = out[node];
    if (!s.empty()) s += ",";
    s += std::to_string(number);
  }
  return out;
}

DiagramShape node_shape(const engine::Node& n, const Bounds& b, const std::map<NodeIndex, std::string>& marks,
                        NodeIndex i) {
  DiagramShape s;
  s.kind = shape_kind(n.kind);
  s.node_kind = n.kind;
  s.bounds = b;
  s.label = n.name;
  s.end = n.kind == NodeKind::end_event;
  if (auto it = marks.find(i); it != marks.end()) s.marks = it->second;
  return s;
}

/// Moves everything so that the top-left corner lies at (margin, margin) and sets the size.
void normalise(Diagram& d) {
  double min_x = std::numeric_limits<double>::max(), min_y = min_x;
  double max_x = std::numeric_limits<double>::lowest(), max_y = max_x;
  auto take = [&](double x, double y) {
    min_x = std::min(min_x, x);
    min_y = std::min(min_y, y);
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
  };
  for (const auto& s : d.shapes) {
    take(s.bounds.x, s.bounds.y);
    // Event and gateway labels hang below the shape.
    const bool hangs = (s.kind == DiagramShape::Kind::event && s.node_kind != NodeKind::boundary_event) ||
                       s.kind == DiagramShape::Kind::gateway;
    const double below = hangs ? 18 + 12.0 * static_cast<double>(label_lines(s.label, 22).size()) : 0;
    take(s.bounds.x + s.bounds.width, s.bounds.y + s.bounds.height + below);
  }
  for (const auto& e : d.edges) {
    for (const auto& p : e.points) take(p.x, p.y);
  }
  if (d.shapes.empty()) return;
  const double dx = margin - min_x, dy = margin - min_y;
  for (auto& s : d.shapes) {
    s.bounds.x += dx;
    s.bounds.y += dy;
  }
  for (auto& e : d.edges) {
    for (auto& p : e.points) {
      p.x += dx;
      p.y += dy;
    }
    e.target.x += dx;
    e.target.y += dy;
  }
  d.width = max_x - min_x + 2 * margin;
  d.height = max_y - min_y + 2 * margin;
}

Diagram from_di(const ProcessModel& m, const std::map<NodeIndex, std::string>& marks) {
  Diagram d;
  d.from_di = true;
  for (const auto& p : m.participants()) {
    if (p.shape) d.shapes.push_back({DiagramShape::Kind::pool, NodeKind::task, *p.shape, p.name, {}, false});
  }
  for (const auto& l : m.lanes()) {
    if (l.shape) d.shapes.push_back({DiagramShape::Kind::lane, NodeKind::task, *l.shape, l.name, {}, false});
  }
  // Content of a collapsed sub-process lives on its own diagram plane with its own coordinates:
  // only nodes inside their enclosing shapes belong to the main picture.
  std::vector<bool> drawn(m.node_count(), false);
  for (NodeIndex i = 0; i < m.node_count(); ++i) {
    const auto& n = m.node(i);
    if (!n.shape) continue;
    bool inside = true;
    for (NodeIndex p = n.parent; p != engine::npos && inside; p = m.node(p).parent) {
      const auto& ps = m.node(p).shape;
      if (!ps) continue;
      const double cx = n.shape->x + n.shape->width / 2, cy = n.shape->y + n.shape->height / 2;
      inside = cx >= ps->x && cx <= ps->x + ps->width && cy >= ps->y && cy <= ps->y + ps->height;
    }
    drawn[i] = inside;
  }
  // Containers first so that their children are drawn on top.
  for (int pass = 0; pass < 2; ++pass) {
    for (NodeIndex i = 0; i < m.node_count(); ++i) {
      const auto& n = m.node(i);
      if (!drawn[i] || engine::is_container(n.kind) != (pass == 0)) continue;
      d.shapes.push_back(node_shape(n, *n.shape, marks, i));
    }
  }
  for (const auto& f : m.flows()) {
    const bool ends_drawn = (f.source == engine::npos || drawn[f.source]) && (f.target == engine::npos || drawn[f.target]);
    if (f.waypoints.size() >= 2 && ends_drawn) d.edges.push_back({f.waypoints, false});
  }
  for (const auto& f : m.message_flows()) {
    if (f.waypoints.size() >= 2) d.edges.push_back({f.waypoints, true});
  }
  return d;
}

// ---- generated layout ------------------------------------------------------------------------------

constexpr double col_width = 150, row_height = 92, band_header = 30, band_gap = 18;

Bounds cell_bounds(NodeKind k, double col_x, double row_y) {
  double w = 110, h = 60;
  if (engine::is_event(k)) w = h = 36;
  else if (engine::is_gateway(k)) w = h = 50;
  return {col_x + (col_width - w) / 2, row_y + (row_height - 26 - h) / 2 + 4, w, h};
}

struct Placed {
  int rank = 0, row = 0;
  bool placed = false;
};

/// The Stelle lanes of a band: every member's lane and the lanes in order of first appearance.
struct Lanes {
  std::vector<std::size_t> of;          ///< per member
  std::vector<std::string> names;       ///< "" = no Stelle
  std::vector<int> rows;                ///< rows per lane (after place_rows)
  [[nodiscard]] bool shown() const { return names.size() > 1 || (names.size() == 1 && !names[0].empty()); }
};

/// Members with a Stelle go to its lane; events and gateways follow their first predecessor (else
/// their first successor) so that a branch stays in the lane of the work around it.
Lanes assign_lanes(const ProcessModel& m, const std::vector<NodeIndex>& members, const std::vector<std::size_t>& order,
                   const std::vector<std::vector<std::size_t>>& preds) {
  const std::size_t n = members.size();
  std::vector<std::string> stelle(n);
  std::vector<bool> known(n, false);
  for (std::size_t v = 0; v < n; ++v) {
    stelle[v] = m.node(members[v]).attrs.stelle;
    known[v] = !stelle[v].empty();
  }
  for (std::size_t v : order) {
    for (std::size_t p : preds[v]) {
      if (!known[v] && known[p]) {
        stelle[v] = stelle[p];
        known[v] = true;
      }
    }
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    for (std::size_t p : preds[*it]) {
      if (!known[p] && known[*it]) {
        stelle[p] = stelle[*it];
        known[p] = true;
      }
    }
  }
  Lanes l;
  l.of.resize(n);
  for (std::size_t v : order) {
    auto it = std::find(l.names.begin(), l.names.end(), stelle[v]);
    if (it == l.names.end()) it = l.names.insert(l.names.end(), stelle[v]);
    l.of[v] = static_cast<std::size_t>(it - l.names.begin());
  }
  l.rows.assign(l.names.size(), 1);
  return l;
}

/// Rows inside each lane: a node takes the lowest free row at or below its predecessors' row.
/// The lowest free row at or above a wanted one, per lane and rank: "next free" links with path
/// compression, so 16,000 branches in one rank take near-linear time instead of a scan per branch.
class FreeRows {
public:
  int take(std::size_t lane, int rank, int want) {
    const int row = find(lane, rank, want);
    next_[{lane, rank, row}] = row + 1;
    return row;
  }

private:
  using Key = std::tuple<std::size_t, int, int>;
  int find(std::size_t lane, int rank, int row) {
    std::vector<int> path;
    for (auto it = next_.find({lane, rank, row}); it != next_.end(); it = next_.find({lane, rank, row})) {
      path.push_back(row);
      row = it->second;
    }
    for (const int p : path) next_[{lane, rank, p}] = row;
    return row;
  }
  std::map<Key, int> next_;
};

void place_rows(const std::vector<std::size_t>& order, const std::vector<std::vector<std::size_t>>& preds,
                Lanes& lanes, std::vector<Placed>& place) {
  FreeRows rows;
  for (std::size_t v : order) {
    int want = 0;
    bool first = true;
    for (std::size_t p : preds[v]) {
      if (place[p].placed && lanes.of[p] == lanes.of[v] && (first || place[p].row < want)) {
        want = place[p].row;
        first = false;
      }
    }
    want = rows.take(lanes.of[v], place[v].rank, want);
    place[v].row = want;
    place[v].placed = true;
    lanes.rows[lanes.of[v]] = std::max(lanes.rows[lanes.of[v]], want + 1);
  }
}

struct BandInput {
  const std::vector<NodeIndex>& members;
  const std::unordered_map<NodeIndex, std::size_t>& pos;
  const std::vector<Placed>& place;
  const Lanes& lanes;
  const std::string& title;
  double top;
  const std::map<NodeIndex, std::string>& marks;
};

constexpr double lane_strip = 30;

/// An edge between two placed shapes: straight, or with a jog next to the split (so that a branch's
/// last segment is long enough for its label) or next to the join; back edges run below the band.
DiagramEdge band_edge(const Bounds& s, const Bounds& t, bool from_split, double band_bottom) {
  DiagramEdge e;
  e.target = t;
  if (t.x > s.x + s.width) {
    const double sy = s.y + s.height / 2, ty = t.y + t.height / 2;
    const double sx = s.x + s.width, tx = t.x;
    e.points.push_back({sx, sy});
    if (std::abs(sy - ty) > 0.5) {
      const double mx = from_split ? sx + 14 : tx - 18;
      e.points.push_back({mx, sy});
      e.points.push_back({mx, ty});
    }
    e.points.push_back({tx, ty});
  } else {
    const double sx = s.x + s.width / 2, tx = t.x + t.width / 2;
    e.points.push_back({sx, s.y + s.height});
    e.points.push_back({sx, band_bottom});
    e.points.push_back({tx, band_bottom});
    e.points.push_back({tx, t.y + t.height});
  }
  return e;
}

/// The branch label of a flow: its name or the PICTURE Variante it starts, and its probability.
void branch_label(const ProcessModel& m, const engine::Flow& f, DiagramEdge& e) {
  if (!f.probability) return;
  e.probability = f.probability->value.value;
  e.label = f.name;
  if (!e.label.empty()) return;
  for (const auto& tp : m.picture_subprocesses()) {
    for (const auto& v : tp.variants) {
      const bool starts = std::find(v.blocks.begin(), v.blocks.end(), f.target) != v.blocks.end();
      if (tp.variants.size() > 1 && starts && std::abs(v.probability - e.probability) < 1e-9) {
        e.label = v.name;
        return;
      }
    }
  }
}

void band_edges(const ProcessModel& m, const BandInput& in, double band_bottom, Diagram& d,
                const std::vector<Bounds>& where, const std::vector<bool>& has_place) {
  for (const auto& f : m.flows()) {
    if (f.source == engine::npos || f.target == engine::npos) continue;
    if (!has_place[f.source] || !has_place[f.target] || !in.pos.count(f.target)) continue;
    const NodeIndex host = m.node(f.source).attached_to == engine::npos ? f.source : m.node(f.source).attached_to;
    if (!in.pos.count(host)) continue;
    const bool split = engine::is_gateway(m.node(f.source).kind) && m.out_flows(f.source).size() > 1;
    DiagramEdge e = band_edge(where[f.source], where[f.target], split, band_bottom);
    branch_label(m, f, e);
    d.edges.push_back(std::move(e));
  }
}

/// Draws one band: its frame, the Stelle lanes, the members with their boundary events, the edges.
double draw_band(const ProcessModel& m, const BandInput& in, Diagram& d, std::vector<Bounds>& where,
                 std::vector<bool>& has_place) {
  int max_rank = 0, total_rows = 0;
  for (const auto& p : in.place) max_rank = std::max(max_rank, p.rank);
  std::vector<int> lane_first(in.lanes.rows.size(), 0);
  for (std::size_t l = 0; l < in.lanes.rows.size(); ++l) {
    lane_first[l] = total_rows;
    total_rows += in.lanes.rows[l];
  }
  const double strip = in.lanes.shown() ? lane_strip : 0;
  const double band_height = band_header + total_rows * row_height + 20;
  const double band_width = strip + (max_rank + 1) * col_width + 20;
  d.shapes.push_back({DiagramShape::Kind::band, NodeKind::task, {0, in.top, band_width, band_height}, in.title, {}, false});
  if (in.lanes.shown()) {
    for (std::size_t l = 0; l < in.lanes.names.size(); ++l) {
      const Bounds lb{4, in.top + band_header + lane_first[l] * row_height, band_width - 8, in.lanes.rows[l] * row_height};
      d.shapes.push_back({DiagramShape::Kind::lane, NodeKind::task, lb, in.lanes.names[l], {}, false});
    }
  }
  for (std::size_t v = 0; v < in.members.size(); ++v) {
    const NodeIndex i = in.members[v];
    const int row = lane_first[in.lanes.of[v]] + in.place[v].row;
    const Bounds b = cell_bounds(m.node(i).kind, strip + 10 + in.place[v].rank * col_width, in.top + band_header + row * row_height);
    where[i] = b;
    has_place[i] = true;
    d.shapes.push_back(node_shape(m.node(i), b, in.marks, i));
    d.shapes.back().block = m.node(i).attrs.block;
    int k = 0;
    for (NodeIndex be : m.boundary_events(i)) {
      const Bounds bb{b.x + b.width - 22 - 26.0 * k++, b.y + b.height - 12, 24, 24};
      where[be] = bb;
      has_place[be] = true;
      d.shapes.push_back(node_shape(m.node(be), bb, in.marks, be));
    }
  }
  band_edges(m, in, in.top + band_height - 8, d, where, has_place);
  return band_height;
}

/// Lays out the direct children of `parent` as one band starting at `top`; returns the band height.
double layout_band(const ProcessModel& m, NodeIndex parent, const std::string& title, double top,
                   const std::map<NodeIndex, std::string>& marks, Diagram& d, std::vector<Bounds>& where,
                   std::vector<bool>& has_place) {
  std::vector<NodeIndex> members;
  for (NodeIndex c : m.children(parent)) {
    if (m.node(c).attached_to == engine::npos) members.push_back(c);
  }
  if (members.empty()) return 0;
  std::unordered_map<NodeIndex, std::size_t> pos;
  for (std::size_t k = 0; k < members.size(); ++k) pos.emplace(members[k], k);
  // Successors among the members, computed once (a split with 16,000 branches must not be rescanned
  // for every branch).
  const std::size_t n = members.size();
  std::vector<std::vector<std::size_t>> succ(n);
  auto add_targets = [&](std::size_t v, NodeIndex from) {
    for (auto f : m.out_flows(from)) {
      if (const auto it = pos.find(m.flow(f).target); it != pos.end()) succ[v].push_back(it->second);
    }
  };
  for (std::size_t v = 0; v < n; ++v) {
    add_targets(v, members[v]);
    for (NodeIndex b : m.boundary_events(members[v])) add_targets(v, b);
  }
  // Depth-first order from the sources marks back edges; the rest is a DAG ranked by longest path.
  std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
  std::vector<std::size_t> finish;
  std::vector<std::pair<std::size_t, std::size_t>> forward;
  auto dfs = [&](std::size_t root) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next < succ[v].size()) {
        const std::size_t w = succ[v][next++];
        if (state[w] == 0) {
          forward.emplace_back(v, w);
          state[w] = 1;
          stack.emplace_back(w, 0);
        } else if (state[w] == 2) {
          forward.emplace_back(v, w);
        }
      } else {
        state[v] = 2;
        finish.push_back(v);
        stack.pop_back();
      }
    }
  };
  std::vector<int> indegree(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    for (std::size_t t : succ[v]) ++indegree[t];
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (indegree[v] == 0 && state[v] == 0) dfs(v);
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (state[v] == 0) dfs(v);
  }
  std::vector<Placed> place(n);
  std::vector<std::vector<std::size_t>> preds(n);
  for (auto [a, b] : forward) preds[b].push_back(a);
  std::reverse(finish.begin(), finish.end());  // topological order of the forward edges
  for (std::size_t v : finish) {
    for (std::size_t p : preds[v]) place[v].rank = std::max(place[v].rank, place[p].rank + 1);
  }
  Lanes lanes = assign_lanes(m, members, finish, preds);
  place_rows(finish, preds, lanes, place);
  return draw_band(m, BandInput{members, pos, place, lanes, title, top, marks}, d, where, has_place);
}

Diagram generated(const ProcessModel& m, const std::map<NodeIndex, std::string>& marks) {
  Diagram d;
  std::vector<Bounds> where(m.node_count());
  std::vector<bool> has_place(m.node_count(), false);
  double top = 0;
  // Bands: the top level of each process, then every container with children, in model order.
  std::string top_title = m.processes().size() == 1 ? m.processes()[0].name : m.name();
  const double h = layout_band(m, engine::npos, top_title, top, marks, d, where, has_place);
  if (h > 0) top += h + band_gap;
  for (NodeIndex i = 0; i < m.node_count(); ++i) {
    if (!engine::is_container(m.node(i).kind)) continue;
    const double bh = layout_band(m, i, m.node(i).name, top, marks, d, where, has_place);
    if (bh > 0) top += bh + band_gap;
  }
  return d;
}

} // namespace

Diagram build_diagram(const ProcessModel& m, const std::vector<std::pair<NodeIndex, int>>& marks) {
  const auto by_node = marks_by_node(marks);
  bool any_shape = false;
  for (const auto& n : m.nodes()) any_shape = any_shape || n.shape.has_value();
  Diagram d = m.has_diagram() && any_shape ? from_di(m, by_node) : generated(m, by_node);
  normalise(d);
  return d;
}

} // namespace lotse::reports
