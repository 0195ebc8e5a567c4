// SPDX-License-Identifier: MIT
// Namespace classification and the table of BPMN model element names (generated from bpmn-moddle
// 10.3.1's bpmn.json: every type name with a lower-case first letter plus every element property name).
#include "importers/bpmn_names.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace lotse::importers::bpmn {
namespace {

using engine::EventTrigger;
using engine::NodeKind;

// Sorted by name (std::string_view ordering) for binary search.
constexpr std::array<std::pair<std::string_view, TagInfo>, 238> names{{
    {"activationCondition", {Tag::known, {}, {}}},
    {"activity", {Tag::known, {}, {}}},
    {"adHocSubProcess", {Tag::flow_node, NodeKind::ad_hoc_sub_process, {}}},
    {"artifact", {Tag::known, {}, {}}},
    {"artifacts", {Tag::known, {}, {}}},
    {"assignment", {Tag::known, {}, {}}},
    {"association", {Tag::association, {}, {}}},
    {"auditing", {Tag::known, {}, {}}},
    {"baseElement", {Tag::known, {}, {}}},
    {"body", {Tag::known, {}, {}}},
    {"boundaryEvent", {Tag::flow_node, NodeKind::boundary_event, {}}},
    {"boundaryEventRefs", {Tag::known, {}, {}}},
    {"businessRuleTask", {Tag::flow_node, NodeKind::business_rule_task, {}}},
    {"callActivity", {Tag::flow_node, NodeKind::call_activity, {}}},
    {"callChoreography", {Tag::flow_node, NodeKind::call_choreography, {}}},
    {"callConversation", {Tag::known, {}, {}}},
    {"callableElement", {Tag::known, {}, {}}},
    {"cancelEventDefinition", {Tag::event_definition, {}, EventTrigger::cancel}},
    {"catchEvent", {Tag::known, {}, {}}},
    {"categorizedFlowElements", {Tag::known, {}, {}}},
    {"category", {Tag::known, {}, {}}},
    {"categoryValue", {Tag::known, {}, {}}},
    {"categoryValueRef", {Tag::known, {}, {}}},
    {"childLaneSet", {Tag::child_lane_set, {}, {}}},
    {"choreography", {Tag::choreography, {}, {}}},
    {"choreographyActivity", {Tag::known, {}, {}}},
    {"choreographyRef", {Tag::known, {}, {}}},
    {"choreographyTask", {Tag::flow_node, NodeKind::choreography_task, {}}},
    {"collaboration", {Tag::collaboration, {}, {}}},
    {"compensateEventDefinition", {Tag::event_definition, {}, EventTrigger::compensate}},
    {"completionCondition", {Tag::known, {}, {}}},
    {"complexBehaviorDefinition", {Tag::known, {}, {}}},
    {"complexGateway", {Tag::flow_node, NodeKind::complex_gateway, {}}},
    {"condition", {Tag::known, {}, {}}},
    {"conditionExpression", {Tag::condition_expression, {}, {}}},
    {"conditionalEventDefinition", {Tag::event_definition, {}, EventTrigger::conditional}},
    {"conversation", {Tag::known, {}, {}}},
    {"conversationAssociation", {Tag::known, {}, {}}},
    {"conversationAssociations", {Tag::known, {}, {}}},
    {"conversationLink", {Tag::known, {}, {}}},
    {"conversationLinks", {Tag::known, {}, {}}},
    {"conversationNode", {Tag::known, {}, {}}},
    {"conversationNodes", {Tag::known, {}, {}}},
    {"conversations", {Tag::known, {}, {}}},
    {"correlationKey", {Tag::known, {}, {}}},
    {"correlationKeys", {Tag::known, {}, {}}},
    {"correlationProperty", {Tag::known, {}, {}}},
    {"correlationPropertyBinding", {Tag::known, {}, {}}},
    {"correlationPropertyRef", {Tag::known, {}, {}}},
    {"correlationPropertyRetrievalExpression", {Tag::known, {}, {}}},
    {"correlationSubscription", {Tag::known, {}, {}}},
    {"correlationSubscriptions", {Tag::known, {}, {}}},
    {"dataAssociation", {Tag::known, {}, {}}},
    {"dataInput", {Tag::data_input, {}, {}}},
    {"dataInputAssociation", {Tag::data_input_association, {}, {}}},
    {"dataInputAssociations", {Tag::known, {}, {}}},
    {"dataInputRefs", {Tag::known, {}, {}}},
    {"dataInputs", {Tag::known, {}, {}}},
    {"dataObject", {Tag::data_object, {}, {}}},
    {"dataObjectReference", {Tag::data_object_reference, {}, {}}},
    {"dataOutput", {Tag::data_output, {}, {}}},
    {"dataOutputAssociation", {Tag::data_output_association, {}, {}}},
    {"dataOutputAssociations", {Tag::known, {}, {}}},
    {"dataOutputRefs", {Tag::known, {}, {}}},
    {"dataOutputs", {Tag::known, {}, {}}},
    {"dataPath", {Tag::known, {}, {}}},
    {"dataState", {Tag::data_state, {}, {}}},
    {"dataStore", {Tag::data_store, {}, {}}},
    {"dataStoreReference", {Tag::data_store_reference, {}, {}}},
    {"definitions", {Tag::definitions, {}, {}}},
    {"diagrams", {Tag::known, {}, {}}},
    {"documentation", {Tag::known, {}, {}}},
    {"endEvent", {Tag::flow_node, NodeKind::end_event, {}}},
    {"endPoint", {Tag::known, {}, {}}},
    {"endPointRefs", {Tag::known, {}, {}}},
    {"error", {Tag::known, {}, {}}},
    {"errorEventDefinition", {Tag::event_definition, {}, EventTrigger::error}},
    {"errorRef", {Tag::known, {}, {}}},
    {"escalation", {Tag::known, {}, {}}},
    {"escalationEventDefinition", {Tag::event_definition, {}, EventTrigger::escalation}},
    {"event", {Tag::known, {}, {}}},
    {"eventBasedGateway", {Tag::flow_node, NodeKind::event_based_gateway, {}}},
    {"eventDefinition", {Tag::known, {}, {}}},
    {"eventDefinitionRef", {Tag::event_definition_ref, {}, {}}},
    {"eventDefinitions", {Tag::known, {}, {}}},
    {"exclusiveGateway", {Tag::flow_node, NodeKind::exclusive_gateway, {}}},
    {"expression", {Tag::known, {}, {}}},
    {"extension", {Tag::known, {}, {}}},
    {"extensionAttributeDefinition", {Tag::known, {}, {}}},
    {"extensionAttributeDefinitions", {Tag::known, {}, {}}},
    {"extensionDefinition", {Tag::known, {}, {}}},
    {"extensionDefinitions", {Tag::known, {}, {}}},
    {"extensionElements", {Tag::extension_elements, {}, {}}},
    {"extensions", {Tag::known, {}, {}}},
    {"flowElement", {Tag::known, {}, {}}},
    {"flowElements", {Tag::known, {}, {}}},
    {"flowElementsContainer", {Tag::known, {}, {}}},
    {"flowNode", {Tag::known, {}, {}}},
    {"flowNodeRef", {Tag::flow_node_ref, {}, {}}},
    {"formalExpression", {Tag::known, {}, {}}},
    {"from", {Tag::known, {}, {}}},
    {"gateway", {Tag::known, {}, {}}},
    {"globalBusinessRuleTask", {Tag::known, {}, {}}},
    {"globalChoreographyTask", {Tag::choreography, {}, {}}},
    {"globalConversation", {Tag::collaboration, {}, {}}},
    {"globalManualTask", {Tag::known, {}, {}}},
    {"globalScriptTask", {Tag::known, {}, {}}},
    {"globalTask", {Tag::known, {}, {}}},
    {"globalUserTask", {Tag::known, {}, {}}},
    {"group", {Tag::known, {}, {}}},
    {"humanPerformer", {Tag::known, {}, {}}},
    {"implicitThrowEvent", {Tag::flow_node, NodeKind::implicit_throw_event, {}}},
    {"import", {Tag::known, {}, {}}},
    {"imports", {Tag::known, {}, {}}},
    {"inMessageRef", {Tag::known, {}, {}}},
    {"inclusiveGateway", {Tag::flow_node, NodeKind::inclusive_gateway, {}}},
    {"incoming", {Tag::known, {}, {}}},
    {"incomingConversationLinks", {Tag::known, {}, {}}},
    {"inputDataItem", {Tag::known, {}, {}}},
    {"inputOutputBinding", {Tag::known, {}, {}}},
    {"inputOutputSpecification", {Tag::known, {}, {}}},
    {"inputSet", {Tag::known, {}, {}}},
    {"inputSetRef", {Tag::known, {}, {}}},
    {"inputSetRefs", {Tag::known, {}, {}}},
    {"inputSetWithOptional", {Tag::known, {}, {}}},
    {"inputSetWithWhileExecuting", {Tag::known, {}, {}}},
    {"inputSets", {Tag::known, {}, {}}},
    {"interactionNode", {Tag::known, {}, {}}},
    {"interface", {Tag::known, {}, {}}},
    {"interfaceRef", {Tag::known, {}, {}}},
    {"intermediateCatchEvent", {Tag::flow_node, NodeKind::intermediate_catch_event, {}}},
    {"intermediateThrowEvent", {Tag::flow_node, NodeKind::intermediate_throw_event, {}}},
    {"ioBinding", {Tag::known, {}, {}}},
    {"ioSpecification", {Tag::io_specification, {}, {}}},
    {"itemAwareElement", {Tag::known, {}, {}}},
    {"itemDefinition", {Tag::known, {}, {}}},
    {"lane", {Tag::lane, {}, {}}},
    {"laneSet", {Tag::lane_set, {}, {}}},
    {"laneSets", {Tag::known, {}, {}}},
    {"lanes", {Tag::known, {}, {}}},
    {"linkEventDefinition", {Tag::event_definition, {}, EventTrigger::link}},
    {"loopCardinality", {Tag::known, {}, {}}},
    {"loopCharacteristics", {Tag::known, {}, {}}},
    {"loopCondition", {Tag::known, {}, {}}},
    {"loopDataInputRef", {Tag::known, {}, {}}},
    {"loopDataOutputRef", {Tag::known, {}, {}}},
    {"manualTask", {Tag::flow_node, NodeKind::manual_task, {}}},
    {"message", {Tag::known, {}, {}}},
    {"messageEventDefinition", {Tag::event_definition, {}, EventTrigger::message}},
    {"messageFlow", {Tag::message_flow, {}, {}}},
    {"messageFlowAssociation", {Tag::known, {}, {}}},
    {"messageFlowAssociations", {Tag::known, {}, {}}},
    {"messageFlowRef", {Tag::known, {}, {}}},
    {"messageFlowRefs", {Tag::known, {}, {}}},
    {"messageFlows", {Tag::known, {}, {}}},
    {"messagePath", {Tag::known, {}, {}}},
    {"monitoring", {Tag::known, {}, {}}},
    {"multiInstanceLoopCharacteristics", {Tag::multi_instance_loop, {}, {}}},
    {"operation", {Tag::known, {}, {}}},
    {"operationRef", {Tag::known, {}, {}}},
    {"operations", {Tag::known, {}, {}}},
    {"optionalInputRefs", {Tag::known, {}, {}}},
    {"optionalOutputRefs", {Tag::known, {}, {}}},
    {"outMessageRef", {Tag::known, {}, {}}},
    {"outgoing", {Tag::known, {}, {}}},
    {"outgoingConversationLinks", {Tag::known, {}, {}}},
    {"outputDataItem", {Tag::known, {}, {}}},
    {"outputSet", {Tag::known, {}, {}}},
    {"outputSetRef", {Tag::known, {}, {}}},
    {"outputSetRefs", {Tag::known, {}, {}}},
    {"outputSetWithOptional", {Tag::known, {}, {}}},
    {"outputSetWithWhileExecuting", {Tag::known, {}, {}}},
    {"outputSets", {Tag::known, {}, {}}},
    {"parallelGateway", {Tag::flow_node, NodeKind::parallel_gateway, {}}},
    {"participant", {Tag::participant, {}, {}}},
    {"participantAssociation", {Tag::known, {}, {}}},
    {"participantAssociations", {Tag::known, {}, {}}},
    {"participantMultiplicity", {Tag::known, {}, {}}},
    {"participantRef", {Tag::known, {}, {}}},
    {"participants", {Tag::known, {}, {}}},
    {"partitionElement", {Tag::known, {}, {}}},
    {"partnerEntity", {Tag::known, {}, {}}},
    {"partnerRole", {Tag::known, {}, {}}},
    {"performer", {Tag::known, {}, {}}},
    {"potentialOwner", {Tag::known, {}, {}}},
    {"process", {Tag::process, {}, {}}},
    {"properties", {Tag::known, {}, {}}},
    {"property", {Tag::known, {}, {}}},
    {"receiveTask", {Tag::flow_node, NodeKind::receive_task, {}}},
    {"relationship", {Tag::relationship, {}, {}}},
    {"relationships", {Tag::known, {}, {}}},
    {"rendering", {Tag::known, {}, {}}},
    {"renderings", {Tag::known, {}, {}}},
    {"resource", {Tag::known, {}, {}}},
    {"resourceAssignmentExpression", {Tag::known, {}, {}}},
    {"resourceParameter", {Tag::known, {}, {}}},
    {"resourceParameterBinding", {Tag::known, {}, {}}},
    {"resourceParameterBindings", {Tag::known, {}, {}}},
    {"resourceParameters", {Tag::known, {}, {}}},
    {"resourceRef", {Tag::known, {}, {}}},
    {"resourceRole", {Tag::known, {}, {}}},
    {"resources", {Tag::known, {}, {}}},
    {"rootElement", {Tag::known, {}, {}}},
    {"rootElements", {Tag::known, {}, {}}},
    {"script", {Tag::known, {}, {}}},
    {"scriptTask", {Tag::flow_node, NodeKind::script_task, {}}},
    {"sendTask", {Tag::flow_node, NodeKind::send_task, {}}},
    {"sequenceFlow", {Tag::sequence_flow, {}, {}}},
    {"serviceTask", {Tag::flow_node, NodeKind::service_task, {}}},
    {"signal", {Tag::known, {}, {}}},
    {"signalEventDefinition", {Tag::event_definition, {}, EventTrigger::signal}},
    {"source", {Tag::known, {}, {}}},
    {"sourceRef", {Tag::source_ref, {}, {}}},
    {"standardLoopCharacteristics", {Tag::standard_loop, {}, {}}},
    {"startEvent", {Tag::flow_node, NodeKind::start_event, {}}},
    {"subChoreography", {Tag::flow_node, NodeKind::sub_choreography, {}}},
    {"subConversation", {Tag::known, {}, {}}},
    {"subProcess", {Tag::flow_node, NodeKind::sub_process, {}}},
    {"supportedInterfaceRef", {Tag::known, {}, {}}},
    {"supports", {Tag::known, {}, {}}},
    {"target", {Tag::known, {}, {}}},
    {"targetRef", {Tag::target_ref, {}, {}}},
    {"task", {Tag::flow_node, NodeKind::task, {}}},
    {"terminateEventDefinition", {Tag::event_definition, {}, EventTrigger::terminate}},
    {"text", {Tag::text, {}, {}}},
    {"textAnnotation", {Tag::text_annotation, {}, {}}},
    {"throwEvent", {Tag::known, {}, {}}},
    {"timeCycle", {Tag::time_cycle, {}, {}}},
    {"timeDate", {Tag::time_date, {}, {}}},
    {"timeDuration", {Tag::time_duration, {}, {}}},
    {"timerEventDefinition", {Tag::event_definition, {}, EventTrigger::timer}},
    {"to", {Tag::known, {}, {}}},
    {"transaction", {Tag::flow_node, NodeKind::transaction, {}}},
    {"transformation", {Tag::known, {}, {}}},
    {"userTask", {Tag::flow_node, NodeKind::user_task, {}}},
    {"values", {Tag::known, {}, {}}},
    {"whileExecutingInputRefs", {Tag::known, {}, {}}},
    {"whileExecutingOutputRefs", {Tag::known, {}, {}}},
}};

constexpr bool sorted_names() {
  for (std::size_t i = 1; i < names.size(); ++i) {
    if (!(names[i - 1].first < names[i].first)) return false;
  }
  return true;
}
static_assert(sorted_names(), "BPMN name table must be sorted");

} // namespace

Ns classify_namespace(std::string_view uri) {
  if (uri == "http://www.omg.org/spec/BPMN/20100524/MODEL") return Ns::bpmn;
  if (uri == "http://www.omg.org/spec/BPMN/20100524/DI") return Ns::bpmndi;
  if (uri == "http://www.omg.org/spec/DD/20100524/DC") return Ns::dc;
  if (uri == "http://www.omg.org/spec/DD/20100524/DI") return Ns::di;
  if (uri == "http://www.qbp-simulator.com/Schema201212") return Ns::qbp;
  if (uri == "http://www.bpsim.org/schemas/1.0" || uri == "http://www.bpsim.org/schemas/2.0") return Ns::bpsim;
  if (uri == "http://camunda.org/schema/1.0/bpmn") return Ns::camunda;
  if (uri == "http://www.boc-group.com") return Ns::adonis;
  return Ns::other;
}

std::optional<Ns> implicit_prefix(std::string_view prefix) {
  if (prefix == "bpmn") return Ns::bpmn;
  if (prefix == "bpmndi") return Ns::bpmndi;
  if (prefix == "dc") return Ns::dc;
  if (prefix == "di") return Ns::di;
  return std::nullopt;
}

std::string_view standard_uri(Ns ns) {
  switch (ns) {
  case Ns::bpmn: return "http://www.omg.org/spec/BPMN/20100524/MODEL";
  case Ns::bpmndi: return "http://www.omg.org/spec/BPMN/20100524/DI";
  case Ns::dc: return "http://www.omg.org/spec/DD/20100524/DC";
  case Ns::di: return "http://www.omg.org/spec/DD/20100524/DI";
  default: return {};
  }
}

namespace {

// Every element name of every file goes through lookup_bpmn: an open-addressing table built at compile
// time (FNV-1a, linear probing, at most half full) answers with one hash and usually one comparison.
constexpr std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
constexpr std::size_t name_slots = 512;
static_assert(name_slots >= 2 * names.size());
constexpr std::array<std::int16_t, name_slots> name_table = [] {
  std::array<std::int16_t, name_slots> t{};
  for (auto& slot : t) slot = -1;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t j = fnv1a(names[i].first) & (name_slots - 1);
    while (t[j] >= 0) j = (j + 1) & (name_slots - 1);
    t[j] = static_cast<std::int16_t>(i);
  }
  return t;
}();

} // namespace

TagInfo lookup_bpmn(std::string_view local) {
  for (std::size_t j = fnv1a(local) & (name_slots - 1);; j = (j + 1) & (name_slots - 1)) {
    const std::int16_t i = name_table[j];
    if (i < 0) return {};
    if (names[static_cast<std::size_t>(i)].first == local) return names[static_cast<std::size_t>(i)].second;
  }
}

} // namespace lotse::importers::bpmn
