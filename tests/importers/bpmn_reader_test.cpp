// SPDX-License-Identifier: MIT
// BPMN importer, reading side: prefixes resolved through xmlns, encodings and BOMs, line numbers with
// CRLF and single-line files, the tolerated defects (each with its exact diagnostic), sniffing, and
// nesting 3,000 levels deep without recursion.
#include "tests/importers/bpmn_test_support.h"

#include "importers/bpmn.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lotse;
using lotse::test::bpmn_doc;
using lotse::test::import_bpmn;
using lotse::test::messages;

namespace {

std::string three_step_process(const std::string& prefix) {
  const std::string p = prefix.empty() ? "" : prefix + ":";
  return "  <" + p + "process id=\"P1\" name=\"Hundesteuer\" isExecutable=\"false\">\n" +
         "    <" + p + "startEvent id=\"S\" name=\"Antrag eingegangen\"/>\n" +
         "    <" + p + "userTask id=\"T\" name=\"Antrag prüfen\"/>\n" +
         "    <" + p + "endEvent id=\"E\"/>\n" +
         "    <" + p + "sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T\"/>\n" +
         "    <" + p + "sequenceFlow id=\"f2\" sourceRef=\"T\" targetRef=\"E\"/>\n" +
         "  </" + p + "process>\n";
}

} // namespace

TEST_CASE("every namespace prefix style gives the same model", "[importer][bpmn]") {
  for (const std::string prefix : {"bpmn", "bpmn2", "semantic", "model", ""}) {
    INFO("prefix '" << prefix << "'");
    const auto r = import_bpmn(bpmn_doc(prefix, three_step_process(prefix)));
    REQUIRE(r.model);
    CHECK(messages(r.diagnostics).empty());
    const engine::ProcessModel& m = *r.model;
    REQUIRE(m.node_count() == 3);
    CHECK(m.node(1).kind == engine::NodeKind::user_task);
    CHECK(m.node(1).name == "Antrag prüfen");
    CHECK(m.node(1).origin == engine::SourceLocation{5, 5});
    CHECK(m.flows().size() == 2);
    CHECK(m.flow(0).source == 0);
    CHECK(m.flow(0).target == 1);
    CHECK(m.processes().at(0).name == "Hundesteuer");
    CHECK(m.format() == "bpmn");
  }
}

TEST_CASE("a prefix bound to another namespace is not BPMN even if it is called bpmn", "[importer][bpmn]") {
  const std::string text =
      "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:x=\"urn:other\">\n"
      "  <bpmn:process id=\"P\">\n"
      "    <x:task id=\"notBpmn\"/>\n"
      "    <bpmn:task id=\"T\"/>\n"
      "  </bpmn:process>\n"
      "</bpmn:definitions>\n";
  const auto r = import_bpmn(text);
  REQUIRE(r.model);
  REQUIRE(r.model->node_count() == 1);
  CHECK(r.model->node(0).id == "T");
}

TEST_CASE("encodings: BOM, ISO-8859-1, windows-1252 and UTF-16 are decoded as declared", "[importer][bpmn]") {
  const std::string body = "  <bpmn:process id=\"P\"><bpmn:task id=\"T\" name=\"Gebühr\"/></bpmn:process>\n";
  SECTION("UTF-8 with BOM") {
    const auto r = import_bpmn("\xEF\xBB\xBF" + bpmn_doc("bpmn", body));
    REQUIRE(r.model);
    CHECK(r.model->node(0).name == "Gebühr");
    CHECK(r.model->node(0).origin == engine::SourceLocation{3, 24});
  }
  SECTION("ISO-8859-1") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\"><bpmn:task id=\"T\" name=\"Geb\xFChr\"/></bpmn:process>\n",
                                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"));
    REQUIRE(r.model);
    CHECK(messages(r.diagnostics).empty());
    CHECK(r.model->node(0).name == "Gebühr");
  }
  SECTION("windows-1252 (euro sign 0x80)") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\"><bpmn:task id=\"T\" name=\"5 \x80\"/></bpmn:process>\n",
                                        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"));
    REQUIRE(r.model);
    CHECK(r.model->node(0).name == "5 €");
  }
  SECTION("UTF-16LE with BOM") {
    const std::string utf8 = bpmn_doc("bpmn", body, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n");
    std::string utf16 = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      const auto c = static_cast<unsigned char>(utf8[i]);
      if (c == 0xC3) {  // the only non-ASCII character here is ü (C3 BC) = U+00FC
        utf16 += '\xFC';
        utf16 += '\0';
        ++i;
      } else {
        utf16 += static_cast<char>(c);
        utf16 += '\0';
      }
    }
    const auto r = import_bpmn(utf16);
    REQUIRE(r.model);
    CHECK(r.model->node(0).name == "Gebühr");
  }
  SECTION("Latin-1 bytes in a file declared UTF-8: diagnostic, best effort") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\"><bpmn:task id=\"T\" name=\"Geb\xFChr\"/></bpmn:process>\n"));
    REQUIRE(r.model);
    CHECK(r.model->node(0).name == "Gebühr");
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:3:51: warning [IN-005]: file is declared UTF-8 but contains invalid bytes; "
                                   "they are read as ISO-8859-1"});
  }
}

TEST_CASE("line numbers stay right with CRLF and on single-line files", "[importer][bpmn]") {
  std::string crlf = bpmn_doc("bpmn", three_step_process("bpmn"));
  std::string with_cr;
  for (const char c : crlf) {
    if (c == '\n') with_cr += '\r';
    with_cr += c;
  }
  const auto a = import_bpmn(with_cr);
  REQUIRE(a.model);
  CHECK(a.model->node(2).origin == engine::SourceLocation{6, 5});
  std::string single = bpmn_doc("bpmn", three_step_process("bpmn"));
  std::replace(single.begin(), single.end(), '\n', ' ');
  const auto b = import_bpmn(single);
  REQUIRE(b.model);
  CHECK(b.model->node(0).origin.line == 1);
  CHECK(b.model->node(2).origin.column > b.model->node(1).origin.column);
}

TEST_CASE("tolerated defects are read like bpmn-moddle reads them, each with a diagnostic", "[importer][bpmn]") {
  SECTION("undeclared standard prefixes") {
    const std::string text =
        "<bpmn:definitions id=\"D\">\n"
        "  <bpmn:process id=\"P\"><bpmn:task id=\"T\"/></bpmn:process>\n"
        "</bpmn:definitions>\n";
    const auto r = import_bpmn(text);
    REQUIRE(r.model);
    CHECK(r.model->node_count() == 1);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:1:1: warning [BPMN-003]: prefix 'bpmn' is not declared; read as the standard "
                                   "namespace http://www.omg.org/spec/BPMN/20100524/MODEL"});
  }
  SECTION("type-name-cased tag") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\">\n    <bpmn:Task id=\"T\"/>\n  </bpmn:process>\n"));
    REQUIRE(r.model);
    REQUIRE(r.model->node_count() == 1);
    CHECK(r.model->node(0).kind == engine::NodeKind::task);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:4:5: warning [BPMN-004]: element 'bpmn:Task' is written like a type name; read as 'task'"});
  }
  SECTION("unknown BPMN element; foreign elements are ignored silently") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\" xmlns:v=\"urn:vendor\">\n"
                                                "    <bpmn:taks id=\"T\"/>\n"
                                                "    <v:note/>\n"
                                                "  </bpmn:process>\n"));
    REQUIRE(r.model);
    CHECK(r.model->node_count() == 0);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:4:5: warning [BPMN-005]: unknown BPMN element 'bpmn:taks' is ignored"});
  }
  SECTION("white space around an id reference") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\">\n"
                                                "    <bpmn:laneSet id=\"LS\"><bpmn:lane id=\"L\" name=\"Kasse\">\n"
                                                "      <bpmn:flowNodeRef>\n        T\n      </bpmn:flowNodeRef>\n"
                                                "    </bpmn:lane></bpmn:laneSet>\n"
                                                "    <bpmn:task id=\"T\"/>\n"
                                                "  </bpmn:process>\n"));
    REQUIRE(r.model);
    REQUIRE(r.model->lanes().size() == 1);
    CHECK(r.model->lanes()[0].nodes == std::vector<engine::NodeIndex>{0});
    CHECK(r.model->node(0).lane == 0);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:5:7: warning [BPMN-007]: reference 'T' has white space around the id; trimmed"});
  }
  SECTION("duplicate id: the later element is dropped with its content") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\">\n"
                                                "    <bpmn:task id=\"T\" name=\"first\"/>\n"
                                                "    <bpmn:subProcess id=\"T\"><bpmn:task id=\"inner\"/></bpmn:subProcess>\n"
                                                "  </bpmn:process>\n"));
    REQUIRE(r.model);
    REQUIRE(r.model->node_count() == 1);
    CHECK(r.model->node(0).name == "first");
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:5:5: warning [BPMN-014]: duplicate id 'T' (first on line 4); 'bpmn:subProcess' "
                                   "is dropped with its content, as bpmn-moddle does"});
  }
  SECTION("dangling reference") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:process id=\"P\">\n"
                                                "    <bpmn:task id=\"T\"/>\n"
                                                "    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"T\" targetRef=\"Nope\"/>\n"
                                                "  </bpmn:process>\n"));
    REQUIRE(r.model);
    CHECK(r.model->flow(0).target == engine::npos);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:5:5: error [MOD-003]: sequence flow 'f1' refers to unknown target 'Nope'"});
  }
  SECTION("element outside its container") {
    const auto r = import_bpmn(bpmn_doc("bpmn", "  <bpmn:task id=\"T\"/>\n"));
    REQUIRE(r.model);
    CHECK(r.model->node_count() == 0);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:3:3: warning [BPMN-006]: element 'bpmn:task' is not allowed in 'bpmn:definitions' and is ignored"});
  }
}

TEST_CASE("files that are not BPMN get an error and no model", "[importer][bpmn]") {
  SECTION("another root in a .bpmn file") {
    const auto r = import_bpmn("<?xml version=\"1.0\"?>\n<process id=\"P\"/>\n");
    CHECK_FALSE(r.model);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:2:1: error [BPMN-001]: root element is not bpmn:definitions but 'process'"});
  }
  SECTION("definitions in another namespace") {
    const auto r = import_bpmn("<definitions xmlns=\"http://not-bpmn\"><process id=\"p\"/></definitions>");
    CHECK_FALSE(r.model);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"t.bpmn:1:1: error [BPMN-002]: root element 'definitions' is not in the BPMN 2.0 "
                                   "namespace (found: 'http://not-bpmn')"});
  }
  SECTION("truncated XML") {
    const auto r = import_bpmn(bpmn_doc("bpmn", three_step_process("bpmn")).substr(0, 200));
    CHECK_FALSE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics.items()[0].code() == "IN-004");
  }
}

TEST_CASE("sniff claims definitions roots under any prefix and .bpmn files, not XProzess or PICTURE", "[importer][bpmn]") {
  using importers::bpmn::sniff;
  CHECK(sniff("<?xml version=\"1.0\"?>\n<!-- x --><semantic:definitions xmlns:semantic=\"u\">", "a.xml"));
  CHECK(sniff("\xEF\xBB\xBF<definitions>", "a.xml"));
  CHECK(sniff(std::string_view("<\0d\0e\0f\0i\0n\0i\0t\0i\0o\0n\0s\0>\0", 26), "a.xml"));
  CHECK_FALSE(sniff("<xprozess:alleInhalte.export.0303 xmlns:xprozess=\"x\">", "a.xml"));
  CHECK_FALSE(sniff("<pictureExport>", "a.xml"));
  CHECK(sniff("<process/>", "model.BPMN"));
  CHECK(sniff("", "leer.bpmn"));
}

TEST_CASE("497 nested sub-processes (the deepest accepted) are read with every parent, one more is IN-008", "[importer][bpmn]") {
  // definitions (1) > process (2) > sub-processes (3 ... depth + 2) > task: depth + 3 <= 500 levels.
  const auto nested = [](int depth) {
    std::string body = "  <bpmn:process id=\"P\">\n";
    for (int i = 0; i < depth; ++i) body += "<bpmn:subProcess id=\"SP" + std::to_string(i) + "\">";
    body += "<bpmn:task id=\"innermost\"><bpmn:documentation>x</bpmn:documentation></bpmn:task>";
    for (int i = 0; i < depth; ++i) body += "</bpmn:subProcess>";
    return body + "\n  </bpmn:process>\n";
  };
  constexpr int depth = 497;
  const auto r = import_bpmn(bpmn_doc("bpmn", nested(depth)));
  REQUIRE(r.model);
  CHECK(r.diagnostics.empty());
  const engine::ProcessModel& m = *r.model;
  REQUIRE(m.node_count() == depth + 1);
  const auto inner = m.find_node("innermost");
  REQUIRE(inner);
  int levels = 0;
  for (engine::NodeIndex n = m.node(*inner).parent; n != engine::npos; n = m.node(n).parent) ++levels;
  CHECK(levels == depth);
  CHECK(m.children(*m.find_node("SP496")).size() == 1);

  // One level more puts the task (which holds an element) at level 501.
  const auto deeper = import_bpmn(bpmn_doc("bpmn", nested(depth + 1)));
  CHECK_FALSE(deeper.model);
  REQUIRE(deeper.diagnostics.size() == 1);
  CHECK(deeper.diagnostics.items()[0].code() == "IN-008");
}

TEST_CASE("QName references with a namespace prefix name the id after the colon", "[importer][bpmn]") {
  const auto r = import_bpmn(bpmn_doc("bpmn2", "  <bpmn2:collaboration id=\"C\"><bpmn2:participant id=\"Pool\" processRef=\"bpmn2:P\"/></bpmn2:collaboration>\n"
                                               "  <bpmn2:process id=\"P\"><bpmn2:task id=\"A\"/><bpmn2:task id=\"B\"/>\n"
                                               "    <bpmn2:sequenceFlow id=\"f\" sourceRef=\"bpmn2:A\" targetRef=\"bpmn2:B\"/></bpmn2:process>\n"));
  REQUIRE(r.model);
  CHECK(r.diagnostics.empty());
  CHECK(r.model->participants()[0].process == 0);
  CHECK(r.model->flow(0).source == 0);
  CHECK(r.model->flow(0).target == 1);
}

TEST_CASE("real exports with oddities import with the diagnostic each oddity calls for", "[importer][bpmn][shared]") {
  const std::string shared = lotse::test::require_shared();
  if (shared.empty()) return;
  const std::string corpus = shared + "/corpus/";
  struct Case {
    const char* file;
    const char* code;  // expected diagnostic, "" = none
    std::size_t nodes;
  };
  const Case cases[] = {
      {"bpmn/bpmn-js/test/fixtures/bpmn/multiple-nested-processes.bpmn", "BPMN-003", 6},            // undeclared bpmn:
      {"bpmn/bpmn-js-integration/test/spec/modeling/data-association/base.bpmn", "BPMN-004", 2},    // <bpmn:Task>
      {"bpmn/bpmn-miwg-test-suite/GenMyModel 0.47/C.1.0-export.bpmn", "IN-005", 21},                // Latin-1 in UTF-8
      {"bpmn/bpmn-miwg-test-suite/Reference/C.4.0.bpmn", "", 40},                                   // semantic:, no declaration
      {"bpmn/camunda-bpm-platform/engine/src/test/resources/org/camunda/bpm/engine/test/api/repository/diagram/"
       "testXxeParsingIsDisabled.bpmn20.xml", "IN-007", 3},                                         // XXE probe
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const auto r = importers::import_file(corpus + c.file);
    REQUIRE(r.model);
    CHECK(r.model->node_count() == c.nodes);
    if (*c.code) {
      CHECK_FALSE(messages(r.diagnostics, c.code).empty());
    }
    CHECK_FALSE(r.diagnostics.has_errors());
  }
  // The XXE probe's entity stays unexpanded text: nothing was read from ./file.txt.
  const auto xxe = importers::import_file(corpus + cases[4].file);
  CHECK(messages(xxe.diagnostics) == std::vector<std::string>{
      corpus + cases[4].file + ":2:1: warning [IN-007]: DOCTYPE declaration ignored: external entities are never resolved"});
}
