// SPDX-License-Identifier: MIT
// DOCX emitter (issue #10): hand-written WordprocessingML in a ZIP. Real heading styles (Heading1..3
// with outline levels, so Word's navigation pane and LibreOffice's navigator list them), tables with a
// header row repeated on every page (w:tblHeader) and right-aligned numbers formatted by
// reports/number_format.h, the process picture as PNG (rendered by reports/svg_render.h, split into
// parts rather than shrunk below 7 pt), header with title, town, author and date, footer with page
// numbers (PAGE / NUMPAGES fields). A town's template (.docx/.dotx) gives styles.xml and its header
// (logo) with media and relationships.
#pragma once

#include "reports/document.h"

#include <string>

namespace lotse::reports {

struct DocxOptions {
  std::string template_bytes;  ///< contents of vorlage.docx, empty = built-in styles
};

/// The document as bytes (write it with write_file_atomic). Throws std::runtime_error on failure
/// (unreadable template, picture that librsvg cannot read).
[[nodiscard]] std::string emit_docx(const doc::Document& d, const DocxOptions& o = {});

} // namespace lotse::reports
