// SPDX-License-Identifier: MIT
// BPSim 1.0/2.0 `BPSimData` (inside bpmn:relationship type="BPSimData"): processing-time distributions,
// flow probabilities, start-event inter-trigger timers, resource quantities and costs, with the
// scenario's baseTimeUnit (default: minutes) and per-parameter timeUnit converted to seconds. jBPM
// (exporter "jBPM ...", drools namespace) writes flow probabilities in percent.
#include "importers/bpmn_simulation.h"

#include <cstring>
#include <string>

namespace lotse::importers::bpmn {

using engine::DiagId;
using engine::Distribution;
using engine::DistKind;

namespace {

std::optional<double> unit_factor(std::string_view unit) {
  unit = trim(unit);
  if (unit == "ms") return 0.001;
  if (unit == "s") return 1;
  if (unit == "min") return 60;
  if (unit == "hour") return 3600;
  if (unit == "day") return 86400;
  if (unit == "year") return 365 * 86400.0;
  return std::nullopt;
}

struct Scale {
  double base = 60;              // seconds per base time unit
  bool percent_probabilities = false;  // jBPM writes flow probabilities in percent (100.0 = always)
};

double num(const pugi::xml_node& el, const char* name) {
  return parse_number(el.attribute(name).value()).value_or(0);
}

/// The first element child.
pugi::xml_node first_element(const pugi::xml_node& el) {
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return {};
}

/// A scalar value (NumericParameter, FloatingParameter) without unit conversion.
std::optional<double> scalar(const pugi::xml_node& param) {
  const pugi::xml_node v = first_element(param);
  if (!v) return std::nullopt;
  const std::string_view local = local_name(v.name());
  if (local == "NumericParameter" || local == "FloatingParameter") return parse_number(v.attribute("value").value());
  return std::nullopt;
}

/// A time distribution in seconds, or nullopt (with BPMN-027 for unsupported kinds).
std::optional<Distribution> time_distribution(Context& ctx, const pugi::xml_node& param, const Scale& scale,
                                              std::string_view owner) {
  const pugi::xml_node v = first_element(param);
  if (!v) return std::nullopt;
  double f = scale.base;
  if (const char* tu = v.attribute("timeUnit").value(); *tu) {
    if (const auto uf = unit_factor(tu)) {
      f = *uf;
    } else {
      ctx.report(DiagId::bpmn_bpsim_time_unit, v, std::string(owner), {tu});
    }
  }
  const std::string_view local = local_name(v.name());
  if (local == "NumericParameter" || local == "FloatingParameter") return Distribution::fixed_seconds(num(v, "value") * f);
  if (local == "NormalDistribution" || local == "TruncatedNormalDistribution") {
    return Distribution{DistKind::normal, num(v, "mean") * f, num(v, "standardDeviation") * f, 0, {}};
  }
  if (local == "LogNormalDistribution") {
    return Distribution{DistKind::lognormal, num(v, "mean") * f, num(v, "standardDeviation") * f, 0, {}};
  }
  if (local == "UniformDistribution") return Distribution{DistKind::uniform, num(v, "min") * f, num(v, "max") * f, 0, {}};
  if (local == "TriangularDistribution") {
    return Distribution{DistKind::triangular, num(v, "min") * f, num(v, "mode") * f, num(v, "max") * f, {}};
  }
  if (local == "NegativeExponentialDistribution") return Distribution::exponential_mean(num(v, "mean") * f);
  if (local == "ErlangDistribution") return Distribution{DistKind::erlang, num(v, "k"), num(v, "mean") * f, 0, {}};
  if (local == "GammaDistribution") return Distribution{DistKind::gamma, num(v, "shape"), num(v, "scale") * f, 0, {}};
  ctx.report(DiagId::bpmn_bpsim_unsupported, v, std::string(owner), {std::string(v.name())});
  return std::nullopt;
}

void read_element_parameters(Context& ctx, const pugi::xml_node& ep, const Scale& scale) {
  const std::string_view ref = trim(ep.attribute("elementRef").value());
  const auto node = ctx.builder.find_node(ref);
  const auto flow = node ? std::nullopt : ctx.find_flow(ref);
  const auto lane = node || flow ? std::nullopt : ctx.find_lane(ref);
  if (!node && !flow && !lane) {
    ctx.report(DiagId::bpmn_sim_unknown_element, ep, std::string(ref), {std::string(ref)});
    return;
  }
  engine::SimulationSetup& sim = ctx.builder.simulation();
  engine::ResourcePool* pool = nullptr;
  if (lane) {
    sim.pools.push_back({std::string(ref), ctx.builder.lane(*lane).name, 1, std::nullopt, {}, {}, ctx.doc.where(ep)});
    pool = &sim.pools.back();
  }
  for (pugi::xml_node group = ep.first_child(); group; group = group.next_sibling()) {
    if (group.type() != pugi::node_element) continue;
    for (pugi::xml_node param = group.first_child(); param; param = param.next_sibling()) {
      if (param.type() != pugi::node_element) continue;
      const std::string_view kind = local_name(param.name());
      if (kind == "ProcessingTime" && node) {
        if (auto d = time_distribution(ctx, param, scale, ref)) {
          ctx.builder.node(*node).attrs.duration = engine::Located<Distribution>{std::move(*d), ctx.doc.where(param)};
        }
      } else if (kind == "InterTriggerTimer" && node) {
        if (auto d = time_distribution(ctx, param, scale, ref)) {
          if (!sim.arrival) sim.arrival = engine::Located<Distribution>{std::move(*d), ctx.doc.where(param)};
        }
      } else if (kind == "Probability" && flow) {
        if (auto p = scalar(param)) {
          if (scale.percent_probabilities) *p /= 100.0;
          if (*p < 0 || *p > 1) {
            ctx.report(DiagId::bpmn_probability_range, param, std::string(ref), {std::string(ref), std::to_string(*p)});
          } else {
            ctx.builder.flow(*flow).probability = engine::Located<engine::Probability>{{*p}, ctx.doc.where(param)};
          }
        }
      } else if (kind == "Quantity" || kind == "UnitCost" || kind == "FixedCost") {
        const auto v = scalar(param);
        if (!v) continue;
        if (pool) {
          if (kind == "Quantity") pool->amount = static_cast<int>(*v);
          else if (kind == "UnitCost") pool->cost = engine::HourlyRate::from_euros(*v * 3600.0 / scale.base);
        } else if (node) {
          engine::Node& n = ctx.builder.node(*node);
          if (kind == "FixedCost") {
            if (*v != 0) n.attrs.fixed_cost = engine::Located<engine::Money>{engine::Money::from_euros(*v), ctx.doc.where(param)};
          } else {
            n.attrs.properties.emplace_back(kind == "Quantity" ? "bpsim.quantity" : "bpsim.unit_cost", std::to_string(*v));
          }
        }
      }
    }
  }
}

} // namespace

void read_bpsim(Context& ctx, const pugi::xml_node& data) {
  engine::SimulationSetup& sim = ctx.builder.simulation();
  std::string_view uri;
  for (pugi::xml_node n = data; n && uri.empty(); n = n.parent()) {
    const std::string prefix(name_prefix(data.name()));
    uri = n.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value();
  }
  sim.present = true;
  sim.dialect = uri.find("/2.0") != std::string_view::npos ? "bpsim-2.0" : "bpsim-1.0";
  sim.origin = ctx.doc.where(data);
  pugi::xml_node scenario;
  for (pugi::xml_node c = data.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "Scenario") {
      scenario = c;
      break;
    }
  }
  if (!scenario) return;
  Scale scale;
  pugi::xml_node root = data;
  while (root.parent() && root.parent().type() == pugi::node_element) root = root.parent();
  scale.percent_probabilities = std::string_view(root.attribute("exporter").value()).starts_with("jBPM") ||
                                root.attribute("xmlns:drools");
  for (pugi::xml_node c = scenario.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || local_name(c.name()) != "ScenarioParameters") continue;
    if (const char* base = c.attribute("baseTimeUnit").value(); *base) {
      if (const auto f = unit_factor(base)) scale.base = *f;
      else ctx.report(DiagId::bpmn_bpsim_time_unit, c, "", {base});
    }
    sim.currency = c.attribute("baseCurrencyUnit").value();
  }
  for (pugi::xml_node c = scenario.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "ElementParameters") read_element_parameters(ctx, c, scale);
  }
}

} // namespace lotse::importers::bpmn
