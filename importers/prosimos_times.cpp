// SPDX-License-Identifier: MIT
// Prosimos scenarios (see prosimos_applier.h): distributions, task times per resource, gateway branching
// probabilities, event delays, batch rules. Parameter order as Prosimos 2.x reads it
// (pix_framework.statistics.distribution.DurationDistribution.from_dict): fix [value], expon [mean, min,
// max] (scale = mean - min, loc = min), norm [mean, std, min, max], uniform [min, max], lognorm [mean,
// variance, min, max], gamma [mean, variance, min, max]; draws outside [min, max] are redrawn there.
#include "importers/prosimos_applier.h"

#include "engine/utf8.h"

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace lotse::importers::prosimos {
namespace {

/// Share of a distribution's draws below `lo` or above `hi` (Prosimos redraws those; we do not).
double outside(const Distribution& d, double lo, double hi) {
  try {
    switch (d.kind) {
    case DistKind::exponential: return (lo > 0 ? 1 - std::exp(-lo / d.p1) : 0.0) + std::exp(-hi / d.p1);
    case DistKind::normal: {
      if (d.p2 <= 0) return d.p1 < lo || d.p1 > hi ? 1.0 : 0.0;
      const boost::math::normal_distribution<double> n(d.p1, d.p2);
      return (lo > 0 ? boost::math::cdf(n, lo) : 0.0) + boost::math::cdf(boost::math::complement(n, hi));
    }
    case DistKind::lognormal: {
      if (d.p1 <= 0 || d.p2 <= 0) return 0.0;
      const double s2 = std::log(1 + d.p2 * d.p2 / (d.p1 * d.p1));
      const boost::math::lognormal_distribution<double> l(std::log(d.p1) - s2 / 2, std::sqrt(s2));
      return (lo > 0 ? boost::math::cdf(l, lo) : 0.0) + boost::math::cdf(boost::math::complement(l, hi));
    }
    case DistKind::gamma: {
      if (d.p1 <= 0 || d.p2 <= 0) return 0.0;
      const boost::math::gamma_distribution<double> g(d.p1, d.p2);
      return (lo > 0 ? boost::math::cdf(g, lo) : 0.0) + boost::math::cdf(boost::math::complement(g, hi));
    }
    default: return 0.0;
    }
  } catch (const std::exception&) {
    return 0.0;
  }
}

std::string percent(double share) { return engine::number_arg_g(share * 100.0, 3) + " %"; }

} // namespace

// Reads {distribution_name, distribution_params: [{value}...]} in Prosimos 2.x order (see the header).
std::optional<Distribution> Applier::distribution(const json& obj, const std::string& path, const std::string& owner) {
  const auto name = text_member(obj, path, "distribution_name");
  const json* params = member(obj, path, "distribution_params", "array", true);
  if (!name || !params || !array(*params, path + "/distribution_params", "distribution_params")) return std::nullopt;
  std::vector<double> p;
  for (std::size_t i = 0; i < params->size(); ++i) {
    const std::string pp = path + "/distribution_params/" + std::to_string(i);
    const json& e = (*params)[i];
    const json* v = e.is_object() ? member(e, pp, "value", "number", true) : &e;
    if (!v) return std::nullopt;
    const auto x = number(*v, e.is_object() ? pp + "/value" : pp, "distribution_params");
    if (!x) return std::nullopt;
    p.push_back(*x);
  }
  const std::string n = [&] {
    std::string l = *name;
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  }();
  const auto need = [&](std::size_t lo, std::size_t hi, const char* form) {
    if (p.size() >= lo && p.size() <= hi) return true;
    shape(path + "/distribution_params", "distribution_params", std::string(*name) + " " + form);
    return false;
  };
  const auto cut = [&](double share, double lo, double hi) {
    if (share > 0.001) {
      report(DiagId::sim_scenario_bounds, path, "", {owner, percent(share), engine::number_arg_g(lo, 0), engine::number_arg_g(hi, 0)});
    }
  };
  const auto bounds = [&](const Distribution& d, std::size_t first) {
    if (p.size() >= first + 2) cut(outside(d, p[first], p[first + 1]), p[first], p[first + 1]);
  };
  Distribution d;
  if (n == "fix" || n == "fixed") {
    if (!need(1, 3, "[value]")) return std::nullopt;
    d = Distribution::fixed_seconds(p[0]);
  } else if (n == "expon" || n == "exponential") {
    if (!need(1, 4, "[mean, min, max]")) return std::nullopt;
    double mean = p[0], min = p.size() >= 2 ? p[1] : 0.0;
    std::size_t bound_at = 1;
    if (p.size() == 2 || p.size() == 4) {
      // Prosimos 1.x / scipy order [loc, scale(, min, max)]: pix-framework 0.14 would fail on these lengths.
      min = p[0];
      mean = p[0] + p[1];
      bound_at = 2;
      report(DiagId::sim_scenario_legacy_params, path, "", {owner, engine::number_arg_g(mean, 6)});
    }
    double scale = mean - min;
    if (scale < 0) {
      scale = mean;  // as pix-framework does
      min = 0;
    }
    if (min > 0 && scale > 0) {
      // Shifted exponential min + Exp(scale): the gamma law with the same mean and variance.
      d = {DistKind::gamma, mean * mean / (scale * scale), scale * scale / mean, 0, {}};
      report(DiagId::sim_scenario_approximated, path, "", {owner, engine::number_arg_g(min, 0)});
    } else {
      d = Distribution::exponential_mean(scale);
    }
    if (d.kind == DistKind::exponential && p.size() >= bound_at + 2) {
      cut(std::exp(-p[bound_at + 1] / std::max(scale, 1e-300)), 0.0, p[bound_at + 1]);
    }
  } else if (n == "norm" || n == "normal") {
    if (!need(2, 4, "[mean, std, min, max]")) return std::nullopt;
    d = {DistKind::normal, p[0], p[1], 0, {}};
    bounds(d, 2);
  } else if (n == "uniform") {
    if (!need(2, 2, "[min, max]")) return std::nullopt;
    d = {DistKind::uniform, p[0], p[1], 0, {}};
  } else if (n == "lognorm" || n == "lognormal" || n == "log_normal" || n == "gamma") {
    if (!need(2, 4, "[mean, variance, min, max]")) return std::nullopt;
    const double mean = p[0], var = p[1];
    if (var <= 0) {
      d = Distribution::fixed_seconds(mean);
    } else if (n == "gamma") {
      d = {DistKind::gamma, mean * mean / var, var / mean, 0, {}};
    } else {
      d = {DistKind::lognormal, mean, std::sqrt(var), 0, {}};
    }
    bounds(d, 2);
  } else if (n == "triang" || n == "triangular") {
    // Not in pix-framework's from_dict; scipy order [c, loc, scale] as Prosimos' QBP converter writes it.
    if (!need(3, 3, "[c, loc, scale]")) return std::nullopt;
    d = {DistKind::triangular, p[1], p[1] + p[0] * p[2], p[1] + p[2], {}};
  } else {
    shape(path + "/distribution_name", "distribution_name", "fix|expon|norm|uniform|lognorm|gamma");
    return std::nullopt;
  }
  return d;
}

// Per task: the resources that may do it, each with its own duration. We seize the pool of the first
// resource and draw from one distribution: the first resource's when all are equal, else the first
// one's shape scaled to the persons-weighted mean of all (SIM-054), so the work per case stays right.
void Applier::task_times(const json& v) {
  if (!array(v, "/task_resource_distribution", "task_resource_distribution")) return;
  struct Entry {
    std::string resource;
    Distribution d;
    std::string path;
  };
  std::map<engine::NodeIndex, std::vector<Entry>> by_task;
  std::map<engine::NodeIndex, std::string> task_path;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/task_resource_distribution/" + std::to_string(i);
    const json& t = v[i];
    if (!object(t, pp, "task_resource_distribution")) continue;
    const auto tid = text_member(t, pp, "task_id");
    const json* rs = member(t, pp, "resources", "array", true);
    if (!tid || !rs || !array(*rs, pp + "/resources", "resources")) continue;
    const auto n = node_of(*tid);
    if (!n || !engine::is_activity(edit_.view().node(*n).kind)) {
      report(DiagId::sim_scenario_unknown_ref, pp + "/task_id", *tid, {"task_id", *tid});
      continue;
    }
    task_path.emplace(*n, pp);
    for (std::size_t k = 0; k < rs->size(); ++k) {
      const std::string rp = pp + "/resources/" + std::to_string(k);
      const json& r = (*rs)[k];
      if (!object(r, rp, "resources")) continue;
      const auto rid = text_member(r, rp, "resource_id");
      auto d = distribution(r, rp, node_label(*n));
      if (!rid || !d) continue;
      if (have_pools_ && !resources_.count(*rid)) {
        report(DiagId::sim_scenario_unknown_ref, rp + "/resource_id", *tid, {"resource_id", *rid});
      }
      by_task[*n].push_back({*rid, std::move(*d), rp});
    }
  }
  for (auto& [n, entries] : by_task) {
    if (entries.empty()) continue;
    auto& node = edit_.node(n);
    const std::string& path = task_path[n];
    Distribution d = entries.front().d;
    const bool same = std::all_of(entries.begin(), entries.end(), [&](const Entry& e) {
      return e.d.kind == d.kind && e.d.p1 == d.p1 && e.d.p2 == d.p2 && e.d.p3 == d.p3;
    });
    if (!same) {
      double sum = 0, weight = 0;
      for (const auto& e : entries) {
        const auto it = resources_.find(e.resource);
        const double w = it == resources_.end() ? 1.0 : it->second.amount;
        sum += w * e.d.mean();
        weight += w;
      }
      const double target = sum / weight, first = d.mean();
      if (first > 0) {
        const double a = target / first;
        switch (d.kind) {
        case DistKind::gamma: d.p2 *= a; break;
        case DistKind::erlang: d.p2 *= a; break;
        default:
          d.p1 *= a;
          d.p2 *= a;
          d.p3 *= a;
        }
        for (auto& b : d.bins) {
          b.min *= a;
          b.max *= a;
        }
      }
      report(DiagId::sim_scenario_resource_times, path, node.id,
             {node_label(n), std::to_string(entries.size()), entries.front().resource, engine::number_arg_g(target, 6)});
    }
    node.attrs.duration = engine::Located<Distribution>{std::move(d), at(path)};
    ++timed_tasks_;
    if (!have_pools_) continue;
    node.attrs.resources.clear();
    std::map<std::size_t, int> persons;  // pool -> persons the task may use
    for (const auto& e : entries) {
      const auto it = resources_.find(e.resource);
      if (it == resources_.end()) continue;
      const std::string& pid = pools_[it->second.pool].id;
      if (std::find(node.attrs.resources.begin(), node.attrs.resources.end(), pid) == node.attrs.resources.end()) {
        node.attrs.resources.push_back(pid);
      }
      persons[it->second.pool] += it->second.amount;
    }
    if (!node.attrs.resources.empty()) {
      const auto first = resources_.find(entries.front().resource);
      if (first != resources_.end()) {
        const auto& pool = pools_[first->second.pool];
        if (persons[first->second.pool] < pool.amount) {
          report(DiagId::sim_scenario_pool_subset, path, node.id,
                 {node_label(n), std::to_string(persons[first->second.pool]), std::to_string(pool.amount),
                  pool.name.empty() ? pool.id : pool.name});
        }
      }
    }
  }
  // Tasks the scenario does not time keep the model's time; their model resources are gone.
  const auto& m = edit_.view();
  for (engine::NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (!engine::is_task(node.kind) || by_task.count(n)) continue;
    if (have_pools_) edit_.node(n).attrs.resources.clear();
    report(DiagId::sim_scenario_no_times, "/task_resource_distribution", node.id, {node_label(n)});
  }
}

void Applier::gateways(const json& v) {
  if (!array(v, "/gateway_branching_probabilities", "gateway_branching_probabilities")) return;
  const auto& m = edit_.view();
  std::map<std::string, engine::FlowIndex> flows;
  for (engine::FlowIndex f = 0; f < m.flows().size(); ++f) flows.emplace(m.flow(f).id, f);
  bool conditions = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/gateway_branching_probabilities/" + std::to_string(i);
    const json& g = v[i];
    if (!object(g, pp, "gateway_branching_probabilities")) continue;
    const auto gid = text_member(g, pp, "gateway_id");
    const json* ps = member(g, pp, "probabilities", "array", true);
    if (!gid || !ps || !array(*ps, pp + "/probabilities", "probabilities")) continue;
    const auto gn = node_of(*gid);
    if (!gn) {
      report(DiagId::sim_scenario_unknown_ref, pp + "/gateway_id", *gid, {"gateway_id", *gid});
      continue;
    }
    for (std::size_t k = 0; k < ps->size(); ++k) {
      const std::string fp = pp + "/probabilities/" + std::to_string(k);
      const json& e = (*ps)[k];
      if (!object(e, fp, "probabilities")) continue;
      const auto path_id = text_member(e, fp, "path_id");
      if (!path_id) continue;
      const auto it = flows.find(*path_id);
      if (it == flows.end() || m.flow(it->second).source != *gn) {
        report(DiagId::sim_scenario_unknown_ref, fp + "/path_id", *gid, {"path_id", *path_id});
        continue;
      }
      if (e.contains("condition_id")) conditions = true;
      auto& flow = edit_.flow(it->second);
      if (!e.contains("value")) {
        flow.probability.reset();  // Prosimos and the simulator share the rest equally (SIM-007)
        continue;
      }
      const auto p = number(e["value"], fp + "/value", "value");
      if (!p) continue;
      if (*p < 0 || *p > 1) {
        shape(fp + "/value", "value", "0..1");
        continue;
      }
      flow.probability = engine::Located<engine::Probability>{{*p}, at(fp + "/value")};
      ++probabilities_;
    }
  }
  if (conditions) {
    report(DiagId::sim_scenario_unsupported, "/gateway_branching_probabilities", "", {"condition_id", "probabilities used instead"});
  }
}

void Applier::events(const json& v) {
  if (!array(v, "/event_distribution", "event_distribution")) return;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/event_distribution/" + std::to_string(i);
    const json& e = v[i];
    if (!object(e, pp, "event_distribution")) continue;
    const auto eid = text_member(e, pp, "event_id");
    if (!eid) continue;
    const auto n = node_of(*eid);
    if (!n || !engine::is_event(edit_.view().node(*n).kind)) {
      report(DiagId::sim_scenario_unknown_ref, pp + "/event_id", *eid, {"event_id", *eid});
      continue;
    }
    if (auto d = distribution(e, pp, node_label(*n))) edit_.node(*n).attrs.duration = engine::Located<Distribution>{std::move(*d), at(pp)};
  }
}

void Applier::batches(const json& v) {
  if (!array(v, "/batch_processing", "batch_processing")) return;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/batch_processing/" + std::to_string(i);
    if (object(v[i], pp, "batch_processing")) batch(v[i], pp);
  }
}

// Firing rules (OR of AND groups) that have an equivalent: size (=, >=, >), large_wt / ready_wt (>, >=:
// the longest wait in the batch, i.e. the first case's), and week_day together with daily_hour (a weekly
// release). Batches are processed one case after another (Sequential); Parallel's duration scaling and
// the size/duration distributions are not simulated (SIM-052).
void Applier::batch(const json& b, const std::string& pp) {
  const auto tid = text_member(b, pp, "task_id");
  if (!tid) return;
  const auto n = node_of(*tid);
  if (!n || !engine::is_activity(edit_.view().node(*n).kind)) {
    report(DiagId::sim_scenario_unknown_ref, pp + "/task_id", *tid, {"task_id", *tid});
    return;
  }
  engine::BatchRule rule;
  rule.at = at(pp);
  const std::string type = b.value("type", "Sequential");
  if (type != "Sequential") report(DiagId::sim_scenario_unsupported, pp + "/type", *tid, {"type " + type, "processed one case after another"});
  for (const char* k : {"size_distrib", "duration_distrib", "batch_frequency"}) {
    if (b.contains(k)) report(DiagId::sim_scenario_unsupported, pp + "/" + k, *tid, {k, "batch_processing"});
  }
  const json* fr = member(b, pp, "firing_rules", "array", true);
  if (!fr || !array(*fr, pp + "/firing_rules", "firing_rules")) return;
  static constexpr std::string_view days[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::size_t g = 0; g < fr->size(); ++g) {
    const std::string gp = pp + "/firing_rules/" + std::to_string(g);
    const json& group = (*fr)[g];
    if (!array(group, gp, "firing_rules")) return;
    std::optional<int> day;
    std::optional<double> hour;
    bool used = true;
    for (std::size_t c = 0; c < group.size(); ++c) {
      const std::string cp = gp + "/" + std::to_string(c);
      const json& cond = group[c];
      if (!object(cond, cp, "firing_rules")) return;
      const std::string attr = cond.value("attribute", "");
      const std::string cmp = cond.value("comparison", "");
      const json val = cond.contains("value") ? cond["value"] : json();
      if (attr == "week_day" && val.is_string()) {
        std::string l = val.get<std::string>();
        for (char& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (int k = 0; k < 7; ++k) {
          if (days[k] == l) day = k;
        }
        if (!day) used = false;
      } else if (attr == "daily_hour" && (val.is_number() || val.is_string()) && (cmp == "=" || cmp == ">=")) {
        hour = number(val, cp + "/value", "value");
      } else if (attr == "size" && val.is_number() && group.size() == 1 && (cmp == "=" || cmp == ">=" || cmp == ">")) {
        rule.size = static_cast<int>(val.get<double>()) + (cmp == ">" ? 1 : 0);
      } else if ((attr == "large_wt" || attr == "ready_wt") && val.is_number() && group.size() == 1 && (cmp == ">" || cmp == ">=")) {
        rule.max_wait = engine::from_seconds(val.get<double>());
      } else {
        used = false;
      }
    }
    if (day && used) {
      const int h = static_cast<int>(hour.value_or(0));
      rule.release = std::string(weekday_names[*day].substr(0, 3)) + " " + (h < 10 ? "0" : "") + std::to_string(h) + ":00";
    } else if (hour && used) {
      used = false;  // a daily hour alone: no daily release in the simulator
    }
    if (!used) report(DiagId::sim_scenario_unsupported, gp, *tid, {"firing_rules/" + std::to_string(g), "rule without an equivalent"});
  }
  if (rule.release.empty() && rule.size == 0 && !rule.max_wait) return;
  edit_.node(*n).attrs.batch = std::move(rule);
  ++batches_;
}

} // namespace lotse::importers::prosimos
