// SPDX-License-Identifier: MIT
// Corpus conformance: every one of the 1,691 real BPMN exports in shared/corpus is imported and its
// structure counts are compared with what the reference parser bpmn-moddle 10.3.1 found
// (corpus/reference.json). Agreement must reach 99 %, every disagreement must be explained in
// tests/corpus/allowlist.tsv, and no allowlist entry may be stale. The files the reference parser
// rejects must be rejected by us too (exit code 65 from `lotse check` and `lotse stats`).
#include "cli/run.h"
#include "engine/model_stats.h"
#include "importers/importer.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

namespace {

std::string corpus_dir() {
  if (const char* env = std::getenv("LOTSE_CORPUS_DIR"); env && *env) return env;
  const std::string shared = lotse::test::require_shared();
  return shared.empty() ? std::string() : shared + "/corpus";
}

struct Allowed {
  std::string ours, reference, reason;
  bool used = false;
};
using AllowKey = std::pair<std::string, std::string>;  // path, field

std::map<AllowKey, Allowed> read_allowlist(const std::string& path) {
  std::map<AllowKey, Allowed> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    REQUIRE(cols.size() == 5);
    out[{cols[0], cols[1]}] = Allowed{cols[2], cols[3], cols[4]};
  }
  return out;
}

} // namespace

TEST_CASE("the BPMN importer agrees with bpmn-moddle on the real-world corpus", "[corpus][bpmn][shared]") {
  const std::string dir = corpus_dir();
  if (dir.empty()) return;
  std::ifstream ref_in(dir + "/reference.json");
  REQUIRE(ref_in);
  const nlohmann::json reference = nlohmann::json::parse(ref_in);
  auto allow = read_allowlist(lotse::test::source_dir() + "/tests/corpus/allowlist.tsv");

  std::size_t ok_files = 0, agreeing = 0, rejected = 0;
  std::vector<std::string> unlisted;
  for (const auto& entry : reference.at("files")) {
    const std::string file = entry.at("file");
    const std::string path = dir + "/" + file;
    const lotse::importers::ImportResult r = lotse::importers::import_file(path);
    if (!entry.at("ok").get<bool>()) {
      ++rejected;
      INFO(file);
      CHECK_FALSE(r.model);
      CHECK(r.diagnostics.has_errors());
      std::ostringstream out, err;
      CHECK(lotse::cli::run({"check", path}, out, err) == 65);
      CHECK(lotse::cli::run({"stats", path, "--format", "json"}, out, err) == 65);
      continue;
    }
    ++ok_files;
    if (!r.model) {
      if (auto it = allow.find({file, "import"}); it != allow.end()) {
        it->second.used = true;
      } else {
        unlisted.push_back(file + "\timport\tfailed\tok");
      }
      continue;
    }
    const lotse::engine::ModelStats s = lotse::engine::compute_stats(*r.model);
    const std::vector<std::tuple<const char*, std::string, std::string>> fields{
        {"processes", std::to_string(s.processes), entry.at("processes").dump()},
        {"participants", std::to_string(s.participants), entry.at("participants").dump()},
        {"lanes", std::to_string(s.lanes), entry.at("lanes").dump()},
        {"flow_nodes_total", std::to_string(s.flow_nodes_total), entry.at("flow_nodes_total").dump()},
        {"sequence_flows", std::to_string(s.sequence_flows), entry.at("sequence_flows").dump()},
        {"message_flows", std::to_string(s.message_flows), entry.at("message_flows").dump()},
        {"di", s.di ? "true" : "false", entry.at("di").at("present").dump()},
    };
    bool agrees = true;
    for (const auto& [field, ours, theirs] : fields) {
      if (ours == theirs) continue;
      agrees = false;
      auto it = allow.find({file, field});
      if (it != allow.end() && it->second.ours == ours && it->second.reference == theirs) {
        it->second.used = true;
      } else {
        unlisted.push_back(file + "\t" + field + "\t" + ours + "\t" + theirs);
      }
    }
    if (agrees) ++agreeing;
  }

  std::vector<std::string> stale;
  for (const auto& [key, a] : allow) {
    if (!a.used) stale.push_back(key.first + "\t" + key.second + "\t" + a.ours + "\t" + a.reference);
  }
  INFO("files: " << ok_files << " read by the reference parser, " << agreeing << " agree");
  CHECK(rejected == 6);
  CHECK(ok_files == 1685);
  CHECK(static_cast<double>(agreeing) >= 0.99 * static_cast<double>(ok_files));
  std::string unlisted_text, stale_text;
  for (const auto& u : unlisted) unlisted_text += u + "\n";
  for (const auto& u : stale) stale_text += u + "\n";
  INFO("disagreements not in tests/corpus/allowlist.tsv (path, field, ours, reference):\n" << unlisted_text);
  CHECK(unlisted.empty());
  INFO("stale allowlist entries:\n" << stale_text);
  CHECK(stale.empty());
}
