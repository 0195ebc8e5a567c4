// SPDX-License-Identifier: MIT
// libFuzzer harness: building-block table (CSV as German Excel writes it, any encoding).
// Seeds and dictionary: fuzz/CMakeLists.txt, docs/fuzzing.md.
#include "fuzz/fuzz_common.h"
#include "importers/block_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lotse::fuzz::check_result(lotse::importers::block_table::read(lotse::fuzz::source(data, size, "fuzz.csv")));
  return 0;
}
