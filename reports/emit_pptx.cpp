// SPDX-License-Identifier: MIT
#include "reports/emit_pptx.h"
#include "reports/emit_docx_parts.h"

#include "engine/utf8.h"
#include "reports/emit_common.h"
#include "reports/emit_doc_common.h"
#include "reports/escape.h"
#include "reports/render_api.h"
#include "reports/svg_render.h"
#include "reports/zip_package.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lotse::reports {

// --- PresentationML ---------------------------------------------------------------------------------

namespace {

using slides::Box;
using slides::Page;
using slides::Para;

constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* ns_decl = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                                "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
constexpr const char* rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* pml = "application/vnd.openxmlformats-officedocument.presentationml.";
constexpr const char* font = "Arial";
constexpr double picture_dpi = 150;

long long emu(double pt) { return std::llround(pt * 12700); }
int hundredths(double pt) { return static_cast<int>(std::lround(pt * 100)); }
std::string rgb_hex(unsigned rgb) { return fmt::format("{:06X}", rgb & 0xFFFFFF); }
std::string solid(unsigned rgb) { return "<a:solidFill><a:srgbClr val=\"" + rgb_hex(rgb) + "\"/></a:solidFill>"; }

std::string lang_tag(engine::Lang lang) { return lang == engine::Lang::de ? "de-DE" : "en-GB"; }

std::string run_props(const std::string& lang, double size, bool bold, bool italic, bool code, unsigned rgb) {
  return fmt::format("<a:rPr lang=\"{}\" sz=\"{}\"{}{} dirty=\"0\">{}<a:latin typeface=\"{}\"/><a:cs typeface=\"{}\"/></a:rPr>",
                     lang, hundredths(size), bold ? " b=\"1\"" : "", italic ? " i=\"1\"" : "", solid(rgb),
                     code ? "Courier New" : font, code ? "Courier New" : font);
}

std::string paragraph(const Para& p, const std::string& lang) {
  std::string ppr = fmt::format("<a:pPr marL=\"{}\" indent=\"{}\" algn=\"{}\"><a:lnSpc><a:spcPct val=\"100000\"/></a:lnSpc>",
                                emu(p.indent), -emu(p.indent), p.right ? "r" : "l");
  if (p.space_after > 0) ppr += fmt::format("<a:spcAft><a:spcPts val=\"{}\"/></a:spcAft>", hundredths(p.space_after));
  if (p.number > 0) {
    ppr += fmt::format("<a:buClr><a:srgbClr val=\"{}\"/></a:buClr><a:buFont typeface=\"{}\"/>"
                       "<a:buAutoNum type=\"arabicPeriod\" startAt=\"{}\"/>", rgb_hex(slides::accent), font, p.number);
  } else if (p.bullet) {
    ppr += fmt::format("<a:buClr><a:srgbClr val=\"{}\"/></a:buClr><a:buFont typeface=\"{}\"/><a:buChar char=\"•\"/>",
                       rgb_hex(slides::accent), font);
  } else {
    ppr += "<a:buNone/>";
  }
  std::string out = "<a:p>" + ppr + "</a:pPr>";
  for (const auto& s : p.text) {
    if (s.line_break) out += "<a:br>" + run_props(lang, p.size, p.bold, false, false, p.rgb) + "</a:br>";
    if (s.text.empty()) continue;
    const bool bold = p.bold || s.style == doc::Span::Style::strong;
    const unsigned rgb = s.muted ? 0x666666 : p.rgb;
    out += "<a:r>" + run_props(lang, p.size, bold, s.style == doc::Span::Style::emphasis, s.style == doc::Span::Style::code, rgb) +
           "<a:t>" + escape_xml(s.text) + "</a:t></a:r>";
  }
  return out + fmt::format("<a:endParaRPr lang=\"{}\" sz=\"{}\" dirty=\"0\"/></a:p>", lang, hundredths(p.size));
}

std::string xfrm(const Box& b, const char* prefix = "a") {
  return fmt::format("<{0}:xfrm><a:off x=\"{1}\" y=\"{2}\"/><a:ext cx=\"{3}\" cy=\"{4}\"/></{0}:xfrm>", prefix, emu(b.x),
                     emu(b.y), emu(b.w), emu(b.h));
}

std::string shape_head(int id, const std::string& name, const char* extra = "") {
  return fmt::format("<p:sp><p:nvSpPr><p:cNvPr id=\"{}\" name=\"{}\"/><p:cNvSpPr{}/><p:nvPr/></p:nvSpPr>", id,
                     escape_xml(name), extra);
}

std::string rect_shape(int id, const Box& b, unsigned fill, const std::string& name) {
  return shape_head(id, name) + "<p:spPr>" + xfrm(b) + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>" + solid(fill) +
         "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>";
}

std::string text_shape(int& id, const Box& b, const std::string& lang) {
  std::string out;
  if (b.fill != 0) out += rect_shape(id++, b, b.fill, b.name + " Fläche");
  if (b.border != 0) {
    Box bar = b;
    bar.w = 4;
    out += rect_shape(id++, bar, b.border, b.name + " Rand");
  }
  const long long inset = emu(b.inset);
  out += shape_head(id++, b.name, " txBox=\"1\"") + "<p:spPr>" + xfrm(b) +
         "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>" +
         fmt::format("<a:bodyPr wrap=\"square\" lIns=\"{0}\" tIns=\"{0}\" rIns=\"{0}\" bIns=\"{0}\" rtlCol=\"0\" "
                     "anchor=\"t\"><a:noAutofit/></a:bodyPr><a:lstStyle/>",
                     inset);
  for (const auto& p : b.paras) out += paragraph(p, lang);
  return out + "</p:txBody></p:sp>";
}

std::string cell_line(const char* side, bool on, unsigned rgb, double width_pt) {
  if (!on) return fmt::format("<a:{0} w=\"0\"><a:noFill/></a:{0}>", side);
  return fmt::format("<a:{0} w=\"{1}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{2}<a:prstDash val=\"solid\"/></a:{0}>", side,
                     emu(width_pt), solid(rgb));
}

std::string table_frame(int id, const Box& b, const std::string& lang) {
  const slides::TableBox& t = b.table;
  std::string out = fmt::format(
      "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{}\" name=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks "
      "noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData "
      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\" bandRow=\"0\"/><a:tblGrid>",
      id, escape_xml(b.name), xfrm(b, "p"));
  for (const double w : t.widths) out += fmt::format("<a:gridCol w=\"{}\"/>", emu(w));
  out += "</a:tblGrid>";
  const long long pad = emu(t.pad);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const bool last = r + 1 == t.rows.size();
    out += fmt::format("<a:tr h=\"{}\">", emu(row.height));
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      Para p;
      p.text = doc::text(row.cells[c]);
      p.size = t.size;
      p.bold = row.header || row.total;
      p.right = row.right[c];
      p.rgb = slides::ink;
      out += "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>" + paragraph(p, lang) + "</a:txBody>";
      out += fmt::format("<a:tcPr marL=\"{0}\" marR=\"{0}\" marT=\"{0}\" marB=\"{0}\" anchor=\"t\">", pad);
      out += cell_line("lnL", false, 0, 0) + cell_line("lnR", false, 0, 0);
      out += cell_line("lnT", row.header || row.total, row.total ? 0x37474F : 0x90A4AE, row.total ? 1.0 : 0.75);
      out += cell_line("lnB", true, row.header || last ? 0x90A4AE : 0xCFD8DC, 0.75);
      out += row.header ? solid(0xE8EEF2) : "<a:noFill/>";
      out += "</a:tcPr></a:tc>";
    }
    out += "</a:tr>";
  }
  return out + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>";
}

std::string picture_shape(int id, const Box& b, const std::string& rel) {
  return fmt::format(
      "<p:pic><p:nvPicPr><p:cNvPr id=\"{}\" name=\"{}\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/>"
      "</p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"{}\"/><a:stretch><a:fillRect/></a:stretch>"
      "</p:blipFill><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
      id, escape_xml(b.name), escape_xml(b.figure != nullptr ? b.figure->caption : std::string()), rel, xfrm(b));
}

constexpr const char* group_props =
    "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" "
    "y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

constexpr const char* clr_map = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" "
                                "accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" "
                                "accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

std::string relationships(const std::vector<std::pair<std::string, std::string>>& rels) {
  std::string out = std::string(xml_head) + "<Relationships xmlns=\"" + rel_ns + "\">";
  int n = 0;
  for (const auto& [type, target] : rels) {
    out += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}{}\" Target=\"{}\"/>", ++n, rel_base, type, target);
  }
  return out + "</Relationships>";
}

std::string theme_xml() {
  std::string out = std::string(xml_head) +
                    "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Prozesslotse\">"
                    "<a:themeElements><a:clrScheme name=\"Prozesslotse\">"
                    "<a:dk1><a:srgbClr val=\"222222\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
                    "<a:dk2><a:srgbClr val=\"1F3A4D\"/></a:dk2><a:lt2><a:srgbClr val=\"F0F4F7\"/></a:lt2>";
  const unsigned accents[] = {0x2E6F95, 0xC62828, 0x2E7D32, 0x8D6E00, 0x546E7A, 0x90A4AE};
  for (int i = 0; i < 6; ++i) out += fmt::format("<a:accent{0}><a:srgbClr val=\"{1}\"/></a:accent{0}>", i + 1, rgb_hex(accents[i]));
  out += "<a:hlink><a:srgbClr val=\"2E6F95\"/></a:hlink><a:folHlink><a:srgbClr val=\"546E7A\"/></a:folHlink></a:clrScheme>";
  out += fmt::format("<a:fontScheme name=\"Prozesslotse\"><a:majorFont><a:latin typeface=\"{0}\"/><a:ea typeface=\"\"/>"
                     "<a:cs typeface=\"\"/></a:majorFont><a:minorFont><a:latin typeface=\"{0}\"/><a:ea typeface=\"\"/>"
                     "<a:cs typeface=\"\"/></a:minorFont></a:fontScheme>",
                     font);
  const char* fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
  out += "<a:fmtScheme name=\"Prozesslotse\"><a:fillStyleLst>";
  for (int i = 0; i < 3; ++i) out += fill;
  out += "</a:fillStyleLst><a:lnStyleLst>";
  for (const int w : {6350, 12700, 19050}) {
    out += fmt::format("<a:ln w=\"{}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{}<a:prstDash val=\"solid\"/></a:ln>", w, fill);
  }
  out += "</a:lnStyleLst><a:effectStyleLst>";
  for (int i = 0; i < 3; ++i) out += "<a:effectStyle><a:effectLst/></a:effectStyle>";
  out += "</a:effectStyleLst><a:bgFillStyleLst>";
  for (int i = 0; i < 3; ++i) out += fill;
  return out + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";
}

std::string level_style(double size, bool bold) {
  return fmt::format("<a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"l\"><a:buNone/><a:defRPr sz=\"{}\"{} kern=\"0\">"
                     "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
                     "<a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr>",
                     hundredths(size), bold ? " b=\"1\"" : "");
}

std::string slide_master_xml() {
  return std::string(xml_head) + "<p:sldMaster " + ns_decl + "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
         "</p:bgRef></p:bg><p:spTree>" + group_props + "</p:spTree></p:cSld>" + clr_map +
         "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle>" +
         level_style(30, true) + "</p:titleStyle><p:bodyStyle>" + level_style(20, false) + "</p:bodyStyle><p:otherStyle>" +
         level_style(18, false) + "</p:otherStyle></p:txStyles></p:sldMaster>";
}

std::string slide_layout_xml() {
  return std::string(xml_head) + "<p:sldLayout " + ns_decl + " type=\"blank\" preserve=\"1\"><p:cSld name=\"Leer\"><p:spTree>" +
         group_props + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";
}

std::string placeholder(int id, const char* name, const char* type, const char* idx, long long x, long long y, long long cx,
                        long long cy, const std::string& body) {
  std::string out = fmt::format("<p:sp><p:nvSpPr><p:cNvPr id=\"{}\" name=\"{}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
                                "<p:nvPr><p:ph type=\"{}\"{}/></p:nvPr></p:nvSpPr>",
                                id, name, type, idx);
  if (cx > 0) {
    out += fmt::format("<p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm><a:prstGeom prst=\"rect\">"
                       "<a:avLst/></a:prstGeom></p:spPr>",
                       x, y, cx, cy);
  } else {
    out += "<p:spPr/>";
  }
  if (!body.empty()) out += "<p:txBody><a:bodyPr/><a:lstStyle/>" + body + "</p:txBody>";
  return out + "</p:sp>";
}

std::string notes_master_xml() {
  return std::string(xml_head) + "<p:notesMaster " + ns_decl + "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
         "</p:bgRef></p:bg><p:spTree>" + group_props +
         placeholder(2, "Folienbild", "sldImg", "", 381000, 685800, 6096000, 3429000, "") +
         placeholder(3, "Notizen", "body", " idx=\"1\"", 685800, 4343400, 5486400, 4114800, "<a:p><a:endParaRPr/></a:p>") +
         "</p:spTree></p:cSld>" + clr_map + "<p:notesStyle>" + level_style(12, false) + "</p:notesStyle></p:notesMaster>";
}

std::string notes_slide_xml(const std::string& notes, const std::string& lang) {
  std::string body;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = notes.find('\n', start);
    Para p;
    p.text = doc::text(slides::close_bidi(notes.substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
    p.size = 12;
    p.rgb = slides::ink;
    body += paragraph(p, lang);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return std::string(xml_head) + "<p:notes " + ns_decl + "><p:cSld><p:spTree>" + group_props +
         placeholder(2, "Folienbild", "sldImg", "", 0, 0, 0, 0, "") + placeholder(3, "Notizen", "body", " idx=\"1\"", 0, 0, 0, 0, body) +
         "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>";
}


} // namespace

std::string emit_pptx(const doc::Deck& d) {
  const std::vector<Page> pages = slides::layout_deck(d, slides::estimate_height);
  const std::string lang = lang_tag(d.meta.lang);
  bool any_notes = false;
  for (const auto& p : pages) any_notes = any_notes || p.notes != nullptr;

  ZipWriter zip;
  std::string types = std::string(xml_head) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>";
  types += fmt::format("<Override PartName=\"/ppt/presentation.xml\" ContentType=\"{}presentation.main+xml\"/>", pml);
  types += fmt::format("<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"{}slideMaster+xml\"/>", pml);
  types += fmt::format("<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{}slideLayout+xml\"/>", pml);
  types += "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>";
  if (any_notes) {
    types += "<Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>";
    types += fmt::format("<Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"{}notesMaster+xml\"/>", pml);
  }
  for (const char* part : {"presProps", "viewProps", "tableStyles"}) {
    types += fmt::format("<Override PartName=\"/ppt/{}.xml\" ContentType=\"{}{}+xml\"/>", part, pml, part);
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    types += fmt::format("<Override PartName=\"/ppt/slides/slide{}.xml\" ContentType=\"{}slide+xml\"/>", i + 1, pml);
    if (pages[i].notes != nullptr) {
      types += fmt::format("<Override PartName=\"/ppt/notesSlides/notesSlide{}.xml\" ContentType=\"{}notesSlide+xml\"/>", i + 1, pml);
    }
  }
  types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
           "</Types>";
  zip.add("[Content_Types].xml", types);
  zip.add("_rels/.rels", std::string(xml_head) + "<Relationships xmlns=\"" + rel_ns + "\">"
          "<Relationship Id=\"rId1\" Type=\"" + rel_base + "officeDocument\" Target=\"ppt/presentation.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"" + rel_base + "extended-properties\" Target=\"docProps/app.xml\"/></Relationships>");
  zip.add("docProps/core.xml", docx::core_properties_xml(d.meta));
  zip.add("docProps/app.xml", std::string(xml_head) +
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
          "<Application>Prozesslotse</Application><PresentationFormat>Breitbild</PresentationFormat>" +
          fmt::format("<Slides>{}</Slides><Notes>{}</Notes>", pages.size(),
                      std::count_if(pages.begin(), pages.end(), [](const Page& p) { return p.notes != nullptr; })) +
          "</Properties>");

  // presentation.xml and its relationships: master, slides, (notes master), theme, properties.
  std::vector<std::pair<std::string, std::string>> prels{{"slideMaster", "slideMasters/slideMaster1.xml"}};
  std::string slide_ids;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    prels.emplace_back("slide", fmt::format("slides/slide{}.xml", i + 1));
    slide_ids += fmt::format("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 256 + i, prels.size());
  }
  std::string notes_master_id;
  if (any_notes) {
    prels.emplace_back("notesMaster", "notesMasters/notesMaster1.xml");
    notes_master_id = fmt::format("<p:notesMasterIdLst><p:notesMasterId r:id=\"rId{}\"/></p:notesMasterIdLst>", prels.size());
  }
  for (const char* part : {"theme", "presProps", "viewProps", "tableStyles"}) {
    prels.emplace_back(part, std::string(part) + (std::string_view(part) == "theme" ? "/theme1.xml" : ".xml"));
  }
  zip.add("ppt/presentation.xml",
          std::string(xml_head) + "<p:presentation " + ns_decl + " saveSubsetFonts=\"1\"><p:sldMasterIdLst>"
          "<p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>" + notes_master_id + "<p:sldIdLst>" + slide_ids +
          "</p:sldIdLst><p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
          "<p:defaultTextStyle>" + level_style(18, false) + "</p:defaultTextStyle></p:presentation>");
  zip.add("ppt/_rels/presentation.xml.rels", relationships(prels));
  zip.add("ppt/presProps.xml", std::string(xml_head) + "<p:presentationPr " + ns_decl + "/>");
  zip.add("ppt/viewProps.xml", std::string(xml_head) + "<p:viewPr " + ns_decl +
          "><p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/></p:normalViewPr>"
          "<p:gridSpacing cx=\"72008\" cy=\"72008\"/></p:viewPr>");
  zip.add("ppt/tableStyles.xml", std::string(xml_head) + "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
          "def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>");
  zip.add("ppt/theme/theme1.xml", theme_xml());
  zip.add("ppt/slideMasters/slideMaster1.xml", slide_master_xml());
  zip.add("ppt/slideMasters/_rels/slideMaster1.xml.rels",
          relationships({{"slideLayout", "../slideLayouts/slideLayout1.xml"}, {"theme", "../theme/theme1.xml"}}));
  zip.add("ppt/slideLayouts/slideLayout1.xml", slide_layout_xml());
  zip.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships({{"slideMaster", "../slideMasters/slideMaster1.xml"}}));
  if (any_notes) {
    zip.add("ppt/theme/theme2.xml", theme_xml());
    zip.add("ppt/notesMasters/notesMaster1.xml", notes_master_xml());
    zip.add("ppt/notesMasters/_rels/notesMaster1.xml.rels", relationships({{"theme", "../theme/theme2.xml"}}));
  }

  int image = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    std::vector<std::pair<std::string, std::string>> rels{{"slideLayout", "../slideLayouts/slideLayout1.xml"}};
    if (page.notes != nullptr) rels.emplace_back("notesSlide", fmt::format("../notesSlides/notesSlide{}.xml", i + 1));
    std::string tree;
    int id = 2;
    for (const Box& b : page.boxes) {
      switch (b.kind) {
      case Box::Kind::rule: tree += rect_shape(id++, b, b.border, b.name); break;
      case Box::Kind::text: tree += text_shape(id, b, lang); break;
      case Box::Kind::table: tree += table_frame(id++, b, lang); break;
      case Box::Kind::picture: {
        const double scale = b.w / b.figure->width;
        const auto png = render_api().pngs(*b.figure, scale, {Rect{0, 0, b.w, b.h}}, picture_dpi);
        const std::string target = fmt::format("image{}.png", ++image);
        zip.add("ppt/media/" + target, png.at(0));
        rels.emplace_back("image", "../media/" + target);
        tree += picture_shape(id++, b, fmt::format("rId{}", rels.size()));
        break;
      }
      }
    }
    zip.add(fmt::format("ppt/slides/slide{}.xml", i + 1),
            std::string(xml_head) + "<p:sld " + ns_decl + "><p:cSld><p:spTree>" + group_props + tree +
                "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>");
    zip.add(fmt::format("ppt/slides/_rels/slide{}.xml.rels", i + 1), relationships(rels));
    if (page.notes != nullptr) {
      zip.add(fmt::format("ppt/notesSlides/notesSlide{}.xml", i + 1), notes_slide_xml(*page.notes, lang));
      zip.add(fmt::format("ppt/notesSlides/_rels/notesSlide{}.xml.rels", i + 1),
              relationships({{"notesMaster", "../notesMasters/notesMaster1.xml"}, {"slide", fmt::format("../slides/slide{}.xml", i + 1)}}));
    }
  }
  return zip.finish();
}

} // namespace lotse::reports
