// SPDX-License-Identifier: MIT
// BIMP/QBP simulation parameters with BIMP's engine semantics (all values in seconds; EXPONENTIAL's mean
// in arg1 unless the Apromore editor's rawMean says `mean` is meant; GAMMA/LOGNORMAL arg1 = variance),
// see shared/docs/simulation-formats.md §2.1. Also the entry point that picks the simulation block.
#include "importers/bpmn_simulation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

namespace lotse::importers::bpmn {

using engine::DiagId;
using engine::Distribution;
using engine::DistKind;

namespace {

/// A value echoed from the file, exactly, with the message language's decimal separator.
std::string fmt_number(double v) { return engine::number_arg_g(v, 0); }

/// A numeric attribute: absent/empty → nullopt; NaN → nullopt plus BPMN-021; garbage → BPMN-009.
std::optional<double> number_attr(Context& ctx, const pugi::xml_node& el, const char* name, std::string_view owner) {
  const pugi::xml_attribute a = el.attribute(name);
  if (!a || trim(a.value()).empty()) return std::nullopt;
  const auto v = parse_number(a.value());
  if (!v) {
    ctx.report(DiagId::bpmn_bad_number, el, std::string(owner), {name, a.value()});
    return std::nullopt;
  }
  if (std::isnan(*v)) {
    ctx.report(DiagId::bpmn_qbp_nan, el, std::string(owner), {std::string(owner) + "/" + name});
    return std::nullopt;
  }
  return v;
}

pugi::xml_node child(const pugi::xml_node& el, std::string_view local) {
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  }
  return {};
}

double unit_seconds(std::string_view unit) {
  unit = trim(unit);
  if (unit == "minutes") return 60;
  if (unit == "hours") return 3600;
  if (unit == "days") return 86400;
  return 1;
}

std::optional<int> weekday(std::string_view name) {
  static constexpr std::string_view days[] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
  for (int i = 0; i < 7; ++i) {
    if (days[i] == trim(name)) return i;
  }
  return std::nullopt;
}

/// "09:00:00.000+00:00" → time of day.
engine::Duration time_of_day(std::string_view s) {
  s = trim(s);
  int h = 0, m = 0;
  double sec = 0;
  if (s.size() >= 5) {
    std::from_chars(s.data(), s.data() + 2, h);
    std::from_chars(s.data() + 3, s.data() + 5, m);
  }
  if (s.size() >= 8) {
    const std::size_t end = s.find_first_of("+-Z", 6);
    std::from_chars(s.data() + 6, s.data() + (end == std::string_view::npos ? s.size() : end), sec);
  }
  return engine::from_seconds(h * 3600.0 + m * 60.0 + sec);
}

} // namespace

std::optional<Distribution> read_qbp_distribution(Context& ctx, const pugi::xml_node& el, std::string_view owner) {
  const std::string_view type = trim(el.attribute("type").value());
  const auto mean = number_attr(ctx, el, "mean", owner);
  const auto arg1 = number_attr(ctx, el, "arg1", owner);
  const auto arg2 = number_attr(ctx, el, "arg2", owner);
  const bool has_raw = static_cast<bool>(el.attribute("rawMean"));
  if (has_raw && mean) {
    if (const auto raw = number_attr(ctx, el, "rawMean", owner)) {
      const double factor = unit_seconds(child(el, "timeUnit").text().get());
      if (std::abs(*raw * factor - *mean) > 1e-6 * std::max(1.0, std::abs(*mean))) {
        ctx.report(DiagId::bpmn_qbp_raw_mismatch, el, std::string(owner),
                   {std::string(owner), fmt_number(*raw), std::string(trim(child(el, "timeUnit").text().get())), fmt_number(*mean)});
      }
    }
  }
  const auto need = [&](const std::optional<double>& v) { return v.has_value(); };
  Distribution d;
  if (type == "FIXED") {
    if (!need(mean)) return std::nullopt;
    d = Distribution::fixed_seconds(*mean);
  } else if (type == "EXPONENTIAL") {
    const bool both = mean && arg1 && *mean > 0 && *arg1 > 0 && *mean != *arg1;
    double m = 0;
    if (has_raw && mean) m = *mean;                // Apromore editor: mean consistent with rawMean
    else if (arg1 && *arg1 > 0) m = *arg1;         // BIMP engine: exponential(1/arg1)
    else if (mean) m = *mean;
    else return std::nullopt;
    if (both) {
      ctx.report(DiagId::bpmn_qbp_mean_arg1, el, std::string(owner),
                 {std::string(owner), fmt_number(*mean), fmt_number(*arg1), has_raw ? "mean (rawMean)" : "arg1 (BIMP)"});
    }
    d = Distribution::exponential_mean(m);
  } else if (type == "NORMAL") {
    if (!need(mean)) return std::nullopt;
    d = {DistKind::normal, *mean, arg1.value_or(0), 0, {}};
  } else if (type == "UNIFORM") {
    if (!need(arg1) || !need(arg2)) return std::nullopt;
    d = {DistKind::uniform, *arg1, *arg2, 0, {}};
  } else if (type == "TRIANGULAR") {
    if (!need(mean) || !need(arg1) || !need(arg2)) return std::nullopt;
    d = {DistKind::triangular, *arg1, *mean, *arg2, {}};
  } else if (type == "GAMMA" || type == "LOGNORMAL") {
    if (!need(mean)) return std::nullopt;
    const double variance = arg1.value_or(0);
    if (*mean <= 0 || variance < 0) {
      ctx.report(DiagId::bpmn_qbp_bad_parameters, el, std::string(owner), {std::string(owner), fmt_number(*mean), fmt_number(variance)});
      return std::nullopt;
    }
    if (variance == 0) {
      d = Distribution::fixed_seconds(*mean);
    } else if (type == "GAMMA") {
      d = {DistKind::gamma, *mean * *mean / variance, variance / *mean, 0, {}};  // shape k, scale theta
    } else {
      d = {DistKind::lognormal, *mean, std::sqrt(variance), 0, {}};
    }
  } else if (type == "HISTOGRAM") {
    d.kind = DistKind::histogram;
    for (pugi::xml_node bin = child(child(el, "histogramDataBins"), "histogramData"); bin; bin = bin.next_sibling()) {
      if (bin.type() != pugi::node_element) continue;
      const auto p = number_attr(ctx, bin, "probability", owner);
      const pugi::xml_node inner = child(bin, "distribution");
      const auto inner_dist = inner ? read_qbp_distribution(ctx, inner, owner) : std::nullopt;
      if (!p || !inner_dist) continue;
      if (inner_dist->kind == DistKind::uniform) d.bins.push_back({*p, inner_dist->p1, inner_dist->p2});
      else d.bins.push_back({*p, inner_dist->mean(), inner_dist->mean()});
    }
    if (d.bins.empty()) return std::nullopt;
  } else {
    ctx.report(DiagId::bpmn_qbp_unknown_distribution, el, std::string(owner), {std::string(type)});
    return std::nullopt;
  }
  return d;
}

void read_qbp(Context& ctx, const pugi::xml_node& info, bool root_placement) {
  engine::SimulationSetup& sim = ctx.builder.simulation();
  sim.present = true;
  sim.dialect = root_placement ? "qbp-bimp" : "qbp-apromore";
  sim.process_id = info.attribute("processId").value();
  sim.start = info.attribute("startDateTime").value();
  sim.currency = info.attribute("currency").value();
  sim.origin = ctx.doc.where(info);
  if (const auto n = number_attr(ctx, info, "processInstances", "processSimulationInfo"); n && *n >= 0) {
    sim.instances = static_cast<std::int64_t>(*n);
  }
  for (pugi::xml_node c = info.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view local = local_name(c.name());
    if (local == "arrivalRateDistribution") {
      // Apromore nests the distribution per timetable: arrivalRateDistribution/byTimetable/distribution.
      pugi::xml_node dist = c;
      if (!c.attribute("type")) dist = child(child(c, "byTimetable"), "distribution");
      if (!dist) continue;
      if (auto d = read_qbp_distribution(ctx, dist, "arrivalRateDistribution")) {
        sim.arrival = engine::Located<Distribution>{std::move(*d), ctx.doc.where(dist)};
      }
    } else if (local == "timetables") {
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling()) {
        if (t.type() != pugi::node_element || local_name(t.name()) != "timetable") continue;
        engine::Timetable tt;
        tt.id = t.attribute("id").value();
        tt.name = t.attribute("name").value();
        tt.is_default = std::strcmp(t.attribute("default").value(), "true") == 0;
        for (pugi::xml_node r = child(child(t, "rules"), "rule"); r; r = r.next_sibling()) {
          if (r.type() != pugi::node_element) continue;
          const auto from = weekday(r.attribute("fromWeekDay").value());
          const std::string_view to_text = r.attribute("toWeekDay").value();
          const auto to = to_text.empty() ? from : weekday(to_text);
          if (!from || !to) {
            ctx.report(DiagId::bpmn_qbp_bad_weekday, r, tt.id,
                       {std::string(!from ? r.attribute("fromWeekDay").value() : r.attribute("toWeekDay").value())});
            continue;
          }
          tt.rules.push_back({*from, *to, time_of_day(r.attribute("fromTime").value()), time_of_day(r.attribute("toTime").value())});
        }
        sim.timetables.push_back(std::move(tt));
      }
    } else if (local == "resources") {
      for (pugi::xml_node r = c.first_child(); r; r = r.next_sibling()) {
        if (r.type() != pugi::node_element || local_name(r.name()) != "resource") continue;
        engine::ResourcePool pool;
        pool.id = r.attribute("id").value();
        pool.name = r.attribute("name").value();
        pool.timetable = r.attribute("timetableId").value();
        pool.origin = ctx.doc.where(r);
        if (const auto n = number_attr(ctx, r, "totalAmount", pool.id)) pool.amount = static_cast<int>(*n);
        if (const auto cost = number_attr(ctx, r, "costPerHour", pool.id)) pool.cost = engine::HourlyRate::from_euros(*cost);
        sim.pools.push_back(std::move(pool));
      }
    } else if (local == "elements") {
      for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) {
        if (e.type() != pugi::node_element || local_name(e.name()) != "element") continue;
        const std::string_view ref = trim(e.attribute("elementId").value());
        const auto node_index = ctx.builder.find_node(ref);
        if (!node_index) {
          ctx.report(DiagId::bpmn_sim_unknown_element, e, std::string(ref), {std::string(ref)});
          continue;
        }
        engine::Node& node = ctx.builder.node(*node_index);
        if (const pugi::xml_node dd = child(e, "durationDistribution")) {
          if (auto d = read_qbp_distribution(ctx, dd, ref)) {
            node.attrs.duration = engine::Located<Distribution>{std::move(*d), ctx.doc.where(dd)};
          }
        }
        for (pugi::xml_node id = child(child(e, "resourceIds"), "resourceId"); id; id = id.next_sibling()) {
          if (id.type() == pugi::node_element) node.attrs.resources.emplace_back(trim(id.text().get()));
        }
        if (const auto cost = number_attr(ctx, e, "fixedCost", ref); cost && *cost != 0) {
          node.attrs.fixed_cost = engine::Located<engine::Money>{engine::Money::from_euros(*cost), ctx.doc.where(e)};
        }
      }
    } else if (local == "sequenceFlows") {
      for (pugi::xml_node s = c.first_child(); s; s = s.next_sibling()) {
        if (s.type() != pugi::node_element || local_name(s.name()) != "sequenceFlow") continue;
        const std::string_view ref = trim(s.attribute("elementId").value());
        const auto flow = ctx.find_flow(ref);
        if (!flow) {
          ctx.report(DiagId::bpmn_sim_unknown_element, s, std::string(ref), {std::string(ref)});
          continue;
        }
        const auto p = number_attr(ctx, s, "executionProbability", ref);
        if (!p) continue;
        if (*p < 0 || *p > 1) {
          ctx.report(DiagId::bpmn_probability_range, s, std::string(ref), {std::string(ref), fmt_number(*p)});
          continue;
        }
        ctx.builder.flow(*flow).probability = engine::Located<engine::Probability>{{*p}, ctx.doc.where(s)};
      }
    }
  }
}

void read_simulation(Context& ctx, const std::vector<std::pair<pugi::xml_node, bool>>& qbp_blocks,
                     const std::vector<pugi::xml_node>& bpsim_blocks) {
  bool done = false;
  for (const auto& [block, root] : qbp_blocks) {
    if (done) {
      ctx.report(DiagId::bpmn_sim_second_block, block, block.attribute("id").value(), {"QBP"});
      continue;
    }
    read_qbp(ctx, block, root);
    done = true;
  }
  for (const auto& block : bpsim_blocks) {
    if (done) {
      ctx.report(DiagId::bpmn_sim_second_block, block, "", {"BPSim"});
      continue;
    }
    read_bpsim(ctx, block);
    done = true;
  }
}

} // namespace lotse::importers::bpmn
