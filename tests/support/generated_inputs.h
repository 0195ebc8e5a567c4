// SPDX-License-Identifier: MIT
// Large and deep inputs generated in code (the probes of issue #16), shared by the bound tests and
// bench/scaling_bench: nested sub-processes, nested lanes, a gateway with many branches and a long
// building-block table. Nothing large is committed.
#pragma once

#include <string>

namespace lotse::test {

inline std::string bpmn_head() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"defs\" "
         "targetNamespace=\"http://example.org/gen\">\n<bpmn:process id=\"p\" isExecutable=\"false\">\n";
}

inline std::string bpmn_tail() { return "</bpmn:process>\n</bpmn:definitions>\n"; }

/// start -> sp0 -> end, where sp<k> holds start -> sp<k+1> -> end and the innermost one a task.
inline std::string nested_subprocesses_bpmn(int depth) {
  std::string x = bpmn_head();
  x += "<bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"fs\" sourceRef=\"s\" targetRef=\"sp0\"/>\n";
  for (int k = 0; k < depth; ++k) {
    const std::string n = std::to_string(k), next = k + 1 < depth ? "sp" + std::to_string(k + 1) : "t";
    x += "<bpmn:subProcess id=\"sp" + n + "\" name=\"Ebene " + n + "\"><bpmn:startEvent id=\"s" + n +
         "\"/><bpmn:sequenceFlow id=\"fa" + n + "\" sourceRef=\"s" + n + "\" targetRef=\"" + next + "\"/>\n";
  }
  x += "<bpmn:task id=\"t\" name=\"Antrag prüfen\"/>\n";
  for (int k = depth - 1; k >= 0; --k) {
    const std::string n = std::to_string(k), inner = k + 1 < depth ? "sp" + std::to_string(k + 1) : "t";
    x += "<bpmn:sequenceFlow id=\"fb" + n + "\" sourceRef=\"" + inner + "\" targetRef=\"e" + n +
         "\"/><bpmn:endEvent id=\"e" + n + "\"/></bpmn:subProcess>\n";
  }
  x += "<bpmn:sequenceFlow id=\"fe\" sourceRef=\"sp0\" targetRef=\"e\"/><bpmn:endEvent id=\"e\"/>\n";
  return x + bpmn_tail();
}

/// start -> task -> end in a lane nested `depth` lanes deep.
inline std::string nested_lanes_bpmn(int depth) {
  std::string x = bpmn_head();
  for (int k = 0; k < depth; ++k) {
    const std::string n = std::to_string(k);
    x += k == 0 ? "<bpmn:laneSet id=\"ls0\">" : "<bpmn:childLaneSet id=\"ls" + n + "\">";
    x += "<bpmn:lane id=\"l" + n + "\" name=\"Bahn " + n + "\">\n";
  }
  x += "<bpmn:flowNodeRef>s</bpmn:flowNodeRef><bpmn:flowNodeRef>t</bpmn:flowNodeRef><bpmn:flowNodeRef>e</bpmn:flowNodeRef>\n";
  for (int k = depth - 1; k >= 0; --k) x += k == 0 ? "</bpmn:lane></bpmn:laneSet>\n" : "</bpmn:lane></bpmn:childLaneSet>\n";
  x += "<bpmn:startEvent id=\"s\"/><bpmn:task id=\"t\" name=\"Antrag prüfen\"/><bpmn:endEvent id=\"e\"/>\n"
       "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/>\n";
  return x + bpmn_tail();
}

/// start -> exclusive split -> `branches` tasks -> exclusive join -> end.
inline std::string wide_gateway_bpmn(int branches) {
  std::string x = bpmn_head();
  x += "<bpmn:startEvent id=\"s\"/><bpmn:exclusiveGateway id=\"split\"/><bpmn:exclusiveGateway id=\"join\"/>"
       "<bpmn:endEvent id=\"e\"/>\n<bpmn:sequenceFlow id=\"fs\" sourceRef=\"s\" targetRef=\"split\"/>"
       "<bpmn:sequenceFlow id=\"fe\" sourceRef=\"join\" targetRef=\"e\"/>\n";
  for (int k = 0; k < branches; ++k) {
    const std::string n = std::to_string(k);
    x += "<bpmn:task id=\"t" + n + "\" name=\"Fall " + n + " bearbeiten\"/><bpmn:sequenceFlow id=\"a" + n +
         "\" sourceRef=\"split\" targetRef=\"t" + n + "\"/><bpmn:sequenceFlow id=\"b" + n + "\" sourceRef=\"t" + n +
         "\" targetRef=\"join\"/>\n";
  }
  return x + bpmn_tail();
}

/// A building-block table (samples/bausteintabelle-*.csv layout) with `rows` rows in one variant.
inline std::string long_block_table_csv(int rows) {
  std::string x = "Prozess;Langer Prozess\nFallzahl pro Jahr;1000\n"
                  "Teilprozess;Variante;Anteil der Variante in %;Baustein;Bezeichnung;Stelle;Bearbeitungszeit (min);"
                  "Wahrscheinlichkeit in %;Eingangskanal;Ausgangskanal;IT-Verfahren\n";
  for (int k = 0; k < rows; ++k) {
    x += "A;s;100;Formelle Prüfung;P" + std::to_string(k) + ";S" + std::to_string(k % 7) + ";2;100;" +
         (k % 5 == 0 ? "Post" : "") + ";;\n";
  }
  return x;
}

/// A process start -> n sub-processes (each start -> task -> end) -> end: many scopes side by side.
inline std::string sibling_subprocesses_bpmn(int n) {
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"x\">\n"
                  "<process id=\"p\">\n<startEvent id=\"s\"/>\n";
  std::string prev = "s";
  for (int k = 0; k < n; ++k) {
    const std::string i = std::to_string(k);
    x += "<subProcess id=\"sp" + i + "\" name=\"Teil " + i + "\"><startEvent id=\"s" + i + "\"/><task id=\"t" + i +
         "\" name=\"Aufgabe " + i + "\"/><endEvent id=\"e" + i + "\"/><sequenceFlow id=\"a" + i + "\" sourceRef=\"s" + i +
         "\" targetRef=\"t" + i + "\"/><sequenceFlow id=\"b" + i + "\" sourceRef=\"t" + i + "\" targetRef=\"e" + i +
         "\"/></subProcess>\n<sequenceFlow id=\"f" + i + "\" sourceRef=\"" + prev + "\" targetRef=\"sp" + i + "\"/>\n";
    prev = "sp" + i;
  }
  x += "<endEvent id=\"e\"/><sequenceFlow id=\"fe\" sourceRef=\"" + prev + "\" targetRef=\"e\"/>\n</process>\n</definitions>\n";
  return x;
}

} // namespace lotse::test
