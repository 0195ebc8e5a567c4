// SPDX-License-Identifier: MIT
// `lotse simulate FILE --cases N --seed S [--replications R] [--threads T] [--format json|text]
// [--log FILE.xes|FILE.csv] [--cases-per-year X] [--staff POOL=N] [--timetable SPEC]`: throughput and
// lead-time simulation of one model (analysis/sim), with an optional streamed event log.
#include "cli/commands.h"
#include "cli/number.h"

#include "analysis/sim/defaults.h"
#include "analysis/sim/run.h"
#include "analysis/workload.h"
#include "importers/importer.h"
#include "reports/event_log.h"
#include "reports/sim_report.h"

#include <memory>
#include <ostream>
#include <system_error>

namespace lotse::cli {
namespace {

struct SimulateArgs {
  std::string file, format = "text", log;
  std::int64_t cases = 0;
  std::uint64_t seed = 1;
  int replications = 5, threads = 0;
  double cases_per_year = 0;
  std::vector<std::string> staff;
  std::string timetable;
  std::string tables_override;
};

bool parse_staff(const std::vector<std::string>& items, analysis::sim::SimOptions& o, std::ostream& err) {
  for (const auto& s : items) {
    const auto eq = s.rfind('=');
    int n = 0;
    try {
      if (eq == std::string::npos || eq == 0) throw std::invalid_argument(s);
      std::size_t used = 0;
      n = std::stoi(s.substr(eq + 1), &used);
      if (used != s.size() - eq - 1) throw std::invalid_argument(s);
    } catch (const std::exception&) {
      err << "lotse simulate: --staff expects POOL=N, got '" << s << "'\n";
      return false;
    }
    o.staff.emplace_back(s.substr(0, eq), n);
  }
  return true;
}

ExitCode run_simulate(const SimulateArgs& a, Session& s) {
  if (!check_tables_override(s, a.tables_override, "simulate")) return ExitCode::usage;
  importers::ImportResult imp = importers::import_file(a.file);
  imp.diagnostics.sort();
  if (!imp.model) {
    for (const auto& d : imp.diagnostics) s.err << engine::format_diagnostic(d, s.lang) << "\n";
    return ExitCode::bad_input;
  }
  const engine::ProcessModel& m = *imp.model;
  analysis::sim::SimOptions o;
  o.cases = a.cases > 0 ? a.cases : m.simulation().instances.value_or(10'000);
  o.seed = a.seed;
  o.replications = a.replications;
  o.threads = a.threads;
  if (a.cases_per_year > 0) o.cases_per_year = a.cases_per_year;
  o.timetable = a.timetable;
  if (!parse_staff(a.staff, o, s.err)) return ExitCode::usage;
  {
    engine::Scenario sc;
    sc.cases_per_year = o.cases_per_year;
    engine::AnalysisContext ctx(m, sc);
    ctx.options<analysis::WorkloadOptions>().override_file = a.tables_override;
    o.default_minutes = analysis::sim::default_minutes(ctx);
  }
  engine::Diagnostics diags;
  const analysis::sim::SimNetwork net = analysis::sim::compile_network(m, o, diags);
  analysis::sim::SimulationResult r;
  ExitCode code = ExitCode::ok;
  if (net.ok) {
    std::unique_ptr<reports::EventLogWriter> log;
    try {
      if (!a.log.empty()) log = std::make_unique<reports::EventLogWriter>(a.log, *reports::event_log_format(a.log), net);
      r = analysis::sim::simulate(net, o, log.get());
      if (log) log->commit();
    } catch (const std::system_error& e) {
      diags.add(engine::DiagId::cli_output_failed, a.log, {}, "", {a.log, e.code().message()});
      code = ExitCode::output_failed;
    }
  }
  diags.append(r.diagnostics);
  r.diagnostics = std::move(diags);
  if (!r.ok && code == ExitCode::ok) code = ExitCode::findings;
  if (a.format == "json") {
    s.out << reports::simulation_json(r, a.file, s.lang).dump(1) << "\n";
  } else {
    reports::write_simulation_text(s.out, r, a.file, s.lang);
  }
  for (const auto& d : imp.diagnostics) {
    if (d.severity == engine::Severity::error && !s.quiet) s.err << engine::format_diagnostic(d, s.lang) << "\n";
  }
  return code;
}

} // namespace

Action add_simulate(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("simulate", "Durchlaufzeit und Auslastung simulieren (simulate lead time and utilisation)");
  auto a = std::make_shared<SimulateArgs>();
  sub->add_option("file", a->file, "model file")->required();
  sub->add_option("--cases", a->cases, "cases per replication (default: the model's processInstances, else 10000)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--seed", a->seed, "random seed (default 1)");
  sub->add_option("--replications", a->replications, "independent replications for confidence intervals (default 5)")
      ->check(CLI::Range(1, 10'000));
  sub->add_option("--threads", a->threads, "worker threads (default: all cores); never changes the results")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--format", a->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--log", a->log, "event log to write: FILE.xes (XES) or FILE.csv (BIMP/Prosimos columns)")
      ->check([](const std::string& p) {
        return reports::event_log_format(p) ? std::string() : std::string("--log needs a .xes or .csv file name");
      });
  add_number_option(*sub, "--cases-per-year", a->cases_per_year, "arrival rate as cases per year (Fallzahl), in opening hours", 1e-9, 1e12);
  sub->add_option("--staff", a->staff, "persons in a resource pool, e.g. --staff Sachbearbeitung=3 (repeatable)");
  sub->add_option("--timetable", a->timetable, "working hours for every resource, e.g. \"Mo-Fr 08:00-16:00; Sa 09:00-12:00\"");
  add_tables_override_option(*sub, a->tables_override);
  add_common_options(*sub, s);
  sub->footer("Examples:\n  lotse simulate permit.bpmn --cases 20000 --seed 7 --replications 5\n"
              "  lotse simulate permit.bpmn --format json --log permit.xes\n"
              "  lotse simulate gewerbe.bpmn --cases-per-year 1500 --staff Sachbearbeitung=2 --timetable \"Mo-Fr 08:00-16:00\"\n"
              "  lotse simulate samples/hundesteuer.bpmn --tables-override samples/ortswerte-musterstadt.json\n");
  return [a, &s]() { return run_simulate(*a, s); };
}

} // namespace lotse::cli
