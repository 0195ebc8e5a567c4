// SPDX-License-Identifier: MIT
// PICTURE legacy XML: the real 2010 export "Gewerbe anmelden" (structure, attributes, the 38.5 minutes
// per case PICTURE's Lastfaktor rule gives), and bad input with exact diagnostic texts.
#include "engine/model.h"
#include "importers/importer.h"
#include "importers/picture.h"
#include "importers/picture_graph.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace {

using namespace lotse;

std::string input(const std::string& name) { return test::source_dir() + "/tests/importers/inputs/picture/" + name; }

std::vector<std::string> messages(const engine::Diagnostics& diags, engine::Lang lang = engine::Lang::de) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(std::string(d.code()) + ": " + d.message(lang));
  return out;
}

const engine::Node& by_id(const engine::ProcessModel& m, std::string_view id) {
  const auto n = m.find_node(id);
  REQUIRE(n.has_value());
  return m.node(*n);
}

/// visits(b) = Σ_v P(v)·[b ∈ v] · P(b); minutes per case = Σ_b visits(b) · minutes(b), computed from the
/// model independently of picture_graph::expected_minutes.
double minutes_per_case(const engine::ProcessModel& m) {
  std::vector<double> visits(m.node_count(), 0.0);
  for (const auto& tp : m.picture_subprocesses()) {
    for (const auto& v : tp.variants) {
      for (const auto n : v.blocks) visits[n] += v.probability;
    }
  }
  double minutes = 0;
  for (std::size_t i = 0; i < m.node_count(); ++i) {
    const auto& a = m.node(static_cast<engine::NodeIndex>(i)).attrs;
    if (visits[i] == 0 || !a.processing) continue;
    minutes += visits[i] * (a.occurrence ? a.occurrence->value : 1.0) * engine::to_minutes(a.processing->value);
  }
  return minutes;
}

} // namespace

TEST_CASE("the real PICTURE export reads as one process with one Teilprozess and two variants", "[picture][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(shared + "/corpus/picture/oryx-editor/process1.xml");
  REQUIRE(r.model);
  CHECK_FALSE(r.diagnostics.has_errors());
  const engine::ProcessModel& m = *r.model;
  CHECK(m.format() == "picture");
  CHECK(m.name() == "Gewerbe anmelden");
  REQUIRE(m.processes().size() == 1);
  REQUIRE(m.facts().cases_per_year);
  CHECK(m.facts().cases_per_year->value.value == 1500);
  CHECK(m.facts().cases_per_year->at.line == 43);  // <numberOfCases> of the processModel
  REQUIRE(m.picture_subprocesses().size() == 1);
  const auto& tp = m.picture_subprocesses().front();
  CHECK(tp.name == "Gewerbe anmelden");
  REQUIRE(tp.cases_per_year);
  CHECK(tp.cases_per_year->value == 1500);
  CHECK(m.node(tp.node).kind == engine::NodeKind::sub_process);
  REQUIRE(tp.variants.size() == 2);
  CHECK(tp.variants[0].name == "Gewerbeanmeldung (bei persoenlicher Antragstellung)");
  CHECK(tp.variants[0].probability == Approx(0.8));
  CHECK(tp.variants[0].blocks.size() == 14);
  CHECK(tp.variants[1].probability == Approx(0.2));
  CHECK(tp.variants[1].blocks.size() == 13);
}

TEST_CASE("blocks shared by both variants are single nodes and the split sits where the variants diverge", "[picture][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(shared + "/corpus/picture/oryx-editor/process1.xml");
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  const auto& v = m.picture_subprocesses().front().variants;
  for (std::size_t i = 0; i < 7; ++i) CHECK(v[0].blocks[i] == v[1].blocks[i]);       // blocks 1-7
  for (std::size_t i = 1; i <= 4; ++i) CHECK(v[0].blocks[14 - i] == v[1].blocks[13 - i]);  // blocks 11-14
  CHECK(m.node(v[0].blocks[7]).id == "block-8");
  CHECK(m.node(v[1].blocks[7]).id == "block-17");
  // 14 + 2 variant-only blocks ... = 16 distinct blocks; plus sub-process, 2x start/end, split, join.
  std::size_t tasks = 0;
  for (const auto& n : m.nodes()) tasks += n.kind == engine::NodeKind::task ? 1 : 0;
  CHECK(tasks == 16);
  const auto& split = by_id(m, "subprocess-2-split");
  CHECK(split.kind == engine::NodeKind::exclusive_gateway);
  const auto split_index = *m.find_node("subprocess-2-split");
  REQUIRE(m.out_flows(split_index).size() == 2);
  std::vector<double> probs;
  for (const auto f : m.out_flows(split_index)) {
    REQUIRE(m.flow(f).probability);
    probs.push_back(m.flow(f).probability->value.value);
  }
  CHECK(probs == std::vector<double>{0.8, 0.2});
  CHECK(m.in_flows(*m.find_node("subprocess-2-join")).size() == 2);
  CHECK(m.node(*m.find_node("block-1")).parent == m.picture_subprocesses().front().node);
}

TEST_CASE("the model gives PICTURE's 38.5 minutes per case, 962.5 hours and 0.6016 VZAE a year", "[picture][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(shared + "/corpus/picture/oryx-editor/process1.xml");
  REQUIRE(r.model);
  const double minutes = minutes_per_case(*r.model);
  CHECK(minutes == Approx(38.5).epsilon(1e-12));
  CHECK(importers::picture_graph::expected_minutes(*r.model, r.model->picture_subprocesses().front()) == Approx(38.5));
  const double hours = minutes * 1500 / 60;
  CHECK(hours == Approx(962.5));
  CHECK(hours / 1600 == Approx(0.6016).margin(0.00005));
}

TEST_CASE("block attributes are mapped by name from the method definition", "[picture][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(shared + "/corpus/picture/oryx-editor/process1.xml");
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;

  const auto& beratung = by_id(m, "block-1");
  CHECK(beratung.attrs.block == engine::BlockType::consulting);
  CHECK(beratung.origin.line == 251);
  REQUIRE(beratung.attrs.occurrence);
  CHECK(beratung.attrs.occurrence->value == Approx(0.33));
  CHECK(beratung.attrs.occurrence->at.line == 254);
  REQUIRE(beratung.attrs.processing);
  CHECK(engine::to_minutes(beratung.attrs.processing->value) == 10.0);
  CHECK(beratung.attrs.processing->at.line == 255);

  const auto& antrag = by_id(m, "block-2");
  CHECK(antrag.attrs.block == engine::BlockType::incoming_document);
  CHECK(antrag.attrs.stelle == "Gewerbeangelegenheiten");
  CHECK(antrag.attrs.org_unit == "32 Ordnungsamt");
  CHECK_FALSE(antrag.attrs.cost_rate);  // payment 0.0 = not maintained
  CHECK(antrag.attrs.formalization == engine::Formalization::form_bound);
  REQUIRE(antrag.attrs.inbound.present);
  CHECK(antrag.attrs.inbound[engine::Channel::personal_oral] == Approx(0.9));
  CHECK(antrag.attrs.inbound[engine::Channel::personal_documents] == Approx(0.1));
  CHECK(std::count(antrag.attrs.documents.begin(), antrag.attrs.documents.end(), "Personalausweis") == 1);

  CHECK(by_id(m, "block-5").attrs.block == engine::BlockType::edv_input);
  CHECK(by_id(m, "block-5").attrs.it_systems == std::vector<std::string>{"Migewa"});
  CHECK(by_id(m, "block-7").attrs.block == engine::BlockType::print);
  CHECK(by_id(m, "block-7").attrs.pages == 2);
  const auto& warten = by_id(m, "block-8");
  CHECK(warten.attrs.block == engine::BlockType::pause_editing);
  REQUIRE(warten.attrs.waiting);
  CHECK(engine::to_minutes(warten.attrs.waiting->value) == 5.0);
  const auto& versand = by_id(m, "block-13");
  CHECK(versand.attrs.outbound[engine::Channel::internal_mail] == Approx(1.0));
  CHECK(by_id(m, "block-14").attrs.outbound[engine::Channel::electronic_interface] == Approx(1.0));
  CHECK(by_id(m, "block-17").attrs.it_systems == std::vector<std::string>{"MS Word"});
}

TEST_CASE("the process Steckbrief keeps entered times apart from computed ones", "[picture][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(shared + "/corpus/picture/oryx-editor/process1.xml");
  REQUIRE(r.model);
  const engine::FactSheet& f = r.model->processes().front().facts;
  REQUIRE(f.processing_time);
  CHECK(engine::to_minutes(f.processing_time->value) == 15.0);
  REQUIRE(f.lead_time);
  CHECK(engine::to_minutes(f.lead_time->value) == 15.0);
  CHECK(std::count(f.legal_basis.begin(), f.legal_basis.end(), "§ 14 GewO") == 1);
  CHECK(std::count(f.legal_basis.begin(), f.legal_basis.end(), "GewO") == 1);
  CHECK(f.org_unit == "10 Organisations- und Personalamt");
  CHECK(f.status == "freigegeben");
  CHECK(r.model->facts().cases_per_year->value.value == 1500);
}

TEST_CASE("unknown block types are warnings and the blocks stay plain tasks", "[picture]") {
  const auto r = importers::import_file(input("two-variants.xml"));
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "PIC-003: Unbekannter Bausteintyp 'Teleportieren' bei Baustein 'Hundemarke teleportieren'; er wird als einfache Aufgabe übernommen",
      "PIC-004: Bausteintyp-ID '77' von Baustein 'Bescheid erstellen' fehlt in der Methodendefinition; er wird als einfache Aufgabe übernommen",
      "PIC-007: Die Anteile der Varianten von Teilprozess 'Anmeldung bearbeiten' ergeben 90 % statt 100 %"});
  CHECK(r.diagnostics.items()[0].severity == engine::Severity::warning);
  CHECK(r.diagnostics.items()[0].at.line == 49);
  CHECK(r.diagnostics.items()[2].severity == engine::Severity::error);
  const auto& m = *r.model;
  const auto& tele = by_id(m, "block-102");
  CHECK(tele.kind == engine::NodeKind::task);
  CHECK(tele.attrs.block == engine::BlockType::none);
  CHECK(by_id(m, "block-101").attrs.cost_rate->value.cents_per_hour == 4220);
  CHECK(m.processes().front().facts.fee->value.cents == 1250);
  // 0.7 * (2 + 0.5*4 + 10) + 0.2 * (2 + 10): the missing 10 % are not invented.
  CHECK(minutes_per_case(m) == Approx(12.2));
}

TEST_CASE("a variant that skips the diverging part goes straight from split to join with its share", "[picture]") {
  const auto r = importers::import_file(input("two-variants.xml"));
  REQUIRE(r.model);
  const auto& m = *r.model;
  const auto split = *m.find_node("subprocess-20-split");
  const auto join = *m.find_node("subprocess-20-join");
  bool direct = false;
  for (const auto f : m.out_flows(split)) {
    if (m.flow(f).target == join) direct = m.flow(f).probability && m.flow(f).probability->value.value == Approx(0.2);
  }
  CHECK(direct);
}

TEST_CASE("variants that order shared blocks differently get one node per variant and a note", "[picture]") {
  const auto r = importers::import_file(input("order-conflict.xml"));
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "PIC-009: Baustein 'Drucken' steht in den Varianten von Teilprozess 'Teil' an verschiedenen Stellen; jede Variante erhält einen eigenen Knoten",
      "PIC-009: Baustein 'Versenden' steht in den Varianten von Teilprozess 'Teil' an verschiedenen Stellen; jede Variante erhält einen eigenen Knoten"});
  const auto& m = *r.model;
  CHECK(m.find_node("block-2-v1"));
  CHECK(m.find_node("block-2-v2"));
  CHECK(m.find_node("block-3-v1"));
  CHECK(m.find_node("block-3-v2"));
  CHECK(minutes_per_case(m) == Approx(6.0));  // every case still does 3 + 1 + 2 minutes
}

TEST_CASE("a truncated PICTURE export is an XML syntax error with line and column", "[picture]") {
  const auto r = importers::import_file(input("truncated.xml"));
  CHECK_FALSE(r.model);
  REQUIRE(r.diagnostics.size() == 1);
  const auto& d = r.diagnostics.items().front();
  CHECK(engine::format_diagnostic(d, engine::Lang::de) ==
        input("truncated.xml") + ":230:66: Fehler [IN-004]: XML-Syntaxfehler: Start-end tags mismatch");
}

TEST_CASE("PICTURE sniffing claims pictureExport files only", "[picture]") {
  CHECK(importers::picture::sniff(
      R"(<?xml version="1.0"?><ns2:pictureExport xmlns:ns2="http://www.picture-gmbh.de/prozessplattform/2009">)", "a.xml"));
  CHECK_FALSE(importers::picture::sniff(R"(<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">)", "a.xml"));
}

TEST_CASE("a pictureExport root in another document is refused with PIC-001", "[picture]") {
  engine::SourceFile src("x.xml", R"(<?xml version="1.0"?><export xmlns="http://www.picture-gmbh.de/prozessplattform/2009"/>)");
  const auto r = importers::picture::read(src);
  CHECK_FALSE(r.model);
  CHECK(messages(r.diagnostics, engine::Lang::en) ==
        std::vector<std::string>{"PIC-001: not a PICTURE export: root element is 'export' instead of 'pictureExport'"});
}

TEST_CASE("the rebuilt sample with other type and attribute ids maps by name to the same model", "[picture]") {
  const auto r = importers::import_file(test::sample("gewerbe-anmelden.picture.xml"));
  REQUIRE(r.model);
  CHECK(r.diagnostics.empty());
  const auto& m = *r.model;
  CHECK(minutes_per_case(m) == Approx(38.5));
  const auto& copy = by_id(m, "block-4");
  CHECK(copy.attrs.block == engine::BlockType::copy);
  CHECK(copy.name == "Passeintrag kopieren (bei Nicht-EU-Ausländern)");
  CHECK(by_id(m, "block-3").attrs.block == engine::BlockType::check_formally);
  const auto& druck = by_id(m, "block-7");
  CHECK(druck.attrs.copies == 2);
  REQUIRE(druck.attrs.cost_rate);
  CHECK(druck.attrs.cost_rate->value.cents_per_hour == 4220);
  CHECK(by_id(m, "block-5").attrs.data_source == "physikalische Dokumente");
  CHECK(m.processes().front().facts.fee->value.cents == 3000);
  CHECK(m.node(m.picture_subprocesses().front().node).attrs.it_systems == std::vector<std::string>{"Migewa"});
}
