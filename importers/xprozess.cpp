// SPDX-License-Identifier: MIT
// XProzess 2.0 (FIM) export, as written by ADONIS for the FIM library: reads the process catalogue and
// library entry (id, name, classification, status, Handlungsgrundlagen), decodes the embedded BPMN
// (base64 ZIP, importers/xprozess_archive.h), imports it with the BPMN importer, and attaches each
// Aktivitätengruppe (RAG code, name, Handlungsgrundlagen) to the BPMN sub-process it names.
#include "importers/xprozess.h"

#include "engine/model_builder.h"
#include "importers/bpmn.h"
#include "importers/xml.h"
#include "importers/xprozess_archive.h"

#include <array>
#include <charconv>
#include <system_error>
#include <string>
#include <vector>

namespace lotse::importers::xprozess {
namespace {

using engine::DiagId;
constexpr std::string_view ns = "http://www.regierung-mv.de/xprozess/2";

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

/// First child element with this local name (any prefix).
pugi::xml_node child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& n, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == local) out.push_back(c);
  }
  return out;
}

std::string text_of(const pugi::xml_node& n) { return n ? trimmed(n.child_value()) : std::string(); }

/// The `<code>` of a code-list element (`<status listURI=..><code>6</code></status>`).
std::string code_of(const pugi::xml_node& n) { return n ? text_of(child(n, "code")) : std::string(); }

/// German label of an XProzess status code (urn:xoev-de:xprozess:codeliste:status), "" if unknown.
std::string_view status_label(std::string_view code) {
  static constexpr std::array<std::string_view, 8> labels{
      "in Planung", "in Bearbeitung", "Entwurf", "methodisch freigegeben", "fachlich freigegeben (silber)",
      "fachlich freigegeben (gold)", "inaktiv", "vorgesehen zum Löschen"};
  if (code.size() == 1 && code[0] >= '1' && code[0] <= '8') return labels[static_cast<std::size_t>(code[0] - '1')];
  return {};
}

std::vector<std::string> legal_bases(const pugi::xml_node& n) {
  std::vector<std::string> out;
  for (const auto& h : children(n, "handlungsgrundlage")) {
    if (std::string name = text_of(child(h, "name")); !name.empty()) out.push_back(std::move(name));
  }
  return out;
}

/// One Aktivitätengruppe of strukturbeschreibungFIM.
struct Group {
  std::string sub_process_id;
  std::string name;
  std::string rag_code;
  std::vector<std::string> legal_basis;
  engine::SourceLocation at;
};

/// The embedded BPMN of a process, or nullopt after a diagnostic.
struct Embedded {
  std::string name;
  std::string bytes;
};

std::optional<Embedded> embedded_model(const XmlDocument& doc, const pugi::xml_node& process,
                                       const std::string& process_name, engine::Diagnostics& diags) {
  const std::string& file = doc.text.path();
  const pugi::xml_node model_file = child(child(process, "prozessmodell"), "prozessmodelldatei");
  const pugi::xml_node inhalt = child(model_file, "inhalt");
  if (!inhalt) {
    diags.add(DiagId::xpr_no_model_file, file, doc.where(model_file ? model_file : process), "", {process_name});
    return std::nullopt;
  }
  const pugi::xml_node text = inhalt.first_child();
  const std::string_view b64 = text ? std::string_view(text.value()) : std::string_view{};
  if (trimmed(b64).empty()) {
    diags.add(DiagId::xpr_no_model_file, file, doc.where(inhalt), "", {process_name});
    return std::nullopt;
  }
  const Base64Result decoded = decode_base64(b64);
  if (decoded.error_at) {
    // Base64 has no entities, so the text node's offset plus the index is the place in the file.
    engine::SourceLocation at = doc.where(inhalt);
    if (text.offset_debug() >= 0) at = doc.text.locate(static_cast<std::size_t>(text.offset_debug()) + *decoded.error_at);
    diags.add(DiagId::xpr_bad_base64, file, at, "", {std::to_string(*decoded.error_at + 1)});
    return std::nullopt;
  }
  ZipExtract zip = extract_model_file(decoded.bytes);
  switch (zip.status) {
  case ZipExtract::Status::ok: break;
  case ZipExtract::Status::not_zip:
    diags.add(DiagId::xpr_bad_zip, file, doc.where(inhalt), "", {zip.error});
    return std::nullopt;
  case ZipExtract::Status::no_entry:
    diags.add(DiagId::xpr_no_inner_file, file, doc.where(inhalt), "");
    return std::nullopt;
  case ZipExtract::Status::read_failed:
    diags.add(DiagId::xpr_inner_unreadable, file, doc.where(inhalt), "", {zip.name, zip.error});
    return std::nullopt;
  case ZipExtract::Status::too_large:
    diags.add(DiagId::xpr_inner_too_large, file, doc.where(inhalt), "",
              {zip.name, std::to_string(max_entry_bytes >> 20), std::to_string(max_ratio)});
    return std::nullopt;
  }
  if (zip.names.size() > 1) {
    diags.add(DiagId::xpr_zip_several, file, doc.where(inhalt), "", {std::to_string(zip.names.size()), zip.name});
  }
  return Embedded{std::move(zip.name), std::move(zip.bytes)};
}

} // namespace

bool sniff(std::string_view head, std::string_view) {
  return contains(head, "regierung-mv.de/xprozess") ||
         contains(head, "alleInhalte.export");
}

ImportResult read(const engine::SourceFile& source) {
  ImportResult r;
  engine::Diagnostics& diags = r.diagnostics;
  const std::unique_ptr<XmlDocument> doc = parse_xml(source, diags);
  if (!doc) return r;
  const std::string& file = source.path();
  const pugi::xml_node root = doc->doc.document_element();
  if (namespace_uri(root, name_prefix(root.name())) != ns || !local_name(root.name()).starts_with("alleInhalte")) {
    diags.add(DiagId::xpr_not_xprozess, file, doc->where(root), "", {root.name()});
    return r;
  }

  const pugi::xml_node library = child(root, "prozessbibliothek");
  const std::vector<pugi::xml_node> processes = children(library, "prozess");
  if (processes.empty()) {
    diags.add(DiagId::xpr_no_process, file, doc->where(library ? library : root), "");
    return r;
  }
  if (processes.size() > 1) {
    diags.add(DiagId::xpr_several_processes, file, doc->where(processes[1]), "", {std::to_string(processes.size())});
  }
  const pugi::xml_node process = processes.front();
  const std::string process_id = text_of(child(process, "id"));
  const std::string process_name = text_of(child(process, "name"));

  // Catalogue entry of the same process class (legal bases, classification, status).
  pugi::xml_node klasse;
  for (const auto& k : children(child(root, "prozesskatalog"), "prozessklasse")) {
    if (!klasse || text_of(child(k, "id")) == process_id) klasse = k;
  }

  std::vector<Group> groups;
  const pugi::xml_node structure = child(child(process, "prozessstrukturbeschreibung"), "strukturbeschreibungFIM");
  for (const auto& g : children(structure, "aktivitaetengruppe")) {
    groups.push_back(Group{text_of(child(g, "subProzessID")), text_of(child(g, "name")),
                           code_of(child(g, "referenzaktivitaetengruppeTyp")), legal_bases(g), doc->where(g)});
  }

  std::optional<Embedded> inner = embedded_model(*doc, process, process_name, diags);
  if (!inner) return r;
  const std::string inner_path = file + "!" + inner->name;
  const engine::SourceFile inner_source(inner_path, std::move(inner->bytes));
  ImportResult bpmn = bpmn::read(inner_source);
  diags.append(bpmn.diagnostics);
  if (!bpmn.model) {
    diags.add(DiagId::xpr_inner_failed, file, doc->where(child(child(process, "prozessmodell"), "prozessmodelldatei")),
              "", {inner->name});
    return r;
  }

  engine::ModelEditor editor(std::move(*bpmn.model));
  editor.set_source_path(file);
  editor.set_format("xprozess");
  editor.set_name(process_name);
  if (const std::string produkt = root.attribute("produkt").value(); !produkt.empty()) {
    editor.add_metadata("xprozess.produkt", produkt);
  }
  editor.add_metadata("xprozess.embedded_file", inner->name);
  engine::FactSheet& facts = editor.facts();
  facts.leika_id = process_id;
  if (klasse) {
    facts.legal_basis = legal_bases(klasse);
    const auto classes = children(klasse, "klassifikation");
    if (!classes.empty()) {
      const auto& deepest = classes.back();
      facts.classification = trimmed(text_of(child(deepest, "klasseID")) + " " + text_of(child(deepest, "klasseName")));
    }
  }
  // The library entry's status is the process's own; the catalogue's status is the class's.
  pugi::xml_node status = child(child(process, "zustandsangaben"), "status");
  if (!status && klasse) status = child(child(klasse, "zustandsangaben"), "status");
  if (const std::string code = code_of(status); !code.empty()) {
    editor.add_metadata("xprozess.status", code);
    const std::string_view label = status_label(code);
    if (label.empty()) diags.add(DiagId::xpr_unknown_status, file, doc->where(status), "", {code});
    facts.status = label.empty() ? code : std::string(label);
  }
  if (const std::string version = text_of(child(process, "version")); !version.empty()) {
    editor.add_metadata("xprozess.version", version);
  }

  const engine::ProcessModel& view = editor.view();
  for (const Group& g : groups) {
    const auto found = view.find_node(g.sub_process_id);
    if (!found) {
      diags.add(DiagId::xpr_group_unmatched, file, g.at, g.sub_process_id, {g.name, g.sub_process_id});
      continue;
    }
    int rag = 0;
    const auto [ptr, ec] = std::from_chars(g.rag_code.data(), g.rag_code.data() + g.rag_code.size(), rag);
    if (ec != std::errc{} || ptr != g.rag_code.data() + g.rag_code.size() || rag < 1 || rag > 8) {
      rag = 0;
      diags.add(DiagId::xpr_bad_rag, file, g.at, g.sub_process_id, {g.name, g.rag_code});
    }
    engine::Node& node = editor.node(*found);
    node.attrs.rag_type = rag;
    node.attrs.rag_name = g.name;
    for (const auto& lb : g.legal_basis) node.attrs.legal_basis.push_back(lb);
  }
  r.model = std::move(editor).finish();
  return r;
}

} // namespace lotse::importers::xprozess
