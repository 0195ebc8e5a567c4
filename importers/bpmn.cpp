// SPDX-License-Identifier: MIT
// BPMN 2.0 importer entry points: sniff (root element `definitions` under any prefix, or a .bpmn file
// name) and read (secure XML parse, then the containment walk in bpmn_reader.cpp).
#include "importers/bpmn.h"

#include "importers/bpmn_reader.h"
#include "importers/xml.h"

#include <string>

namespace lotse::importers::bpmn {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

/// Local name of the first element of an XML head (ASCII only; UTF-16 heads are narrowed first).
std::string root_local_name(std::string_view head) {
  std::string narrowed;
  if (head.find('\0') != std::string_view::npos) {
    for (const char c : head) {
      if (c != '\0') narrowed += c;
    }
    head = narrowed;
  }
  std::size_t i = 0;
  while (i < head.size()) {
    const auto lt = head.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= head.size()) return {};
    const std::string_view rest = head.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      const auto end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
    } else if (rest[1] == '?' || rest[1] == '!') {
      const auto end = head.find('>', lt + 2);
      if (end == std::string_view::npos) return {};
      i = end + 1;
    } else {
      std::size_t e = lt + 1;
      while (e < head.size() && head[e] != ' ' && head[e] != '>' && head[e] != '/' && head[e] != '\t' &&
             head[e] != '\r' && head[e] != '\n') {
        ++e;
      }
      return std::string(local_name(head.substr(lt + 1, e - lt - 1)));
    }
  }
  return {};
}

} // namespace

bool sniff(std::string_view head, std::string_view path) {
  const std::string root = root_local_name(head);
  if (root == "definitions" || root == "Definitions") return true;
  return ends_with(path, ".bpmn") || ends_with(path, ".bpmn2") || ends_with(path, ".bpmn20.xml");
}

ImportResult read(const engine::SourceFile& source) {
  ImportResult result;
  const std::unique_ptr<XmlDocument> doc = parse_xml(source, result.diagnostics);
  if (!doc) return result;
  Reader reader(*doc, result.diagnostics);
  result.model = reader.run();
  return result;
}

} // namespace lotse::importers::bpmn
