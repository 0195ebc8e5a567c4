// SPDX-License-Identifier: MIT
#include "analysis/structure.h"
#include "cli/run.h"
#include "tests/support/model_fixtures.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lotse;
using engine::NodeKind;
using lotse::test::Fixture;

namespace {

engine::Diagnostics findings(const engine::ProcessModel& m) {
  engine::AnalysisContext ctx(m);
  return ctx.get<analysis::StructurePass>().findings;
}

std::vector<std::string> lines(const engine::Diagnostics& d, engine::Lang lang = engine::Lang::de) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(engine::format_diagnostic(x, lang));
  return out;
}

} // namespace

TEST_CASE("a well-formed model has no structure findings", "[structure][unit]") {
  CHECK(findings(test::gewerbe_anmelden()).empty());
  CHECK(findings(test::loop_with_return(0.3)).empty());
}

TEST_CASE("missing start and end events are reported for the process and for sub-processes", "[structure][unit]") {
  Fixture fx("hund.bpmn");
  fx.process("P_hund", "Hundesteuer");
  const auto a = fx.task("a", "Anmeldung prüfen");
  const auto sp = fx.node("sp", NodeKind::sub_process, "Marke ausgeben");
  fx.chain({a, sp});
  const auto inner = fx.task("inner", "Marke drucken", std::nullopt, sp);
  (void)inner;
  const auto m = fx.finish();
  CHECK(lines(findings(m)) == std::vector<std::string>{
                                  "hund.bpmn:1:3: Warnung [STR-001]: Prozess 'Hundesteuer' hat kein Startereignis",
                                  "hund.bpmn:1:3: Warnung [STR-002]: Prozess 'Hundesteuer' hat kein Endereignis",
                                  "hund.bpmn:3:3: Warnung [STR-003]: Teilprozess 'Marke ausgeben' hat kein Startereignis",
                                  "hund.bpmn:3:3: Warnung [STR-004]: Teilprozess 'Marke ausgeben' hat kein Endereignis",
                              });
}

TEST_CASE("unreachable nodes, dead ends, implicit splits and disconnected nodes are found", "[structure][unit]") {
  Fixture fx;
  fx.process("p", "Antrag");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto a = fx.task("a", "Antrag erfassen");
  const auto end = fx.node("end", NodeKind::end_event);
  const auto orphan = fx.task("orphan", "Altakte sichten");
  const auto dead = fx.task("dead", "Rückfrage stellen");
  fx.task("lonely", "Notiz");
  fx.chain({start, a, end});
  fx.chain({orphan, end});
  fx.chain({a, dead});
  const auto m = fx.finish();
  CHECK(lines(findings(m)) ==
        std::vector<std::string>{
            "fixture.bpmn:3:3: Warnung [STR-007]: 'Antrag erfassen' hat 2 unbedingte ausgehende Sequenzflüsse "
            "(implizite Parallelverzweigung); ein Gateway macht das deutlich",
            "fixture.bpmn:5:3: Warnung [STR-005]: 'Altakte sichten' ist von keinem Startereignis aus erreichbar",
            "fixture.bpmn:6:3: Warnung [STR-006]: 'Rückfrage stellen' hat keinen ausgehenden Sequenzfluss und ist kein "
            "Endereignis (Sackgasse)",
            "fixture.bpmn:7:3: Warnung [STR-016]: 'Notiz' ist mit keinem Sequenzfluss verbunden",
        });
}

TEST_CASE("an activity with several incoming flows is an implicit join", "[structure][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto x = fx.node("x", NodeKind::exclusive_gateway);
  const auto a = fx.task("a", "Bescheid erstellen");
  const auto b = fx.task("b", "Bescheid versenden");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, x, a, b, end});
  fx.flow(x, b);
  const auto d = findings(fx.finish());
  REQUIRE(d.size() == 1);
  CHECK(engine::format_diagnostic(d.items()[0], engine::Lang::en) ==
        "fixture.bpmn:5:3: warning [STR-008]: 'Bescheid versenden' has 2 incoming sequence flows (implicit join "
        "without synchronisation); use a gateway");
}

TEST_CASE("exclusive split probabilities must sum to 100 %", "[structure][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto x = fx.node("x", NodeKind::exclusive_gateway, "Antrag vollständig?");
  const auto a = fx.task("a");
  const auto b = fx.task("b");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, x});
  fx.flow(x, a, 0.5);
  fx.flow(x, b, 0.3);
  fx.chain({a, end});
  fx.chain({b, end});
  const auto d = findings(fx.finish());
  REQUIRE(d.size() == 1);
  CHECK(engine::format_diagnostic(d.items()[0], engine::Lang::de) ==
        "fixture.bpmn:3:3: Warnung [STR-009]: Die Wahrscheinlichkeiten der ausgehenden Flüsse von "
        "'Antrag vollständig?' ergeben 80 % statt 100 %");
}

TEST_CASE("an exclusive split closed by a parallel join deadlocks; a parallel split closed by an exclusive "
          "join runs steps twice",
          "[structure][unit]") {
  Fixture fx("gewerbe.bpmn");
  fx.process("p", "Gewerbe");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto x = fx.node("x", NodeKind::exclusive_gateway, "Antragsart?");
  const auto a = fx.task("a", "persönlich");
  const auto b = fx.task("b", "schriftlich");
  const auto j = fx.node("j", NodeKind::parallel_gateway, "beide da");
  const auto p = fx.node("ps", NodeKind::parallel_gateway, "parallel");
  const auto c = fx.task("c", "IHK informieren");
  const auto e = fx.task("e", "Finanzamt informieren");
  const auto k = fx.node("k", NodeKind::exclusive_gateway, "zusammen");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, x});
  fx.flow(x, a, 0.8);
  fx.flow(x, b, 0.2);
  fx.chain({a, j});
  fx.chain({b, j});
  fx.chain({j, p});
  fx.chain({p, c, k});
  fx.chain({p, e, k});
  fx.chain({k, end});
  const auto d = findings(fx.finish());
  CHECK(lines(d, engine::Lang::de) ==
        std::vector<std::string>{
            "gewerbe.bpmn:6:3: Fehler [STR-012]: Exklusive Verzweigung 'Antragsart?' wird von parallelem Gateway "
            "'beide da' zusammengeführt: es wartet auf einen Zweig, der nie kommt (Verklemmung)",
            "gewerbe.bpmn:10:3: Warnung [STR-011]: Parallele Verzweigung 'parallel' wird von 'zusammen' ohne "
            "Synchronisation zusammengeführt: die folgenden Schritte laufen mehrfach",
        });
  CHECK(d.has_errors());
}

TEST_CASE("a loop without exit and a boundary event without outgoing flow are reported", "[structure][unit]") {
  Fixture fx;
  fx.process("p");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto c = fx.task("c", "Antrag annehmen");
  const auto a = fx.task("a", "Wiedervorlage");
  const auto b = fx.task("b", "Nachfassen");
  const auto end = fx.node("end", NodeKind::end_event);
  const auto t = fx.node("t", NodeKind::boundary_event, "Frist abgelaufen");
  fx.attach(t, c);
  fx.chain({start, c, a, b, a});
  fx.chain({c, end});
  const auto d = findings(fx.finish());
  REQUIRE(d.contains(engine::DiagId::str_loop_without_exit));
  REQUIRE(d.contains(engine::DiagId::str_boundary_no_outgoing));
  for (const auto& x : d) {
    if (x.id == engine::DiagId::str_loop_without_exit) {
      CHECK(x.message(engine::Lang::de) ==
            "Schleife über 'Wiedervorlage' (2 Elemente) hat keinen Ausgang: ein Vorgang kommt nie zum Ende");
      CHECK(x.severity == engine::Severity::error);
    }
    if (x.id == engine::DiagId::str_boundary_no_outgoing) CHECK(x.at.line == 7);
  }
}

TEST_CASE("lotse check prints structure findings and exits 1 only for errors", "[structure][cli]") {
  const auto dir = std::filesystem::temp_directory_path() / "lotse-structure-test";
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir / name) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" "
                                 "targetNamespace=\"t\">\n"
                              << body << "</definitions>\n";
    return (dir / name).string();
  };
  const std::string warn = write("warn.bpmn",
                                 "<process id=\"P\" name=\"Antrag\">\n"
                                 "<startEvent id=\"s\"/>\n"
                                 "<task id=\"t\" name=\"Erfassen\"/>\n"
                                 "<sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/>\n"
                                 "</process>\n");
  const std::string deadlock = write("deadlock.bpmn",
                                     "<process id=\"P\">\n"
                                     "<startEvent id=\"s\"/>\n"
                                     "<exclusiveGateway id=\"x\" name=\"Art?\"/>\n"
                                     "<task id=\"a\"/>\n<task id=\"b\"/>\n"
                                     "<parallelGateway id=\"j\" name=\"beide\"/>\n"
                                     "<endEvent id=\"e\"/>\n"
                                     "<sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"x\"/>\n"
                                     "<sequenceFlow id=\"f2\" sourceRef=\"x\" targetRef=\"a\"/>\n"
                                     "<sequenceFlow id=\"f3\" sourceRef=\"x\" targetRef=\"b\"/>\n"
                                     "<sequenceFlow id=\"f4\" sourceRef=\"a\" targetRef=\"j\"/>\n"
                                     "<sequenceFlow id=\"f5\" sourceRef=\"b\" targetRef=\"j\"/>\n"
                                     "<sequenceFlow id=\"f6\" sourceRef=\"j\" targetRef=\"e\"/>\n"
                                     "</process>\n");
  std::ostringstream out, err;
  CHECK(cli::run({"check", "-q", warn}, out, err) == 0);
  CHECK(out.str().find("[STR-002]") != std::string::npos);
  std::ostringstream out2, err2;
  CHECK(cli::run({"check", "-q", deadlock}, out2, err2) == 1);
  CHECK(out2.str().find("deadlock.bpmn:8:1: Fehler [STR-012]") != std::string::npos);
  std::filesystem::remove_all(dir);
}
