// SPDX-License-Identifier: MIT
// The analysis report as Markdown: plain, readable as text, pasteable into workshop material. Every
// model text goes through escape_markdown_inline (inside a line) or escape_markdown (where it may start
// a line or list item); numbers through number_format; words from texts.cpp.
#include "reports/analysis_report.h"
#include "reports/escape.h"
#include "reports/report_util.h"

#include <ostream>

namespace lotse::reports {
namespace {

using detail::fill;

struct Md {
  const Report& r;
  engine::Lang lang;
  const Texts& t;
  std::ostream& out;

  /// Text inside a line: table cells, after other words, heading text.
  [[nodiscard]] std::string e(std::string_view s) const { return escape_markdown_inline(s); }
  /// Text that starts a line or a list item's content (could otherwise become a heading or a list).
  [[nodiscard]] std::string e_start(std::string_view s) const { return escape_markdown(s); }
  [[nodiscard]] std::string prov(const analysis::Provenance& p) const { return e(provenance_text(p, r.file, lang)); }
  [[nodiscard]] std::string node_label(const std::string& name, const std::string& id, engine::BlockType b) const {
    std::string s = e(detail::display_name(name, id));
    const std::string_view block = block_name(b, lang);
    if (!block.empty() && block != name) s += " (" + e(block) + ")";
    return s;
  }
  [[nodiscard]] std::string sub(int depth) const { return std::string(static_cast<std::size_t>(depth), '#') + " "; }

  void header() {
    out << "# " << fill(t.title, e(r.title())) << "\n\n";
    out << fill(t.source_line, e(r.file), e(format_name(r.format, lang))) << "  \n" << t.generated_by << "\n\n";
  }

  void summary() {
    out << "## " << t.h_summary << "\n\n";
    if (r.processes.empty()) out << t.s_no_processes << "\n\n";
    for (std::size_t i = 0; i < r.processes.size(); ++i) {
      const auto& p = r.processes[i];
      out << "**" << e(detail::display_name(p.name, p.id)) << "**\n\n";
      if (p.has_workload) {
        if (p.cases_per_year > 0) out << "- " << fill(t.s_cases, detail::cases(p.cases_per_year, lang), prov(p.cases)) << "\n";
        else out << "- " << t.s_no_cases << "\n";
        if (p.cases_per_year > 0) {
          out << "- " << fill(t.s_work, detail::minutes(p.minutes_per_case, lang), detail::hours(p.hours_per_year, lang),
                              detail::fte(p.fte, lang), format_number(r.hours_per_fte, 0, lang)) << "\n";
          out << "- " << fill(t.s_cost, detail::euros_year(p.cost_per_year_eur, lang)) << "\n";
        } else {
          out << "- " << fill(t.s_work_no_cases, detail::minutes(p.minutes_per_case, lang)) << "\n";
        }
      } else {
        out << "- " << t.s_no_workload << "\n";
      }
      if (p.media_breaks.empty()) out << "- " << t.s_media_none << "\n";
      else out << "- " << fill(t.s_media, p.media_breaks.size(), detail::minutes_year(p.media_break_minutes_per_year, lang),
                               detail::hours(p.media_break_minutes_per_year / 60.0, lang)) << "\n";
      if (p.media_change_share > 0) out << "- " << fill(t.s_medienwechsel_share, format_percent(p.media_change_share, 1, lang)) << "\n";
      const auto ms = detail::top_measures(r, i, 3);
      if (ms.empty()) {
        out << "- " << t.s_no_measures << "\n";
      } else {
        out << "- " << t.s_top_measures << "\n";
        for (std::size_t k = 0; k < ms.size(); ++k) {
          const auto& m = r.measures[static_cast<std::size_t>(ms[k])];
          out << "  " << k + 1 << ". " << fill(t.s_top_measure, e_start(pick(lang, m.title_de, m.title_en)),
                                               detail::hours(m.saved_hours_per_year, lang),
                                               detail::euros_year(m.saved_eur_per_year, lang)) << "\n";
        }
      }
      if (r.processes.size() == 1) lead_time("- ", "\n");
      out << "\n";
    }
    if (r.processes.size() != 1) lead_time("", "\n\n");
    std::size_t errors = 0, warnings = 0;
    for (const auto& f : r.findings) {
      if (f.severity == engine::Severity::error) ++errors;
      if (f.severity == engine::Severity::warning) ++warnings;
    }
    if (errors + warnings > 0) out << fill(t.s_findings, errors, warnings) << "\n\n";
  }

  /// The simulated lead time (model-wide), when it was asked for.
  void lead_time(const char* prefix, const char* suffix) {
    if (!r.lead_time) return;
    if (r.lead_time->simulated) {
      out << prefix << fill(t.s_lead_time, detail::days(r.lead_time->mean_days, lang), detail::days(r.lead_time->p50_days, lang),
                            detail::days(r.lead_time->p90_days, lang)) << suffix;
    } else {
      out << prefix << fill(t.s_lead_time_failed, e(pick(lang, r.lead_time->note_de, r.lead_time->note_en))) << suffix;
    }
  }

  void media_breaks() {
    out << "## " << t.h_media_breaks << "\n\n";
    if (r.media_breaks.empty()) {
      out << t.mb_none << "\n\n";
      return;
    }
    out << t.mb_intro << "\n\n";
    out << "| " << t.col_nr << " | " << t.col_node << " | " << t.col_kind << " | " << t.col_reason << " | "
        << t.col_share << " | " << t.col_minutes_year << " | " << t.col_location << " |\n";
    out << "|---:|---|---|---|---:|---:|---|\n";
    double total = 0;
    for (const auto& b : r.media_breaks) {
      total += b.minutes_per_year;
      out << "| " << b.number << " | " << node_label(b.node_name, b.node_id, b.block) << " | "
          << e(pick(lang, b.kind_de, b.kind_en)) << " | " << e(pick(lang, b.reason_de, b.reason_en)) << " | "
          << format_percent(b.share, 0, lang) << " | " << detail::minutes_year(b.minutes_per_year, lang) << " | "
          << e(detail::location(r.file, b.at)) << " |\n";
    }
    out << "\n" << fill(t.mb_total, detail::minutes_year(total, lang), detail::hours(total / 60.0, lang)) << "\n\n";
    out << t.mb_diagram_note_md << "\n\n";
  }

  void stellen(const ProcessSection& p, int depth) {
    out << sub(depth) << t.h_per_stelle << "\n\n";
    out << "| " << t.col_stelle << " | " << t.col_hours_year << " | " << t.col_fte << " | " << t.col_cost_year
        << " | " << t.col_rate << " | " << t.col_rate_source << " |\n|---|---:|---:|---:|---:|---|\n";
    for (const auto& s : p.stellen) {
      out << "| " << (s.name.empty() ? std::string(t.wl_no_stelle) : e(s.name)) << " | "
          << detail::hours(s.hours_per_year, lang) << " | " << detail::fte(s.fte, lang) << " | "
          << detail::euros_year(s.cost_per_year_eur, lang) << " | " << format_euros(s.eur_per_hour, lang) << " | "
          << prov(s.rate) << " |\n";
    }
    out << "| **" << t.wl_sum << "** | **" << detail::hours(p.hours_per_year, lang) << "** | **"
        << detail::fte(p.fte, lang) << "** | **" << detail::euros_year(p.cost_per_year_eur, lang) << "** | | |\n\n";
  }

  void nodes(const ProcessSection& p, int depth) {
    out << sub(depth) << t.h_per_node << "\n\n";
    out << "| " << t.col_node << " | " << t.col_stelle << " | " << t.col_visits << " | " << t.col_minutes_exec
        << " | " << t.col_time_source << " | " << t.col_minutes_case << " | " << t.col_hours_year
        << " |\n|---|---|---:|---:|---|---:|---:|\n";
    for (const auto& n : p.nodes) {
      out << "| " << node_label(n.name, n.id, n.block) << " | "
          << (n.stelle.empty() ? std::string(t.none_dash) : e(n.stelle)) << " | " << format_number(n.visits, 2, lang)
          << " | " << detail::minutes(n.minutes_per_execution, lang) << " | " << prov(n.time) << " | "
          << detail::minutes(n.minutes_per_case, lang) << " | " << detail::hours(n.hours_per_year, lang) << " |\n";
    }
    out << "| **" << t.wl_sum << "** | | | | | **" << detail::minutes(p.minutes_per_case, lang) << "** | **"
        << detail::hours(p.hours_per_year, lang) << "** |\n\n";
  }

  void fact_sheet(const ProcessSection& p, int depth) {
    out << sub(depth) << t.h_fact_sheet << "\n\n";
    if (!p.fact_sheet_minutes) {
      out << t.fs_missing << "\n\n";
      return;
    }
    out << fill(t.fs_compare, detail::minutes(*p.fact_sheet_minutes, lang), e(detail::location(r.file, p.fact_sheet_at)),
                p.has_workload ? detail::minutes(p.minutes_per_case, lang) : std::string(t.none_dash));
    if (p.has_workload) out << " " << (fact_sheet_disagrees(p) ? t.fs_disagree : t.fs_agree);
    out << "\n\n";
  }

  void workload() {
    out << "## " << t.h_workload << "\n\n";
    bool any = false;
    const bool many = r.processes.size() > 1;
    for (const auto& p : r.processes) {
      if (!p.has_workload && !p.fact_sheet_minutes) continue;
      any = true;
      const int depth = many ? 4 : 3;
      if (many) out << "### " << e(detail::display_name(p.name, p.id)) << "\n\n";
      if (p.has_workload) {
        out << fill(t.wl_intro, e(detail::display_name(p.name, p.id)), detail::minutes(p.minutes_per_case, lang),
                    detail::hours(p.hours_per_year, lang), detail::fte(p.fte, lang),
                    detail::euros_year(p.cost_per_year_eur, lang)) << "\n\n";
        stellen(p, depth);
        nodes(p, depth);
      }
      fact_sheet(p, depth);
    }
    if (!any) out << t.wl_none << "\n\n";
  }

  void measures() {
    out << "## " << t.h_measures << "\n\n";
    if (r.measures.empty()) {
      out << t.ms_none << "\n\n";
      return;
    }
    const bool lt = detail::measures_have_lead_time(r);
    out << t.ms_intro << "\n\n";
    out << "| " << t.col_rank << " | " << t.col_measure << " | " << t.col_nodes << " | " << t.col_saved_hours << " | "
        << t.col_saved_eur << " | " << t.col_citizen << " | ";
    if (lt) out << t.col_lead_time << " | ";
    out << t.col_component << " | " << t.col_ozg << " |\n|---:|---|---|---:|---:|---:|" << (lt ? "---|" : "")
        << "---|---:|\n";
    for (const auto& m : r.measures) {
      std::string nodes;
      for (const auto& n : m.node_names) nodes += (nodes.empty() ? "" : ", ") + e(n);
      out << "| " << m.rank << " | " << e(pick(lang, m.title_de, m.title_en)) << " | "
          << (nodes.empty() ? std::string(t.none_dash) : nodes) << " | " << detail::hours(m.saved_hours_per_year, lang)
          << " | " << detail::euros_year(m.saved_eur_per_year, lang) << " | "
          << detail::minutes(m.saved_citizen_minutes_per_case, lang) << " | ";
      if (lt) out << fill(t.ms_days, detail::days(m.lead_time_days_before, lang), detail::days(m.lead_time_days_after, lang)) << " | ";
      out << (m.component.empty() ? std::string(t.none_dash) : e(m.component)) << " | "
          << (m.ozg_level > 0 ? std::to_string(m.ozg_level) : std::string(t.none_dash)) << " |\n";
    }
    for (const auto& p : r.processes) {
      if (!p.package || p.package->measures.empty()) continue;
      out << "| | **" << t.ms_package_total << "** | | **" << detail::hours(p.package->saved_hours_per_year, lang) << "** | **"
          << detail::euros_year(p.package->saved_eur_per_year, lang) << "** | **"
          << detail::minutes(p.package->saved_citizen_minutes_per_case, lang) << "** | " << (lt ? " |" : "") << " | |\n";
    }
    out << "\n" << t.ms_not_additive << "\n";
    out << "\n### " << t.h_agenda << "\n\n" << t.ms_agenda_intro << "\n\n";
    for (const auto& m : r.measures) {
      out << m.rank << ". **" << fill(t.ms_agenda_item, m.rank, e(pick(lang, m.title_de, m.title_en))) << "**  \n";
      const std::string& why = pick(lang, m.rationale_de, m.rationale_en);
      if (!why.empty()) out << "   " << e_start(why) << "  \n";
      out << "   " << detail::benefit_text(m, lang) << "  \n";
      if (m.lead_time_days_before > 0) {
        out << "   " << fill(t.ms_agenda_lead_time, detail::days(m.lead_time_days_after, lang),
                             detail::days(m.lead_time_days_before, lang)) << "  \n";
      }
      if (m.citizen_facing && m.sensitivity.size() == 3) {
        out << "   " << fill(t.ms_uptake, detail::rounded(m.uptake * 100, 0, lang),
                             m.uptake_assumption ? std::string(t.ms_assumption) : e(m.uptake_source),
                             detail::hours(m.sensitivity[0].saved_hours_per_year, lang),
                             detail::hours(m.sensitivity[1].saved_hours_per_year, lang),
                             detail::hours(m.sensitivity[2].saved_hours_per_year, lang)) << "  \n";
      }
      out << "   " << fill(m.payback_years ? t.ms_agenda_cost : t.ms_agenda_no_payback, detail::euros_year(m.one_off_eur, lang),
                           detail::euros_year(m.running_eur_per_year, lang), detail::rounded(m.staff_days, 0, lang),
                           m.effort_assumption ? std::string(t.ms_assumption) : e(m.effort_source),
                           m.payback_years ? detail::rounded(*m.payback_years, 1, lang) : std::string(t.none_dash), m.priority) << "  \n";
      if (m.component.empty()) out << "   " << t.ms_agenda_effort_none;
      else out << "   " << fill(t.ms_agenda_effort, e(m.component), m.ozg_level > 0 ? std::to_string(m.ozg_level) : std::string(t.none_dash));
      const auto& resolves = lang == engine::Lang::de ? m.resolves_de : m.resolves_en;
      std::string list;
      for (const auto& k : resolves) list += (list.empty() ? "" : ", ") + e(k);
      if (!list.empty()) out << "  \n   " << fill(t.ms_resolves, list);
      std::string nodes;
      for (const auto& n : m.node_names) nodes += (nodes.empty() ? "" : ", ") + e(n);
      if (!nodes.empty()) out << "  \n   " << fill(t.ms_agenda_nodes, nodes);
      out << "\n";
    }
    out << "\n";
    for (const auto& n : r.not_proposed) out << "- " << fill(t.ms_not_proposed, e(pick(lang, n.title_de, n.title_en)), reason(n.reason)) << "\n";
    for (const auto& u : r.uncovered_breaks) {
      const auto& b = r.media_breaks[static_cast<std::size_t>(u.number - 1)];
      out << "- " << fill(t.ms_uncovered, std::to_string(u.number) + " („" + e(b.node_name) + "“)", reason(u.reason)) << "\n";
    }
    if (!r.not_proposed.empty() || !r.uncovered_breaks.empty()) out << "\n";
  }

  std::string_view reason(const std::string& code) const {
    if (code == "already_present") return t.reason_already_present;
    if (code == "covered") return t.reason_covered;
    if (code == "no_benefit") return t.reason_no_benefit;
    if (code == "physical_item") return t.reason_physical_item;
    if (code == "no_fee") return t.reason_no_fee;
    if (code == "no_recurring_levy") return t.reason_no_recurring_levy;
    if (code == "no_measure") return t.reason_no_measure;
    return t.reason_other;
  }

  void structure() {
    out << "## " << t.h_structure << "\n\n";
    if (r.findings.empty()) {
      out << t.st_none << "\n\n";
      return;
    }
    out << "| " << t.col_severity << " | " << t.col_code << " | " << t.col_location << " | " << t.col_finding
        << " |\n|---|---|---|---|\n";
    for (const auto& f : r.findings) {
      out << "| " << engine::severity_word(f.severity, lang) << " | " << e(f.code) << " | "
          << e(detail::location(r.file, f.at)) << " | " << e(pick(lang, f.message_de, f.message_en)) << " |\n";
    }
    out << "\n";
  }

  void assumptions() {
    out << "## " << t.h_assumptions << "\n\n" << t.as_intro << "\n\n";
    for (const auto& a : detail::assumption_lines(r, lang)) out << "- " << e_start(a) << "\n";
    out << "\n";
    const auto groups = detail::source_groups(r, lang);
    if (!groups.empty()) {
      out << "### " << t.h_sources << "\n\n| " << t.col_source << " | " << t.col_figure << " |\n|---|---|\n";
      for (const auto& g : groups) {
        std::string uses;
        for (const auto& u : g.uses) uses += (uses.empty() ? "" : "; ") + e(u);
        out << "| " << e(g.source) << " | " << uses << " |\n";
      }
      out << "\n";
    }
    out << "### " << t.h_notes << "\n\n";
    if (r.notes.empty()) out << t.notes_none << "\n";
    for (const auto& n : r.notes) out << "- " << e_start(detail::note_line(r, n, lang)) << "\n";
  }
};

} // namespace

bool fact_sheet_disagrees(const ProcessSection& p) {
  if (!p.fact_sheet_minutes || !p.has_workload) return false;
  const double entered = *p.fact_sheet_minutes, computed = p.minutes_per_case;
  const double diff = entered > computed ? entered - computed : computed - entered;
  return diff > 0.5 && diff > 0.1 * (entered > computed ? entered : computed);
}

void write_markdown(const Report& r, engine::Lang lang, std::ostream& out) {
  Md md{r, lang, texts(lang), out};
  md.header();
  md.summary();
  md.media_breaks();
  md.workload();
  md.measures();
  md.structure();
  md.assumptions();
}

} // namespace lotse::reports
