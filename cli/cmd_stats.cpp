// SPDX-License-Identifier: MIT
// `lotse stats FILE... --format text|json|jsonl`: what was read, counted like the reference parser
// (shared/corpus/reference.json), plus PICTURE structure and FIM Aktivitätengruppen when present.
// JSON is one document {"schema_version", "files": [...]}; JSON Lines one object per file
// (docs/schema/stats.schema.json).
#include "cli/commands.h"
#include "cli/trace.h"

#include "engine/model_stats.h"
#include "engine/utf8.h"
#include "importers/importer.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace lotse::cli {
namespace {

using json = nlohmann::ordered_json;

/// The JSON version of `lotse stats` output (docs/schema/stats.schema.json).
constexpr const char* stats_schema_version = "1.0";

json diagnostics_json(const engine::Diagnostics& diags, engine::Lang lang) {
  json arr = json::array();
  for (const auto& d : diags) {
    arr.push_back({{"code", std::string(d.code())},
                   {"severity", std::string(engine::severity_name(d.severity))},
                   {"line", d.at.line},
                   {"column", d.at.column},
                   {"element", d.element_id},
                   {"message", d.message(lang)}});
  }
  return arr;
}

json stats_json(const std::string& path, const importers::ImportResult& r, engine::Lang lang) {
  json j;
  j["schema_version"] = stats_schema_version;
  j["file"] = engine::display_name(path);
  j["ok"] = r.model.has_value();
  if (r.model) {
    const engine::ProcessModel& m = *r.model;
    const engine::ModelStats st = engine::compute_stats(m);
    j["format"] = m.format();
    j["name"] = m.name();
    j["processes"] = st.processes;
    j["participants"] = st.participants;
    j["lanes"] = st.lanes;
    j["flow_nodes_total"] = st.flow_nodes_total;
    j["flow_nodes"] = st.flow_nodes;
    j["sequence_flows"] = st.sequence_flows;
    j["message_flows"] = st.message_flows;
    j["di"] = st.di;
    j["simulation"] = st.simulation ? json(st.simulation_dialect) : json(nullptr);
    if (const auto& f = m.facts(); f.cases_per_year) j["cases_per_year"] = f.cases_per_year->value.value;
    if (!m.picture_subprocesses().empty()) {
      json tps = json::array();
      for (const auto& tp : m.picture_subprocesses()) {
        json t{{"name", tp.name}};
        t["cases_per_year"] = tp.cases_per_year ? json(tp.cases_per_year->value) : json(nullptr);
        json vs = json::array();
        for (const auto& v : tp.variants) {
          vs.push_back({{"name", v.name}, {"probability", v.probability}, {"blocks", v.blocks.size()}});
        }
        t["variants"] = vs;
        tps.push_back(t);
      }
      j["teilprozesse"] = tps;
    }
    json groups = json::array();
    for (const auto& n : m.nodes()) {
      if (n.attrs.rag_type > 0) {
        groups.push_back({{"id", n.id}, {"name", n.attrs.rag_name.empty() ? n.name : n.attrs.rag_name},
                          {"rag", n.attrs.rag_type}, {"line", n.origin.line}});
      }
    }
    if (!groups.empty()) j["aktivitaetengruppen"] = groups;
    if (!m.metadata().empty()) {
      json meta = json::object();
      for (const auto& [k, v] : m.metadata()) meta[k] = v;
      j["metadata"] = meta;
    }
  }
  j["diagnostics"] = diagnostics_json(r.diagnostics, lang);
  return j;
}

void print_text(std::ostream& out, const std::string& path, const importers::ImportResult& r, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  out << shown(path) << ":\n";
  if (!r.model) {
    out << (de ? "  nicht lesbar\n" : "  not readable\n");
  } else {
    const engine::ProcessModel& m = *r.model;
    const engine::ModelStats st = engine::compute_stats(m);
    out << (de ? "  Format: " : "  format: ") << m.format() << "\n";
    out << (de ? "  Prozesse: " : "  processes: ") << st.processes << ", "
        << (de ? "Teilnehmer (Pools): " : "participants (pools): ") << st.participants << ", "
        << (de ? "Bahnen: " : "lanes: ") << st.lanes << "\n";
    out << (de ? "  Flussknoten: " : "  flow nodes: ") << st.flow_nodes_total << " (";
    bool first = true;
    for (const auto& [type, count] : st.flow_nodes) {
      out << (first ? "" : ", ") << type.substr(5) << " " << count;
      first = false;
    }
    out << ")\n";
    out << (de ? "  Sequenzflüsse: " : "  sequence flows: ") << st.sequence_flows << ", "
        << (de ? "Nachrichtenflüsse: " : "message flows: ") << st.message_flows << ", "
        << (de ? "Diagramm: " : "diagram: ") << (st.di ? (de ? "ja" : "yes") : (de ? "nein" : "no")) << "\n";
    if (m.facts().cases_per_year) {
      out << (de ? "  Fallzahl pro Jahr: " : "  cases per year: ") << m.facts().cases_per_year->value.value << "\n";
    }
    for (const auto& tp : m.picture_subprocesses()) {
      out << "  Teilprozess \"" << engine::escape_controls(tp.name) << "\"";
      if (tp.cases_per_year) out << (de ? ", Fallzahl " : ", cases ") << tp.cases_per_year->value;
      out << ", " << tp.variants.size() << (de ? " Varianten\n" : " variants\n");
      for (const auto& v : tp.variants) {
        out << "    " << (de ? "Variante \"" : "variant \"") << engine::escape_controls(v.name) << "\": " << v.probability * 100.0 << " %, "
            << v.blocks.size() << (de ? " Bausteine\n" : " building blocks\n");
      }
    }
    for (const auto& n : m.nodes()) {
      if (n.attrs.rag_type > 0) {
        out << (de ? "  Aktivitätengruppe " : "  activity group ") << "RAG " << n.attrs.rag_type << ": "
            << engine::escape_controls(n.attrs.rag_name.empty() ? n.name : n.attrs.rag_name) << "\n";
      }
    }
  }
  for (const auto& d : r.diagnostics) out << "  " << engine::format_diagnostic(d, lang) << "\n";
}

} // namespace

Action add_stats(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("stats", "Zählen, was gelesen wurde (count what was read)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  sub->add_option("files", *files, "input files")->required();
  sub->add_option("--format", *format, "text (default), json (one document) or jsonl (one line per file)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  add_common_options(*sub, s);
  sub->footer("Examples:\n  lotse stats samples/hundesteuer.bpmn\n  lotse stats model.bpmn --format json\n"
              "  lotse stats samples/*.bpmn --format jsonl\n");
  return [files, format, &s]() {
    ExitCode code = ExitCode::ok;
    json all = json::array();
    Progress progress(s, files->size(), "stats");
    for (const auto& path : *files) {
      progress.step(path);
      importers::ImportResult r = importers::import_file(path, s.max_input_bytes());
      r.diagnostics.sort();
      if (!r.model) code = worst(code, ExitCode::bad_input);
      else if (r.diagnostics.has_errors()) code = worst(code, ExitCode::findings);
      if (*format == "json") all.push_back(stats_json(path, r, s.lang));
      else if (*format == "jsonl") s.out << stats_json(path, r, s.lang).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      else print_text(s.out, path, r, s.lang);
    }
    if (*format == "json") {
      json doc;
      doc["schema_version"] = stats_schema_version;
      doc["files"] = all;
      s.out << doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return code;
  };
}

} // namespace lotse::cli
