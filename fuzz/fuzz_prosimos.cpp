// SPDX-License-Identifier: MIT
// libFuzzer harness: a Prosimos scenario (`lotse simulate --scenario`, docs/simulation.md) applied to a
// small model, then compiled and simulated for a few cases (fuzz/fuzz_scenario.h) — the JSON reader
// with positions, every conversion of distributions, calendars, staff groups and batch rules, and the
// kernel with what they produce.
#include "fuzz/fuzz_common.h"
#include "fuzz/fuzz_scenario.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lotse::fuzz::check_result(lotse::fuzz::apply_and_simulate(std::string_view(reinterpret_cast<const char*>(data), size)));
  return 0;
}
