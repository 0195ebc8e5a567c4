// SPDX-License-Identifier: MIT
// `lotse simulate FILE|- --cases N --seed S [--replications R] [--threads T] [--format json|text]
// [--log FILE.xes|FILE.csv|-] [--log-format xes|csv] [--csv-dialect standard|excel-de] [--max-log-mb M]
// [--time-zone TZ] [--cases-per-year X] [--staff POOL=N] [--timetable SPEC] [--scenario FILE.json]`: throughput
// and lead-time simulation of one model (analysis/sim), with an optional streamed event log and progress on a
// terminal. A Prosimos scenario (--scenario, or <model>.json next to the model) replaces the model's parameters.
#include "cli/commands.h"
#include "cli/data_location.h"
#include "cli/trace.h"
#include "cli/number.h"

#include "analysis/sim/calendar.h"
#include "analysis/sim/defaults.h"
#include "analysis/sim/run.h"
#include "importers/importer.h"
#include "importers/prosimos_scenario.h"
#include "reports/event_log.h"
#include "reports/sim_report.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <ostream>
#include <system_error>

namespace lotse::cli {
namespace {

struct SimulateArgs {
  std::string file, format = "text", log, log_format, csv_dialect = "standard", log_replications = "1";
  std::string time_zone{analysis::sim::default_time_zone};
  std::int64_t cases = 0;
  std::uint64_t seed = 1;
  int replications = 5, threads = 0;
  double cases_per_year = 0;
  std::vector<std::string> staff;
  std::string timetable;
  std::string arrival_timetable;
  std::string holidays;
  std::string tables_override;
  std::string scenario;  ///< Prosimos scenario JSON; empty: <model stem>.json next to the model if it is one
  bool no_scenario = false;
  double max_log_mb = 2048;
};

// The scenario to apply: --scenario, else `<model stem>.json` beside the model when its start looks like a
// Prosimos scenario (then `found` is set: the run says so in SIM-056). Empty: none.
std::string scenario_path(const SimulateArgs& a, bool& found) {
  found = false;
  if (!a.scenario.empty() || a.no_scenario || a.file == "-") return a.no_scenario ? std::string() : a.scenario;
  std::filesystem::path p(a.file);
  if (p.extension() == ".json") return {};
  p.replace_extension(".json");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return {};
  std::ifstream in(p, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (!importers::looks_like_prosimos_scenario(head)) return {};
  found = true;
  return p.string();
}

// Reads the scenario and applies it; errors (syntax IN-010 with file:line, wrong form SIM-050, unreadable
// IN-001) are printed and give exit 65; notes and warnings go to `diags` (the report).
ExitCode apply_scenario(const std::string& path, bool found, Session& s, std::optional<engine::ProcessModel>& model,
                        engine::Diagnostics& diags) {
  std::optional<engine::SourceFile> src;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > s.max_input_bytes()) {
    engine::Diagnostics d;
    d.add(engine::DiagId::in_unreadable, path, {}, "", {"> " + std::to_string(s.max_input_bytes() >> 20) + " MB (--max-input-mb)"});
    s.err << engine::format_diagnostic(d.items().front(), s.lang) << "\n";
    return ExitCode::bad_input;
  }
  try {
    src = engine::SourceFile::read(path);
  } catch (const std::system_error& e) {
    engine::Diagnostics d;
    d.add(engine::DiagId::in_unreadable, path, {}, "", {e.code().message()});
    s.err << engine::format_diagnostic(d.items().front(), s.lang) << "\n";
    return ExitCode::bad_input;
  }
  importers::ImportResult r = importers::apply_prosimos_scenario(*src, *model);
  r.diagnostics.sort();
  if (!r.model) {
    for (const auto& d : r.diagnostics) {
      if (d.severity == engine::Severity::error) s.err << engine::format_diagnostic(d, s.lang, &*src) << "\n";
    }
    return ExitCode::bad_input;
  }
  if (found) diags.add(engine::DiagId::sim_scenario_found, path, {}, "", {path});
  diags.append(r.diagnostics);
  model = std::move(r.model);
  return ExitCode::ok;
}

// --staff POOL=N, or the pool's persons in groups with their own hours: "POOL=2, 1 (Mo-Mi 08:00-12:00)"
// (a group without hours works the pool's timetable).
bool parse_staff(const std::vector<std::string>& items, analysis::sim::SimOptions& o, const Session& s) {
  const auto persons = [](std::string_view text) -> std::optional<int> {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    int n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || n < 1) return std::nullopt;
    return n;
  };
  for (const auto& item : items) {
    const auto eq = item.find('=');
    bool ok = eq != std::string::npos && eq > 0;
    std::vector<analysis::sim::StaffShiftOption> groups;
    std::size_t from = eq + 1;
    while (ok && from <= item.size()) {
      // One group: up to the next comma outside parentheses.
      std::size_t end = from;
      int depth = 0;
      while (end < item.size() && (item[end] != ',' || depth > 0)) {
        depth += item[end] == '(' ? 1 : item[end] == ')' ? -1 : 0;
        ++end;
      }
      const std::string_view part = std::string_view(item).substr(from, end - from);
      analysis::sim::StaffShiftOption g;
      const auto open = part.find('(');
      const auto n = persons(part.substr(0, open));
      ok = n.has_value() && depth == 0;
      if (ok) g.persons = *n;
      if (ok && open != std::string_view::npos) {
        const auto close = part.rfind(')');
        ok = close != std::string_view::npos && close > open && part.find_first_not_of(' ', close + 1) == std::string_view::npos;
        if (ok) g.timetable = std::string(part.substr(open + 1, close - open - 1));
        ok = ok && analysis::sim::parse_timetable_spec(g.timetable).has_value();
      }
      groups.push_back(std::move(g));
      from = end + 1;
    }
    if (!ok) {
      s.err << (s.lang == engine::Lang::de
                    ? "lotse simulate: --staff erwartet POOL=N oder POOL=N, M (Mo-Mi 08:00-12:00), nicht '"
                    : "lotse simulate: --staff expects POOL=N or POOL=N, M (Mo-We 08:00-12:00), got '")
            << item << "'\n";
      return false;
    }
    const std::string pool = item.substr(0, eq);
    if (groups.size() == 1 && groups.front().timetable.empty()) {
      o.staff.emplace_back(pool, groups.front().persons);
    } else {
      o.staff_shifts.emplace_back(pool, std::move(groups));
    }
  }
  return true;
}

// `-` reads the model from standard input (at most --max-input-mb).
importers::ImportResult import_input(const std::string& file, std::size_t max_bytes) {
  if (file != "-") return importers::import_file(file, max_bytes);
  std::string bytes;
  char chunk[1 << 16];
  while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(std::cin.gcount()));
    if (bytes.size() > max_bytes) {
      importers::ImportResult r;
      r.diagnostics.add(engine::DiagId::in_unreadable, "-", {}, "",
                        {"> " + std::to_string(max_bytes >> 20) + " MB (--max-input-mb)"});
      return r;
    }
  }
  return importers::import_source(engine::SourceFile("-", std::move(bytes)));
}

// "[simulate] 40.960/100.000 Fälle, Protokoll 12,3 MB" on stderr, rewritten in place (terminal only).
class SimProgress {
public:
  SimProgress(Session& s, std::int64_t total, const reports::EventLogWriter* log)
      : s_(s), total_(total), log_(log), active_(s.show_progress()) {}
  ~SimProgress() { clear(); }
  SimProgress(const SimProgress&) = delete;
  SimProgress& operator=(const SimProgress&) = delete;
  void update(std::int64_t done) {
    if (!active_) return;
    const std::lock_guard lock(m_);
    const bool de = s_.lang == engine::Lang::de;
    std::string line = fmt::format("\r\033[K[simulate] {}/{} {}", done, total_, de ? "Fälle" : "cases");
    if (log_) {
      line += fmt::format("{} {:.1f} MB", de ? ", Protokoll" : ", log", static_cast<double>(log_->bytes_written()) / 1048576.0);
    }
    if (de) std::replace(line.begin(), line.end(), '.', ',');
    s_.err << line << std::flush;
    shown_ = true;
  }
  /// Clears the line, so that what follows (diagnostics) starts on an empty line.
  void clear() {
    const std::lock_guard lock(m_);
    if (shown_) s_.err << "\r\033[K" << std::flush;
    shown_ = false;
  }

private:
  Session& s_;
  std::int64_t total_;
  const reports::EventLogWriter* log_;
  bool active_;
  bool shown_ = false;
  std::mutex m_;
};

// Runs the simulation with the optional log; an output problem becomes a diagnostic and exit 74.
ExitCode run_with_log(const SimulateArgs& a, Session& s, const analysis::sim::SimNetwork& net, analysis::sim::SimOptions o,
                      analysis::sim::SimulationResult& r, engine::Diagnostics& diags) {
  std::unique_ptr<reports::EventLogWriter> log;
  try {
    const auto max_bytes = static_cast<std::uint64_t>(a.max_log_mb * 1024.0 * 1024.0);
    const auto dialect = *reports::csv_dialect(a.csv_dialect);
    if (a.log == "-") {
      const auto format = a.log_format == "xes" ? reports::EventLogFormat::xes : reports::EventLogFormat::csv;
      log = std::make_unique<reports::EventLogWriter>(s.out, format, net, max_bytes, dialect);
    } else if (!a.log.empty()) {
      log = std::make_unique<reports::EventLogWriter>(a.log, *reports::event_log_format(a.log), net, max_bytes, dialect);
    }
    SimProgress progress(s, o.cases, log.get());
    o.progress = [&progress](std::int64_t done) { progress.update(done); };
    r = analysis::sim::simulate(net, o, log.get());
    if (log) log->commit();
  } catch (const reports::EventLogTooLarge&) {
    log.reset();  // removes the temporary file
    r = {};
    diags.add(engine::DiagId::sim_log_too_large, a.log, {}, "", {a.log, engine::number_arg_g(a.max_log_mb)});
    return ExitCode::output_failed;
  } catch (const std::system_error& e) {
    log.reset();
    return report_output_error(s, a.log, e);
  } catch (const reports::OutputRefused& e) {
    log.reset();
    return report_output_error(s, a.log, e);
  }
  return ExitCode::ok;
}

ExitCode run_simulate(const SimulateArgs& a, Session& s) {
  bool scenario_found = false;
  const std::string scenario = scenario_path(a, scenario_found);
  if (!a.log.empty()) {
    std::vector<std::string> inputs{a.file};
    if (!a.tables_override.empty()) inputs.push_back(a.tables_override);
    if (!scenario.empty()) inputs.push_back(scenario);
    if (!outputs_clear_of_inputs(s, {a.log}, inputs)) return ExitCode::usage;
  }
  // The data set (StBA tables, lexicon, catalogue) is read when a model has an activity without any time
  // (below), not on every start; a --tables-override file is checked at once.
  std::shared_ptr<const analysis::DataSet> data;
  if (!a.tables_override.empty()) {
    data = load_session_data(s, a.tables_override, "simulate");
    if (!data) return ExitCode::usage;
  }
  if (!analysis::sim::known_time_zone(a.time_zone)) {
    s.err << (s.lang == engine::Lang::de ? "lotse simulate: --time-zone: unbekannte Zeitzone '"
                                         : "lotse simulate: --time-zone: unknown time zone '")
          << a.time_zone << (s.lang == engine::Lang::de ? "' (z. B. Europe/Berlin, UTC)\n" : "' (e.g. Europe/Berlin, UTC)\n");
    return ExitCode::usage;
  }
  auto t0 = std::chrono::steady_clock::now();
  importers::ImportResult imp = import_input(a.file, s.max_input_bytes());
  trace(s, "{}: {} {}", shown(a.file), s.lang == engine::Lang::de ? "gelesen in" : "read in", ms_since(s, t0));
  imp.diagnostics.sort();
  if (!imp.model) {
    for (const auto& d : imp.diagnostics) s.err << engine::format_diagnostic(d, s.lang) << "\n";
    return ExitCode::bad_input;
  }
  engine::Diagnostics diags;
  if (!scenario.empty()) {
    if (const ExitCode c = apply_scenario(scenario, scenario_found, s, imp.model, diags); c != ExitCode::ok) return c;
  }
  const engine::ProcessModel& m = *imp.model;
  analysis::sim::SimOptions o;
  o.cases = a.cases > 0 ? a.cases : m.simulation().instances.value_or(10'000);
  o.seed = a.seed;
  o.replications = a.replications;
  o.threads = a.threads;
  o.time_zone = a.time_zone;
  if (a.cases_per_year > 0) o.cases_per_year = a.cases_per_year;
  o.timetable = a.timetable;
  o.arrival_timetable = a.arrival_timetable;
  o.holidays = a.holidays;
  o.log_all_replications = a.log_replications == "all";
  if (!parse_staff(a.staff, o, s)) return ExitCode::usage;
  // The analysis core's default times (workload pass, StBA tables) only for models that need them.
  bool data_missing = false;
  o.default_minutes_source = [&m, &data, &s, &data_missing, cases_per_year = o.cases_per_year]() {
    if (!data) data = load_session_data(s, "", "simulate");
    data_missing = data == nullptr;  // said on stderr; exit 2 below
    if (!data) return std::vector<double>{};
    engine::Scenario sc;
    sc.cases_per_year = cases_per_year;
    engine::AnalysisContext ctx(m, sc);
    ctx.options<analysis::DataSetOption>().data = data;
    return analysis::sim::default_minutes(ctx);
  };
  const analysis::sim::SimNetwork net = analysis::sim::compile_network(m, o, diags);
  if (data_missing) return ExitCode::usage;
  analysis::sim::SimulationResult r;
  t0 = std::chrono::steady_clock::now();
  ExitCode code = net.ok ? run_with_log(a, s, net, o, r, diags) : ExitCode::ok;
  if (net.ok) {
    trace(s, "{}: {} {} {}", shown(a.file), o.cases, s.lang == engine::Lang::de ? "Fälle simuliert in" : "cases simulated in",
          ms_since(s, t0));
  }
  diags.append(r.diagnostics);
  r.diagnostics = std::move(diags);
  if (!r.ok && code == ExitCode::ok) code = ExitCode::findings;
  // With the log on standard output, the summary goes to standard error.
  std::ostream& report = a.log == "-" ? s.err : s.out;
  if (a.format == "json") {
    report << reports::simulation_json(r, a.file, s.lang).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    reports::write_simulation_text(report, r, a.file, s.lang);
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
  sub->add_option("file", a->file, "model file, or - for standard input")->required();
  sub->add_option("--cases", a->cases, "cases per replication (default: the model's processInstances, else 10000)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--seed", a->seed, "random seed (default 1)");
  sub->add_option("--replications", a->replications, "independent replications for confidence intervals (default 5)")
      ->check(CLI::Range(1, 10'000));
  sub->add_option("--threads", a->threads, "worker threads (default: all cores); never changes the results")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--format", a->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--log", a->log, "event log to write: FILE.xes (XES), FILE.csv (BIMP/Prosimos columns) or - (standard output; the summary then goes to standard error)")
      ->check([](const std::string& p) {
        return p == "-" || reports::event_log_format(p) ? std::string() : std::string("--log needs a .xes or .csv file name or -");
      });
  sub->add_option("--log-format", a->log_format, "format of --log - : csv (default) or xes")->check(CLI::IsMember({"csv", "xes"}));
  sub->add_option("--log-replications", a->log_replications,
                  "replications in the event log: 1 (default, the first) or all (case ids go on across replications)")
      ->check(CLI::IsMember({"1", "all"}))
      ->type_name("1|all");
  sub->add_option("--csv-dialect", a->csv_dialect,
                  "CSV conventions: standard (default; commas, ISO times, for process-mining tools) or excel-de "
                  "(BOM, semicolons, local times: opens in German Excel/LibreOffice)")
      ->check(CLI::IsMember({"standard", "excel-de"}));
  sub->add_option("--max-log-mb", a->max_log_mb, "largest event log to write in MB (default 2048); a larger one is not written")
      ->check(CLI::PositiveNumber);
  sub->add_option("--time-zone", a->time_zone, "time zone of the model's clock and of log times (default Europe/Berlin)");
  add_number_option(*sub, "--cases-per-year", a->cases_per_year, "arrival rate as cases per year (Fallzahl), in opening hours", 1e-9, 1e12);
  sub->add_option("--staff", a->staff, "persons in a resource pool, e.g. --staff Sachbearbeitung=3; part-time staff with their own hours: --staff \"Sachbearbeitung=2, 1 (Mo-We 08:00-12:00)\" (repeatable)");
  sub->add_option("--timetable", a->timetable, "working hours for every resource, e.g. \"Mo-Fr 08:00-16:00; Sa 09:00-12:00\"");
  sub->add_option("--arrival-timetable", a->arrival_timetable,
                  "hours in which cases arrive, e.g. \"Mo-Fr 08:00-16:00\" (default: around the clock, or the default "
                  "timetable with --cases-per-year)");
  sub->add_option("--holidays", a->holidays,
                  "days every timetable is closed: sachsen (public holidays of Saxony), dates 2026-12-24, "
                  "-2026-10-31 to open a holiday; comma-separated");
  sub->add_option("--scenario", a->scenario,
                  "Prosimos scenario (JSON) whose parameters replace the model's (default: <model>.json next to the "
                  "model, when it is one)");
  sub->add_flag("--no-scenario", a->no_scenario, "do not apply a Prosimos scenario found next to the model");
  add_data_options(*sub, s, a->tables_override);
  add_common_options(*sub, s);
  sub->footer("Examples:\n  lotse simulate permit.bpmn --cases 20000 --seed 7 --replications 5\n"
              "  lotse simulate permit.bpmn --format json --log permit.xes\n"
              "  lotse simulate permit.bpmn --log permit.csv --csv-dialect excel-de\n"
              "  lotse simulate - --log - < permit.bpmn > permit.csv\n"
              "  lotse simulate gewerbe.bpmn --cases-per-year 1500 --staff Sachbearbeitung=2 --timetable \"Mo-Fr 08:00-16:00\"\n"
              "  lotse simulate gewerbe.bpmn --timetable \"Mo-Fr 08:00-16:00\" --staff \"Sachbearbeitung=2, 1 (Mo-Mi 08:00-12:00)\"\n"
              "  lotse simulate gewerbe.bpmn --timetable \"Mo-Fr 08:00-16:00\" --holidays sachsen,2026-12-24,2026-12-31\n"
              "  lotse simulate model.bpmn --scenario model-prosimos.json\n"
              "  lotse simulate samples/hundesteuer.bpmn --tables-override samples/ortswerte-musterstadt.json\n");
  return [a, &s]() { return run_simulate(*a, s); };
}

} // namespace lotse::cli
