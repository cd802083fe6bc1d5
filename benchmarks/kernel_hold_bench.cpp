// The hold model (domain-facts.md, performance anchors): N pending events; each
// step pops the minimum at t and pushes one at t + X, X ~ Exp(1 s), in integer
// microseconds. Measured after N warm-up steps. The kernel (with callbacks,
// scheduling-order ties and cancellation support) runs against a bare
// std::priority_queue loop drawing the very same random numbers.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <vector>

#include "faultline/engine/kernel/binary_heap.hpp"
#include "faultline/engine/kernel/simulation.hpp"

namespace {

using namespace faultline::engine;

constexpr std::int64_t kBatch = 10000;  // events per benchmark iteration

std::int64_t draw_us(RandomStream& rng) { return from_seconds(rng.exponential(1.0)).count(); }

void bare_priority_queue(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  RandomStream rng(1, 0, "hold");
  std::vector<std::int64_t> storage;
  storage.reserve(n + 1);
  std::priority_queue<std::int64_t, std::vector<std::int64_t>, std::greater<>> pq(std::greater<>{}, std::move(storage));
  for (std::size_t i = 0; i < n; ++i) pq.push(draw_us(rng));
  auto step = [&] {
    const std::int64_t t = pq.top();
    pq.pop();
    pq.push(t + draw_us(rng));
  };
  for (std::size_t i = 0; i < n; ++i) step();
  for (auto _ : state) {
    for (std::int64_t i = 0; i < kBatch; ++i) step();
  }
  benchmark::DoNotOptimize(pq.top());
  state.SetItemsProcessed(state.iterations() * kBatch);
}

template <typename Queue>
struct HoldModel {
  BasicSimulation<Queue> sim{1, 0};
  RandomStream rng{1, 0, "hold"};
  std::int64_t remaining = 0;

  void fire() {
    sim.schedule_after(micros(draw_us(rng)), [this] { fire(); });
    if (--remaining == 0) sim.stop();
  }
};

template <typename Queue>
void kernel(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  auto model = std::make_unique<HoldModel<Queue>>();
  model->sim.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    model->sim.schedule_after(micros(draw_us(model->rng)), [m = model.get()] { m->fire(); });
  }
  model->remaining = static_cast<std::int64_t>(n);
  model->sim.run();
  for (auto _ : state) {
    model->remaining = kBatch;
    model->sim.run();
  }
  benchmark::DoNotOptimize(model->sim.now());
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void kernel_quaternary(benchmark::State& state) { kernel<QuaternaryHeap>(state); }
void kernel_binary(benchmark::State& state) { kernel<BinaryHeap>(state); }

}  // namespace

BENCHMARK(bare_priority_queue)->Arg(1000)->Arg(10000)->Arg(100000);
BENCHMARK(kernel_quaternary)->Arg(1000)->Arg(10000)->Arg(100000);
BENCHMARK(kernel_binary)->Arg(1000)->Arg(10000)->Arg(100000);

BENCHMARK_MAIN();
