// SPDX-License-Identifier: MIT
// Simulator throughput on the shared benchmark models (never run by CTest): import once, compile once,
// then time one replication of N cases on one thread with full statistics. Prints task instances and
// events per second and the process's peak RSS. Usage: sim_bench [SHARED_DIR] [CASES]
#include "analysis/sim/run.h"
#include "importers/importer.h"

#include <sys/resource.h>

#include <chrono>
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
  std::printf("%-8s %9s %9s %12s %14s %12s %10s %9s\n", "model", "cases", "ms", "tasks", "tasks/s", "events/s",
              "cycle s", "RSS MB");
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
    double best = 1e300;
    analysis::sim::SimulationResult r;
    for (int rep = 0; rep < 3; ++rep) {
      const auto t0 = std::chrono::steady_clock::now();
      r = analysis::sim::simulate(net, o);
      const auto t1 = std::chrono::steady_clock::now();
      best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("%-8s %9lld %9.1f %12llu %14.0f %12.0f %10.1f %9.1f\n", name, static_cast<long long>(cases), best * 1e3,
                static_cast<unsigned long long>(r.task_instances), static_cast<double>(r.task_instances) / best,
                static_cast<double>(r.events) / best, r.cycle_s.mean, static_cast<double>(ru.ru_maxrss) / 1024.0);
  }
  return 0;
}
