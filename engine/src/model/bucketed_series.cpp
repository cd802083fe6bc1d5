#include "faultline/engine/model/bucketed_series.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace faultline::engine {
namespace {

constexpr std::int64_t kSecondUs = 1'000'000;

std::optional<double> ratio(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

SimDuration BucketedSeries::bucket_width_for(SimDuration run_length, std::size_t max_buckets) {
  if (run_length.count() <= 0) throw std::invalid_argument("BucketedSeries: run length must be > 0");
  if (max_buckets == 0) throw std::invalid_argument("BucketedSeries: max_buckets must be >= 1");
  const std::int64_t run_s = (run_length.count() + kSecondUs - 1) / kSecondUs;
  const auto max = static_cast<std::int64_t>(max_buckets);
  // ceil(run_us / (w s)) <= max  <=>  w >= run_us / (max s); smallest whole w >= 1.
  const std::int64_t width_s = std::max<std::int64_t>(1, (run_s + max - 1) / max);
  return seconds(width_s);
}

BucketedSeries::BucketedSeries(SeriesConfig config)
    : run_us_(config.run_length.count()),
      width_us_(bucket_width_for(config.run_length, config.max_buckets).count()),
      bucket_count_(static_cast<std::size_t>((run_us_ + width_us_ - 1) / width_us_)),
      region_count_(config.regions.size()),
      regions_(std::move(config.regions)),
      buckets_(bucket_count_),
      served_(region_count_ * bucket_count_, 0),
      capacity_us_(region_count_ * bucket_count_, 0),
      level_(region_count_, 0),
      level_since_us_(region_count_, 0),
      current_end_us_(width_us_) {}

void BucketedSeries::require_running(const char* what) const {
  if (is_finished_) throw std::logic_error(std::string("BucketedSeries::") + what + " after finish()");
}

void BucketedSeries::locate(std::int64_t us) {
  require_running("record");
  if (us < 0) throw std::invalid_argument("BucketedSeries: negative time " + std::to_string(us) + " us");
  current_ = std::min(static_cast<std::size_t>(us / width_us_), bucket_count_ - 1);
  current_start_us_ = static_cast<std::int64_t>(current_) * width_us_;
  // The last bucket also takes everything after the run end.
  current_end_us_ =
      current_ + 1 == bucket_count_ ? std::numeric_limits<std::int64_t>::max() : current_start_us_ + width_us_;
}

void BucketedSeries::integrate_capacity(std::size_t region, std::int64_t until_us) {
  std::int64_t from = level_since_us_[region];
  const std::int64_t to = std::min(until_us, run_us_);
  const std::int64_t level = level_[region];
  while (from < to) {
    const auto bucket = static_cast<std::size_t>(from / width_us_);
    const std::int64_t bucket_end = std::min(to, (static_cast<std::int64_t>(bucket) + 1) * width_us_);
    capacity_us_[region * bucket_count_ + bucket] += static_cast<Int128>(level) * (bucket_end - from);
    from = bucket_end;
  }
  level_since_us_[region] = std::max(level_since_us_[region], to);
}

void BucketedSeries::set_capacity(SimTime t, std::size_t region, std::int64_t level) {
  require_running("set_capacity");
  if (region >= region_count_) {
    throw std::out_of_range("BucketedSeries::set_capacity: no region " + std::to_string(region));
  }
  const std::int64_t us = t.time_since_epoch().count();
  if (us < level_since_us_[region]) {
    throw std::logic_error("BucketedSeries::set_capacity: time " + std::to_string(us) +
                           " us is before the region's previous change");
  }
  integrate_capacity(region, us);
  level_[region] = level;
}

void BucketedSeries::finish() {
  require_running("finish");
  for (std::size_t r = 0; r < region_count_; ++r) integrate_capacity(r, run_us_);
  level_.assign(region_count_, 0);  // consumed into capacity_us_; merged series have no level
  is_finished_ = true;
  current_end_us_ = std::numeric_limits<std::int64_t>::min();  // every later record takes the checked path
}

void BucketedSeries::merge(const BucketedSeries& other) {
  if (!is_finished_ || !other.is_finished_) throw std::logic_error("BucketedSeries::merge: finish() both first");
  if (run_us_ != other.run_us_ || width_us_ != other.width_us_ || regions_ != other.regions_) {
    throw std::invalid_argument("BucketedSeries::merge: series of different shapes");
  }
  for (std::size_t b = 0; b < bucket_count_; ++b) {
    Bucket& mine = buckets_[b];
    const Bucket& theirs = other.buckets_[b];
    mine.offered += theirs.offered;
    mine.succeeded += theirs.succeeded;
    mine.latency.merge(theirs.latency);
    if (theirs.lag_count > 0) {
      mine.lag_max_us = mine.lag_count == 0 ? theirs.lag_max_us : std::max(mine.lag_max_us, theirs.lag_max_us);
    }
    mine.lag_sum_us += theirs.lag_sum_us;
    mine.lag_count += theirs.lag_count;
  }
  for (std::size_t i = 0; i < served_.size(); ++i) {
    served_[i] += other.served_[i];
    capacity_us_[i] += other.capacity_us_[i];
  }
  replications_ += other.replications_;
}

SeriesResult BucketedSeries::result() const {
  if (!is_finished_) throw std::logic_error("BucketedSeries::result: finish() first");
  SeriesResult out;
  out.bucket_s = to_seconds(SimDuration{width_us_});
  out.replications = replications_;
  out.regions = regions_;
  out.traffic_share.assign(region_count_, {});
  out.capacity.assign(region_count_, {});
  for (std::size_t b = 0; b < bucket_count_; ++b) {
    const Bucket& bucket = buckets_[b];
    const std::int64_t start_us = static_cast<std::int64_t>(b) * width_us_;
    const std::int64_t covered_us = std::min(run_us_, start_us + width_us_) - start_us;
    out.start_s.push_back(to_seconds(SimDuration{start_us}));
    out.offered.push_back(bucket.offered);
    out.failed.push_back(bucket.offered - bucket.succeeded);
    out.success_ratio.push_back(ratio(bucket.succeeded, bucket.offered));
    const std::optional<double> p99 = bucket.latency.quantile(0.99);
    out.p99_latency_ms.push_back(p99 ? std::optional<double>(*p99 / 1000.0) : std::nullopt);
    const std::optional<std::int64_t> max = bucket.latency.max();
    out.max_latency_ms.push_back(max ? std::optional<double>(static_cast<double>(*max) / 1000.0) : std::nullopt);
    for (std::size_t r = 0; r < region_count_; ++r) {
      const std::size_t i = r * bucket_count_ + b;
      out.traffic_share[r].push_back(ratio(served_[i], bucket.offered));
      out.capacity[r].push_back(static_cast<double>(capacity_us_[i]) /
                                (static_cast<double>(covered_us) * static_cast<double>(replications_)));
    }
    if (bucket.lag_count == 0) {
      out.replication_lag_mean_s.emplace_back();
      out.replication_lag_max_s.emplace_back();
    } else {
      out.replication_lag_mean_s.push_back(static_cast<double>(bucket.lag_sum_us) /
                                           static_cast<double>(bucket.lag_count) / 1e6);
      out.replication_lag_max_s.push_back(static_cast<double>(bucket.lag_max_us) / 1e6);
    }
  }
  return out;
}

}  // namespace faultline::engine
