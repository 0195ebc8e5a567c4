// SPDX-License-Identifier: MIT
// `lotse check FILE...`: import each file, run the structure checks on the model and print all
// diagnostics like a compiler. Exit code 1 only for findings of error severity.
#include "cli/commands.h"
#include "cli/trace.h"

#include "cli/cli_texts.h"

#include "analysis/structure.h"
#include "engine/analysis_context.h"
#include "importers/importer.h"

#include <ostream>

namespace lotse::cli {

Action add_check(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("check", "Modelle prüfen und Befunde wie ein Compiler ausgeben (check models)");
  auto files = std::make_shared<std::vector<std::string>>();
  sub->add_option("files", *files, "Prozessmodelle (BPMN, PICTURE-XML, XProzess, Bausteintabelle CSV) oder Ordner damit")->required();
  add_common_options(*sub, s);
  sub->footer("Example:\n  lotse check samples/hundesteuer.bpmn samples/gewerbeanmeldung.bpmn --lang en\n");
  return [files, &s]() {
    ExitCode code = ExitCode::ok;
    Progress progress(s, files->size(), "check");
    for (const auto& path : *files) {
      progress.step(path);
      importers::ImportResult result = importers::import_file(path, s.max_input_bytes());
      engine::Diagnostics diags = std::move(result.diagnostics);
      if (result.model) {
        engine::AnalysisContext ctx(*result.model);
        diags.append(ctx.get<analysis::StructurePass>().findings);
      }
      diags.sort();
      for (const auto& d : diags) s.out << engine::format_diagnostic(d, s.lang) << "\n";
      if (diags.size() == 0) s.out << shown(path) << ": " << no_findings(s.lang) << "\n";
      if (!result.model) {
        code = worst(code, ExitCode::bad_input);
      } else if (diags.has_errors()) {
        code = worst(code, ExitCode::findings);
      }
    }
    return code;
  };
}

} // namespace lotse::cli
