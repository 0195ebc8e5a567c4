// SPDX-License-Identifier: MIT
// `lotse convert IN -o OUT.bpmn [--for camunda|bimp]`: any importable model (BPMN, PICTURE, XProzess,
// building-block table) as BPMN 2.0 with diagram, lotse: attributes and QBP simulation parameters.
// Camunda (default) keeps the QBP block in process/extensionElements, BIMP needs it under definitions.
#include "cli/commands.h"

#include "engine/model_stats.h"
#include "importers/importer.h"
#include "reports/bpmn_writer.h"
#include "reports/output.h"

#include <ostream>

namespace lotse::cli {

Action add_convert(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("convert", "Als BPMN 2.0 mit Diagramm schreiben (write as BPMN 2.0 with a diagram)");
  auto input = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  auto target = std::make_shared<std::string>("camunda");
  sub->add_option("input", *input, "input file (BPMN, PICTURE-XML, XProzess 2.0, Bausteintabelle CSV)")->required();
  sub->add_option("-o,--output", *output, "output .bpmn file, '-' for stdout")->required();
  sub->add_option("--for", *target,
                  "camunda (default: QBP block in process/extensionElements, opens in Camunda Modeler/bpmn.io) or "
                  "bimp (QBP block under definitions, as the BIMP simulator reads it)")
      ->check(CLI::IsMember({"camunda", "bimp"}));
  add_common_options(*sub, s);
  sub->footer("Examples:\n  lotse convert prozess.xml -o prozess.bpmn\n"
              "  lotse convert gewerbe.xml -o gewerbe-bimp.bpmn --for bimp\n  lotse convert modell.bpmn -o -\n");
  return [input, output, target, &s]() {
    if (!outputs_clear_of_inputs(s, {*output}, {*input})) return ExitCode::usage;
    importers::ImportResult r = importers::import_file(*input, s.max_input_bytes());
    r.diagnostics.sort();
    for (const auto& d : r.diagnostics) {
      if (s.verbose || d.severity != engine::Severity::note) s.err << engine::format_diagnostic(d, s.lang) << "\n";
    }
    if (!r.model) return ExitCode::bad_input;
    reports::BpmnWriteOptions options;
    options.qbp = *target == "bimp" ? reports::QbpPlacement::definitions_child : reports::QbpPlacement::process_extension;
    options.exporter_version = LOTSE_VERSION;
    const std::string xml = reports::write_bpmn(*r.model, options);
    if (*output == "-") {
      s.out << xml << std::flush;
      if (!s.out) return ExitCode::output_failed;
    } else {
      try {
        reports::write_file_atomic(*output, xml);
      } catch (const std::exception& e) {
        return report_output_error(s, *output, e);
      }
      if (!s.quiet) {
        const engine::ModelStats st = engine::compute_stats(*r.model);
        const bool de = s.lang == engine::Lang::de;
        s.err << (de ? "geschrieben: " : "written: ") << *output << " (" << st.flow_nodes_total
              << (de ? " Flussknoten, " : " flow nodes, ") << st.sequence_flows << (de ? " Sequenzflüsse, Diagramm " : " sequence flows, diagram ")
              << (r.model->has_diagram() ? (de ? "aus der Eingabe" : "from the input") : (de ? "automatisch angeordnet" : "laid out automatically"))
              << ")\n";
      }
    }
    return r.diagnostics.has_errors() ? ExitCode::findings : ExitCode::ok;
  };
}

} // namespace lotse::cli
