// SPDX-License-Identifier: MIT
// libFuzzer harness: the town's override file (`--tables-override FILE`, data/README.md). The input
// is written to a private temporary file (the reader takes a path, as the CLI does), read together
// with the default tables, then used for the workload of samples/hundesteuer.bpmn and its report.
#include "fuzz/fuzz_common.h"
#include "fuzz/fuzz_pipeline.h"

#include "analysis/tables.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace {

const std::string& temp_path() {
  static const std::string path = "/tmp/lotse-fuzz-override-" + std::to_string(::getpid()) + ".json";
  // Registered after `path` exists, so it runs before `path` is destroyed.
  static const int cleanup = std::atexit([] { std::remove(temp_path().c_str()); });
  (void)cleanup;
  return path;
}

const lotse::importers::ImportResult& sample() {
  static const auto r = lotse::importers::import_file(LOTSE_SOURCE_DIR "/samples/hundesteuer.bpmn");
  if (!r.model) std::abort();
  return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(temp_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  lotse::engine::Diagnostics diags;
  const auto tables = lotse::analysis::load_tables({}, temp_path(), diags);
  (void)tables.default_rate();
  lotse::fuzz::analyze_and_render(*sample().model, sample().diagnostics, temp_path());
  return 0;
}
