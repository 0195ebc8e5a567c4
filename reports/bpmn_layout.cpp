// SPDX-License-Identifier: MIT
// Automatic left-to-right BPMN layout (see bpmn_layout.h). Each scope (a process or an expanded
// sub-process) is layered by longest path over its sequence flows with back edges (found by DFS)
// ignored; layers become columns, lanes (or Stellen) become horizontal bands, and a sub-process is
// measured from its own contents first so that it is drawn expanded around them.
#include "reports/bpmn_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace lotse::reports {
namespace {

using engine::Bounds;
using engine::NodeIndex;
using engine::npos;
using engine::Point;
using engine::ProcessIndex;

constexpr double column_gap = 50;
constexpr double row_gap = 30;
constexpr double band_pad = 25;
constexpr double scope_pad = 30;
constexpr double label_strip = 30;  // pool and lane name strips
constexpr double block_gap = 60;
constexpr double sub_label = 20;  // room for an expanded sub-process's name

struct Size {
  double w = 0, h = 0;
};

Size default_size(engine::NodeKind k) {
  if (engine::is_event(k)) return {36, 36};
  if (engine::is_gateway(k)) return {50, 50};
  return {100, 80};
}

double cx(const Bounds& b) { return b.x + b.width / 2; }
double cy(const Bounds& b) { return b.y + b.height / 2; }

class AutoLayout {
public:
  AutoLayout(const engine::ProcessModel& m, DiagramLayout& out)
      : m_(m), out_(out), rel_(m.node_count()), band_(m.node_count(), 0), spanning_(m.node_count(), 0) {}

  void run() {
    const std::size_t process_count = std::max<std::size_t>(m_.processes().size(), 1);
    double y = 0;
    for (ProcessIndex p = 0; p < process_count; ++p) y = place_process(p, y) + block_gap;
    place_annotations(y);
    route_all();
  }

private:
  [[nodiscard]] ProcessIndex proc_of(NodeIndex n) const {
    const ProcessIndex p = m_.node(n).process;
    return p < m_.processes().size() ? p : 0;
  }

  /// Nodes of a scope that take part in the layering (boundary events sit on their hosts).
  [[nodiscard]] std::vector<NodeIndex> scope_nodes(NodeIndex parent, ProcessIndex p) const {
    std::vector<NodeIndex> out;
    for (NodeIndex n : m_.children(parent)) {
      if (m_.node(n).attached_to != npos) continue;
      if (parent == npos && proc_of(n) != p) continue;
      out.push_back(n);
    }
    return out;
  }

  /// Size of a node, measuring (and laying out) a sub-process's contents first. In Stelle mode a
  /// sub-process with contents spans all bands so that its contents sit in their Stellen's lanes.
  Size measure(NodeIndex n) {
    const engine::Node& node = m_.node(n);
    if (engine::is_container(node.kind)) {
      const auto inner = scope_nodes(n, proc_of(n));
      if (!inner.empty()) {
        out_.expanded[n] = true;
        if (stelle_mode_) {
          spanning_[n] = true;
          const Size s = layout_scope(inner, band_, bands_, span_heights_[n], nullptr);
          return {std::max(s.w, 120.0), s.h};
        }
        if (zero_bands_.size() != m_.node_count()) zero_bands_.assign(m_.node_count(), 0);  // once, not per sub-process
        std::vector<double> heights;
        const Size s = layout_scope(inner, zero_bands_, 1, heights, nullptr);
        return {std::max(s.w, 120.0), std::max(s.h + sub_label, 100.0)};
      }
    }
    return default_size(node.kind);
  }

  /// Longest-path layer of each scope node; flows from boundary events count from their host.
  std::map<NodeIndex, int> layers(const std::vector<NodeIndex>& nodes) const {
    std::map<NodeIndex, std::size_t> local;
    for (std::size_t i = 0; i < nodes.size(); ++i) local.emplace(nodes[i], i);
    std::vector<std::vector<std::size_t>> succ(nodes.size());
    auto add_out = [&](std::size_t from, NodeIndex src) {
      for (auto f : m_.out_flows(src)) {
        if (auto it = local.find(m_.flow(f).target); it != local.end() && it->second != from) succ[from].push_back(it->second);
      }
    };
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      add_out(i, nodes[i]);
      for (NodeIndex b : m_.boundary_events(nodes[i])) add_out(i, b);
    }
    // DFS from sources (no incoming edge) in document order, then from anything unvisited: edges to a
    // node on the stack are back edges and are dropped.
    std::vector<int> state(nodes.size(), 0);
    std::vector<std::vector<std::size_t>> dag(nodes.size());
    std::vector<int> indegree(nodes.size(), 0);
    for (const auto& s : succ) for (auto t : s) ++indegree[t];
    auto dfs = [&](std::size_t start) {
      std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
      state[start] = 1;
      while (!stack.empty()) {
        auto& [v, i] = stack.back();
        if (i < succ[v].size()) {
          const std::size_t w = succ[v][i++];
          if (state[w] == 1) continue;  // back edge
          dag[v].push_back(w);
          if (state[w] == 0) {
            state[w] = 1;
            stack.emplace_back(w, 0);
          }
        } else {
          state[v] = 2;
          stack.pop_back();
        }
      }
    };
    for (std::size_t i = 0; i < nodes.size(); ++i) if (indegree[i] == 0 && state[i] == 0) dfs(i);
    for (std::size_t i = 0; i < nodes.size(); ++i) if (state[i] == 0) dfs(i);
    std::vector<int> in(nodes.size(), 0);
    for (const auto& s : dag) for (auto t : s) ++in[t];
    std::vector<int> layer(nodes.size(), 0);
    std::vector<std::size_t> queue;
    for (std::size_t i = 0; i < nodes.size(); ++i) if (in[i] == 0) queue.push_back(i);
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const std::size_t v = queue[q];
      for (auto w : dag[v]) {
        layer[w] = std::max(layer[w], layer[v] + 1);
        if (--in[w] == 0) queue.push_back(w);
      }
    }
    std::map<NodeIndex, int> out;
    for (std::size_t i = 0; i < nodes.size(); ++i) out.emplace(nodes[i], layer[i]);
    return out;
  }

  /// Lays out a scope with positions relative to (0, 0); `band_of[n]` picks the band of each node,
  /// `min_heights` (optional) the least height of each band. Spanning sub-processes get a column of
  /// their own and the full height. Returns the scope's size; `band_heights` gets each band's height.
  Size layout_scope(const std::vector<NodeIndex>& nodes, const std::vector<int>& band_of, int bands,
                    std::vector<double>& band_heights, const std::vector<double>* min_heights) {
    std::map<NodeIndex, Size> size;
    for (NodeIndex n : nodes) size.emplace(n, measure(n));
    const auto layer = layers(nodes);
    int max_layer = 0;
    for (const auto& [n, l] : layer) max_layer = std::max(max_layer, l);
    // Columns: per layer, one for each spanning sub-process, then one for the other nodes.
    std::vector<std::vector<NodeIndex>> columns;
    std::vector<char> spanning_column;
    std::vector<std::vector<NodeIndex>> by_layer(static_cast<std::size_t>(max_layer) + 1);
    for (NodeIndex n : nodes) by_layer[static_cast<std::size_t>(layer.at(n))].push_back(n);  // one pass, not one per layer
    for (int l = 0; l <= max_layer; ++l) {
      std::vector<NodeIndex> rest;
      for (NodeIndex n : by_layer[static_cast<std::size_t>(l)]) {
        if (spanning_[n]) {
          columns.push_back({n});
          spanning_column.push_back(1);
        } else {
          rest.push_back(n);
        }
      }
      if (!rest.empty()) {
        columns.push_back(std::move(rest));
        spanning_column.push_back(0);
      }
    }
    const auto nb = static_cast<std::size_t>(bands);
    band_heights.assign(nb, bands > 1 ? 120.0 : 0.0);
    if (min_heights != nullptr) {
      for (std::size_t b = 0; b < nb && b < min_heights->size(); ++b) band_heights[b] = std::max(band_heights[b], (*min_heights)[b]);
    }
    auto stack_height = [&](const std::vector<NodeIndex>& cell) {
      double h = 0;
      for (NodeIndex n : cell) h += size[n].h;
      return cell.empty() ? 0.0 : h + row_gap * static_cast<double>(cell.size() - 1);
    };
    std::vector<std::vector<std::vector<NodeIndex>>> cell(columns.size(), std::vector<std::vector<NodeIndex>>(nb));
    std::vector<double> col_w(columns.size(), 0);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      for (NodeIndex n : columns[c]) {
        col_w[c] = std::max(col_w[c], size[n].w);
        if (spanning_column[c]) {
          const auto& inner = span_heights_[n];
          for (std::size_t b = 0; b < nb && b < inner.size(); ++b) band_heights[b] = std::max(band_heights[b], inner[b]);
        } else {
          cell[c][static_cast<std::size_t>(band_of[n])].push_back(n);
        }
      }
      for (std::size_t b = 0; b < nb; ++b) band_heights[b] = std::max(band_heights[b], stack_height(cell[c][b]) + 2 * band_pad);
    }
    // Spanning sub-processes whose bands came out lower are laid out again with the final heights.
    const double total_h = std::accumulate(band_heights.begin(), band_heights.end(), 0.0);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!spanning_column[c]) continue;
      const NodeIndex n = columns[c].front();
      if (span_heights_[n] != band_heights) {
        std::vector<double> again;
        const Size s = layout_scope(scope_nodes(n, proc_of(n)), band_of, bands, again, &band_heights);
        span_heights_[n] = again;
        size[n] = {std::max(s.w, 120.0), s.h};
        col_w[c] = std::max(col_w[c], size[n].w);
      }
      size[n].h = total_h;
    }
    std::vector<double> band_top(nb, 0);
    for (std::size_t b = 1; b < nb; ++b) band_top[b] = band_top[b - 1] + band_heights[b - 1];
    double x = scope_pad;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (spanning_column[c]) {
        const NodeIndex n = columns[c].front();
        rel_[n] = Bounds{x + (col_w[c] - size[n].w) / 2, 0, size[n].w, total_h};
      }
      for (std::size_t b = 0; b < cell[c].size(); ++b) {
        double y = band_top[b] + (band_heights[b] - stack_height(cell[c][b])) / 2;
        for (NodeIndex n : cell[c][b]) {
          rel_[n] = Bounds{x + (col_w[c] - size[n].w) / 2, y, size[n].w, size[n].h};
          y += size[n].h + row_gap;
        }
      }
      x += col_w[c] + column_gap;
    }
    return {x - column_gap + scope_pad, total_h};
  }

  /// Converts relative positions to absolute ones, descending into expanded sub-processes.
  void place_node(NodeIndex n, double ox, double oy) {
    const Bounds r = rel_[n];
    const Bounds abs{ox + r.x, oy + r.y, r.width, r.height};
    out_.nodes[n] = abs;
    if (out_.expanded[n]) {
      const double inner_top = spanning_[n] ? abs.y : abs.y + sub_label;
      for (NodeIndex c : scope_nodes(n, proc_of(n))) place_node(c, abs.x, inner_top);
    }
    const auto boundary = m_.boundary_events(n);
    for (std::size_t i = 0; i < boundary.size(); ++i) {
      const double bx = abs.x + abs.width - 46.0 * static_cast<double>(i + 1);
      out_.nodes[boundary[i]] = Bounds{std::max(bx, abs.x), abs.y + abs.height - 18, 36, 36};
    }
  }

  /// Lanes of process p that get a band: input lanes in tree order, else one per Stelle.
  double place_process(ProcessIndex p, double top) {
    const auto nodes = scope_nodes(npos, p);
    std::vector<int> band_of(m_.node_count(), 0);
    std::vector<engine::LaneIndex> lane_bands;  // band -> input lane (npos: nodes without a lane)
    std::vector<std::string> stelle_bands;
    std::vector<NodeIndex> stelle_nodes;  // every banded node of the process (Stelle mode)
    bool input_lanes = false;
    for (engine::LaneIndex l = 0; l < m_.lanes().size(); ++l) {
      const ProcessIndex lp = m_.lanes()[l].process;
      if ((lp < m_.processes().size() ? lp : 0) == p) input_lanes = true;
    }
    int bands = 1;
    if (input_lanes) {
      std::vector<char> has_child(m_.lanes().size(), 0);
      for (const auto& l : m_.lanes()) if (l.parent != npos && l.parent < has_child.size()) has_child[l.parent] = 1;
      for (engine::LaneIndex l = 0; l < m_.lanes().size(); ++l) {
        const ProcessIndex lp = m_.lanes()[l].process;
        if ((lp < m_.processes().size() ? lp : 0) != p) continue;
        bool direct = false;
        for (NodeIndex n : nodes) direct = direct || m_.node(n).lane == l;
        if (!has_child[l] || direct) lane_bands.push_back(l);
      }
      bool loose = false;
      for (NodeIndex n : nodes) {
        const auto it = std::find(lane_bands.begin(), lane_bands.end(), m_.node(n).lane);
        if (it == lane_bands.end()) loose = true;
        band_of[n] = static_cast<int>(it == lane_bands.end() ? lane_bands.size() : static_cast<std::size_t>(it - lane_bands.begin()));
      }
      bands = static_cast<int>(lane_bands.size()) + (loose ? 1 : 0);
    } else {
      // Stelle mode: bands over all nodes of the process, sub-processes with contents span them.
      std::vector<NodeIndex> all;
      for (NodeIndex n = 0; n < m_.node_count(); ++n) {
        const engine::Node& x = m_.node(n);
        if (proc_of(n) != p || x.attached_to != npos) continue;
        if (engine::is_container(x.kind) && !scope_nodes(n, p).empty()) continue;
        all.push_back(n);
      }
      bool any_stelle = false;
      for (NodeIndex n : all) any_stelle = any_stelle || !m_.node(n).attrs.stelle.empty();
      if (any_stelle) {
        for (NodeIndex n : all) {
          const std::string& st = m_.node(n).attrs.stelle;
          auto it = std::find(stelle_bands.begin(), stelle_bands.end(), st);
          if (it == stelle_bands.end()) it = stelle_bands.insert(stelle_bands.end(), st);
          band_of[n] = static_cast<int>(it - stelle_bands.begin());
          stelle_nodes.push_back(n);
        }
        bands = static_cast<int>(stelle_bands.size());
        stelle_mode_ = true;
        band_ = band_of;
        bands_ = bands;
      }
    }
    bands = std::max(bands, 1);
    std::vector<double> heights;
    const Size content = layout_scope(nodes, band_of, bands, heights, nullptr);
    stelle_mode_ = false;

    const engine::ParticipantIndex part =
        p < m_.processes().size() ? m_.processes()[p].participant : npos;
    const bool pool = part != npos && part < m_.participants().size();
    const bool laned = input_lanes || !stelle_bands.empty();
    const double lane_x = pool ? label_strip : 0;
    const double content_x = lane_x + (laned ? label_strip : 0);
    const double width = content_x + std::max(content.w, 400.0);
    for (NodeIndex n : nodes) place_node(n, content_x, top);
    std::vector<double> band_top(heights.size(), top);
    for (std::size_t b = 1; b < heights.size(); ++b) band_top[b] = band_top[b - 1] + heights[b - 1];
    const double height = std::max(content.h, 100.0);
    if (pool) out_.participants[part] = Bounds{0, top, width, height};
    for (std::size_t b = 0; b < lane_bands.size(); ++b) {
      out_.lanes[lane_bands[b]] = Bounds{lane_x, band_top[b], width - lane_x, heights[b]};
    }
    // Parent lanes span their descendants' bands (children come after parents, so walk backwards).
    for (engine::LaneIndex l = static_cast<engine::LaneIndex>(m_.lanes().size()); l-- > 0;) {
      const engine::LaneIndex parent = m_.lanes()[l].parent;
      if (parent == npos || parent >= m_.lanes().size() || !out_.lanes[l]) continue;
      const Bounds c = *out_.lanes[l];
      Bounds& b = out_.lanes[parent] ? *out_.lanes[parent] : out_.lanes[parent].emplace(c);
      const double y0 = std::min(b.y, c.y), y1 = std::max(b.y + b.height, c.y + c.height);
      b = Bounds{lane_x, y0, width - lane_x, y1 - y0};
    }
    for (std::size_t b = 0; b < stelle_bands.size(); ++b) {
      StelleLane lane{stelle_bands[b], p, {}, Bounds{lane_x, band_top[b], width - lane_x, heights[b]}};
      for (NodeIndex n : stelle_nodes) if (band_of[n] == static_cast<int>(b)) lane.nodes.push_back(n);
      out_.stelle_lanes.push_back(std::move(lane));
    }
    // Data elements of this process in a row below the block.
    double x = content_x;
    const double row = top + height + 20;
    bool any = false;
    for (engine::DataIndex d = 0; d < m_.data().size(); ++d) {
      const ProcessIndex dp = m_.data()[d].process;
      if ((dp < m_.processes().size() ? dp : 0) != p) continue;
      const bool store = m_.data()[d].kind == engine::DataKind::data_store ||
                         m_.data()[d].kind == engine::DataKind::data_store_reference;
      out_.data[d] = Bounds{x, row, store ? 50.0 : 36.0, store ? 50.0 : 50.0};
      x += 90;
      any = true;
    }
    return top + height + (any ? 90 : 0);
  }

  void place_annotations(double top) {
    double x = 0;
    for (std::size_t a = 0; a < m_.annotations().size(); ++a) {
      out_.annotations[a] = Bounds{x, top, 140, 40};
      x += 170;
    }
  }

  /// The bounds of a message-flow end: the node, else the participant.
  [[nodiscard]] std::optional<Bounds> end_bounds(NodeIndex n, engine::ParticipantIndex p) const {
    if (n != npos && n < out_.nodes.size() && out_.nodes[n]) return out_.nodes[n];
    if (p != npos && p < out_.participants.size()) return out_.participants[p];
    return std::nullopt;
  }

  void route_all() {
    for (engine::FlowIndex f = 0; f < m_.flows().size(); ++f) {
      const engine::Flow& flow = m_.flows()[f];
      if (flow.source == npos || flow.target == npos) continue;
      const auto& s = out_.nodes[flow.source];
      const auto& t = out_.nodes[flow.target];
      if (s && t) out_.flows[f] = route_edge(*s, *t, m_.node(flow.source).attached_to != npos);
    }
    for (std::size_t i = 0; i < m_.message_flows().size(); ++i) {
      const engine::MessageFlow& mf = m_.message_flows()[i];
      const auto s = end_bounds(mf.source_node, mf.source_participant);
      const auto t = end_bounds(mf.target_node, mf.target_participant);
      if (!s || !t) continue;
      // Vertical between pools; the x of a pool end follows the other end so the line stays short.
      const double sx = mf.source_node != npos ? cx(*s) : std::clamp(cx(*t), s->x + 10, s->x + s->width - 10);
      const double tx = mf.target_node != npos ? cx(*t) : std::clamp(sx, t->x + 10, t->x + t->width - 10);
      const bool down = cy(*s) <= cy(*t);
      const double sy = down ? s->y + s->height : s->y;
      const double ty = down ? t->y : t->y + t->height;
      if (std::abs(sx - tx) < 0.5) {
        out_.message_flows[i] = {{sx, sy}, {tx, ty}};
      } else {
        const double my = (sy + ty) / 2;
        out_.message_flows[i] = {{sx, sy}, {sx, my}, {tx, my}, {tx, ty}};
      }
    }
  }

  std::vector<int> zero_bands_;  // band 0 for every node (scopes without bands)
  const engine::ProcessModel& m_;
  DiagramLayout& out_;
  std::vector<Bounds> rel_;
  bool stelle_mode_ = false;                    // laying out a process with one lane per Stelle
  std::vector<int> band_;                       // Stelle band of every node (Stelle mode)
  int bands_ = 1;
  std::vector<char> spanning_;                  // sub-process drawn across all bands
  std::map<NodeIndex, std::vector<double>> span_heights_;
};

/// Input DI: copy the shapes, route flows that have none, mark sub-processes whose children lie inside.
void from_input(const engine::ProcessModel& m, DiagramLayout& out) {
  out.from_input = true;
  for (NodeIndex n = 0; n < m.node_count(); ++n) out.nodes[n] = m.node(n).shape;
  for (std::size_t i = 0; i < m.participants().size(); ++i) out.participants[i] = m.participants()[i].shape;
  for (std::size_t i = 0; i < m.lanes().size(); ++i) out.lanes[i] = m.lanes()[i].shape;
  for (std::size_t i = 0; i < m.data().size(); ++i) out.data[i] = m.data()[i].shape;
  for (std::size_t i = 0; i < m.annotations().size(); ++i) out.annotations[i] = m.annotations()[i].shape;
  for (engine::FlowIndex f = 0; f < m.flows().size(); ++f) {
    const engine::Flow& flow = m.flows()[f];
    out.flows[f] = flow.waypoints;
    if (flow.waypoints.size() < 2 && flow.source != npos && flow.target != npos && out.nodes[flow.source] &&
        out.nodes[flow.target]) {
      out.flows[f] = route_edge(*out.nodes[flow.source], *out.nodes[flow.target]);
    }
  }
  for (std::size_t i = 0; i < m.message_flows().size(); ++i) out.message_flows[i] = m.message_flows()[i].waypoints;
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto kids = m.children(n);
    if (kids.empty() || !out.nodes[n]) continue;
    const Bounds& b = *out.nodes[n];
    bool inside = true;
    for (NodeIndex c : kids) {
      if (!out.nodes[c]) continue;
      const Bounds& k = *out.nodes[c];
      inside = inside && k.x >= b.x - 1 && k.y >= b.y - 1 && k.x + k.width <= b.x + b.width + 1 &&
               k.y + k.height <= b.y + b.height + 1;
    }
    out.expanded[n] = inside;
  }
}

} // namespace

std::vector<Point> route_edge(const Bounds& from, const Bounds& to, bool from_boundary_event) {
  if (from_boundary_event) {
    const Point start{cx(from), from.y + from.height};
    if (to.x >= cx(from)) return {start, {cx(from), cy(to)}, {to.x, cy(to)}};
    return {start, {cx(from), to.y + to.height + 20}, {cx(to), to.y + to.height + 20}, {cx(to), to.y + to.height}};
  }
  const double right = from.x + from.width;
  if (to.x >= right) {
    if (std::abs(cy(from) - cy(to)) < 0.5) return {{right, cy(from)}, {to.x, cy(to)}};
    const double mid = (right + to.x) / 2;
    return {{right, cy(from)}, {mid, cy(from)}, {mid, cy(to)}, {to.x, cy(to)}};
  }
  // Backwards (a loop) or overlapping columns: go below both shapes.
  const double below = std::max(from.y + from.height, to.y + to.height) + 25;
  return {{cx(from), from.y + from.height}, {cx(from), below}, {cx(to), below}, {cx(to), to.y + to.height}};
}

DiagramLayout layout_diagram(const engine::ProcessModel& m) {
  DiagramLayout out;
  out.nodes.resize(m.node_count());
  out.flows.resize(m.flows().size());
  out.message_flows.resize(m.message_flows().size());
  out.participants.resize(m.participants().size());
  out.lanes.resize(m.lanes().size());
  out.data.resize(m.data().size());
  out.annotations.resize(m.annotations().size());
  out.expanded.assign(m.node_count(), false);
  if (m.has_diagram()) {
    from_input(m, out);
  } else {
    AutoLayout(m, out).run();
  }
  return out;
}

} // namespace lotse::reports
