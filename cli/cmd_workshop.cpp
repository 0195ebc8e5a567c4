// SPDX-License-Identifier: MIT
// `lotse workshop DIR|FILE... [--town-file stadt.json] [-o DIR]`: workshop material of one town from the
// same portfolio as `lotse agenda`: the slide deck (workshop.pptx and the 16:9 workshop.pdf), the
// Maßnahmensteckbriefe as handouts (steckbriefe.docx, steckbriefe.pdf) and an A3 poster per model
// (<file>.poster.pdf, the poster of `lotse analyze --format poster`).
#include "cli/cli_texts.h"
#include "cli/commands.h"
#include "cli/number.h"
#include "cli/town.h"
#include "cli/trace.h"

#include "reports/emit_formats.h"
#include "reports/emit_pptx.h"
#include "reports/output.h"

#include <filesystem>
#include <set>

namespace lotse::cli {
namespace {
namespace fs = std::filesystem;

ExitCode run_workshop(Session& s, TownOptions& o) {
  TownRun run = load_town(s, o, o.inputs, o.town_file, s.recursive, "workshop");
  if (!run.usable) return run.code;
  const std::string date = o.stamp ? today_iso() : o.date;
  const auto& a = run.agenda;
  const reports::doc::Deck deck = reports::workshop_deck(a, run.reports, s.lang, date);
  const reports::doc::Document handout = reports::steckbriefe(a, s.lang, date);
  std::vector<Output> out{{"workshop.pptx", [&] { return reports::emit_pptx(deck); }},
                          {"workshop.pdf", [&] { return reports::emit_slides_pdf(deck); }},
                          {"steckbriefe.docx", [&] { return reports::emit(handout, reports::DocFormat::docx); }},
                          {"steckbriefe.pdf", [&] { return reports::emit(handout, reports::DocFormat::pdf); }}};
  if (!o.no_posters) {
    std::set<std::string> used;
    for (const auto* r : run.reports) {
      std::string stem = fs::path(r->file).stem().string();
      for (int k = 2; !used.insert(stem).second; ++k) stem = fs::path(r->file).stem().string() + "-" + std::to_string(k);
      out.push_back({stem + ".poster.pdf", [r, &s, date, &a] {
                       reports::DocumentOptions doc{a.town.name, {}, date, nullptr};
                       return reports::emit(reports::build_document(*r, s.lang, doc), reports::DocFormat::poster);
                     }});
    }
  }
  std::vector<std::string> inputs = run.files;
  if (!a.town.file.empty()) inputs.push_back(a.town.file);
  return worst(run.code, write_outputs(s, o.output, out, inputs));
}

} // namespace

Action add_workshop(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("workshop", "Workshop-Material einer Gemeinde: Foliensatz, Steckbriefe, Poster");
  auto o = std::make_shared<TownOptions>();
  sub->add_option("inputs", o->inputs, "Ordner der Gemeinde oder Modelldateien")->required();
  sub->add_option("--town-file", o->town_file, "Stadtdatei (JSON); Standard: stadt.json im Ordner")->check(CLI::ExistingFile);
  sub->add_option("-o,--output", o->output, "Zielordner (wird angelegt; Standard: .)");
  sub->add_flag("--no-posters", o->no_posters, "keine A3-Poster je Modell schreiben");
  add_town_options(*sub, s, *o);
  sub->footer("Examples:\n"
              "  lotse workshop samples/gemeinden/musterstadt/ -o workshop/\n"
              "  lotse workshop samples/gemeinden/talbach/ --no-posters --lang en -o workshop-en/\n");
  return [o, &s]() { return run_workshop(s, *o); };
}

} // namespace lotse::cli
