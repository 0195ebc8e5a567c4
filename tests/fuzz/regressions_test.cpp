// SPDX-License-Identifier: MIT
// Inputs the fuzzers found (tests/fuzz/regressions/<harness>/) and the hand-made seeds (fuzz/seeds/)
// run through the same code path as their harness, in the normal build: import must give a model or
// an error diagnostic, never an exception or a crash; a model then goes through every pass and report.
#include "fuzz/fuzz_pipeline.h"
#include "fuzz/fuzz_scenario.h"
#include "support/paths.h"

#include "analysis/tables.h"
#include "importers/bpmn.h"
#include "importers/importer.h"
#include "importers/xprozess_archive.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace lotse;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The file name each harness gives its input (it steers the importers' sniffing).
const std::map<std::string, std::string>& harness_names() {
  static const std::map<std::string, std::string> names{
      {"bpmn", "fuzz.bpmn"},         {"picture_bpmn", "fuzz.picture-bpmn.bpmn"}, {"picture", "fuzz.xml"},
      {"xprozess", "fuzz.xml"},      {"block_table", "fuzz.csv"},               {"analyze", "fuzz.csv"},
      {"xprozess_zip", ""},          {"tables_override", ""},                    {"prosimos", ""}};
  return names;
}

void import_and_analyze(const std::string& name, const std::string& bytes) {
  const auto r = importers::import_source(engine::SourceFile(name, bytes));
  CHECK((r.model.has_value() || r.diagnostics.has_errors()));
  if (r.model) fuzz::analyze_and_render(*r.model, r.diagnostics);
}

void open_zip(const std::string& bytes) {
  const auto z = importers::xprozess::extract_model_file(bytes, std::size_t{64} << 20);
  if (z.status == importers::xprozess::ZipExtract::Status::ok) import_and_analyze(z.name, z.bytes);
}

void run_input(const std::string& harness, const fs::path& file) {
  INFO(harness << ": " << file);
  const std::string bytes = slurp(file);
  if (harness == "xprozess_zip") {
    const auto decoded = importers::xprozess::decode_base64(bytes);
    if (!decoded.error_at) open_zip(decoded.bytes);
    open_zip(bytes);
  } else if (harness == "tables_override") {
    engine::Diagnostics diags;
    const auto tables = analysis::load_tables(LOTSE_SOURCE_DIR "/data", file.string(), diags);
    CHECK((tables.override_file == file.string() || diags.has_errors()));  // used, or refused with a reason
    const auto sample = importers::import_file(test::sample("hundesteuer.bpmn"));
    REQUIRE(sample.model);
    fuzz::analyze_and_render(*sample.model, sample.diagnostics, file.string());
  } else if (harness == "prosimos") {
    const auto r = fuzz::apply_and_simulate(bytes);
    CHECK((r.model.has_value() || r.diagnostics.has_errors()));
  } else {
    import_and_analyze(harness_names().at(harness), bytes);
  }
}

std::size_t run_folder(const fs::path& root) {
  std::size_t n = 0;
  if (!fs::is_directory(root)) return n;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string harness = dir.path().filename().string();
    INFO("folder " << dir.path());
    REQUIRE(harness_names().count(harness) == 1);  // one folder per harness of fuzz/
    for (const auto& f : fs::directory_iterator(dir.path())) {
      run_input(harness, f.path());
      ++n;
    }
  }
  return n;
}

} // namespace

TEST_CASE("fuzz seeds and regression inputs import, analyse and render without an exception", "[fuzz][importer]") {
  CHECK(run_folder(test::source_dir() + "/fuzz/seeds") >= 4);  // small-export.xml, model.zip, model.zip.b64, prosimos
  (void)run_folder(test::source_dir() + "/tests/fuzz/regressions");
  // The hand-made scenario seed is a valid scenario for the harness's model: it reaches the kernel.
  const auto seed = fuzz::apply_and_simulate(slurp(test::source_dir() + "/fuzz/seeds/prosimos/team-calendars-batch.json"));
  INFO(seed.diagnostics.items().size() << " diagnostics");
  REQUIRE(seed.model);
  CHECK(seed.model->simulation().pools.at(0).groups.size() == 2);
}
