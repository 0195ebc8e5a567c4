// SPDX-License-Identifier: MIT
#include "engine/model_builder.h"
#include "engine/model_stats.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

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

TEST_CASE("an id taken by another kind first still resolves for its own kind", "[engine][builder]") {
  // Ids are unique per document in BPMN; when a tool writes one twice for different kinds, MOD-001
  // reports it and references still find the element of the kind they ask for.
  ModelBuilder b("m.bpmn", "bpmn");
  b.add_process(Process{"P", "", false, npos, {}, {1, 1}});
  b.add_participant(Participant{"X", "Pool", npos, {2, 3}, {}}, "P");
  const auto x = b.add_node(make("X", NodeKind::task, 4));
  const auto y = b.add_node(make("Y", NodeKind::end_event, 5));
  b.add_sequence_flow(Flow{"f", "", npos, npos, "", false, false, {}, {6, 3}, {}}, "X", "Y");
  b.add_shape("X", Bounds{10, 20, 100, 80});
  b.add_shape("X", Bounds{99, 99, 1, 1});  // the first shape of an element counts
  b.add_edge("f", {{1, 2}, {3, 4}});
  Diagnostics diags;
  const ProcessModel m = std::move(b).finish(diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags.items()[0].code() == "MOD-001");
  CHECK(diags.items()[0].at.line == 4);
  REQUIRE(m.out_flows(x).size() == 1);
  CHECK(m.flow(m.out_flows(x)[0]).target == y);
  REQUIRE(m.node(x).shape.has_value());
  CHECK(m.node(x).shape->x == 10);
  CHECK(!m.participants()[0].shape.has_value());
  CHECK(m.participants()[0].process == 0);
  CHECK(m.flows()[0].waypoints.size() == 2);
}

TEST_CASE("ten thousand ids and an id longer than the arena's chunk resolve", "[engine][builder]") {
  ModelBuilder b("big.bpmn", "bpmn");
  b.add_process(Process{"P", "", false, npos, {}, {1, 1}});
  const std::string long_id = "Activity_" + std::string(70000, 'x');
  constexpr int count = 10000;
  for (int i = 0; i < count; ++i) b.add_node(make(i == 5000 ? long_id : "N" + std::to_string(i), NodeKind::task, 2));
  for (int i = 0; i + 1 < count; ++i) {
    const std::string from = i == 5000 ? long_id : "N" + std::to_string(i);
    const std::string to = i + 1 == 5000 ? long_id : "N" + std::to_string(i + 1);
    // The strings die after the call: the builder must keep its own copies.
    b.add_sequence_flow(Flow{"F" + std::to_string(i), "", npos, npos, "", false, false, {}, {3, 1}, {}}, " " + from, to + "\t");
  }
  Diagnostics diags;
  const ProcessModel m = std::move(b).finish(diags);
  CHECK(diags.empty());
  CHECK(boost::num_edges(m.graph()) == count - 1);
  CHECK(m.find_node(long_id) == 5000u);
  CHECK(m.find_node("N9999") == 9999u);
  CHECK_FALSE(m.find_node("N10000").has_value());
  for (NodeIndex n = 0; n + 1 < count; ++n) {
    REQUIRE(m.out_flows(n).size() == 1);
    REQUIRE(m.flow(m.out_flows(n)[0]).target == n + 1);
  }
}

TEST_CASE("the frozen model keeps document order in its rows and Boost graph", "[engine][builder]") {
  ModelBuilder b("m.bpmn", "bpmn");
  b.add_process(Process{"P", "", false, npos, {}, {1, 1}});
  const auto sp = b.add_node(make("Sub", NodeKind::sub_process, 2));
  Node inner = make("In", NodeKind::task, 3);
  inner.parent = sp;
  const auto in = b.add_node(inner);
  const auto g = b.add_node(make("G", NodeKind::exclusive_gateway, 4));
  const auto bt = b.add_node(make("B2", NodeKind::boundary_event, 5));
  b.attach_boundary(bt, "Sub", {5, 1});
  const auto bo = b.add_node(make("B1", NodeKind::boundary_event, 6));
  b.attach_boundary(bo, " Sub ", {6, 1});
  const auto t1 = b.add_node(make("T1", NodeKind::task, 7));
  const auto t2 = b.add_node(make("T2", NodeKind::task, 8));
  b.add_sequence_flow(Flow{"toT2", "", npos, npos, "", false, false, {}, {9, 1}, {}}, "G", "T2");
  b.add_sequence_flow(Flow{"toT1", "", npos, npos, "", false, false, {}, {10, 1}, {}}, "G", "T1");
  b.add_sequence_flow(Flow{"back", "", npos, npos, "", false, false, {}, {11, 1}, {}}, "T1", "G");
  b.set_default_flow(g, "toT1", {4, 1});
  Diagnostics diags;
  const ProcessModel m = std::move(b).finish(diags);
  CHECK(diags.empty());
  const auto out = m.out_flows(g);
  REQUIRE(out.size() == 2);
  CHECK(m.flow(out[0]).id == "toT2");
  CHECK(m.flow(out[1]).id == "toT1");
  CHECK(m.node(g).default_flow == out[1]);
  CHECK(m.flow(out[1]).is_default);
  std::vector<std::string> graph_order;
  for (auto [it, end] = boost::out_edges(g, m.graph()); it != end; ++it) graph_order.push_back(m.flow(m.graph()[*it]).id);
  CHECK(graph_order == std::vector<std::string>{"toT2", "toT1"});
  CHECK(boost::in_degree(g, m.graph()) == 1);
  const auto bes = m.boundary_events(sp);
  CHECK(std::vector<NodeIndex>(bes.begin(), bes.end()) == std::vector<NodeIndex>{bt, bo});
  const auto kids = m.children(sp);
  CHECK(std::vector<NodeIndex>(kids.begin(), kids.end()) == std::vector<NodeIndex>{in});
  CHECK(m.children(npos).size() == 6);
  CHECK(m.in_flows(t2).size() == 1);
  CHECK(m.out_flows(t1).size() == 1);
  CHECK_THROWS_AS(m.out_flows(99), std::out_of_range);
  CHECK_THROWS_AS(m.children(99), std::out_of_range);
}

TEST_CASE("a file's tail shares its bytes and counts lines from its own start", "[engine][source]") {
  const SourceFile whole("x.bpmn", "\xEF\xBB\xBF<a>\n<b/>\n</a>");
  const SourceFile tail = whole.from_offset(3);
  CHECK(tail.bytes().substr(0, 3) == "<a>");
  CHECK(tail.bytes().data() == whole.bytes().data() + 3);
  CHECK(tail.path() == "x.bpmn");
  CHECK(tail.locate(4) == SourceLocation{2, 1});
  CHECK(tail.line_text(2) == "<b/>");
  CHECK(whole.from_offset(1000).bytes().empty());
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
