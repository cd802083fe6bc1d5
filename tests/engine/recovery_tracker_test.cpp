#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include "faultline/engine/model/recovery_tracker.hpp"

using namespace faultline::engine;

// All scenarios use W = 60 s, threshold 99 % and 10 requests per second at
// s + 0.0, s + 0.1, ..., s + 0.9. With a pre-incident ratio of 1, a window of 600
// requests is good iff it holds at most 6 failures (594 / 600 = 0.99). The
// window evaluated at second b is [b - 60, b); the RTO is (last bad b + 1) - F.

namespace {

// Feeds 10 requests per second for seconds [from_s, to_s); `ok(t_ms)` says whether a request succeeds.
void feed(RecoveryTracker& tracker, std::int64_t from_s, std::int64_t to_s,
          const std::function<bool(std::int64_t)>& ok) {
  for (std::int64_t s = from_s; s < to_s; ++s) {
    for (std::int64_t j = 0; j < 10; ++j) {
      const std::int64_t t_ms = s * 1000 + j * 100;
      tracker.record(kSimStart + millis(t_ms), ok(t_ms) ? 1 : 0, 1);
    }
  }
}

bool all_ok(std::int64_t) { return true; }
bool all_fail(std::int64_t) { return false; }

}  // namespace

TEST_CASE("RTO of a clean outage is its length plus the window", "[engine][metrics][rto]") {
  // Outage [100, 130): the window [b - 60, b) holds 10 failures or more until
  // b = 189 ([129, 189)); at b = 190 it holds none. T = 190, RTO = 190 - 100 = 90 s.
  RecoveryTracker tracker;
  feed(tracker, 0, 100, all_ok);
  const std::size_t id = tracker.begin_incident(kSimStart + seconds(100), "region-outage eastus2");
  feed(tracker, 100, 130, all_fail);
  tracker.mark_detected(id, kSimStart + seconds(115));
  tracker.mark_switched(id, kSimStart + seconds(140));
  feed(tracker, 130, 600, all_ok);
  tracker.mark_detected(id, kSimStart + seconds(200));  // a later detection does not count
  tracker.mark_full_capacity(id, kSimStart + millis(400500));
  tracker.set_runbook_critical_path(id, seconds(25));
  tracker.finish(kSimStart + seconds(600));

  const auto results = tracker.results();
  REQUIRE(results.size() == 1);
  const IncidentResult& r = results[0];
  CHECK(r.fault == "region-outage eastus2");
  CHECK(r.start_s == 100.0);
  CHECK(r.rto_s == 90.0);
  CHECK(r.recovered);
  CHECK(r.pre_incident_ratio == 1.0);
  CHECK(r.detect_s == 15.0);
  CHECK(r.switch_s == 40.0);
  CHECK(r.full_capacity_s == 300.5);
  CHECK(r.runbook_s == 25.0);
  CHECK_FALSE(r.rpo_s.has_value());
  CHECK(r.lost_writes == 0);
  CHECK(tracker.incidents()[0].recovered_at == kSimStart + seconds(190));
  CHECK(tracker.incidents()[0].end == kSimStart + seconds(600));
}

TEST_CASE("a fault starting inside a second counts from its exact start", "[engine][metrics][rto]") {
  // F = 100.5 s, failures at [100.5, 130.5): seconds 100 and 130 hold 5 failures
  // each. b = 189: [129, 189) holds 10 + 5 = 15 failures, bad. b = 190: [130, 190)
  // holds 5 <= 6, good. T = 190, RTO = 190 - 100.5 = 89.5 s.
  RecoveryTracker tracker;
  feed(tracker, 0, 100, all_ok);
  tracker.begin_incident(kSimStart + millis(100500), "gray");
  feed(tracker, 100, 600, [](std::int64_t t_ms) { return t_ms < 100500 || t_ms >= 130500; });
  tracker.finish(kSimStart + seconds(600));
  CHECK(tracker.results()[0].rto_s == 89.5);
  CHECK(tracker.results()[0].recovered);
}

TEST_CASE("a degradation that stays above the threshold has RTO 0", "[engine][metrics][rto]") {
  // From F = 100 the first request of every 20th second fails: a 60 s window
  // holds at most 3 failures, 597 / 600 = 0.995 >= 0.99: every boundary is good.
  auto one_in_200 = [](std::int64_t t_ms) { return t_ms < 100000 || t_ms % 20000 != 0; };
  SECTION("threshold 99 %: recovered at once") {
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "gpu-capacity-loss");
    feed(tracker, 100, 600, one_in_200);
    tracker.finish(kSimStart + seconds(600));
    CHECK(tracker.results()[0].rto_s == 0.0);
    CHECK(tracker.results()[0].recovered);
  }
  SECTION("threshold 99.9 %: 599.4 successes needed, so any failure in the window is bad") {
    // Failures at 100, 120, ..., 580: the last window [540, 600) holds three, so
    // the last boundary (600) is bad: not recovered, RTO = 600 - 100 = 500 s.
    RecoveryTracker tracker(RecoveryConfig{seconds(60), 0.999});
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "gpu-capacity-loss");
    feed(tracker, 100, 600, one_in_200);
    tracker.finish(kSimStart + seconds(600));
    CHECK(tracker.results()[0].rto_s == 500.0);
    CHECK_FALSE(tracker.results()[0].recovered);
  }
}

TEST_CASE("down, degraded and failed-request-weighted downtime", "[engine][metrics][downtime]") {
  // The incident evaluates boundaries b = 101 .. 600 (F = 100, run end 600).
  SECTION("a clean outage is down, never degraded") {
    // Outage [100, 130): windows [b - 60, b) hold a whole failed second (10 failures > 6) for
    // b = 101 .. 189: 89 s down; every later window holds no failure: 0 s degraded.
    // Weighted: seconds 100 .. 129 failed entirely: 30 x 10/10 = 30 s.
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "outage");
    feed(tracker, 100, 130, all_fail);
    feed(tracker, 130, 600, all_ok);
    tracker.finish(kSimStart + seconds(600));
    const std::vector<IncidentResult> results = tracker.results();  // owned: results() returns by value
    const IncidentResult& r = results[0];
    CHECK(r.rto_s == 90.0);
    CHECK(r.downtime_s == 89.0);
    CHECK(r.degraded_s == 0.0);
    CHECK(r.downtime_weighted_s == 30.0);
  }
  SECTION("0.5 % failures: no downtime, degraded throughout") {
    // One request in 200 fails (seconds 100, 120, ..., 580, one of 10 each): every window of b = 101 .. 600
    // holds 1 to 3 failures (good: at most 6) but is below the pre-incident ratio 1: 500 s degraded, 0 s down.
    // Weighted: 25 seconds x 1/10 = 2.5 s.
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "zone");
    feed(tracker, 100, 600, [](std::int64_t t_ms) { return t_ms % 20000 != 0; });
    tracker.finish(kSimStart + seconds(600));
    const std::vector<IncidentResult> results = tracker.results();  // owned: results() returns by value
    const IncidentResult& r = results[0];
    CHECK(r.rto_s == 0.0);
    CHECK(r.downtime_s == 0.0);
    CHECK(r.degraded_s == 500.0);
    CHECK(r.downtime_weighted_s == Approx(2.5).epsilon(1e-12));
  }
}

TEST_CASE("recovery followed by a relapse before the next fault", "[engine][metrics][rto]") {
  // Outage [100, 130) would recover at 190, but failures come back in [250, 255):
  // b = 251 .. 314 see them ([254, 314) still holds second 254's 10 failures);
  // b = 315 sees [255, 315), clean. T = 315, RTO = 215 s.
  RecoveryTracker tracker;
  feed(tracker, 0, 100, all_ok);
  tracker.begin_incident(kSimStart + seconds(100), "region-outage");
  feed(tracker, 100, 600,
       [](std::int64_t t_ms) { return !((t_ms >= 100000 && t_ms < 130000) || (t_ms >= 250000 && t_ms < 255000)); });
  tracker.finish(kSimStart + seconds(600));
  CHECK(tracker.results()[0].rto_s == 215.0);
  CHECK(tracker.results()[0].recovered);
}

TEST_CASE("windows without traffic are no evidence of failure", "[engine][metrics][rto]") {
  SECTION("failures then silence: recovered once the failures leave the window") {
    // Failures [100, 110), no traffic [110, 300), then healthy. b = 169: [109, 169)
    // holds only second 109's 10 failures, ratio 0, bad. b = 170: [110, 170) is
    // empty, good, and so is every later one. T = 170, RTO = 70 s.
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "dns");
    feed(tracker, 100, 110, all_fail);
    feed(tracker, 300, 400, all_ok);
    tracker.finish(kSimStart + seconds(400));
    CHECK(tracker.results()[0].rto_s == 70.0);
    CHECK(tracker.results()[0].recovered);
  }
  SECTION("no traffic before the fault: the pre-incident ratio is 1") {
    // Only failures [500, 505): recovered at 505 + 60 = 565, RTO 65 s.
    RecoveryTracker tracker;
    tracker.begin_incident(kSimStart + seconds(500), "dns");
    feed(tracker, 500, 505, all_fail);
    tracker.finish(kSimStart + seconds(1000));
    CHECK(tracker.results()[0].pre_incident_ratio == 1.0);
    CHECK(tracker.results()[0].rto_s == 65.0);
  }
  SECTION("no traffic at all: recovered at once") {
    RecoveryTracker tracker;
    tracker.begin_incident(kSimStart + seconds(10), "quiet");
    tracker.finish(kSimStart + seconds(100));
    CHECK(tracker.results()[0].rto_s == 0.0);
    CHECK(tracker.results()[0].recovered);
  }
}

TEST_CASE("the pre-incident ratio sets the bar", "[engine][metrics][rto]") {
  // Before and after the fault the first request of every even second fails:
  // window [40, 100) holds 30 failures, pre-incident ratio 570 / 600 = 0.95, bar
  // 0.99 * 0.95 * 600 = 564.3 successes (<= 35 failures). Outage [100, 110).
  // b = 169: [109, 169) holds 10 (second 109) + 30 (even seconds 110..168) = 40,
  // bad. b = 170: [110, 170) holds 30, good. T = 170, RTO = 70 s. (Against a bar
  // of 1.0 the steady 5 % failures would never count as recovered.)
  RecoveryTracker tracker;
  auto base = [](std::int64_t t_ms) { return !(t_ms % 2000 == 0); };
  feed(tracker, 0, 100, base);
  tracker.begin_incident(kSimStart + seconds(100), "zone-outage");
  feed(tracker, 100, 600, [&](std::int64_t t_ms) { return t_ms >= 110000 && base(t_ms); });
  tracker.finish(kSimStart + seconds(600));
  CHECK(tracker.results()[0].pre_incident_ratio == 570.0 / 600.0);
  CHECK(tracker.results()[0].rto_s == 70.0);
  CHECK(tracker.results()[0].recovered);
}

TEST_CASE("an incident that never recovers", "[engine][metrics][rto]") {
  // Failing from 100 s to the run end at 600 s: RTO = 600 - 100 = 500 s, not recovered.
  RecoveryTracker tracker;
  feed(tracker, 0, 100, all_ok);
  tracker.begin_incident(kSimStart + seconds(100), "region-outage");
  feed(tracker, 100, 600, all_fail);
  tracker.finish(kSimStart + seconds(600));
  CHECK(tracker.results()[0].rto_s == 500.0);
  CHECK_FALSE(tracker.results()[0].recovered);
  CHECK_FALSE(tracker.results()[0].detect_s.has_value());
}

TEST_CASE("two faults", "[engine][metrics][rto]") {
  SECTION("apart: each measured until the next fault or the end") {
    // A: outage [100, 130) -> T = 190, RTO 90. B at 400: window [340, 400) is
    // clean (ratio 1), outage [400, 410) -> T = 470, RTO 70.
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "A");
    feed(tracker, 100, 400, [](std::int64_t t_ms) { return t_ms >= 130000; });
    const std::size_t b = tracker.begin_incident(kSimStart + seconds(400), "B");
    feed(tracker, 400, 1000, [](std::int64_t t_ms) { return t_ms >= 410000; });
    tracker.mark_detected(b, kSimStart + seconds(405));
    tracker.finish(kSimStart + seconds(1000));
    const auto r = tracker.results();
    REQUIRE(r.size() == 2);
    CHECK(r[0].rto_s == 90.0);
    CHECK(r[0].recovered);
    CHECK(r[1].start_s == 400.0);
    CHECK(r[1].rto_s == 70.0);
    CHECK(r[1].recovered);
    CHECK(r[1].detect_s == 5.0);
    CHECK_FALSE(r[0].detect_s.has_value());
    CHECK_FALSE(tracker.incidents()[1].is_baseline_inherited);
  }
  SECTION("overlapping: the first ends unrecovered at the second's start") {
    // A: outage [100, 130); B at 150 with failures [150, 160). A's boundaries
    // 101..150 are all bad: not recovered, RTO = 150 - 100 = 50 s. B inherits
    // A's pre-incident ratio (1.0); its last failures are in second 159, so
    // T = 220 and RTO = 70 s.
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "A");
    feed(tracker, 100, 150, [](std::int64_t t_ms) { return t_ms >= 130000; });
    tracker.begin_incident(kSimStart + seconds(150), "B");
    feed(tracker, 150, 600, [](std::int64_t t_ms) { return t_ms >= 160000; });
    tracker.finish(kSimStart + seconds(600));
    const auto r = tracker.results();
    REQUIRE(r.size() == 2);
    CHECK(r[0].rto_s == 50.0);
    CHECK_FALSE(r[0].recovered);
    CHECK(r[1].rto_s == 70.0);
    CHECK(r[1].recovered);
    CHECK(tracker.incidents()[1].is_baseline_inherited);
    CHECK(r[1].pre_incident_ratio == 1.0);
  }
}

TEST_CASE("two faults close together: the second inherits the first's ratio, or both start in one second",
          "[engine][metrics][rto]") {
  SECTION("recovered but close: the second inherits the first's ratio") {
    // A: outage [100, 110), then the first request of every 20th second fails
    // (3 per window, 597 / 600 >= 0.99). b = 169 sees second 109, bad; b = 170
    // sees [110, 170) with failures at 120, 140, 160, good: T = 170, RTO 70.
    // B at 200: its window [140, 200) starts before A's T = 170, so it inherits
    // A's ratio 1.0 instead of the measured 597 / 600.
    RecoveryTracker tracker;
    auto after_outage = [](std::int64_t t_ms) { return t_ms >= 110000 && t_ms % 20000 != 0; };
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + seconds(100), "A");
    feed(tracker, 100, 200, after_outage);
    tracker.begin_incident(kSimStart + seconds(200), "B");
    feed(tracker, 200, 300, after_outage);
    // C at 300: window [240, 300) is clear of A (T = 170) and B starts at 200 < 240,
    // but B's T = 200 (never bad), so C measures 597 / 600 (failures at 240, 260, 280).
    tracker.begin_incident(kSimStart + seconds(300), "C");
    tracker.finish(kSimStart + seconds(400));
    CHECK(tracker.results()[0].rto_s == 70.0);
    CHECK(tracker.incidents()[1].is_baseline_inherited);
    CHECK(tracker.results()[1].pre_incident_ratio == 1.0);
    CHECK(tracker.results()[1].rto_s == 0.0);
    CHECK_FALSE(tracker.incidents()[2].is_baseline_inherited);
    CHECK(tracker.results()[2].pre_incident_ratio == 597.0 / 600.0);
  }
  SECTION("in the same second: the first has no evaluation and does not count as recovered") {
    RecoveryTracker tracker;
    feed(tracker, 0, 100, all_ok);
    tracker.begin_incident(kSimStart + millis(100200), "A");
    tracker.begin_incident(kSimStart + millis(100700), "B");
    feed(tracker, 100, 200, all_ok);
    tracker.finish(kSimStart + seconds(200));
    const auto r = tracker.results();
    CHECK_FALSE(r[0].recovered);
    CHECK(r[0].rto_s == 0.5);
    CHECK(r[1].recovered);
    CHECK(r[1].rto_s == 0.0);
  }
}

TEST_CASE("recovery tracker refuses misuse", "[engine][metrics][rto]") {
  RecoveryTracker tracker;
  feed(tracker, 0, 10, all_ok);
  SECTION("bad configuration") {
    CHECK_THROWS_AS(RecoveryTracker(RecoveryConfig{seconds(60), 0.0}), std::invalid_argument);
    CHECK_THROWS_AS(RecoveryTracker(RecoveryConfig{seconds(60), 1.5}), std::invalid_argument);
    CHECK_THROWS_AS(RecoveryTracker(RecoveryConfig{millis(500), 0.99}), std::invalid_argument);
  }
  SECTION("a fault before outcomes already recorded") {
    CHECK_THROWS_AS(tracker.begin_incident(kSimStart + seconds(5), "late"), std::logic_error);
  }
  SECTION("marks before the fault or on unknown incidents") {
    const std::size_t id = tracker.begin_incident(kSimStart + seconds(10), "A");
    CHECK_THROWS_AS(tracker.mark_detected(id, kSimStart + seconds(9)), std::invalid_argument);
    CHECK_THROWS_AS(tracker.mark_switched(id + 1, kSimStart + seconds(11)), std::out_of_range);
    CHECK_THROWS_AS(tracker.set_runbook_critical_path(id, seconds(-1)), std::invalid_argument);
  }
  SECTION("results before finish, records after finish") {
    CHECK_THROWS_AS(tracker.results(), std::logic_error);
    tracker.finish(kSimStart + seconds(20));
    CHECK_THROWS_AS(tracker.record(kSimStart + seconds(15), 1, 1), std::logic_error);
    CHECK_THROWS_AS(tracker.finish(kSimStart + seconds(30)), std::logic_error);
    CHECK(tracker.results().empty());
  }
}
