// SPDX-License-Identifier: MIT
#include "analysis/event_rule.h"

#include "analysis/repetition.h"
#include "analysis/sim/network.h"
#include "analysis/time_kind.h"

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>

namespace lotse::analysis {
namespace {

using engine::DistKind;
using engine::Distribution;
using engine::NodeIndex;
using engine::NodeKind;
using engine::npos;

bool has(const engine::Node& n, engine::EventTrigger t) {
  return std::find(n.triggers.begin(), n.triggers.end(), t) != n.triggers.end();
}

/// The start event of an event sub-process (its first), else npos.
NodeIndex start_of(const engine::ProcessModel& m, NodeIndex sub) {
  for (const NodeIndex c : m.children(sub)) {
    if (m.node(c).kind == NodeKind::start_event) return c;
  }
  return npos;
}

std::optional<Distribution> time_of(const engine::Node& n) {
  if (n.attrs.duration) return n.attrs.duration->value;
  if (n.attrs.waiting) return Distribution::fixed_seconds(engine::to_seconds(n.attrs.waiting->value));
  if (!n.timer.empty()) {
    if (const auto s = sim::parse_iso_duration(n.timer)) return Distribution::fixed_seconds(*s);
    if (const auto c = sim::parse_iso_cycle(n.timer)) return Distribution::fixed_seconds(c->interval_s);
  }
  return std::nullopt;
}

double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

} // namespace

EventRule event_rule(const engine::ProcessModel& m, NodeIndex event) {
  EventRule r;
  const engine::Node& e = m.node(event);
  const bool sub = e.triggered_by_event && engine::is_container(e.kind);
  const NodeIndex start = sub ? start_of(m, event) : event;
  const engine::Node* trig = start != npos ? &m.node(start) : &e;
  if (trig->attrs.occurrence) {
    r.probability = trig->attrs.occurrence->value;
    r.given = true;
  } else if (sub && e.attrs.occurrence) {
    r.probability = e.attrs.occurrence->value;
    r.given = true;
  } else if (const auto out = m.out_flows(event); !sub && out.size() == 1 && m.flow(out[0]).probability) {
    r.probability = m.flow(out[0]).probability->value.value;
    r.given = true;
  } else {
    r.probability = has(*trig, engine::EventTrigger::timer) ? 1.0 : 0.0;
  }
  r.probability = std::clamp(r.probability, 0.0, 1.0);
  if (has(*trig, engine::EventTrigger::compensate)) r.probability = 0;  // compensation runs only on request
  r.time = time_of(*trig);
  if (!r.time && sub) r.time = time_of(e);
  if (!r.time && has(*trig, engine::EventTrigger::message)) {
    // A message event that a message flow reaches: the sending node's time (SIM-022), as for catch events.
    const NodeIndex target = start != npos ? start : event;
    for (const auto& mf : m.message_flows()) {
      if (mf.target_node != target || mf.source_node == npos) continue;
      if (auto t = time_of(m.node(mf.source_node))) {
        r.time = t;
        break;
      }
    }
  }
  if (!sub && !e.interrupting && has(e, engine::EventTrigger::timer) && !e.timer.empty()) {
    if (const auto c = sim::parse_iso_cycle(e.timer)) r.cycle = c->repetitions;
  }
  if (!sub && (has(e, engine::EventTrigger::error) || (!r.time && !has(e, engine::EventTrigger::timer)))) {
    r.at_end = true;
    r.time.reset();
  }
  return r;
}

std::optional<ActivityTime> activity_time(const engine::ProcessModel& m, NodeIndex activity) {
  const engine::Node& n = m.node(activity);
  if (!engine::is_task(n.kind) || n.removed || n.attrs.batch || repetition_of(n)) return std::nullopt;
  const auto& a = n.attrs;
  ActivityTime t;
  if (waiting_only(m, activity)) {
    if (a.duration) t.law = a.duration->value;
    else if (a.waiting || a.processing) t.law = Distribution::fixed_seconds(engine::to_seconds(a.waiting ? a.waiting->value : a.processing->value));
    else return std::nullopt;
    return t;
  }
  if (a.waiting) t.shift = engine::to_seconds(a.waiting->value);
  if (a.duration) t.law = a.duration->value;
  else if (a.processing) t.law = Distribution::exponential_mean(engine::to_seconds(a.processing->value));
  else return std::nullopt;
  return t;
}

double cdf(const Distribution& d, double x) {
  if (x < 0) return 0;
  switch (d.kind) {
  case DistKind::fixed: return x >= std::max(0.0, d.p1) ? 1.0 : 0.0;
  case DistKind::exponential: return d.p1 > 0 ? 1 - std::exp(-x / d.p1) : 1.0;
  case DistKind::uniform: return d.p2 > d.p1 ? std::clamp((x - d.p1) / (d.p2 - d.p1), 0.0, 1.0) : (x >= d.p1 ? 1.0 : 0.0);
  case DistKind::triangular: {
    const double a = d.p1, c = d.p2, b = d.p3;
    if (x <= a) return 0;
    if (x >= b) return 1;
    if (x <= c) return c > a ? (x - a) * (x - a) / ((b - a) * (c - a)) : 0.0;
    return b > c ? 1 - (b - x) * (b - x) / ((b - a) * (b - c)) : 1.0;
  }
  case DistKind::normal: {
    if (d.p2 <= 0) return x >= d.p1 ? 1.0 : 0.0;
    const double below = phi(-d.p1 / d.p2);  // negative draws are redrawn: truncated at 0
    return below >= 1 ? 1.0 : std::clamp((phi((x - d.p1) / d.p2) - below) / (1 - below), 0.0, 1.0);
  }
  case DistKind::lognormal: {
    if (d.p1 <= 0) return 1;
    if (d.p2 <= 0) return x >= d.p1 ? 1.0 : 0.0;
    const double s2 = std::log(1 + d.p2 * d.p2 / (d.p1 * d.p1));
    const double mu = std::log(d.p1) - s2 / 2;
    return x <= 0 ? 0.0 : phi((std::log(x) - mu) / std::sqrt(s2));
  }
  case DistKind::gamma:
    return d.p1 > 0 && d.p2 > 0 ? boost::math::gamma_p(d.p1, x / d.p2) : 1.0;
  case DistKind::erlang:
    return d.p1 > 0 && d.p2 > 0 ? boost::math::gamma_p(std::round(d.p1), x * std::round(d.p1) / d.p2) : 1.0;
  case DistKind::histogram: {
    double total = 0, below = 0;
    for (const auto& b : d.bins) {
      total += b.probability;
      below += b.probability * (b.max > b.min ? std::clamp((x - b.min) / (b.max - b.min), 0.0, 1.0) : (x >= b.min ? 1.0 : 0.0));
    }
    return total > 0 ? below / total : 1.0;
  }
  }
  return 1.0;
}

double occurs_before(const Distribution& t, const ActivityTime& d) {
  if (t.kind == DistKind::fixed) {
    // P(D >= t): one minus P(W < t - shift), P(W < y) = lim P(W <= y - 0).
    const double y = std::max(0.0, t.p1) - d.shift;
    if (y <= 0) return 1.0;
    return 1.0 - cdf(d.law, std::nextafter(y, 0.0));
  }
  if (d.law.kind == DistKind::fixed) return cdf(t, d.shift + std::max(0.0, d.law.p1));
  // Both continuous: E[F_T(shift + W)] as a Stieltjes sum over W's law up to where it is spent.
  double hi = std::max(1.0, d.law.mean());
  for (int i = 0; i < 200 && cdf(d.law, hi) < 1 - 1e-12; ++i) hi *= 2;
  constexpr int steps = 20'000;
  double sum = 0, prev = 0;
  for (int i = 1; i <= steps; ++i) {
    const double x1 = hi * i / steps, x0 = hi * (i - 1) / steps;
    const double f = cdf(d.law, x1);
    sum += (f - prev) * cdf(t, d.shift + (x0 + x1) / 2);
    prev = f;
  }
  return std::clamp(sum + (1 - prev), 0.0, 1.0);
}

double boundary_firing_share(const engine::ProcessModel& m, NodeIndex b) {
  const EventRule r = event_rule(m, b);
  if (r.probability <= 0 || r.at_end || !r.time) return r.time || r.at_end ? r.probability : 0.0;
  const NodeIndex a = m.node(b).attached_to;
  if (a == npos) return r.probability;
  const auto d = activity_time(m, a);
  if (!d) return r.probability;
  if (r.cycle == 1) return r.probability * occurs_before(*r.time, *d);
  // A cycle of fixed intervals t: the k-th firing happens if k·t <= D (ties go to the event).
  const double t = r.time->mean();
  if (r.time->kind != engine::DistKind::fixed || t <= 0) return r.probability * occurs_before(*r.time, *d);
  double sum = 0;
  for (std::int64_t k = 1; r.cycle == 0 || k <= r.cycle; ++k) {
    const double term = occurs_before(Distribution::fixed_seconds(static_cast<double>(k) * t), *d);
    sum += term;
    if (term < 1e-12 || k >= 1'000'000) break;
  }
  return r.probability * sum;
}

} // namespace lotse::analysis
