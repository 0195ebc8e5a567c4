// SPDX-License-Identifier: MIT
// PICTURE-BPMN extension hooks on pugi nodes parsed with importers::parse_xml (element layout
// reconstructed from the platform documentation, docs/formats-picture-table.md), and the sample file.
#include "engine/model.h"
#include "importers/bpmn_hooks.h"
#include "importers/importer.h"
#include "importers/xml.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace {

using namespace lotse;

constexpr std::string_view kNs = "http://www.picture-gmbh.de/ppp/bpmn/extensions";

std::unique_ptr<importers::XmlDocument> parse(const std::string& body) {
  engine::Diagnostics diags;
  auto doc = importers::parse_xml(
      engine::SourceFile("t.bpmn", "<bpmn:extensionElements xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                                   "xmlns:picture=\"" + std::string(kNs) + "\">\n" + body + "</bpmn:extensionElements>\n"),
      diags);
  REQUIRE(doc);
  REQUIRE(diags.empty());
  return doc;
}

/// Applies every extension child to a node as the BPMN importer does.
engine::Node apply_all(const importers::XmlDocument& doc, engine::Diagnostics& diags) {
  engine::Node node;
  node.id = "Task_1";
  node.name = "Antrag prüfen";
  for (auto c : doc.doc.document_element().children()) {
    if (c.type() != pugi::node_element) continue;
    REQUIRE(importers::picture_bpmn::handles(kNs, c));
    importers::picture_bpmn::apply_node(c, doc, node, diags);
  }
  return node;
}

std::vector<std::string> messages(const engine::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(std::string(d.code()) + ": " + d.message(engine::Lang::de));
  return out;
}

} // namespace

TEST_CASE("PICTURE-BPMN elements are recognised by their namespace", "[picture_bpmn]") {
  auto doc = parse("<picture:buildingBlock type=\"Drucken\"/>\n");
  const auto el = doc->doc.document_element().first_child();
  CHECK(importers::picture_bpmn::handles(kNs, el));
  CHECK(importers::picture_bpmn::handles("http://www.picture-gmbh.de/prozessplattform/2009", el));
  CHECK_FALSE(importers::picture_bpmn::handles("http://camunda.org/schema/1.0/bpmn", el));
  CHECK_FALSE(importers::picture_bpmn::handles("https://prozesslotse.de/bpmn/1.0", el));
}

TEST_CASE("a typed task takes block type, times, channels, Stelle and Kostensatz by attribute name", "[picture_bpmn]") {
  auto doc = parse(
      "<picture:buildingBlock type=\"Formelle Pruefung\" typeID=\"picture.bb.std#FormellePruefung+01\"/>\n"
      "<picture:attributeValues>\n"
      "  <picture:timeValue attributeID=\"x#1\" dataType=\"time\" name=\"Bearbeitungszeit\" unit=\"Stunde(n)\"><picture:value>1,5</picture:value></picture:timeValue>\n"
      "  <picture:timeValue attributeID=\"x#2\" dataType=\"time\" name=\"Liegezeit\" unit=\"Tag(e)\"><picture:value>2</picture:value></picture:timeValue>\n"
      "  <picture:numberValue attributeID=\"x#3\" dataType=\"percent\" name=\"Wahrscheinlichkeit in %\"><picture:value>40</picture:value></picture:numberValue>\n"
      "  <picture:listValue attributeID=\"x#4\" dataType=\"percentList\" name=\"Eingangskanal in %\">\n"
      "    <picture:items><picture:item name=\"Post\"><picture:value>60</picture:value></picture:item>"
      "<picture:item name=\"E-Mail\"><picture:value>40</picture:value></picture:item></picture:items>\n"
      "  </picture:listValue>\n"
      "  <picture:numberValue attributeID=\"x#5\" dataType=\"percent\" name=\"(aus) Interne Hauspost\"><picture:value>100</picture:value></picture:numberValue>\n"
      "  <picture:textValue attributeID=\"x#6\" dataType=\"reference\" name=\"Stelle\"><picture:value>Steuersachbearbeitung</picture:value></picture:textValue>\n"
      "  <picture:numberValue attributeID=\"x#7\" dataType=\"currency\" name=\"Kostensatz\"><picture:value>42,20</picture:value></picture:numberValue>\n"
      "  <picture:listValue attributeID=\"x#8\" dataType=\"multiReference\" name=\"IT-Verfahren\">"
      "<picture:items><picture:item>OK.FIS</picture:item><picture:item>MS Word</picture:item></picture:items></picture:listValue>\n"
      "  <picture:selectionValue attributeID=\"x#9\" dataType=\"selection\" name=\"Formalisierungsgrad\"><picture:value>rechtsverbindliche Unterschrift erforderlich</picture:value></picture:selectionValue>\n"
      "  <picture:textValue attributeID=\"x#10\" dataType=\"text\" name=\"Anmerkungen\"><picture:value>Vier-Augen-Prinzip</picture:value></picture:textValue>\n"
      "</picture:attributeValues>\n");
  engine::Diagnostics diags;
  const engine::Node n = apply_all(*doc, diags);
  CHECK(diags.empty());
  const auto& a = n.attrs;
  CHECK(a.block == engine::BlockType::check_formally);
  CHECK(a.block_at.line == 2);
  REQUIRE(a.processing);
  CHECK(engine::to_minutes(a.processing->value) == 90.0);
  CHECK(a.processing->at.line == 4);
  REQUIRE(a.waiting);
  CHECK(engine::to_minutes(a.waiting->value) == 2 * 1440.0);  // Liegezeit in calendar days
  CHECK(a.occurrence->value == Approx(0.4));
  CHECK(a.inbound[engine::Channel::post] == Approx(0.6));
  CHECK(a.inbound[engine::Channel::email] == Approx(0.4));
  CHECK(a.outbound[engine::Channel::internal_mail] == Approx(1.0));
  CHECK(a.stelle == "Steuersachbearbeitung");
  CHECK(a.cost_rate->value.cents_per_hour == 4220);
  CHECK(a.it_systems == std::vector<std::string>{"OK.FIS", "MS Word"});
  CHECK(a.formalization == engine::Formalization::legally_binding_signature);
  CHECK(a.properties == std::vector<std::pair<std::string, std::string>>{{"Anmerkungen", "Vier-Augen-Prinzip"}});
}

TEST_CASE("bad PICTURE-BPMN values are reported with their line and ignored", "[picture_bpmn]") {
  auto doc = parse(
      "<picture:buildingBlock type=\"Hexerei\"/>\n"
      "<picture:timeValue attributeID=\"x#1\" dataType=\"time\" name=\"Bearbeitungszeit\"><picture:value>kurz</picture:value></picture:timeValue>\n"
      "<picture:numberValue attributeID=\"x#2\" dataType=\"number\" name=\"Rüstfaktor\"><picture:value>3</picture:value></picture:numberValue>\n"
      "<picture:diagramLink ref=\"Sub_1\"/>\n");
  engine::Diagnostics diags;
  const engine::Node n = apply_all(*doc, diags);
  CHECK(messages(diags) == std::vector<std::string>{
      "PIC-003: Unbekannter Bausteintyp 'Hexerei' bei Baustein 'Antrag prüfen'; er wird als einfache Aufgabe übernommen",
      "PIC-008: 'kurz' ist keine Zahl (Bearbeitungszeit); der Wert wird ignoriert",
      "PIC-015: PICTURE-Attribut 'Rüstfaktor' hat keine feste Bedeutung; es wird als freie Eigenschaft übernommen",
      "PIC-016: Unbekanntes PICTURE-Erweiterungselement 'picture:diagramLink'; es wird ignoriert"});
  CHECK(diags.items()[1].at.line == 3);
  CHECK(n.attrs.block == engine::BlockType::none);
  CHECK_FALSE(n.attrs.processing);
}

TEST_CASE("process values fill the fact sheet and branch probabilities the flow", "[picture_bpmn]") {
  auto doc = parse(
      "<picture:attributeValues>\n"
      "  <picture:numberValue attributeID=\"x#1\" dataType=\"number\" name=\"Fallzahl pro Jahr\"><picture:value>9.000</picture:value></picture:numberValue>\n"
      "  <picture:numberValue attributeID=\"x#2\" dataType=\"currency\" name=\"Gebühr\"><picture:value>30,70 €</picture:value></picture:numberValue>\n"
      "  <picture:listValue attributeID=\"x#3\" dataType=\"multiReference\" name=\"Rechtsgrundlagen\">"
      "<picture:items><picture:item>§ 45 StVO</picture:item><picture:item>GebOSt</picture:item></picture:items></picture:listValue>\n"
      "  <picture:timeValue attributeID=\"x#4\" dataType=\"time\" name=\"Durchschnittliche Durchlaufzeit\" unit=\"Tag(e)\"><picture:value>3</picture:value></picture:timeValue>\n"
      "</picture:attributeValues>\n"
      "<picture:numberValue attributeID=\"x#5\" dataType=\"percent\" name=\"Wahrscheinlichkeit in %\"><picture:value>70</picture:value></picture:numberValue>\n");
  engine::Diagnostics diags;
  engine::Process p;
  p.id = "Process_1";
  const auto root = doc->doc.document_element();
  importers::picture_bpmn::apply_process(root.first_child(), *doc, p, diags);
  CHECK(diags.empty());
  REQUIRE(p.facts.cases_per_year);
  CHECK(p.facts.cases_per_year->value.value == 9000);
  CHECK(p.facts.fee->value.cents == 3070);
  CHECK(p.facts.legal_basis == std::vector<std::string>{"§ 45 StVO", "GebOSt"});
  CHECK(engine::to_minutes(p.facts.lead_time->value) == 3 * 1440.0);

  engine::Flow f;
  f.id = "Flow_1";
  importers::picture_bpmn::apply_flow(root.last_child(), *doc, f, diags);
  REQUIRE(f.probability);
  CHECK(f.probability->value.value == Approx(0.7));
  CHECK(f.probability->at.line == 8);
}

TEST_CASE("the Bewohnerparkausweis PICTURE-BPMN sample reads through the BPMN importer", "[picture_bpmn]") {
  const auto r = importers::import_file(test::sample("bewohnerparkausweis.picture-bpmn.bpmn"));
  REQUIRE(r.model);
  CHECK_FALSE(r.diagnostics.has_errors());
  const auto& m = *r.model;
  REQUIRE(m.processes().size() == 1);
  REQUIRE(m.processes().front().facts.cases_per_year);
  CHECK(m.processes().front().facts.cases_per_year->value.value == 9000);
  CHECK(m.lanes().size() == 2);
  const auto erfassen = m.find_node("Task_Erfassen");
  REQUIRE(erfassen);
  const auto& a = m.node(*erfassen).attrs;
  CHECK(a.block == engine::BlockType::edv_input);
  CHECK(engine::to_minutes(a.processing->value) == 6.0);
  CHECK(a.data_source == "physikalische Dokumente");
  CHECK(a.cost_rate->value.cents_per_hour == 2550);
  std::size_t typed = 0;
  for (const auto& n : m.nodes()) typed += n.attrs.block != engine::BlockType::none ? 1 : 0;
  CHECK(typed == 11);
}

TEST_CASE("a channel list whose shares do not add up to 100 percent is a warning", "[picture_bpmn]") {
  auto doc = parse(
      "<picture:listValue attributeID=\"x#4\" dataType=\"percentList\" name=\"Ausgangskanal in %\">"
      "<picture:items><picture:item name=\"Post\"><picture:value>50</picture:value></picture:item>"
      "<picture:item name=\"Fax\"><picture:value>20</picture:value></picture:item></picture:items></picture:listValue>\n");
  engine::Diagnostics diags;
  const engine::Node n = apply_all(*doc, diags);
  CHECK(messages(diags) == std::vector<std::string>{
      "PIC-010: Die Anteile in 'Ausgangskanal in %' von Baustein 'Antrag prüfen' ergeben 70 % statt 100 %"});
  CHECK(n.attrs.outbound[engine::Channel::post] == Approx(0.5));
  CHECK(n.attrs.outbound[engine::Channel::fax] == Approx(0.2));
}
