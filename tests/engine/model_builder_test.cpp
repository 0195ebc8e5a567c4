// SPDX-License-Identifier: MIT
#include "engine/model_builder.h"
#include "engine/model_stats.h"

#include <catch2/catch.hpp>

using namespace lotse::engine;

namespace {
Node make(std::string id, NodeKind kind, std::uint32_t line) {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.process = 0;
  n.origin = {line, 5};
  return n;
}
} // namespace

TEST_CASE("builder resolves flows by id and indexes the graph", "[engine][builder]") {
  ModelBuilder b("m.bpmn", "bpmn");
  b.add_process(Process{"P", "Hundesteuer", false, npos, {}, {1, 1}});
  const auto s = b.add_node(make("S", NodeKind::start_event, 2));
  const auto t = b.add_node(make("T", NodeKind::user_task, 3));
  const auto e = b.add_node(make("E", NodeKind::end_event, 4));
  b.add_sequence_flow(Flow{"f1", "", npos, npos, "", false, false, {}, {5, 5}, {}}, "S", " T\n");
  b.add_sequence_flow(Flow{"f2", "", npos, npos, "", false, false, {}, {6, 5}, {}}, "T", "E");
  Diagnostics diags;
  const ProcessModel m = std::move(b).finish(diags);
  CHECK(diags.empty());
  REQUIRE(m.node_count() == 3);
  CHECK(m.out_flows(s).size() == 1);
  CHECK(m.flow(m.out_flows(s)[0]).target == t);
  CHECK(m.in_flows(e).size() == 1);
  CHECK(boost::num_edges(m.graph()) == 2);
  CHECK(m.find_node("T") == t);
  CHECK(m.children(npos).size() == 3);
  const ModelStats st = compute_stats(m);
  CHECK(st.flow_nodes.at("bpmn:UserTask") == 1);
  CHECK(st.sequence_flows == 2);
}

TEST_CASE("dangling and duplicate references become diagnostics with lines", "[engine][builder]") {
  ModelBuilder b("m.bpmn", "bpmn");
  b.add_process(Process{"P", "", false, npos, {}, {1, 1}});
  b.add_node(make("A", NodeKind::task, 2));
  b.add_node(make("A", NodeKind::task, 3));
  b.add_sequence_flow(Flow{"f1", "", npos, npos, "", false, false, {}, {9, 3}, {}}, "A", "Missing");
  Diagnostics diags;
  const ProcessModel m = std::move(b).finish(diags);
  REQUIRE(diags.size() == 2);
  const auto& dangling = diags.items()[0];
  CHECK(dangling.code() == "MOD-003");
  CHECK(dangling.at.line == 9);
  CHECK(format_diagnostic(dangling, Lang::de) ==
        "m.bpmn:9:3: Fehler [MOD-003]: Sequenzfluss 'f1' verweist auf unbekanntes Ziel 'Missing'");
  CHECK(format_diagnostic(dangling, Lang::en) ==
        "m.bpmn:9:3: error [MOD-003]: sequence flow 'f1' refers to unknown target 'Missing'");
  CHECK(diags.items()[1].code() == "MOD-001");
  CHECK(diags.items()[1].at.line == 3);
  CHECK(m.flows().size() == 1);  // kept for counting, not in the graph
  CHECK(boost::num_edges(m.graph()) == 0);
}

TEST_CASE("source file maps offsets to line and column", "[engine][source]") {
  SourceFile f("x.txt", "ab\ncde\r\nf");
  CHECK(f.locate(0) == SourceLocation{1, 1});
  CHECK(f.locate(4) == SourceLocation{2, 2});
  CHECK(f.locate(8) == SourceLocation{3, 1});
  CHECK(f.line_text(2) == "cde");
}

TEST_CASE("block types are found by German name, ae/oe/ue spelling and id", "[engine][blocks]") {
  CHECK(find_block_type("Daten in EDV übernehmen") == BlockType::edv_input);
  CHECK(find_block_type("Daten in EDV uebernehmen") == BlockType::edv_input);
  CHECK(find_block_type("Dateneingabe in die EDV") == BlockType::edv_input);
  CHECK(find_block_type("  formelle pruefung ") == BlockType::check_formally);
  CHECK(find_block_type("Dokument/Information geht ein") == BlockType::incoming_document);
  CHECK(find_block_type("Dokument / Information geht ein") == BlockType::incoming_document);
  CHECK(find_block_type("edvinput") == BlockType::edv_input);
  CHECK_FALSE(find_block_type("Kaffee kochen").has_value());
}
