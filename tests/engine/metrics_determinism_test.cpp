#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "faultline/engine/model/availability_counter.hpp"
#include "faultline/engine/model/bucketed_series.hpp"
#include "faultline/engine/model/quantile_sketch.hpp"
#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/model/recovery_tracker.hpp"

using namespace faultline::engine;

namespace {

// Everything the metrics stack produces for one replication of a synthetic run:
// Poisson arrivals at 50/s for 20 min, lognormal latencies, an outage [300, 420) s
// in which 90 % of requests fail, and a second fault at 900 s.
struct Replication {
  QuantileSketch latency;
  BucketedSeries series{SeriesConfig{seconds(1200), 100, {"primary", "secondary"}}};
  std::vector<IncidentResult> incidents;
  std::uint64_t good = 0;
  std::uint64_t windows_met = 0;
};

Replication run_replication(std::uint64_t seed, std::uint64_t replication) {
  Replication out;
  RandomStream rng(seed, replication, "metrics-determinism");
  RecoveryTracker tracker;
  AvailabilityCounter availability(SloConfig{0.99, millis(500), seconds(60)});
  const SimTime end = kSimStart + seconds(1200);
  bool is_first_fault_started = false;
  bool is_second_fault_started = false;
  for (SimTime t = kSimStart + from_seconds(rng.exponential(0.02)); t < end; t += from_seconds(rng.exponential(0.02))) {
    if (!is_first_fault_started && t >= kSimStart + seconds(300)) {
      tracker.begin_incident(kSimStart + seconds(300), "outage");
      is_first_fault_started = true;
    }
    if (!is_second_fault_started && t >= kSimStart + seconds(900)) {
      tracker.begin_incident(kSimStart + seconds(900), "blip");
      is_second_fault_started = true;
    }
    const bool is_outage = t >= kSimStart + seconds(300) && t < kSimStart + seconds(420);
    const bool is_success = !(is_outage && rng.bernoulli(0.9));
    const SimDuration latency = micros(static_cast<std::int64_t>(rng.lognormal(11.5, 0.6)));
    tracker.record(t, is_success ? 1 : 0, 1);
    availability.record(t, is_success, latency);
    if (is_success) out.latency.record(latency.count());
    out.series.record_request(t, is_success, latency, is_outage ? 1 : 0);
  }
  tracker.finish(end);
  availability.finish(end);
  out.series.finish();
  out.incidents = tracker.results();
  out.good = availability.good();
  out.windows_met = availability.windows_met();
  return out;
}

}  // namespace

TEST_CASE("metrics are deterministic and merge independently of order", "[engine][metrics][determinism]") {
  std::vector<Replication> reps;
  for (std::uint64_t r = 0; r < 4; ++r) reps.push_back(run_replication(42, r));

  SECTION("recording the same stream twice gives identical results") {
    const Replication again = run_replication(42, 2);
    CHECK(again.latency == reps[2].latency);
    CHECK(again.series == reps[2].series);
    CHECK(again.series.result() == reps[2].series.result());
    CHECK(again.incidents == reps[2].incidents);
    CHECK(again.good == reps[2].good);
    CHECK(again.windows_met == reps[2].windows_met);
    // The outage must show: a non-zero RTO, recovered before the second fault.
    REQUIRE(again.incidents.size() == 2);
    CHECK(again.incidents[0].rto_s > 120.0);
    CHECK(again.incidents[0].recovered);
  }
  SECTION("different replications differ") { CHECK_FALSE(reps[0].latency == reps[1].latency); }
  SECTION("merging in different orders gives identical sketches and series") {
    QuantileSketch forward;
    BucketedSeries series_forward = reps[0].series;
    forward.merge(reps[0].latency);
    for (std::size_t i = 1; i < 4; ++i) {
      forward.merge(reps[i].latency);
      series_forward.merge(reps[i].series);
    }
    // Order 3, 1, 0, 2 and a tree (0 + 2) + (3 + 1), as threads might combine them.
    QuantileSketch shuffled = reps[3].latency;
    BucketedSeries series_shuffled = reps[3].series;
    for (std::size_t i : {1U, 0U, 2U}) {
      shuffled.merge(reps[i].latency);
      series_shuffled.merge(reps[i].series);
    }
    QuantileSketch left = reps[0].latency;
    left.merge(reps[2].latency);
    QuantileSketch right = reps[3].latency;
    right.merge(reps[1].latency);
    right.merge(left);
    CHECK(forward == shuffled);
    CHECK(forward == right);
    CHECK(forward.quantile(0.99) == right.quantile(0.99));
    CHECK(series_forward == series_shuffled);
    CHECK(series_forward.result() == series_shuffled.result());
    CHECK(forward.count() ==
          reps[0].latency.count() + reps[1].latency.count() + reps[2].latency.count() + reps[3].latency.count());
  }
}
