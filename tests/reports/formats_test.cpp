// SPDX-License-Identifier: MIT
// Document emitters (issue #10) on their own: XLSX keeps formula-like model text a string with the
// quote prefix and writes totals as SUM formulas, sheet names follow Excel's rules, pictures are tiled
// at the scale where the smallest label has the minimum size, and every format yields a package/PDF.
#include "reports/analysis_report.h"
#include "reports/emit_formats.h"
#include "reports/emit_xlsx.h"
#include "reports/svg_render.h"
#include "reports/zip_package.h"

#include <catch2/catch.hpp>

using namespace lotse;
using namespace lotse::reports;

namespace {

doc::Document awkward_document() {
  doc::Document d;
  d.meta.title = "=HYPERLINK(\"http://x\")";
  doc::Table t;
  t.id = "stellen";
  t.caption = "Je Stelle: [Amt]/Kasse*?";
  t.columns = {{"Stelle", "stelle", false}, {"Stunden", "hours", true}};
  t.rows = {{doc::text_cell("=1+2"), doc::number_cell(10.5, doc::Unit::hours, 1)},
            {doc::text_cell("@SUM(A1)"), doc::number_cell(4.25, doc::Unit::hours, 1)}};
  doc::Cell total = doc::number_cell(14.75, doc::Unit::hours, 1);
  total.formula_key = "hours";
  t.total = std::vector<doc::Cell>{doc::text_cell("Summe"), total};
  d.add(t);
  return d;
}

std::string entry(const std::string& zip, const std::string& name) {
  for (const auto& [n, data] : read_zip(zip)) {
    if (n == name) return data;
  }
  FAIL("no entry " << name);
  return {};
}

} // namespace

TEST_CASE("xlsx: model text stays text, totals are SUM formulas with cached values", "[formats]") {
  const std::string xlsx = emit_xlsx(awkward_document());
  const std::string sheet = entry(xlsx, "xl/worksheets/sheet2.xml");
  CHECK(sheet.find("<f>SUM(B2:B3)</f><v>14.75</v>") != std::string::npos);
  CHECK(sheet.find("<f>1+2</f>") == std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"1\"") != std::string::npos);
  CHECK(sheet.find("<autoFilter ref=\"A1:B3\"/>") != std::string::npos);
  const std::string strings = entry(xlsx, "xl/sharedStrings.xml");
  CHECK(strings.find("<t>=1+2</t>") != std::string::npos);
  CHECK(entry(xlsx, "xl/styles.xml").find("quotePrefix=\"1\"") != std::string::npos);
  CHECK(entry(xlsx, "xl/workbook.xml").find("name=\"Je Stelle AmtKasse\"") != std::string::npos);
}

TEST_CASE("xlsx: sheet names and formula-like text", "[formats]") {
  CHECK(sheet_name("Medienbrüche: Übersicht [alle]") == "Medienbrüche Übersicht alle");
  CHECK(sheet_name("Arbeitsaufwand je Stelle und Baustein im Jahr") == "Arbeitsaufwand je Stelle und Ba");
  CHECK(sheet_name("''") == "Tabelle");
  CHECK(looks_like_formula("=A1"));
  CHECK(looks_like_formula("-1"));
  CHECK(looks_like_formula("\tx"));
  CHECK_FALSE(looks_like_formula("Antrag prüfen"));
}

TEST_CASE("pictures are tiled at the minimum label size instead of shrunk", "[formats]") {
  doc::Figure f;
  f.svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text font-size=\"11\">a</text>"
          "<text style=\"font-size: 10px\">b</text></svg>";
  CHECK(smallest_font_size(f.svg) == 10);
  f.width = 3000;
  f.height = 400;
  // 9 pt from 10 units: scale 0.9, 2700 x 360 pt on 800 x 700 pt areas with 24 pt overlap: 4 columns.
  const TilePlan p = plan_tiles(f, 800, 700, 9, 3.0);
  CHECK(p.scale == Approx(0.9));
  CHECK(p.columns == 4);
  CHECK(p.rows == 1);
  REQUIRE(p.tiles.size() == 4);
  CHECK(p.tiles.back().x + p.tiles.back().width == Approx(2700));
  // A small picture is scaled up to fit, capped at max_scale.
  f.width = 200;
  f.height = 100;
  CHECK(plan_tiles(f, 800, 700, 9, 3.0).scale == Approx(3.0));
  CHECK(plan_tiles(f, 800, 700, 9, 3.0).tiles.size() == 1);
}

TEST_CASE("every document format is produced for the Hundesteuer-like report", "[formats]") {
  Report r;
  r.file = "x.bpmn";
  r.model_name = "Hundesteuer";
  r.format = "bpmn";
  doc::Document d = build_document(r, engine::Lang::de);
  doc::Table t;
  t.id = "stellen";
  t.columns = {{"Stelle", "stelle", false}, {"Stunden", "hours", true}};
  t.rows.push_back({doc::text_cell("Sachbearbeitung"), doc::number_cell(12.5, doc::Unit::hours, 1)});
  d.add(t);
  d.add(doc::Figure{"p", "Bild", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"><text x=\"5\" y=\"20\" "
                                  "font-size=\"10\">Antrag</text></svg>", 100, 50});
  CHECK(entry(emit(d, DocFormat::docx), "word/document.xml").find("w:tblHeader") != std::string::npos);
  CHECK(emit(d, DocFormat::pdf).rfind("%PDF-", 0) == 0);
  CHECK(emit(d, DocFormat::poster).rfind("%PDF-", 0) == 0);
  CHECK(read_zip(emit(d, DocFormat::xlsx)).size() > 5);
  CHECK(doc_extension(DocFormat::poster) == "poster.pdf");
}
