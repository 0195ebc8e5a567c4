// SPDX-License-Identifier: MIT
// `lotse agenda DIR|FILE... [--town-file stadt.json] [--format ...] [-o DIR|-]`: the portfolio of one
// town: every service's figures, the measures merged across services and planned by quarter, written
// as the Agenda chapter (html, md, docx, pdf), the portfolio workbook (xlsx), the Ratsvorlage (docx,
// pdf with docx/pdf) and JSON (docs/schema/agenda.schema.json).
// `lotse compare TOWN_DIR... [--service STEM] [--anonym]`: the same service across towns (matched by
// file name), per 1,000 inhabitants from each town's stadt.json; an index page and one workbook.
#include "cli/cli_texts.h"
#include "cli/commands.h"
#include "cli/number.h"
#include "cli/town.h"
#include "cli/trace.h"

#include "reports/emit.h"
#include "reports/emit_formats.h"
#include "reports/output.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace lotse::cli {
namespace {
namespace fs = std::filesystem;

/// "html,docx" -> {"html", "docx"}; empty when an item is not in `allowed`.
std::vector<std::string> format_list(const std::string& list, const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::transform(item.begin(), item.end(), item.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (item == "markdown") item = "md";
    if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) return {};
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

CLI::Validator formats_of(const std::vector<std::string>& allowed) {
  std::string names;
  for (const auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
  return CLI::Validator(
      [allowed, names](std::string& v) { return format_list(v, allowed).empty() ? "expected " + names + " or a comma list of them" : std::string(); },
      "FORMATS");
}

std::string json_text(const nlohmann::ordered_json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

/// The text/document formats of one doc::Document under `stem`.
void add_document(std::vector<Output>& out, const std::string& stem, const std::vector<std::string>& formats,
                  std::shared_ptr<const reports::doc::Document> d) {
  for (const auto& f : formats) {
    if (f == "html") out.push_back({stem + ".html", [d] { return reports::emit_html(*d); }});
    else if (f == "md") out.push_back({stem + ".md", [d] { return reports::emit_markdown(*d); }});
    else if (const auto df = reports::parse_doc_format(f)) out.push_back({stem + "." + std::string(reports::doc_extension(*df)), [d, df] { return reports::emit(*d, *df); }});
  }
}

ExitCode run_agenda(Session& s, TownOptions& o) {
  const auto formats = format_list(o.formats.empty() ? (o.output == "-" ? "json" : "html,docx,xlsx,pdf") : o.formats,
                                   {"html", "md", "json", "docx", "xlsx", "pdf"});
  if (o.output == "-" && formats.size() != 1) {
    s.err << "lotse agenda: " << tr(s.lang, "-o - schreibt genau ein Format (json oder md)", "-o - writes exactly one format (json or md)") << "\n";
    return ExitCode::usage;
  }
  TownRun run = load_town(s, o, o.inputs, o.town_file, s.recursive, "agenda");
  if (!run.usable) return run.code;
  const std::string date = o.stamp ? today_iso() : o.date;
  const auto& a = run.agenda;
  auto chapter = std::make_shared<const reports::doc::Document>(reports::agenda_document(a, s.lang, date));
  std::vector<Output> out;
  std::vector<std::string> chapter_formats, council_formats;
  for (const auto& f : formats) {
    if (f == "json") out.push_back({"agenda.json", [&a, &s] { return json_text(reports::agenda_json(a, s.lang)); }});
    else if (f == "xlsx") {
      auto book = std::make_shared<const reports::doc::Document>(reports::portfolio_workbook(a, s.lang, date));
      out.push_back({"portfolio.xlsx", [book] { return reports::emit(*book, reports::DocFormat::xlsx); }});
    } else {
      chapter_formats.push_back(f);
      if (f == "docx" || f == "pdf") council_formats.push_back(f);
    }
  }
  add_document(out, "agenda", chapter_formats, chapter);
  if (!council_formats.empty()) {
    add_document(out, "ratsvorlage", council_formats, std::make_shared<const reports::doc::Document>(reports::ratsvorlage(a, s.lang, date)));
  }
  std::vector<std::string> inputs = run.files;
  if (!a.town.file.empty()) inputs.push_back(a.town.file);
  return worst(run.code, write_outputs(s, o.output, out, inputs));
}

ExitCode run_compare(Session& s, TownOptions& o) {
  const auto formats = format_list(o.formats.empty() ? (o.output == "-" ? "json" : "html,xlsx") : o.formats, {"html", "md", "json", "xlsx", "docx", "pdf"});
  if (o.output == "-" && formats.size() != 1) {
    s.err << "lotse compare: " << tr(s.lang, "-o - schreibt genau ein Format (json oder md)", "-o - writes exactly one format (json or md)") << "\n";
    return ExitCode::usage;
  }
  std::error_code ec;
  for (const auto& t : o.inputs) {
    if (!fs::is_directory(t, ec)) {
      s.err << "lotse compare: " << shown(t)
            << tr(s.lang, ": kein Ordner; je Gemeinde ein Ordner mit Modellen und stadt.json", ": not a folder; one folder per town with models and stadt.json")
            << "\n";
      return ExitCode::usage;
    }
  }
  std::vector<TownRun> towns;
  ExitCode code = ExitCode::ok;
  std::vector<std::string> inputs;
  for (const auto& t : o.inputs) {
    TownRun run = load_town(s, o, {t}, {}, s.recursive, "compare");
    code = worst(code, run.code);
    inputs.insert(inputs.end(), run.files.begin(), run.files.end());
    if (!run.agenda.town.file.empty()) inputs.push_back(run.agenda.town.file);
    if (run.usable) towns.push_back(std::move(run));
  }
  std::vector<const reports::Agenda*> agendas;
  for (const auto& t : towns) agendas.push_back(&t.agenda);
  auto all = reports::compare_towns(agendas, o.anonymise);
  if (o.service.empty() && all.empty() && !s.quiet) {
    // Not an error (the index is still written), but nobody should take an empty comparison for a result.
    s.err << "lotse compare: "
          << (towns.size() < 2 ? tr(s.lang, "Warnung: nur eine lesbare Gemeinde; ein Vergleich braucht mindestens zwei",
                                    "warning: only one readable town; a comparison needs at least two")
                               : tr(s.lang, "Warnung: keine Leistung kommt in zwei Gemeinden vor (gleicher Dateiname ohne Endung)",
                                    "warning: no service occurs in two towns (same file name without extension)"))
          << "\n";
  }
  if (!o.service.empty()) {
    std::erase_if(all, [&](const reports::ServiceComparison& c) { return c.service != o.service; });
    if (all.empty()) {
      s.err << "lotse compare: " << tr(s.lang, "die Leistung kommt nicht in zwei Gemeinden vor: ", "the service does not occur in two towns: ")
            << o.service << "\n";
      return worst(code, ExitCode::usage);
    }
  }
  const std::string date = o.stamp ? today_iso() : o.date;
  std::vector<Output> out;
  const bool one = !o.service.empty();
  const std::string stem = one ? "vergleich-" + o.service : "vergleich";
  for (const auto& f : formats) {
    if (f == "json") {
      out.push_back({stem + ".json", [all, one, agendas, anon = o.anonymise] {
                       if (one) return json_text(reports::comparison_json(all.front()));
                       nlohmann::ordered_json j;
                       j["schema_version"] = reports::compare_schema_version;
                       j["towns"] = nlohmann::ordered_json::array();
                       for (std::size_t i = 0; i < agendas.size(); ++i) j["towns"].push_back(anon ? reports::anonymous_town(i) : agendas[i]->town.name);
                       j["services"] = nlohmann::ordered_json::array();
                       for (const auto& c : all) j["services"].push_back(reports::comparison_json(c));
                       return json_text(j);
                     }});
    }
  }
  auto d = std::make_shared<const reports::doc::Document>(one ? reports::comparison_document(all.front(), s.lang, date)
                                                              : reports::comparison_index(all, agendas, o.anonymise, s.lang, date));
  std::vector<std::string> doc_formats;
  for (const auto& f : formats) {
    if (f != "json") doc_formats.push_back(f);
  }
  add_document(out, stem, doc_formats, d);
  return worst(code, write_outputs(s, o.output, out, inputs));
}

} // namespace

Action add_agenda(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("agenda", "Portfolio einer Gemeinde: Agenda-Kapitel, Ratsvorlage, Arbeitsmappe");
  auto o = std::make_shared<TownOptions>();
  sub->add_option("inputs", o->inputs, "Ordner der Gemeinde oder Modelldateien")->required();
  sub->add_option("--town-file", o->town_file, "Stadtdatei (JSON); Standard: stadt.json im Ordner")->check(CLI::ExistingFile);
  sub->add_option("--format", o->formats, "html, md, json, docx, xlsx, pdf oder eine Liste (Standard: html,docx,xlsx,pdf; json bei -o -)")
      ->check(formats_of({"html", "md", "json", "docx", "xlsx", "pdf"}));
  sub->add_option("-o,--output", o->output, "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)");
  add_town_options(*sub, s, *o);
  sub->footer("Examples:\n"
              "  lotse agenda samples/gemeinden/musterstadt/ -o agenda/\n"
              "  lotse agenda samples/gemeinden/musterstadt/ --format json -o -\n"
              "  lotse agenda modelle/*.bpmn --town-file stadt.json --format docx,xlsx -o agenda/\n");
  return [o, &s]() { return run_agenda(s, *o); };
}

Action add_compare(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("compare", "Dieselbe Leistung in mehreren Gemeinden vergleichen");
  auto o = std::make_shared<TownOptions>();
  sub->add_option("towns", o->inputs, "Ordner je Gemeinde (Modelle und stadt.json)")->required();
  sub->add_option("--service", o->service, "nur diese Leistung (Dateiname ohne Endung, z. B. hundesteuer)");
  sub->add_flag("--anonym", o->anonymise, "Gemeinden als Gemeinde A, B, ... zeigen");
  sub->add_option("--format", o->formats, "html, md, json, xlsx, docx, pdf oder eine Liste (Standard: html,xlsx; json bei -o -)")
      ->check(formats_of({"html", "md", "json", "xlsx", "docx", "pdf"}));
  sub->add_option("-o,--output", o->output, "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)");
  add_town_options(*sub, s, *o);
  sub->footer("Examples:\n"
              "  lotse compare samples/gemeinden/*/ -o vergleich/\n"
              "  lotse compare samples/gemeinden/*/ --service hundesteuer --format json -o -\n"
              "  lotse compare samples/gemeinden/*/ --anonym --format html -o vergleich/\n");
  return [o, &s]() { return run_compare(s, *o); };
}

} // namespace lotse::cli
