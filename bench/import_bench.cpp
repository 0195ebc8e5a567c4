// SPDX-License-Identifier: MIT
// Import throughput: every BPMN file of shared/corpus held in memory, then bytes -> finished model
// (sniff, decode, parse, build, resolve) timed warm, best of 3, like the reference parser's figure
// (sum over files of the fastest of 3 runs). Also the import time of a SYNTHETIC 60,000-node
// collaboration generated here (no real file that large exists under a usable licence).
// usage: import_bench [corpus-dir]   (default: $LOTSE_CORPUS_DIR)
#include "engine/source_file.h"
#include "importers/importer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// A synthetic collaboration: `pools` pools, each a chain start -> tasks -> end with a lane, DI shapes
/// for every node and edges for every flow, and one message flow between consecutive pools.
std::string synthetic_collaboration(int pools, int nodes_per_pool) {
  std::string s;
  s.reserve(static_cast<std::size_t>(pools) * static_cast<std::size_t>(nodes_per_pool) * 420);
  s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
       "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" "
       "xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" id=\"Synthetic\" exporter=\"import_bench (synthetic)\">\n"
       "  <bpmn:collaboration id=\"C\">\n";
  for (int p = 0; p < pools; ++p) {
    const std::string ps = std::to_string(p);
    s += "    <bpmn:participant id=\"Pool_" + ps + "\" name=\"Stelle " + ps + "\" processRef=\"P_" + ps + "\"/>\n";
  }
  for (int p = 0; p + 1 < pools; ++p) {
    s += "    <bpmn:messageFlow id=\"MF_" + std::to_string(p) + "\" sourceRef=\"P" + std::to_string(p) + "_N" +
         std::to_string(nodes_per_pool - 1) + "\" targetRef=\"P" + std::to_string(p + 1) + "_N0\"/>\n";
  }
  s += "  </bpmn:collaboration>\n";
  for (int p = 0; p < pools; ++p) {
    const std::string ps = std::to_string(p);
    s += "  <bpmn:process id=\"P_" + ps + "\" isExecutable=\"false\">\n"
         "    <bpmn:laneSet id=\"LS_" + ps + "\"><bpmn:lane id=\"L_" + ps + "\" name=\"Sachbearbeitung\">\n";
    for (int i = 0; i < nodes_per_pool; ++i) s += "      <bpmn:flowNodeRef>P" + ps + "_N" + std::to_string(i) + "</bpmn:flowNodeRef>\n";
    s += "    </bpmn:lane></bpmn:laneSet>\n";
    for (int i = 0; i < nodes_per_pool; ++i) {
      const std::string id = "P" + ps + "_N" + std::to_string(i);
      const char* tag = i == 0 ? "startEvent" : (i + 1 == nodes_per_pool ? "endEvent" : "userTask");
      s += "    <bpmn:" + std::string(tag) + " id=\"" + id + "\" name=\"Schritt " + std::to_string(i) + "\"/>\n";
      if (i > 0) {
        s += "    <bpmn:sequenceFlow id=\"F" + ps + "_" + std::to_string(i) + "\" sourceRef=\"P" + ps + "_N" +
             std::to_string(i - 1) + "\" targetRef=\"" + id + "\"/>\n";
      }
    }
    s += "  </bpmn:process>\n";
  }
  s += "  <bpmndi:BPMNDiagram id=\"Dia\"><bpmndi:BPMNPlane id=\"Plane\" bpmnElement=\"C\">\n";
  for (int p = 0; p < pools; ++p) {
    const std::string ps = std::to_string(p);
    for (int i = 0; i < nodes_per_pool; ++i) {
      const std::string x = std::to_string(i * 150), y = std::to_string(p * 200 + 60);
      s += "    <bpmndi:BPMNShape id=\"S" + ps + "_" + std::to_string(i) + "\" bpmnElement=\"P" + ps + "_N" + std::to_string(i) +
           "\"><dc:Bounds x=\"" + x + "\" y=\"" + y + "\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>\n";
      if (i > 0) {
        s += "    <bpmndi:BPMNEdge id=\"E" + ps + "_" + std::to_string(i) + "\" bpmnElement=\"F" + ps + "_" + std::to_string(i) +
             "\"><di:waypoint x=\"" + std::to_string(i * 150 - 50) + "\" y=\"" + y + "\"/><di:waypoint x=\"" + x +
             "\" y=\"" + y + "\"/></bpmndi:BPMNEdge>\n";
      }
    }
  }
  s += "  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n</bpmn:definitions>\n";
  return s;
}

} // namespace

int main(int argc, char** argv) {
  std::string corpus = argc > 1 ? argv[1] : "";
  if (corpus.empty()) {
    if (const char* env = std::getenv("LOTSE_CORPUS_DIR"); env) corpus = env;
  }
  if (corpus.empty() || !std::filesystem::is_directory(corpus + "/bpmn")) {
    std::fprintf(stderr, "usage: import_bench <corpus-dir with bpmn/> (or set LOTSE_CORPUS_DIR)\n");
    return 2;
  }
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus + "/bpmn")) {
    if (e.is_regular_file()) paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<lotse::engine::SourceFile> files;
  std::size_t bytes = 0;
  for (const auto& p : paths) {
    files.push_back(lotse::engine::SourceFile::read(p));
    bytes += files.back().bytes().size();
  }

  // Warm-up pass, then 3 timed passes; per file the fastest of the 3 (the reference parser's method)
  // and the fastest whole pass.
  std::size_t models = 0, nodes = 0;
  for (const auto& f : files) {
    const auto r = lotse::importers::import_source(f);
    models += r.model ? 1 : 0;
    nodes += r.model ? r.model->node_count() : 0;
  }
  std::vector<double> best(files.size(), 1e30);
  double best_pass = 1e30;
  for (int run = 0; run < 3; ++run) {
    const auto pass0 = Clock::now();
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto t0 = Clock::now();
      const auto r = lotse::importers::import_source(files[i]);
      best[i] = std::min(best[i], seconds_since(t0));
    }
    best_pass = std::min(best_pass, seconds_since(pass0));
  }
  double per_file_sum = 0;
  for (const double t : best) per_file_sum += t;
  const double mb = static_cast<double>(bytes) / 1e6;

  if (std::getenv("LOTSE_BENCH_CORPUS_ONLY") != nullptr) {  // for profiling the corpus part alone
    std::printf("corpus import, sum of per-file best of 3: %.1f ms = %.1f MB/s\n", per_file_sum * 1e3, mb / per_file_sum);
    return 0;
  }
  const std::string big = synthetic_collaboration(4, 15000);
  const lotse::engine::SourceFile big_file("synthetic-60000.bpmn", big);
  double best_big = 1e30;
  std::size_t big_nodes = 0;
  for (int run = 0; run < 3; ++run) {
    const auto t0 = Clock::now();
    const auto r = lotse::importers::import_source(big_file);
    best_big = std::min(best_big, seconds_since(t0));
    big_nodes = r.model ? r.model->node_count() : 0;
  }

  std::printf("corpus: %zu files, %.2f MB, %zu models, %zu flow nodes\n", files.size(), mb, models, nodes);
  std::printf("corpus import, sum of per-file best of 3: %.1f ms = %.1f MB/s\n", per_file_sum * 1e3, mb / per_file_sum);
  std::printf("corpus import, best whole pass of 3:      %.1f ms = %.1f MB/s\n", best_pass * 1e3, mb / best_pass);
  std::printf("synthetic collaboration (generated, not a real export): %zu flow nodes, %.2f MB, best of 3: %.1f ms\n",
              big_nodes, static_cast<double>(big.size()) / 1e6, best_big * 1e3);
  std::printf("mb_per_s=%.2f\n", mb / per_file_sum);
  return 0;
}
