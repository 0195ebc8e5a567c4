// SPDX-License-Identifier: MIT
#include "analysis/sim/bounds.h"

#include "engine/utf8.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace lotse::analysis::sim {
namespace {

constexpr std::uint32_t none = 0xffffffffU;

template <class F>
void for_each_successor(const SimNetwork& net, std::uint32_t n, F&& f) {
  const SimNode& sn = net.nodes[n];
  for (std::uint32_t i = sn.out_begin; i < sn.out_end; ++i) f(net.outs[i].target);
  for (std::uint32_t b = sn.boundary_begin; b < sn.boundary_end; ++b) f(net.boundaries[b].event);
}

std::string label(const SimNetwork& net, std::uint32_t n) {
  const auto& node = net.model->node(n);
  return "'" + bounded_text(node.name.empty() ? node.id : node.name, 80) + "'";
}

std::string join_cycle(const SimNetwork& net, const std::vector<std::uint32_t>& cycle) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(cycle.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? " → " : "") + label(net, cycle[i]);
  if (cycle.size() > shown) out += " → …";
  out += " → " + label(net, cycle.front());
  return out;
}

// Shortest path from n back to n (breadth first over successors); empty if n is on no cycle.
std::vector<std::uint32_t> shortest_cycle(const SimNetwork& net, std::uint32_t n) {
  std::vector<std::uint32_t> prev(net.nodes.size(), none);
  std::deque<std::uint32_t> queue{n};
  bool found = false;
  std::uint32_t last = none;
  while (!queue.empty() && !found) {
    const std::uint32_t u = queue.front();
    queue.pop_front();
    for_each_successor(net, u, [&](std::uint32_t v) {
      if (found || v >= net.nodes.size()) return;
      if (v == n) {
        found = true;
        last = u;
      } else if (prev[v] == none) {
        prev[v] = u;
        queue.push_back(v);
      }
    });
  }
  std::vector<std::uint32_t> cycle;
  if (!found) return cycle;
  for (std::uint32_t v = last; v != n; v = prev[v]) cycle.push_back(v);
  cycle.push_back(n);
  std::reverse(cycle.begin(), cycle.end());
  return cycle;
}

} // namespace

double distribution_scale(const engine::Distribution& d) {
  double s = std::abs(d.mean());
  if (d.kind != engine::DistKind::gamma && d.kind != engine::DistKind::erlang) {
    s = std::max({s, std::abs(d.p1), std::abs(d.p2), std::abs(d.p3)});
  }
  for (const auto& b : d.bins) s = std::max({s, std::abs(b.min), std::abs(b.max)});
  return std::isfinite(s) ? s : HUGE_VAL;
}

std::string bounded_text(std::string_view s, std::size_t max_bytes) { return engine::cut_utf8(s, max_bytes); }

std::vector<std::uint32_t> trapped_nodes(const SimNetwork& net) {
  const std::size_t n = net.nodes.size();
  std::vector<std::vector<std::uint32_t>> preds(n);
  std::vector<char> exits(n, 0);
  std::deque<std::uint32_t> queue;
  for (std::uint32_t u = 0; u < n; ++u) {
    if (!net.nodes[u].reachable) continue;
    for_each_successor(net, u, [&](std::uint32_t v) {
      if (v < n) preds[v].push_back(u);
    });
    if (net.nodes[u].route == Route::end) {
      exits[u] = 1;
      queue.push_back(u);
    }
  }
  while (!queue.empty()) {
    const std::uint32_t v = queue.front();
    queue.pop_front();
    for (const std::uint32_t u : preds[v]) {
      if (!exits[u]) {
        exits[u] = 1;
        queue.push_back(u);
      }
    }
  }
  std::vector<std::uint32_t> trapped;
  for (std::uint32_t u = 0; u < n; ++u) {
    if (net.nodes[u].reachable && !exits[u]) trapped.push_back(u);
  }
  return trapped;
}

std::string cycle_text(const SimNetwork& net, std::uint32_t n) {
  if (!net.model || n >= net.nodes.size()) return "?";
  std::vector<std::uint32_t> cycle = shortest_cycle(net, n);
  if (cycle.empty()) {
    // Walk on from n until a node repeats; the repeated part is the cycle.
    std::vector<std::size_t> pos(net.nodes.size(), none);
    std::vector<std::uint32_t> path;
    std::uint32_t u = n;
    while (u < net.nodes.size() && pos[u] == none) {
      pos[u] = path.size();
      path.push_back(u);
      std::uint32_t next = none;
      for_each_successor(net, u, [&](std::uint32_t v) {
        if (next == none) next = v;
      });
      u = next;
    }
    if (u >= net.nodes.size()) return label(net, n);
    cycle.assign(path.begin() + static_cast<std::ptrdiff_t>(pos[u]), path.end());
  }
  return join_cycle(net, cycle);
}

} // namespace lotse::analysis::sim
