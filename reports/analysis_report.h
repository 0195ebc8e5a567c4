// SPDX-License-Identifier: MIT
// The report of `lotse analyze`: the pass results of one model gathered in one place (no figure is
// computed again here). The JSON machine interface is written from it directly (reports/report_json.cpp);
// for people, the section builders (reports/sections/) turn it into a doc::Document that one emitter
// per format renders (reports/emit.h).
#pragma once

#include "analysis/lead_time.h"
#include "analysis/media_breaks.h"
#include "analysis/provenance.h"
#include "analysis/suggestions.h"
#include "engine/analysis_context.h"
#include "reports/diagram_svg.h"
#include "reports/document.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports {

/// One building block (node) with work.
struct NodeRow {
  std::string id, name;
  engine::BlockType block = engine::BlockType::none;
  std::uint32_t line = 0;
  double visits = 0;
  double minutes_per_execution = 0;
  analysis::Provenance time;
  double minutes_per_case = 0;
  double hours_per_year = 0;
  double cost_per_year_eur = 0;
  std::string stelle;
  double eur_per_hour = 0;
  analysis::Provenance rate;
};

/// One Stelle (position) and its share of the work.
struct StelleRow {
  std::string name;
  double hours_per_year = 0;
  double fte = 0;
  double cost_per_year_eur = 0;
  double eur_per_hour = 0;
  analysis::Provenance rate;
};

/// One media break, numbered as in the diagram.
struct MediaBreakRow {
  int number = 0;                       ///< 1-based, the order of the media-break pass
  std::string node_id, node_name;
  engine::BlockType block = engine::BlockType::none;
  analysis::MediaBreakKind kind = analysis::MediaBreakKind::retyping;
  std::string kind_id;                  ///< stable id ("retyping")
  std::string kind_de, kind_en;         ///< label
  std::string related_id;               ///< print_then_retype: the earlier print node
  std::string rule;
  std::string reason_de, reason_en;
  double share = 1.0;
  double minutes_per_year = 0;
  engine::SourceLocation at;
  int process = -1;                     ///< index into Report::processes, -1 when unassigned
};

/// One ranked digitisation measure.
struct MeasureRow {
  int rank = 0;
  std::string id;
  std::string title_de, title_en;
  std::string rationale_de, rationale_en;
  std::vector<std::string> node_ids, node_names;
  std::vector<std::string> resolves_de, resolves_en;  ///< media-break kind labels
  double saved_hours_per_year = 0;
  double saved_eur_per_year = 0;
  double saved_citizen_minutes_per_case = 0;
  double lead_time_days_before = 0;     ///< 0 when not computed
  double lead_time_days_after = 0;
  std::string component;
  int ozg_level = 0;
  int process = -1;                     ///< index into Report::processes, -1 when unassigned
  // Package (issue #9): the saved_* figures above are marginal in package order (rank order).
  bool citizen_facing = false;
  double uptake = 1.0;
  bool uptake_assumption = false;
  std::string uptake_source;            ///< data table source, town file source, or "cli"
  std::vector<analysis::UptakePoint> sensitivity;  ///< 30 / 60 / 90 %
  double lead_time_ci95_days = 0;
  double lead_time_ci95_days_before = 0;
  double one_off_eur = 0, running_eur_per_year = 0, staff_days = 0, staff_cost_eur = 0;
  std::string effort_source;
  bool effort_assumption = true;
  double net_benefit_eur_per_year = 0;
  std::optional<double> payback_years;
  std::string priority;                 ///< hoch, mittel, niedrig
  std::vector<std::string> requires_ids;
};

/// The measure package of one process: every measure applied one after another.
struct PackageRow {
  std::vector<std::string> measures;    ///< ids in package order
  double hours_per_year_after = 0;
  double fte_after = 0;
  double saved_hours_per_year = 0;
  double saved_eur_per_year = 0;
  double saved_citizen_minutes_per_case = 0;
  std::optional<double> lead_time_days_before, lead_time_days_after, lead_time_ci95_days, lead_time_ci95_days_before;
  double media_break_hours_per_year = 0;    ///< bound in media breaks (baseline)
  double media_break_hours_covered = 0;     ///< of those, at steps a proposed measure acts on
};

/// A catalogue measure left out, with the reason code (texts: reason_text).
struct NotProposedRow {
  std::string id, title_de, title_en, reason, by;
};

/// A media break no measure of the package acts on.
struct UncoveredRow {
  int number = 0;
  std::string reason;                   ///< code
};

/// A structure finding or a note (import warning, pass note).
struct FindingRow {
  std::string code;
  engine::Severity severity = engine::Severity::note;
  engine::SourceLocation at;
  std::string element;
  std::string message_de, message_en;
};

/// One process of the model with its workload.
struct ProcessSection {
  std::string id, name;
  bool has_workload = false;            ///< false: the workload pass gave nothing for it
  double cases_per_year = 0;
  analysis::Provenance cases;
  double minutes_per_case = 0;
  double hours_per_year = 0;
  double fte = 0;
  double cost_per_year_eur = 0;
  std::optional<double> fact_sheet_minutes;  ///< Bearbeitungszeit as entered in the Steckbrief
  engine::SourceLocation fact_sheet_at;
  double media_change_share = 0;        ///< share of minutes in PICTURE Medienwechsel blocks (0..1)
  std::vector<NodeRow> nodes;
  std::vector<StelleRow> stellen;
  std::vector<int> media_breaks;        ///< indices into Report::media_breaks
  std::vector<int> measures;            ///< indices into Report::measures
  double media_break_minutes_per_year = 0;
  std::optional<PackageRow> package;    ///< with workload and a measures catalogue
};

/// Everything `lotse analyze` says about one model file.
struct Report {
  std::string file;                     ///< file name shown in Fundstellen (no directory)
  std::string model_name;
  std::string format;                   ///< "bpmn", "picture", ...
  double hours_per_fte = 1600;
  double distribution_time_factor = 1.0;
  bool hours_per_fte_from_cli = false;
  std::optional<double> cases_override;
  std::vector<ProcessSection> processes;
  std::vector<MediaBreakRow> media_breaks;
  std::vector<MeasureRow> measures;
  std::vector<NotProposedRow> not_proposed;
  std::vector<UncoveredRow> uncovered_breaks;
  std::vector<FindingRow> findings;     ///< structure checks
  std::vector<FindingRow> notes;        ///< import warnings and pass notes
  std::vector<analysis::Assumption> assumptions;
  std::optional<analysis::LeadTime> lead_time;  ///< when simulated (--lead-time)
  Diagram diagram;

  /// Display title: the model name, else the first process name, else the file name.
  [[nodiscard]] std::string title() const;
};

/// True when the Steckbrief's Bearbeitungszeit and the computed minutes per case differ by more than
/// 10 % and half a minute (PICTURE's Gewerbe sample: 15 min entered, 38.5 min computed).
[[nodiscard]] bool fact_sheet_disagrees(const ProcessSection& p);

/// What the command line adds that the passes do not know.
struct ReportOptions {
  std::string file_label;               ///< e.g. "hundesteuer.bpmn"
  bool hours_per_fte_from_cli = false;
};

/// Assembles the report from the passes that have run on `ctx` (run them first with
/// analysis::run_passes). `import_notes` are the importer's diagnostics for the model.
[[nodiscard]] Report build_report(engine::AnalysisContext& ctx, const engine::Diagnostics& import_notes,
                                  const ReportOptions& options);

/// Output formats.
enum class Format { markdown, html, json };
/// "md", "html", "json".
[[nodiscard]] std::string_view extension(Format f);
/// Parses "md", "markdown", "html", "json".
[[nodiscard]] std::optional<Format> parse_format(std::string_view s);

/// What the reader of a document is told besides the model: town, author, date (all optional; a
/// report carries a date only when asked, so that the same input gives the same bytes), and the
/// passes that ran, for section builders of passes that keep their own results.
struct DocumentOptions {
  std::string town;
  std::string author;
  std::string date;
  const engine::AnalysisContext* ctx = nullptr;
};

/// The report as a neutral document (every section builder of reports/sections in order).
[[nodiscard]] doc::Document build_document(const Report& r, engine::Lang lang, const DocumentOptions& o = {});

/// The JSON version of `lotse analyze` output (key "schema_version", docs/schema/analyze.schema.json).
inline constexpr const char* analyze_schema_version = "1.0";
/// The report as JSON for one file (the stable machine interface; pass results, not the document).
void write_json(const Report& r, engine::Lang lang, std::ostream& out);
/// The report as a string in the given format.
[[nodiscard]] std::string render(const Report& r, Format f, engine::Lang lang, const DocumentOptions& o = {});
/// Renders and writes atomically to `path` (temp file + rename); throws std::system_error on failure.
void write_report(const Report& r, Format f, engine::Lang lang, const std::string& path, const DocumentOptions& o = {});

} // namespace lotse::reports
