// SPDX-License-Identifier: MIT
// Realistic small models for the media-break and suggestion tests: a Hundesteuer-Anmeldung as many
// small towns run it today (paper form by post or at the counter, typed into the finance system,
// printed notice by post, cash at the Stadtkasse, paper file) and the same process digitised.
#pragma once

#include "engine/model_builder.h"

#include <string>
#include <utility>
#include <vector>

namespace lotse::test {

/// Builds linear processes of named, attributed nodes with one call per node.
class ChainBuilder {
public:
  explicit ChainBuilder(std::string path) : b_(std::move(path), "bpmn") {}
  engine::ModelBuilder& builder() { return b_; }

  engine::ProcessIndex process(std::string id, std::string name, double cases) {
    engine::Process p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.facts.cases_per_year = engine::Located<engine::CasesPerYear>{{cases}, {2, 3}};
    p.origin = {2, 3};
    process_ = b_.add_process(std::move(p));
    previous_ = engine::npos;
    return process_;
  }

  /// Adds a node; `minutes` > 0 sets Bearbeitungszeit; links it after the previous node if `link`.
  engine::NodeIndex node(std::string id, engine::NodeKind kind, std::string name, double minutes = 0,
                         bool link = true) {
    engine::Node n;
    n.id = id;
    n.name = std::move(name);
    n.kind = kind;
    n.process = process_;
    n.origin = {line_, 5};
    line_ += 4;
    if (minutes > 0) n.attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(minutes), n.origin};
    const auto idx = b_.add_node(std::move(n));
    if (link && previous_ != engine::npos) {
      engine::Flow f;
      f.id = "f_" + id;
      f.origin = {line_++, 5};
      b_.add_flow_between(std::move(f), previous_, idx);
    }
    previous_ = idx;
    return idx;
  }
  engine::Node& at(engine::NodeIndex n) { return b_.node(n); }

  engine::DataIndex data(std::string id, std::string name, engine::DataKind kind, std::string state = "") {
    engine::DataElement d;
    d.id = std::move(id);
    d.name = std::move(name);
    d.kind = kind;
    d.state = std::move(state);
    d.process = process_;
    d.origin = {line_++, 5};
    return b_.add_data(std::move(d));
  }
  void lane(std::string id, std::string name, std::vector<std::string> node_ids) {
    engine::Lane l;
    l.id = std::move(id);
    l.name = std::move(name);
    l.process = process_;
    l.origin = {line_++, 3};
    std::vector<std::pair<std::string, engine::SourceLocation>> refs;
    for (auto& n : node_ids) refs.emplace_back(std::move(n), engine::SourceLocation{line_, 7});
    b_.add_lane(std::move(l), std::move(refs));
  }

  engine::ProcessModel finish() && {
    engine::Diagnostics d;
    return std::move(b_).finish(d);
  }

private:
  engine::ModelBuilder b_;
  engine::ProcessIndex process_ = engine::npos;
  engine::NodeIndex previous_ = engine::npos;
  std::uint32_t line_ = 10;
};

inline engine::ChannelMix mix(std::vector<std::pair<engine::Channel, double>> shares) {
  engine::ChannelMix m;
  m.present = true;
  for (const auto& [c, v] : shares) m[c] = v;
  return m;
}

/// Hundesteuer-Anmeldung, paper-based: 600 cases a year (illustrative figures).
inline engine::ProcessModel hundesteuer_paper() {
  using engine::NodeKind;
  ChainBuilder c("hundesteuer_papier.bpmn");
  c.process("P_Hundesteuer", "Hundesteuer-Anmeldung", 600);
  const auto start = c.node("S", NodeKind::start_event, "Anmeldung eingegangen");
  c.at(start).triggers = {engine::EventTrigger::message};
  const auto in = c.node("T_Eingang", NodeKind::task, "Anmeldung entgegennehmen", 3);
  c.at(in).attrs.block = engine::BlockType::incoming_document;
  c.at(in).attrs.inbound = mix({{engine::Channel::post, 0.6}, {engine::Channel::personal_documents, 0.3},
                                {engine::Channel::email, 0.1}});
  c.at(in).attrs.documents = {"Hundesteueranmeldung"};
  const auto edv = c.node("T_Erfassen", NodeKind::user_task, "Anmeldung im Fachverfahren erfassen", 8);
  c.at(edv).attrs.block = engine::BlockType::edv_input;
  c.at(edv).attrs.it_systems = {"OK.FIS"};
  c.at(edv).attrs.data_source = "physikalische Dokumente";
  const auto bescheid = c.node("T_Bescheid", NodeKind::user_task, "Steuerbescheid erstellen", 10);
  c.at(bescheid).attrs.block = engine::BlockType::create_document;
  c.at(bescheid).attrs.it_systems = {"OK.FIS"};
  const auto druck = c.node("T_Druck", NodeKind::task, "Bescheid drucken", 2);
  c.at(druck).attrs.block = engine::BlockType::print;
  c.at(druck).attrs.documents = {"Steuerbescheid"};
  c.at(druck).attrs.pages = 2;
  const auto versand = c.node("T_Versand", NodeKind::send_task, "Bescheid per Post versenden", 3);
  c.at(versand).attrs.block = engine::BlockType::outgoing_document;
  c.at(versand).attrs.outbound = mix({{engine::Channel::post, 1.0}});
  const auto kasse = c.node("T_Kasse", NodeKind::task, "Hundesteuer kassieren", 5);
  c.at(kasse).attrs.block = engine::BlockType::collect_money;
  c.at(kasse).attrs.properties = {{"Bezahlungsart", "bar"}};
  const auto akte = c.node("T_Akte", NodeKind::task, "Vorgang in Papierakte ablegen", 2);
  c.at(akte).attrs.block = engine::BlockType::archive_document;
  c.node("E", NodeKind::end_event, "Hund angemeldet");
  c.lane("L_Steuer", "Steueramt", {"S", "T_Eingang", "T_Erfassen", "T_Bescheid", "T_Druck", "T_Versand", "T_Akte", "E"});
  c.lane("L_Kasse", "Stadtkasse", {"T_Kasse"});
  engine::Participant halter;
  halter.id = "Pool_Halter";
  halter.name = "Hundehalter";
  c.builder().add_participant(std::move(halter), "");
  engine::MessageFlow mf;
  mf.id = "MF_Anmeldung";
  mf.name = "Anmeldung per Post";
  mf.source_ref = "Pool_Halter";
  mf.target_ref = "S";
  mf.origin = {200, 5};
  c.builder().add_message_flow(std::move(mf));
  return std::move(c).finish();
}

/// The same Hundesteuer-Anmeldung digitised: Amt24 online form with XML hand-over, electronic notice to
/// the Servicekonto mailbox, ePayBL, e-file in eVA.SAX.
inline engine::ProcessModel hundesteuer_digital() {
  using engine::NodeKind;
  ChainBuilder c("hundesteuer_digital.bpmn");
  c.process("P_Hundesteuer", "Hundesteuer-Anmeldung (digital)", 600);
  const auto start = c.node("S", NodeKind::start_event, "Online-Anmeldung über Amt24 eingegangen");
  c.at(start).triggers = {engine::EventTrigger::message};
  const auto in = c.node("T_Eingang", NodeKind::service_task, "Anmeldung entgegennehmen", 1);
  c.at(in).attrs.block = engine::BlockType::incoming_document;
  c.at(in).attrs.inbound = mix({{engine::Channel::electronic_interface, 1.0}});
  c.node("T_Import", NodeKind::service_task, "Antragsdaten per XML-Schnittstelle in OK.FIS übernehmen");
  const auto bescheid = c.node("T_Bescheid", NodeKind::user_task, "Steuerbescheid erstellen", 10);
  c.at(bescheid).attrs.it_systems = {"OK.FIS"};
  const auto sig = c.node("T_Signatur", NodeKind::user_task, "Bescheid elektronisch signieren", 1);
  (void)sig;
  const auto versand = c.node("T_Versand", NodeKind::send_task, "Bescheid an das Servicekonto-Postfach senden", 1);
  c.at(versand).attrs.block = engine::BlockType::outgoing_document;
  c.at(versand).attrs.outbound = mix({{engine::Channel::electronic_interface, 1.0}});
  const auto zahlung = c.node("T_Zahlung", NodeKind::service_task, "Zahlung über ePayBL abgleichen", 1);
  c.at(zahlung).attrs.block = engine::BlockType::collect_money;
  c.at(zahlung).attrs.it_systems = {"ePayBL"};
  const auto akte = c.node("T_Akte", NodeKind::user_task, "Vorgang in der E-Akte ablegen", 1);
  c.at(akte).attrs.block = engine::BlockType::archive_document;
  c.at(akte).attrs.it_systems = {"eVA.SAX"};
  c.node("E", NodeKind::end_event, "Hund angemeldet");
  engine::Participant halter;
  halter.id = "Pool_Halter";
  halter.name = "Hundehalter";
  c.builder().add_participant(std::move(halter), "");
  engine::MessageFlow mf;
  mf.id = "MF_Anmeldung";
  mf.name = "Online-Antrag (XML über Amt24)";
  mf.source_ref = "Pool_Halter";
  mf.target_ref = "S";
  mf.origin = {200, 5};
  c.builder().add_message_flow(std::move(mf));
  return std::move(c).finish();
}

} // namespace lotse::test
