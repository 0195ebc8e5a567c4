// SPDX-License-Identifier: MIT
// Compiling a ProcessModel into a SimNetwork: process choice, start nodes, reachability, routing
// tables, inclusive split/join pairing. Times, resources and arrivals are in network_params.cpp.
#include "analysis/sim/network.h"

#include "analysis/event_rule.h"
#include "analysis/sim/bounds.h"
#include "analysis/sim/network_compiler.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <fmt/format.h>

namespace lotse::analysis::sim {

using engine::DiagId;
using engine::NodeIndex;
using engine::NodeKind;
using engine::npos;

SimOptions options_from(const engine::Scenario& s) {
  SimOptions o;
  if (s.cases > 0) o.cases = s.cases;
  o.replications = std::max(1, s.replications);
  o.threads = s.threads;
  o.seed = s.seed;
  o.cases_per_year = s.cases_per_year;
  o.staff = s.staff;
  o.hours_per_fte = s.hours_per_fte;
  return o;
}

std::optional<IsoCycle> parse_iso_cycle(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() < 4 || (s[0] != 'R' && s[0] != 'r')) return std::nullopt;
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  IsoCycle c;
  const std::string_view count = s.substr(1, slash - 1);
  if (!count.empty()) {
    std::int64_t n = 0;
    for (const char ch : count) {
      if (ch < '0' || ch > '9' || n > 1'000'000) return std::nullopt;
      n = n * 10 + (ch - '0');
    }
    if (n < 1) return std::nullopt;
    c.repetitions = n;
  }
  // R3/PT1H, or R3/<start>/PT1H: the start date is not used (the timer runs from the activity's start).
  std::string_view rest = s.substr(slash + 1);
  if (const std::size_t second = rest.find('/'); second != std::string_view::npos) rest = rest.substr(second + 1);
  const auto interval = parse_iso_duration(rest);
  if (!interval || *interval <= 0) return std::nullopt;
  c.interval_s = *interval;
  return c;
}

std::optional<double> parse_iso_duration(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() < 3 || (s[0] != 'P' && s[0] != 'p')) return std::nullopt;
  double total = 0;
  bool in_time = false, any = false;
  std::size_t i = 1;
  while (i < s.size()) {
    if (s[i] == 'T' || s[i] == 't') {
      in_time = true;
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) ++i;
    if (i == begin || i >= s.size()) return std::nullopt;
    std::string num(s.substr(begin, i - begin));
    std::replace(num.begin(), num.end(), ',', '.');
    char* end = nullptr;
    const double v = std::strtod(num.c_str(), &end);
    if (end == num.c_str()) return std::nullopt;
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i++])));
    double factor = 0;
    if (!in_time) {
      switch (unit) {
      case 'Y': factor = 365.0 * 86400; break;
      case 'M': factor = 30.0 * 86400; break;
      case 'W': factor = 7.0 * 86400; break;
      case 'D': factor = 86400; break;
      default: return std::nullopt;
      }
    } else {
      switch (unit) {
      case 'H': factor = 3600; break;
      case 'M': factor = 60; break;
      case 'S': factor = 1; break;
      default: return std::nullopt;
      }
    }
    total += v * factor;
    any = true;
  }
  if (!any) return std::nullopt;
  return total;
}

void Compiler::diag(DiagId id, NodeIndex n, std::vector<std::string> args) {
  if (n == npos) {
    diags.add(id, m.source_path(), {}, "", std::move(args));
  } else {
    const auto& node = m.node(n);
    diags.add(id, m.source_path(), node.origin, node.id, std::move(args));
  }
  if (engine::info(id).severity == engine::Severity::error) failed = true;
}

std::string Compiler::label(NodeIndex n) const {
  const auto& node = m.node(n);
  return node.name.empty() ? node.id : node.name;
}

bool Compiler::in_scope(NodeIndex n, NodeIndex parent, engine::ProcessIndex process) const {
  const auto& node = m.node(n);
  return node.parent == parent && (parent != npos || node.process == process);
}

std::vector<NodeIndex> Compiler::start_nodes(NodeIndex parent, engine::ProcessIndex process, bool root) {
  std::vector<NodeIndex> starts, implicit;
  for (const NodeIndex c : m.children(parent)) {
    if (!in_scope(c, parent, process)) continue;
    const auto& n = m.node(c);
    if (n.kind == NodeKind::boundary_event || n.for_compensation || n.triggered_by_event) continue;
    if (n.kind == NodeKind::start_event) {
      starts.push_back(c);
    } else if (m.in_flows(c).empty() && !(n.kind == NodeKind::intermediate_catch_event &&
                                           std::find(n.triggers.begin(), n.triggers.end(),
                                                     engine::EventTrigger::link) != n.triggers.end())) {
      implicit.push_back(c);
    }
  }
  if (starts.empty()) return implicit;
  if (starts.size() > 1 && root) {
    diag(DiagId::sim_multiple_starts, starts.front(),
         {label_of_process(process), std::to_string(starts.size()), label(starts.front())});
  }
  // A process starts at one start event per case; a sub-process may have only one none start.
  starts.resize(1);
  return starts;
}

std::string Compiler::label_of_process(engine::ProcessIndex p) const {
  if (p == npos || p >= m.processes().size()) return m.name();
  const auto& pr = m.processes()[p];
  return pr.name.empty() ? pr.id : pr.name;
}

engine::ProcessIndex Compiler::choose_process() {
  const auto& setup = m.simulation();
  if (!setup.process_id.empty()) {
    for (std::size_t i = 0; i < m.processes().size(); ++i) {
      if (m.processes()[i].id == setup.process_id) return static_cast<engine::ProcessIndex>(i);
    }
  }
  // The process with the most activities wins (in a collaboration: the authority, not the citizen).
  std::vector<engine::ProcessIndex> seen;
  std::vector<int> activities;
  for (const auto& n : m.nodes()) {
    auto it = std::find(seen.begin(), seen.end(), n.process);
    if (it == seen.end()) {
      seen.push_back(n.process);
      activities.push_back(0);
      it = seen.end() - 1;
    }
    if (engine::is_activity(n.kind)) ++activities[static_cast<std::size_t>(it - seen.begin())];
  }
  engine::ProcessIndex best = npos;
  int best_count = -1;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (start_nodes_quiet(npos, seen[i]).empty()) continue;
    if (activities[i] > best_count) {
      best_count = activities[i];
      best = seen[i];
    }
  }
  if (best != npos && seen.size() > 1) {
    diag(DiagId::sim_process_chosen, npos, {std::to_string(seen.size()), label_of_process(best)});
  }
  if (best == npos && seen.size() == 1 && !start_nodes_quiet(npos, seen[0]).empty()) best = seen[0];
  return best;
}

std::vector<NodeIndex> Compiler::start_nodes_quiet(NodeIndex parent, engine::ProcessIndex process) {
  engine::Diagnostics scratch;
  Compiler quiet{m, o, scratch};
  return quiet.start_nodes(parent, process, false);
}

void Compiler::reach(engine::ProcessIndex process) {
  net.nodes.assign(m.node_count(), SimNode{});
  scope_starts.assign(m.node_count(), {});
  std::deque<NodeIndex> queue;
  const auto visit = [&](NodeIndex n) {
    if (!net.nodes[n].reachable) {
      net.nodes[n].reachable = true;
      queue.push_back(n);
    }
  };
  root_starts = start_nodes(npos, process, true);
  for (const NodeIndex s : root_starts) visit(s);
  for (const NodeIndex e : event_subprocesses(npos, npos, process)) visit(e);
  while (!queue.empty()) {
    const NodeIndex n = queue.front();
    queue.pop_front();
    for (const auto f : m.out_flows(n)) visit(m.flow(f).target);
    const auto& node = m.node(n);
    if (const NodeIndex link = link_target(n); link != npos) visit(link);
    if (engine::is_activity(node.kind)) {
      for (const NodeIndex b : m.boundary_events(n)) {
        const auto& be = m.node(b);
        const bool timer = std::find(be.triggers.begin(), be.triggers.end(), engine::EventTrigger::timer) != be.triggers.end();
        if (timer || event_rule(m, b).given) {
          visit(b);
        } else {
          diag(DiagId::sim_boundary_ignored, b,
               {label(b), be.triggers.empty() ? std::string("None") : std::string(engine::trigger_name(be.triggers.front()))});
        }
      }
      if (node.attrs.duration) continue;  // collapsed: simulated as one task
      engine::ProcessIndex inner_process = node.process;
      NodeIndex inner_parent = npos;
      if (engine::is_container(node.kind) && !m.children(n).empty()) {
        inner_parent = n;
      } else if (node.kind == NodeKind::call_activity) {
        inner_process = npos;
        for (std::size_t i = 0; i < m.processes().size(); ++i) {
          if (m.processes()[i].id == node.called_element) inner_process = static_cast<engine::ProcessIndex>(i);
        }
        if (inner_process == npos) {
          diag(DiagId::sim_call_unresolved, n, {label(n), node.called_element});
          continue;
        }
      } else {
        continue;
      }
      scope_starts[n] = start_nodes(inner_parent, inner_process, false);
      net.nodes[n].scope = true;
      for (const NodeIndex e : event_subprocesses(n, inner_parent, inner_process)) visit(e);
      for (const NodeIndex s : scope_starts[n]) visit(s);
    }
  }
}

std::vector<NodeIndex> Compiler::event_subprocesses(NodeIndex scope_node, NodeIndex parent, engine::ProcessIndex process) {
  std::vector<NodeIndex> found;
  for (const NodeIndex c : m.children(parent)) {
    if (!in_scope(c, parent, process) || !m.node(c).triggered_by_event) continue;
    if (!engine::is_container(m.node(c).kind) || !event_rule(m, c).given) {
      diag(DiagId::sim_event_subprocess_ignored, c, {label(c)});
      continue;
    }
    esubs.emplace_back(scope_node, c);
    found.push_back(c);
  }
  return found;
}

NodeIndex Compiler::link_target(NodeIndex n) const {
  const auto& node = m.node(n);
  const auto has_link = [](const engine::Node& x) {
    return std::find(x.triggers.begin(), x.triggers.end(), engine::EventTrigger::link) != x.triggers.end();
  };
  if (node.kind != NodeKind::intermediate_throw_event || !has_link(node) || !m.out_flows(n).empty()) return npos;
  for (NodeIndex i = 0; i < m.node_count(); ++i) {
    const auto& c = m.node(i);
    if (c.kind == NodeKind::intermediate_catch_event && has_link(c) && c.name == node.name && c.parent == node.parent &&
        c.process == node.process) {
      return i;
    }
  }
  return npos;
}

void Compiler::routing(NodeIndex n) {
  const auto& node = m.node(n);
  SimNode& sn = net.nodes[n];
  const auto outs = m.out_flows(n);
  sn.in_count = static_cast<std::uint32_t>(m.in_flows(n).size());
  sn.out_begin = static_cast<std::uint32_t>(net.outs.size());
  const auto any_prob = [&] {
    return std::any_of(outs.begin(), outs.end(), [&](auto f) { return m.flow(f).probability.has_value(); });
  };
  switch (node.kind) {
  case NodeKind::complex_gateway: diag(DiagId::sim_complex_gateway, n, {label(n)}); break;
  case NodeKind::parallel_gateway:
    if (sn.in_count > 1) sn.join = Join::parallel;
    sn.route = outs.size() > 1 ? Route::all : Route::single;
    break;
  case NodeKind::exclusive_gateway: sn.route = outs.size() > 1 ? Route::exclusive : Route::single; break;
  case NodeKind::inclusive_gateway:
    if (sn.in_count > 1) sn.join = Join::inclusive;
    sn.route = outs.size() > 1 ? Route::inclusive : Route::single;
    break;
  case NodeKind::event_based_gateway:
    sn.route = outs.size() > 1 ? (any_prob() ? Route::exclusive : Route::event_race) : Route::single;
    break;
  default: {
    const bool conditional = std::any_of(outs.begin(), outs.end(), [&](auto f) {
      return m.flow(f).conditional || m.flow(f).probability.has_value();
    });
    sn.route = outs.size() > 1 ? (conditional ? Route::inclusive : Route::all) : Route::single;
    break;
  }
  }
  if (outs.empty()) {
    const NodeIndex link = link_target(n);
    if (link != npos) {
      net.outs.push_back({link, 1.0});
      sn.route = Route::single;
    } else {
      sn.route = Route::end;
      sn.terminate = std::find(node.triggers.begin(), node.triggers.end(), engine::EventTrigger::terminate) !=
                     node.triggers.end();
    }
    sn.out_end = static_cast<std::uint32_t>(net.outs.size());
    return;
  }
  std::vector<double> p(outs.size(), -1.0);
  for (std::size_t i = 0; i < outs.size(); ++i) {
    if (const auto& pr = m.flow(outs[i]).probability) p[i] = std::max(0.0, pr->value.value);
  }
  if (sn.route == Route::exclusive) {
    fill_missing(n, p);
    double total = 0;
    for (const double x : p) total += x;
    if (total <= 0) {
      std::fill(p.begin(), p.end(), 1.0);
      total = static_cast<double>(p.size());
    } else if (std::abs(total - 1.0) > 1e-6) {
      diag(DiagId::sim_probabilities_normalised, n, {label(n), engine::number_arg_g(total, 4)});
    }
    double cum = 0;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      cum += p[i] / total;
      net.outs.push_back({m.flow(outs[i]).target, i + 1 == outs.size() ? 1.0 : cum});
    }
  } else if (sn.route == Route::inclusive) {
    std::size_t missing = 0;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      if (p[i] < 0 && !m.flow(outs[i]).is_default && node.default_flow != outs[i]) ++missing;
    }
    if (missing > 0) diag(DiagId::sim_missing_probabilities, n, {label(n), std::to_string(missing)});
    for (std::size_t i = 0; i < outs.size(); ++i) {
      const bool dflt = m.flow(outs[i]).is_default || node.default_flow == outs[i];
      const double pi = dflt ? -1.0 : (p[i] < 0 ? 1.0 / static_cast<double>(outs.size()) : std::min(p[i], 1.0));
      net.outs.push_back({m.flow(outs[i]).target, pi});
    }
  } else {
    for (const auto f : outs) net.outs.push_back({m.flow(f).target, 1.0});
  }
  sn.out_end = static_cast<std::uint32_t>(net.outs.size());
}

void Compiler::fill_missing(NodeIndex n, std::vector<double>& p) {
  double given = 0;
  std::size_t missing = 0;
  for (const double x : p) {
    if (x < 0) {
      ++missing;
    } else {
      given += x;
    }
  }
  if (missing == 0) return;
  diag(DiagId::sim_missing_probabilities, n, {label(n), std::to_string(missing)});
  const double share = std::max(0.0, 1.0 - given) / static_cast<double>(missing);
  for (double& x : p) {
    if (x < 0) x = (given <= 0 ? 1.0 / static_cast<double>(missing) : share);
  }
}

void Compiler::pair_inclusive() {
  // The join of an inclusive split: the nearest inclusive join every branch reaches (breadth-first,
  // same scope, not through the split again). The split tells the join how many tokens it sent.
  std::vector<bool> paired(net.nodes.size(), false);
  for (NodeIndex s = 0; s < net.nodes.size(); ++s) {
    const SimNode& sn = net.nodes[s];
    if (!sn.reachable || sn.route != Route::inclusive) continue;
    std::vector<int> worst(net.nodes.size(), -1);
    std::vector<int> hits(net.nodes.size(), 0);
    const std::uint32_t branches = sn.out_end - sn.out_begin;
    for (std::uint32_t b = sn.out_begin; b < sn.out_end; ++b) {
      std::vector<int> dist(net.nodes.size(), -1);
      std::deque<NodeIndex> q{net.outs[b].target};
      dist[net.outs[b].target] = 1;
      while (!q.empty()) {
        const NodeIndex x = q.front();
        q.pop_front();
        if (net.nodes[x].join == Join::inclusive) {
          ++hits[x];
          worst[x] = std::max(worst[x], dist[x]);
        }
        for (std::uint32_t i = net.nodes[x].out_begin; i < net.nodes[x].out_end; ++i) {
          const NodeIndex y = net.outs[i].target;
          if (y != s && dist[y] < 0) {
            dist[y] = dist[x] + 1;
            q.push_back(y);
          }
        }
      }
    }
    NodeIndex best = npos;
    for (NodeIndex j = 0; j < net.nodes.size(); ++j) {
      if (hits[j] == static_cast<int>(branches) && (best == npos || worst[j] < worst[best])) best = j;
    }
    if (best != npos) {
      net.nodes[s].paired_join = best;
      paired[best] = true;
    }
  }
  for (NodeIndex j = 0; j < net.nodes.size(); ++j) {
    if (net.nodes[j].reachable && net.nodes[j].join == Join::inclusive && !paired[j]) {
      diag(DiagId::sim_or_join_unpaired, j, {label(j)});
    }
  }
}

// A token in a part of the graph from which no end can be reached never leaves: every case that goes
// there would run until a limit stops it. Found before the run; each such cycle is named once.
void Compiler::check_exits() {
  std::vector<char> named(net.nodes.size(), 0);
  for (const std::uint32_t n : trapped_nodes(net)) {
    if (named[n]) continue;
    const std::string text = cycle_text(net, n);
    // Mark everything reachable from n: its cycle and whatever hangs off it is one finding.
    std::vector<std::uint32_t> stack{n};
    named[n] = 1;
    while (!stack.empty()) {
      const std::uint32_t u = stack.back();
      stack.pop_back();
      const SimNode& sn = net.nodes[u];
      for (std::uint32_t i = sn.out_begin; i < sn.out_end; ++i) {
        const std::uint32_t v = net.outs[i].target;
        if (v < named.size() && !named[v]) {
          named[v] = 1;
          stack.push_back(v);
        }
      }
    }
    diag(DiagId::sim_no_exit, n, {text});
  }
}

SimNetwork compile_network(const engine::ProcessModel& m, const SimOptions& o, engine::Diagnostics& diags) {
  Compiler c{m, o, diags};
  c.net.model = &m;
  const engine::ProcessIndex p = c.choose_process();
  if (p == npos && m.node_count() == 0) {
    c.diag(DiagId::sim_no_process, npos, {});
    return std::move(c.net);
  }
  c.reach(p);
  if (c.root_starts.empty()) {
    c.diag(DiagId::sim_no_process, npos, {});
    return std::move(c.net);
  }
  c.net.process = p;
  c.parameters(p);
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    if (c.net.nodes[n].reachable) c.routing(n);
  }
  c.pair_inclusive();
  c.check_exits();
  c.net.root_start_begin = static_cast<std::uint32_t>(c.net.starts.size());
  for (const NodeIndex s : c.root_starts) c.net.starts.push_back(s);
  c.net.root_start_end = static_cast<std::uint32_t>(c.net.starts.size());
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    SimNode& sn = c.net.nodes[n];
    if (!sn.reachable || !sn.scope) continue;
    sn.start_begin = static_cast<std::uint32_t>(c.net.starts.size());
    for (const NodeIndex s : c.scope_starts[n]) c.net.starts.push_back(s);
    sn.start_end = static_cast<std::uint32_t>(c.net.starts.size());
  }
  c.group_event_subprocesses();
  c.net.ok = !c.failed;
  return std::move(c.net);
}

} // namespace lotse::analysis::sim
