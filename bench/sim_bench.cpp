// SPDX-License-Identifier: MIT
// Simulator throughput on the shared benchmark models (never run by CTest): import once, compile once,
// then time one replication of N cases on one thread with full statistics (best of 3). Prints wall and
// CPU milliseconds (CPU time is the honest per-core figure on a shared machine), task instances and
// events per CPU second, and the process's peak RSS. Usage: sim_bench [SHARED_DIR] [CASES]
#include "analysis/sim/run.h"
#include "importers/importer.h"

#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace lotse;

int main(int argc, char** argv) {
  std::string shared = argc > 1 ? argv[1] : "";
  if (shared.empty()) {
    const char* env = std::getenv("LOTSE_SHARED_DIR");
    shared = env && *env ? env : "../shared";
  }
  const std::int64_t cases = argc > 2 ? std::atoll(argv[2]) : 100'000;
  std::printf("%-8s %9s %9s %9s %10s %14s %12s %10s %8s\n", "model", "cases", "wall ms", "CPU ms", "tasks",
              "tasks/CPU s", "events/CPU s", "cycle s", "RSS MB");
  const auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  for (const char* name : {"mm1", "mm3", "permit", "chain50"}) {
    const std::string path = shared + "/bench-models/" + name + ".bpmn";
    const auto imp = importers::import_file(path);
    if (!imp.model) {
      std::printf("%-8s cannot import %s\n", name, path.c_str());
      continue;
    }
    analysis::sim::SimOptions o;
    o.cases = cases;
    o.replications = 1;
    o.threads = 1;
    o.seed = 1;
    engine::Diagnostics diags;
    const auto net = analysis::sim::compile_network(*imp.model, o, diags);
    if (!net.ok) {
      std::printf("%-8s not simulable (%zu diagnostics)\n", name, diags.size());
      continue;
    }
    double best = 1e300, best_cpu = 1e300;
    analysis::sim::SimulationResult r;
    for (int rep = 0; rep < 3; ++rep) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_now();
      r = analysis::sim::simulate(net, o);
      const double c1 = cpu_now();
      const auto t1 = std::chrono::steady_clock::now();
      best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
      best_cpu = std::min(best_cpu, c1 - c0);
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("%-8s %9lld %9.1f %9.1f %10llu %14.0f %12.0f %10.1f %8.1f\n", name, static_cast<long long>(cases),
                best * 1e3, best_cpu * 1e3, static_cast<unsigned long long>(r.task_instances),
                static_cast<double>(r.task_instances) / best_cpu, static_cast<double>(r.events) / best_cpu, r.cycle_s.mean,
                static_cast<double>(ru.ru_maxrss) / 1024.0);
  }
  return 0;
}
