// SPDX-License-Identifier: MIT
#include "analysis/data_set.h"
#include "analysis/lexicon.h"
#include "analysis/media_breaks.h"
#include "analysis/workload.h"
#include "importers/importer.h"
#include "tests/analysis/media_models.h"
#include "tests/support/data_copy.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace lotse;
using analysis::MediaBreak;
using analysis::MediaBreakKind;
using analysis::MediaBreakPass;
using engine::NodeKind;

namespace {

const MediaBreak* find(const analysis::MediaBreakResult& r, const engine::ProcessModel& m, const std::string& id,
                       MediaBreakKind kind) {
  for (const auto& b : r.breaks) {
    if (m.node(b.node).id == id && b.kind == kind) return &b;
  }
  return nullptr;
}

std::string describe(const analysis::MediaBreakResult& r, const engine::ProcessModel& m) {
  std::string s;
  for (const auto& b : r.breaks) {
    s += std::string(analysis::media_break_id(b.kind)) + " @" + m.node(b.node).id + " [" + b.rule + "] " + b.reason_de + "\n";
  }
  return s;
}

/// Runs the pass over a process whose every node is a task of the given names (one chain).
analysis::MediaBreakResult on_names(const std::vector<std::pair<NodeKind, std::string>>& nodes, engine::ProcessModel& keep) {
  test::ChainBuilder c("namen.bpmn");
  c.process("P", "Namen", 100);
  int i = 0;
  for (const auto& [kind, name] : nodes) c.node("N" + std::to_string(i++), kind, name, 1);
  keep = std::move(c).finish();
  engine::AnalysisContext ctx(keep);
  return ctx.get<MediaBreakPass>();
}

} // namespace

TEST_CASE("paper Hundesteuer-Anmeldung shows each media break with rule, reason and share", "[analysis][media]") {
  const auto m = test::hundesteuer_paper();
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<MediaBreakPass>();
  INFO(describe(r, m));
  REQUIRE(r.breaks.size() == 6);

  const auto* in = find(r, m, "T_Eingang", MediaBreakKind::paper_inbound);
  REQUIRE(in);
  CHECK(in->rule == "channel:in:post+personal_documents");
  CHECK(in->share == Approx(0.9));
  CHECK(in->at.line == 14);
  CHECK_FALSE(in->whole_node);
  CHECK(in->reason_de == "Eingang zu 90 % auf Papier (per Post 60 %, persönlich auf Papier 30 %; Eingangskanal)");
  CHECK(in->reason_en == "90% of the input arrives on paper (by post 60%, on paper in person 30%; inbound channel)");

  const auto* edv = find(r, m, "T_Erfassen", MediaBreakKind::retyping);
  REQUIRE(edv);
  CHECK(edv->rule == "block:edvinput+quelle:papier");
  CHECK(edv->evidence == std::vector<std::string>{"block:edvinput+quelle:papier", "keyword:erfassen"});
  CHECK(edv->share == 1.0);
  CHECK(edv->whole_node);
  CHECK(edv->reason_de ==
        "„Hundesteueranmeldung“ kommt zu 90 % per Post oder persönlich auf Papier an und wird in das Fachverfahren "
        "„OK.FIS“ abgetippt (Baustein „Daten in EDV übernehmen“; Quelle der Daten: physikalische Dokumente)");
  CHECK(edv->reason_en ==
        "“Hundesteueranmeldung” arrives by post or on paper in person in 90% of cases and is typed into the specialist "
        "system “OK.FIS” (block “Enter data into IT system”; data source: physical documents)");

  const auto* print = find(r, m, "T_Druck", MediaBreakKind::print);
  REQUIRE(print);
  CHECK(print->rule == "block:print");
  CHECK(print->reason_de == "das elektronische Dokument „Steuerbescheid“ wird ausgedruckt (Baustein „Drucken“, 2 Seiten × 1 Ausfertigung(en))");

  const auto* post = find(r, m, "T_Versand", MediaBreakKind::paper_outbound);
  REQUIRE(post);
  CHECK(post->rule == "channel:out:post");
  CHECK(post->evidence == std::vector<std::string>{"channel:out:post", "keyword:per post"});
  CHECK(post->reason_de == "Versand zu 100 % auf Papier (per Post 100 %; Ausgangskanal)");

  const auto* cash = find(r, m, "T_Kasse", MediaBreakKind::cash_payment);
  REQUIRE(cash);
  CHECK(cash->rule == "block:collectmoney+bezahlungsart");
  CHECK(cash->evidence == std::vector<std::string>{"block:collectmoney+bezahlungsart", "keyword:kassieren", "lane:stadtkasse"});
  CHECK(cash->reason_de == "die Zahlung wird am Schalter entgegengenommen (Bezahlungsart „bar“, Baustein „Kassieren“)");

  const auto* file = find(r, m, "T_Akte", MediaBreakKind::paper_file);
  REQUIRE(file);
  CHECK(file->rule == "block:archivedocument");
  CHECK(file->whole_node);

  // The message flow "Anmeldung per Post" only repeats the channel finding of the next task.
  CHECK_FALSE(find(r, m, "S", MediaBreakKind::paper_inbound));
  CHECK_FALSE(find(r, m, "T_Bescheid", MediaBreakKind::print));
  CHECK(analysis::media_break_label(MediaBreakKind::retyping, engine::Lang::de) == "Abtippen (erneute Dateneingabe)");
}

TEST_CASE("yearly minutes of a break are the node's workload times its share", "[analysis][media]") {
  const auto m = test::hundesteuer_paper();
  engine::AnalysisContext ctx(m);
  const auto& work = ctx.get<analysis::WorkloadPass>();
  const auto& r = ctx.get<MediaBreakPass>();
  if (work.processes.empty()) {
    WARN("workload pass not available yet: yearly minutes are 0");
    CHECK(r.notes.contains(engine::DiagId::med_no_workload));
    for (const auto& b : r.breaks) CHECK(b.minutes_per_year == 0);
    return;
  }
  REQUIRE(work.processes.size() == 1);
  const auto& p = work.processes.front();
  CHECK(p.cases_per_year == 600);
  for (const auto& b : r.breaks) {
    double expected = 0;
    for (const auto& nw : p.nodes) {
      if (nw.node == b.node) expected = nw.minutes_per_case * p.cases_per_year * b.share;
    }
    CHECK(b.minutes_per_year == Approx(expected));
  }
  // Closed form: 8 min once per case, 600 cases, every case re-typed.
  CHECK(find(r, m, "T_Erfassen", MediaBreakKind::retyping)->minutes_per_year == Approx(4800));
  // 3 min x 600 cases x 90 % paper.
  CHECK(find(r, m, "T_Eingang", MediaBreakKind::paper_inbound)->minutes_per_year == Approx(1620));
  CHECK(r.breaks.front().kind == MediaBreakKind::retyping);
  CHECK(r.minutes_per_year_total() == Approx(4800 + 1620 + 1200 + 1800 + 3000 + 1200));
}

TEST_CASE("the digitised Hundesteuer-Anmeldung shows no media break", "[analysis][media]") {
  const auto m = test::hundesteuer_digital();
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<MediaBreakPass>();
  INFO(describe(r, m));
  CHECK(r.breaks.empty());
}

TEST_CASE("removed nodes raise no media break", "[analysis][media]") {
  const auto m = test::hundesteuer_paper();
  engine::ModelEditor ed(m);
  ed.remove_node(*m.find_node("T_Erfassen"));
  ed.remove_node(*m.find_node("T_Druck"));
  const auto copy = std::move(ed).finish();
  engine::AnalysisContext ctx(copy);
  const auto& r = ctx.get<MediaBreakPass>();
  CHECK(r.breaks.size() == 4);
  CHECK_FALSE(find(r, copy, "T_Erfassen", MediaBreakKind::retyping));
  CHECK_FALSE(find(r, copy, "T_Druck", MediaBreakKind::print));
}

TEST_CASE("keywords fire on whole words and negative cues keep digital steps quiet", "[analysis][media]") {
  engine::ProcessModel m;
  SECTION("paper words") {
    const auto r = on_names({{NodeKind::user_task, "Formular ausdrucken"},
                             {NodeKind::manual_task, "Antrag einscannen"},
                             {NodeKind::user_task, "Antrag abtippen"},
                             {NodeKind::manual_task, "Bescheid unterschreiben"},
                             {NodeKind::user_task, "Gebühr an der Stadtkasse bezahlen"},
                             {NodeKind::user_task, "Kopien anfertigen"},
                             {NodeKind::task, "Daten auf CD brennen"}},
                            m);
    INFO(describe(r, m));
    REQUIRE(r.breaks.size() == 7);
    CHECK(find(r, m, "N0", MediaBreakKind::print)->rule == "keyword:ausdrucken");
    CHECK(find(r, m, "N1", MediaBreakKind::scan)->rule == "keyword:einscannen");
    CHECK(find(r, m, "N2", MediaBreakKind::retyping)->rule == "keyword:abtippen");
    CHECK(find(r, m, "N3", MediaBreakKind::wet_signature)->rule == "keyword:unterschreiben");
    CHECK(find(r, m, "N4", MediaBreakKind::cash_payment)->rule == "keyword:stadtkasse");
    CHECK(find(r, m, "N5", MediaBreakKind::copy)->rule == "keyword:kopien anfertigen");
    CHECK(find(r, m, "N6", MediaBreakKind::data_carrier)->rule == "keyword:cd brennen");
    CHECK(find(r, m, "N3", MediaBreakKind::wet_signature)->reason_de ==
          "ein Dokument muss eigenhändig unterschrieben werden (Schriftform, Papier) (Stichwort „unterschreiben“)");
  }
  SECTION("digital words") {
    const auto r = on_names({{NodeKind::user_task, "Online-Antrag prüfen"},
                             {NodeKind::user_task, "Antrag elektronisch erfassen"},
                             {NodeKind::user_task, "Bescheid digital unterschreiben"},
                             {NodeKind::send_task, "Bescheid an Servicekonto-Postfach senden"},
                             {NodeKind::user_task, "Gebühr über ePayBL bezahlen"},
                             {NodeKind::user_task, "Vorgang in der E-Akte ablegen"},
                             {NodeKind::service_task, "XML-Übernahme in das Fachverfahren"},
                             {NodeKind::user_task, "Daten über Schnittstelle eingeben"},
                             {NodeKind::user_task, "Assign approver"},
                             {NodeKind::user_task, "Signal senden"},
                             {NodeKind::user_task, "Datensatz kopieren"},
                             {NodeKind::user_task, "Antragsdaten erfassen"},
                             {NodeKind::service_task, "Dokumente archivieren"},
                             {NodeKind::user_task, "Druckerei beauftragen"},
                             {NodeKind::user_task, "Barcode scannen"}},
                            m);
    INFO(describe(r, m));
    CHECK(r.breaks.empty());
  }
}

TEST_CASE("BPMN data objects, message flows and lanes are evidence", "[analysis][media]") {
  test::ChainBuilder c("gewerbe.bpmn");
  c.process("P", "Gewerbeanmeldung", 1500);
  c.node("S", NodeKind::start_event, "Anmeldung liegt vor");
  const auto bearbeiten = c.node("T_Bearbeiten", NodeKind::user_task, "Anmeldung bearbeiten", 12);
  const auto antrag = c.data("D_Antrag", "Gewerbeanmeldung", engine::DataKind::data_object_reference, "Papier");
  const auto store = c.data("DS_Gewerbe", "Gewerberegister", engine::DataKind::data_store_reference);
  const auto erstellen = c.node("T_Erstellen", NodeKind::user_task, "Gewerbeschein erstellen", 5);
  const auto schein = c.data("D_Schein", "Gewerbeschein (Papier)", engine::DataKind::data_object_reference);
  const auto versand = c.node("T_Versand", NodeKind::user_task, "Gewerbeschein versenden", 2);
  c.node("T_Post", NodeKind::user_task, "Post sortieren", 1);
  c.node("E", NodeKind::end_event, "erledigt");
  c.builder().add_data_association(bearbeiten, "D_Antrag", false, "a1", {30, 7});
  c.builder().add_data_association(bearbeiten, "DS_Gewerbe", true, "a2", {31, 7});
  c.builder().add_data_association(erstellen, "DS_Gewerbe", false, "a3", {32, 7});
  c.builder().add_data_association(erstellen, "D_Schein", true, "a4", {33, 7});
  c.lane("L_Post", "Poststelle", {"T_Post"});
  engine::Participant firma;
  firma.id = "Pool_Firma";
  firma.name = "Gewerbetreibende";
  c.builder().add_participant(std::move(firma), "");
  engine::MessageFlow mf;
  mf.id = "MF";
  mf.name = "Gewerbeschein per Post";
  mf.source_ref = "T_Versand";
  mf.target_ref = "Pool_Firma";
  mf.origin = {90, 5};
  c.builder().add_message_flow(std::move(mf));
  (void)antrag;
  (void)store;
  (void)schein;
  (void)versand;
  const auto m = std::move(c).finish();
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<MediaBreakPass>();
  INFO(describe(r, m));
  REQUIRE(r.breaks.size() == 4);
  const auto* retype = find(r, m, "T_Bearbeiten", MediaBreakKind::retyping);
  REQUIRE(retype);
  CHECK(retype->rule == "data:papier->system");
  CHECK(retype->reason_de == "liest „Gewerbeanmeldung“ (Papier) und schreibt in „Gewerberegister“: die Angaben werden abgetippt");
  CHECK(find(r, m, "T_Erstellen", MediaBreakKind::print)->rule == "data:system->papier");
  const auto* out = find(r, m, "T_Versand", MediaBreakKind::paper_outbound);
  REQUIRE(out);
  CHECK(out->rule == "message:per post");
  CHECK(out->at.line == 27);
  CHECK(find(r, m, "T_Post", MediaBreakKind::paper_inbound)->evidence ==
        std::vector<std::string>{"keyword:post sortieren", "lane:poststelle"});
}

TEST_CASE("erfassen after a paper inbound is re-typing for the paper share only", "[analysis][media]") {
  test::ChainBuilder c("wohngeld.bpmn");
  c.process("P", "Wohngeld", 900);
  const auto in = c.node("T_In", NodeKind::task, "Antrag geht ein", 2);
  c.at(in).attrs.inbound = test::mix({{engine::Channel::post, 0.4}, {engine::Channel::electronic_interface, 0.6}});
  c.node("T_Pruefen", NodeKind::user_task, "Vollständigkeit prüfen", 5);
  const auto erf = c.node("T_Erfassen", NodeKind::user_task, "Antragsdaten erfassen", 6);
  c.at(erf).attrs.it_systems = {"Wohngeld-Fachverfahren"};
  const auto m = std::move(c).finish();
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<MediaBreakPass>();
  INFO(describe(r, m));
  REQUIRE(r.breaks.size() == 2);
  const auto* retype = find(r, m, "T_Erfassen", MediaBreakKind::retyping);
  REQUIRE(retype);
  CHECK(retype->rule == "keyword:erfassen");
  CHECK(retype->share == Approx(0.4));
  CHECK(retype->reason_de == "„Antrag geht ein“ kommt zu 40 % per Post an und wird in das Fachverfahren „Wohngeld-Fachverfahren“ "
                             "abgetippt (Stichwort „erfassen“)");
  CHECK(retype->reason_en == "“Antrag geht ein” arrives by post in 40% of cases and is typed into the specialist system "
                             "“Wohngeld-Fachverfahren” (keyword “erfassen”)");
}

TEST_CASE("a printed form that comes back by post and is typed in is a round trip, listed first", "[analysis][media]") {
  test::ChainBuilder c("rundreise.bpmn");
  c.process("P", "Anhörung", 300);
  const auto druck = c.node("T_Druck", NodeKind::user_task, "Anhörungsbogen drucken", 2);
  c.node("T_Versand", NodeKind::user_task, "Anhörungsbogen per Post an Betroffene senden", 3);
  c.node("W", NodeKind::intermediate_catch_event, "Antwort eingegangen");
  const auto tippen = c.node("T_Tippen", NodeKind::user_task, "Angaben aus dem Anhörungsbogen abtippen", 7);
  c.node("E", NodeKind::end_event, "erledigt");
  const auto m = std::move(c).finish();
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<MediaBreakPass>();
  INFO(describe(r, m));
  REQUIRE(r.breaks.size() == 4);
  const auto& trip = r.breaks.front();
  CHECK(trip.kind == MediaBreakKind::print_then_retype);
  CHECK(trip.node == tippen);
  CHECK(trip.related == druck);
  CHECK(trip.rule == "roundtrip:print->retyping");
  CHECK(trip.reason_de == "Papier-Rundreise: in „Anhörungsbogen drucken“ wird ein Dokument ausgedruckt, das in "
                          "„Angaben aus dem Anhörungsbogen abtippen“ wieder abgetippt wird");
}

TEST_CASE("a print followed by an unrelated re-typing is no round trip", "[analysis][media]") {
  engine::ProcessModel m;
  const auto r = on_names({{NodeKind::user_task, "Quittung drucken"}, {NodeKind::user_task, "Zählerstand abtippen"}}, m);
  INFO(describe(r, m));
  CHECK(r.breaks.size() == 2);
  CHECK_FALSE(find(r, m, "N1", MediaBreakKind::print_then_retype));
}

TEST_CASE("a missing or broken lexicon stops loading the data set with file and line", "[analysis][media]") {
  const auto dir = test::data_copy("lexicon");
  SECTION("missing") {
    std::filesystem::remove(dir / "medienbruch_lexikon.json");
    try {
      (void)analysis::load_data_set(dir.string());
      FAIL("no error for a missing lexicon");
    } catch (const analysis::DataSetError& e) {
      CHECK(e.diagnostic().code() == "DAT-001");
      CHECK(e.message(engine::Lang::de) ==
            (dir / "medienbruch_lexikon.json").string() + ": Fehler [DAT-001]: Datensatz unvollständig: "
            "'medienbruch_lexikon.json' fehlt im Datenordner '" + dir.string() + "'");
    }
  }
  SECTION("broken") {
    test::write_file(dir, "medienbruch_lexikon.json", "{\n  \"entries\": [\n    {\"id\": \"x\",,}\n  ]\n}\n");
    try {
      (void)analysis::load_data_set(dir.string());
      FAIL("no error for a broken lexicon");
    } catch (const analysis::DataSetError& e) {
      CHECK(e.diagnostic().code() == "MED-002");
      CHECK(e.diagnostic().severity == engine::Severity::error);
      CHECK(e.file() == (dir / "medienbruch_lexikon.json").string());
      CHECK(e.line() == 3);
    }
  }
  SECTION("an entry of an unknown kind is a broken table, not a smaller one") {
    test::write_file(dir, "medienbruch_lexikon.json",
                     R"({"entries": [{"id": "a", "kind": "retyping", "terms": ["abtippen"]}, {"id": "b", "kind": "telepathy", "terms": ["x"]}]})");
    CHECK_THROWS_AS(analysis::load_data_set(dir.string()), analysis::DataSetError);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a custom lexicon reaches the pass through the context's data set", "[analysis][media]") {
  const auto m = test::hundesteuer_paper();
  auto custom = std::make_shared<analysis::DataSet>(*analysis::load_data_set(test::data_dir()));
  custom->lexicon = analysis::Lexicon{};
  engine::AnalysisContext ctx(m);
  ctx.options<analysis::DataSetOption>().data = custom;
  engine::AnalysisContext normal(m);
  // This model's six breaks are all found by block types, channels and attributes; the lexicon adds
  // its keyword as evidence ("Daten erfassen"), the empty one does not.
  const auto evidence = [&m](const MediaBreakPass::Result& r) {
    const auto* b = find(r, m, "T_Erfassen", MediaBreakKind::retyping);
    REQUIRE(b);
    return b->evidence;
  };
  CHECK(ctx.get<MediaBreakPass>().breaks.size() == 6);
  CHECK(normal.get<MediaBreakPass>().breaks.size() == 6);
  CHECK(evidence(normal.get<MediaBreakPass>()) == std::vector<std::string>{"block:edvinput+quelle:papier", "keyword:erfassen"});
  CHECK(evidence(ctx.get<MediaBreakPass>()) == std::vector<std::string>{"block:edvinput+quelle:papier"});
}

TEST_CASE("the lexicon folds umlauts and matches compounds only where a pattern allows", "[analysis][media]") {
  CHECK(analysis::tokenize("Gebühr an der Straßen-Kasse") == std::vector<std::string>{"gebuehr", "an", "der", "strassen", "kasse"});
  CHECK(analysis::Term("*akte").matches(analysis::tokenize("Vorgang zur Papierakte")));
  CHECK_FALSE(analysis::Term("akte").matches(analysis::tokenize("Vorgang zur Papierakte")));
  CHECK(analysis::Term("e akte").matches(analysis::tokenize("in die E-Akte")));
  CHECK_FALSE(analysis::Term("sign").matches(analysis::tokenize("Assign approver")));
  CHECK(analysis::media_break_from_id("print_then_retype") == MediaBreakKind::print_then_retype);
  CHECK_FALSE(analysis::media_break_from_id("fax"));
}

TEST_CASE("digital models of the corpus raise no media break", "[analysis][media][corpus][shared]") {
  const auto shared = test::require_shared();
  if (shared.empty()) return;
  const std::vector<std::string> files{
      "corpus/bpmn/govmodeler/TOP 100 Bürger/Fuehrungszeugnis_entgegennehmen.bpmn",
      "corpus/bpmn/govmodeler/TOP 100 Bürger/KFZ_Zulassung_erteilen.bpmn",
      "corpus/bpmn/govmodeler/TOP 100 Bürger/Parkausweis_fuer_Schwerbehinderte_beantragen.bpmn",
      "corpus/bpmn/camunda-bpm-examples/usertask/task-form-embedded-bpmn-events/src/main/resources/invoicePayment.bpmn",
      "corpus/bpmn/camunda-bpm-examples/testing/assert/job-announcement-publication-process/src/test/resources/camunda-testing-job-announcement.bpmn",
      "corpus/bpmn/camunda-bpm-examples/clients/java/order-handling/order-handling.bpmn",
  };
  for (const auto& f : files) {
    const auto imported = importers::import_file(shared + "/" + f);
    if (!imported) {
      WARN("not imported (BPMN importer not available yet?): " << f);
      continue;
    }
    engine::AnalysisContext ctx(*imported.model);
    const auto& r = ctx.get<MediaBreakPass>();
    INFO(f << "\n" << describe(r, *imported.model));
    CHECK(r.breaks.empty());
  }
}

TEST_CASE("a corpus model with paper steps shows them", "[analysis][media][corpus][shared]") {
  const auto shared = test::require_shared();
  if (shared.empty()) return;
  const auto imported = importers::import_file(shared + "/corpus/bpmn/bpmn-miwg-test-suite/Reference/C.1.0.bpmn");
  if (!imported) {
    WARN("not imported (BPMN importer not available yet?)");
    return;
  }
  const auto& m = *imported.model;
  engine::AnalysisContext ctx(m);
  const auto& r = ctx.get<MediaBreakPass>();
  INFO(describe(r, m));
  bool scan = false;
  for (const auto& b : r.breaks) scan = scan || (b.kind == MediaBreakKind::scan && m.node(b.node).name == "Scan Invoice");
  CHECK(scan);
}
