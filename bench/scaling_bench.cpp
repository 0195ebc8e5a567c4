// SPDX-License-Identifier: MIT
// Scaling of the wide and long inputs of issue #16 (near-linear work): a gateway with n branches
// analysed to JSON, a building-block table with n rows converted to BPMN, n sibling sub-processes
// converted, n nested sub-processes analysed, n nested lanes converted. Each run is a fresh `lotse` process, as a user runs it
// (in one long-lived process the heap of earlier sizes distorts the larger ones); best of 3 wall-clock
// runs per size; the last column is the growth exponent between consecutive sizes (1 = linear,
// 2 = quadratic; a doubling at most 2.2x the time is an exponent of at most 1.14). Generated inputs
// (tests/support/generated_inputs.h).
// usage: scaling_bench [path/to/lotse]   (default: the lotse next to this program)
#include "tests/support/generated_inputs.h"
#include "tests/support/spawn_run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string lotse_exe;

double best_of_3(const std::vector<std::string>& args) {
  double best = 1e300;
  for (int k = 0; k < 3; ++k) {
    const auto t0 = Clock::now();
    const int code = lotse::test::spawn_and_wait(lotse_exe, args).code;
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (code != 0 && code != 1) std::fprintf(stderr, "exit %d: lotse %s\n", code, args.front().c_str());
    best = std::min(best, s);
  }
  return best;
}

void series(const char* title, const std::vector<int>& sizes, const std::function<std::vector<std::string>(int)>& make) {
  std::printf("\n%s\n| n | seconds | growth exponent |\n|---:|---:|---:|\n", title);
  double prev_s = 0;
  int prev_n = 0;
  for (const int n : sizes) {
    const double s = best_of_3(make(n));
    if (prev_n > 0 && prev_s > 0 && s > 0)
      std::printf("| %d | %.3f | %.2f |\n", n, s, std::log(s / prev_s) / std::log(double(n) / prev_n));
    else
      std::printf("| %d | %.3f | |\n", n, s);
    prev_s = s;
    prev_n = n;
  }
}

} // namespace

int main(int argc, char** argv) {
  lotse_exe = argc > 1 ? argv[1] : (fs::path(argv[0]).parent_path() / "lotse").string();
  const fs::path dir = fs::temp_directory_path() / "lotse-scaling-bench";
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    const fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  };
  series("analyze, exclusive gateway with n branches (JSON to /dev/null)", {2000, 4000, 8000, 16000}, [&](int n) {
    return std::vector<std::string>{"analyze", write("wide.bpmn", lotse::test::wide_gateway_bpmn(n)), "-o", "-",
                                    "--format", "json"};
  });
  series("convert, building-block table with n rows to BPMN", {2500, 5000, 10000, 20000}, [&](int n) {
    return std::vector<std::string>{"convert", write("long.csv", lotse::test::long_block_table_csv(n)), "-o",
                                    (dir / "long.bpmn").string(), "-q"};
  });
  series("convert, n sibling sub-processes (each start -> task -> end) to BPMN", {2000, 4000, 8000, 16000}, [&](int n) {
    return std::vector<std::string>{"convert", write("siblings.bpmn", lotse::test::sibling_subprocesses_bpmn(n)), "-o",
                                    (dir / "siblings-out.bpmn").string(), "-q"};
  });
  series("analyze, n nested sub-processes (JSON to /dev/null)", {60, 120, 240, 480}, [&](int n) {
    return std::vector<std::string>{"analyze", write("deep.bpmn", lotse::test::nested_subprocesses_bpmn(n)), "-o",
                                    "-", "--format", "json"};
  });
  series("convert, n nested lanes to BPMN", {30, 60, 120, 240}, [&](int n) {
    return std::vector<std::string>{"convert", write("lanes.bpmn", lotse::test::nested_lanes_bpmn(n)), "-o",
                                    (dir / "lanes-out.bpmn").string(), "-q"};
  });
  fs::remove_all(dir);
  return 0;
}
