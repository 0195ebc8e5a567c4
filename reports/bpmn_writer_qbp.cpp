// SPDX-License-Identifier: MIT
// QBP/BIMP simulation parameters for the BPMN writer (shared/docs/simulation-formats.md §2.1): all
// values in seconds, EXPONENTIAL with `mean` and `arg1` both set (BIMP reads arg1, Apromore mean).
// Only what the model knows is written; the defaults BIMP needs besides (instances, start, timetable,
// arrival rate when neither the setup nor a Fallzahl gives one) are marked by an XML comment.
#include "reports/bpmn_writer_qbp.h"

#include "reports/escape.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace lotse::reports::bpmn_detail {
namespace {

using engine::NodeIndex;
using engine::npos;

std::string attr(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, escape_xml(value));
}

std::string time_of_day(engine::Duration d) {
  const auto s = d.count() / 1000;
  return fmt::format("{:02}:{:02}:{:02}.000+00:00", s / 3600, (s / 60) % 60, s % 60);
}

std::string_view weekday(int d) {
  static constexpr std::array<std::string_view, 7> names{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
  return names.at(static_cast<std::size_t>(std::clamp(d, 0, 6)));
}

/// `<qbp:{tag} type=.. mean=.. arg1=.. arg2=..>` for a distribution in seconds (QBP semantics).
std::string distribution(std::string_view tag, const engine::Distribution& d, const std::string& indent) {
  std::string_view type = "FIXED";
  double mean = 0, arg1 = 0, arg2 = 0;
  switch (d.kind) {
  case engine::DistKind::fixed: mean = d.p1; break;
  case engine::DistKind::exponential: type = "EXPONENTIAL"; mean = arg1 = d.p1; break;
  case engine::DistKind::normal: type = "NORMAL"; mean = d.p1; arg1 = d.p2; break;
  case engine::DistKind::lognormal: type = "LOGNORMAL"; mean = d.p1; arg1 = d.p2 * d.p2; break;
  case engine::DistKind::uniform: type = "UNIFORM"; mean = (d.p1 + d.p2) / 2; arg1 = d.p1; arg2 = d.p2; break;
  case engine::DistKind::triangular: type = "TRIANGULAR"; mean = d.p2; arg1 = d.p1; arg2 = d.p3; break;
  case engine::DistKind::gamma: type = "GAMMA"; mean = d.p1 * d.p2; arg1 = d.p1 * d.p2 * d.p2; break;
  case engine::DistKind::erlang:  // Erlang(k, mean) = Gamma(k, mean / k): variance mean² / k
    type = "GAMMA";
    mean = d.p2;
    arg1 = d.p1 > 0 ? d.p2 * d.p2 / d.p1 : 0;
    break;
  case engine::DistKind::histogram: type = "HISTOGRAM"; mean = d.mean(); break;
  }
  std::string out = fmt::format("{}<qbp:{} type=\"{}\" mean=\"{}\" arg1=\"{}\" arg2=\"{}\"", indent, tag, type, num(mean),
                                num(arg1), num(arg2));
  if (d.kind != engine::DistKind::histogram) return out + " />\n";
  out += ">\n" + indent + "  <qbp:histogramDataBins>\n";
  for (const auto& bin : d.bins) {
    out += fmt::format("{}    <qbp:histogramData probability=\"{}\">\n", indent, num(bin.probability));
    out += distribution("distribution", engine::Distribution{engine::DistKind::uniform, bin.min, bin.max, 0, {}}, indent + "      ");
    out += indent + "    </qbp:histogramData>\n";
  }
  return out + indent + "  </qbp:histogramDataBins>\n" + indent + "</qbp:" + std::string(tag) + ">\n";
}

bool simulated_activity(const engine::ProcessModel& m, NodeIndex n) {
  const engine::Node& x = m.node(n);
  if (!(engine::is_task(x.kind) || x.kind == engine::NodeKind::call_activity ||
        (engine::is_container(x.kind) && m.children(n).empty()))) {
    return false;
  }
  return x.attrs.duration.has_value() || x.attrs.processing.has_value();
}

std::string stelle_of(const engine::ProcessModel& m, NodeIndex n) {
  const engine::Node& x = m.node(n);
  if (!x.attrs.stelle.empty()) return x.attrs.stelle;
  if (x.lane != npos && x.lane < m.lanes().size()) {
    const engine::Lane& l = m.lanes()[x.lane];
    return l.stelle.empty() ? l.name : l.stelle;
  }
  return "Sachbearbeitung";
}

} // namespace

std::string num(double v) {
  if (v == 0) return "0";
  return fmt::format("{:.12g}", v);
}

engine::ProcessIndex simulated_process(const engine::ProcessModel& m) {
  const auto& ps = m.processes();
  for (engine::ProcessIndex p = 0; p < ps.size(); ++p) {
    if (!m.simulation().process_id.empty() && ps[p].id == m.simulation().process_id) return p;
  }
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    if (m.node(n).process < ps.size()) return m.node(n).process;
  }
  return 0;
}

std::string qbp_block(const engine::ProcessModel& m, engine::ProcessIndex p, const std::vector<std::string>& node_ids,
                      const std::vector<std::string>& flow_ids, std::string_view indent_view) {
  const std::string indent(indent_view);
  const engine::SimulationSetup& sim = m.simulation();
  auto in_process = [&](NodeIndex n) {
    const engine::ProcessIndex np = m.node(n).process < m.processes().size() ? m.node(n).process : 0;
    return np == p;
  };
  std::vector<NodeIndex> activities;
  for (NodeIndex n = 0; n < m.node_count(); ++n) {
    if (in_process(n) && simulated_activity(m, n)) activities.push_back(n);
  }
  std::vector<engine::FlowIndex> flows;
  for (engine::FlowIndex f = 0; f < m.flows().size(); ++f) {
    const auto& x = m.flows()[f];
    if (x.probability && x.source != npos && in_process(x.source)) flows.push_back(f);
  }
  const std::optional<double> cases = m.cases_per_year(p);
  if (activities.empty() && flows.empty() && !sim.arrival && !(cases && *cases > 0)) return {};

  std::string out = fmt::format("{}<qbp:processSimulationInfo{}{}", indent,
                                attr("id", "qbp_" + (p < m.processes().size() ? m.processes()[p].id : std::string("process"))),
                                attr("processId", p < m.processes().size() ? m.processes()[p].id : std::string()));
  out += fmt::format(" processInstances=\"{}\"{}{}>\n", sim.instances ? *sim.instances : 1000,
                     attr("startDateTime", sim.start.empty() ? "2026-01-05T08:00:00.000Z" : sim.start),
                     attr("currency", sim.currency.empty() ? "EUR" : sim.currency));
  const std::string in = indent + "  ";
  if (!sim.instances || sim.start.empty()) {
    out += in + "<!-- Prozesslotse: processInstances/startDateTime not in the model; defaults 1000 and 2026-01-05 -->\n";
  }
  if (sim.arrival) {
    out += distribution("arrivalRateDistribution", sim.arrival->value, in);
  } else if (cases && *cases > 0) {
    // Cases arrive around the clock over a year of 365 days: mean gap = 31 536 000 s / Fallzahl.
    out += in + fmt::format("<!-- Prozesslotse: arrival rate from Fallzahl {} per year (365 days) -->\n", num(*cases));
    out += distribution("arrivalRateDistribution", engine::Distribution::exponential_mean(31536000.0 / *cases), in);
  } else {
    out += in + "<!-- Prozesslotse: arrival rate not in the model; default one case per hour -->\n";
    out += distribution("arrivalRateDistribution", engine::Distribution::exponential_mean(3600), in);
  }

  out += in + "<qbp:timetables>\n";
  if (sim.timetables.empty()) {
    out += in + "  <qbp:timetable id=\"QBP_DEFAULT_TIMETABLE\" default=\"true\" name=\"Mo-Fr 9-17\">\n" + in +
           "    <qbp:rules>\n" + in +
           "      <qbp:rule fromTime=\"09:00:00.000+00:00\" toTime=\"17:00:00.000+00:00\" fromWeekDay=\"MONDAY\" toWeekDay=\"FRIDAY\" />\n" +
           in + "    </qbp:rules>\n" + in + "  </qbp:timetable>\n";
  }
  for (const auto& t : sim.timetables) {
    out += fmt::format("{}  <qbp:timetable{}{}{}>\n{}    <qbp:rules>\n", in, attr("id", t.id),
                       t.is_default ? " default=\"true\"" : "", attr("name", t.name), in);
    for (const auto& r : t.rules) {
      out += fmt::format("{}      <qbp:rule fromTime=\"{}\" toTime=\"{}\" fromWeekDay=\"{}\" toWeekDay=\"{}\" />\n", in,
                         time_of_day(r.from_time), time_of_day(r.to_time), weekday(r.from_weekday), weekday(r.to_weekday));
    }
    out += in + "    </qbp:rules>\n" + in + "  </qbp:timetable>\n";
  }
  out += in + "</qbp:timetables>\n";

  // Resources: the setup's pools, else one per Stelle of the simulated activities.
  std::vector<std::string> stellen;
  out += in + "<qbp:resources>\n";
  if (!sim.pools.empty()) {
    for (const auto& r : sim.pools) {
      out += fmt::format("{}  <qbp:resource{}{} totalAmount=\"{}\"", in, attr("id", r.id), attr("name", r.name), r.amount);
      if (r.cost) out += fmt::format(" costPerHour=\"{}\"", num(r.cost->euros_per_hour()));
      if (!r.timetable.empty()) out += attr("timetableId", r.timetable);
      out += " />\n";
    }
  } else {
    for (NodeIndex n : activities) {
      const std::string s = stelle_of(m, n);
      if (std::find(stellen.begin(), stellen.end(), s) != stellen.end()) continue;
      stellen.push_back(s);
      std::optional<engine::HourlyRate> rate;
      for (NodeIndex k : activities) {
        if (!rate && stelle_of(m, k) == s && m.node(k).attrs.cost_rate) rate = m.node(k).attrs.cost_rate->value;
      }
      out += fmt::format("{}  <qbp:resource{}{} totalAmount=\"1\"", in, attr("id", fmt::format("QBP_RES_{}", stellen.size())), attr("name", s));
      if (rate) out += fmt::format(" costPerHour=\"{}\"", num(rate->euros_per_hour()));
      out += " timetableId=\"QBP_DEFAULT_TIMETABLE\" />\n";
    }
  }
  out += in + "</qbp:resources>\n";

  out += in + "<qbp:elements>\n";
  for (NodeIndex n : activities) {
    const engine::NodeAttributes& a = m.node(n).attrs;
    out += fmt::format("{}  <qbp:element{}{}", in, attr("id", node_ids[n] + "_qbp"), attr("elementId", node_ids[n]));
    if (a.fixed_cost) out += fmt::format(" fixedCost=\"{}\"", num(a.fixed_cost->value.euros()));
    out += ">\n";
    const engine::Distribution d = a.duration ? a.duration->value
                                              : engine::Distribution::fixed_seconds(engine::to_seconds(a.processing->value));
    out += distribution("durationDistribution", d, in + "    ");
    out += in + "    <qbp:resourceIds>\n";
    std::vector<std::string> res;
    if (!sim.pools.empty()) {
      for (const auto& r : a.resources) {
        if (std::any_of(sim.pools.begin(), sim.pools.end(), [&](const auto& pool) { return pool.id == r; })) res.push_back(r);
      }
      if (res.empty()) res.push_back(sim.pools.front().id);
    } else {
      const auto it = std::find(stellen.begin(), stellen.end(), stelle_of(m, n));
      res.push_back(fmt::format("QBP_RES_{}", (it - stellen.begin()) + 1));
    }
    for (const auto& r : res) out += fmt::format("{}      <qbp:resourceId>{}</qbp:resourceId>\n", in, escape_xml(r));
    out += in + "    </qbp:resourceIds>\n" + in + "  </qbp:element>\n";
  }
  out += in + "</qbp:elements>\n";

  if (!flows.empty()) {
    out += in + "<qbp:sequenceFlows>\n";
    for (auto f : flows) {
      out += fmt::format("{}  <qbp:sequenceFlow{} executionProbability=\"{}\" />\n", in, attr("elementId", flow_ids[f]),
                         num(m.flows()[f].probability->value.value));
    }
    out += in + "</qbp:sequenceFlows>\n";
  }
  out += indent + "</qbp:processSimulationInfo>\n";
  return out;
}

} // namespace lotse::reports::bpmn_detail
