// SPDX-License-Identifier: MIT
// The analysis report as one self-contained, printable HTML file: inline CSS (with @media print), the
// process picture as inline SVG, bars for who carries the work and what a measure saves. No scripts,
// no external resources. Every model text goes through escape_html.
#include "reports/analysis_report.h"
#include "reports/escape.h"
#include "reports/report_util.h"

#include <algorithm>
#include <ostream>

namespace lotse::reports {
namespace {

using detail::fill;

constexpr const char* css = R"(
:root{--red:#c62828;--ink:#263238;--muted:#607d8b;--line:#cfd8dc;--accent:#1565c0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:var(--ink);max-width:1100px;margin:2rem auto;padding:0 1.2rem;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .3rem}
h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin-top:1.4rem}
.meta,.note{color:var(--muted);font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:.7rem;margin:.8rem 0 1rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.55rem .8rem;background:#fafafa}
.card .v{font-size:1.55rem;font-weight:bold;white-space:nowrap}
.card .l{color:var(--muted);font-size:.85rem}
.card.alert .v{color:var(--red)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eceff1}
td.n{text-align:right;white-space:nowrap}
tr.sum td{font-weight:bold;background:#f5f5f5}
.badge{display:inline-block;min-width:1.5em;text-align:center;background:var(--red);color:#fff;border-radius:1em;font-weight:bold;padding:0 .35em}
.bar{background:#eceff1;height:.8em;width:8rem;display:inline-block;vertical-align:middle;margin-left:.4rem}
.bar span{display:block;height:100%;background:var(--accent)}
.diagram-box{overflow-x:auto;border:1px solid var(--line);padding:.4rem;background:#fff}
figure{margin:1rem 0}
figcaption{color:var(--muted);font-size:.88rem;margin-top:.3rem}
.remark{border-left:4px solid #f9a825;background:#fffde7;padding:.45rem .8rem;margin:.6rem 0}
.ok{border-left:4px solid #2e7d32;background:#f1f8e9;padding:.45rem .8rem;margin:.6rem 0}
.agenda li{margin-bottom:.7rem}
.sev-error{color:var(--red);font-weight:bold}
.sev-warning{color:#ef6c00;font-weight:bold}
@media print{
 @page{size:A4;margin:14mm}
 body{margin:0;max-width:none;font-size:10pt}
 h2{break-after:avoid;page-break-after:avoid}
 h3{break-after:avoid}
 tr,.card,figure,.remark{break-inside:avoid;page-break-inside:avoid}
 .diagram-box{overflow:visible;border:none;padding:0}
 svg.diagram{width:100%;height:auto}
 section#media-breaks figure{break-before:auto}
}
)";

struct Html {
  const Report& r;
  engine::Lang lang;
  const Texts& t;
  std::ostream& out;

  [[nodiscard]] static std::string h(std::string_view s) { return escape_html(s); }
  [[nodiscard]] std::string prov(const analysis::Provenance& p) const { return h(provenance_text(p, r.file, lang)); }
  [[nodiscard]] std::string node_label(const std::string& name, const std::string& id, engine::BlockType b) const {
    std::string s = h(detail::display_name(name, id));
    const std::string_view block = block_name(b, lang);
    if (!block.empty() && block != name) s += " <span class=\"note\">(" + h(block) + ")</span>";
    return s;
  }
  /// The media-break numbers of a node as badges (as in the table and the picture).
  [[nodiscard]] std::string badges(const std::string& node_id) const {
    std::string s;
    for (const auto& b : r.media_breaks) {
      if (b.node_id == node_id) s += fmt::format(" <span class=\"badge\">{}</span>", b.number);
    }
    return s;
  }
  static std::string bar(double value, double max) {
    const double pct = max > 0 ? std::clamp(value / max * 100.0, 0.0, 100.0) : 0.0;
    return fmt::format("<span class=\"bar\"><span style=\"width:{:.1f}%\"></span></span>", pct);
  }
  void card(const std::string& value, std::string_view label, bool alert = false, const std::string& extra = {}) {
    out << "<div class=\"card" << (alert ? " alert" : "") << "\"><div class=\"v\">" << value << "</div><div class=\"l\">"
        << label << "</div>";
    if (!extra.empty()) out << "<div class=\"l\">" << extra << "</div>";
    out << "</div>\n";
  }

  void head() {
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == engine::Lang::de ? "de" : "en") << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << fill(t.title, h(r.title())) << "</title>\n<style>" << css << "</style>\n</head>\n<body>\n";
    out << "<header>\n<h1>" << fill(t.title, h(r.title())) << "</h1>\n<p class=\"meta\">"
        << fill(t.source_line, h(r.file), h(format_name(r.format, lang))) << "<br>" << t.generated_by << "</p>\n</header>\n";
  }

  void summary() {
    out << "<section id=\"summary\">\n<h2>" << t.h_summary << "</h2>\n";
    if (r.processes.empty()) out << "<p>" << t.s_no_processes << "</p>\n";
    for (std::size_t i = 0; i < r.processes.size(); ++i) {
      const auto& p = r.processes[i];
      out << "<h3>" << h(detail::display_name(p.name, p.id)) << "</h3>\n<div class=\"cards\">\n";
      if (p.has_workload) {
        card(p.cases_per_year > 0 ? detail::cases(p.cases_per_year, lang) : std::string(t.none_dash), t.card_cases);
        card(detail::minutes(p.minutes_per_case, lang), t.card_minutes);
        card(detail::hours(p.hours_per_year, lang), t.card_hours);
        card(detail::fte(p.fte, lang), t.card_fte);
        card(h(detail::euros_year(p.cost_per_year_eur, lang)), t.card_cost);
      }
      card(std::to_string(p.media_breaks.size()), t.card_media, !p.media_breaks.empty(),
           p.media_breaks.empty() ? std::string()
                                  : fill(t.card_media_minutes, detail::minutes_year(p.media_break_minutes_per_year, lang)));
      if (r.lead_time && r.lead_time->simulated) card(detail::days(r.lead_time->mean_days, lang), t.card_lead_time);
      out << "</div>\n<ul>\n";
      if (p.has_workload) {
        if (p.cases_per_year > 0) out << "<li>" << fill(t.s_cases, detail::cases(p.cases_per_year, lang), prov(p.cases)) << "</li>\n";
        else out << "<li>" << t.s_no_cases << "</li>\n";
        if (p.cases_per_year > 0) {
          out << "<li>" << fill(t.s_work, detail::minutes(p.minutes_per_case, lang), detail::hours(p.hours_per_year, lang),
                                detail::fte(p.fte, lang), format_number(r.hours_per_fte, 0, lang)) << "</li>\n";
          out << "<li>" << fill(t.s_cost, h(detail::euros_year(p.cost_per_year_eur, lang))) << "</li>\n";
        } else {
          out << "<li>" << fill(t.s_work_no_cases, detail::minutes(p.minutes_per_case, lang)) << "</li>\n";
        }
      } else {
        out << "<li>" << t.s_no_workload << "</li>\n";
      }
      if (p.media_breaks.empty()) out << "<li>" << t.s_media_none << "</li>\n";
      else out << "<li>" << fill(t.s_media, p.media_breaks.size(), detail::minutes_year(p.media_break_minutes_per_year, lang),
                                 detail::hours(p.media_break_minutes_per_year / 60.0, lang)) << "</li>\n";
      if (p.media_change_share > 0) out << "<li>" << fill(t.s_medienwechsel_share, format_percent(p.media_change_share, 1, lang)) << "</li>\n";
      out << "</ul>\n";
      const auto ms = detail::top_measures(r, i, 3);
      if (ms.empty()) {
        out << "<p>" << t.s_no_measures << "</p>\n";
      } else {
        out << "<p><strong>" << t.s_top_measures << "</strong></p>\n<ol>\n";
        for (std::size_t k = 0; k < ms.size(); ++k) {
          const auto& m = r.measures[static_cast<std::size_t>(ms[k])];
          out << "<li>" << fill(t.s_top_measure, "<strong>" + h(pick(lang, m.title_de, m.title_en)) + "</strong>",
                                detail::hours(m.saved_hours_per_year, lang), h(detail::euros_year(m.saved_eur_per_year, lang)))
              << "</li>\n";
        }
        out << "</ol>\n";
      }
      if (r.processes.size() == 1) lead_time();
    }
    if (r.processes.size() != 1) lead_time();
    std::size_t errors = 0, warnings = 0;
    for (const auto& f : r.findings) {
      if (f.severity == engine::Severity::error) ++errors;
      if (f.severity == engine::Severity::warning) ++warnings;
    }
    if (errors + warnings > 0) out << "<p>" << fill(t.s_findings, errors, warnings) << "</p>\n";
    out << "</section>\n";
  }

  /// The simulated lead time (model-wide), when it was asked for.
  void lead_time() {
    if (!r.lead_time) return;
    if (r.lead_time->simulated) {
      out << "<p>" << fill(t.s_lead_time, detail::days(r.lead_time->mean_days, lang), detail::days(r.lead_time->p50_days, lang),
                           detail::days(r.lead_time->p90_days, lang)) << "</p>\n";
    } else {
      out << "<p>" << fill(t.s_lead_time_failed, h(pick(lang, r.lead_time->note_de, r.lead_time->note_en))) << "</p>\n";
    }
  }

  void media_breaks() {
    out << "<section id=\"media-breaks\">\n<h2>" << t.h_media_breaks << "</h2>\n";
    if (r.media_breaks.empty()) {
      out << "<p>" << t.mb_none << "</p>\n";
    } else {
      out << "<p>" << t.mb_intro << "</p>\n<table>\n<thead><tr><th>" << t.col_nr << "</th><th>" << t.col_node
          << "</th><th>" << t.col_kind << "</th><th>" << t.col_reason << "</th><th>" << t.col_share << "</th><th>"
          << t.col_minutes_year << "</th><th>" << t.col_location << "</th></tr></thead>\n<tbody>\n";
      double total = 0;
      for (const auto& b : r.media_breaks) {
        total += b.minutes_per_year;
        out << "<tr><td><span class=\"badge\">" << b.number << "</span></td><td>"
            << node_label(b.node_name, b.node_id, b.block) << "</td><td>" << h(pick(lang, b.kind_de, b.kind_en))
            << "</td><td>" << h(pick(lang, b.reason_de, b.reason_en)) << "</td><td class=\"n\">"
            << format_percent(b.share, 0, lang) << "</td><td class=\"n\">"
            << detail::minutes_year(b.minutes_per_year, lang) << "</td><td>" << h(detail::location(r.file, b.at))
            << "</td></tr>\n";
      }
      out << "</tbody>\n</table>\n<p>" << fill(t.mb_total, detail::minutes_year(total, lang), detail::hours(total / 60.0, lang))
          << "</p>\n";
    }
    if (!r.diagram.empty()) {
      out << "<figure>\n<div class=\"diagram-box\">\n" << render_svg(r.diagram, lang) << "</div>\n<figcaption>"
          << t.h_diagram << ". " << t.mb_diagram_caption;
      if (!r.diagram.from_di) out << " " << t.mb_diagram_generated;
      out << "</figcaption>\n</figure>\n";
    }
    out << "</section>\n";
  }

  void workload() {
    out << "<section id=\"workload\">\n<h2>" << t.h_workload << "</h2>\n";
    bool any = false;
    for (const auto& p : r.processes) {
      if (!p.has_workload && !p.fact_sheet_minutes) continue;
      any = true;
      if (r.processes.size() > 1) out << "<h3>" << h(detail::display_name(p.name, p.id)) << "</h3>\n";
      if (p.has_workload) {
        out << "<p>" << fill(t.wl_intro, h(detail::display_name(p.name, p.id)), detail::minutes(p.minutes_per_case, lang),
                             detail::hours(p.hours_per_year, lang), detail::fte(p.fte, lang),
                             h(detail::euros_year(p.cost_per_year_eur, lang))) << "</p>\n";
        stellen(p);
        nodes(p);
      }
      fact_sheet(p);
    }
    if (!any) out << "<p>" << t.wl_none << "</p>\n";
    out << "</section>\n";
  }

  void stellen(const ProcessSection& p) {
    double max = 0;
    for (const auto& s : p.stellen) max = std::max(max, s.hours_per_year);
    out << "<h4>" << t.h_per_stelle << "</h4>\n<table>\n<thead><tr><th>" << t.col_stelle << "</th><th>"
        << t.col_hours_year << "</th><th>" << t.col_fte << "</th><th>" << t.col_cost_year << "</th><th>" << t.col_rate
        << "</th><th>" << t.col_rate_source << "</th></tr></thead>\n<tbody>\n";
    for (const auto& s : p.stellen) {
      out << "<tr><td>" << (s.name.empty() ? std::string(t.wl_no_stelle) : h(s.name)) << "</td><td class=\"n\">"
          << detail::hours(s.hours_per_year, lang) << bar(s.hours_per_year, max) << "</td><td class=\"n\">"
          << detail::fte(s.fte, lang) << "</td><td class=\"n\">" << h(detail::euros_year(s.cost_per_year_eur, lang))
          << "</td><td class=\"n\">" << h(format_euros(s.eur_per_hour, lang)) << "</td><td>" << prov(s.rate)
          << "</td></tr>\n";
    }
    out << "<tr class=\"sum\"><td>" << t.wl_sum << "</td><td class=\"n\">" << detail::hours(p.hours_per_year, lang)
        << "</td><td class=\"n\">" << detail::fte(p.fte, lang) << "</td><td class=\"n\">"
        << h(detail::euros_year(p.cost_per_year_eur, lang)) << "</td><td></td><td></td></tr>\n</tbody>\n</table>\n";
  }

  void nodes(const ProcessSection& p) {
    out << "<h4>" << t.h_per_node << "</h4>\n<table>\n<thead><tr><th>" << t.col_node << "</th><th>" << t.col_stelle
        << "</th><th>" << t.col_visits << "</th><th>" << t.col_minutes_exec << "</th><th>" << t.col_time_source
        << "</th><th>" << t.col_minutes_case << "</th><th>" << t.col_hours_year << "</th></tr></thead>\n<tbody>\n";
    for (const auto& n : p.nodes) {
      out << "<tr><td>" << node_label(n.name, n.id, n.block) << badges(n.id) << "</td><td>"
          << (n.stelle.empty() ? std::string(t.none_dash) : h(n.stelle)) << "</td><td class=\"n\">"
          << format_number(n.visits, 2, lang) << "</td><td class=\"n\">" << detail::minutes(n.minutes_per_execution, lang)
          << "</td><td>" << prov(n.time) << "</td><td class=\"n\">" << detail::minutes(n.minutes_per_case, lang)
          << "</td><td class=\"n\">" << detail::hours(n.hours_per_year, lang) << "</td></tr>\n";
    }
    out << "<tr class=\"sum\"><td>" << t.wl_sum << "</td><td></td><td></td><td></td><td></td><td class=\"n\">"
        << detail::minutes(p.minutes_per_case, lang) << "</td><td class=\"n\">" << detail::hours(p.hours_per_year, lang)
        << "</td></tr>\n</tbody>\n</table>\n";
  }

  void fact_sheet(const ProcessSection& p) {
    out << "<h4>" << t.h_fact_sheet << "</h4>\n";
    if (!p.fact_sheet_minutes) {
      out << "<p>" << t.fs_missing << "</p>\n";
      return;
    }
    const bool bad = fact_sheet_disagrees(p);
    out << "<div class=\"" << (bad ? "remark" : "ok") << "\">"
        << fill(t.fs_compare, detail::minutes(*p.fact_sheet_minutes, lang), h(detail::location(r.file, p.fact_sheet_at)),
                p.has_workload ? detail::minutes(p.minutes_per_case, lang) : std::string(t.none_dash));
    if (p.has_workload) out << " " << (bad ? t.fs_disagree : t.fs_agree);
    out << "</div>\n";
  }

  void measures() {
    out << "<section id=\"measures\">\n<h2>" << t.h_measures << "</h2>\n";
    if (r.measures.empty()) {
      out << "<p>" << t.ms_none << "</p>\n</section>\n";
      return;
    }
    const bool lt = detail::measures_have_lead_time(r);
    double max = 0;
    for (const auto& m : r.measures) max = std::max(max, m.saved_hours_per_year);
    out << "<p>" << t.ms_intro << "</p>\n<table>\n<thead><tr><th>" << t.col_rank << "</th><th>" << t.col_measure
        << "</th><th>" << t.col_nodes << "</th><th>" << t.col_saved_hours << "</th><th>" << t.col_saved_eur
        << "</th><th>" << t.col_citizen << "</th>";
    if (lt) out << "<th>" << t.col_lead_time << "</th>";
    out << "<th>" << t.col_component << "</th><th>" << t.col_ozg << "</th></tr></thead>\n<tbody>\n";
    for (const auto& m : r.measures) {
      std::string nodes;
      for (const auto& n : m.node_names) nodes += (nodes.empty() ? "" : ", ") + h(n);
      out << "<tr><td class=\"n\">" << m.rank << "</td><td>" << h(pick(lang, m.title_de, m.title_en)) << "</td><td>"
          << (nodes.empty() ? std::string(t.none_dash) : nodes) << "</td><td class=\"n\">"
          << detail::hours(m.saved_hours_per_year, lang) << bar(m.saved_hours_per_year, max) << "</td><td class=\"n\">"
          << h(detail::euros_year(m.saved_eur_per_year, lang)) << "</td><td class=\"n\">"
          << detail::minutes(m.saved_citizen_minutes_per_case, lang) << "</td>";
      if (lt) {
        out << "<td class=\"n\">"
            << fill(t.ms_days, detail::days(m.lead_time_days_before, lang), detail::days(m.lead_time_days_after, lang))
            << "</td>";
      }
      out << "<td>" << (m.component.empty() ? std::string(t.none_dash) : h(m.component)) << "</td><td class=\"n\">"
          << (m.ozg_level > 0 ? std::to_string(m.ozg_level) : std::string(t.none_dash)) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n<h3>" << t.h_agenda << "</h3>\n<p>" << t.ms_agenda_intro << "</p>\n<ol class=\"agenda\">\n";
    for (const auto& m : r.measures) {
      out << "<li><strong>" << fill(t.ms_agenda_item, m.rank, h(pick(lang, m.title_de, m.title_en))) << "</strong><br>";
      const std::string& why = pick(lang, m.rationale_de, m.rationale_en);
      if (!why.empty()) out << h(why) << "<br>";
      out << h(detail::benefit_text(m, lang));
      if (m.lead_time_days_before > 0) {
        out << "<br>" << fill(t.ms_agenda_lead_time, detail::days(m.lead_time_days_after, lang), detail::days(m.lead_time_days_before, lang));
      }
      out << "<br>";
      if (m.component.empty()) out << t.ms_agenda_effort_none;
      else out << fill(t.ms_agenda_effort, h(m.component), m.ozg_level > 0 ? std::to_string(m.ozg_level) : std::string(t.none_dash));
      std::string list;
      for (const auto& k : lang == engine::Lang::de ? m.resolves_de : m.resolves_en) list += (list.empty() ? "" : ", ") + h(k);
      if (!list.empty()) out << "<br>" << fill(t.ms_resolves, list);
      std::string nodes;
      for (const auto& n : m.node_names) nodes += (nodes.empty() ? "" : ", ") + h(n);
      if (!nodes.empty()) out << "<br>" << fill(t.ms_agenda_nodes, nodes);
      out << "</li>\n";
    }
    out << "</ol>\n</section>\n";
  }

  void structure() {
    out << "<section id=\"structure\">\n<h2>" << t.h_structure << "</h2>\n";
    if (r.findings.empty()) {
      out << "<p>" << t.st_none << "</p>\n</section>\n";
      return;
    }
    out << "<table>\n<thead><tr><th>" << t.col_severity << "</th><th>" << t.col_code << "</th><th>" << t.col_location
        << "</th><th>" << t.col_finding << "</th></tr></thead>\n<tbody>\n";
    for (const auto& f : r.findings) {
      out << "<tr><td class=\"sev-" << engine::severity_name(f.severity) << "\">" << engine::severity_word(f.severity, lang)
          << "</td><td>" << h(f.code) << "</td><td>" << h(detail::location(r.file, f.at)) << "</td><td>"
          << h(pick(lang, f.message_de, f.message_en)) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
  }

  void assumptions() {
    out << "<section id=\"assumptions\">\n<h2>" << t.h_assumptions << "</h2>\n<p>" << t.as_intro << "</p>\n<ul>\n";
    for (const auto& a : detail::assumption_lines(r, lang)) out << "<li>" << h(a) << "</li>\n";
    out << "</ul>\n";
    const auto groups = detail::source_groups(r, lang);
    if (!groups.empty()) {
      out << "<h3>" << t.h_sources << "</h3>\n<table>\n<thead><tr><th>" << t.col_source << "</th><th>" << t.col_figure
          << "</th></tr></thead>\n<tbody>\n";
      for (const auto& g : groups) {
        std::string uses;
        for (const auto& u : g.uses) uses += (uses.empty() ? "" : "; ") + h(u);
        out << "<tr><td>" << h(g.source) << "</td><td>" << uses << "</td></tr>\n";
      }
      out << "</tbody>\n</table>\n";
    }
    out << "<h3>" << t.h_notes << "</h3>\n";
    if (r.notes.empty()) {
      out << "<p>" << t.notes_none << "</p>\n";
    } else {
      out << "<ul class=\"note\">\n";
      for (const auto& n : r.notes) out << "<li>" << h(detail::note_line(r, n, lang)) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</section>\n";
  }
};

} // namespace

void write_html(const Report& r, engine::Lang lang, std::ostream& out) {
  Html html{r, lang, texts(lang), out};
  html.head();
  html.summary();
  html.media_breaks();
  html.workload();
  html.measures();
  html.structure();
  html.assumptions();
  out << "</body>\n</html>\n";
}

} // namespace lotse::reports
