// SPDX-License-Identifier: MIT
// libFuzzer harness: PICTURE-XML 2009 export (Teilprozesse, Varianten, building blocks).
// Seeds and dictionary: fuzz/CMakeLists.txt, docs/fuzzing.md.
#include "fuzz/fuzz_common.h"
#include "importers/picture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lotse::fuzz::check_result(lotse::importers::picture::read(lotse::fuzz::source(data, size, "fuzz.xml")));
  return 0;
}
