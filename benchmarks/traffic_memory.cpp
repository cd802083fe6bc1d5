// Peak memory of one simulation as a function of run length: prints the peak
// resident set size (KiB) after simulating the benchmark scenario for the
// duration given as argument (e.g. "1h", "24h"). benchmarks/traffic-memory
// runs it in two processes and compares.

#include <sys/resource.h>

#include <cstdio>
#include <exception>

#include "bench_scenario.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: faultline_traffic_memory DURATION (e.g. 1h, 24h)\n");
    return 2;
  }
  try {
    const auto scenario = faultline::benchmarks::make_scenario(argv[1], 200, "hot-warm");
    faultline::engine::PatternSimulation simulation(scenario, 0);
    simulation.run();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%s %llu requests, peak RSS %ld KiB\n", argv[1], static_cast<unsigned long long>(simulation.requests()),
                usage.ru_maxrss);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "faultline_traffic_memory: %s\n", e.what());
    return 2;
  }
  return 0;
}
