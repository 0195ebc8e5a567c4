// SPDX-License-Identifier: MIT
// BPMN writer and layout: escaping, QBP placement and values (seconds, EXPONENTIAL mean = arg1),
// the automatic layout (layers left to right, Stelle lanes, loops, expanded sub-processes), and that
// the written file reads back into the same typed attributes.
#include "engine/model_builder.h"
#include "importers/bpmn.h"
#include "reports/bpmn_layout.h"
#include "reports/bpmn_writer.h"

#include <catch2/catch.hpp>

using namespace lotse;
using engine::NodeKind;
using engine::npos;

namespace {

engine::Node make(std::string id, std::string name, NodeKind kind, engine::NodeIndex parent = npos) {
  engine::Node n;
  n.id = std::move(id);
  n.name = std::move(name);
  n.kind = kind;
  n.process = 0;
  n.parent = parent;
  return n;
}

engine::Flow flow(std::string id) {
  engine::Flow f;
  f.id = std::move(id);
  return f;
}

/// S -> A -> G -> (B 70 % | C 30 %) -> E, with times, Stellen and channels; no diagram.
engine::ProcessModel hundesteuer() {
  engine::ModelBuilder b("hund.csv", "table");
  engine::Process p;
  p.id = "P";
  p.name = "Hundesteuer <&> \"Test\"";
  p.facts.cases_per_year = engine::Located<engine::CasesPerYear>{{1200}, {}};
  b.add_process(p);
  b.add_node(make("S", "Antrag da", NodeKind::start_event));
  auto a = make("A", "Antrag erfassen", NodeKind::user_task);
  a.attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(10), {}};
  a.attrs.stelle = "Bürgerbüro";
  a.attrs.inbound.present = true;
  a.attrs.inbound[engine::Channel::post] = 0.3;
  a.attrs.inbound[engine::Channel::email] = 0.7;
  a.attrs.cost_rate = engine::Located<engine::HourlyRate>{engine::HourlyRate::from_euros(25.5), {}};
  b.add_node(a);
  b.add_node(make("G", "vollständig?", NodeKind::exclusive_gateway));
  auto bt = make("B", "Bescheid erstellen", NodeKind::task);
  bt.attrs.duration = engine::Located<engine::Distribution>{engine::Distribution::exponential_mean(600), {}};
  bt.attrs.stelle = "Steueramt";
  b.add_node(bt);
  b.add_node(make("C", "Nachfordern", NodeKind::send_task));
  b.add_node(make("E", "erledigt", NodeKind::end_event));
  b.add_sequence_flow(flow("f1"), "S", "A");
  b.add_sequence_flow(flow("f2"), "A", "G");
  auto f3 = flow("f3");
  f3.probability = engine::Located<engine::Probability>{{0.7}, {}};
  b.add_sequence_flow(f3, "G", "B");
  auto f4 = flow("f4");
  f4.probability = engine::Located<engine::Probability>{{0.3}, {}};
  b.add_sequence_flow(f4, "G", "C");
  b.add_sequence_flow(flow("f5"), "B", "E");
  b.add_sequence_flow(flow("f6"), "C", "E");
  engine::Diagnostics d;
  return std::move(b).finish(d);
}

engine::ProcessModel reimport(const std::string& xml) {
  auto r = importers::bpmn::read(engine::SourceFile("out.bpmn", xml));
  for (const auto& d : r.diagnostics) INFO(d.message(engine::Lang::en));
  REQUIRE(r.model);
  CHECK(r.diagnostics.empty());
  return std::move(*r.model);
}

const engine::Bounds& shape(const engine::ProcessModel& m, const char* id) {
  const auto n = m.find_node(id);
  REQUIRE(n);
  REQUIRE(m.node(*n).shape);
  return *m.node(*n).shape;
}

} // namespace

TEST_CASE("bpmn writer escapes names and keeps ids", "[bpmn_writer][unit]") {
  const std::string xml = reports::write_bpmn(hundesteuer());
  CHECK(xml.find("name=\"Hundesteuer &lt;&amp;&gt; &quot;Test&quot;\"") != std::string::npos);
  CHECK(xml.find("<bpmn:userTask id=\"A\" name=\"Antrag erfassen\"") != std::string::npos);
  CHECK(xml.find("<bpmn:sequenceFlow id=\"f3\" sourceRef=\"G\" targetRef=\"B\"") != std::string::npos);
}

TEST_CASE("QBP block: seconds, EXPONENTIAL with mean and arg1, inside the process by default", "[bpmn_writer][unit]") {
  const std::string xml = reports::write_bpmn(hundesteuer());
  const auto qbp = xml.find("<qbp:processSimulationInfo");
  REQUIRE(qbp != std::string::npos);
  CHECK(qbp > xml.find("<bpmn:extensionElements>"));
  CHECK(qbp < xml.find("</bpmn:process>"));
  // 10 minutes processing -> FIXED 600 s; B's exponential duration keeps mean = arg1 = 600 s.
  CHECK(xml.find("elementId=\"A\">\n            <qbp:durationDistribution type=\"FIXED\" mean=\"600\"") != std::string::npos);
  CHECK(xml.find("<qbp:durationDistribution type=\"EXPONENTIAL\" mean=\"600\" arg1=\"600\" arg2=\"0\" />") != std::string::npos);
  // 1200 cases per year around the clock: 31 536 000 s / 1200 = 26 280 s between arrivals.
  CHECK(xml.find("<qbp:arrivalRateDistribution type=\"EXPONENTIAL\" mean=\"26280\" arg1=\"26280\"") != std::string::npos);
  CHECK(xml.find("<qbp:sequenceFlow elementId=\"f3\" executionProbability=\"0.7\" />") != std::string::npos);
  CHECK(xml.find("name=\"Bürgerbüro\" totalAmount=\"1\" costPerHour=\"25.5\"") != std::string::npos);

  reports::BpmnWriteOptions bimp;
  bimp.qbp = reports::QbpPlacement::definitions_child;
  const std::string for_bimp = reports::write_bpmn(hundesteuer(), bimp);
  const auto at = for_bimp.find("<qbp:processSimulationInfo");
  REQUIRE(at != std::string::npos);
  CHECK(at > for_bimp.find("</bpmn:process>"));
  CHECK(at < for_bimp.find("<bpmndi:BPMNDiagram"));
  CHECK(for_bimp.find("<qbp:processSimulationInfo", at + 1) == std::string::npos);
}

TEST_CASE("a model without times, probabilities or Fallzahl gets no QBP block", "[bpmn_writer][unit]") {
  engine::ModelBuilder b("x.bpmn", "bpmn");
  b.add_process(engine::Process{"P", "Leer", false, npos, {}, {}});
  b.add_node(make("S", "", NodeKind::start_event));
  engine::Diagnostics d;
  const std::string xml = reports::write_bpmn(std::move(b).finish(d));
  CHECK(xml.find("qbp:processSimulationInfo") == std::string::npos);
  CHECK(xml.find("<bpmn:startEvent id=\"S\" />") != std::string::npos);
}

TEST_CASE("automatic layout: longest-path columns left to right and one lane per Stelle", "[bpmn_writer][unit]") {
  const engine::ProcessModel m = reimport(reports::write_bpmn(hundesteuer()));
  CHECK(m.has_diagram());
  CHECK(shape(m, "S").x < shape(m, "A").x);
  CHECK(shape(m, "A").x < shape(m, "G").x);
  CHECK(shape(m, "G").x < shape(m, "B").x);
  CHECK(shape(m, "B").x + shape(m, "B").width / 2 == Approx(shape(m, "C").x + shape(m, "C").width / 2));
  CHECK(shape(m, "B").x < shape(m, "E").x);
  // Lanes in order of first appearance: ohne Stelle (S, G, C, E), Bürgerbüro (A), Steueramt (B).
  REQUIRE(m.lanes().size() == 3);
  for (const auto& lane : m.lanes()) {
    REQUIRE(lane.shape);
    for (auto n : lane.nodes) {
      const auto& s = *m.node(n).shape;
      CHECK(s.y >= lane.shape->y);
      CHECK(s.y + s.height <= lane.shape->y + lane.shape->height);
    }
  }
  const auto a = m.find_node("A");
  REQUIRE(m.node(*a).lane != npos);
  CHECK(m.lanes()[m.node(*a).lane].name == "Bürgerbüro");
  CHECK(m.lanes()[m.node(*a).lane].stelle == "Bürgerbüro");
  const auto s = m.find_node("S");
  CHECK(m.lanes()[m.node(*s).lane].name == "ohne Stelle");
}

TEST_CASE("written attributes read back into the same typed values", "[bpmn_writer][unit]") {
  const engine::ProcessModel in = hundesteuer();
  const engine::ProcessModel out = reimport(reports::write_bpmn(in));
  REQUIRE(out.node_count() == in.node_count());
  for (const auto& n : in.nodes()) {
    const auto k = out.find_node(n.id);
    REQUIRE(k);
    const auto& a = n.attrs;
    const auto& b = out.node(*k).attrs;
    CHECK(b.stelle == a.stelle);
    CHECK(b.processing.has_value() == a.processing.has_value());
    if (a.processing) CHECK(b.processing->value == a.processing->value);
    CHECK(b.inbound.present == a.inbound.present);
    for (std::size_t c = 0; c < engine::channel_count; ++c) CHECK(b.inbound.share[c] == Approx(a.inbound.share[c]));
    CHECK(b.cost_rate.has_value() == a.cost_rate.has_value());
  }
  const auto bt = out.find_node("B");
  REQUIRE(out.node(*bt).attrs.duration);
  CHECK(out.node(*bt).attrs.duration->value.kind == engine::DistKind::exponential);
  CHECK(out.node(*bt).attrs.duration->value.mean() == Approx(600));
  for (std::size_t f = 0; f < in.flows().size(); ++f) {
    CHECK(out.flows()[f].probability.has_value() == in.flows()[f].probability.has_value());
    if (in.flows()[f].probability) CHECK(out.flows()[f].probability->value.value == Approx(in.flows()[f].probability->value.value));
  }
  CHECK(out.cases_per_year(0) == Approx(1200));
  CHECK(out.processes()[0].name == in.processes()[0].name);
}

TEST_CASE("a loop keeps every node placed and the loop-back edge goes below", "[bpmn_writer][unit]") {
  engine::ModelBuilder b("loop.bpmn", "bpmn");
  b.add_process(engine::Process{"P", "Schleife", false, npos, {}, {}});
  b.add_node(make("S", "", NodeKind::start_event));
  b.add_node(make("X", "prüfen", NodeKind::task));
  b.add_node(make("Y", "korrigieren", NodeKind::task));
  b.add_node(make("G", "", NodeKind::exclusive_gateway));
  b.add_node(make("E", "", NodeKind::end_event));
  b.add_sequence_flow(flow("a"), "S", "X");
  b.add_sequence_flow(flow("b"), "X", "G");
  b.add_sequence_flow(flow("c"), "G", "Y");
  b.add_sequence_flow(flow("back"), "Y", "X");
  b.add_sequence_flow(flow("d"), "G", "E");
  engine::Diagnostics d;
  const engine::ProcessModel m = std::move(b).finish(d);
  const reports::DiagramLayout l = reports::layout_diagram(m);
  CHECK_FALSE(l.from_input);
  for (const auto& n : l.nodes) CHECK(n.has_value());
  CHECK(l.nodes[1]->x < l.nodes[3]->x);  // X before G
  CHECK(l.nodes[3]->x < l.nodes[2]->x);  // G before Y
  const auto& back = l.flows[3];
  REQUIRE(back.size() == 4);
  CHECK(back[1].y > std::max(l.nodes[1]->y + l.nodes[1]->height, l.nodes[2]->y + l.nodes[2]->height));
}

TEST_CASE("sub-process contents are laid out inside the expanded sub-process", "[bpmn_writer][unit]") {
  engine::ModelBuilder b("sub.bpmn", "bpmn");
  b.add_process(engine::Process{"P", "Mit Teilprozess", false, npos, {}, {}});
  b.add_node(make("S", "", NodeKind::start_event));
  const auto sp = b.add_node(make("SP", "Teilprozess", NodeKind::sub_process));
  b.add_node(make("S1", "", NodeKind::start_event, sp));
  b.add_node(make("T1", "innen", NodeKind::task, sp));
  b.add_node(make("E1", "", NodeKind::end_event, sp));
  b.add_node(make("E", "", NodeKind::end_event));
  b.add_sequence_flow(flow("a"), "S", "SP");
  b.add_sequence_flow(flow("b"), "S1", "T1");
  b.add_sequence_flow(flow("c"), "T1", "E1");
  b.add_sequence_flow(flow("d"), "SP", "E");
  engine::Diagnostics d;
  const engine::ProcessModel m = reimport(reports::write_bpmn(std::move(b).finish(d)));
  const auto& outer = shape(m, "SP");
  for (const char* id : {"S1", "T1", "E1"}) {
    const auto& s = shape(m, id);
    CHECK(s.x >= outer.x);
    CHECK(s.y >= outer.y);
    CHECK(s.x + s.width <= outer.x + outer.width);
    CHECK(s.y + s.height <= outer.y + outer.height);
  }
  CHECK(shape(m, "SP").x + shape(m, "SP").width < shape(m, "E").x);
  CHECK(m.node(*m.find_node("T1")).parent == *m.find_node("SP"));
}

TEST_CASE("ids are made valid and unique", "[bpmn_writer][unit]") {
  CHECK(reports::bpmn_id("Task_1") == "Task_1");
  CHECK(reports::bpmn_id("1 Antrag/neu") == "_1_Antrag_neu");
  CHECK(reports::bpmn_id("Ärger") == "Ärger");
  engine::ModelBuilder b("dup.bpmn", "bpmn");
  b.add_process(engine::Process{"P", "", false, npos, {}, {}});
  b.add_node(make("T", "eins", NodeKind::task));
  b.add_node(make("T", "zwei", NodeKind::task));
  b.add_node(make("", "ohne id", NodeKind::task));
  engine::Diagnostics d;
  const std::string xml = reports::write_bpmn(std::move(b).finish(d));
  CHECK(xml.find("<bpmn:task id=\"T\" name=\"eins\"") != std::string::npos);
  CHECK(xml.find("<bpmn:task id=\"T_2\" name=\"zwei\"") != std::string::npos);
  CHECK(xml.find("<bpmn:task id=\"Node_1\" name=\"ohne id\"") != std::string::npos);
}

TEST_CASE("route_edge connects borders orthogonally", "[bpmn_writer][unit]") {
  const auto straight = reports::route_edge({0, 0, 100, 80}, {200, 0, 100, 80});
  REQUIRE(straight.size() == 2);
  CHECK(straight[0].x == 100);
  CHECK(straight[0].y == 40);
  CHECK(straight[1].x == 200);
  const auto bend = reports::route_edge({0, 0, 100, 80}, {200, 100, 50, 50});
  REQUIRE(bend.size() == 4);
  CHECK(bend[1].x == 150);
  CHECK(bend[2].y == 125);
}

TEST_CASE("Stellen inside a sub-process get lanes that the sub-process spans", "[bpmn_writer][unit]") {
  engine::ModelBuilder b("picture.xml", "picture");
  b.add_process(engine::Process{"P", "Gewerbe anmelden", false, npos, {}, {}});
  b.add_node(make("S", "", NodeKind::start_event));
  const auto sp = b.add_node(make("SP", "Teilprozess", NodeKind::sub_process));
  auto t1 = make("T1", "Antrag prüfen", NodeKind::task, sp);
  t1.attrs.stelle = "Gewerbeamt";
  b.add_node(t1);
  auto t2 = make("T2", "Bescheid zeichnen", NodeKind::task, sp);
  t2.attrs.stelle = "Amtsleitung";
  b.add_node(t2);
  b.add_node(make("E", "", NodeKind::end_event));
  b.add_sequence_flow(flow("a"), "S", "SP");
  b.add_sequence_flow(flow("b"), "T1", "T2");
  b.add_sequence_flow(flow("c"), "SP", "E");
  engine::Diagnostics d;
  const engine::ProcessModel m = reimport(reports::write_bpmn(std::move(b).finish(d)));
  REQUIRE(m.lanes().size() == 3);  // ohne Stelle (S, E), Gewerbeamt, Amtsleitung
  const auto& outer = shape(m, "SP");
  for (const auto& lane : m.lanes()) {
    REQUIRE(lane.shape);
    CHECK(outer.y <= lane.shape->y);
    CHECK(outer.y + outer.height >= lane.shape->y + lane.shape->height);
  }
  for (const char* id : {"T1", "T2"}) {
    const auto n = *m.find_node(id);
    REQUIRE(m.node(n).lane != npos);
    const engine::Lane& lane = m.lanes()[m.node(n).lane];
    CHECK(lane.name == m.node(n).attrs.stelle);
    const auto& s = shape(m, id);
    CHECK(s.y >= lane.shape->y);
    CHECK(s.y + s.height <= lane.shape->y + lane.shape->height);
    CHECK(s.x >= outer.x);
    CHECK(s.x + s.width <= outer.x + outer.width);
  }
}
