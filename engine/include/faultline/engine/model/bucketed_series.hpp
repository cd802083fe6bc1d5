#pragma once
// Time series for reports with memory flat in run length: a fixed number of buckets.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "faultline/engine/model/quantile_sketch.hpp"
#include "faultline/engine/model/series_result.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// Shape of a series: the run it covers and the regions it splits traffic by.
struct SeriesConfig {
  SimDuration run_length = seconds(3600);  ///< the run covers [0, run_length)
  std::size_t max_buckets = 1440;          ///< at most this many buckets (>= 1)
  std::vector<std::string> regions;        ///< region names; a request's region is an index into these
};

/// Bucketed time series of one run (or of several replications merged).
///
/// Bucketing: the width is chosen once, up front, from the run length: the
/// smallest whole number of seconds w with ceil(run_length / w) <= max_buckets,
/// so memory is fixed at construction and flat in run length (never coarsened
/// later). Bucket i covers [i w, (i + 1) w); the last ends at the run end (may be
/// partial). Records at or after the run end go into the last bucket.
///
/// Every value is an integral sum, count, maximum or sketch, so merging
/// replications is exact and independent of order.
/// - requests: offered, succeeded, latency of successful requests (CoarseQuantileSketch,
///   p99 within 6.25 %, exact max), requests per region index;
/// - capacity per region: a piecewise-constant level (set_capacity), reported as
///   its time-weighted mean over the bucket (integral in unit x us);
/// - replication lag: samples, reported as mean and max per bucket.
class BucketedSeries {
 public:
  /// Region index of a request that reached no region (failed before routing).
  static constexpr std::size_t kNoRegion = static_cast<std::size_t>(-1);

  /// A series for `config` (run_length >= 1 us, max_buckets >= 1; else std::invalid_argument).
  explicit BucketedSeries(SeriesConfig config);

  /// Bucket width for a run: smallest whole seconds w with ceil(run_length / w) <= max_buckets.
  static SimDuration bucket_width_for(SimDuration run_length, std::size_t max_buckets);

  /// Counts one request completed at t (>= 0); latency (us) kept for successes; region index or kNoRegion.
  void record_request(SimTime t, bool is_success, SimDuration latency, std::size_t region) {
    Bucket& bucket = buckets_[bucket_for(t)];
    ++bucket.offered;
    if (is_success) {
      ++bucket.succeeded;
      bucket.latency.record(latency.count());
    }
    if (region < region_count_) ++served_[region * bucket_count_ + current_];
  }

  /// Sets region's capacity level (any unit, e.g. concurrent slots) from time t on; t non-decreasing per region.
  void set_capacity(SimTime t, std::size_t region, std::int64_t level);

  /// Adds a replication lag sample (us) observed at time t.
  void record_replication_lag(SimTime t, SimDuration lag) {
    Bucket& bucket = buckets_[bucket_for(t)];
    bucket.lag_sum_us += lag.count();
    ++bucket.lag_count;
    bucket.lag_max_us = bucket.lag_count == 1 ? lag.count() : std::max(bucket.lag_max_us, lag.count());
  }

  /// Integrates capacity levels up to the run end; no record or set afterwards.
  void finish();

  /// Adds another finished series of the same shape (e.g. another replication); exact and order-independent.
  void merge(const BucketedSeries& other);

  /// Number of buckets.
  [[nodiscard]] std::size_t bucket_count() const { return bucket_count_; }
  /// Bucket width (whole seconds).
  [[nodiscard]] SimDuration bucket_width() const { return SimDuration{width_us_}; }
  /// The series as plain data (requires finish()).
  [[nodiscard]] SeriesResult result() const;

  /// True when both hold the same shape and the same recorded data (not the record cursor).
  friend bool operator==(const BucketedSeries& a, const BucketedSeries& b) {
    return a.run_us_ == b.run_us_ && a.width_us_ == b.width_us_ && a.regions_ == b.regions_ &&
           a.buckets_ == b.buckets_ && a.served_ == b.served_ && a.capacity_us_ == b.capacity_us_ &&
           a.level_ == b.level_ && a.level_since_us_ == b.level_since_us_ && a.replications_ == b.replications_ &&
           a.is_finished_ == b.is_finished_;
  }

 private:
  struct Bucket {
    std::uint64_t offered = 0;
    std::uint64_t succeeded = 0;
    CoarseQuantileSketch latency;  // successful requests only
    Int128 lag_sum_us = 0;
    std::uint64_t lag_count = 0;
    std::int64_t lag_max_us = 0;
    friend bool operator==(const Bucket&, const Bucket&) = default;
  };

  // Index of t's bucket; caches the current bucket so a run of records costs two compares.
  std::size_t bucket_for(SimTime t) {
    const std::int64_t us = t.time_since_epoch().count();
    if (us < current_start_us_ || us >= current_end_us_) locate(us);
    return current_;
  }
  void locate(std::int64_t us);
  void integrate_capacity(std::size_t region, std::int64_t until_us);
  void require_running(const char* what) const;

  std::int64_t run_us_;
  std::int64_t width_us_;
  std::size_t bucket_count_;
  std::size_t region_count_;
  std::vector<std::string> regions_;
  std::vector<Bucket> buckets_;
  std::vector<std::uint64_t> served_;         // [region * bucket_count_ + bucket]
  std::vector<Int128> capacity_us_;           // [region * bucket_count_ + bucket]: level x us
  std::vector<std::int64_t> level_;           // current capacity level per region
  std::vector<std::int64_t> level_since_us_;  // when level_ was set, per region
  std::size_t current_ = 0;
  std::int64_t current_start_us_ = 0;
  std::int64_t current_end_us_ = 0;
  std::uint64_t replications_ = 1;
  bool is_finished_ = false;
};

}  // namespace faultline::engine
