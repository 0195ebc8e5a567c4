// SPDX-License-Identifier: MIT
// A slide deck in the neutral document model (issue #11, `lotse workshop`): slides of blocks, emitted
// as PPTX (reports/emit_pptx.h) and as a 16:9 PDF (the rendering module, reports/render_api.h).
#pragma once

#include "reports/document.h"

#include <string>
#include <vector>

namespace lotse::reports::doc {

/// One slide: a title and a few blocks (Paragraph, List, KeyFigures, Table, Figure, Notes; Heading and
/// PageBreak are ignored). The emitters fit the blocks on the slide (smaller type down to a floor,
/// pictures scaled to the room left); the builder keeps tables short (at most about 8 rows).
struct Slide {
  std::string title;
  std::vector<Block> blocks;
  std::string notes;             ///< speaker notes, plain text (PPTX notes page; not in the PDF)
};

struct Deck {
  Meta meta;                     ///< title, subtitle, town, date: the title slide and the footer
  std::vector<Slide> slides;     ///< after the title slide, which the emitters make from `meta`
};

} // namespace lotse::reports::doc
