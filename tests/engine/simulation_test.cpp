#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include "faultline/engine/kernel/binary_heap.hpp"
#include "faultline/engine/kernel/simulation.hpp"

using namespace faultline::engine;

namespace {

struct Log {
  std::vector<int> ids;
  std::vector<std::int64_t> times;
};

template <typename Sim>
void record(Sim& sim, Log& log, SimTime t, int id) {
  sim.schedule_at(t, [&sim, &log, id] {
    log.ids.push_back(id);
    log.times.push_back(sim.now().time_since_epoch().count());
  });
}

// A small model whose trace depends on the random streams and on event order:
// 50 pending timers, each reschedules itself after Exp(1 s) and cancels a random
// other timer's next firing every tenth step.
struct ChurnModel {
  Simulation sim;
  RandomStream rng;
  std::vector<EventId> timers;
  std::vector<std::int64_t> trace;

  explicit ChurnModel(std::uint64_t seed) : sim(seed, 3), rng(sim.stream("churn")), timers(50) {
    for (std::size_t i = 0; i < timers.size(); ++i) arm(i);
  }
  void arm(std::size_t i) {
    timers[i] = sim.schedule_after(from_seconds(rng.exponential(1.0)), [this, i] { fire(i); });
  }
  void fire(std::size_t i) {
    trace.push_back(sim.now().time_since_epoch().count() * 64 + static_cast<std::int64_t>(i));
    if (trace.size() % 10 == 0) {
      const auto victim = static_cast<std::size_t>(rng.uniform_index(timers.size()));
      if (sim.cancel(timers[victim])) arm(victim);
    }
    arm(i);
  }
};

std::vector<std::int64_t> churn_trace(std::uint64_t seed) {
  ChurnModel model(seed);
  model.sim.run_until(kSimStart + seconds(200));
  return model.trace;
}

}  // namespace

TEMPLATE_TEST_CASE("events run in time order, ties in scheduling order", "[engine][simulation]", QuaternaryHeap,
                   BinaryHeap) {
  BasicSimulation<TestType> sim;
  Log log;
  SECTION("equal times keep the order they were scheduled in") {
    record(sim, log, at_micros(10), 1);
    record(sim, log, at_micros(5), 2);
    record(sim, log, at_micros(10), 3);
    record(sim, log, at_micros(5), 4);
    record(sim, log, at_micros(10), 5);
    CHECK(sim.run() == 5);
    CHECK(log.ids == std::vector<int>{2, 4, 1, 3, 5});
    CHECK(log.times == std::vector<std::int64_t>{5, 5, 10, 10, 10});
    CHECK(sim.now() == at_micros(10));
  }
  SECTION("an event scheduled from a callback at the same time runs after those already pending") {
    sim.schedule_at(at_micros(7), [&sim, &log] {
      log.ids.push_back(1);
      sim.schedule_after(micros(0), [&log] { log.ids.push_back(3); });
    });
    record(sim, log, at_micros(7), 2);
    sim.run();
    CHECK(log.ids == std::vector<int>{1, 2, 3});
  }
  SECTION("scheduling in the past or with a negative delay is rejected") {
    sim.run_until(at_micros(100));
    CHECK_THROWS_AS(sim.schedule_at(at_micros(99), [] {}), std::invalid_argument);
    CHECK_THROWS_AS(sim.schedule_after(micros(-1), [] {}), std::invalid_argument);
    CHECK_NOTHROW(sim.schedule_at(at_micros(100), [] {}));
  }
}

TEST_CASE("cancel is O(1) and exact", "[engine][simulation]") {
  Simulation sim;
  Log log;
  SECTION("a cancelled event never runs and cancel reports whether it was pending") {
    record(sim, log, at_micros(1), 1);
    EventId id = sim.schedule_at(at_micros(2), [&log] { log.ids.push_back(2); });
    record(sim, log, at_micros(3), 3);
    CHECK(sim.is_pending(id));
    CHECK(sim.pending() == 3);
    CHECK(sim.cancel(id));
    CHECK_FALSE(sim.is_pending(id));
    CHECK_FALSE(sim.cancel(id));
    CHECK(sim.pending() == 2);
    CHECK(sim.run() == 2);
    CHECK(log.ids == std::vector<int>{1, 3});
  }
  SECTION("an event that already ran cannot be cancelled, and its slot reuse is not confused") {
    EventId first = sim.schedule_at(at_micros(1), [] {});
    sim.run();
    EventId second = sim.schedule_at(at_micros(2), [&log] { log.ids.push_back(2); });
    CHECK_FALSE(sim.cancel(first));
    CHECK(sim.is_pending(second));
    sim.run();
    CHECK(log.ids == std::vector<int>{2});
  }
  SECTION("the default EventId names no event") { CHECK_FALSE(sim.cancel(EventId{})); }
  SECTION("an event can cancel a later one at the same time") {
    EventId later{};
    sim.schedule_at(at_micros(5), [&sim, &later, &log] {
      log.ids.push_back(1);
      CHECK(sim.cancel(later));
    });
    later = sim.schedule_at(at_micros(5), [&log] { log.ids.push_back(2); });
    record(sim, log, at_micros(5), 3);
    sim.run();
    CHECK(log.ids == std::vector<int>{1, 3});
  }
  SECTION("mass cancellation compacts the queue and keeps the survivors in order") {
    std::vector<EventId> ids;
    for (int i = 0; i < 20000; ++i) {
      ids.push_back(sim.schedule_at(at_micros(20000 - i), [&log, i] { log.ids.push_back(i); }));
    }
    for (int i = 0; i < 20000; ++i) {
      if (i % 100 != 0) CHECK(sim.cancel(ids[static_cast<std::size_t>(i)]));
    }
    CHECK(sim.pending() == 200);
    CHECK(sim.run() == 200);
    REQUIRE(log.ids.size() == 200);
    CHECK(log.ids.front() == 19900);
    CHECK(log.ids.back() == 0);
  }
}

TEST_CASE("run_until stops at the boundary inclusive and advances the clock", "[engine][simulation]") {
  Simulation sim;
  Log log;
  record(sim, log, at_micros(10), 1);
  record(sim, log, at_micros(20), 2);
  record(sim, log, at_micros(21), 3);
  SECTION("events at exactly the end time run; later ones wait") {
    CHECK(sim.run_until(at_micros(20)) == 2);
    CHECK(log.ids == std::vector<int>{1, 2});
    CHECK(sim.now() == at_micros(20));
    CHECK(sim.pending() == 1);
  }
  SECTION("the clock moves to the end time even without events there") {
    CHECK(sim.run_until(at_micros(15)) == 1);
    CHECK(sim.now() == at_micros(15));
    CHECK(sim.run_until(at_micros(100)) == 2);
    CHECK(sim.now() == at_micros(100));
    CHECK(sim.events_executed() == 3);
  }
  SECTION("stop() from a callback returns after that event without advancing to the end") {
    sim.schedule_at(at_micros(15), [&sim] { sim.stop(); });
    CHECK(sim.run_until(at_micros(100)) == 2);
    CHECK(sim.now() == at_micros(15));
    CHECK(sim.run_until(at_micros(100)) == 2);
    CHECK(log.ids == std::vector<int>{1, 2, 3});
  }
  SECTION("run() from inside an event is refused") {
    sim.schedule_at(at_micros(11), [&sim] { sim.run(); });
    CHECK_THROWS_AS(sim.run(), std::logic_error);
    CHECK(sim.now() == at_micros(11));
    CHECK(sim.run() == 2);
  }
}

TEST_CASE("simulations are independent: two threads give the results of one after the other",
          "[engine][simulation][threads]") {
  const std::vector<std::int64_t> a_sequential = churn_trace(1);
  const std::vector<std::int64_t> b_sequential = churn_trace(2);
  REQUIRE(a_sequential.size() > 5000);
  CHECK(a_sequential != b_sequential);
  CHECK(churn_trace(1) == a_sequential);

  std::vector<std::int64_t> a_thread;
  std::vector<std::int64_t> b_thread;
  std::thread ta([&] { a_thread = churn_trace(1); });
  std::thread tb([&] { b_thread = churn_trace(2); });
  ta.join();
  tb.join();
  CHECK(a_thread == a_sequential);
  CHECK(b_thread == b_sequential);
}
