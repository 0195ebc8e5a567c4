// SPDX-License-Identifier: MIT
#include "reports/emit_docx_parts.h"

#include "reports/emit_doc_common.h"
#include "reports/escape.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <sstream>
#include <stdexcept>

namespace lotse::reports::docx {
namespace {

constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string heading_style(int level, const char* size, const char* before) {
  return fmt::format(
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading{0}\"><w:name w:val=\"heading {0}\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
      "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{2}\" w:after=\"120\"/>"
      "<w:outlineLvl w:val=\"{3}\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3A4D\"/><w:sz w:val=\"{1}\"/>"
      "<w:szCs w:val=\"{1}\"/></w:rPr></w:style>",
      level, size, before, level - 1);
}

/// Our styles that a template may lack, by style name.
struct OwnStyle {
  const char* name;
  std::string xml;
};

std::vector<OwnStyle> own_styles() {
  return {
      {"heading 1", heading_style(1, "36", "360")},
      {"heading 2", heading_style(2, "28", "280")},
      {"heading 3", heading_style(3, "24", "200")},
      {"Title", "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
                "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"200\"/></w:pPr><w:rPr><w:b/>"
                "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"},
      {"caption", "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
                  "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"200\"/>"
                  "</w:pPr><w:rPr><w:i/><w:color w:val=\"455A64\"/><w:sz w:val=\"18\"/></w:rPr></w:style>"},
      {"List Paragraph", "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
                         "<w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>"},
      {"Lotse Table", "<w:style w:type=\"table\" w:styleId=\"LotseTable\"><w:name w:val=\"Lotse Table\"/>"
                      "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>"
                      "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:color=\"90A4AE\"/>"
                      "<w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"90A4AE\"/>"
                      "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"CFD8DC\"/></w:tblBorders>"
                      "<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
                      "</w:tblCellMar></w:tblPr></w:style>"},
  };
}

std::string style_id_by_name(const pugi::xml_node& styles, const char* name) {
  for (const auto& s : styles.children("w:style")) {
    const std::string n = s.child("w:name").attribute("w:val").as_string();
    if (n.size() == std::string_view(name).size() &&
        std::equal(n.begin(), n.end(), name, [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      return s.attribute("w:styleId").as_string();
    }
  }
  return {};
}

const std::string* entry(const std::vector<std::pair<std::string, std::string>>& zip, std::string_view name) {
  for (const auto& e : zip) {
    if (e.first == name) return &e.second;
  }
  return nullptr;
}

std::string xml_string(const pugi::xml_node& n) {
  std::ostringstream ss;
  n.print(ss, "", pugi::format_raw);
  return ss.str();
}

/// The template's first header with its media, relationship ids renamed so they cannot clash.
void take_header(const std::vector<std::pair<std::string, std::string>>& zip, TemplateParts& out) {
  const std::string* rels = entry(zip, "word/_rels/document.xml.rels");
  pugi::xml_document rd;
  if (rels == nullptr || !rd.load_buffer(rels->data(), rels->size())) return;
  std::string header_path;
  for (const auto& r : rd.child("Relationships").children("Relationship")) {
    if (std::string_view(r.attribute("Type").as_string()).ends_with("/header")) {
      header_path = std::string("word/") + r.attribute("Target").as_string();
      break;
    }
  }
  const std::string* header = entry(zip, header_path);
  pugi::xml_document hd;
  if (header == nullptr || !hd.load_buffer(header->data(), header->size())) return;
  for (const auto& a : hd.document_element().attributes()) {
    if (std::string_view(a.name()).starts_with("xmlns") || std::string_view(a.name()) == "mc:Ignorable") {
      out.header_ns += fmt::format(" {}=\"{}\"", a.name(), escape_xml(a.value()));
    }
  }
  for (const auto& child : hd.document_element().children()) out.header_body += xml_string(child);
  const std::string hrels_path = "word/_rels/" + header_path.substr(5) + ".rels";
  const std::string* hrels = entry(zip, hrels_path);
  pugi::xml_document hr;
  if (hrels == nullptr || !hr.load_buffer(hrels->data(), hrels->size())) return;
  for (auto r : hr.child("Relationships").children("Relationship")) {
    const std::string target = r.attribute("Target").as_string();
    if (r.attribute("TargetMode")) continue;
    const std::string* media = entry(zip, "word/" + target);
    if (media == nullptr) continue;
    const std::string renamed = "media/template-" + target.substr(target.rfind('/') + 1);
    out.media.emplace_back("word/" + renamed, *media);
    out.header_rels += fmt::format("<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
                                   escape_xml(r.attribute("Id").as_string()), escape_xml(r.attribute("Type").as_string()),
                                   escape_xml(renamed));
  }
}

std::string content_types() {
  std::string out = std::string(xml_head) +
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                    "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/><Default Extension=\"jpg\" ContentType=\"image/jpeg\"/>"
                    "<Default Extension=\"gif\" ContentType=\"image/gif\"/><Default Extension=\"emf\" ContentType=\"image/x-emf\"/>"
                    "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>";
  const char* wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  out += fmt::format("<Override PartName=\"/word/document.xml\" ContentType=\"{}document.main+xml\"/>", wml);
  out += fmt::format("<Override PartName=\"/word/styles.xml\" ContentType=\"{}styles+xml\"/>", wml);
  out += fmt::format("<Override PartName=\"/word/settings.xml\" ContentType=\"{}settings+xml\"/>", wml);
  out += fmt::format("<Override PartName=\"/word/header1.xml\" ContentType=\"{}header+xml\"/>", wml);
  out += fmt::format("<Override PartName=\"/word/footer1.xml\" ContentType=\"{}footer+xml\"/>", wml);
  out += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
         "</Types>";
  return out;
}

std::string document_rels(const std::vector<Relation>& images) {
  std::string out = std::string(xml_head) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  out += fmt::format("<Relationship Id=\"rIdStyles\" Type=\"{}styles\" Target=\"styles.xml\"/>", rel_base);
  out += fmt::format("<Relationship Id=\"rIdSettings\" Type=\"{}settings\" Target=\"settings.xml\"/>", rel_base);
  out += fmt::format("<Relationship Id=\"rIdHeader\" Type=\"{}header\" Target=\"header1.xml\"/>", rel_base);
  out += fmt::format("<Relationship Id=\"rIdFooter\" Type=\"{}footer\" Target=\"footer1.xml\"/>", rel_base);
  for (const auto& r : images) {
    out += fmt::format("<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>", r.id, r.type, r.target);
  }
  return out + "</Relationships>";
}

std::string run(std::string_view text, bool bold = false) {
  return fmt::format("<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>", bold ? "<w:rPr><w:b/></w:rPr>" : "",
                     escape_xml(text));
}

std::string field(const char* instr) {
  return fmt::format("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {} "
                     "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
                     "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
                     instr);
}

std::string header_xml(const doc::Meta& meta, const TemplateParts& tpl) {
  std::string out = std::string(xml_head);
  if (!tpl.header_ns.empty()) out += "<w:hdr" + tpl.header_ns + ">";
  else out += fmt::format("<w:hdr xmlns:w=\"{}\" xmlns:r=\"{}\" "
      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
      "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
      "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\">", ns_w, ns_r);
  out += tpl.header_body;
  const std::string line = doc::meta_line(meta);
  out += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
         "w:color=\"90A4AE\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs>"
         "<w:rPr><w:sz w:val=\"18\"/></w:rPr></w:pPr>";
  out += run(meta.title);
  if (!line.empty()) out += "<w:r><w:tab/></w:r>" + run(line);
  return out + "</w:p></w:hdr>";
}

std::string footer_xml(const doc::Meta& meta) {
  const auto& w = doc::emit_words(meta.lang);
  const std::string page(w.page);
  const auto p0 = page.find("{0}"), p1 = page.find("{1}");
  std::string out = std::string(xml_head) + fmt::format("<w:ftr xmlns:w=\"{}\" xmlns:r=\"{}\">", ns_w, ns_r);
  out += "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs>"
         "<w:rPr><w:sz w:val=\"18\"/></w:rPr></w:pPr>";
  out += run(meta.source_file) + "<w:r><w:tab/></w:r>";
  out += run(page.substr(0, p0)) + field("PAGE") + run(page.substr(p0 + 3, p1 - p0 - 3)) + field("NUMPAGES");
  return out + "</w:p></w:ftr>";
}


} // namespace

std::string core_properties_xml(const doc::Meta& meta) {
  std::string out = std::string(xml_head) +
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  out += "<dc:title>" + escape_xml(meta.title) + "</dc:title>";
  if (!meta.author.empty()) out += "<dc:creator>" + escape_xml(meta.author) + "</dc:creator>";
  out += std::string("<dc:language>") + (meta.lang == engine::Lang::de ? "de-DE" : "en-GB") + "</dc:language>";
  if (meta.date.size() == 10) {
    out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + escape_xml(meta.date) + "T00:00:00Z</dcterms:created>";
  }
  return out + "</cp:coreProperties>";
}

std::string builtin_styles() {
  std::string out = std::string(xml_head) + fmt::format("<w:styles xmlns:w=\"{}\">", ns_w);
  out += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" "
         "w:cs=\"Arial\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"de-DE\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
         "</w:docDefaults>";
  out += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>";
  out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
         "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
         "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style>";
  out += "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/></w:style>";
  for (const auto& s : own_styles()) out += s.xml;
  return out + "</w:styles>";
}

TemplateParts read_template(const std::string& docx_bytes, StyleIds& ids) {
  const auto zip = read_zip(docx_bytes);
  const std::string* styles = entry(zip, "word/styles.xml");
  pugi::xml_document sd;
  if (styles == nullptr || !sd.load_buffer(styles->data(), styles->size())) {
    throw std::runtime_error("template has no readable word/styles.xml");
  }
  pugi::xml_node root = sd.child("w:styles");
  std::string* targets[] = {&ids.heading[0], &ids.heading[1], &ids.heading[2], &ids.title, &ids.caption, &ids.list,
                            &ids.table};
  const auto own = own_styles();
  std::string added;
  for (std::size_t k = 0; k < own.size(); ++k) {
    const std::string found = style_id_by_name(root, own[k].name);
    if (!found.empty()) *targets[k] = found;
    else added += own[k].xml;
  }
  TemplateParts out;
  std::string xml = xml_string(sd.document_element());
  xml.insert(xml.rfind("</w:styles>"), added);
  out.styles_xml = std::string(xml_head) + xml;
  take_header(zip, out);
  return out;
}

void add_package_parts(ZipWriter& zip, const doc::Meta& meta, const std::vector<Relation>& images,
                       const TemplateParts& tpl) {
  zip.add("[Content_Types].xml", content_types());
  zip.add("_rels/.rels", std::string(xml_head) +
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
          "</Relationships>");
  zip.add("word/_rels/document.xml.rels", document_rels(images));
  zip.add("word/styles.xml", tpl.styles_xml.empty() ? builtin_styles() : tpl.styles_xml);
  zip.add("word/settings.xml", std::string(xml_head) + fmt::format("<w:settings xmlns:w=\"{}\"><w:updateFields "
          "w:val=\"true\"/><w:defaultTabStop w:val=\"708\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
          "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>", ns_w));
  zip.add("word/header1.xml", header_xml(meta, tpl));
  if (!tpl.header_rels.empty()) {
    zip.add("word/_rels/header1.xml.rels", std::string(xml_head) +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + tpl.header_rels +
            "</Relationships>");
  }
  for (const auto& [path, bytes] : tpl.media) zip.add(path, bytes);
  zip.add("word/footer1.xml", footer_xml(meta));
  zip.add("docProps/core.xml", core_properties_xml(meta));
  zip.add("docProps/app.xml", std::string(xml_head) +
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
          "<Application>Prozesslotse</Application></Properties>");
}


} // namespace lotse::reports::docx
