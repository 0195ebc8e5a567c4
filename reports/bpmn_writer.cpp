// SPDX-License-Identifier: MIT
// BPMN 2.0 XML writer (see bpmn_writer.h). Elements are written in schema order with the `bpmn:`
// prefix bpmn-js uses; every model text goes through escape_xml; ids are kept (made unique and valid).
#include "reports/bpmn_writer.h"
#include "reports/output_check.h"

#include "reports/bpmn_layout.h"
#include "reports/bpmn_tags.h"
#include "reports/bpmn_writer_ext.h"
#include "reports/bpmn_writer_qbp.h"
#include "reports/escape.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace lotse::reports {
namespace {

using bpmn_detail::AttrList;
using bpmn_detail::local_qname;
using bpmn_detail::tag_of;
using bpmn_detail::timer_tag;
using bpmn_detail::trigger_tag;
using bpmn_detail::written_tag;
using bpmn_detail::node_attributes;
using bpmn_detail::loop_characteristics;
using bpmn_detail::num;
using bpmn_detail::process_attributes;
using engine::NodeIndex;
using engine::npos;
using engine::ProcessIndex;

bool ncname_start(unsigned char c) { return std::isalpha(c) != 0 || c == '_' || c >= 0x80; }
bool ncname_char(unsigned char c) { return ncname_start(c) || std::isdigit(c) != 0 || c == '-' || c == '.'; }

std::string attr(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, escape_xml(value));
}

/// Allocates unique ids: originals when free, else with a numeric suffix; generated ones for empties.
class IdTable {
public:
  std::string take(std::string_view original, std::string_view prefix) {
    std::string base = original.empty() ? fmt::format("{}_{}", prefix, ++generated_[std::string(prefix)]) : bpmn_id(original);
    std::string id = base;
    for (int k = 2; used_.count(id) != 0; ++k) id = fmt::format("{}_{}", base, k);
    used_.insert(id);
    return id;
  }

private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> generated_;  // per prefix
};

class Writer {
public:
  Writer(const engine::ProcessModel& m, const BpmnWriteOptions& o) : m_(m), o_(o), layout_(layout_diagram(m)) {}

  std::string run() {
    assign_ids();
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
           " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
           " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
           " xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\""
           " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
           " xmlns:lotse=\"https://prozesslotse.de/bpmn/1.0\"";
    out += fmt::format(" xmlns:qbp=\"{}\"", bpmn_detail::qbp_ns);
    out += attr("id", definitions_id_) + " targetNamespace=\"https://prozesslotse.de/bpmn/export\"" +
           attr("exporter", "Prozesslotse") + attr("exporterVersion", o_.exporter_version) + ">\n";
    for (std::size_t d = 0; d < m_.data().size(); ++d) {
      if (m_.data()[d].kind == engine::DataKind::data_store) out += data_element(d, "  ");
    }
    if (collaboration_) out += collaboration();
    for (ProcessIndex p = 0; p < process_count_; ++p) out += process(p);
    if (o_.qbp == QbpPlacement::definitions_child) {
      out += bpmn_detail::qbp_block(m_, bpmn_detail::simulated_process(m_), node_ids_, flow_ids_, "  ");
    }
    out += diagrams();
    out += "</bpmn:definitions>\n";
    return out;
  }

private:
  [[nodiscard]] ProcessIndex proc_of_node(NodeIndex n) const {
    const ProcessIndex p = m_.node(n).process;
    return p < m_.processes().size() ? p : 0;
  }
  [[nodiscard]] ProcessIndex proc_of(ProcessIndex p) const { return p < m_.processes().size() ? p : 0; }

  void assign_ids() {
    process_count_ = std::max<std::size_t>(m_.processes().size(), 1);
    collaboration_ = !m_.participants().empty() || !m_.message_flows().empty();
    definitions_id_ = ids_.take("", "Definitions");
    if (collaboration_) collaboration_id_ = ids_.take("", "Collaboration");
    for (ProcessIndex p = 0; p < process_count_; ++p) {
      process_ids_.push_back(ids_.take(p < m_.processes().size() ? m_.processes()[p].id : "", "Process"));
    }
    for (const auto& x : m_.participants()) participant_ids_.push_back(ids_.take(x.id, "Participant"));
    for (const auto& x : m_.lanes()) lane_ids_.push_back(ids_.take(x.id, "Lane"));
    for (const auto& x : m_.nodes()) node_ids_.push_back(ids_.take(x.id, "Node"));
    for (const auto& x : m_.flows()) flow_ids_.push_back(ids_.take(x.id, "Flow"));
    for (const auto& x : m_.message_flows()) message_ids_.push_back(ids_.take(x.id, "MessageFlow"));
    for (const auto& x : m_.data()) data_ids_.push_back(ids_.take(x.id, "Data"));
    for (const auto& x : m_.data_associations()) association_ids_.push_back(ids_.take(x.id, "DataAssociation"));
    for (const auto& x : m_.annotations()) annotation_ids_.push_back(ids_.take(x.id, "TextAnnotation"));
    for (std::size_t s = 0; s < layout_.stelle_lanes.size(); ++s) stelle_lane_ids_.push_back(ids_.take("", "Lane_Stelle"));
    // Original id -> written id for references kept as strings (message flows, annotations).
    for (NodeIndex n = 0; n < m_.node_count(); ++n) by_original_.emplace(m_.node(n).id, node_ids_[n]);
    for (std::size_t i = 0; i < m_.participants().size(); ++i) by_original_.emplace(m_.participants()[i].id, participant_ids_[i]);
    for (std::size_t i = 0; i < m_.flows().size(); ++i) by_original_.emplace(m_.flows()[i].id, flow_ids_[i]);
    for (std::size_t i = 0; i < m_.data().size(); ++i) by_original_.emplace(m_.data()[i].id, data_ids_[i]);
    for (std::size_t i = 0; i < m_.lanes().size(); ++i) by_original_.emplace(m_.lanes()[i].id, lane_ids_[i]);
    // Annotations live in the process of the first element they annotate.
    for (std::size_t a = 0; a < m_.annotations().size(); ++a) {
      ProcessIndex p = 0;
      for (const auto& ref : m_.annotations()[a].associated) {
        if (auto n = m_.find_node(ref)) {
          p = proc_of_node(*n);
          break;
        }
      }
      annotation_process_.push_back(p);
      for (std::size_t k = 0; k < m_.annotations()[a].associated.size(); ++k) {
        annotation_assoc_ids_.push_back(ids_.take("", "Association"));
      }
    }
  }

  [[nodiscard]] std::string resolve(const std::string& original) const {
    auto it = by_original_.find(original);
    return it != by_original_.end() ? it->second : bpmn_id(original);
  }

  std::string collaboration() {
    std::string out = fmt::format("  <bpmn:collaboration{}>\n", attr("id", collaboration_id_));
    for (std::size_t i = 0; i < m_.participants().size(); ++i) {
      const auto& x = m_.participants()[i];
      out += fmt::format("    <bpmn:participant{}{}", attr("id", participant_ids_[i]), attr("name", x.name));
      if (x.process != npos && x.process < process_ids_.size()) out += attr("processRef", process_ids_[x.process]);
      out += " />\n";
    }
    for (std::size_t i = 0; i < m_.message_flows().size(); ++i) {
      const auto& x = m_.message_flows()[i];
      out += fmt::format("    <bpmn:messageFlow{}{}{}{} />\n", attr("id", message_ids_[i]), attr("name", x.name),
                         attr("sourceRef", resolve(x.source_ref)), attr("targetRef", resolve(x.target_ref)));
    }
    out += "  </bpmn:collaboration>\n";
    return out;
  }

  std::string process(ProcessIndex p) {
    const engine::Process* proc = p < m_.processes().size() ? &m_.processes()[p] : nullptr;
    std::string out = fmt::format("  <bpmn:process{}{} isExecutable=\"{}\">\n", attr("id", process_ids_[p]),
                                  attr("name", proc ? proc->name : m_.name()),
                                  proc && proc->executable ? "true" : "false");
    const AttrList facts = process_attributes(proc ? proc->facts : engine::FactSheet{}, p == 0 ? &m_.facts() : nullptr);
    std::string qbp;
    if (o_.qbp == QbpPlacement::process_extension && p == bpmn_detail::simulated_process(m_)) {
      qbp = bpmn_detail::qbp_block(m_, p, node_ids_, flow_ids_, "      ");
    }
    if (!facts.empty() || !qbp.empty()) {
      out += "    <bpmn:extensionElements>\n" + (facts.empty() ? "" : facts.render("      ")) + qbp +
             "    </bpmn:extensionElements>\n";
    }
    out += io_specification(p);
    out += lane_set(p);
    out += scope(p, npos, "    ");
    for (std::size_t a = 0; a < m_.annotations().size(); ++a) {
      if (annotation_process_[a] == p) out += annotation(a, "    ");
    }
    out += "  </bpmn:process>\n";
    return out;
  }

  std::string io_specification(ProcessIndex p) {
    std::string inputs, outputs, in_refs, out_refs;
    for (std::size_t d = 0; d < m_.data().size(); ++d) {
      const auto& x = m_.data()[d];
      if (proc_of(x.process) != p) continue;
      if (x.kind == engine::DataKind::data_input) {
        inputs += fmt::format("      <bpmn:dataInput{}{} />\n", attr("id", data_ids_[d]), attr("name", x.name));
        in_refs += fmt::format("        <bpmn:dataInputRefs>{}</bpmn:dataInputRefs>\n", escape_xml(data_ids_[d]));
      } else if (x.kind == engine::DataKind::data_output) {
        outputs += fmt::format("      <bpmn:dataOutput{}{} />\n", attr("id", data_ids_[d]), attr("name", x.name));
        out_refs += fmt::format("        <bpmn:dataOutputRefs>{}</bpmn:dataOutputRefs>\n", escape_xml(data_ids_[d]));
      }
    }
    if (inputs.empty() && outputs.empty()) return {};
    return fmt::format("    <bpmn:ioSpecification{}>\n{}{}      <bpmn:inputSet{}>\n{}      </bpmn:inputSet>\n"
                       "      <bpmn:outputSet{}>\n{}      </bpmn:outputSet>\n    </bpmn:ioSpecification>\n",
                       attr("id", ids_.take("", "IoSpecification")), inputs, outputs, attr("id", ids_.take("", "InputSet")),
                       in_refs, attr("id", ids_.take("", "OutputSet")), out_refs);
  }

  /// Indentation one level deeper, capped at 64 spaces so deep nesting does not grow the file quadratically.
  static std::string deeper(std::string_view indent, std::size_t by) {
    return std::string(indent) + std::string(indent.size() < 64 ? by : 0, ' ');
  }

  std::string lane(engine::LaneIndex l, std::string_view indent) {
    const engine::Lane& x = m_.lanes()[l];
    std::string out = fmt::format("{}<bpmn:lane{}{}>\n", indent, attr("id", lane_ids_[l]), attr("name", x.name));
    AttrList a;
    if (!x.stelle.empty()) a.add("stelle", x.stelle);
    if (x.cost_rate) a.add("cost_rate_eur_per_hour", x.cost_rate->value.euros_per_hour());
    if (!a.empty()) out += fmt::format("{}  <bpmn:extensionElements>\n{}{}  </bpmn:extensionElements>\n", indent,
                                       a.render(std::string(indent) + "    "), indent);
    for (NodeIndex n : x.nodes) out += fmt::format("{}  <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>\n", indent, escape_xml(node_ids_[n]));
    std::string kids;
    for (engine::LaneIndex c = 0; c < m_.lanes().size(); ++c) {
      if (m_.lanes()[c].parent == l) kids += lane(c, deeper(indent, 4));
    }
    if (!kids.empty()) {
      out += fmt::format("{}  <bpmn:childLaneSet{}>\n{}{}  </bpmn:childLaneSet>\n", indent,
                         attr("id", ids_.take("", "LaneSet")), kids, indent);
    }
    out += fmt::format("{}</bpmn:lane>\n", indent);
    return out;
  }

  std::string lane_set(ProcessIndex p) {
    std::string lanes;
    for (engine::LaneIndex l = 0; l < m_.lanes().size(); ++l) {
      const engine::Lane& x = m_.lanes()[l];
      if (proc_of(x.process) == p && (x.parent == npos || x.parent >= m_.lanes().size())) lanes += lane(l, "      ");
    }
    for (std::size_t s = 0; s < layout_.stelle_lanes.size(); ++s) {
      const StelleLane& x = layout_.stelle_lanes[s];
      if (x.process != p) continue;
      lanes += fmt::format("      <bpmn:lane{}{}>\n", attr("id", stelle_lane_ids_[s]),
                           attr("name", x.name.empty() ? "ohne Stelle" : x.name));
      if (!x.name.empty()) {
        AttrList a;
        a.add("stelle", x.name);
        lanes += "        <bpmn:extensionElements>\n" + a.render("          ") + "        </bpmn:extensionElements>\n";
      }
      for (NodeIndex n : x.nodes) lanes += fmt::format("        <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>\n", escape_xml(node_ids_[n]));
      lanes += "      </bpmn:lane>\n";
    }
    if (lanes.empty()) return {};
    return fmt::format("    <bpmn:laneSet{}>\n{}    </bpmn:laneSet>\n", attr("id", ids_.take("", "LaneSet")), lanes);
  }

  /// Nodes, flows and data of one scope (a process or a sub-process).
  std::string scope(ProcessIndex p, NodeIndex parent, const std::string& indent) {
    std::string out;
    for (NodeIndex n : m_.children(parent)) {
      if (parent == npos && proc_of_node(n) != p) continue;
      out += node(n, indent);
    }
    const std::size_t slot = parent == npos ? m_.node_count() : parent;
    for (engine::FlowIndex f : scoped().flows[slot]) {
      if (parent == npos && proc_of_node(m_.flows()[f].source) != p) continue;
      out += flow(f, indent);
    }
    for (std::size_t d : scoped().data[slot]) {
      if (parent == npos && proc_of(m_.data()[d].process) != p) continue;
      out += data_element(d, indent);
    }
    return out;
  }

  /// Flows and data objects by the scope they belong to (slot = parent node, node_count() for the top
  /// level), in model order; built once, so writing is linear in the model however many
  /// sub-processes it has (issue #16.2).
  struct ScopedElements {
    std::vector<std::vector<engine::FlowIndex>> flows;
    std::vector<std::vector<std::size_t>> data;
  };
  const ScopedElements& scoped() {
    if (!scoped_.flows.empty()) return scoped_;
    const std::size_t top = m_.node_count();
    scoped_.flows.resize(top + 1);
    scoped_.data.resize(top + 1);
    for (engine::FlowIndex f = 0; f < m_.flows().size(); ++f) {
      const engine::Flow& x = m_.flows()[f];
      if (x.source == npos || x.target == npos) continue;
      const NodeIndex parent = m_.node(x.source).parent;
      scoped_.flows[parent == npos ? top : parent].push_back(f);
    }
    for (std::size_t d = 0; d < m_.data().size(); ++d) {
      const auto& x = m_.data()[d];
      if (x.kind != engine::DataKind::data_object && x.kind != engine::DataKind::data_object_reference &&
          x.kind != engine::DataKind::data_store_reference) {
        continue;
      }
      scoped_.data[x.parent < top ? x.parent : top].push_back(d);
    }
    return scoped_;
  }

  std::string data_element(std::size_t d, std::string_view indent) {
    const auto& x = m_.data()[d];
    std::string_view tag = "dataObject";
    std::string extra;
    switch (x.kind) {
    case engine::DataKind::data_object:
      if (x.collection) extra = " isCollection=\"true\"";
      break;
    case engine::DataKind::data_object_reference:
      tag = "dataObjectReference";
      if (!x.ref.empty()) extra = attr("dataObjectRef", resolve(x.ref));
      break;
    case engine::DataKind::data_store: tag = "dataStore"; break;
    case engine::DataKind::data_store_reference:
      tag = "dataStoreReference";
      if (!x.ref.empty()) extra = attr("dataStoreRef", resolve(x.ref));
      break;
    default: break;
    }
    std::string out = fmt::format("{}<bpmn:{}{}{}{}", indent, tag, attr("id", data_ids_[d]), attr("name", x.name), extra);
    if (x.state.empty() || x.kind == engine::DataKind::data_store) return out + " />\n";
    return out + fmt::format(">\n{}  <bpmn:dataState{}{} />\n{}</bpmn:{}>\n", indent,
                             attr("id", ids_.take("", "DataState")), attr("name", x.state), indent, tag);
  }

  std::string annotation(std::size_t a, std::string_view indent) {
    const auto& x = m_.annotations()[a];
    std::string out = fmt::format("{}<bpmn:textAnnotation{}>\n{}  <bpmn:text>{}</bpmn:text>\n{}</bpmn:textAnnotation>\n",
                                  indent, attr("id", annotation_ids_[a]), indent, escape_xml(x.text), indent);
    std::size_t k = 0;
    for (std::size_t i = 0; i < a; ++i) k += m_.annotations()[i].associated.size();
    for (const auto& ref : x.associated) {
      out += fmt::format("{}<bpmn:association{}{}{} />\n", indent, attr("id", annotation_assoc_ids_[k++]),
                         attr("sourceRef", resolve(ref)), attr("targetRef", annotation_ids_[a]));
    }
    return out;
  }

  /// extensionElements with our lotse:attribute entries and the foreign ones carried through; "" when none.
  static std::string extension_elements(const AttrList& attrs, const std::vector<std::string>& carried, const std::string& indent) {
    std::string inner = attrs.empty() ? std::string() : attrs.render(indent + "    ");
    for (const auto& xml : carried) inner += indent + "    " + xml + "\n";
    if (inner.empty()) return {};
    return fmt::format("{}  <bpmn:extensionElements>\n{}{}  </bpmn:extensionElements>\n", indent, inner, indent);
  }

  /// Data associations of a node in schema order: a placeholder property per input association (the
  /// schema requires a targetRef; bpmn-js writes the same "__targetRef_placeholder"), the inputs, the outputs.
  std::string data_associations(NodeIndex n, const std::string& indent) {
    std::string properties, inputs, outputs;
    for (std::size_t i = 0; i < m_.data_associations().size(); ++i) {
      const auto& da = m_.data_associations()[i];
      if (da.node != n || da.data >= data_ids_.size()) continue;
      if (da.output) {
        outputs += fmt::format("{}  <bpmn:dataOutputAssociation{}>\n{}    <bpmn:targetRef>{}</bpmn:targetRef>\n{}  </bpmn:dataOutputAssociation>\n",
                               indent, attr("id", association_ids_[i]), indent, escape_xml(data_ids_[da.data]), indent);
        continue;
      }
      const std::string target = ids_.take(association_ids_[i] + "_target", "Property");
      properties += fmt::format("{}  <bpmn:property{} name=\"__targetRef_placeholder\" />\n", indent, attr("id", target));
      inputs += fmt::format("{}  <bpmn:dataInputAssociation{}>\n{}    <bpmn:sourceRef>{}</bpmn:sourceRef>\n"
                            "{}    <bpmn:targetRef>{}</bpmn:targetRef>\n{}  </bpmn:dataInputAssociation>\n",
                            indent, attr("id", association_ids_[i]), indent, escape_xml(data_ids_[da.data]), indent,
                            escape_xml(target), indent);
    }
    return properties + inputs + outputs;
  }

  std::string node(NodeIndex n, const std::string& indent) {
    const engine::Node& x = m_.node(n);
    const std::string tag = written_tag(x);
    std::string out = fmt::format("{}<bpmn:{}{}", indent, tag, attr("id", node_ids_[n]));
    if (!x.name.empty()) out += attr("name", x.name);
    if (x.kind == engine::NodeKind::boundary_event && x.attached_to != npos) {
      out += attr("attachedToRef", node_ids_[x.attached_to]);
      if (!x.interrupting) out += " cancelActivity=\"false\"";
    }
    if (x.kind == engine::NodeKind::start_event && !x.interrupting) out += " isInterrupting=\"false\"";
    if (x.triggered_by_event) out += " triggeredByEvent=\"true\"";
    if (x.for_compensation) out += " isForCompensation=\"true\"";
    if (x.kind == engine::NodeKind::call_activity && !x.called_element.empty()) out += attr("calledElement", local_qname(x.called_element));
    if (x.default_flow != npos && x.default_flow < flow_ids_.size()) out += attr("default", flow_ids_[x.default_flow]);
    std::string body = extension_elements(node_attributes(x), x.extensions, indent);
    for (auto f : m_.in_flows(n)) body += fmt::format("{}  <bpmn:incoming>{}</bpmn:incoming>\n", indent, escape_xml(flow_ids_[f]));
    for (auto f : m_.out_flows(n)) body += fmt::format("{}  <bpmn:outgoing>{}</bpmn:outgoing>\n", indent, escape_xml(flow_ids_[f]));
    body += data_associations(n, indent);
    if (x.loop != engine::LoopKind::none) body += loop_characteristics(x, ids_.take("", "Loop"), indent);
    for (engine::EventTrigger t : x.triggers) {
      const std::string def_id = ids_.take("", "EventDefinition");
      if (t == engine::EventTrigger::timer && !x.timer.empty()) {
        const std::string_view tt = timer_tag(x.timer);
        body += fmt::format("{}  <bpmn:{}{}>\n{}    <bpmn:{} xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:{}>\n{}  </bpmn:{}>\n",
                            indent, trigger_tag(t), attr("id", def_id), indent, tt, escape_xml(x.timer), tt, indent, trigger_tag(t));
      } else if (t == engine::EventTrigger::conditional) {
        // The schema requires the condition (tConditionalEventDefinition); an empty one stays empty.
        body += fmt::format("{}  <bpmn:{}{}>\n{}    <bpmn:condition xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:condition>\n{}  </bpmn:{}>\n",
                            indent, trigger_tag(t), attr("id", def_id), indent, escape_xml(x.condition), indent, trigger_tag(t));
      } else if (t == engine::EventTrigger::link) {
        // name is required and pairs a throwing with a catching link event.
        body += fmt::format("{}  <bpmn:{}{}{} />\n", indent, trigger_tag(t), attr("id", def_id),
                            attr("name", x.link_name.empty() ? x.name : x.link_name));
      } else {
        body += fmt::format("{}  <bpmn:{}{} />\n", indent, trigger_tag(t), attr("id", def_id));
      }
    }
    if (engine::is_container(x.kind)) body += scope(proc_of_node(n), n, deeper(indent, 2));
    if (body.empty()) return out + " />\n";
    return out + ">\n" + body + fmt::format("{}</bpmn:{}>\n", indent, tag);
  }

  std::string flow(engine::FlowIndex f, const std::string& indent) {
    const engine::Flow& x = m_.flows()[f];
    std::string out = fmt::format("{}<bpmn:sequenceFlow{}{}{}{}", indent, attr("id", flow_ids_[f]),
                                  x.name.empty() ? "" : attr("name", x.name), attr("sourceRef", node_ids_[x.source]),
                                  attr("targetRef", node_ids_[x.target]));
    AttrList a;
    if (x.probability) a.add("probability", x.probability->value.value);
    std::string body = extension_elements(a, {}, indent);
    if (x.conditional || !x.condition.empty()) {
      body += fmt::format("{}  <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:conditionExpression>\n",
                          indent, escape_xml(x.condition));
    }
    if (body.empty()) return out + " />\n";
    return out + ">\n" + body + fmt::format("{}</bpmn:sequenceFlow>\n", indent);
  }

  // ---------------------------------------------------------------- diagram

  static std::string bounds(const engine::Bounds& b) {
    return fmt::format("<dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />", num(b.x), num(b.y), num(b.width), num(b.height));
  }
  std::string shape(const std::string& element, const engine::Bounds& b, std::string_view extra) {
    return fmt::format("      <bpmndi:BPMNShape{}{}{}>\n        {}\n      </bpmndi:BPMNShape>\n",
                       attr("id", ids_.take(element + "_di", "Shape")), attr("bpmnElement", element), extra, bounds(b));
  }
  std::string edge(const std::string& element, const std::vector<engine::Point>& points) {
    if (points.size() < 2) return {};
    std::string out = fmt::format("      <bpmndi:BPMNEdge{}{}>\n", attr("id", ids_.take(element + "_di", "Edge")), attr("bpmnElement", element));
    for (const auto& pt : points) out += fmt::format("        <di:waypoint x=\"{}\" y=\"{}\" />\n", num(pt.x), num(pt.y));
    return out + "      </bpmndi:BPMNEdge>\n";
  }

  /// The plane a node is drawn in: its nearest collapsed ancestor with contents, else npos (main plane).
  [[nodiscard]] NodeIndex plane_of(NodeIndex n) const {
    for (NodeIndex p = m_.node(n).parent; p != npos && p < m_.node_count(); p = m_.node(p).parent) {
      if (!layout_.expanded[p]) return p;
    }
    return npos;
  }

  [[nodiscard]] std::optional<engine::Bounds> bounds_of(const std::string& original) const {
    if (auto n = m_.find_node(original)) return layout_.nodes[*n];
    for (std::size_t i = 0; i < m_.data().size(); ++i) if (m_.data()[i].id == original) return layout_.data[i];
    for (std::size_t i = 0; i < m_.participants().size(); ++i) if (m_.participants()[i].id == original) return layout_.participants[i];
    return std::nullopt;
  }

  /// Shapes and edges of the nodes in one plane (`plane` = npos: main plane of process p or all).
  std::string plane_content(NodeIndex plane, std::optional<ProcessIndex> p) {
    std::string out;
    auto in_plane = [&](NodeIndex n) {
      return plane_of(n) == plane && (plane != npos || !p || proc_of_node(n) == *p);
    };
    for (NodeIndex n = 0; n < m_.node_count(); ++n) {
      if (!in_plane(n) || !layout_.nodes[n]) continue;
      std::string extra;
      const engine::Node& x = m_.node(n);
      if (engine::is_container(x.kind) && !m_.children(n).empty()) extra = layout_.expanded[n] ? " isExpanded=\"true\"" : " isExpanded=\"false\"";
      if (x.kind == engine::NodeKind::exclusive_gateway) extra = " isMarkerVisible=\"true\"";
      out += shape(node_ids_[n], *layout_.nodes[n], extra);
    }
    for (engine::FlowIndex f = 0; f < m_.flows().size(); ++f) {
      const auto& x = m_.flows()[f];
      if (x.source != npos && x.target != npos && in_plane(x.source)) out += edge(flow_ids_[f], layout_.flows[f]);
    }
    if (plane != npos) return out;
    for (std::size_t d = 0; d < m_.data().size(); ++d) {
      const auto& x = m_.data()[d];
      if ((p && proc_of(x.process) != *p) || !layout_.data[d]) continue;
      if (!layout_.from_input && (x.kind == engine::DataKind::data_object || x.kind == engine::DataKind::data_store)) continue;
      out += shape(data_ids_[d], *layout_.data[d], "");
    }
    for (std::size_t i = 0; i < m_.data_associations().size(); ++i) {
      const auto& da = m_.data_associations()[i];
      if (da.data >= layout_.data.size() || !layout_.data[da.data] || !layout_.nodes[da.node] || plane_of(da.node) != npos) continue;
      if (p && proc_of_node(da.node) != *p) continue;
      const auto& nb = *layout_.nodes[da.node];
      const auto& db = *layout_.data[da.data];
      const engine::Point a{nb.x + nb.width / 2, nb.y + nb.height}, b{db.x + db.width / 2, db.y};
      out += edge(association_ids_[i], da.output ? std::vector<engine::Point>{a, b} : std::vector<engine::Point>{b, a});
    }
    std::size_t k = 0;
    for (std::size_t a = 0; a < m_.annotations().size(); ++a) {
      const auto& x = m_.annotations()[a];
      const bool here = !p || annotation_process_[a] == *p;
      if (here && layout_.annotations[a]) out += shape(annotation_ids_[a], *layout_.annotations[a], "");
      for (const auto& ref : x.associated) {
        const std::string& assoc = annotation_assoc_ids_[k++];
        const auto other = bounds_of(ref);
        if (!here || !other || !layout_.annotations[a]) continue;
        const auto& ab = *layout_.annotations[a];
        out += edge(assoc, {{other->x + other->width / 2, other->y}, {ab.x, ab.y + ab.height / 2}});
      }
    }
    return out;
  }

  std::string diagram(const std::string& element, const std::string& content) {
    return fmt::format("  <bpmndi:BPMNDiagram{}>\n    <bpmndi:BPMNPlane{}{}>\n{}    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n",
                       attr("id", ids_.take("", "BPMNDiagram")), attr("id", ids_.take("", "BPMNPlane")),
                       attr("bpmnElement", element), content);
  }

  std::string lane_shapes(std::optional<ProcessIndex> p) {
    std::string out;
    for (std::size_t l = 0; l < m_.lanes().size(); ++l) {
      if (layout_.lanes[l] && (!p || proc_of(m_.lanes()[l].process) == *p)) out += shape(lane_ids_[l], *layout_.lanes[l], " isHorizontal=\"true\"");
    }
    for (std::size_t s = 0; s < layout_.stelle_lanes.size(); ++s) {
      if (!p || layout_.stelle_lanes[s].process == *p) out += shape(stelle_lane_ids_[s], layout_.stelle_lanes[s].bounds, " isHorizontal=\"true\"");
    }
    return out;
  }

  std::string diagrams() {
    std::string out;
    if (collaboration_) {
      std::string content;
      for (std::size_t i = 0; i < m_.participants().size(); ++i) {
        if (layout_.participants[i]) content += shape(participant_ids_[i], *layout_.participants[i], " isHorizontal=\"true\"");
      }
      content += lane_shapes(std::nullopt) + plane_content(npos, std::nullopt);
      for (std::size_t i = 0; i < m_.message_flows().size(); ++i) content += edge(message_ids_[i], layout_.message_flows[i]);
      out += diagram(collaboration_id_, content);
    } else {
      for (ProcessIndex p = 0; p < process_count_; ++p) {
        out += diagram(process_ids_[p], lane_shapes(p) + plane_content(npos, p));
      }
    }
    for (NodeIndex n = 0; n < m_.node_count(); ++n) {
      if (engine::is_container(m_.node(n).kind) && !m_.children(n).empty() && !layout_.expanded[n]) {
        out += diagram(node_ids_[n], plane_content(n, std::nullopt));
      }
    }
    return out;
  }

  const engine::ProcessModel& m_;
  const BpmnWriteOptions& o_;
  DiagramLayout layout_;
  IdTable ids_;
  std::size_t process_count_ = 1;
  bool collaboration_ = false;
  std::string definitions_id_, collaboration_id_;
  std::vector<std::string> process_ids_, participant_ids_, lane_ids_, node_ids_, flow_ids_, message_ids_, data_ids_,
      association_ids_, annotation_ids_, annotation_assoc_ids_, stelle_lane_ids_;
  std::vector<ProcessIndex> annotation_process_;
  std::unordered_map<std::string, std::string> by_original_;
  ScopedElements scoped_;
};

} // namespace

std::string bpmn_id(std::string_view original) {
  std::string id(original);
  for (auto& c : id) {
    if (!ncname_char(static_cast<unsigned char>(c))) c = '_';
  }
  if (!id.empty() && !ncname_start(static_cast<unsigned char>(id.front()))) id.insert(id.begin(), '_');
  return id;
}

std::string write_bpmn(const engine::ProcessModel& m, const BpmnWriteOptions& options) {
  std::string xml = Writer(m, options).run();
  check_output_text(xml, OutputText::markup, "BPMN");
  return xml;
}

} // namespace lotse::reports
