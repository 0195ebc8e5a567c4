// SPDX-License-Identifier: MIT
// Gathers the Report from the cached pass results of an AnalysisContext (figures are copied, never
// recomputed; only sums over rows and the Medienwechsel share are formed here), turns it into a
// document through the section builders, and the format table with the atomic write.
#include "reports/analysis_report.h"
#include "reports/output_check.h"

#include "analysis/structure.h"
#include "engine/utf8.h"
#include "analysis/suggestions.h"
#include "analysis/visits.h"
#include "analysis/workload.h"
#include "reports/output.h"
#include "reports/emit.h"
#include "reports/sections/sections.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace lotse::reports {
namespace {

FindingRow finding_row(const engine::Diagnostic& d) {
  return {std::string(d.code()), d.severity, d.at, d.element_id, d.message(engine::Lang::de),
          d.message(engine::Lang::en)};
}

int severity_rank(engine::Severity s) {
  switch (s) {
  case engine::Severity::error: return 0;
  case engine::Severity::warning: return 1;
  case engine::Severity::note: return 2;
  }
  return 3;
}

void add_notes(std::vector<FindingRow>& out, const engine::Diagnostics& d) {
  for (const auto& x : d) out.push_back(finding_row(x));
}

/// Fact-sheet Bearbeitungszeit location: the first engine process that has one, else the model's.
engine::SourceLocation fact_sheet_location(const engine::ProcessModel& m, const analysis::ProcessWorkload& pw) {
  for (auto p : pw.processes) {
    if (p < m.processes().size() && m.processes()[p].facts.processing_time) return m.processes()[p].facts.processing_time->at;
  }
  if (m.facts().processing_time) return m.facts().processing_time->at;
  return {};
}

void package_fields(MeasureRow& row, const analysis::Suggestion& s) {
  row.citizen_facing = s.citizen_facing;
  row.uptake = s.uptake.rate;
  row.uptake_assumption = s.uptake.assumption;
  row.uptake_source = s.uptake.source;
  row.sensitivity = s.sensitivity;
  row.lead_time_ci95_days = s.lead_time_ci95_days;
  row.lead_time_ci95_days_before = s.lead_time_ci95_days_before;
  row.one_off_eur = s.effort.one_off_eur;
  row.running_eur_per_year = s.effort.running_eur_per_year;
  row.staff_days = s.effort.staff_days;
  row.staff_cost_eur = s.staff_cost_eur;
  row.effort_source = s.effort.source;
  row.effort_assumption = s.effort.assumption;
  row.net_benefit_eur_per_year = s.net_benefit_eur_per_year;
  row.payback_years = s.payback_years;
  row.priority = std::string(analysis::priority_id(s.priority));
  row.requires_ids = s.requires_ids;
}

/// The package per process, the measures left out and the breaks without a measure.
void add_package(Report& r, const analysis::SuggestionResult& sg, const engine::ProcessModel&) {
  for (const auto& n : sg.not_proposed) r.not_proposed.push_back({n.id, n.title_de, n.title_en, n.reason, n.by});
  for (const auto& u : sg.uncovered_breaks) r.uncovered_breaks.push_back({u.number, u.reason});
  for (auto& ps : r.processes) {
    if (!ps.has_workload) continue;
    const auto it = std::find_if(sg.package.processes.begin(), sg.package.processes.end(),
                                 [&](const analysis::ProcessPackage& p) { return p.id == ps.id; });
    if (it == sg.package.processes.end()) continue;
    PackageRow row;
    for (int i : ps.measures) row.measures.push_back(r.measures[static_cast<std::size_t>(i)].id);
    row.hours_per_year_after = it->hours_after;
    row.fte_after = it->fte_after;
    row.saved_hours_per_year = it->hours_before - it->hours_after;
    row.saved_eur_per_year = it->eur_before - it->eur_after;
    row.media_break_hours_per_year = it->break_hours;
    row.media_break_hours_covered = it->break_hours_covered;
    for (int i : ps.measures) row.saved_citizen_minutes_per_case += r.measures[static_cast<std::size_t>(i)].saved_citizen_minutes_per_case;
    if (sg.package.lead_before && sg.package.lead_after && sg.package.lead_after->simulated && r.processes.size() == 1) {
      row.lead_time_days_before = sg.package.lead_before->mean_days;
      row.lead_time_days_after = sg.package.lead_after->mean_days;
      row.lead_time_ci95_days = sg.package.lead_after->ci95_days;
      row.lead_time_ci95_days_before = sg.package.lead_before->ci95_days;
    }
    ps.package = std::move(row);
  }
}

} // namespace

std::string Report::title() const {
  if (!model_name.empty()) return model_name;
  for (const auto& p : processes) {
    if (!p.name.empty()) return p.name;
  }
  return file;
}

namespace {

NodeRow node_row(const engine::ProcessModel& m, const analysis::NodeWorkload& nw) {
  NodeRow row;
  if (nw.node < m.node_count()) {
    const auto& n = m.node(nw.node);
    row.id = n.id;
    row.name = n.name;
    row.block = n.attrs.block;
    row.line = n.origin.line;
  }
  row.visits = nw.visits;
  row.minutes_per_execution = nw.minutes_per_execution;
  row.time = nw.time;
  row.minutes_per_case = nw.minutes_per_case;
  row.hours_per_year = nw.hours_per_year;
  row.cost_per_year_eur = nw.cost_per_year_eur;
  row.stelle = nw.stelle;
  row.eur_per_hour = nw.eur_per_hour;
  row.rate = nw.rate;
  return row;
}

ProcessSection process_section(const engine::ProcessModel& m, const analysis::ProcessWorkload& pw) {
  ProcessSection ps;
  ps.id = pw.id;
  ps.name = pw.name;
  ps.has_workload = true;
  ps.cases_per_year = pw.cases_per_year;
  ps.cases = pw.cases;
  ps.minutes_per_case = pw.minutes_per_case;
  ps.hours_per_year = pw.hours_per_year;
  ps.fte = pw.fte;
  ps.cost_per_year_eur = pw.cost_per_year_eur;
  ps.fact_sheet_minutes = pw.fact_sheet_minutes;
  if (pw.fact_sheet_minutes) ps.fact_sheet_at = fact_sheet_location(m, pw);
  double media_change_minutes = 0;
  for (const auto& nw : pw.nodes) {
    NodeRow row = node_row(m, nw);
    if (row.block != engine::BlockType::none &&
        engine::block_category(row.block) == engine::BlockCategory::media_change) {
      media_change_minutes += row.minutes_per_case;
    }
    ps.nodes.push_back(std::move(row));
  }
  if (ps.minutes_per_case > 0) ps.media_change_share = media_change_minutes / ps.minutes_per_case;
  for (const auto& sw : pw.stellen) {
    ps.stellen.push_back({sw.name, sw.hours_per_year, sw.fte, sw.cost_per_year_eur, sw.eur_per_hour, sw.rate});
  }
  return ps;
}

/// Where the report's rows belong: engine process -> index into Report::processes.
struct Homes {
  const engine::ProcessModel& m;
  const Report& r;
  std::map<engine::ProcessIndex, int> process_of;
  [[nodiscard]] int operator()(engine::NodeIndex n) const {
    if (n < m.node_count()) {
      if (auto it = process_of.find(m.node(n).process); it != process_of.end()) return it->second;
    }
    return r.processes.size() == 1 ? 0 : -1;
  }
};

void add_processes(const engine::ProcessModel& m, const analysis::WorkloadResult& wl, Report& r, Homes& homes) {
  for (const auto& pw : wl.processes) {
    const int index = static_cast<int>(r.processes.size());
    for (auto p : pw.processes) homes.process_of.emplace(p, index);
    r.processes.push_back(process_section(m, pw));
  }
  if (!r.processes.empty()) return;
  // No workload figures: still name the processes so that findings have a home.
  for (engine::ProcessIndex p = 0; p < m.processes().size(); ++p) {
    ProcessSection ps;
    ps.id = m.processes()[p].id;
    ps.name = m.processes()[p].name;
    if (const auto& f = m.processes()[p].facts.processing_time; f) {
      ps.fact_sheet_minutes = engine::to_minutes(f->value);
      ps.fact_sheet_at = f->at;
    }
    homes.process_of.emplace(p, static_cast<int>(r.processes.size()));
    r.processes.push_back(std::move(ps));
  }
}

/// Media breaks, numbered in the pass's order; returns the diagram marks (node, number).
std::vector<std::pair<engine::NodeIndex, int>> add_media_breaks(const engine::ProcessModel& m, const analysis::MediaBreakResult& mb,
                                                                Report& r, const Homes& home) {
  std::vector<std::pair<engine::NodeIndex, int>> marks;
  std::map<std::pair<int, engine::NodeIndex>, double> per_step;
  for (const auto& b : mb.breaks) {
    MediaBreakRow row;
    row.number = static_cast<int>(r.media_breaks.size()) + 1;
    if (b.node < m.node_count()) {
      row.node_id = m.node(b.node).id;
      row.node_name = m.node(b.node).name;
      row.block = m.node(b.node).attrs.block;
      marks.emplace_back(b.node, row.number);
    }
    if (b.related < m.node_count()) row.related_id = m.node(b.related).id;
    row.kind = b.kind;
    row.kind_id = std::string(analysis::media_break_id(b.kind));
    row.kind_de = std::string(analysis::media_break_label(b.kind, engine::Lang::de));
    row.kind_en = std::string(analysis::media_break_label(b.kind, engine::Lang::en));
    row.rule = b.rule;
    row.reason_de = b.reason_de;
    row.reason_en = b.reason_en;
    row.share = b.share;
    row.minutes_per_year = b.minutes_per_year;
    row.at = b.at.known() || b.node >= m.node_count() ? b.at : m.node(b.node).origin;
    row.process = home(b.node);
    if (row.process >= 0) {
      auto& ps = r.processes[static_cast<std::size_t>(row.process)];
      ps.media_breaks.push_back(row.number - 1);
      if (b.node < m.node_count()) {
        double& step = per_step[{row.process, b.node}];  // a step with two breaks binds its minutes once (#9.7)
        step = std::max(step, row.minutes_per_year);
      } else {
        ps.media_break_minutes_per_year += row.minutes_per_year;
      }
    }
    r.media_breaks.push_back(std::move(row));
  }
  for (const auto& [key, minutes] : per_step) r.processes[static_cast<std::size_t>(key.first)].media_break_minutes_per_year += minutes;
  return marks;
}

MeasureRow measure_row(const engine::ProcessModel& m, const analysis::Suggestion& s, int fallback_rank) {
  MeasureRow row;
  row.rank = s.rank > 0 ? s.rank : fallback_rank;
  row.id = s.id;
  row.title_de = s.title_de;
  row.title_en = s.title_en;
  row.rationale_de = s.rationale_de;
  row.rationale_en = s.rationale_en;
  for (auto n : s.nodes) {
    if (n >= m.node_count()) continue;
    row.node_ids.push_back(m.node(n).id);
    row.node_names.push_back(m.node(n).name.empty() ? m.node(n).id : m.node(n).name);
  }
  for (auto k : s.resolves) {
    row.resolves_de.emplace_back(analysis::media_break_label(k, engine::Lang::de));
    row.resolves_en.emplace_back(analysis::media_break_label(k, engine::Lang::en));
  }
  row.saved_hours_per_year = s.saved_hours_per_year;
  row.saved_eur_per_year = s.saved_eur_per_year;
  row.saved_citizen_minutes_per_case = s.saved_citizen_minutes_per_case;
  row.lead_time_days_before = s.lead_time_days_before;
  row.lead_time_days_after = s.lead_time_days_after;
  row.component = s.component;
  row.ozg_level = s.ozg_level;
  package_fields(row, s);
  return row;
}

/// Structure findings: errors first, then by position and code (house style 3.7.4). Import errors in
/// a readable model (dangling references, ...) are structure findings too.
void add_findings(const engine::Diagnostics& structure, const engine::Diagnostics& import_notes, Report& r) {
  add_notes(r.findings, structure);
  for (const auto& d : import_notes) {
    if (d.severity == engine::Severity::error) r.findings.push_back(finding_row(d));
  }
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const FindingRow& a, const FindingRow& b) {
    if (severity_rank(a.severity) != severity_rank(b.severity)) return severity_rank(a.severity) < severity_rank(b.severity);
    if (a.at.line != b.at.line) return a.at.line < b.at.line;
    if (a.at.column != b.at.column) return a.at.column < b.at.column;
    return a.code < b.code;
  });
}

} // namespace

Report build_report(engine::AnalysisContext& ctx, const engine::Diagnostics& import_notes, const ReportOptions& o) {
  const engine::ProcessModel& m = ctx.model();
  const engine::Scenario& sc = ctx.scenario();
  Report r;
  r.file = engine::display_name(o.file_label);
  r.model_name = m.name();
  r.format = m.format();
  r.hours_per_fte = sc.hours_per_fte;
  r.distribution_time_factor = sc.distribution_time_factor;
  r.hours_per_fte_from_cli = o.hours_per_fte_from_cli;
  r.cases_override = sc.cases_per_year;

  const auto& wl = ctx.get<analysis::WorkloadPass>();
  Homes homes{m, r, {}};
  add_processes(m, wl, r, homes);
  const auto& mb = ctx.get<analysis::MediaBreakPass>();
  const auto marks = add_media_breaks(m, mb, r, homes);
  const auto& sg = ctx.get<analysis::SuggestionPass>();
  for (const auto& s : sg.suggestions) {
    MeasureRow row = measure_row(m, s, static_cast<int>(r.measures.size()) + 1);
    row.process = s.nodes.empty() ? (r.processes.size() == 1 ? 0 : -1) : homes(s.nodes.front());
    if (row.process >= 0) r.processes[static_cast<std::size_t>(row.process)].measures.push_back(static_cast<int>(r.measures.size()));
    r.measures.push_back(std::move(row));
  }
  add_package(r, sg, m);
  add_findings(ctx.get<analysis::StructurePass>().findings, import_notes, r);

  // Notes: what the importer and the passes said besides their results.
  for (const auto& d : import_notes) {
    if (d.severity != engine::Severity::error) r.notes.push_back(finding_row(d));
  }
  add_notes(r.notes, ctx.get<analysis::VisitsPass>().notes);
  add_notes(r.notes, wl.notes);
  add_notes(r.notes, mb.notes);
  add_notes(r.notes, sg.notes);
  add_notes(r.notes, ctx.diagnostics());

  r.assumptions = wl.assumptions;
  if (ctx.has<analysis::LeadTimePass>()) r.lead_time = ctx.get<analysis::LeadTimePass>().overall;
  r.diagram = build_diagram(m, marks);
  return r;
}

bool fact_sheet_disagrees(const ProcessSection& p) {
  if (!p.fact_sheet_minutes || !p.has_workload) return false;
  const double entered = *p.fact_sheet_minutes, computed = p.minutes_per_case;
  const double diff = entered > computed ? entered - computed : computed - entered;
  return diff > 0.5 && diff > 0.1 * (entered > computed ? entered : computed);
}

doc::Document build_document(const Report& r, engine::Lang lang, const DocumentOptions& o) {
  doc::Document d;
  const sections::Input in{r, lang, o.ctx};
  for (const auto builder : sections::report_sections()) builder(in, d);
  d.meta.town = o.town;
  d.meta.author = o.author;
  d.meta.date = o.date;
  return d;
}

std::string_view extension(Format f) {
  switch (f) {
  case Format::markdown: return "md";
  case Format::html: return "html";
  case Format::json: return "json";
  }
  return "md";
}

std::optional<Format> parse_format(std::string_view s) {
  if (s == "md" || s == "markdown") return Format::markdown;
  if (s == "html") return Format::html;
  if (s == "json") return Format::json;
  return std::nullopt;
}

std::string render(const Report& r, Format f, engine::Lang lang, const DocumentOptions& o) {
  std::string out;
  switch (f) {
  case Format::markdown: out = emit_markdown(build_document(r, lang, o)); break;
  case Format::html: out = emit_html(build_document(r, lang, o)); break;
  case Format::json: {
    std::ostringstream json;
    write_json(r, lang, json);
    out = json.str();
    break;
  }
  }
  check_output_text(out, f == Format::html ? OutputText::markup : OutputText::plain, extension(f));
  return out;
}

void write_report(const Report& r, Format f, engine::Lang lang, const std::string& path, const DocumentOptions& o) {
  write_file_atomic(path, render(r, f, lang, o));
}

} // namespace lotse::reports
