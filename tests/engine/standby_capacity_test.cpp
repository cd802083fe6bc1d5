#include <catch2/catch.hpp>

#include "faultline/engine/kernel/sim_time.hpp"
#include "model/standby_capacity.hpp"

using namespace faultline::engine;

// A hot-warm standby held at a quarter of its reserved capacity: the scale-up starts at 10 s and
// ramps linearly to full size over 100 s (full at 110 s); caches stay cold for 50 s more (to 160 s).
namespace {

PatternSpec warm_pattern() {
  PatternSpec p;
  p.standby_fraction = 0.25;
  p.time_to_capacity = seconds(100);
  p.warmup = seconds(50);
  p.cold_cache_latency = millis(200);
  return p;
}

}  // namespace

TEST_CASE("standby capacity factor ramps from the standby fraction to full size") {
  const PatternSpec pattern = warm_pattern();
  StandbyCapacity standby(pattern);

  SECTION("a primary region and a warm pay-per-token standby are always at full size") {
    CHECK(standby.capacity_factor(true, false, kSimStart) == 1.0);
    CHECK(standby.capacity_factor(false, true, kSimStart) == 1.0);  // fraction 0.25 > 0: quota exists whole
  }
  SECTION("reserved standby capacity is held at the fraction until the scale-up starts") {
    CHECK_FALSE(standby.is_failing_over());
    CHECK(standby.capacity_factor(false, false, kSimStart + seconds(500)) == 0.25);
    standby.set_scale_up_at(kSimStart + seconds(10));
    CHECK(standby.is_failing_over());
    CHECK(standby.scale_up_at() == kSimStart + seconds(10));
    CHECK(standby.capacity_factor(false, false, kSimStart + seconds(5)) == 0.25);  // before 10 s
  }
  SECTION("after the scale-up starts the factor is linear in time, capped at 1") {
    standby.set_scale_up_at(kSimStart + seconds(10));
    // 60 s: progress (60 - 10) / 100 = 0.5, factor 0.25 + 0.75 x 0.5 = 0.625.
    CHECK(standby.capacity_factor(false, false, kSimStart + seconds(60)) == 0.625);
    // 110 s: progress 1, factor 1; 500 s: progress 4.9 capped at 1.
    CHECK(standby.capacity_factor(false, false, kSimStart + seconds(110)) == 1.0);
    CHECK(standby.capacity_factor(false, false, kSimStart + seconds(500)) == 1.0);
  }
  SECTION("with no time to capacity the standby is full as soon as the scale-up starts") {
    PatternSpec instant = pattern;
    instant.time_to_capacity = SimDuration{0};
    StandbyCapacity s(instant);
    s.set_scale_up_at(kSimStart + seconds(10));
    CHECK(s.capacity_factor(false, false, kSimStart + seconds(10)) == 1.0);
  }
  SECTION("a cold standby holds even pay-per-token capacity at 0") {
    PatternSpec cold = pattern;
    cold.standby_fraction = 0;
    StandbyCapacity s(cold);
    CHECK(s.capacity_factor(false, true, kSimStart) == 0.0);
    s.set_scale_up_at(kSimStart + seconds(10));
    // 35 s: progress 25 / 100 = 0.25, factor 0 + 1 x 0.25.
    CHECK(s.capacity_factor(false, true, kSimStart + seconds(35)) == 0.25);
  }
  SECTION("a reset (failback complete) returns the standby to its fraction") {
    standby.set_scale_up_at(kSimStart + seconds(10));
    standby.reset();
    CHECK_FALSE(standby.is_failing_over());
    CHECK(standby.capacity_factor(false, false, kSimStart + seconds(500)) == 0.25);
  }
}

TEST_CASE("standby capacity is reduced when cold, or warm with reserved capacity") {
  PatternSpec pattern = warm_pattern();
  SECTION("warm: reduced exactly when some standby deployment is reserved or lost its quota") {
    const StandbyCapacity standby(pattern);
    CHECK(standby.is_reduced(true));
    CHECK_FALSE(standby.is_reduced(false));
  }
  SECTION("hot (fraction 1): never reduced") {
    pattern.standby_fraction = 1.0;
    const StandbyCapacity standby(pattern);
    CHECK_FALSE(standby.is_reduced(true));
  }
  SECTION("cold (fraction 0): always reduced, nothing is deployed") {
    pattern.standby_fraction = 0;
    const StandbyCapacity standby(pattern);
    CHECK(standby.is_reduced(false));
  }
}

TEST_CASE("standby caches are cold from the scale-up until warm") {
  PatternSpec pattern = warm_pattern();
  StandbyCapacity standby(pattern);
  SECTION("without a warm_gpu_caches step: cold over [10 s, 10 + 100 + 50 = 160 s)") {
    CHECK_FALSE(standby.is_warming(false, kSimStart + seconds(20)));  // no scale-up yet
    standby.set_scale_up_at(kSimStart + seconds(10));
    CHECK_FALSE(standby.is_warming(true, kSimStart + seconds(20)));  // primary regions never warm up
    CHECK_FALSE(standby.is_warming(false, kSimStart + seconds(10) - micros(1)));
    CHECK(standby.is_warming(false, kSimStart + seconds(10)));
    CHECK(standby.is_warming(false, kSimStart + seconds(160) - micros(1)));
    CHECK_FALSE(standby.is_warming(false, kSimStart + seconds(160)));
  }
  SECTION("the runbook's warm_gpu_caches step ending at 30 s ends the warm-up there") {
    standby.set_scale_up_at(kSimStart + seconds(10));
    standby.set_caches_warm_at(kSimStart + seconds(30));
    CHECK(standby.is_warming(false, kSimStart + seconds(30) - micros(1)));
    CHECK_FALSE(standby.is_warming(false, kSimStart + seconds(30)));
  }
  SECTION("no cold-cache latency: never warming") {
    pattern.cold_cache_latency = SimDuration{0};
    StandbyCapacity s(pattern);
    s.set_scale_up_at(kSimStart + seconds(10));
    CHECK_FALSE(s.is_warming(false, kSimStart + seconds(20)));
  }
}
