// SPDX-License-Identifier: MIT
#include "cli/analyse_model.h"

#include "cli/number.h"
#include "cli/trace.h"

#include "analysis/registry.h"
#include "analysis/suggestions.h"

#include <chrono>
#include <filesystem>

namespace lotse::cli {

/// "online_application=0,4" or "online_application=40%" -> (id, rate); the second part is the error.
std::pair<std::pair<std::string, double>, std::string> parse_uptake(const std::string& item) {
  const auto eq = item.find('=');
  std::string why;
  if (eq == std::string::npos || eq == 0) return {{}, "--uptake erwartet MASSNAHME=QUOTE, z. B. online_application=0,4 (expected ID=RATE)"};
  std::string value = item.substr(eq + 1);
  const bool percent = !value.empty() && value.back() == '%';
  if (percent) value.pop_back();
  auto v = parse_number(value, &why);
  if (!v) return {{}, why};
  if (percent) *v /= 100.0;
  if (*v < 0 || *v > 1) return {{}, "Nutzungsquote muss zwischen 0 und 1 (0 % und 100 %) liegen (uptake must be between 0 and 1): " + item};
  return {{item.substr(0, eq), *v}, {}};
}

/// Imports `path`, prints its diagnostics and runs every pass (the lead time only with --lead-time).
std::unique_ptr<Analysed> analyse_model(Session& s, const ModelSettings& o, const std::string& path) {
  const bool de = s.lang == engine::Lang::de;
  auto a = std::make_unique<Analysed>();
  auto t0 = std::chrono::steady_clock::now();
  a->imported = importers::import_file(path, s.max_input_bytes());
  trace(s, "{}: {} {}", shown(path), de ? "gelesen in" : "read in", ms_since(s, t0));
  a->imported.diagnostics.sort();
  for (const auto& d : a->imported.diagnostics) {
    if (d.severity == engine::Severity::error || (d.severity == engine::Severity::warning && !s.quiet) || s.verbose) {
      s.err << engine::format_diagnostic(d, s.lang) << "\n";
    }
  }
  if (!a->imported.model) {
    a->code = ExitCode::bad_input;
    return a;
  }
  engine::Scenario scenario;
  scenario.cases_per_year = o.cases_per_year;
  if (o.hours_per_fte) scenario.hours_per_fte = *o.hours_per_fte;
  scenario.distribution_time_factor = o.verteilzeit;
  a->ctx = std::make_unique<engine::AnalysisContext>(*a->imported.model, scenario);
  engine::AnalysisContext& ctx = *a->ctx;
  ctx.options<analysis::SuggestionOptions>().lead_time = o.lead_time;
  for (const auto& item : o.uptake) {
    const auto [rate, why] = parse_uptake(item);
    if (why.empty()) ctx.options<analysis::SuggestionOptions>().uptake[rate.first] = rate.second;
  }
  ctx.options<analysis::DataSetOption>().data = o.data;
  std::vector<std::string_view> passes;
  for (const auto& p : analysis::all_passes()) {
    if (o.lead_time || p.id != analysis::LeadTimePass::id) passes.push_back(p.id);
  }
  // One pass at a time, so -v can say where the time goes (a pass's time includes the passes it
  // needs that did not run before it).
  for (const auto id : passes) {
    t0 = std::chrono::steady_clock::now();
    analysis::run_passes(ctx, {id});
    trace(s, "{}: {} {} {}", shown(path), de ? "Analyse" : "pass", id, ms_since(s, t0));
  }
  reports::ReportOptions ro;
  ro.file_label = std::filesystem::path(path).filename().string();
  ro.hours_per_fte_from_cli = o.hours_per_fte.has_value();
  a->report = reports::build_report(ctx, a->imported.diagnostics, ro);
  bool errors = a->imported.diagnostics.has_errors();
  for (const auto& f : a->report->findings) errors = errors || f.severity == engine::Severity::error;
  if (errors) a->code = ExitCode::findings;
  return a;
}

} // namespace lotse::cli
