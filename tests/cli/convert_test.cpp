// SPDX-License-Identifier: MIT
// `lotse convert`: exit codes and stdout output, the round trip import -> convert -> import (same
// figures and node attributes), and the reference parser (bpmn-moddle, as in Camunda Modeler/bpmn.io)
// reading every converted sample with no error and no warning.
#include "cli/run.h"
#include "engine/model_stats.h"
#include "importers/importer.h"
#include "reports/bpmn_writer.h"
#include "tests/support/oracle.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lotse;
namespace fs = std::filesystem;

namespace {

/// Inputs to convert: the PICTURE and XProzess corpus files plus every BPMN and CSV sample present now.
std::vector<std::string> convert_inputs(const std::string& shared) {
  std::vector<std::string> out;
  if (!shared.empty()) {
    out.push_back(shared + "/corpus/picture/oryx-editor/process1.xml");
    out.push_back(shared + "/corpus/xprozess/GerPS-onto/Anzeige zur Beschäftigung einer schwangeren oder stillenden Frau bearbeiten.xml");
  }
  const fs::path samples = test::source_dir() + "/samples";
  std::vector<std::string> found;
  if (fs::is_directory(samples)) {
    for (const auto& e : fs::directory_iterator(samples)) {
      if (e.path().extension() == ".bpmn" || e.path().extension() == ".csv") found.push_back(e.path().string());
    }
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return out;
}

/// Output name of the i-th converted input inside the oracle's bpmn/ folder.
std::string fmt_name(std::size_t i, const std::string& path) {
  return std::to_string(i) + "_" + fs::path(path).stem().string() + ".bpmn";
}

int run(const std::vector<std::string>& args, std::string* out_text = nullptr, std::string* err_text = nullptr) {
  std::ostringstream out, err;
  const int code = cli::run(args, out, err);
  if (out_text) *out_text = out.str();
  if (err_text) *err_text = err.str();
  return code;
}

} // namespace

TEST_CASE("convert: unreadable input exits 65, unwritable output 74, '-' writes to stdout", "[convert][cli][shared]") {
  std::string out, err;
  CHECK(run({"convert", "/nonexistent/x.bpmn", "-o", test::binary_dir() + "/never.bpmn"}, &out, &err) == 65);
  CHECK(err.find("IN-001") != std::string::npos);
  CHECK_FALSE(fs::exists(test::binary_dir() + "/never.bpmn"));
  const auto inputs = convert_inputs(test::require_shared());
  if (inputs.empty()) return;
  CHECK(run({"convert", inputs.front(), "-o", "/nonexistent-dir/sub/x.bpmn"}, &out, &err) == 74);
  CHECK(err.find("CLI-001") != std::string::npos);
  CHECK(run({"convert", inputs.front(), "-o", "-", "--for", "bimp"}, &out, &err) == 0);
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions", 0) == 0);
  CHECK(run({"convert", inputs.front(), "-o", "-", "--for", "signavio"}, &out, &err) == 2);
}

TEST_CASE("convert: import -> convert -> import keeps the figures and node attributes", "[convert][roundtrip][shared]") {
  const auto inputs = convert_inputs(test::require_shared());
  for (const auto& path : inputs) {
    INFO(path);
    const auto first = importers::import_file(path);
    REQUIRE(first.model);
    const engine::ProcessModel& a = *first.model;
    const std::string xml = reports::write_bpmn(a);
    const auto second = importers::import_source(engine::SourceFile("converted.bpmn", xml));
    REQUIRE(second.model);
    for (const auto& d : second.diagnostics) {
      INFO(d.code() << " " << d.message(engine::Lang::en));
      CHECK(d.severity == engine::Severity::note);
    }
    const engine::ProcessModel& b = *second.model;
    const engine::ModelStats sa = engine::compute_stats(a);
    const engine::ModelStats sb = engine::compute_stats(b);
    CHECK(sb.processes == sa.processes);
    CHECK(sb.participants == sa.participants);
    // Lanes are only added (one per Stelle) when the input has neither lanes nor a diagram.
    if (sa.lanes > 0 || a.has_diagram()) CHECK(sb.lanes == sa.lanes);
    CHECK(sb.flow_nodes == sa.flow_nodes);
    CHECK(sb.sequence_flows == sa.sequence_flows);
    CHECK(sb.message_flows == sa.message_flows);
    CHECK(sb.data_objects == sa.data_objects);
    CHECK(sb.annotations == sa.annotations);
    CHECK(sb.di);
    if (sa.simulation) CHECK(sb.simulation);
    for (const auto& n : a.nodes()) {
      INFO(n.id);
      const auto k = b.find_node(reports::bpmn_id(n.id));
      REQUIRE(k);
      const auto& x = n.attrs;
      const auto& y = b.node(*k).attrs;
      CHECK(y.processing.has_value() == x.processing.has_value());
      if (x.processing && y.processing) CHECK(engine::to_minutes(y.processing->value) == Approx(engine::to_minutes(x.processing->value)));
      CHECK(y.occurrence.has_value() == x.occurrence.has_value());
      if (x.occurrence && y.occurrence) CHECK(y.occurrence->value == Approx(x.occurrence->value));
      CHECK(y.stelle == x.stelle);
      CHECK(y.block == x.block);
      CHECK(y.rag_type == x.rag_type);
      CHECK(y.inbound.present == x.inbound.present);
      CHECK(y.outbound.present == x.outbound.present);
      for (std::size_t c = 0; c < engine::channel_count; ++c) {
        CHECK(y.inbound.share[c] == Approx(x.inbound.share[c]));
        CHECK(y.outbound.share[c] == Approx(x.outbound.share[c]));
      }
    }
    for (const auto& f : a.flows()) {
      if (f.source == engine::npos || f.target == engine::npos) continue;
      INFO(f.id);
      const auto it = std::find_if(b.flows().begin(), b.flows().end(), [&](const auto& g) { return g.id == reports::bpmn_id(f.id); });
      REQUIRE(it != b.flows().end());
      CHECK(it->probability.has_value() == f.probability.has_value());
      if (f.probability && it->probability) CHECK(it->probability->value.value == Approx(f.probability->value.value));
    }
    // A second conversion changes nothing any more.
    const auto third = importers::import_source(engine::SourceFile("again.bpmn", reports::write_bpmn(b)));
    REQUIRE(third.model);
    const engine::ModelStats sc = engine::compute_stats(*third.model);
    CHECK(sc.lanes == sb.lanes);
    CHECK(sc.flow_nodes == sb.flow_nodes);
    CHECK(sc.simulation_dialect == sb.simulation_dialect);
  }
}

TEST_CASE("convert: the reference parser reads every converted file without errors or warnings", "[convert][oracle][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const std::string oracle = test::oracle_dir(shared);
  if (oracle.empty()) return;
  const fs::path work = test::binary_dir() + "/convert_oracle";
  fs::remove_all(work);
  fs::create_directories(work / "bpmn");
  const auto inputs = convert_inputs(shared);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string name = fmt_name(i, inputs[i]);
    names.push_back("bpmn/" + name);
    std::string out, err;
    INFO(inputs[i] << "\n" << err);
    CHECK(run({"convert", inputs[i], "-o", (work / "bpmn" / name).string(), "-q"}, &out, &err) == 0);
  }
  const std::string json_path = (work / "oracle.json").string();
  const std::string cmd = "node '" + oracle + "/oracle.mjs' '" + work.string() + "' --repeat 1 --out '" + json_path +
                          "' > '" + (work / "oracle.log").string() + "' 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(json_path);
  const nlohmann::json j = nlohmann::json::parse(in);
  REQUIRE(j.at("files").size() == inputs.size());
  for (const auto& f : j.at("files")) {
    INFO(f.at("file").get<std::string>() << ": " << f.dump().substr(0, 600));
    CHECK(std::find(names.begin(), names.end(), f.at("file").get<std::string>()) != names.end());
    CHECK(f.at("ok").get<bool>());
    CHECK(f.at("warnings").get<int>() == 0);
    CHECK(f.at("di").at("present").get<bool>());
  }
}
