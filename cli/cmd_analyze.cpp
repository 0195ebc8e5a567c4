// SPDX-License-Identifier: MIT
// `lotse analyze FILE... [--format md,html,json] [-o DIR|-]`: imports each model, runs every analysis
// pass on it, and writes one report per input and format (German by default). A broken file gets its
// diagnostics on stderr and the batch goes on; the exit code is the worst of all files.
#include "cli/commands.h"

#include "analysis/registry.h"
#include "analysis/suggestions.h"
#include "analysis/workload.h"
#include "importers/importer.h"
#include "reports/analysis_report.h"
#include "reports/output.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <set>
#include <system_error>

namespace lotse::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> files;
  std::string formats = "md";
  std::string output = ".";
  std::optional<double> cases_per_year;
  std::optional<double> hours_per_fte;
  double verteilzeit = 1.0;
  bool lead_time = false;
  std::string tables_override;  ///< a town's own table values (JSON), empty = default tables only
};

/// "md,html" -> formats in the given order without repeats; empty on an unknown name.
std::vector<reports::Format> parse_formats(const std::string& list) {
  std::vector<reports::Format> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    const std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto f = reports::parse_format(item);
    if (!f) return {};
    if (std::find(out.begin(), out.end(), *f) == out.end()) out.push_back(*f);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// A file stem not used before in this batch ("x", then "x-2", "x-3", ...).
std::string unique_stem(const std::string& path, std::set<std::string>& used) {
  std::string stem = std::filesystem::path(path).stem().string();
  if (stem.empty()) stem = "bericht";
  std::string candidate = stem;
  for (int k = 2; !used.insert(candidate).second; ++k) candidate = stem + "-" + std::to_string(k);
  return candidate;
}

/// The report file of one input in one format.
std::string report_path(const AnalyzeOptions& o, const std::string& stem, reports::Format f) {
  return (std::filesystem::path(o.output) / (stem + "." + std::string(reports::extension(f)))).string();
}

ExitCode analyze_one(Session& s, const AnalyzeOptions& o, const std::vector<reports::Format>& formats,
                     const std::string& path, const std::string& stem) {
  importers::ImportResult imported = importers::import_file(path);
  imported.diagnostics.sort();
  for (const auto& d : imported.diagnostics) {
    if (d.severity == engine::Severity::error || (d.severity == engine::Severity::warning && !s.quiet) || s.verbose) {
      s.err << engine::format_diagnostic(d, s.lang) << "\n";
    }
  }
  if (!imported.model) return ExitCode::bad_input;

  engine::Scenario scenario;
  scenario.cases_per_year = o.cases_per_year;
  if (o.hours_per_fte) scenario.hours_per_fte = *o.hours_per_fte;
  scenario.distribution_time_factor = o.verteilzeit;
  engine::AnalysisContext ctx(*imported.model, scenario);
  ctx.options<analysis::SuggestionOptions>().lead_time = o.lead_time;
  ctx.options<analysis::WorkloadOptions>().override_file = o.tables_override;
  std::vector<std::string_view> passes;
  for (const auto& p : analysis::all_passes()) {
    if (o.lead_time || p.id != analysis::LeadTimePass::id) passes.push_back(p.id);
  }
  analysis::run_passes(ctx, passes);

  reports::ReportOptions ro;
  ro.file_label = std::filesystem::path(path).filename().string();
  ro.hours_per_fte_from_cli = o.hours_per_fte.has_value();
  const reports::Report report = reports::build_report(ctx, imported.diagnostics, ro);

  ExitCode code = ExitCode::ok;
  bool errors = imported.diagnostics.has_errors();
  for (const auto& f : report.findings) errors = errors || f.severity == engine::Severity::error;
  if (errors) code = ExitCode::findings;

  for (const auto f : formats) {
    const std::string text = reports::render(report, f, s.lang);
    if (o.output == "-") {
      s.out << text;
      continue;
    }
    const std::string target = report_path(o, stem, f);
    try {
      reports::write_file_atomic(target, text);
      if (!s.quiet) s.out << (s.lang == engine::Lang::de ? "Bericht geschrieben: " : "report written: ") << target << "\n";
    } catch (const std::exception& e) {
      code = worst(code, report_output_error(s, target, e));
    }
  }
  return code;
}

} // namespace

Action add_analyze(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand(
      "analyze", "Bericht: Medienbrüche, Aufwand, Maßnahmen (report: media breaks, workload, measures)");
  auto o = std::make_shared<AnalyzeOptions>();
  sub->add_option("files", o->files, "Prozessmodelle (BPMN, PICTURE, XProzess, CSV)")->required();
  sub->add_option("--format", o->formats, "md (Standard), html, json oder Liste wie md,html,json")
      ->check([](const std::string& v) {
        return parse_formats(v).empty() ? std::string("expected md, html, json or a comma list of them") : std::string();
      });
  sub->add_option("-o,--output", o->output, "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)");
  sub->add_option("--cases-per-year", o->cases_per_year, "Fallzahl pro Jahr statt der im Modell")
      ->check(CLI::PositiveNumber);
  sub->add_option("--hours-per-fte", o->hours_per_fte, "Arbeitsstunden je VZÄ und Jahr (Standard 1600)")
      ->check(CLI::Range(1.0, 8760.0));
  sub->add_option("--verteilzeit", o->verteilzeit, "Verteilzeitzuschlag als Faktor, z. B. 1.1 (Standard 1.0)")
      ->check(CLI::Range(1.0, 3.0));
  sub->add_flag("--lead-time", o->lead_time, "Durchlaufzeit simulieren (dauert länger)");
  add_tables_override_option(*sub, o->tables_override);
  add_common_options(*sub, s);
  sub->footer("Examples:\n"
              "  lotse analyze samples/hundesteuer.bpmn -o berichte/\n"
              "  lotse analyze samples/*.bpmn --format md,html -o berichte/\n"
              "  lotse analyze prozess.xml --format json -o - --lang en\n"
              "  lotse analyze samples/gewerbeanmeldung.bpmn --cases-per-year 2000 --lead-time\n"
              "  lotse analyze samples/bausteintabelle-hundesteuer-abmeldung.csv --tables-override samples/ortswerte-musterstadt.json -o -\n");
  return [o, &s]() {
    const auto formats = parse_formats(o->formats);
    if (!check_tables_override(s, o->tables_override, "analyze")) return ExitCode::usage;
    // Every report path is known before anything is written: none may replace an input.
    std::vector<std::string> inputs = o->files, stems, targets{o->output};
    if (!o->tables_override.empty()) inputs.push_back(o->tables_override);
    std::set<std::string> used;
    for (const auto& path : o->files) {
      stems.push_back(o->output == "-" ? std::string() : unique_stem(path, used));
      for (const auto f : formats) targets.push_back(report_path(*o, stems.back(), f));
    }
    if (!outputs_clear_of_inputs(s, targets, inputs)) return ExitCode::usage;
    if (o->output != "-") {
      std::error_code ec;
      std::filesystem::create_directories(o->output, ec);
      if (ec) return report_output_error(s, o->output, std::system_error(ec, o->output));
    }
    ExitCode code = ExitCode::ok;
    std::size_t index = 0;
    Progress progress(s, o->files.size(), "analyze");
    for (const auto& path : o->files) {
      progress.step(path);
      const std::string& stem = stems[index++];
      try {
        code = worst(code, analyze_one(s, *o, formats, path, stem));
      } catch (const std::exception& e) {
        s.err << path << ": lotse: internal error: " << e.what() << "\n";
        code = worst(code, ExitCode::internal);
      }
    }
    return code;
  };
}

} // namespace lotse::cli
