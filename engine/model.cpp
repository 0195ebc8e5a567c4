// SPDX-License-Identifier: MIT
#include "engine/model.h"

#include "engine/text_fold.h"

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace lotse::engine {
namespace {

constexpr std::array<std::string_view, node_kind_count> type_names{
    "bpmn:Task", "bpmn:UserTask", "bpmn:ServiceTask", "bpmn:SendTask", "bpmn:ReceiveTask",
    "bpmn:ManualTask", "bpmn:ScriptTask", "bpmn:BusinessRuleTask", "bpmn:CallActivity",
    "bpmn:SubProcess", "bpmn:Transaction", "bpmn:AdHocSubProcess", "bpmn:StartEvent",
    "bpmn:EndEvent", "bpmn:IntermediateCatchEvent", "bpmn:IntermediateThrowEvent",
    "bpmn:BoundaryEvent", "bpmn:ImplicitThrowEvent", "bpmn:ExclusiveGateway", "bpmn:ParallelGateway",
    "bpmn:InclusiveGateway", "bpmn:EventBasedGateway", "bpmn:ComplexGateway",
    "bpmn:ChoreographyTask", "bpmn:SubChoreography", "bpmn:CallChoreography"};

constexpr std::array<std::string_view, channel_count> channel_de{
    "Persönlich (mündliches Vorsprechen)", "Persönlich (Übergabe von Schriftstücken)", "Telefon", "Post",
    "Interne Hauspost", "E-Mail", "Fax", "Elektronische Schnittstelle"};
constexpr std::array<std::string_view, channel_count> channel_en{
    "In person (oral)", "In person (handing over documents)", "Telephone", "Post",
    "Internal mail", "E-mail", "Fax", "Electronic interface"};

} // namespace

std::string_view bpmn_type_name(NodeKind k) { return type_names.at(static_cast<std::size_t>(k)); }

std::optional<NodeKind> node_kind_from_local_name(std::string_view local) {
  if (local.empty()) return std::nullopt;
  for (std::size_t i = 0; i < type_names.size(); ++i) {
    std::string_view t = type_names[i].substr(5);
    if (t.size() == local.size() && std::tolower(static_cast<unsigned char>(t[0])) ==
                                        std::tolower(static_cast<unsigned char>(local[0])) &&
        t.substr(1) == local.substr(1)) {
      return static_cast<NodeKind>(i);
    }
  }
  return std::nullopt;
}

bool is_task(NodeKind k) { return k <= NodeKind::business_rule_task; }
bool is_activity(NodeKind k) { return k <= NodeKind::ad_hoc_sub_process; }
bool is_container(NodeKind k) {
  return k == NodeKind::sub_process || k == NodeKind::transaction || k == NodeKind::ad_hoc_sub_process;
}
bool is_event(NodeKind k) { return k >= NodeKind::start_event && k <= NodeKind::implicit_throw_event; }
bool is_gateway(NodeKind k) { return k >= NodeKind::exclusive_gateway && k <= NodeKind::complex_gateway; }

std::string_view trigger_name(EventTrigger t) {
  constexpr std::array<std::string_view, 10> names{"Message", "Timer", "Error", "Escalation", "Compensate",
                                                   "Conditional", "Signal", "Link", "Cancel", "Terminate"};
  return names.at(static_cast<std::size_t>(t));
}

std::string_view channel_name_de(Channel c) { return channel_de.at(static_cast<std::size_t>(c)); }
std::string_view channel_name_en(Channel c) { return channel_en.at(static_cast<std::size_t>(c)); }

std::optional<Channel> find_channel(std::string_view name) {
  std::string key = fold_key(name);
  for (std::string_view prefix : {"ein", "aus"}) {
    if (key.rfind(prefix, 0) == 0 && key.size() > 3 && key.substr(3, 10) == "persoenlic") key.erase(0, 3);
  }
  for (std::size_t i = 0; i < channel_count; ++i) {
    if (key == fold_key(channel_de[i]) || key == fold_key(channel_en[i])) return static_cast<Channel>(i);
  }
  if (key == "hauspost") return Channel::internal_mail;
  if (key == "email" || key == "mail") return Channel::email;
  if (key == "schnittstelle" || key == "elektronisch") return Channel::electronic_interface;
  if (key == "brief") return Channel::post;
  return std::nullopt;
}

std::string_view dist_kind_name(DistKind k) {
  constexpr std::array<std::string_view, 9> names{"FIXED", "EXPONENTIAL", "NORMAL", "LOGNORMAL", "UNIFORM",
                                                  "TRIANGULAR", "GAMMA", "ERLANG", "HISTOGRAM"};
  return names.at(static_cast<std::size_t>(k));
}

double Distribution::mean() const {
  switch (kind) {
  case DistKind::fixed: return p1;
  case DistKind::exponential: return p1;
  case DistKind::normal: return p1;
  case DistKind::lognormal: return p1;
  case DistKind::uniform: return (p1 + p2) / 2.0;
  case DistKind::triangular: return (p1 + p2 + p3) / 3.0;
  case DistKind::gamma: return p1 * p2;
  case DistKind::erlang: return p2;
  case DistKind::histogram: {
    double m = 0, total = 0;
    for (const auto& b : bins) {
      m += b.probability * (b.min + b.max) / 2.0;
      total += b.probability;
    }
    return total > 0 ? m / total : 0.0;
  }
  }
  return 0.0;
}

std::span<const std::uint32_t> ProcessModel::Rows::row(std::size_t r) const {
  if (r + 1 >= start.size()) throw std::out_of_range("ProcessModel: no such node");
  return {items.data() + start[r], start[r + 1] - start[r]};
}

void ProcessModel::Rows::build(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  start.assign(rows + 1, 0);
  for (const auto& [r, item] : pairs) ++start[r + 1];
  for (std::size_t r = 0; r < rows; ++r) start[r + 1] += start[r];
  items.resize(pairs.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& [r, item] : pairs) items[next[r]++] = item;
}

std::span<const NodeIndex> ProcessModel::children(NodeIndex parent) const {
  return children_.row(parent == npos ? 0 : static_cast<std::size_t>(parent) + 1);
}

std::optional<NodeIndex> ProcessModel::find_node(std::string_view id) const {
  const auto id_of = [this](std::uint8_t, std::uint32_t i) { return std::string_view(nodes_[i].id); };
  if (const auto e = by_id_.find(id, id_of)) return e->index;
  return std::nullopt;
}

std::optional<double> ProcessModel::cases_per_year(ProcessIndex p) const {
  if (p < processes_.size() && processes_[p].facts.cases_per_year) {
    return processes_[p].facts.cases_per_year->value.value;
  }
  if (facts_.cases_per_year) return facts_.cases_per_year->value.value;
  return std::nullopt;
}

void ProcessModel::index() {
  const auto n = static_cast<std::uint32_t>(nodes_.size());
  const auto id_of = [this](std::uint8_t, std::uint32_t i) { return std::string_view(nodes_[i].id); };
  by_id_.clear();
  by_id_.reserve(n);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> children, boundary;
  children.reserve(n);
  for (NodeIndex i = 0; i < n; ++i) {
    const Node& node = nodes_[i];
    if (!node.id.empty()) (void)by_id_.insert(node.id, 0, i, id_of);
    children.emplace_back(node.parent == npos || node.parent >= n ? 0 : node.parent + 1, i);
    if (node.attached_to != npos && node.attached_to < n) boundary.emplace_back(node.attached_to, i);
  }
  children_.build(static_cast<std::size_t>(n) + 1, children);
  boundary_.build(n, boundary);

  std::vector<std::pair<std::uint32_t, std::uint32_t>> out, in, edges;
  std::vector<FlowIndex> edge_flows;
  out.reserve(flows_.size());
  in.reserve(flows_.size());
  edges.reserve(flows_.size());
  edge_flows.reserve(flows_.size());
  for (FlowIndex f = 0; f < flows_.size(); ++f) {
    const Flow& flow = flows_[f];
    if (flow.source == npos || flow.target == npos || flow.source >= n || flow.target >= n) continue;
    out.emplace_back(flow.source, f);
    in.emplace_back(flow.target, f);
    edges.emplace_back(flow.source, flow.target);
    edge_flows.push_back(f);
  }
  out_.build(n, out);
  in_.build(n, in);
  graph_ = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), edge_flows.begin(), n);
}

} // namespace lotse::engine
