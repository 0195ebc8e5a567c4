// SPDX-License-Identifier: MIT
// Small models for the simulator tests, built in code with ModelBuilder: queueing stations, splits,
// events and sub-processes with QBP-style parameters (distributions in seconds, pools).
#pragma once

#include "engine/model_builder.h"

#include <optional>
#include <string>

namespace lotse::test {

class SimModel {
public:
  SimModel() : b_("sim-test.bpmn", "bpmn") {
    b_.add_process(engine::Process{"P", "Testprozess", true, engine::npos, {}, {1, 1}});
    b_.simulation().present = true;
  }
  engine::NodeIndex node(const std::string& id, engine::NodeKind kind, engine::NodeIndex parent = engine::npos) {
    engine::Node n;
    n.id = id;
    n.name = id;
    n.kind = kind;
    n.process = 0;
    n.parent = parent;
    n.origin = {++line_, 3};
    return b_.add_node(std::move(n));
  }
  engine::NodeIndex task(const std::string& id, std::optional<engine::Distribution> d, const std::string& pool = "",
                         engine::NodeIndex parent = engine::npos) {
    const auto n = node(id, engine::NodeKind::task, parent);
    if (d) b_.node(n).attrs.duration = engine::Located<engine::Distribution>{*d, {line_, 3}};
    if (!pool.empty()) b_.node(n).attrs.resources.push_back(pool);
    return n;
  }
  engine::NodeIndex event(const std::string& id, engine::NodeKind kind, std::optional<engine::EventTrigger> t = {},
                          engine::NodeIndex parent = engine::npos) {
    const auto n = node(id, kind, parent);
    if (t) b_.node(n).triggers.push_back(*t);
    return n;
  }
  void flow(engine::NodeIndex from, engine::NodeIndex to, std::optional<double> p = {}) {
    engine::Flow f;
    f.id = "f" + std::to_string(++flows_);
    f.origin = {++line_, 3};
    if (p) f.probability = engine::Located<engine::Probability>{engine::Probability{*p}, f.origin};
    b_.add_flow_between(std::move(f), from, to);
  }
  void pool(const std::string& id, int amount, double eur_per_hour = 0, const std::string& timetable = "") {
    engine::ResourcePool p;
    p.id = id;
    p.name = id;
    p.amount = amount;
    if (eur_per_hour > 0) p.cost = engine::HourlyRate::from_euros(eur_per_hour);
    p.timetable = timetable;
    b_.simulation().pools.push_back(p);
  }
  void arrival(const engine::Distribution& d) { b_.simulation().arrival = engine::Located<engine::Distribution>{d, {1, 1}}; }
  engine::ModelBuilder& builder() { return b_; }
  engine::ProcessModel finish() {
    engine::Diagnostics d;
    return std::move(b_).finish(d);
  }

private:
  engine::ModelBuilder b_;
  std::uint32_t line_ = 1;
  int flows_ = 0;
};

/// start -> task(s) in sequence on pools -> end.
inline engine::ProcessModel tandem(double interarrival_s, const std::vector<std::pair<double, int>>& stations) {
  SimModel m;
  m.arrival(engine::Distribution::exponential_mean(interarrival_s));
  auto prev = m.event("S", engine::NodeKind::start_event);
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const std::string pool = "R" + std::to_string(i + 1);
    m.pool(pool, stations[i].second, 60.0);
    const auto t = m.task("T" + std::to_string(i + 1), engine::Distribution::exponential_mean(stations[i].first), pool);
    m.flow(prev, t);
    prev = t;
  }
  m.flow(prev, m.event("E", engine::NodeKind::end_event));
  return m.finish();
}

} // namespace lotse::test
