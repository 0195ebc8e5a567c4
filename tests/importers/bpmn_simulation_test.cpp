// SPDX-License-Identifier: MIT
// Simulation and vendor parameters in BPMN: BIMP/QBP in both placements with BIMP's semantics (seconds,
// EXPONENTIAL mean in arg1 unless rawMean, GAMMA/LOGNORMAL variance), BPSim from the real jBPM files,
// ADONIS times, Camunda properties, and the Prozesslotse extension hook.
#include "tests/importers/bpmn_test_support.h"

#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace lotse;
using engine::DistKind;
using lotse::test::import_bpmn;
using lotse::test::messages;

namespace {

const std::string head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
    "xmlns:qbp=\"http://www.qbp-simulator.com/Schema201212\" id=\"D\">\n";

const std::string process_body =
    "    <bpmn:startEvent id=\"S\"/>\n"
    "    <bpmn:task id=\"T1\" name=\"Antrag prüfen\"/>\n"
    "    <bpmn:task id=\"T2\" name=\"Bescheid erstellen\"/>\n"
    "    <bpmn:endEvent id=\"E\"/>\n"
    "    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T1\"/>\n"
    "    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"T1\" targetRef=\"T2\"/>\n"
    "    <bpmn:sequenceFlow id=\"f3\" sourceRef=\"T2\" targetRef=\"E\"/>\n";

const engine::Node& node(const engine::ProcessModel& m, std::string_view id) {
  const auto n = m.find_node(id);
  REQUIRE(n);
  return m.node(*n);
}

} // namespace

TEST_CASE("QBP under definitions (BIMP): seconds, arg1 is the exponential mean, variance converted", "[importer][bpmn]") {
  const std::string text = head +
      "  <bpmn:process id=\"P\">\n" + process_body + "  </bpmn:process>\n"                     // lines 3-11
      "  <qbp:processSimulationInfo id=\"sim\" processId=\"P\" processInstances=\"1000\" "
      "startDateTime=\"2026-01-05T08:00:00.000Z\" currency=\"EUR\">\n"                           // 12
      "    <qbp:arrivalRateDistribution type=\"EXPONENTIAL\" mean=\"0\" arg1=\"600\" arg2=\"0\"/>\n"
      "    <qbp:timetables><qbp:timetable id=\"TT\" default=\"true\" name=\"9-17\"><qbp:rules>\n"
      "      <qbp:rule fromTime=\"09:00:00.000+00:00\" toTime=\"17:00:00.000+00:00\" fromWeekDay=\"MONDAY\" toWeekDay=\"FRIDAY\"/>\n"
      "    </qbp:rules></qbp:timetable></qbp:timetables>\n"
      "    <qbp:resources><qbp:resource id=\"R1\" name=\"Sachbearbeitung\" totalAmount=\"3\" costPerHour=\"55\" timetableId=\"TT\"/></qbp:resources>\n"
      "    <qbp:elements>\n"
      "      <qbp:element id=\"e1\" elementId=\"T1\" fixedCost=\"12.5\">\n"
      "        <qbp:durationDistribution type=\"GAMMA\" mean=\"600\" arg1=\"90000\" arg2=\"0\"/>\n"
      "        <qbp:resourceIds><qbp:resourceId>R1</qbp:resourceId></qbp:resourceIds>\n"
      "      </qbp:element>\n"
      "      <qbp:element id=\"e2\" elementId=\"T2\">\n"
      "        <qbp:durationDistribution type=\"EXPONENTIAL\" mean=\"300\" arg1=\"600\" arg2=\"0\"/>\n"  // line 24
      "      </qbp:element>\n"
      "    </qbp:elements>\n"
      "    <qbp:sequenceFlows><qbp:sequenceFlow elementId=\"f2\" executionProbability=\"0.8\"/></qbp:sequenceFlows>\n"
      "  </qbp:processSimulationInfo>\n"
      "</bpmn:definitions>\n";
  const auto r = import_bpmn(text);
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  const engine::SimulationSetup& sim = m.simulation();
  CHECK(sim.present);
  CHECK(sim.dialect == "qbp-bimp");
  CHECK(sim.instances == 1000);
  CHECK(sim.process_id == "P");
  REQUIRE(sim.arrival);
  CHECK(sim.arrival->value.kind == DistKind::exponential);
  CHECK(sim.arrival->value.p1 == 600);
  REQUIRE(sim.pools.size() == 1);
  CHECK(sim.pools[0].amount == 3);
  CHECK(sim.pools[0].cost == engine::HourlyRate{5500});
  REQUIRE(sim.timetables.size() == 1);
  REQUIRE(sim.timetables[0].rules.size() == 1);
  CHECK(sim.timetables[0].rules[0].to_weekday == 4);
  CHECK(sim.timetables[0].rules[0].from_time == engine::Duration{9 * 3600 * 1000});

  const engine::Node& t1 = node(m, "T1");
  REQUIRE(t1.attrs.duration);
  // GAMMA mean 600 s, variance 90000 s^2: shape k = 600^2/90000 = 4, scale = 90000/600 = 150 s.
  CHECK(t1.attrs.duration->value.kind == DistKind::gamma);
  CHECK(t1.attrs.duration->value.p1 == Approx(4.0));
  CHECK(t1.attrs.duration->value.p2 == Approx(150.0));
  CHECK(t1.attrs.duration->value.mean() == Approx(600.0));
  CHECK(t1.attrs.resources == std::vector<std::string>{"R1"});
  REQUIRE(t1.attrs.fixed_cost);
  CHECK(t1.attrs.fixed_cost->value.cents == 1250);
  CHECK_FALSE(t1.attrs.processing);  // a distribution is no explicit processing time
  const engine::Node& t2 = node(m, "T2");
  REQUIRE(t2.attrs.duration);
  CHECK(t2.attrs.duration->value.p1 == 600);  // BIMP reads arg1
  REQUIRE(m.flow(1).probability);
  CHECK(m.flow(1).probability->value.value == 0.8);
  CHECK(messages(r.diagnostics) ==
        std::vector<std::string>{"t.bpmn:24:9: warning [BPMN-020]: QBP distribution T2: mean=300 and arg1=600 are both "
                                 "positive and differ; using arg1 (BIMP)"});
}

TEST_CASE("QBP in process/extensionElements (Apromore): rawMean says mean is meant, NaN is reported", "[importer][bpmn]") {
  const std::string text = head +
      "  <bpmn:process id=\"P\">\n"                                                                 // 3
      "    <bpmn:extensionElements>\n"
      "      <qbp:processSimulationInfo id=\"sim\" processInstances=\"\" currency=\"EUR\" startDateTime=\"2022-12-14T09:00:00.000Z\">\n"
      "        <qbp:arrivalRateDistribution type=\"FIXED\" mean=\"NaN\" arg1=\"NaN\" arg2=\"NaN\"/>\n"  // 6
      "        <qbp:elements><qbp:element elementId=\"T1\">\n"
      "          <qbp:durationDistribution type=\"EXPONENTIAL\" mean=\"1800\" arg1=\"1200\" arg2=\"0\" rawMean=\"30\" rawArg1=\"20\">\n"  // 8
      "            <qbp:timeUnit>minutes</qbp:timeUnit>\n"
      "          </qbp:durationDistribution>\n"
      "        </qbp:element>\n"
      "        <qbp:element elementId=\"T2\"><qbp:durationDistribution type=\"LOGNORMAL\" mean=\"600\" arg1=\"3600\" arg2=\"0\"/></qbp:element>\n"
      "        <qbp:element elementId=\"Ghost\"/></qbp:elements>\n"                                    // 13
      "      </qbp:processSimulationInfo>\n"
      "    </bpmn:extensionElements>\n" + process_body +
      "  </bpmn:process>\n</bpmn:definitions>\n";
  const auto r = import_bpmn(text);
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  CHECK(m.simulation().dialect == "qbp-apromore");
  CHECK_FALSE(m.simulation().instances);
  CHECK_FALSE(m.simulation().arrival);
  REQUIRE(node(m, "T1").attrs.duration);
  CHECK(node(m, "T1").attrs.duration->value.p1 == 1800);
  const engine::Distribution& logn = node(m, "T2").attrs.duration->value;
  CHECK(logn.kind == DistKind::lognormal);
  CHECK(logn.p1 == 600);
  CHECK(logn.p2 == 60);  // standard deviation = sqrt(variance 3600)
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "t.bpmn:6:9: warning [BPMN-021]: QBP value 'arrivalRateDistribution/mean' is NaN (not filled in); ignored",
      "t.bpmn:6:9: warning [BPMN-021]: QBP value 'arrivalRateDistribution/arg1' is NaN (not filled in); ignored",
      "t.bpmn:6:9: warning [BPMN-021]: QBP value 'arrivalRateDistribution/arg2' is NaN (not filled in); ignored",
      "t.bpmn:8:11: warning [BPMN-020]: QBP distribution T1: mean=1800 and arg1=1200 are both positive and differ; using mean (rawMean)",
      "t.bpmn:13:9: warning [BPMN-023]: simulation parameters refer to unknown element 'Ghost'"});
}

TEST_CASE("QBP files from Simod read in both dialects", "[importer][bpmn][shared]") {
  const std::string shared = lotse::test::require_shared();
  if (shared.empty()) return;
  const std::string dir = shared + "/corpus/bpmn/simod/tests/assets/";
  const auto bimp = importers::import_file(dir + "PurchasingExampleQBP.bpmn");
  REQUIRE(bimp.model);
  const engine::SimulationSetup& s = bimp.model->simulation();
  CHECK(s.dialect == "qbp-bimp");
  CHECK(s.instances == 98);
  REQUIRE(s.arrival);
  // GAMMA mean 14829.6 s, variance 197142750.5 s^2.
  CHECK(s.arrival->value.kind == DistKind::gamma);
  CHECK(s.arrival->value.mean() == Approx(14829.6));
  CHECK(s.arrival->value.p1 == Approx(14829.6 * 14829.6 / 197142750.5));
  CHECK(s.pools.size() >= 2);
  const auto apromore = importers::import_file(dir + "LoanApp_simplified.bpmn");
  REQUIRE(apromore.model);
  CHECK(apromore.model->simulation().dialect == "qbp-apromore");
  REQUIRE(apromore.model->simulation().arrival);
  CHECK(apromore.model->simulation().arrival->value.p1 == 1800);  // FIXED 30 minutes, byTimetable
  const auto t = apromore.model->find_node("sid-9703AD2C-3219-4B4A-9A91-F4A81EF91130");
  REQUIRE(t);
  REQUIRE(apromore.model->node(*t).attrs.duration);
  CHECK(apromore.model->node(*t).attrs.duration->value.p1 == 1800);
}

TEST_CASE("BPSim 1.0 from the jBPM files: processing times in minutes, probabilities, lanes", "[importer][bpmn][shared]") {
  const std::string shared = lotse::test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(
      shared + "/corpus/bpmn/kie-wb-playground/itorders/src/main/resources/org/jbpm/demo/itorders/orderhardware.bpmn");
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  CHECK(m.simulation().present);
  CHECK(m.simulation().dialect == "bpsim-1.0");
  const auto task = m.find_node("_DA138C6C-B64D-4082-9613-ED33D42AC9DE");
  REQUIRE(task);
  REQUIRE(m.node(*task).attrs.duration);
  const engine::Distribution& d = m.node(*task).attrs.duration->value;
  CHECK(d.kind == DistKind::uniform);
  CHECK(d.p1 == 300);  // 5 min: no baseTimeUnit, BPSim's default unit is minutes
  CHECK(d.p2 == 600);
  CHECK_FALSE(m.node(*task).attrs.processing);
  CHECK(r.diagnostics.count(engine::Severity::error) == 0);
  // jBPM writes flow probabilities in percent: 100.0 means 1.
  const auto order = importers::import_file(
      shared + "/corpus/bpmn/kie-wb-playground/itorders/src/main/resources/org/jbpm/demo/itorders/place-order.bpmn");
  REQUIRE(order.model);
  int with_probability = 0;
  for (const auto& f : order.model->flows()) {
    if (!f.probability) continue;
    ++with_probability;
    CHECK(f.probability->value.value == 1.0);
  }
  CHECK(with_probability == 2);
  CHECK(messages(order.diagnostics).empty());  // data associations to process variables are no defect
}

TEST_CASE("BPSim 2.0 inline: baseTimeUnit, timeUnit override, inter-trigger timer, lane resources", "[importer][bpmn]") {
  const std::string text =
      "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpsim=\"http://www.bpsim.org/schemas/2.0\" id=\"D\">\n"
      "  <bpmn:process id=\"P\">\n"
      "    <bpmn:laneSet id=\"LS\"><bpmn:lane id=\"Lane_SB\" name=\"Sachbearbeitung\"/></bpmn:laneSet>\n"
      "    <bpmn:startEvent id=\"S\"/><bpmn:task id=\"T\"/><bpmn:sequenceFlow id=\"f\" sourceRef=\"S\" targetRef=\"T\"/>\n"
      "  </bpmn:process>\n"
      "  <bpmn:relationship id=\"R\" type=\"BPSimData\"><bpmn:extensionElements><bpsim:BPSimData>\n"
      "    <bpsim:Scenario id=\"default\"><bpsim:ScenarioParameters baseTimeUnit=\"hour\" baseCurrencyUnit=\"EUR\"/>\n"
      "      <bpsim:ElementParameters elementRef=\"S\"><bpsim:ControlParameters><bpsim:InterTriggerTimer>"
      "<bpsim:NegativeExponentialDistribution mean=\"30\" timeUnit=\"min\"/></bpsim:InterTriggerTimer></bpsim:ControlParameters></bpsim:ElementParameters>\n"
      "      <bpsim:ElementParameters elementRef=\"T\"><bpsim:TimeParameters><bpsim:ProcessingTime>"
      "<bpsim:TriangularDistribution min=\"0.25\" mode=\"0.5\" max=\"1\"/></bpsim:ProcessingTime></bpsim:TimeParameters></bpsim:ElementParameters>\n"
      "      <bpsim:ElementParameters elementRef=\"f\"><bpsim:ControlParameters><bpsim:Probability>"
      "<bpsim:FloatingParameter value=\"0.25\"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters>\n"
      "      <bpsim:ElementParameters elementRef=\"Lane_SB\"><bpsim:ResourceParameters><bpsim:Quantity>"
      "<bpsim:NumericParameter value=\"4\"/></bpsim:Quantity></bpsim:ResourceParameters><bpsim:CostParameters><bpsim:UnitCost>"
      "<bpsim:FloatingParameter value=\"48\"/></bpsim:UnitCost></bpsim:CostParameters></bpsim:ElementParameters>\n"
      "    </bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements></bpmn:relationship>\n"
      "</bpmn:definitions>\n";
  const auto r = import_bpmn(text);
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics).empty());
  const engine::ProcessModel& m = *r.model;
  CHECK(m.simulation().dialect == "bpsim-2.0");
  REQUIRE(m.simulation().arrival);
  CHECK(m.simulation().arrival->value.p1 == 1800);
  const engine::Distribution& tri = node(m, "T").attrs.duration->value;
  CHECK(tri.kind == DistKind::triangular);
  CHECK(tri.p1 == 900);
  CHECK(tri.p2 == 1800);
  CHECK(tri.p3 == 3600);
  REQUIRE(m.flow(0).probability);
  CHECK(m.flow(0).probability->value.value == 0.25);
  REQUIRE(m.simulation().pools.size() == 1);
  CHECK(m.simulation().pools[0].amount == 4);
  CHECK(m.simulation().pools[0].name == "Sachbearbeitung");
  CHECK(m.simulation().pools[0].cost == engine::HourlyRate{4800});
}

TEST_CASE("ADONIS times (milliseconds or YY:DDD:HH:MM:SS), costs, Camunda properties, lotse extension", "[importer][bpmn]") {
  const std::string text =
      "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:adonis=\"http://www.boc-group.com\""
      " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:lotse=\"https://prozesslotse.de/bpmn/1.0\" id=\"D\">\n"
      "  <process id=\"P\">\n"
      "    <task id=\"T\" name=\"Bescheid erstellen\"><extensionElements><adonis:instance>\n"
      "      <adonis:attribute name=\"A_EXECUTION_TIME\" type=\"UTC\"><adonis:value>1800000</adonis:value></adonis:attribute>\n"
      "      <adonis:attribute name=\"A_WAITING_TIME\" type=\"UTC\"><adonis:value>3600000</adonis:value></adonis:attribute>\n"
      "      <adonis:attribute name=\"A_RESTING_TIME\" type=\"UTC\"><adonis:value>00:000:00:10:00</adonis:value></adonis:attribute>\n"
      "      <adonis:attribute name=\"A_TRANSPORT_TIME\" type=\"UTC\"><adonis:value>0</adonis:value></adonis:attribute>\n"
      "      <adonis:attribute name=\"COSTS\" type=\"DOUBLE\"><adonis:value>12.5</adonis:value></adonis:attribute>\n"
      "    </adonis:instance></extensionElements></task>\n"
      "    <task id=\"C\"><extensionElements><camunda:properties><camunda:property name=\"Stelle\" value=\"SB Kasse\"/>"
      "</camunda:properties><lotse:attributes><lotse:attribute name=\"processing_minutes\" value=\"12\"/></lotse:attributes>"
      "</extensionElements></task>\n"
      "    <task id=\"Bad\"><extensionElements><adonis:instance><adonis:attribute name=\"A_EXECUTION_TIME\" type=\"UTC\">"
      "<adonis:value>bald</adonis:value></adonis:attribute></adonis:instance></extensionElements></task>\n"
      "  </process>\n</definitions>\n";
  const auto r = import_bpmn(text);
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  const engine::NodeAttributes& a = node(m, "T").attrs;
  REQUIRE(a.processing);
  CHECK(a.processing->value == engine::Duration{30 * 60 * 1000});
  CHECK(a.processing->at == engine::SourceLocation{4, 7});
  REQUIRE(a.waiting);
  CHECK(a.waiting->value == engine::Duration{70 * 60 * 1000});  // waiting + resting
  CHECK_FALSE(a.transport);  // ADONIS writes 0 for "not filled in"
  REQUIRE(a.fixed_cost);
  CHECK(a.fixed_cost->value.cents == 1250);
  const engine::NodeAttributes& c = node(m, "C").attrs;
  CHECK(c.properties == std::vector<std::pair<std::string, std::string>>{{"Stelle", "SB Kasse"}});
  REQUIRE(c.processing);
  CHECK(c.processing->value == engine::Duration{12 * 60 * 1000});
  CHECK(messages(r.diagnostics) ==
        std::vector<std::string>{"t.bpmn:11:56: warning [BPMN-030]: ADONIS time value 'bald' of 'A_EXECUTION_TIME' cannot be read; ignored"});
}

TEST_CASE("ADONIS exports from the corpus carry only unfilled zero times", "[importer][bpmn][shared]") {
  const std::string shared = lotse::test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(shared + "/corpus/bpmn/bpmn-miwg-test-suite/ADONIS 17.0/A.1.0-export.bpmn");
  REQUIRE(r.model);
  CHECK(r.model->node_count() > 0);
  for (const auto& n : r.model->nodes()) CHECK_FALSE(n.attrs.processing);
  CHECK(r.diagnostics.count(engine::Severity::error) == 0);
}
