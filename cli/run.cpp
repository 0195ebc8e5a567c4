// SPDX-License-Identifier: MIT
#include "cli/run.h"

#include "cli/commands.h"

#include "cli/data_location.h"

#include <iostream>
#include <sstream>
#include <unistd.h>

namespace lotse::cli {
namespace {

int rank(ExitCode c) {
  switch (c) {
  case ExitCode::ok: return 0;
  case ExitCode::findings: return 1;
  case ExitCode::usage: return 2;
  case ExitCode::bad_input: return 3;
  case ExitCode::output_failed: return 4;
  case ExitCode::internal: return 5;
  }
  return 5;
}

constexpr const char* exit_code_help =
    "Exit codes:\n"
    "  0   ok (warnings allowed)\n"
    "  1   findings of error severity in a readable model\n"
    "  2   usage error (wrong options)\n"
    "  65  unreadable or unparsable input (other files of the batch are still processed)\n"
    "  70  internal error\n"
    "  74  an output file could not be written\n";

} // namespace

ExitCode worst(ExitCode a, ExitCode b) { return rank(a) >= rank(b) ? a : b; }

bool Session::show_progress() const { return !quiet && ::isatty(STDERR_FILENO) != 0; }

void add_common_options(CLI::App& sub, Session& s) {
  sub.add_option_function<std::string>(
         "--lang", [&s](const std::string& v) { s.lang = v == "en" ? engine::Lang::en : engine::Lang::de; },
         "Report language: de (default) or en")
      ->check(CLI::IsMember({"de", "en"}));
  sub.add_flag("-q,--quiet", s.quiet, "No progress output on stderr");
  sub.add_flag("-v,--verbose", s.verbose, "More detail");
}

void add_tables_override_option(CLI::App& sub, std::string& path) {
  sub.add_option("--tables-override", path,
                 "Ortswerte: JSON-Datei mit eigenen Zeitwerten/Kostensätzen der Kommune, die einzelne Werte der "
                 "StBA-Standardtabellen ersetzt (siehe data/README.md), z. B. "
                 "--tables-override samples/ortswerte-musterstadt.json")
      ->type_name("FILE");
}

Progress::Progress(Session& s, std::size_t total, std::string what)
    : s_(s), total_(total), what_(std::move(what)), active_(s.show_progress() && total > 1) {}

void Progress::step(const std::string& item) {
  ++done_;
  if (!active_) return;
  s_.err << "\r\033[K[" << done_ << "/" << total_ << "] " << what_ << " " << item << std::flush;
}

Progress::~Progress() {
  if (active_) s_.err << "\r\033[K" << std::flush;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Session session{out, err, engine::Lang::de, false, false, {}};
  CLI::App app{"lotse - Prozesslotse: Medienbrüche, Aufwand und Digitalisierungsmaßnahmen für kommunale Prozesse\n"
               "(media breaks, workload and digitisation measures for municipal processes)",
               "lotse"};
  app.footer(std::string("\nExamples:\n"
                         "  lotse check samples/hundesteuer.bpmn\n"
                         "  lotse stats samples/*.bpmn --format json\n"
                         "  lotse analyze samples/gewerbeanmeldung.bpmn -o berichte/\n"
                         "  lotse simulate samples/gewerbeanmeldung.bpmn --cases 10000 --seed 1\n"
                         "  lotse convert prozess.xml -o prozess.bpmn\n\n") +
             exit_code_help);
  app.add_option("--data-dir", session.data_dir, "Ordner mit dem Datensatz (data set folder), siehe data/README.md")
      ->type_name("DIR");
  app.set_version_flag("--version", [&session]() {
    std::string text = std::string("lotse ") + LOTSE_VERSION + "\n" + data_version_text(session.data_dir);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  });
  app.require_subcommand(1);

  std::vector<std::pair<CLI::App*, Action>> commands;
  auto add = [&](Action (*adder)(CLI::App&, Session&)) {
    const std::size_t before = app.get_subcommands({}).size();
    Action action = adder(app, session);
    auto subs = app.get_subcommands({});
    if (subs.size() > before) commands.emplace_back(subs.back(), std::move(action));
  };
  add(&add_check);
  add(&add_stats);
  add(&add_analyze);
  add(&add_simulate);
  add(&add_convert);
  add(&add_formats);
  add(&add_passes);
  for (auto& [sub, action] : commands) {
    // Keep the subcommand's own examples (footer() replaces, it does not append).
    const std::string own = sub->get_footer();
    sub->footer(own.empty() ? std::string(exit_code_help) : own + "\n" + exit_code_help);
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    // --help, --version (exit code 0) and real usage errors all end here.
    std::ostringstream o, er;
    const int code = app.exit(e, o, er);
    if (code == 0) {
      out << o.str() << er.str();
      return 0;
    }
    err << er.str() << o.str();
    return static_cast<int>(ExitCode::usage);
  }
  for (auto& [sub, action] : commands) {
    if (sub->parsed()) {
      try {
        return static_cast<int>(action());
      } catch (const std::exception& e) {
        err << "lotse: internal error: " << e.what() << "\n";
        return static_cast<int>(ExitCode::internal);
      }
    }
  }
  return static_cast<int>(ExitCode::usage);
}

} // namespace lotse::cli
