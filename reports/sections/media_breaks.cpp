// SPDX-License-Identifier: MIT
// Section 2 "Medienbrüche": the numbered media-break table, the minutes they bind, and the process
// picture with the same numbers.
#include "reports/diagram_svg.h"
#include "reports/sections/section_util.h"
#include "reports/sections/sections.h"

#include <algorithm>
#include <map>
#include <string>

namespace lotse::reports::sections {
namespace {

doc::Table break_table(const Input& in) {
  const Texts& t = texts(in.lang);
  doc::Table tb;
  tb.id = "media_breaks";
  tb.columns = {{std::string(t.col_nr), "number", true},          {std::string(t.col_node), "node", false},
                {std::string(t.col_kind), "kind", false},         {std::string(t.col_reason), "reason", false},
                {std::string(t.col_share), "share", true},        {std::string(t.col_minutes_year), "minutes_per_year", true},
                {std::string(t.col_location), "location", false}};
  for (const auto& b : in.r.media_breaks) {
    doc::Cell nr = doc::number_cell(b.number, doc::Unit::count, 0);
    nr.badge = true;
    tb.rows.push_back({nr, cell(node_label(b.node_name, b.node_id, b.block, in.lang)),
                       doc::text_cell(pick(in.lang, b.kind_de, b.kind_en)),
                       doc::text_cell(pick(in.lang, b.reason_de, b.reason_en)),
                       doc::number_cell(b.share, doc::Unit::percent, 0), cell(minutes_year(b.minutes_per_year)),
                       doc::text_cell(location(in.r.file, b.at))});
    tb.row_ids.push_back("break-" + std::to_string(b.number));
  }
  return tb;
}

} // namespace

void media_breaks(const Input& in, doc::Document& d) {
  const Texts& t = texts(in.lang);
  d.add(doc::Heading{2, words(t.h_media_breaks), "media-breaks"});
  if (in.r.media_breaks.empty()) {
    d.add(doc::Paragraph{words(t.mb_none)});
  } else {
    d.add(doc::Paragraph{words(t.mb_intro)});
    d.add(break_table(in));
    // A step with two breaks (paper inbound and a wet signature) binds its minutes once (#9.7).
    std::map<std::string, double> per_step;
    double total = 0;
    std::string repeats;
    for (const auto& b : in.r.media_breaks) {
      if (b.node_id.empty()) {
        total += b.minutes_per_year;
        continue;
      }
      const auto [it, fresh] = per_step.emplace(b.node_id, b.minutes_per_year);
      if (fresh) continue;
      it->second = std::max(it->second, b.minutes_per_year);
      repeats += (repeats.empty() ? "" : ", ") + std::to_string(b.number);
    }
    for (const auto& [id, minutes] : per_step) total += minutes;
    d.add(doc::Paragraph{fill(t.mb_total, {minutes_year(total), hours(total / 60.0)})});
    if (!repeats.empty()) d.add(doc::Paragraph{fill(t.mb_same_step, {repeats})});
  }
  if (in.r.diagram.empty()) return;
  doc::Figure f;
  f.id = "diagram";
  f.caption = std::string(t.h_diagram) + ". " + std::string(t.mb_diagram_caption);
  if (!in.r.diagram.from_di) f.caption += " " + std::string(t.mb_diagram_generated);
  f.svg = render_svg(in.r.diagram, in.lang);
  f.width = in.r.diagram.width;
  f.height = in.r.diagram.height;
  d.add(std::move(f));
}

} // namespace lotse::reports::sections
