// SPDX-License-Identifier: MIT
// The fixed parts of a DOCX package (content types, relationships, styles, header, footer, document
// properties) and the import of a town's template (styles.xml, header with logo). Used by emit_docx.cpp.
#pragma once

#include "reports/document.h"
#include "reports/zip_package.h"

#include <string>
#include <vector>

namespace lotse::reports::docx {

/// A relationship of word/document.xml.
struct Relation {
  std::string id, type, target;
};

/// Style ids of the document: built-in ones, or the template's for the same style names.
struct StyleIds {
  std::string heading[3] = {"Heading1", "Heading2", "Heading3"};
  std::string title = "Title", caption = "Caption", table = "LotseTable", list = "ListParagraph";
};

/// What a template contributes: styles.xml (with our missing styles added), header content and parts.
struct TemplateParts {
  std::string styles_xml;
  std::string header_ns;                                    ///< namespace declarations of the template's header
  std::string header_body;                                  ///< paragraphs of the template's header
  std::string header_rels;                                  ///< relationships of those paragraphs
  std::vector<std::pair<std::string, std::string>> media;   ///< (package path, bytes)
};

[[nodiscard]] TemplateParts read_template(const std::string& docx_bytes, StyleIds& ids);
[[nodiscard]] std::string builtin_styles();
/// docProps/core.xml of an OOXML package (DOCX, PPTX): title, author, language and the date of `meta`.
[[nodiscard]] std::string core_properties_xml(const doc::Meta& meta);

/// Adds every part except word/document.xml and the images (call it first): content types, package and document relationships,
/// styles, settings, header, footer, core and app properties.
void add_package_parts(ZipWriter& zip, const doc::Meta& meta, const std::vector<Relation>& images,
                       const TemplateParts& tpl);

inline constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* rel_image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

} // namespace lotse::reports::docx
