#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>

#include "faultline/engine/model/bucketed_series.hpp"

using namespace faultline::engine;

namespace {
SimTime at_ms(std::int64_t ms) { return kSimStart + millis(ms); }
constexpr std::size_t kEast = 0;
constexpr std::size_t kWest = 1;
}  // namespace

TEST_CASE("bucket width is chosen from the run length", "[engine][metrics][series]") {
  // Smallest whole w with ceil(run / w) <= 1440.
  CHECK(BucketedSeries::bucket_width_for(seconds(3600), 1440) == seconds(3));    // ceil(3600 / 1440) = 3
  CHECK(BucketedSeries::bucket_width_for(seconds(86400), 1440) == seconds(60));  // exactly 60
  CHECK(BucketedSeries::bucket_width_for(seconds(1440), 1440) == seconds(1));
  CHECK(BucketedSeries::bucket_width_for(seconds(1441), 1440) == seconds(2));
  CHECK(BucketedSeries::bucket_width_for(millis(500), 1440) == seconds(1));
  CHECK_THROWS_AS(BucketedSeries::bucket_width_for(seconds(0), 1440), std::invalid_argument);
  CHECK_THROWS_AS(BucketedSeries::bucket_width_for(seconds(10), 0), std::invalid_argument);

  SECTION("the bucket count never exceeds the maximum: memory is flat in run length") {
    CHECK(BucketedSeries(SeriesConfig{seconds(3600), 1440, {}}).bucket_count() == 1200);
    CHECK(BucketedSeries(SeriesConfig{seconds(86400), 1440, {}}).bucket_count() == 1440);
    // One year: w = ceil(31536000 / 1440) = 21900 s, 31536000 / 21900 = 1440 buckets.
    const BucketedSeries year(SeriesConfig{seconds(31'536'000), 1440, {}});
    CHECK(year.bucket_width() == seconds(21900));
    CHECK(year.bucket_count() == 1440);
    CHECK(BucketedSeries(SeriesConfig{seconds(1441), 1440, {}}).bucket_count() == 721);
  }
}

TEST_CASE("bucketed series values", "[engine][metrics][series]") {
  // Run 9 s, at most 5 buckets: w = ceil(9 / 5) = 2 s, buckets [0,2) [2,4) [4,6) [6,8) [8,9).
  BucketedSeries series(SeriesConfig{seconds(9), 5, {"eastus2", "westus"}});
  REQUIRE(series.bucket_count() == 5);
  series.record_request(at_ms(500), true, millis(100), kEast);
  series.record_request(at_ms(1500), false, millis(30000), kEast);  // failures carry no latency
  series.record_request(at_ms(1900), true, millis(300), kWest);
  series.record_request(at_ms(3000), false, millis(0), BucketedSeries::kNoRegion);
  series.record_request(at_ms(12000), true, millis(5), kWest);  // after the run end: last bucket
  series.set_capacity(at_ms(0), kEast, 10);
  series.set_capacity(at_ms(3000), kEast, 4);
  series.record_replication_lag(at_ms(1000), seconds(2));
  series.record_replication_lag(at_ms(1500), seconds(4));
  series.finish();
  const SeriesResult r = series.result();

  SECTION("requests") {
    CHECK(r.bucket_s == 2.0);
    CHECK(r.start_s == std::vector<double>{0, 2, 4, 6, 8});
    CHECK(r.offered == std::vector<std::uint64_t>{3, 1, 0, 0, 1});
    CHECK(r.failed == std::vector<std::uint64_t>{1, 1, 0, 0, 0});
    CHECK(r.success_ratio[0] == 2.0 / 3.0);
    CHECK(r.success_ratio[1] == 0.0);
    CHECK_FALSE(r.success_ratio[2].has_value());
    // Bucket 0 latencies {100, 300} ms: p99 rank ceil(1.98) = 2 -> 300 ms bucket, clamped to the max.
    CHECK(r.p99_latency_ms[0] == 300.0);
    CHECK(r.max_latency_ms[0] == 300.0);
    CHECK_FALSE(r.p99_latency_ms[1].has_value());
    CHECK(r.max_latency_ms[4] == 5.0);
  }
  SECTION("traffic share per region") {
    CHECK(r.regions == std::vector<std::string>{"eastus2", "westus"});
    CHECK(r.traffic_share[kEast][0] == 2.0 / 3.0);
    CHECK(r.traffic_share[kWest][0] == 1.0 / 3.0);
    CHECK(r.traffic_share[kEast][1] == 0.0);  // the unrouted failure counts as offered
    CHECK_FALSE(r.traffic_share[kEast][2].has_value());
    CHECK(r.traffic_share[kWest][4] == 1.0);
  }
  SECTION("capacity is the time-weighted mean level") {
    // East: 10 on [0, 3), 4 from 3 s: bucket [2, 4) = (10 * 1 + 4 * 1) / 2 = 7;
    // the last bucket [8, 9) is averaged over its 1 s. West was never set: 0.
    CHECK(r.capacity[kEast] == std::vector<double>{10, 7, 4, 4, 4});
    CHECK(r.capacity[kWest] == std::vector<double>{0, 0, 0, 0, 0});
  }
  SECTION("replication lag") {
    CHECK(r.replication_lag_mean_s[0] == 3.0);
    CHECK(r.replication_lag_max_s[0] == 4.0);
    CHECK_FALSE(r.replication_lag_mean_s[1].has_value());
  }
  SECTION("no records after finish") {
    CHECK_THROWS_AS(series.record_request(at_ms(100), true, millis(1), kEast), std::logic_error);
    CHECK_THROWS_AS(series.set_capacity(at_ms(8000), kEast, 1), std::logic_error);
  }
}

TEST_CASE("merging series of replications", "[engine][metrics][series]") {
  auto make = [](std::int64_t latency_ms, std::int64_t capacity) {
    BucketedSeries s(SeriesConfig{seconds(4), 2, {"a"}});
    s.set_capacity(at_ms(0), 0, capacity);
    s.record_request(at_ms(100), true, millis(latency_ms), 0);
    s.record_request(at_ms(2100), latency_ms > 50, millis(latency_ms), 0);
    s.record_replication_lag(at_ms(2500), millis(latency_ms));
    s.finish();
    return s;
  };
  const BucketedSeries one = make(10, 8);
  const BucketedSeries two = make(90, 4);
  BucketedSeries ab = one;
  ab.merge(two);
  BucketedSeries ba = two;
  ba.merge(one);
  CHECK(ab == ba);
  const SeriesResult r = ab.result();
  CHECK(r.replications == 2);
  CHECK(r.offered == std::vector<std::uint64_t>{2, 2});
  CHECK(r.failed == std::vector<std::uint64_t>{0, 1});  // the 10 ms replication failed its second request
  CHECK(r.capacity[0] == std::vector<double>{6, 6});    // (8 + 4) / 2 replications
  CHECK(r.max_latency_ms[0] == 90.0);
  CHECK(r.replication_lag_mean_s[1] == 0.05);  // (10 + 90) ms / 2
  CHECK(r.replication_lag_max_s[1] == 0.09);

  SECTION("series of different shapes or unfinished ones do not merge") {
    BucketedSeries other(SeriesConfig{seconds(6), 2, {"a"}});
    other.finish();
    CHECK_THROWS_AS(ab.merge(other), std::invalid_argument);
    BucketedSeries running(SeriesConfig{seconds(4), 2, {"a"}});
    CHECK_THROWS_AS(ab.merge(running), std::logic_error);
  }
}
