// SPDX-License-Identifier: MIT
// libFuzzer harness: XProzess 2.0 export (catalogue, Aktivitaetengruppen, embedded base64 ZIP with BPMN).
// Seeds and dictionary: fuzz/CMakeLists.txt, docs/fuzzing.md.
#include "fuzz/fuzz_common.h"
#include "importers/xprozess.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lotse::fuzz::check_result(lotse::importers::xprozess::read(lotse::fuzz::source(data, size, "fuzz.xml")));
  return 0;
}
