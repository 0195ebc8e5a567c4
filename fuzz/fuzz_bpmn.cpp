// SPDX-License-Identifier: MIT
// libFuzzer harness: BPMN 2.0 XML (any modeller, DI, vendor and simulation extensions).
// Seeds and dictionary: fuzz/CMakeLists.txt, docs/fuzzing.md.
#include "fuzz/fuzz_common.h"
#include "importers/bpmn.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lotse::fuzz::check_result(lotse::importers::bpmn::read(lotse::fuzz::source(data, size, "fuzz.bpmn")));
  return 0;
}
