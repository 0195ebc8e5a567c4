// SPDX-License-Identifier: MIT
// BPMN importer, model side: every flow-node kind, event triggers (inline and by reference), boundary
// events, event sub-processes, loops, call activities, timers, default and conditional flows, nested
// lanes, pools with processRef, message flows, data and annotations, DI bounds and waypoints.
#include "tests/importers/bpmn_test_support.h"

#include <catch2/catch.hpp>

#include <charconv>
#include <cstring>
#include <string>
#include <vector>

using namespace lotse;
using engine::EventTrigger;
using engine::NodeKind;
using lotse::test::bpmn_doc;
using lotse::test::import_bpmn;
using lotse::test::messages;

namespace {

const engine::Node& by_id(const engine::ProcessModel& m, std::string_view id) {
  const auto n = m.find_node(id);
  REQUIRE(n);
  return m.node(*n);
}

// Gewerbeanmeldung: a collaboration with two pools, lanes, events and data.
const std::string collaboration = bpmn_doc("bpmn",
  "  <bpmn:collaboration id=\"C\">\n"
  "    <bpmn:participant id="
  "\"Pool_Amt\" name=\"Gewerbeamt\" processRef=\"P_Amt\"/>\n"
  "    <bpmn:participant id=\"Pool_Buerger\" name=\"Antragsteller\"/>\n"
  "    <bpmn:messageFlow id=\"MF1\" sourceRef=\"Pool_Buerger\" targetRef=\"Start\"/>\n"
  "    <bpmn:textAnnotation id=\"Note\"><bpmn:text>Frist: 3 Tage</bpmn:text></bpmn:textAnnotation>\n"
  "    <bpmn:association id=\"A1\" sourceRef=\"Pruefen\" targetRef=\"Note\"/>\n"
  "  </bpmn:collaboration>\n"
  "  <bpmn:message id=\"Msg\"/>\n"
  "  <bpmn:timerEventDefinition id=\"GlobalTimer\"/>\n"
  "  <bpmn:process id=\"P_Amt\" name=\"Gewerbeanmeldung\" isExecutable=\"true\">\n"
  "    <bpmn:laneSet id=\"LS\">\n"
  "      <bpmn:lane id=\"L_Amt\" name=\"Gewerbeamt\">\n"
  "        <bpmn:childLaneSet id=\"LS2\">\n"
  "          <bpmn:lane id=\"L_SB\" name=\"Sachbearbeitung\"><bpmn:flowNodeRef>Pruefen</bpmn:flowNodeRef></bpmn:lane>\n"
  "        </bpmn:childLaneSet>\n"
  "        <bpmn:flowNodeRef>Start</bpmn:flowNodeRef><bpmn:flowNodeRef>Pruefen</bpmn:flowNodeRef>\n"
  "      </bpmn:lane>\n"
  "    </bpmn:laneSet>\n"
  "    <bpmn:startEvent id=\"Start\"><bpmn:messageEventDefinition messageRef=\"Msg\"/></bpmn:startEvent>\n"
  "    <bpmn:userTask id=\"Pruefen\" name=\"Anmeldung prüfen\" default=\"f_ok\">\n"
  "      <bpmn:dataInputAssociation id=\"DIA\"><bpmn:sourceRef>Akte</bpmn:sourceRef></bpmn:dataInputAssociation>\n"
  "      <bpmn:dataOutputAssociation id=\"DOA\"><bpmn:targetRef>Register</bpmn:targetRef></bpmn:dataOutputAssociation>\n"
  "      <bpmn:multiInstanceLoopCharacteristics isSequential=\"true\"/>\n"
  "    </bpmn:userTask>\n"
  "    <bpmn:boundaryEvent id=\"Frist\" attachedToRef=\"Pruefen\" cancelActivity=\"false\">\n"
  "      <bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>\n"
  "    </bpmn:boundaryEvent>\n"
  "    <bpmn:exclusiveGateway id=\"GW\" default=\"f_ok\"/>\n"
  "    <bpmn:callActivity id=\"Gebuehr\" calledElement=\"Gebuehrenbescheid\"><bpmn:standardLoopCharacteristics/></bpmn:callActivity>\n"
  "    <bpmn:subProcess id=\"ESP\" triggeredByEvent=\"true\">\n"
  "      <bpmn:startEvent id=\"ESP_Start\" isInterrupting=\"false\"><bpmn:eventDefinitionRef>GlobalTimer</bpmn:eventDefinitionRef></bpmn:startEvent>\n"
  "    </bpmn:subProcess>\n"
  "    <bpmn:endEvent id=\"Ende\"><bpmn:terminateEventDefinition/><bpmn:signalEventDefinition/></bpmn:endEvent>\n"
  "    <bpmn:dataObjectReference id=\"Akte\" name=\"Akte\" dataObjectRef=\"DO\"><bpmn:dataState name=\"Papier\"/></bpmn:dataObjectReference>\n"
  "    <bpmn:dataObject id=\"DO\"/>\n"
  "    <bpmn:dataStoreReference id=\"Register\" dataStoreRef=\"Store\"/>\n"
  "    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"Start\" targetRef=\"Pruefen\"/>\n"
  "    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"Pruefen\" targetRef=\"GW\"/>\n"
  "    <bpmn:sequenceFlow id=\"f_ok\" sourceRef=\"GW\" targetRef=\"Ende\"/>\n"
  "    <bpmn:sequenceFlow id=\"f_fee\" sourceRef=\"GW\" targetRef=\"Gebuehr\">\n"
  "      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">${fee &gt; 0}</bpmn:conditionExpression>\n"
  "    </bpmn:sequenceFlow>\n"
  "  </bpmn:process>\n"
  "  <bpmn:dataStore id=\"Store\" name=\"Gewerberegister\"/>\n"
  "  <bpmndi:BPMNDiagram id=\"Dia\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
  " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\">\n"
  "    <bpmndi:BPMNPlane id=\"Plane\" bpmnElement=\"C\">\n"
  "      <bpmndi:BPMNShape id=\"Pruefen_di\" bpmnElement=\"Pruefen\"><dc:Bounds x=\"250\" y=\"80\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>\n"
  "      <bpmndi:BPMNShape id=\"Pool_di\" bpmnElement=\"Pool_Amt\"><dc:Bounds x=\"0\" y=\"0\" width=\"900\" height=\"300\"/></bpmndi:BPMNShape>\n"
  "      <bpmndi:BPMNEdge id=\"f1_di\" bpmnElement=\"f1\"><di:waypoint x=\"36\" y=\"120\"/><di:waypoint x=\"250.5\" y=\"120\"/></bpmndi:BPMNEdge>\n"
  "    </bpmndi:BPMNPlane>\n"
  "  </bpmndi:BPMNDiagram>\n");

} // namespace

TEST_CASE("a collaboration with pools, lanes, events, data and DI is read completely", "[importer][bpmn]") {
  const auto r = import_bpmn(collaboration);
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics).empty());
  const engine::ProcessModel& m = *r.model;
  const auto stats = engine::compute_stats(m);
  CHECK(stats.processes == 1);
  CHECK(stats.participants == 2);
  CHECK(stats.lanes == 2);
  CHECK(stats.flow_nodes_total == 8);
  CHECK(stats.sequence_flows == 4);
  CHECK(stats.message_flows == 1);
  CHECK(stats.di);

  SECTION("pools and message flows") {
    CHECK(m.participants()[0].process == 0);
    CHECK(m.participants()[1].process == engine::npos);
    CHECK(m.processes()[0].participant == 0);
    CHECK(m.processes()[0].executable);
    const engine::MessageFlow& mf = m.message_flows()[0];
    CHECK(mf.source_participant == 1);
    CHECK(mf.target_node == *m.find_node("Start"));
  }
  SECTION("events") {
    CHECK(by_id(m, "Start").triggers == std::vector<EventTrigger>{EventTrigger::message});
    const engine::Node& frist = by_id(m, "Frist");
    CHECK(frist.kind == NodeKind::boundary_event);
    CHECK(frist.attached_to == *m.find_node("Pruefen"));
    CHECK_FALSE(frist.interrupting);
    CHECK(frist.timer == "P3D");
    CHECK(m.boundary_events(*m.find_node("Pruefen")).size() == 1);
    CHECK(by_id(m, "Ende").triggers == std::vector<EventTrigger>{EventTrigger::terminate, EventTrigger::signal});
    const engine::Node& esp = by_id(m, "ESP");
    CHECK(esp.triggered_by_event);
    const engine::Node& esp_start = by_id(m, "ESP_Start");
    CHECK(esp_start.parent == *m.find_node("ESP"));
    CHECK_FALSE(esp_start.interrupting);
    CHECK(esp_start.triggers == std::vector<EventTrigger>{EventTrigger::timer});
  }
  SECTION("activities, gateways and flows") {
    const engine::Node& pruefen = by_id(m, "Pruefen");
    CHECK(pruefen.loop == engine::LoopKind::sequential_multi_instance);
    CHECK(pruefen.origin == engine::SourceLocation{22, 5});
    const engine::Node& gebuehr = by_id(m, "Gebuehr");
    CHECK(gebuehr.called_element == "Gebuehrenbescheid");
    CHECK(gebuehr.loop == engine::LoopKind::standard);
    const engine::Node& gw = by_id(m, "GW");
    REQUIRE(gw.default_flow != engine::npos);
    CHECK(m.flow(gw.default_flow).id == "f_ok");
    CHECK(m.flow(gw.default_flow).is_default);
    const engine::Flow& fee = m.flow(3);
    CHECK(fee.conditional);
    CHECK(fee.condition == "${fee > 0}");
  }
  SECTION("lanes: innermost lane wins, nested lane knows its parent") {
    REQUIRE(m.lanes().size() == 2);
    CHECK(m.lanes()[1].parent == 0);
    CHECK(m.lanes()[1].name == "Sachbearbeitung");
    CHECK(by_id(m, "Pruefen").lane == 1);
    CHECK(by_id(m, "Start").lane == 0);
  }
  SECTION("data and annotations") {
    const auto pruefen = *m.find_node("Pruefen");
    REQUIRE(m.data_associations().size() == 2);
    const engine::DataAssociation& in = m.data_associations()[0];
    CHECK(in.node == pruefen);
    CHECK_FALSE(in.output);
    CHECK(m.data()[in.data].id == "Akte");
    CHECK(m.data()[in.data].state == "Papier");
    CHECK(m.data()[in.data].ref == "DO");
    CHECK(m.data()[m.data_associations()[1].data].kind == engine::DataKind::data_store_reference);
    REQUIRE(m.annotations().size() == 1);
    CHECK(m.annotations()[0].text == "Frist: 3 Tage");
    CHECK(m.annotations()[0].associated == std::vector<std::string>{"Pruefen"});
  }
  SECTION("DI") {
    REQUIRE(by_id(m, "Pruefen").shape);
    CHECK(by_id(m, "Pruefen").shape->x == 250);
    CHECK(by_id(m, "Pruefen").shape->height == 80);
    REQUIRE(m.participants()[0].shape);
    CHECK(m.participants()[0].shape->width == 900);
    REQUIRE(m.flow(0).waypoints.size() == 2);
    CHECK(m.flow(0).waypoints[1].x == 250.5);
  }
}

TEST_CASE("every flow-node kind is recognised, including choreography", "[importer][bpmn]") {
  const char* kinds[] = {"task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "scriptTask",
                         "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
                         "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
                         "implicitThrowEvent", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
                         "eventBasedGateway", "complexGateway"};
  std::string body = "  <bpmn:process id=\"P\">\n";
  int i = 0;
  for (const char* k : kinds) body += "    <bpmn:" + std::string(k) + " id=\"n" + std::to_string(i++) + "\"/>\n";
  body += "  </bpmn:process>\n  <bpmn:choreography id=\"Ch\">\n"
          "    <bpmn:choreographyTask id=\"ct\"/><bpmn:subChoreography id=\"sc\"><bpmn:callChoreography id=\"cc\"/></bpmn:subChoreography>\n"
          "  </bpmn:choreography>\n";
  const auto r = import_bpmn(bpmn_doc("bpmn", body));
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  REQUIRE(m.node_count() == engine::node_kind_count);
  for (std::size_t k = 0; k < engine::node_kind_count; ++k) {
    INFO(k);
    CHECK(static_cast<std::size_t>(m.node(static_cast<engine::NodeIndex>(k)).kind) == k);
  }
  CHECK(by_id(m, "cc").parent == *m.find_node("sc"));
  CHECK(by_id(m, "ct").process == engine::npos);
}

TEST_CASE("an event definition reference that resolves nowhere is reported", "[importer][bpmn]") {
  const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\">\n"
                                              "    <bpmn:startEvent id=\"S\"><bpmn:eventDefinitionRef>Missing</bpmn:eventDefinitionRef></bpmn:startEvent>\n"
                                              "  </bpmn:process>\n"));
  REQUIRE(r.model);
  CHECK(r.model->node(0).triggers.empty());
  CHECK(messages(r.diagnostics) ==
        std::vector<std::string>{"t.bpmn:4:29: warning [BPMN-008]: event 'S' refers to unknown event definition 'Missing'"});
}

TEST_CASE("DI coordinates read exactly as std::from_chars reads them on the fast path and off it", "[importer][bpmn]") {
  // The importer takes a fast path for plain decimals; every form must give the bit-identical double.
  const std::vector<std::string> values{"0",    "-0",   "150",  "0.1",         "123.456789012345", "99999999999999.9",
                                        "1e5",  ".5",   "5.",   "+3",          "12345678901234567", "0.30000000000000004",
                                        "-17.25", "7px", "",    "1234.5678901234567"};
  std::string body = "  <bpmn:process id=\"P\">\n";
  for (std::size_t i = 0; i < values.size(); ++i) body += "    <bpmn:task id=\"T" + std::to_string(i) + "\"/>\n";
  body += "  </bpmn:process>\n  <bpmndi:BPMNDiagram id=\"Di\"><bpmndi:BPMNPlane id=\"Pl\" bpmnElement=\"P\">\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    body += "    <bpmndi:BPMNShape id=\"S" + std::to_string(i) + "\" bpmnElement=\"T" + std::to_string(i) +
            "\"><dc:Bounds x=\"" + values[i] + "\" y=\"1\" width=\"2\" height=\"3\"/></bpmndi:BPMNShape>\n";
  }
  body += "  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n";
  std::string doc = bpmn_doc("bpmn", body);
  doc.replace(doc.find(" id=\"D\""), 0,
              " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\"");
  const auto r = import_bpmn(doc);
  REQUIRE(r.model);
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO("x=\"" << values[i] << "\"");
    const auto& n = by_id(*r.model, "T" + std::to_string(i));
    REQUIRE(n.shape.has_value());
    double expected = 0;
    std::from_chars(values[i].data(), values[i].data() + values[i].size(), expected);
    CHECK(std::memcmp(&n.shape->x, &expected, sizeof expected) == 0);
    CHECK(n.shape->height == 3);
  }
}
