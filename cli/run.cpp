// SPDX-License-Identifier: MIT
#include "cli/run.h"

#include "cli/commands.h"

#include "cli/cli_texts.h"
#include "cli/data_location.h"
#include "cli/inputs.h"
#include "cli/trace.h"

#include "reports/output.h"

#include <algorithm>
#include <iostream>
#include <cstring>
#include <ctime>
#include <sstream>
#include <system_error>
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

} // namespace

ExitCode worst(ExitCode a, ExitCode b) { return rank(a) >= rank(b) ? a : b; }

bool Session::show_progress() const { return !quiet && ::isatty(STDERR_FILENO) != 0; }

void add_common_options(CLI::App& sub, Session& s) {
  sub.add_option_function<std::string>(
         "--lang", [&s](const std::string& v) { s.lang = v == "en" ? engine::Lang::en : engine::Lang::de; },
         "Sprache der Ausgabe: de (Standard) oder en")
      ->check(CLI::IsMember({"de", "en"}));
  sub.add_flag("-q,--quiet", s.quiet, "Keine Fortschrittsanzeige und keine Warnungen auf stderr");
  sub.add_flag("-v,--verbose", s.verbose, "Mehr Einzelheiten (auch Hinweise)");
  sub.add_option("--max-input-mb", s.max_input_mb, "größte Eingabedatei in MB (Standard 256)")->check(CLI::Range(1.0, 65536.0));
}

void add_tables_override_option(CLI::App& sub, std::string& path) {
  sub.add_option("--tables-override", path,
                 "Ortswerte: JSON-Datei mit eigenen Zeitwerten/Kostensätzen der Kommune, die einzelne Werte der "
                 "StBA-Standardtabellen ersetzt (siehe data/README.md), z. B. "
                 "--tables-override samples/ortswerte-musterstadt.json")
      ->type_name("FILE");
}

bool outputs_clear_of_inputs(Session& s, const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs) {
  for (const auto& out : outputs) {
    if (const auto in = reports::clashing_input(out, inputs)) {
      engine::Diagnostics d;
      d.add(engine::DiagId::cli_output_is_input, out, {}, "", {out, *in});
      s.err << engine::format_diagnostic(*d.begin(), s.lang) << "\n";
      return false;
    }
  }
  return true;
}

namespace {
std::string io_reason(int err, engine::Lang lang) {
  if (lang == engine::Lang::en) return std::strerror(err);
  switch (err) {
  case ENOSPC: return "kein Platz mehr auf dem Datenträger";
  case EDQUOT: return "Speicherkontingent erschöpft";
  case EACCES: case EPERM: return "keine Schreibberechtigung";
  case ENOENT: return "der Ordner existiert nicht";
  case ENOTDIR: return "ein Teil des Pfades ist kein Ordner";
  case EISDIR: return "ist ein Ordner";
  case EROFS: return "Datenträger ist schreibgeschützt";
  case EIO: return "Ein-/Ausgabefehler";
  case EPIPE: return "Empfänger hat die Verbindung geschlossen";
  case ENAMETOOLONG: return "Dateiname zu lang";
  default: return std::string("Systemfehler ") + std::to_string(err) + " (" + std::strerror(err) + ")";
  }
}
} // namespace

ExitCode report_output_error(Session& s, const std::string& path, const std::exception& e) {
  engine::Diagnostics d;
  ExitCode code = ExitCode::output_failed;
  if (const auto* refused = dynamic_cast<const reports::OutputRefused*>(&e)) {
    d.add(engine::DiagId::cli_output_refused, path, {}, "", {path, refused->what()});
    code = ExitCode::usage;
  } else if (const auto* se = dynamic_cast<const std::system_error*>(&e)) {
    d.add(engine::DiagId::cli_output_failed, path, {}, "", {path, io_reason(se->code().value(), s.lang)});
  } else {
    d.add(engine::DiagId::cli_output_failed, path, {}, "", {path, e.what()});
  }
  s.err << engine::format_diagnostic(*d.begin(), s.lang) << "\n";
  return code;
}

Progress::Progress(Session& s, std::size_t total, std::string what)
    : s_(s), total_(total), what_(std::move(what)), active_(s.show_progress() && total > 1) {}

void Progress::step(const std::string& item) {
  ++done_;
  if (!active_) return;
  s_.err << "\r\033[K[" << done_ << "/" << total_ << "] " << what_ << " " << shown(item) << std::flush;
}

Progress::~Progress() {
  if (active_) s_.err << "\r\033[K" << std::flush;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Session session{out, err};
  session.lang = language_from(args);  // help and parser errors are already in the user's language
  session.trace = make_trace_logger(err);
  CLI::App app{"", "lotse"};
  app.footer("Examples:\n"
             "  lotse check samples/hundesteuer.bpmn\n"
             "  lotse stats samples/*.bpmn --format json\n"
             "  lotse analyze samples/gewerbeanmeldung.bpmn -o berichte/\n"
             "  lotse analyze berichte-eingang/ --recursive -o berichte/\n"
             "  lotse simulate samples/gewerbeanmeldung.bpmn --cases 10000 --seed 1\n"
             "  lotse convert prozess.xml -o prozess.bpmn\n");
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
  add(&add_agenda);
  add(&add_workshop);
  add(&add_compare);
  add(&add_convert);
  add(&add_formats);
  add(&add_passes);
  for (auto& [sub, action] : commands) {
    if (sub->get_option_no_throw("files") != nullptr) add_recursive_option(*sub, session.recursive);
  }
  localise(app, session.lang);

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
      if (!expand_folder_inputs(*sub, session.recursive, session.lang, err)) return static_cast<int>(ExitCode::bad_input);
      enable_trace(session);
      try {
        return static_cast<int>(action());
      } catch (const std::exception& e) {
        err << "lotse: " << tr(session.lang, "interner Fehler: ", "internal error: ") << e.what() << "\n";
        return static_cast<int>(ExitCode::internal);
      }
    }
  }
  return static_cast<int>(ExitCode::usage);
}

std::string iso_date_check(const std::string& v) {
  const bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                  std::all_of(v.begin(), v.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  return ok ? std::string() : std::string("expected a date as YYYY-MM-DD");
}

std::string today_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

} // namespace lotse::cli
