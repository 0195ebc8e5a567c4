// SPDX-License-Identifier: MIT
// Building-block table (CSV as German Excel writes it): the shipped Hundesteuer sample, delimiters,
// quoting, decimal commas, BOM and windows-1252, and bad input with exact row/column diagnostics.
#include "engine/model.h"
#include "importers/block_table.h"
#include "importers/importer.h"
#include "importers/picture_graph.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace lotse;

const std::string kHeader =
    "Teilprozess;Variante;Anteil der Variante in %;Baustein;Bezeichnung;Stelle;Bearbeitungszeit (min);"
    "Wahrscheinlichkeit in %;Eingangskanal;Ausgangskanal;IT-Verfahren\n";

importers::ImportResult read_csv(const std::string& text, const std::string& path = "t.csv") {
  return importers::block_table::read(engine::SourceFile(path, text));
}

std::vector<std::string> messages(const engine::Diagnostics& diags, engine::Lang lang = engine::Lang::de) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(std::string(d.code()) + ": " + d.message(lang));
  return out;
}

} // namespace

TEST_CASE("the Hundesteuer sample table reads as one Teilprozess with two variants and a shared tail", "[table]") {
  const auto r = importers::import_file(test::sample("bausteintabelle-hundesteuer-abmeldung.csv"));
  REQUIRE(r.model);
  CHECK(r.diagnostics.empty());
  const engine::ProcessModel& m = *r.model;
  CHECK(m.format() == "table");
  CHECK(m.name() == "Hundesteuer abmelden");
  REQUIRE(m.facts().cases_per_year);
  CHECK(m.facts().cases_per_year->value.value == 250);
  CHECK(m.facts().cases_per_year->at == engine::SourceLocation{3, 2});
  REQUIRE(m.picture_subprocesses().size() == 1);
  const auto& tp = m.picture_subprocesses().front();
  CHECK(tp.name == "Abmeldung bearbeiten");
  CHECK(tp.cases_per_year->value == 250);
  REQUIRE(tp.variants.size() == 2);
  CHECK(tp.variants[0].probability == Approx(0.6));
  CHECK(tp.variants[0].blocks.size() == 10);
  CHECK(tp.variants[1].probability == Approx(0.4));
  CHECK(tp.variants[1].blocks.size() == 11);
  for (std::size_t i = 1; i <= 8; ++i) CHECK(tp.variants[0].blocks[10 - i] == tp.variants[1].blocks[11 - i]);
  // Shared tail 28.5 min; schriftlich 1 + 0.6·1; persönlich 4 + 0.9·0.5 + 1.
  CHECK(importers::picture_graph::expected_minutes(m, tp) == Approx(28.5 + 0.6 * 1.6 + 0.4 * 5.45));
  const auto& first = m.node(tp.variants[0].blocks[0]);
  CHECK(first.name == "Abmeldung geht ein");
  CHECK(first.origin.line == 6);
  CHECK(first.attrs.block == engine::BlockType::incoming_document);
  CHECK(first.attrs.inbound[engine::Channel::post] == Approx(0.7));
  CHECK(first.attrs.inbound[engine::Channel::email] == Approx(0.3));
  const auto& schalter = m.node(tp.variants[1].blocks[0]);
  CHECK(schalter.attrs.stelle == "Bürgerbüro");
  CHECK(schalter.attrs.inbound[engine::Channel::personal_oral] == Approx(1.0));
  const auto& bescheid = m.node(tp.variants[0].blocks[5]);
  CHECK(bescheid.name == "Änderungsbescheid erstellen");
  CHECK(bescheid.attrs.it_systems == std::vector<std::string>{"Finanzverfahren Hundesteuer", "MS Word"});
  CHECK(m.node(tp.variants[0].blocks[8]).attrs.occurrence->value == Approx(0.5));
}

TEST_CASE("text in a number column names row and column", "[table]") {
  const auto r = read_csv("Fallzahl pro Jahr;1500\n" + kHeader +
                          "Antrag;online;100;Dokument/Information entgegennehmen;Antrag geht ein;SB;1;100;Online;;\n"
                          "Antrag;online;100;Formelle Prüfung;Antrag prüfen;SB;3;100;;;\n"
                          "Antrag;online;100;Daten in EDV übernehmen;Daten erfassen;SB;4;100;;;OK.FIS\n"
                          "Antrag;online;100;Berechnung durchführen;Steuer berechnen;SB;2,5;100;;;OK.FIS\n"
                          "Antrag;online;100;Dokument/Information erstellen;Bescheid erstellen;SB;zehn;100;;;\n");
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) ==
        std::vector<std::string>{"TAB-003: Zeile 7, Spalte 7 \"Bearbeitungszeit (min)\": 'zehn' ist keine Zahl"});
  CHECK(r.diagnostics.items().front().at == engine::SourceLocation{7, 7});
  CHECK(r.diagnostics.has_errors());
  CHECK(messages(r.diagnostics, engine::Lang::en) ==
        std::vector<std::string>{"TAB-003: row 7, column 7 \"Bearbeitungszeit (min)\": 'zehn' is not a number"});
  const auto& tp = r.model->picture_subprocesses().front();
  CHECK(tp.cases_per_year->value == 1500);
  // 1 + 3 + 4 + 2.5; the unreadable row counts no minutes.
  CHECK(importers::picture_graph::expected_minutes(*r.model, tp) == Approx(10.5));
}

TEST_CASE("variant shares that do not add up to 100 percent are an error", "[table]") {
  const auto r = read_csv(kHeader +
                          "Anmeldung;schriftlich;70;Formelle Prüfung;Prüfen;SB;5;100;Post;;\n"
                          "Anmeldung;persönlich;20;Formelle Prüfung;Prüfen;SB;5;100;Persönlich;;\n");
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "TAB-005: Die Anteile der Varianten von Teilprozess 'Anmeldung' ergeben 90 % statt 100 %"});
  CHECK(r.diagnostics.items().front().severity == engine::Severity::error);
}

TEST_CASE("a windows-1252 table with umlauts is decoded and noted", "[table]") {
  // "Prüfung", "Bürgerbüro", "Änderungsbescheid" in windows-1252 bytes as Excel's "CSV (Trennzeichen-getrennt)" writes them.
  const std::string text =
      "Teilprozess;Variante;Anteil der Variante in %;Baustein;Bezeichnung;Stelle;Bearbeitungszeit (min)\r\n"
      "Abmeldung;Standard;100;Formelle Pr\xFC" "fung;Nachweis pr\xFC" "fen;B\xFCrgerb\xFCro;5\r\n"
      "Abmeldung;Standard;100;Dokument/Information erstellen;\xC4nderungsbescheid erstellen;Steuern;5\r\n";
  const auto r = read_csv(text);
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "TAB-012: Die Datei ist nicht UTF-8-kodiert; sie wird als windows-1252 (Excel-Standard) gelesen"});
  const auto& v = r.model->picture_subprocesses().front().variants.front();
  REQUIRE(v.blocks.size() == 2);
  const auto& pruefen = r.model->node(v.blocks[0]);
  CHECK(pruefen.name == "Nachweis pr\xC3\xBC" "fen");
  CHECK(pruefen.attrs.stelle == "B\xC3\xBCrgerb\xC3\xBCro");
  CHECK(pruefen.attrs.block == engine::BlockType::check_formally);
  CHECK(r.model->node(v.blocks[1]).name == "\xC3\x84nderungsbescheid erstellen");
}

TEST_CASE("a UTF-8 byte order mark does not hide the first column", "[table]") {
  const auto r = read_csv("\xEF\xBB\xBFTeilprozess;Baustein;Bezeichnung;Bearbeitungszeit (min)\n"
                          "Ersatzmarke;Kassieren;Gebühr kassieren;2\n");
  REQUIRE(r.model);
  CHECK(r.diagnostics.empty());
  const auto& tp = r.model->picture_subprocesses().front();
  CHECK(tp.name == "Ersatzmarke");
  const auto& n = r.model->node(tp.variants.front().blocks.front());
  CHECK(n.attrs.block == engine::BlockType::collect_money);
  CHECK(engine::to_minutes(n.attrs.processing->value) == 2.0);
}

TEST_CASE("commas or tabs as delimiters, quoted fields and decimal commas are accepted", "[table]") {
  SECTION("comma-separated with quoted decimal") {
    const auto r = read_csv("Baustein,Bezeichnung,Bearbeitungszeit (min),Eingangskanal\n"
                            "Drucken,\"Bescheid drucken, zweifach\",\"1,5\",\n"
                            "Dokument/Information versenden,\"Bescheid \"\"mit Marke\"\" versenden\",2,\n");
    REQUIRE(r.model);
    CHECK(r.diagnostics.empty());
    const auto& v = r.model->picture_subprocesses().front().variants.front();
    REQUIRE(v.blocks.size() == 2);
    CHECK(r.model->node(v.blocks[0]).name == "Bescheid drucken, zweifach");
    CHECK(engine::to_minutes(r.model->node(v.blocks[0]).attrs.processing->value) == 1.5);
    CHECK(r.model->node(v.blocks[1]).name == "Bescheid \"mit Marke\" versenden");
  }
  SECTION("tab-separated with a line break inside quotes") {
    const auto r = read_csv("Baustein\tBezeichnung\tBearbeitungszeit (min)\n"
                            "Formelle Prüfung\t\"Antrag\nprüfen\"\t3\n"
                            "Drucken\tBescheid drucken\tabc\n");
    REQUIRE(r.model);
    // The record with the embedded line break starts on line 2, so the next one is line 4.
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"TAB-003: Zeile 4, Spalte 3 \"Bearbeitungszeit (min)\": 'abc' ist keine Zahl"});
    CHECK(r.model->node(r.model->picture_subprocesses().front().variants.front().blocks[0]).name == "Antrag\nprüfen");
  }
}

TEST_CASE("channel shares are written as 'Post 60 %, Persönlich 40 %' or as one channel name", "[table]") {
  const auto r = read_csv("Baustein;Bezeichnung;Bearbeitungszeit (min);Eingangskanal;Ausgangskanal\n"
                          "Dokument/Information entgegennehmen;Antrag geht ein;1;Post 60 %, Persönlich 40 %;\n"
                          "Dokument/Information versenden;Bescheid versenden;1;;E-Mail\n"
                          "Dokument/Information versenden;Kopie versenden;1;;Brieftaube 100 %\n"
                          "Dokument/Information entgegennehmen;Nachweis geht ein;1;Post 50 %, Fax 30 %;\n");
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "TAB-006: Zeile 4, Spalte 5 \"Ausgangskanal\": unbekannter Kanal 'Brieftaube 100 %'",
      "TAB-015: Zeile 5, Spalte 4 \"Eingangskanal\": die Kanalanteile ergeben 80 % statt 100 %"});
  const auto& v = r.model->picture_subprocesses().front().variants.front();
  const auto& in = r.model->node(v.blocks[0]).attrs.inbound;
  CHECK(in.present);
  CHECK(in[engine::Channel::post] == Approx(0.6));
  CHECK(in[engine::Channel::personal_oral] == Approx(0.4));
  CHECK(r.model->node(v.blocks[1]).attrs.outbound[engine::Channel::email] == Approx(1.0));
}

TEST_CASE("an unknown block type in the table is a warning and the row stays a plain task", "[table]") {
  const auto r = read_csv(kHeader + "Antrag;A;100;Zaubern;Marke herbeizaubern;SB;3;100;;;\n");
  REQUIRE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "TAB-004: Zeile 2, Spalte 4 \"Baustein\": unbekannter Bausteintyp 'Zaubern'; die Zeile wird als einfache Aufgabe übernommen"});
  const auto& n = r.model->node(r.model->picture_subprocesses().front().variants.front().blocks.front());
  CHECK(n.kind == engine::NodeKind::task);
  CHECK(n.attrs.block == engine::BlockType::none);
}

TEST_CASE("a file without the Baustein/Bearbeitungszeit header gives TAB-001 and no model", "[table]") {
  const auto r = read_csv("Name;Wert\nA;1\n");
  CHECK_FALSE(r.model);
  CHECK(messages(r.diagnostics) == std::vector<std::string>{
      "TAB-001: Keine Kopfzeile mit den Spalten \"Baustein\" und \"Bearbeitungszeit (min)\" gefunden"});
}

TEST_CASE("table sniffing needs a .csv/.txt name and the two key columns", "[table]") {
  const std::string head = "Teilprozess;Baustein;Bearbeitungszeit (min)\n";
  CHECK(importers::block_table::sniff(head, "Hundesteuer.CSV"));
  CHECK(importers::block_table::sniff(head, "tabelle.txt"));
  CHECK_FALSE(importers::block_table::sniff(head, "tabelle.xml"));
  CHECK_FALSE(importers::block_table::sniff("Name;Wert\n", "tabelle.csv"));
}

TEST_CASE("an Excel windows-1252 file is found by sniffing and read with its umlauts", "[table]") {
  const auto r = importers::import_file(test::source_dir() + "/tests/importers/inputs/table/hundesteuer-anmeldung-cp1252.csv");
  REQUIRE(r.model);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.items().front().code() == "TAB-012");
  CHECK(r.diagnostics.items().front().severity == engine::Severity::note);
  const auto& tp = r.model->picture_subprocesses().front();
  CHECK(tp.cases_per_year->value == 187);
  const auto& eingang = r.model->node(tp.variants.front().blocks.front());
  CHECK(eingang.attrs.stelle == "Bürgerbüro");
  CHECK(eingang.attrs.inbound[engine::Channel::personal_documents] == Approx(0.6));
  CHECK(eingang.attrs.inbound[engine::Channel::post] == Approx(0.4));
  CHECK(r.model->node(tp.variants.front().blocks[1]).attrs.block == engine::BlockType::check_formally);
  CHECK(importers::picture_graph::expected_minutes(*r.model, tp) == Approx(18.0));
}
