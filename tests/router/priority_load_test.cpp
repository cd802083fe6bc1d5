// Envoy priority load and panic (selection.overprovisioning_factor, selection.panic_threshold_percent).
// Expected values derived by hand from Envoy's priority-level docs: health = min(100, 140 x healthy /
// total) (integer), loads given in level order up to what is left, normalized by the total health when
// it is below 100; panic (health ignored) when that total is below 100 and a level's healthy share is
// below 50 %; with every level in panic, loads follow the endpoint counts.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/router/priority_load.hpp"
#include "faultline/router/router.hpp"
#include "recording_observer.hpp"

using namespace faultline::router;
using faultline::router::testing::endpoints_config;
using faultline::router::testing::ms;

namespace {

// Mask of `count` endpoints starting at `first`.
EndpointMask range(std::size_t first, std::size_t count) { return ((EndpointMask{1} << count) - 1) << first; }

}  // namespace

TEST_CASE("priority load: level loads by health with factor 1.4 and panic at 50 %", "[router][priority_load]") {
  struct Row {
    std::vector<std::uint32_t> priorities;  // per endpoint
    EndpointMask healthy;
    std::vector<std::uint32_t> loads;  // per level, percent
    std::vector<bool> panic;
  };
  const std::vector<std::uint32_t> two_by_four = {1, 1, 1, 1, 2, 2, 2, 2};
  const Row rows[] = {
      // all healthy: P0 health min(100, 140) = 100 takes everything
      {two_by_four, range(0, 8), {100, 0}, {false, false}},
      // 3 of 4: 140 x 3 / 4 = 105 -> 100
      {two_by_four, range(1, 7), {100, 0}, {false, false}},
      // 2 of 4: 140 x 2 / 4 = 70; P1 gets the missing 30
      {two_by_four, range(2, 6), {70, 30}, {false, false}},
      // 1 of 4: 35; P1 65
      {two_by_four, range(3, 5), {35, 65}, {false, false}},
      // 1 of 4 in both: 35 + 35 = 70 < 100, both below 50 % healthy: total panic, loads by count 4:4
      {two_by_four, range(3, 1) | range(7, 1), {50, 50}, {true, true}},
      // 0 of 4 and 2 of 4: total health 70 < 100; P0 (0 %) in panic but gets 0; P1 (50 %, not < 50) all
      {two_by_four, range(6, 2), {0, 100}, {true, false}},
      // 2 of 4 and 1 of 4: 70 + 35 = 105 -> normalized 100: no panic, P0 70, P1 30
      {two_by_four, range(2, 2) | range(7, 1), {70, 30}, {false, false}},
      // three levels 1/4, 1/4, 4/4: 35, 35, then 30 left for P2
      {{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3},
       range(3, 1) | range(7, 1) | range(8, 4),
       {35, 35, 30},
       {false, false, false}},
      // 1 of 3: 140 / 3 = 46 (integer); P1 54
      {{1, 1, 1, 2}, range(2, 2), {46, 54}, {false, false}},
  };
  for (const Row& row : rows) {
    PriorityLoad load(PrioritySpillConfig{}, row.priorities);
    load.compute(range(0, row.priorities.size()), row.healthy);
    std::vector<std::uint32_t> loads;
    std::vector<bool> panic;
    for (std::size_t l = 0; l < load.level_count(); ++l) {
      loads.push_back(load.load(l));
      panic.push_back(load.is_panic(l));
    }
    INFO("healthy mask " << row.healthy);
    CHECK(loads == row.loads);
    CHECK(panic == row.panic);
  }
  SECTION("panic_threshold_percent 0 disables panic: 1 of 4 in both levels gives 35 / 65 normalized to 50 / 50") {
    PrioritySpillConfig config;
    config.panic_threshold_percent = 0;
    PriorityLoad load(config, two_by_four);
    load.compute(range(0, 8), range(3, 1) | range(7, 1));
    CHECK(load.load(0) == 50);  // 35 x 100 / 70
    CHECK(load.load(1) == 50);
    CHECK_FALSE(load.is_panic(0));
  }
}

TEST_CASE("priority load in the router: deterministic level sequence and panic routing", "[router][priority_load]") {
  RouterConfig c = endpoints_config(8);
  for (std::size_t i = 4; i < 8; ++i) c.endpoints[i].priority = 2;
  c.selection.spill = PrioritySpillConfig{};
  c.probe = ProbeConfig{};
  c.probe->sample_size = 1;
  c.probe->successful_samples_required = 1;
  auto run = [](Router& router, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
      Request r;
      out += router.endpoint_name(router.pick(r, ms(100 + i)).endpoint) + " ";
    }
    return out;
  };
  SECTION("2 of 4 healthy in P0: P0 70 %, P1 30 %, levels 0 1 0 0 0 1 0 0 1 0 (smooth weighted round-robin)") {
    Router router(c);
    router.report_probe(2, 503, ms(1), ms(1));
    router.report_probe(3, 503, ms(1), ms(1));
    // Inside P0 e0 and e1 alternate; inside P1 e4, e5, e6 in turn.
    CHECK(run(router, 10) == "e0 e4 e1 e0 e1 e5 e0 e1 e6 e0 ");
    CHECK(router.priority_load()->load(0) == 70);
  }
  SECTION("1 of 4 healthy in each level: total panic, 50 / 50, each level over all its endpoints") {
    Router router(c);
    for (std::size_t e : {1, 2, 3, 5, 6, 7}) router.report_probe(e, 503, ms(1), ms(1));
    CHECK(run(router, 8) == "e0 e4 e1 e5 e2 e6 e3 e7 ");
  }
  SECTION("absent keys keep strict priority: 2 of 4 healthy in P0 get everything") {
    c.selection.spill.reset();
    Router router(c);
    router.report_probe(2, 503, ms(1), ms(1));
    router.report_probe(3, 503, ms(1), ms(1));
    CHECK(run(router, 4) == "e0 e1 e0 e1 ");
  }
}

TEST_CASE("priority load: configuration errors name the key", "[router][priority_load]") {
  RouterConfig c = endpoints_config(2);
  c.selection.spill = PrioritySpillConfig{};
  c.selection.spill->overprovisioning_factor = 140;
  auto err = find_config_error(c);
  REQUIRE(err);
  CHECK(err->path == "selection.overprovisioning_factor");
  CHECK(err->message ==
        "overprovisioning_factor must be a number greater than 0 and at most 10 (Envoy's 140 percent "
        "is 1.4 here), got 140");
  c.selection.spill->overprovisioning_factor = 1.4;
  c.selection.spill->panic_threshold_percent = 101;
  err = find_config_error(c);
  REQUIRE(err);
  CHECK(err->path + ": " + err->message ==
        "selection.panic_threshold_percent: panic_threshold_percent must be a percentage from 0 and at most 100, got "
        "101");
}
