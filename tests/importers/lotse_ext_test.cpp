// SPDX-License-Identifier: MIT
// The lotse: BPMN extension (docs/lotse-bpmn-extension.md) read through the BPMN importer: every typed
// attribute on nodes, flows, processes and lanes, and the diagnostics for bad numbers and unknown names.
#include "importers/bpmn.h"
#include "importers/bpmn_hooks.h"

#include <catch2/catch.hpp>

using namespace lotse;

namespace {

// Line numbers matter: the attribute of interest in each test sits on a known line.
const std::string head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             // 1
    "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
    "xmlns:lotse=\"https://prozesslotse.de/bpmn/1.0\" id=\"D\" targetNamespace=\"t\">\n"       // 2
    "  <bpmn:process id=\"P\" name=\"Hundesteuer\">\n";                                          // 3

std::string with_task_attributes(const std::string& attributes) {
  return head +
         "    <bpmn:task id=\"T\" name=\"Antrag erfassen\">\n"                                    // 4
         "      <bpmn:extensionElements>\n"                                                       // 5
         "        <lotse:attributes>\n" +                                                         // 6
         attributes +                                                                             // 7...
         "        </lotse:attributes>\n"
         "      </bpmn:extensionElements>\n"
         "    </bpmn:task>\n"
         "  </bpmn:process>\n"
         "</bpmn:definitions>\n";
}

std::string attribute(const std::string& name, const std::string& value) {
  return "          <lotse:attribute name=\"" + name + "\" value=\"" + value + "\" />\n";
}

importers::ImportResult read(const std::string& text) {
  return importers::bpmn::read(engine::SourceFile("ext.bpmn", text));
}

const engine::Node& task(const importers::ImportResult& r) {
  REQUIRE(r.model);
  const auto t = r.model->find_node("T");
  REQUIRE(t);
  return r.model->node(*t);
}

} // namespace

TEST_CASE("lotse: handles only its own namespace", "[lotse_ext][unit]") {
  pugi::xml_document doc;
  doc.load_string("<lotse:attributes />");
  CHECK(importers::lotse_ext::handles("https://prozesslotse.de/bpmn/1.0", doc.first_child()));
  CHECK_FALSE(importers::lotse_ext::handles("http://camunda.org/schema/1.0/bpmn", doc.first_child()));
}

TEST_CASE("lotse: node attributes become typed values", "[lotse_ext][unit]") {
  const auto r = read(with_task_attributes(
      attribute("processing_minutes", "12.5") + attribute("waiting_minutes", "1440") + attribute("transport_minutes", "30") +
      attribute("occurrence", "0.33") + attribute("block", "edvinput") + attribute("stelle", "Steueramt") +
      attribute("stelle_share", "50") + attribute("org_unit", "Kämmerei") + attribute("cost_rate_eur_per_hour", "25.5") +
      attribute("fixed_cost_eur", "1.45") + attribute("inbound.post", "60") + attribute("inbound.email", "40") +
      attribute("outbound.post", "100") + attribute("formalization", "form_bound") + attribute("pages", "2") +
      attribute("copies", "1") + attribute("it_system", "OK.FIS") + attribute("it_system", "Word") +
      attribute("document", "Anmeldeformular") + attribute("legal_basis", "§ 7 SächsKAG") +
      attribute("data_source", "paper") + attribute("rag_type", "3") + attribute("rag_name", "Formell prüfen") +
      attribute("property.Bemerkung", "nur vormittags")));
  const engine::Node& n = task(r);
  CHECK(r.diagnostics.empty());
  const auto& a = n.attrs;
  REQUIRE(a.processing);
  CHECK(a.processing->value == engine::Duration{750000});
  CHECK(a.processing->at.line == 7);
  CHECK(a.waiting->value == std::chrono::hours(24));
  CHECK(a.transport->value == std::chrono::minutes(30));
  CHECK(a.occurrence->value == Approx(0.33));
  CHECK(a.block == engine::BlockType::edv_input);
  CHECK(a.stelle == "Steueramt");
  CHECK(a.stelle_share == Approx(0.5));
  CHECK(a.org_unit == "Kämmerei");
  CHECK(a.cost_rate->value.cents_per_hour == 2550);
  CHECK(a.fixed_cost->value.cents == 145);
  CHECK(a.inbound.present);
  CHECK(a.inbound[engine::Channel::post] == Approx(0.6));
  CHECK(a.inbound[engine::Channel::email] == Approx(0.4));
  CHECK(a.outbound[engine::Channel::post] == Approx(1.0));
  CHECK(a.formalization == engine::Formalization::form_bound);
  CHECK(a.pages == 2);
  CHECK(a.copies == 1);
  CHECK(a.it_systems == std::vector<std::string>{"OK.FIS", "Word"});
  CHECK(a.documents == std::vector<std::string>{"Anmeldeformular"});
  CHECK(a.legal_basis == std::vector<std::string>{"§ 7 SächsKAG"});
  CHECK(a.data_source == "physikalische Dokumente");
  CHECK(a.rag_type == 3);
  CHECK(a.rag_name == "Formell prüfen");
  CHECK(a.properties == std::vector<std::pair<std::string, std::string>>{{"Bemerkung", "nur vormittags"}});
}

TEST_CASE("lotse: a decimal comma is a bad number reported at its line", "[lotse_ext][unit]") {
  const auto r = read(with_task_attributes(attribute("processing_minutes", "12") + attribute("waiting_minutes", "2,5")));
  const engine::Node& n = task(r);
  CHECK(n.attrs.processing);
  CHECK_FALSE(n.attrs.waiting);
  REQUIRE(r.diagnostics.size() == 1);
  const auto& d = r.diagnostics.items()[0];
  CHECK(d.code() == "LEX-002");
  CHECK(d.file == "ext.bpmn");
  CHECK(d.at.line == 8);
  CHECK(d.element_id == "T");
  CHECK(d.message(engine::Lang::de) == "lotse:-Attribut 'waiting_minutes': '2,5' ist keine Zahl (Dezimalpunkt verwenden)");
}

TEST_CASE("lotse: out-of-range and unknown enumeration values are errors", "[lotse_ext][unit]") {
  const auto r = read(with_task_attributes(attribute("inbound.post", "120") + attribute("formalization", "streng") +
                                           attribute("inbound.brieftaube", "5") + attribute("processing_minutes", "-3")));
  const engine::Node& n = task(r);
  CHECK_FALSE(n.attrs.inbound.present);
  CHECK(n.attrs.formalization == engine::Formalization::unknown);
  REQUIRE(r.diagnostics.size() == 4);
  CHECK(r.diagnostics.items()[0].message(engine::Lang::en) == "lotse: attribute 'inbound.post': value 120 is outside [0, 100]");
  CHECK(r.diagnostics.items()[1].message(engine::Lang::en) ==
        "lotse: attribute 'formalization': unknown value 'streng' (allowed: informal, form_bound, legally_binding_signature)");
  CHECK(r.diagnostics.items()[2].code() == "LEX-004");
  CHECK(r.diagnostics.items()[3].code() == "LEX-003");
  CHECK(r.diagnostics.items()[3].at.line == 10);
}

TEST_CASE("lotse: unknown names warn and are kept as free properties", "[lotse_ext][unit]") {
  const auto r = read(with_task_attributes(attribute("bearbeiter", "Frau M.")));
  const engine::Node& n = task(r);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.items()[0].severity == engine::Severity::warning);
  CHECK(r.diagnostics.items()[0].message(engine::Lang::de) ==
        "Unbekanntes lotse:-Attribut 'bearbeiter'; als freie Eigenschaft übernommen");
  CHECK(n.attrs.properties == std::vector<std::pair<std::string, std::string>>{{"bearbeiter", "Frau M."}});
}

TEST_CASE("lotse: flow probability, process fact sheet and lane Stelle", "[lotse_ext][unit]") {
  const std::string text = head +
      "    <bpmn:extensionElements><lotse:attributes>\n"                                          // 4
      "      <lotse:attribute name=\"cases_per_year\" value=\"187\" />\n"                         // 5
      "      <lotse:attribute name=\"fee_eur\" value=\"12.5\" />\n"
      "      <lotse:attribute name=\"processing_time_minutes\" value=\"45\" />\n"
      "      <lotse:attribute name=\"lead_time_minutes\" value=\"7200\" />\n"
      "      <lotse:attribute name=\"legal_basis\" value=\"Hundesteuersatzung\" />\n"
      "      <lotse:attribute name=\"leika_id\" value=\"99123000000000\" />\n"
      "      <lotse:attribute name=\"org_unit\" value=\"Steueramt\" />\n"
      "    </lotse:attributes></bpmn:extensionElements>\n"
      "    <bpmn:laneSet id=\"LS\">\n"
      "      <bpmn:lane id=\"L1\" name=\"Sachbearbeitung\">\n"
      "        <bpmn:extensionElements><lotse:attributes>\n"
      "          <lotse:attribute name=\"stelle\" value=\"Steuersachbearbeitung\" />\n"
      "          <lotse:attribute name=\"cost_rate_eur_per_hour\" value=\"25.5\" />\n"
      "        </lotse:attributes></bpmn:extensionElements>\n"
      "        <bpmn:flowNodeRef>G</bpmn:flowNodeRef>\n"
      "      </bpmn:lane>\n"
      "    </bpmn:laneSet>\n"
      "    <bpmn:exclusiveGateway id=\"G\" />\n"
      "    <bpmn:endEvent id=\"E1\" />\n"
      "    <bpmn:endEvent id=\"E2\" />\n"
      "    <bpmn:sequenceFlow id=\"F1\" sourceRef=\"G\" targetRef=\"E1\">\n"
      "      <bpmn:extensionElements><lotse:attributes><lotse:attribute name=\"probability\" value=\"0.8\" /></lotse:attributes></bpmn:extensionElements>\n"
      "    </bpmn:sequenceFlow>\n"
      "    <bpmn:sequenceFlow id=\"F2\" sourceRef=\"G\" targetRef=\"E2\">\n"
      "      <bpmn:extensionElements><lotse:attributes><lotse:attribute name=\"probability\" value=\"1.2\" /></lotse:attributes></bpmn:extensionElements>\n"
      "    </bpmn:sequenceFlow>\n"
      "  </bpmn:process>\n"
      "</bpmn:definitions>\n";
  const auto r = read(text);
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  const engine::FactSheet& f = m.processes().at(0).facts;
  CHECK(f.cases_per_year->value.value == 187);
  CHECK(f.cases_per_year->at.line == 5);
  CHECK(f.fee->value.cents == 1250);
  CHECK(f.processing_time->value == std::chrono::minutes(45));
  CHECK(f.lead_time->value == std::chrono::hours(120));
  CHECK(f.legal_basis == std::vector<std::string>{"Hundesteuersatzung"});
  CHECK(f.leika_id == "99123000000000");
  CHECK(f.org_unit == "Steueramt");
  REQUIRE(m.lanes().size() == 1);
  CHECK(m.lanes()[0].stelle == "Steuersachbearbeitung");
  CHECK(m.lanes()[0].cost_rate->value.cents_per_hour == 2550);
  REQUIRE(m.flows().size() == 2);
  CHECK(m.flows()[0].probability->value.value == Approx(0.8));
  CHECK_FALSE(m.flows()[1].probability);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.items()[0].code() == "LEX-003");
  CHECK(r.diagnostics.items()[0].at.line == 29);
}
