// SPDX-License-Identifier: MIT
// `lotse analyze FILE... [--format md,html,json,jsonl,docx,xlsx,pdf,poster] [-o DIR|-]`: imports each model, runs every
// analysis pass on it, and writes one report per input and format (German by default). A broken file
// gets its diagnostics on stderr and the batch goes on; the exit code is the worst of all files. JSON
// to standard output is one document: the file's object for one input, {"schema_version", "files"}
// for several; `jsonl` writes one line per file (docs/schema/analyze.schema.json).
#include "cli/commands.h"
#include "cli/analyse_model.h"
#include "cli/data_location.h"
#include "cli/trace.h"
#include "cli/number.h"

#include "analysis/registry.h"
#include "analysis/suggestions.h"
#include "importers/importer.h"
#include "reports/analysis_report.h"
#include "reports/compare_report.h"
#include "reports/emit.h"
#include "reports/emit_formats.h"
#include "reports/output.h"
#include "reports/report_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <memory>
#include <ostream>
#include <set>
#include <system_error>

namespace lotse::cli {
namespace {

struct AnalyzeOptions : ModelSettings {
  std::vector<std::string> files;
  std::string formats;  ///< empty: html when writing files, md on standard output (-o -)
  std::string output = ".";
  std::string tables_override;  ///< a town's own table values (JSON), empty = default tables only
  std::string town, author, date, docx_template;
  std::string csv_dialect = "standard";  ///< --csv-dialect for --format csv
  bool stamp = false;           ///< --stamp: today's date in the header (reports are otherwise deterministic)
  std::string soll;             ///< --soll: the Soll model; the one input is the Ist model
};

/// One output format of the command line: a text report format, JSON Lines, or a document format
/// (docx, xlsx, pdf, poster) emitted from the same doc::Document.
struct OutFormat {
  reports::Format format = reports::Format::markdown;
  bool lines = false;           ///< jsonl: one JSON object per line
  std::optional<reports::DocFormat> document;
  [[nodiscard]] std::string extension() const {
    if (document) return std::string(reports::doc_extension(*document));
    return lines ? "jsonl" : std::string(reports::extension(format));
  }
  bool operator==(const OutFormat&) const = default;
};

/// What the batch writes to standard output at the end: the JSON objects of all files.
struct Batch {
  nlohmann::ordered_json json_files = nlohmann::ordered_json::array();
};


/// "md,html" -> formats in the given order without repeats; empty on an unknown name.
std::vector<OutFormat> parse_formats(const std::string& list) {
  std::vector<OutFormat> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    const std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    OutFormat f;
    if (const auto text = reports::parse_format(item)) f.format = *text;
    else if (const auto document = reports::parse_doc_format(item)) f.document = *document;
    else if (item == "jsonl") f = OutFormat{reports::Format::json, true, {}};
    else return {};
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
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

/// Options of the document emitters: CSV dialect and the town's Word template.
reports::EmitOptions emit_options(const AnalyzeOptions& o) {
  reports::EmitOptions eo;
  eo.csv_excel_de = o.csv_dialect == "excel-de";
  if (!o.docx_template.empty()) {
    std::ifstream in(o.docx_template, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    eo.docx_template = bytes.str();
  }
  return eo;
}

/// The text of one format for one file; JSON to standard output is kept for the end of the batch.
std::string output_text(const AnalyzeOptions& o, const OutFormat& f, const reports::Report& report, engine::Lang lang,
                        const reports::DocumentOptions& doc, Batch& batch) {
  if (f.document) {
    return reports::emit(reports::build_document(report, lang, doc), *f.document, emit_options(o));
  }
  if (f.format != reports::Format::json) return reports::render(report, f.format, lang, doc);
  const auto j = reports::report_json(report, lang);
  if (f.lines) return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (o.output == "-") {
    batch.json_files.push_back(j);
    return {};
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

/// The report file of one input in one format.
std::string report_path(const AnalyzeOptions& o, const std::string& stem, const OutFormat& f) {
  return (std::filesystem::path(o.output) / (stem + "." + f.extension())).string();
}

/// Writes one output text to its file (or standard output with -o -).
ExitCode deliver(Session& s, const AnalyzeOptions& o, const std::string& target, const std::string& text) {
  if (o.output == "-") {
    s.out << text;
    return ExitCode::ok;
  }
  try {
    reports::write_file_atomic(target, text);
    if (!s.quiet) s.out << (s.lang == engine::Lang::de ? "Bericht geschrieben: " : "report written: ") << shown(target) << "\n";
  } catch (const std::exception& e) {
    return report_output_error(s, target, e);
  }
  return ExitCode::ok;
}

ExitCode analyze_one(Session& s, const AnalyzeOptions& o, const std::vector<OutFormat>& formats,
                     const std::string& path, const std::string& stem, Batch& batch) {
  const auto a = analyse_model(s, o, path);
  if (!a->report) return a->code;
  ExitCode code = a->code;
  reports::DocumentOptions doc{o.town, o.author, o.stamp ? today_iso() : o.date, a->ctx.get()};
  for (const auto& f : formats) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string text = output_text(o, f, *a->report, s.lang, doc, batch);
    trace(s, "{}: {} {} {}", shown(path), s.lang == engine::Lang::de ? "Format" : "format", f.extension(), ms_since(s, t0));
    code = worst(code, deliver(s, o, report_path(o, stem, f), text));
  }
  return code;
}

/// The text of one format of the Ist/Soll comparison.
std::string comparison_text(const AnalyzeOptions& o, const OutFormat& f, const reports::ComparisonReport& r, engine::Lang lang,
                            const reports::DocumentOptions& doc) {
  if (f.format == reports::Format::json && !f.document) {
    const auto j = reports::comparison_json(r, lang);
    return f.lines ? j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
                   : j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  const reports::doc::Document d = reports::build_comparison_document(r, lang, doc);
  if (!f.document) return f.format == reports::Format::html ? reports::emit_html(d) : reports::emit_markdown(d);
  return reports::emit(d, *f.document, emit_options(o));
}

/// `analyze IST --soll SOLL`: both models analysed with the same options, one comparison per format.
ExitCode compare_one(Session& s, const AnalyzeOptions& o, const std::vector<OutFormat>& formats, const std::string& stem) {
  const auto ist = analyse_model(s, o, o.files.front());
  const auto soll = analyse_model(s, o, o.soll);
  if (!ist->report || !soll->report) return worst(ist->code, soll->code);
  const auto r = reports::build_comparison(*ist->ctx, *ist->report, *soll->ctx, *soll->report);
  ExitCode code = worst(ist->code, soll->code);
  reports::DocumentOptions doc{o.town, o.author, o.stamp ? today_iso() : o.date, ist->ctx.get()};
  for (const auto& f : formats) {
    code = worst(code, deliver(s, o, report_path(o, stem, f), comparison_text(o, f, r, s.lang, doc)));
  }
  return code;
}

/// JSON to standard output: the one file's object, or all files in {"schema_version", "files"}.
void write_json_batch(Session& s, const AnalyzeOptions& o, const Batch& batch) {
  if (batch.json_files.empty()) return;
  if (o.files.size() == 1) {
    s.out << batch.json_files.front().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  nlohmann::ordered_json all;
  all["schema_version"] = reports::analyze_schema_version;
  all["files"] = batch.json_files;
  s.out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

/// `analyze IST --soll SOLL`: checks the command line, then writes <ist-stem>-vergleich.<ext> per format.
ExitCode run_comparison(Session& s, const AnalyzeOptions& o, const std::vector<OutFormat>& formats) {
  if (o.files.size() != 1) {
    s.err << (s.lang == engine::Lang::de
                  ? "lotse analyze: --soll vergleicht genau ein Ist-Modell mit dem Soll-Modell, angegeben sind "
                  : "lotse analyze: --soll compares exactly one as-is model with the to-be model, given are ")
          << o.files.size() << (s.lang == engine::Lang::de ? " Eingaben\n" : " inputs\n");
    return ExitCode::usage;
  }
  std::set<std::string> used;
  const std::string stem = o.output == "-" ? std::string() : unique_stem(o.files.front(), used) + "-vergleich";
  std::vector<std::string> inputs{o.files.front(), o.soll}, targets{o.output};
  if (!o.tables_override.empty()) inputs.push_back(o.tables_override);
  if (!o.docx_template.empty()) inputs.push_back(o.docx_template);
  for (const auto& f : formats) targets.push_back(report_path(o, stem, f));
  if (!outputs_clear_of_inputs(s, targets, inputs)) return ExitCode::usage;
  if (o.output != "-") {
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec) return report_output_error(s, o.output, std::system_error(ec, o.output));
  }
  try {
    return compare_one(s, o, formats, stem);
  } catch (const std::exception& e) {
    s.err << shown(o.files.front()) << ": lotse: internal error: " << e.what() << "\n";
    return ExitCode::internal;
  }
}

} // namespace

Action add_analyze(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand(
      "analyze", "Bericht: Medienbrüche, Aufwand, Maßnahmen (report: media breaks, workload, measures)");
  auto o = std::make_shared<AnalyzeOptions>();
  sub->add_option("files", o->files, "Prozessmodelle (BPMN, PICTURE, XProzess, CSV)")->required();
  sub->add_option("--format", o->formats,
                  "html, md, json, jsonl, docx, xlsx, pdf, poster (A3), csv (alle Tabellen) oder eine Liste wie md,docx "
                  "(Standard: html in Dateien, md bei -o -)")
      ->check([](const std::string& v) {
        return parse_formats(v).empty()
                   ? std::string("expected md, html, json, jsonl, docx, xlsx, pdf, poster, csv or a comma list of them")
                   : std::string();
      });
  sub->add_option("-o,--output", o->output, "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)");
  add_number_option(*sub, "--cases-per-year", o->cases_per_year, "Fallzahl pro Jahr statt der im Modell (1500 oder 1.500)", 1e-9, 1e12);
  add_number_option(*sub, "--hours-per-fte", o->hours_per_fte, "Arbeitsstunden je VZÄ und Jahr (Standard 1600)", 1.0, 8760.0);
  add_number_option(*sub, "--verteilzeit", o->verteilzeit, "Verteilzeitzuschlag auf die Personalkosten als Faktor, z. B. 1,1 (Standard 1,0)", 1.0, 3.0);
  sub->add_option("--uptake", o->uptake, "Nutzungsquote einer bürgerseitigen Maßnahme, z. B. --uptake online_application=0,4 (wiederholbar)")
      ->check([](const std::string& v) { return parse_uptake(v).second; });
  sub->add_option("--csv-dialect", o->csv_dialect,
                  "CSV-Konventionen für --format csv: standard (Komma, Dezimalpunkt) oder excel-de (BOM, Semikolon, "
                  "Dezimalkomma: öffnet in deutschem Excel/LibreOffice)")
      ->check(CLI::IsMember({"standard", "excel-de"}));
  sub->add_flag("--lead-time", o->lead_time, "Durchlaufzeit simulieren (dauert länger)");
  sub->add_option("--soll", o->soll,
                  "Soll-Modell desselben Verfahrens: Ist/Soll-Vergleich mit genau einem Ist-Modell, Bericht <ist>-vergleich.<format>");
  add_data_options(*sub, s, o->tables_override);
  sub->add_option("--town", o->town, "Kommune für Kopf- und Fußzeile des Berichts");
  sub->add_option("--author", o->author, "Bearbeiterin/Bearbeiter für Kopf- und Fußzeile");
  auto* date = sub->add_option("--date", o->date, "Stand (JJJJ-MM-TT) im Bericht; ohne Angabe kein Datum")
                   ->check(iso_date_check);
  sub->add_flag("--stamp", o->stamp, "heutiges Datum als Stand in den Bericht schreiben")->excludes(date);
  sub->add_option("--template", o->docx_template, "Word-Vorlage der Kommune (.docx): Formatvorlagen und Kopfzeile mit Logo")
      ->check(CLI::ExistingFile);
  add_common_options(*sub, s);
  sub->footer("Examples:\n"
              "  lotse analyze samples/hundesteuer.bpmn -o berichte/\n"
              "  lotse analyze samples/hundesteuer.bpmn --format docx,xlsx,pdf,poster --town Musterstadt -o berichte/\n"
              "  lotse analyze samples/*.bpmn --format md,html -o berichte/\n"
              "  lotse analyze prozess.xml --format json -o - --lang en\n"
              "  lotse analyze a.bpmn b.bpmn --format jsonl -o -\n"
              "  lotse analyze samples/hundesteuer.bpmn --format html --town Musterstadt --author \"A. Beispiel\" --stamp\n"
              "  lotse analyze samples/gewerbeanmeldung.bpmn --cases-per-year 2000 --lead-time\n"
              "  lotse analyze samples/hundesteuer.bpmn --soll samples/hundesteuer-digital.bpmn --format md,xlsx -o berichte/\n"
              "  lotse analyze samples/bausteintabelle-hundesteuer-abmeldung.csv --tables-override samples/ortswerte-musterstadt.json -o -\n");
  return [o, &s]() {
    const auto formats = parse_formats(!o->formats.empty() ? o->formats : o->output == "-" ? "md" : "html");
    o->data = load_session_data(s, o->tables_override, "analyze");
    if (!o->data) return ExitCode::usage;
    if (!o->soll.empty()) return run_comparison(s, *o, formats);
    // Every report path is known before anything is written: none may replace an input.
    std::vector<std::string> inputs = o->files, stems, targets{o->output};
    if (!o->tables_override.empty()) inputs.push_back(o->tables_override);
    if (!o->docx_template.empty()) inputs.push_back(o->docx_template);
    std::set<std::string> used;
    for (const auto& path : o->files) {
      stems.push_back(o->output == "-" ? std::string() : unique_stem(path, used));
      for (const auto& f : formats) targets.push_back(report_path(*o, stems.back(), f));
    }
    if (!outputs_clear_of_inputs(s, targets, inputs)) return ExitCode::usage;
    if (o->output != "-") {
      std::error_code ec;
      std::filesystem::create_directories(o->output, ec);
      if (ec) return report_output_error(s, o->output, std::system_error(ec, o->output));
    }
    ExitCode code = ExitCode::ok;
    Batch batch;
    std::size_t index = 0;
    Progress progress(s, o->files.size(), "analyze");
    for (const auto& path : o->files) {
      progress.step(path);
      const std::string& stem = stems[index++];
      try {
        code = worst(code, analyze_one(s, *o, formats, path, stem, batch));
      } catch (const std::exception& e) {
        s.err << shown(path) << ": lotse: internal error: " << e.what() << "\n";
        code = worst(code, ExitCode::internal);
      }
    }
    write_json_batch(s, *o, batch);
    return code;
  };
}

} // namespace lotse::cli
