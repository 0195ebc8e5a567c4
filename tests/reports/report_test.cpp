// SPDX-License-Identifier: MIT
// The analysis report: escaping of model names in every format, German/English number formats, empty
// sections that read sensibly, the fact-sheet remark, self-contained HTML, JSON keys, the diagram, and
// meta data in the header and footer. Golden files: tests/reports/golden_test.cpp.
#include "analysis/registry.h"
#include "engine/model_builder.h"
#include "tests/support/model_fixtures.h"
#include "importers/importer.h"
#include "reports/analysis_report.h"
#include "reports/diagram_svg.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace lotse;
using reports::Format;

namespace {

constexpr const char* nasty = "Antrag <prüfen> & \"Gebühr\" | Kasse";

analysis::Provenance from_model(std::uint32_t line) {
  analysis::Provenance p;
  p.origin = analysis::Origin::model;
  p.at = {line, 7};
  return p;
}

analysis::Provenance from_table() {
  analysis::Provenance p;
  p.origin = analysis::Origin::default_table;
  p.label_de = "Standardwert (StBA 2025), Lohnkostentabelle Kommunen, mittel";
  p.label_en = "default (StBA 2025), wage table municipalities, medium";
  return p;
}

/// A report as the passes would give it for PICTURE's Gewerbe sample (figures as in domain.md).
reports::Report gewerbe_report() {
  reports::Report r;
  r.file = "gewerbe.xml";
  r.model_name = "Gewerbe anmelden";
  r.format = "picture";
  reports::ProcessSection p;
  p.id = "P1";
  p.name = "Gewerbe anmelden";
  p.has_workload = true;
  p.cases_per_year = 1500;
  p.cases = from_model(12);
  p.minutes_per_case = 38.5;
  p.hours_per_year = 962.5;
  p.fte = 962.5 / 1600.0;
  p.cost_per_year_eur = 24543.75;
  p.fact_sheet_minutes = 15;
  p.fact_sheet_at = {20, 3};
  reports::NodeRow n;
  n.id = "B3";
  n.name = "Daten erfassen";
  n.block = engine::BlockType::edv_input;
  n.line = 44;
  n.visits = 1;
  n.minutes_per_execution = 10;
  n.time = from_model(44);
  n.minutes_per_case = 10;
  n.hours_per_year = 250;
  n.cost_per_year_eur = 6375;
  n.stelle = "Sachbearbeitung Gewerbe";
  n.eur_per_hour = 25.5;
  n.rate = from_table();
  p.nodes.push_back(n);
  p.stellen.push_back({"Sachbearbeitung Gewerbe", 962.5, 962.5 / 1600.0, 24543.75, 25.5, from_table()});
  p.media_change_share = 10.0 / 38.5;
  p.media_breaks = {0};
  p.media_break_minutes_per_year = 15000;
  p.measures = {0};
  r.processes.push_back(p);
  reports::MediaBreakRow b;
  b.number = 1;
  b.node_id = "B3";
  b.node_name = "Daten erfassen";
  b.block = engine::BlockType::edv_input;
  b.kind_id = "retyping";
  b.kind_de = "Abtippen (erneute Dateneingabe)";
  b.kind_en = "Re-typing";
  b.reason_de = "Baustein „Daten in EDV übernehmen“: Daten vom Papierformular werden abgetippt";
  b.reason_en = "building block \"Enter data into IT system\": data from the paper form are typed in";
  b.share = 1;
  b.minutes_per_year = 15000;
  b.at = {44, 7};
  b.process = 0;
  r.media_breaks.push_back(b);
  reports::MeasureRow m;
  m.rank = 1;
  m.id = "online_application";
  m.title_de = "Online-Antrag über Amt24 mit XML-Übergabe";
  m.title_en = "Online application via Amt24 with XML hand-over";
  m.node_ids = {"B3"};
  m.node_names = {"Daten erfassen"};
  m.resolves_de = {"Abtippen (erneute Dateneingabe)"};
  m.resolves_en = {"Re-typing"};
  m.saved_hours_per_year = 250;
  m.saved_eur_per_year = 6375;
  m.saved_citizen_minutes_per_case = 15;
  m.component = "Amt24";
  m.ozg_level = 3;
  m.one_off_eur = 3000;
  m.running_eur_per_year = 600;
  m.staff_days = 10;
  m.net_benefit_eur_per_year = 6375 - 600;
  m.payback_years = (3000 + 10 * 8 * 25.5) / (6375.0 - 600);
  m.priority = "hoch";
  m.process = 0;
  r.measures.push_back(m);
  return r;
}

reports::Report nasty_report() {
  reports::Report r = gewerbe_report();
  r.model_name = nasty;
  r.processes[0].name = nasty;
  r.processes[0].nodes[0].name = nasty;
  r.processes[0].nodes[0].stelle = "Bürgerbüro <EG> & \"Kasse\" | 1";
  r.processes[0].stellen[0].name = "Bürgerbüro <EG> & \"Kasse\" | 1";
  r.media_breaks[0].node_name = nasty;
  r.media_breaks[0].reason_de = std::string("Stichwort in ") + nasty;
  r.measures[0].node_names = {nasty};
  return r;
}


} // namespace

TEST_CASE("model names are escaped in Markdown, HTML and JSON", "[report][unit]") {
  const reports::Report r = nasty_report();
  const std::string md = reports::render(r, Format::markdown, engine::Lang::de);
  const std::string html = reports::render(r, Format::html, engine::Lang::de);
  const std::string json = reports::render(r, Format::json, engine::Lang::de);

  CHECK(md.find("# Prozessanalyse: Antrag \\<prüfen\\> & \"Gebühr\" \\| Kasse\n") != std::string::npos);
  CHECK(md.find("| Bürgerbüro \\<EG\\> & \"Kasse\" \\| 1 |") != std::string::npos);
  CHECK(md.find("<prüfen>") == std::string::npos);
  CHECK(md.find("&amp;") == std::string::npos);  // Markdown is read as plain text too: no HTML entities
  CHECK(md.find(" | Kasse") == std::string::npos);  // an unescaped | would split the table cell

  CHECK(html.find("<h1>Prozessanalyse: Antrag &lt;prüfen&gt; &amp; &quot;Gebühr&quot; | Kasse</h1>") != std::string::npos);
  CHECK(html.find("<td>Bürgerbüro &lt;EG&gt; &amp; &quot;Kasse&quot; | 1</td>") != std::string::npos);
  CHECK(html.find("<prüfen>") == std::string::npos);
  CHECK(html.find("& \"") == std::string::npos);

  const auto j = nlohmann::json::parse(json);
  CHECK(j["name"] == nasty);
  CHECK(j["processes"][0]["nodes"][0]["name"] == nasty);
  CHECK(j["processes"][0]["stellen"][0]["name"] == "Bürgerbüro <EG> & \"Kasse\" | 1");
  CHECK(j["processes"][0]["media_breaks"][0]["node_name"] == nasty);
}

TEST_CASE("a model built in code with awkward names is escaped end to end", "[report][unit]") {
  engine::Diagnostics diags;
  const engine::ProcessModel m = test::named_chain(nasty, "Hundesteuer <alt> & \"neu\" | Ämter", nasty, "Ende & Schluss", diags);
  REQUIRE(diags.empty());
  engine::AnalysisContext ctx(m);
  analysis::run_passes(ctx, {"structure", "visits", "workload", "media-breaks", "suggestions"});
  const reports::Report r = reports::build_report(ctx, diags, {"amt.bpmn", false});

  const std::string md = reports::render(r, Format::markdown, engine::Lang::de);
  const std::string html = reports::render(r, Format::html, engine::Lang::de);
  CHECK(md.find("# Prozessanalyse: Antrag \\<prüfen\\> & \"Gebühr\" \\| Kasse") != std::string::npos);
  CHECK(md.find("### Hundesteuer \\<alt\\> & \"neu\" \\| Ämter\n") != std::string::npos);
  CHECK(html.find("<h3>Hundesteuer &lt;alt&gt; &amp; &quot;neu&quot; | Ämter</h3>") != std::string::npos);
  // The task name reaches the SVG picture, XML-escaped and word-wrapped.
  CHECK(html.find(">Antrag &lt;prüfen&gt; &amp;</text>") != std::string::npos);
  CHECK(html.find("Ende &amp; Schluss") != std::string::npos);
  CHECK(html.find("<prüfen>") == std::string::npos);
  const auto j = nlohmann::json::parse(reports::render(r, Format::json, engine::Lang::en));
  CHECK(j["name"] == nasty);
  CHECK(j["processes"][0]["name"] == "Hundesteuer <alt> & \"neu\" | Ämter");
}

TEST_CASE("numbers use a decimal comma in German and a decimal point in English", "[report][unit]") {
  const reports::Report r = gewerbe_report();
  const std::string de = reports::render(r, Format::markdown, engine::Lang::de);
  const std::string en = reports::render(r, Format::markdown, engine::Lang::en);
  CHECK(de.find("- Fallzahl: 1.500 Fälle pro Jahr (Modell, gewerbe.xml:12).") != std::string::npos);
  CHECK(de.find("- Arbeitsaufwand: 38,5 Minuten je Fall, 963 Stunden pro Jahr, das sind 0,60 VZÄ (bei 1.600 Stunden je VZÄ).") !=
        std::string::npos);
  CHECK(de.find("- Personalkosten: 24.544 € pro Jahr.") != std::string::npos);
  CHECK(de.find("- Medienbrüche: 1; sie binden 15.000 Minuten pro Jahr (250 Stunden).") != std::string::npos);
  CHECK(de.find("| Sachbearbeitung Gewerbe | 963 | 0,60 | 24.544 € | 25,50 € | Standardwert (StBA 2025), Lohnkostentabelle Kommunen, mittel |") !=
        std::string::npos);
  CHECK(de.find("1. **Online-Antrag über Amt24 mit XML-Übergabe** – spart 250 Stunden und 6.375 € pro Jahr") != std::string::npos);
  CHECK(en.find("- Case volume: 1,500 cases per year (model, gewerbe.xml:12).") != std::string::npos);
  CHECK(en.find("- Workload: 38.5 minutes per case, 963 hours per year, that is 0.60 FTE (at 1,600 hours per FTE).") !=
        std::string::npos);
  CHECK(en.find("- Personnel cost: €24,544 per year.") != std::string::npos);
  CHECK(en.find("Fälle") == std::string::npos);
}

TEST_CASE("the media-break table lists number, Baustein, kind, reason, share, minutes and file:line", "[report][unit]") {
  const reports::Report r = gewerbe_report();
  const std::string md = reports::render(r, Format::markdown, engine::Lang::de);
  CHECK(md.find("| Nr. | Baustein/Aufgabe | Art | Grund | Anteil | Minuten pro Jahr | Fundstelle |") != std::string::npos);
  CHECK(md.find("| 1 | Daten erfassen (Daten in EDV übernehmen) | Abtippen (erneute Dateneingabe) | Baustein „Daten in EDV "
                "übernehmen“: Daten vom Papierformular werden abgetippt | 100 % | 15.000 | gewerbe.xml:44 |") != std::string::npos);
  // This report has no picture, so Markdown points to none.
  CHECK(md.find("Das Prozessbild mit den markierten Bausteinen steht im HTML-Bericht") == std::string::npos);
  const std::string html = reports::render(r, Format::html, engine::Lang::de);
  CHECK(html.find("<td class=\"n\"><span class=\"badge\">1</span></td>") != std::string::npos);
}

TEST_CASE("the fact sheet's Bearbeitungszeit is shown beside the computed minutes with a remark", "[report][unit]") {
  reports::Report r = gewerbe_report();
  CHECK(reports::fact_sheet_disagrees(r.processes[0]));
  const std::string md = reports::render(r, Format::markdown, engine::Lang::de);
  CHECK(md.find("Im Steckbrief eingetragen: 15,0 Minuten Bearbeitungszeit (gewerbe.xml:20); aus den Bausteinen berechnet: "
                "38,5 Minuten je Fall. Die Werte weichen voneinander ab.") != std::string::npos);
  r.processes[0].fact_sheet_minutes = 38.2;
  CHECK_FALSE(reports::fact_sheet_disagrees(r.processes[0]));
  CHECK(reports::render(r, Format::markdown, engine::Lang::de).find("Die Werte stimmen überein.") != std::string::npos);
  const auto j = nlohmann::json::parse(reports::render(gewerbe_report(), Format::json, engine::Lang::de));
  CHECK(j["processes"][0]["fact_sheet_minutes"] == 15);
  CHECK(j["processes"][0]["fact_sheet_disagrees"] == true);
}

TEST_CASE("empty sections read sensibly in both languages", "[report][unit]") {
  reports::Report r;
  r.file = "leer.bpmn";
  r.format = "bpmn";
  reports::ProcessSection p;
  p.id = "P";
  p.name = "Leerer Prozess";
  r.processes.push_back(p);
  const std::string de = reports::render(r, Format::markdown, engine::Lang::de);
  CHECK(de.find("- Für diesen Prozess liegen keine Aufwandszahlen vor.") != std::string::npos);
  CHECK(de.find("## 2. Medienbrüche\n\nKeine Medienbrüche gefunden.") != std::string::npos);
  CHECK(de.find("## 3. Arbeitsaufwand\n\nKeine Aufwandszahlen berechnet.") != std::string::npos);
  CHECK(de.find("## 4. Priorisierte Maßnahmen\n\nKeine Digitalisierungsmaßnahmen vorgeschlagen.") != std::string::npos);
  CHECK(de.find("## 5. Strukturprüfung\n\nKeine Auffälligkeiten in der Modellstruktur.") != std::string::npos);
  CHECK(de.find("Durchlaufzeit nicht simuliert (mit --lead-time einschalten).") != std::string::npos);
  const std::string en = reports::render(r, Format::html, engine::Lang::en);
  CHECK(en.find("<p>No media breaks found.</p>") != std::string::npos);
  CHECK(en.find("<p>No digitisation measures suggested.</p>") != std::string::npos);
  const auto j = nlohmann::json::parse(reports::render(r, Format::json, engine::Lang::de));
  CHECK(j["processes"][0]["hours_per_year"].is_null());
  CHECK(j["processes"][0]["media_breaks"].empty());
  CHECK(j["lead_time"].is_null());
}

TEST_CASE("the HTML report is one self-contained printable file", "[report][unit]") {
  const std::string html = reports::render(gewerbe_report(), Format::html, engine::Lang::de);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"de\">", 0) == 0);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("url(http") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<html lang=\"en\">") == std::string::npos);
  CHECK(reports::render(gewerbe_report(), Format::html, engine::Lang::en).find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("the JSON report has the agreed keys as plain numbers", "[report][unit]") {
  reports::Report r = gewerbe_report();
  r.lead_time = analysis::LeadTime{true, 12.25, 10.5, 20.125, 0.4, 10000, "", ""};
  const auto j = nlohmann::json::parse(reports::render(r, Format::json, engine::Lang::de));
  const auto& p = j["processes"][0];
  CHECK(p["id"] == "P1");
  CHECK(p["cases_per_year"] == 1500);
  CHECK(p["minutes_per_case"] == 38.5);
  CHECK(p["hours_per_year"] == 962.5);
  CHECK(p["fte"] == 0.6016);
  CHECK(p["cost_per_year_eur"] == 24543.75);
  CHECK(p["lead_time_days"] == 12.25);
  CHECK(p["cases_source"]["origin"] == "model");
  CHECK(p["cases_source"]["line"] == 12);
  CHECK(p["stellen"][0]["name"] == "Sachbearbeitung Gewerbe");
  CHECK(p["stellen"][0]["rate_source"]["origin"] == "default_table");
  CHECK(p["nodes"][0]["id"] == "B3");
  CHECK(p["nodes"][0]["visits"] == 1);
  CHECK(p["nodes"][0]["minutes_per_case"] == 10);
  CHECK(p["nodes"][0]["block"] == "edvinput");
  CHECK(p["media_breaks"][0]["node_id"] == "B3");
  CHECK(p["media_breaks"][0]["kind"] == "retyping");
  CHECK(p["media_breaks"][0]["line"] == 44);
  CHECK(p["suggestions"][0]["id"] == "online_application");
  CHECK(p["suggestions"][0]["nodes"] == nlohmann::json::array({"B3"}));
  CHECK(p["suggestions"][0]["saved_hours_per_year"] == 250);
  CHECK(p["suggestions"][0]["saved_eur_per_year"] == 6375);
  CHECK(p["suggestions"][0]["saved_citizen_minutes_per_case"] == 15);
  CHECK(p["suggestions"][0]["component"] == "Amt24");
  CHECK(p["suggestions"][0]["ozg_level"] == 3);
  CHECK(j["lead_time"]["p90_days"] == 20.13);
  // Same input, same bytes.
  CHECK(reports::render(r, Format::json, engine::Lang::de) == reports::render(r, Format::json, engine::Lang::de));
}

TEST_CASE("measures are phrased for a Digitale Agenda with benefit, effort and OZG level", "[report][unit]") {
  const std::string md = reports::render(gewerbe_report(), Format::markdown, engine::Lang::de);
  CHECK(md.find("### Zum Einfügen in die Digitale Agenda\n\nPriorisierte Maßnahmen mit Aufwand und Nutzen (Handlungsfeld Verwaltung):\n\n"
                "1. **Maßnahme 1: Online-Antrag über Amt24 mit XML-Übergabe**  \n"
                "   Nutzen: 250 Stunden und 6.375 € pro Jahr in der Verwaltung; 15,0 Minuten je Fall für Bürgerinnen und Bürger.  \n"
                "   Aufwand: einmalig 3.000 €, laufend 600 € pro Jahr, 10 Personentage der eigenen Verwaltung (Annahme); Amortisation in 0,9 Jahren; Priorität: hoch.  \n"
                "   Umsetzung: Einführung bzw. Anbindung von Amt24; erreicht OZG-Reifegrad 3.  \n"
                "   Behebt: Abtippen (erneute Dateneingabe).  \n"
                "   Betrifft: Daten erfassen.\n") != std::string::npos);
}

TEST_CASE("the diagram follows DI bounds and marks media-break nodes with their numbers", "[report][unit]") {
  engine::ModelBuilder b("d.bpmn", "bpmn");
  b.add_process(engine::Process{"P", "Bewohnerparken", false, engine::npos, {}, {2, 1}});
  const char* ids[] = {"S", "T1", "T2", "E"};
  const engine::NodeKind kinds[] = {engine::NodeKind::start_event, engine::NodeKind::user_task,
                                    engine::NodeKind::manual_task, engine::NodeKind::end_event};
  for (int i = 0; i < 4; ++i) {
    engine::Node n;
    n.id = ids[i];
    n.name = std::string("Schritt ") + ids[i];
    n.kind = kinds[i];
    n.process = 0;
    b.add_node(std::move(n));
  }
  b.add_sequence_flow(engine::Flow{"f1", "", engine::npos, engine::npos, "", false, false, {}, {}, {}}, "S", "T1");
  b.add_sequence_flow(engine::Flow{"f2", "", engine::npos, engine::npos, "", false, false, {}, {}, {}}, "T1", "T2");
  b.add_sequence_flow(engine::Flow{"f3", "", engine::npos, engine::npos, "", false, false, {}, {}, {}}, "T2", "E");
  SECTION("with DI") {
    b.set_has_diagram(true);
    b.add_shape("S", {100, 100, 36, 36});
    b.add_shape("T1", {200, 78, 100, 80});
    b.add_shape("T2", {350, 78, 100, 80});
    b.add_shape("E", {500, 100, 36, 36});
    b.add_edge("f1", {{136, 118}, {200, 118}});
    engine::Diagnostics diags;
    const auto m = std::move(b).finish(diags);
    const auto d = reports::build_diagram(m, {{2, 1}, {2, 3}});
    REQUIRE(d.from_di);
    REQUIRE(d.shapes.size() == 4);
    CHECK(d.shapes[0].bounds.x == 24);  // shifted to the margin
    CHECK(d.shapes[1].bounds.x == 124);
    CHECK(d.shapes[2].marks == "1,3");
    CHECK(d.shapes[1].marks.empty());
    CHECK(d.width == 436 + 48);
    const std::string svg = reports::render_svg(d, engine::Lang::de);
    CHECK(svg.find("stroke=\"#c62828\" stroke-width=\"3.0\"") != std::string::npos);
    CHECK(svg.find(">1,3</text>") != std::string::npos);
    CHECK(svg.find("<polyline points=\"60.0,64.0 124.0,64.0\"") != std::string::npos);
  }
  SECTION("without DI: left to right, one column per step") {
    engine::Diagnostics diags;
    const auto m = std::move(b).finish(diags);
    const auto d = reports::build_diagram(m, {{1, 1}});
    CHECK_FALSE(d.from_di);
    REQUIRE(d.shapes.size() == 5);  // the band plus four nodes
    CHECK(d.shapes[0].kind == reports::DiagramShape::Kind::band);
    CHECK(d.shapes[0].label == "Bewohnerparken");
    for (int i = 2; i < 5; ++i) CHECK(d.shapes[static_cast<std::size_t>(i)].bounds.x > d.shapes[static_cast<std::size_t>(i) - 1].bounds.x);
    CHECK(d.shapes[2].marks == "1");
    CHECK(d.edges.size() == 3);
  }
}

TEST_CASE("the diagram leaves out the content of a collapsed sub-process drawn on its own plane", "[report][unit]") {
  engine::ModelBuilder b("c.bpmn", "bpmn");
  b.add_process(engine::Process{"P", "Gewerbe", false, engine::npos, {}, {2, 1}});
  engine::Node sub;
  sub.id = "Sub";
  sub.name = "Prüfung";
  sub.kind = engine::NodeKind::sub_process;
  sub.process = 0;
  const auto si = b.add_node(sub);
  engine::Node child;
  child.id = "Child";
  child.name = "Innen";
  child.kind = engine::NodeKind::user_task;
  child.process = 0;
  child.parent = si;
  b.add_node(child);
  b.set_has_diagram(true);
  b.add_shape("Sub", {200, 100, 100, 80});
  b.add_shape("Child", {50, 40, 100, 80});  // coordinates of the sub-process's own plane
  engine::Diagnostics diags;
  const auto m = std::move(b).finish(diags);
  const auto d = reports::build_diagram(m, {});
  REQUIRE(d.shapes.size() == 1);
  CHECK(d.shapes[0].label == "Prüfung");
}
