// SPDX-License-Identifier: MIT
// Helpers for the BPMN importer tests: import a document held in a string, and render diagnostics in
// English the way `lotse check --lang en` prints them.
#pragma once

#include "engine/diagnostics.h"
#include "engine/model_stats.h"
#include "importers/importer.h"

#include <string>
#include <vector>

namespace lotse::test {

inline importers::ImportResult import_bpmn(std::string text, std::string path = "t.bpmn") {
  return importers::import_source(engine::SourceFile(std::move(path), std::move(text)));
}

/// Every diagnostic as "file:line:col: severity [CODE]: text" (English).
inline std::vector<std::string> messages(const engine::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(engine::format_diagnostic(d, engine::Lang::en));
  return out;
}

/// Diagnostics with a given code only.
inline std::vector<std::string> messages(const engine::Diagnostics& diags, std::string_view code) {
  std::vector<std::string> out;
  for (const auto& d : diags) {
    if (d.code() == code) out.push_back(engine::format_diagnostic(d, engine::Lang::en));
  }
  return out;
}

/// A process with the given body under `definitions` with the given prefix ("" = default namespace).
inline std::string bpmn_doc(const std::string& prefix, const std::string& body, const std::string& decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {
  const std::string p = prefix.empty() ? "" : prefix + ":";
  const std::string xmlns = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
  return decl + "<" + p + "definitions " + xmlns + "=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">\n" + body +
         "</" + p + "definitions>\n";
}

} // namespace lotse::test
