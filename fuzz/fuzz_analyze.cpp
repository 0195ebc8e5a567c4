// SPDX-License-Identifier: MIT
// libFuzzer harness: the whole `lotse analyze` pipeline. The input is named fuzz.csv, so the
// importers' sniffing picks the format from the content as for a real file (XProzess, PICTURE-XML,
// BPMN by their root element, the building-block table by its header row); then every pass and the
// report in Markdown, HTML and JSON, German and English.
#include "fuzz/fuzz_common.h"
#include "fuzz/fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto imported = lotse::importers::import_source(lotse::fuzz::source(data, size, "fuzz.csv"));
  lotse::fuzz::check_result(imported);
  if (imported.model) lotse::fuzz::analyze_and_render(*imported.model, imported.diagnostics);
  return 0;
}
