// SPDX-License-Identifier: MIT
#include "cli/town.h"

#include "cli/cli_texts.h"
#include "cli/data_location.h"
#include "cli/inputs.h"
#include "cli/number.h"
#include "cli/trace.h"
#include "reports/output.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace lotse::cli {
namespace fs = std::filesystem;

namespace {

/// The town file's text, or an error message (German/English) naming why it cannot be read.
std::string read_town_file(const std::string& path, std::size_t max_bytes, std::string& why, engine::Lang lang) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    why = tr(lang, "Stadtdatei nicht gefunden oder keine Datei", "town file not found or not a file");
    return {};
  }
  if (fs::file_size(path, ec) > max_bytes) {
    why = tr(lang, "Stadtdatei ist zu groß", "town file is too large");
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) why = tr(lang, "Stadtdatei nicht lesbar", "town file cannot be read");
  return bytes.str();
}

} // namespace

void add_town_options(CLI::App& sub, Session& s, TownOptions& o) {
  add_number_option(sub, "--hours-per-fte", o.hours_per_fte, "Arbeitsstunden je VZÄ und Jahr (Standard 1600)", 1.0, 8760.0);
  sub.add_option("--uptake", o.uptake, "Nutzungsquote einer bürgerseitigen Maßnahme, z. B. --uptake online_application=0,4 (wiederholbar)")
      ->check([](const std::string& v) { return parse_uptake(v).second; });
  sub.add_option("--data-dir", s.data_dir, "Ordner mit dem Datensatz")->type_name("DIR");
  auto* date = sub.add_option("--date", o.date, "Stand (JJJJ-MM-TT) in den Dokumenten; ohne Angabe kein Datum")->check(iso_date_check);
  sub.add_flag("--stamp", o.stamp, "heutiges Datum als Stand in die Dokumente schreiben")->excludes(date);
  sub.add_flag("-r,--recursive", s.recursive, "Ordner mit Unterordnern nach Modelldateien durchsuchen");
  add_common_options(sub, s);
}


ExitCode write_outputs(Session& s, const std::string& dir, const std::vector<Output>& outputs, const std::vector<std::string>& inputs) {
  if (dir == "-") {
    for (const auto& o : outputs) s.out << o.bytes();
    return ExitCode::ok;
  }
  std::vector<std::string> targets{dir};
  for (const auto& o : outputs) targets.push_back((fs::path(dir) / o.name).string());
  if (!outputs_clear_of_inputs(s, targets, inputs)) return ExitCode::usage;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return report_output_error(s, dir, std::system_error(ec, dir));
  ExitCode code = ExitCode::ok;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::string& target = targets[i + 1];
    try {
      reports::write_file_atomic(target, outputs[i].bytes());
      if (!s.quiet) s.out << tr(s.lang, "geschrieben: ", "written: ") << shown(target) << "\n";
    } catch (const std::exception& e) {
      code = worst(code, report_output_error(s, target, e));
    }
  }
  return code;
}


TownRun load_town(Session& s, const ModelSettings& settings, const std::vector<std::string>& inputs, std::string town_file,
                  bool recursive, std::string_view command) {
  TownRun run;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (fs::is_directory(in, ec)) {
      const auto found = model_files_in(in, recursive);
      run.files.insert(run.files.end(), found.begin(), found.end());
      if (town_file.empty() && fs::is_regular_file(fs::path(in) / town_file_name, ec)) town_file = (fs::path(in) / town_file_name).string();
    } else {
      run.files.push_back(in);
    }
  }
  reports::Town town = reports::parse_town("{}", {});  // every key at its default, listed as such
  if (!inputs.empty() && fs::is_directory(inputs.front(), ec)) {
    town.name = fs::path(inputs.front()).lexically_normal().filename().string();
    if (town.name.empty() || town.name == ".") town.name = fs::absolute(inputs.front(), ec).lexically_normal().parent_path().filename().string();
  }
  if (!town_file.empty()) {
    std::string why;
    const std::string text = read_town_file(town_file, s.max_input_bytes(), why, s.lang);
    if (why.empty()) {
      try {
        const std::string folder_name = town.name;
        town = reports::parse_town(text, town_file);
        if (std::find(town.defaulted.begin(), town.defaulted.end(), "name") != town.defaulted.end() && !folder_name.empty()) town.name = folder_name;
      } catch (const std::exception& e) {
        why = e.what();
      }
    }
    if (!why.empty()) {
      s.err << shown(town_file) << ": " << tr(s.lang, "Fehler: ", "error: ") << why << "\n";
      run.code = ExitCode::bad_input;
      return run;
    }
  }
  if (run.files.empty()) {
    s.err << "lotse " << command << ": " << tr(s.lang, "keine Modelldateien gefunden in ", "no model files found in ");
    for (std::size_t i = 0; i < inputs.size(); ++i) s.err << (i > 0 ? ", " : "") << shown(inputs[i]);
    s.err << "\n";
    run.code = ExitCode::bad_input;
    return run;
  }
  ModelSettings with_data = settings;
  run.data = load_session_data(s, town_file, command);
  if (!run.data) {
    run.code = ExitCode::usage;
    return run;
  }
  with_data.data = run.data;
  std::vector<std::string> failed;
  Progress progress(s, run.files.size(), std::string(command));
  for (const auto& path : run.files) {
    progress.step(path);
    auto a = analyse_model(s, with_data, path);
    run.code = worst(run.code, a->code == ExitCode::findings ? ExitCode::ok : a->code);
    if (!a->report) {
      failed.push_back(fs::path(path).filename().string());
      continue;
    }
    run.reports.push_back(&*a->report);
    run.analysed.push_back(std::move(a));
  }
  run.agenda = reports::build_agenda(run.reports, town, run.data->catalogue);
  run.agenda.failed = failed;
  run.usable = !run.agenda.services.empty();
  if (!run.usable) {
    s.err << "lotse " << command << ": "
          << tr(s.lang, "kein Modell mit Fallzahl und Bearbeitungszeiten gelesen; nichts zu planen",
                "no model with cases and processing times was read; nothing to plan")
          << "\n";
    run.code = worst(run.code, ExitCode::bad_input);
  }
  return run;
}

} // namespace lotse::cli
