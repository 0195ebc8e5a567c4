// SPDX-License-Identifier: MIT
// The slide deck (issue #11): emit_pptx gives a PresentationML package whose every slide part is
// well-formed XML with its relationships in place, a real table (a:tbl, header row bold, numbers
// right-aligned and German-formatted), the process picture of a real report as PNG, speaker notes,
// and model text escaped with its bidi override closed; the shared layout keeps every box on the
// slide, shrinking type to its floor and then leaving out rows; the 16:9 PDF has one page per slide.
// With LOTSE_PPTX_OUT set, "[pptx-files]" writes deck.pptx and deck.pdf there for the LibreOffice
// read-back (tests/reports/pptx_check.py, CTest slides_readback).
#include "analysis/registry.h"
#include "importers/importer.h"
#include "reports/analysis_report.h"
#include "reports/emit_doc_common.h"
#include "reports/emit_pptx.h"
#include "reports/zip_package.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

using namespace lotse;
using namespace lotse::reports;

namespace {

const std::string awkward = "Antrag <prüfen> & \xE2\x80\xAE" "Kasse";  // <, &, >, U+202E RIGHT-TO-LEFT OVERRIDE

/// The first picture of the analyze report of samples/hundesteuer.bpmn.
doc::Figure hundesteuer_figure() {
  auto imported = importers::import_file(test::sample("hundesteuer.bpmn"));
  REQUIRE(imported.model);
  engine::AnalysisContext ctx(*imported.model);
  analysis::run_passes(ctx, {"structure", "visits", "workload", "media-breaks", "suggestions"});
  const Report r = build_report(ctx, imported.diagnostics, {"hundesteuer.bpmn", false});
  const doc::Document d = build_document(r, engine::Lang::de);
  const auto figures = doc::blocks_of<doc::Figure>(d);
  REQUIRE_FALSE(figures.empty());
  return *figures.front();
}

doc::Deck sample_deck() {
  doc::Deck d;
  d.meta.title = "Hundesteuer " + awkward;
  d.meta.subtitle = "Werkstatt Digitalisierung";
  d.meta.town = "Musterstadt";
  d.meta.date = "2026-03-01";

  doc::Slide intro;
  intro.title = "Worum es geht";
  doc::Paragraph p;
  p.text = doc::text("Der Prozess bindet ");
  p.text.push_back(doc::number(1234.5, doc::Unit::hours, 1));
  p.text.push_back(doc::Span{" Stunden im Jahr.", doc::Span::Style::plain, {}});
  intro.blocks.emplace_back(p);
  doc::List l;
  l.items = {doc::text("Medienbrüche erkennen"), doc::text(awkward), doc::strong("Maßnahmen planen")};
  intro.blocks.emplace_back(l);
  intro.notes = "Begrüßung.\nZiel des Termins: " + awkward;
  d.slides.push_back(intro);

  doc::Slide figures;
  figures.title = "Kennzahlen";
  doc::KeyFigures k;
  k.figures = {{"Fallzahl", doc::number_cell(1320, doc::Unit::count, 0), "Fälle pro Jahr", false, {}},
               {"Arbeitszeit", doc::number_cell(145.04, doc::Unit::hours, 1), "pro Jahr", false, {}},
               {"Personalkosten", doc::number_cell(3904, doc::Unit::eur, 0), "pro Jahr", false, {}},
               {"Medienbrüche", doc::number_cell(10, doc::Unit::count, 0), "zu beheben", true, {}}};
  figures.blocks.emplace_back(k);
  d.slides.push_back(figures);

  doc::Slide table;
  table.title = "Arbeitsaufwand je Stelle";
  doc::Table t;
  t.id = "stellen";
  t.columns = {{"Stelle", "stelle", false}, {"Stunden/Jahr", "hours", true}, {"VZÄ", "fte", true}, {"Kosten", "eur", true}};
  for (int i = 0; i < 8; ++i) {
    t.rows.push_back({doc::text_cell(i == 0 ? awkward : "Stelle " + std::to_string(i + 1)),
                      doc::number_cell(1234.5 + i, doc::Unit::hours, 1), doc::number_cell(0.77 + i * 0.01, doc::Unit::fte, 2),
                      doc::number_cell(31339 + i, doc::Unit::eur, 0)});
  }
  table.blocks.emplace_back(t);
  d.slides.push_back(table);

  doc::Slide picture;
  picture.title = "Der Ist-Prozess";
  picture.blocks.emplace_back(hundesteuer_figure());
  picture.notes = "Das Bild zeigt alle Medienbrüche.";
  d.slides.push_back(picture);
  return d;
}

std::map<std::string, std::string> parts(const std::string& zip) {
  std::map<std::string, std::string> out;
  for (auto& [name, data] : read_zip(zip)) out[name] = data;
  return out;
}

pugi::xml_document parse(const std::map<std::string, std::string>& p, const std::string& name) {
  pugi::xml_document doc;
  INFO(name);
  REQUIRE(p.count(name) == 1);
  const auto& bytes = p.at(name);
  const auto r = doc.load_buffer(bytes.data(), bytes.size());
  INFO(r.description());
  REQUIRE(r);
  return doc;
}

/// Every a:t text of a part, one string.
std::string texts(const pugi::xml_document& doc) {
  std::string out;
  for (const auto& n : doc.select_nodes("//a:t")) out += std::string(n.node().text().get()) + "\n";
  return out;
}

} // namespace

TEST_CASE("pptx: every slide part is well-formed, with a real table, a PNG picture and speaker notes", "[pptx]") {
  const doc::Deck deck = sample_deck();
  const std::string bytes = emit_pptx(deck);
  const auto p = parts(bytes);
  CHECK(read_zip(bytes).front().first == "[Content_Types].xml");
  for (const char* name : {"_rels/.rels", "docProps/core.xml", "docProps/app.xml", "ppt/presentation.xml",
                           "ppt/_rels/presentation.xml.rels", "ppt/slideMasters/slideMaster1.xml",
                           "ppt/slideLayouts/slideLayout1.xml", "ppt/theme/theme1.xml", "ppt/notesMasters/notesMaster1.xml"}) {
    (void)parse(p, name);
  }
  const auto pres = parse(p, "ppt/presentation.xml");
  CHECK(pres.select_node("//p:sldSz[@cx='12192000' and @cy='6858000']"));
  CHECK(pres.select_nodes("//p:sldId").size() == 5);

  // Every part named by a relationship exists, and has a content type.
  const auto types = parse(p, "[Content_Types].xml");
  for (const auto& [name, data] : p) {
    if (!name.ends_with(".rels")) continue;
    const std::string dir = name.substr(0, name.find("_rels/"));
    const auto rels = parse(p, name);
    for (const auto& r : rels.child("Relationships").children("Relationship")) {
      const std::string target = std::filesystem::path(dir + r.attribute("Target").as_string()).lexically_normal().string();
      INFO(name << " -> " << target);
      CHECK(p.count(target) == 1);
      const std::string ext = target.substr(target.rfind('.') + 1);
      const bool typed = types.select_node(("//*[@PartName='/" + target + "']").c_str()) ||
                         types.select_node(("//*[@Extension='" + ext + "']").c_str());
      CHECK(typed);
    }
  }

  std::string all;
  for (int i = 1; i <= 5; ++i) {
    const std::string name = "ppt/slides/slide" + std::to_string(i) + ".xml";
    const auto slide = parse(p, name);
    all += texts(slide);
  }
  // Title slide from meta; footer with slide numbers.
  const auto title = parse(p, "ppt/slides/slide1.xml");
  CHECK(texts(title).find("Werkstatt Digitalisierung") != std::string::npos);
  CHECK(texts(title).find("Musterstadt") != std::string::npos);
  CHECK(all.find("3 / 5") != std::string::npos);

  // Model text: escaped in the bytes, intact when read, the override closed by U+202C (PDF) in its run.
  CHECK(p.at("ppt/slides/slide2.xml").find("Antrag &lt;prüfen&gt; &amp; ") != std::string::npos);
  CHECK(all.find(awkward + "\xE2\x80\xAC") != std::string::npos);

  // Numbers German: running text, key figures, table cells.
  CHECK(all.find("1.234,5\u00a0h") != std::string::npos);
  CHECK(all.find("1.320") != std::string::npos);
  CHECK(all.find("3.904\u00a0€") != std::string::npos);
  CHECK(all.find("0,77\u00a0VZÄ") != std::string::npos);
  CHECK(all.find("31.339\u00a0€") != std::string::npos);

  // The table: 9 rows (header + 8), header bold, number cells right-aligned.
  const auto table = parse(p, "ppt/slides/slide4.xml");
  const auto tbl = table.select_node("//a:tbl").node();
  REQUIRE(tbl);
  CHECK(tbl.select_nodes("a:tr").size() == 9);
  CHECK(tbl.select_nodes("a:tblGrid/a:gridCol").size() == 4);
  CHECK(tbl.select_node("a:tr[1]/a:tc[1]//a:rPr[@b='1']"));
  CHECK(tbl.select_node("a:tr[2]/a:tc[2]/a:txBody/a:p/a:pPr[@algn='r']"));
  CHECK(tbl.select_node("a:tr[2]/a:tc[1]/a:txBody/a:p/a:pPr[@algn='l']"));
  CHECK(texts(table).find("1.241,5\u00a0h") != std::string::npos);

  // The picture: a PNG, related from slide 5, inside the slide.
  const auto rels = parse(p, "ppt/slides/_rels/slide5.xml.rels");
  const auto image = rels.select_node("//*[contains(@Type, '/image')]").node();
  REQUIRE(image);
  const std::string png = p.at("ppt/media/" + std::filesystem::path(image.attribute("Target").as_string()).filename().string());
  CHECK(png.rfind("\x89PNG\r\n\x1A\n", 0) == 0);
  const auto pic = parse(p, "ppt/slides/slide5.xml");
  const auto off = pic.select_node("//p:pic/p:spPr/a:xfrm/a:off").node();
  const auto ext = pic.select_node("//p:pic/p:spPr/a:xfrm/a:ext").node();
  REQUIRE(off);
  CHECK(off.attribute("y").as_llong() + ext.attribute("cy").as_llong() <= 6858000);
  CHECK(off.attribute("x").as_llong() + ext.attribute("cx").as_llong() <= 12192000);

  // Speaker notes on slides 2 and 5 only, each line a paragraph.
  const auto notes = parse(p, "ppt/notesSlides/notesSlide2.xml");
  CHECK(notes.select_nodes("//p:sp[.//p:ph[@type='body']]//a:p").size() == 2);
  CHECK(p.count("ppt/notesSlides/notesSlide5.xml") == 1);
  CHECK(p.count("ppt/notesSlides/notesSlide3.xml") == 0);
}

TEST_CASE("slides: type shrinks to its floor, then rows are left out; nothing runs below the slide", "[pptx]") {
  doc::Deck d;
  d.meta.title = "Deck";
  doc::Slide s;
  s.title = "Sehr viele Zeilen";
  doc::Table t;
  t.columns = {{"Name", "name", false}, {"Stunden", "hours", true}};
  for (int i = 0; i < 40; ++i) t.rows.push_back({doc::text_cell("Zeile " + std::to_string(i)), doc::number_cell(i, doc::Unit::hours, 1)});
  s.blocks.emplace_back(doc::Paragraph{doc::text("Einleitung"), doc::Paragraph::Tone::plain});
  s.blocks.emplace_back(t);
  d.slides.push_back(s);
  doc::Slide small;
  small.title = "Wenig";
  small.blocks.emplace_back(doc::Paragraph{doc::text("Ein Satz."), doc::Paragraph::Tone::plain});
  d.slides.push_back(small);

  const auto pages = slides::layout_deck(d, slides::estimate_height);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].title_page);
  CHECK(pages[1].body_pt == slides::body_min_pt);
  CHECK(pages[1].table_pt == slides::table_min_pt);
  CHECK(pages[1].dropped > 0);
  CHECK(pages[2].body_pt == slides::body_max_pt);
  CHECK(pages[2].dropped == 0);
  bool said = false;
  for (const auto& page : pages) {
    for (const auto& b : page.boxes) {
      CHECK(b.x >= 0);
      CHECK(b.x + b.w <= slides::page_width_pt + 0.01);
      CHECK(b.y + b.h <= slides::page_height_pt);
      for (const auto& para : b.paras) {
        for (const auto& span : para.text) said = said || span.text.find("weitere Zeilen") != std::string::npos;
      }
    }
  }
  CHECK(said);
  // The emitted table has as many rows as the layout kept: header + shown rows.
  const auto p = parts(emit_pptx(d));
  pugi::xml_document slide;
  REQUIRE(slide.load_string(p.at("ppt/slides/slide2.xml").c_str()));
  const auto rows = slide.select_nodes("//a:tr").size();
  CHECK(rows > 10);
  CHECK(rows < 41);
}

TEST_CASE("slides PDF: 960 x 540 pt, one page per slide and the title page", "[pptx]") {
  const doc::Deck deck = sample_deck();
  const std::string pdf = emit_slides_pdf(deck);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("/MediaBox [ 0 0 960 540 ]") != std::string::npos);
  std::size_t pages = 0;
  for (std::size_t at = 0; (at = pdf.find("/Type /Page\n", at)) != std::string::npos; ++at) ++pages;
  if (pages == 0) {
    for (std::size_t at = 0; (at = pdf.find("/Type /Page ", at)) != std::string::npos; ++at) ++pages;
  }
  CHECK(pages == deck.slides.size() + 1);
}

TEST_CASE("slides: deck files for the LibreOffice read-back", "[pptx][pptx-files]") {
  const char* env = std::getenv("LOTSE_PPTX_OUT");
  namespace fs = std::filesystem;
  const fs::path dir = env != nullptr && *env != 0 ? fs::path(env) : fs::temp_directory_path() / "lotse-pptx-files";
  fs::create_directories(dir);
  const doc::Deck deck = sample_deck();
  std::ofstream(dir / "deck.pptx", std::ios::binary) << emit_pptx(deck);
  std::ofstream(dir / "deck.pdf", std::ios::binary) << emit_slides_pdf(deck);
  std::ofstream(dir / "deck.txt") << deck.slides.size() + 1 << "\n" << deck.meta.title << "\n";
  CHECK(fs::file_size(dir / "deck.pptx") > 1000);
  if (env == nullptr || *env == 0) fs::remove_all(dir);
}
