// SPDX-License-Identifier: MIT
// libFuzzer harness: PICTURE-BPMN (BPMN with PICTURE building-block types and attribute values).
// Seeds and dictionary: fuzz/CMakeLists.txt, docs/fuzzing.md.
#include "fuzz/fuzz_common.h"
#include "importers/bpmn.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lotse::fuzz::check_result(lotse::importers::bpmn::read(lotse::fuzz::source(data, size, "fuzz.picture-bpmn.bpmn")));
  return 0;
}
