// SPDX-License-Identifier: MIT
#include "reports/emit_docx.h"

#include "reports/emit_common.h"
#include "reports/emit_doc_common.h"
#include "reports/emit_docx_parts.h"
#include "reports/escape.h"
#include "reports/render_api.h"
#include "reports/svg_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace lotse::reports {
namespace {

using doc::Cell;

constexpr double text_width_pt = 481.9;    // A4 (595.3 pt) minus 2 x 2 cm margins
constexpr double text_height_pt = 640.0;   // room for a picture part with its caption
constexpr double landscape_width_pt = 728.5;   // A4 landscape (841.9 pt) minus 2 x 2 cm
constexpr double landscape_height_pt = 420.0;  // 595.3 pt minus 2.5 + 2 cm margins, room for the caption

/// Page size and margins of a section (A4 portrait or landscape), with the header and footer.
std::string section_properties(bool landscape) {
  return fmt::format(
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" "
      "r:id=\"rIdFooter\"/><w:pgSz w:w=\"{}\" w:h=\"{}\"{}/><w:pgMar w:top=\"1417\" w:right=\"1134\" "
      "w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
      landscape ? 16838 : 11906, landscape ? 11906 : 16838, landscape ? " w:orient=\"landscape\"" : "");
}
constexpr int text_width_twips = 9638;
constexpr double emu_per_pt = 12700;
constexpr double picture_min_pt = 7;       // no label of the picture below 7 pt on A4
constexpr double picture_dpi = 150;

class Body {
public:
  Body(const doc::Meta& meta, docx::StyleIds ids) : meta_(meta), ids_(std::move(ids)) {}

  void block(const doc::Block& b);
  [[nodiscard]] std::string document_xml() const;
  std::vector<docx::Relation> images;
  std::vector<std::pair<std::string, std::string>> media;

private:
  std::string runs(const doc::Inline& in, bool bold = false) const;
  std::string paragraph(const std::string& style, const std::string& content, const char* extra = "") const;
  void heading(const doc::Heading& h);
  void table(const doc::Table& t);
  std::string row(const doc::Table& t, const std::vector<Cell>& cells, bool header, bool total) const;
  void key_figures(const doc::KeyFigures& k);
  void figure(const doc::Figure& f);
  std::string drawing(const std::string& rel, double w_pt, double h_pt, const std::string& name);

  const doc::Meta& meta_;
  docx::StyleIds ids_;
  std::string xml_;
  int bookmark_ = 0, drawing_ = 0;
};

std::string Body::runs(const doc::Inline& in, bool bold) const {
  std::string out;
  for (const auto& s : in) {
    std::string props;
    if (bold || s.style == doc::Span::Style::strong) props += "<w:b/>";
    if (s.style == doc::Span::Style::emphasis) props += "<w:i/>";
    if (s.style == doc::Span::Style::code) props += "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>";
    if (s.muted) props += "<w:color w:val=\"666666\"/>";
    if (s.line_break) out += "<w:r><w:br/></w:r>";
    const std::string text = s.is_number ? detail::format_value(s.value, s.unit, s.decimals, meta_.lang) : s.text;
    out += "<w:r>" + (props.empty() ? std::string() : "<w:rPr>" + props + "</w:rPr>") +
           "<w:t xml:space=\"preserve\">" + escape_xml(text) + "</w:t></w:r>";
  }
  return out;
}

std::string Body::paragraph(const std::string& style, const std::string& content, const char* extra) const {
  const std::string ppr = style.empty() && *extra == 0 ? std::string()
                          : "<w:pPr>" + (style.empty() ? std::string() : "<w:pStyle w:val=\"" + escape_xml(style) + "\"/>") +
                                extra + "</w:pPr>";
  return "<w:p>" + ppr + content + "</w:p>";
}

void Body::heading(const doc::Heading& h) {
  const int level = std::clamp(h.level, 1, 3);
  std::string content = runs(h.text);
  if (!h.id.empty()) {
    const int id = bookmark_++;
    content = fmt::format("<w:bookmarkStart w:id=\"{}\" w:name=\"{}\"/>", id, escape_xml(h.id)) + content +
              fmt::format("<w:bookmarkEnd w:id=\"{}\"/>", id);
  }
  xml_ += paragraph(ids_.heading[level - 1], content);
}

std::string Body::row(const doc::Table& t, const std::vector<Cell>& cells, bool header, bool total) const {
  std::string out = "<w:tr><w:trPr><w:cantSplit/>";
  if (header) out += "<w:tblHeader/>";
  out += "</w:trPr>";
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const bool numeric = t.columns[c].numeric || (c < cells.size() && cells[c].kind == Cell::Kind::number);
    std::string text = header ? t.columns[c].header : (c < cells.size() ? doc::format_cell(cells[c], meta_.lang) : "");
    std::string tcpr = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF2\"/>" : "";
    if (total) tcpr += "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:color=\"37474F\"/></w:tcBorders>";
    out += "<w:tc>" + (tcpr.empty() ? std::string() : "<w:tcPr>" + tcpr + "</w:tcPr>");
    out += paragraph("", runs(doc::text(std::move(text)), header || total), numeric ? "<w:jc w:val=\"right\"/>" : "");
    out += "</w:tc>";
  }
  return out + "</w:tr>";
}

void Body::table(const doc::Table& t) {
  if (t.columns.empty()) return;
  if (!t.caption.empty()) xml_ += paragraph(ids_.caption, runs(doc::text(t.caption)), "<w:keepNext/>");
  const auto weights = doc::column_weights(t, meta_.lang);
  std::string grid;
  for (double v : weights) grid += fmt::format("<w:gridCol w:w=\"{}\"/>", static_cast<int>(text_width_twips * v));
  xml_ += fmt::format("<w:tbl><w:tblPr><w:tblStyle w:val=\"{}\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                      "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                      "w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>{}</w:tblGrid>",
                      escape_xml(ids_.table), grid);
  xml_ += row(t, {}, true, false);
  for (const auto& r : t.rows) xml_ += row(t, r, false, false);
  if (t.total) xml_ += row(t, *t.total, false, true);
  xml_ += "</w:tbl>" + paragraph("", "");
}

void Body::key_figures(const doc::KeyFigures& k) { table(doc::key_figure_table(k, meta_.lang)); }

std::string Body::drawing(const std::string& rel, double w_pt, double h_pt, const std::string& name) {
  const int id = ++drawing_;
  const auto cx = static_cast<long long>(std::llround(w_pt * emu_per_pt));
  const auto cy = static_cast<long long>(std::llround(h_pt * emu_per_pt));
  return fmt::format(
      "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{0}\" cy=\"{1}\"/>"
      "<wp:docPr id=\"{2}\" name=\"{3}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
      "</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"{2}\" name=\"{3}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
      "<a:blip r:embed=\"{4}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
      "<a:ext cx=\"{0}\" cy=\"{1}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
      "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
      cx, cy, id, escape_xml(name), rel);
}

void Body::figure(const doc::Figure& f) {
  if (f.svg.empty()) return;
  TilePlan plan = plan_tiles(f, text_width_pt, text_height_pt, picture_min_pt, 1.0);
  // A picture wider than the portrait page gets a landscape section of its own (a paragraph's sectPr
  // ends the section before it), as in the PDF report.
  const bool landscape = plan.columns > 1;
  if (landscape) {
    xml_ += "<w:p><w:pPr>" + section_properties(false) + "</w:pPr></w:p>";
    plan = plan_tiles(f, landscape_width_pt, landscape_height_pt, picture_min_pt, 1.0);
  }
  const std::vector<std::string> pngs = render_api().pngs(f, plan.scale, plan.tiles, picture_dpi);
  const auto& w = doc::emit_words(meta_.lang);
  for (std::size_t k = 0; k < plan.tiles.size(); ++k) {
    const Rect& tile = plan.tiles[k];
    const std::string rel = fmt::format("rIdImage{}", images.size() + 1);
    const std::string target = fmt::format("media/image{}.png", images.size() + 1);
    images.push_back({rel, docx::rel_image, target});
    media.emplace_back("word/" + target, pngs[k]);
    xml_ += paragraph("", drawing(rel, tile.width, tile.height, f.id.empty() ? "figure" : f.id), "<w:keepNext/>");
    std::string caption = f.caption;
    if (plan.tiles.size() > 1) {
      caption += " – " + doc::fill(w.tile, {std::to_string(k + 1), std::to_string(plan.tiles.size())});
    }
    xml_ += paragraph(ids_.caption, runs(doc::text(caption)));
  }
  if (landscape) xml_ += "<w:p><w:pPr>" + section_properties(true) + "</w:pPr></w:p>";
}

void Body::block(const doc::Block& b) {
  std::visit(
      [this](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, doc::Heading>) heading(x);
        else if constexpr (std::is_same_v<T, doc::Paragraph>) xml_ += paragraph("", runs(x.text));
        else if constexpr (std::is_same_v<T, doc::List>) {
          int n = 0;
          for (const auto& item : x.items) {
            const std::string mark = x.ordered ? std::to_string(++n) + ".\t" : "•\t";
            xml_ += paragraph(ids_.list, runs(doc::text(mark)) + runs(item));
          }
        } else if constexpr (std::is_same_v<T, doc::KeyFigures>) key_figures(x);
        else if constexpr (std::is_same_v<T, doc::Table>) table(x);
        else if constexpr (std::is_same_v<T, doc::Figure>) figure(x);
        else if constexpr (std::is_same_v<T, doc::Notes>) {
          for (const auto& note : x.items) {
            std::string text = doc::plain_text(note.text, meta_.lang);
            if (!note.location.empty()) text = note.location + ": " + text;
            xml_ += paragraph("", runs(doc::text(text), note.severity == engine::Severity::error));
          }
        } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
          xml_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
        }
      },
      b);
}

std::string Body::document_xml() const {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{}\" xmlns:r=\"{}\" "
      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{}{}</w:body></w:document>",
      docx::ns_w, docx::ns_r, xml_, section_properties(false));
}

} // namespace

std::string emit_docx(const doc::Document& d, const DocxOptions& o) {
  docx::StyleIds ids;
  const docx::TemplateParts tpl = o.template_bytes.empty() ? docx::TemplateParts{} : docx::read_template(o.template_bytes, ids);
  Body body(d.meta, ids);
  for (const auto& b : d.blocks) body.block(b);
  ZipWriter zip;
  docx::add_package_parts(zip, d.meta, body.images, tpl);
  zip.add("word/document.xml", body.document_xml());
  for (const auto& [path, bytes] : body.media) zip.add(path, bytes);
  return zip.finish();
}

} // namespace lotse::reports
