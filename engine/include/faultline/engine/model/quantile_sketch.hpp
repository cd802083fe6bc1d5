#pragma once
// Fixed-memory latency percentiles: a log-linear histogram over integer microseconds.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>

namespace faultline::engine {

__extension__ using Int128 = __int128;  // GCC/Clang builtin: exact sums of microseconds

/// Latency sketch with a fixed bucket array covering [0 us, 1 h]; nothing is stored
/// per value. Buckets: every integer below 2^P has its own bucket (exact); above,
/// each power-of-two octave [2^p, 2^(p+1)) is cut into 2^P equal buckets, so a
/// bucket [lo, hi] satisfies hi - lo + 1 <= lo / 2^P.
///
/// Guarantee: for a value v in [0 us, 1 h], the bucket's midpoint is within a
/// relative error of 2^-(P+1) of v (P = 6: 0.78125 %). quantile(q) returns the
/// nearest-rank q-quantile's bucket midpoint clamped to [min, max] (the exact
/// min for rank 1, the exact max for rank n), so it is within that relative
/// error of the exact nearest-rank quantile of the recorded values (exact below
/// 2^P us). Values below 0 or above 1 h are clamped into the
/// range for the buckets (counted by underflow_count / overflow_count); min, max
/// and mean use the unclamped values.
///
/// All state is integral, so merge() is exact, associative and commutative: a
/// merged sketch is bit-identical to one that recorded every value itself.
template <int kPrecisionBits>
class BasicQuantileSketch {
  static_assert(kPrecisionBits >= 1 && kPrecisionBits <= 10, "precision bits out of range");

 public:
  /// Largest value kept in range: one hour, in microseconds.
  static constexpr std::int64_t kMaxValueUs = 3'600'000'000;
  /// Number of buckets: 2^P exact ones plus 2^P per octave for bit positions P..31.
  static constexpr std::size_t kBucketCount = static_cast<std::size_t>(33 - kPrecisionBits) << kPrecisionBits;
  /// Guaranteed relative error of quantile() for values in range (dimensionless).
  static constexpr double kRelativeError = 1.0 / static_cast<double>(std::uint64_t{2} << kPrecisionBits);

  /// Records one value in microseconds; O(1), never allocates.
  void record(std::int64_t value_us) {
    std::int64_t clamped = value_us;
    if (value_us < 0) {
      clamped = 0;
      ++underflow_count_;
    } else if (value_us > kMaxValueUs) {
      clamped = kMaxValueUs;
      ++overflow_count_;
    }
    ++counts_[bucket_index(static_cast<std::uint64_t>(clamped))];
    ++count_;
    sum_us_ += value_us;
    min_us_ = std::min(min_us_, value_us);
    max_us_ = std::max(max_us_, value_us);
  }

  /// Adds every value recorded in `other` to this sketch (exact, order-independent).
  void merge(const BasicQuantileSketch& other) {
    for (std::size_t i = 0; i < kBucketCount; ++i) counts_[i] += other.counts_[i];
    count_ += other.count_;
    underflow_count_ += other.underflow_count_;
    overflow_count_ += other.overflow_count_;
    sum_us_ += other.sum_us_;
    min_us_ = std::min(min_us_, other.min_us_);
    max_us_ = std::max(max_us_, other.max_us_);
  }

  /// Nearest-rank q-quantile in microseconds (q in [0, 1]; rank max(1, ceil(q n))); nullopt when empty.
  [[nodiscard]] std::optional<double> quantile(double q) const {
    if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("quantile: q must be in [0, 1]");
    if (count_ == 0) return std::nullopt;
    const double wanted = std::ceil(q * static_cast<double>(count_));
    std::uint64_t rank = wanted < 1.0 ? 1 : static_cast<std::uint64_t>(wanted);
    rank = std::min(rank, count_);
    // The extreme ranks are the exact min and max.
    if (rank == count_) return static_cast<double>(max_us_);
    if (rank == 1) return static_cast<double>(min_us_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
      seen += counts_[i];
      if (seen >= rank) {
        const double mid = 0.5 * static_cast<double>(bucket_low(i) + bucket_high(i));
        return std::clamp(mid, static_cast<double>(min_us_), static_cast<double>(max_us_));
      }
    }
    return static_cast<double>(max_us_);  // unreachable: the counts sum to count_
  }

  /// Number of recorded values.
  [[nodiscard]] std::uint64_t count() const { return count_; }
  /// True when nothing was recorded.
  [[nodiscard]] bool is_empty() const { return count_ == 0; }
  /// Values recorded below 0 us (clamped to 0 for the buckets).
  [[nodiscard]] std::uint64_t underflow_count() const { return underflow_count_; }
  /// Values recorded above 1 h (clamped to 1 h for the buckets).
  [[nodiscard]] std::uint64_t overflow_count() const { return overflow_count_; }
  /// Smallest recorded value in microseconds, exact; nullopt when empty.
  [[nodiscard]] std::optional<std::int64_t> min() const {
    return count_ == 0 ? std::nullopt : std::optional<std::int64_t>(min_us_);
  }
  /// Largest recorded value in microseconds, exact; nullopt when empty.
  [[nodiscard]] std::optional<std::int64_t> max() const {
    return count_ == 0 ? std::nullopt : std::optional<std::int64_t>(max_us_);
  }
  /// Mean of the recorded values in microseconds (exact integer sum / count); nullopt when empty.
  [[nodiscard]] std::optional<double> mean() const {
    if (count_ == 0) return std::nullopt;
    return static_cast<double>(sum_us_) / static_cast<double>(count_);
  }
  /// Count in bucket i (i < kBucketCount), for tests and reports.
  [[nodiscard]] std::uint64_t bucket_count(std::size_t i) const { return counts_.at(i); }

  /// Bucket holding value v (0 <= v < 2^32 us).
  static constexpr std::size_t bucket_index(std::uint64_t v) {
    if (v < kExact) return static_cast<std::size_t>(v);
    const int shift = static_cast<int>(std::bit_width(v)) - 1 - kPrecisionBits;
    return (static_cast<std::size_t>(shift) << kPrecisionBits) + static_cast<std::size_t>(v >> shift);
  }
  /// Smallest value (us) in bucket i.
  static constexpr std::uint64_t bucket_low(std::size_t i) {
    if (i < kExact) return i;
    const std::size_t shift = (i >> kPrecisionBits) - 1;
    const std::uint64_t mantissa = i - (shift << kPrecisionBits);
    return mantissa << shift;
  }
  /// Largest value (us) in bucket i.
  static constexpr std::uint64_t bucket_high(std::size_t i) {
    if (i < kExact) return i;
    const std::size_t shift = (i >> kPrecisionBits) - 1;
    const std::uint64_t mantissa = i - (shift << kPrecisionBits);
    return ((mantissa + 1) << shift) - 1;
  }

  friend bool operator==(const BasicQuantileSketch&, const BasicQuantileSketch&) = default;

 private:
  static constexpr std::uint64_t kExact = std::uint64_t{1} << kPrecisionBits;
  static_assert(static_cast<std::uint64_t>(kMaxValueUs) < (std::uint64_t{1} << 32), "range must fit the buckets");

  std::array<std::uint64_t, kBucketCount> counts_{};
  std::uint64_t count_ = 0;
  std::uint64_t underflow_count_ = 0;
  std::uint64_t overflow_count_ = 0;
  Int128 sum_us_ = 0;
  std::int64_t min_us_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t max_us_ = std::numeric_limits<std::int64_t>::min();
};

/// Report-grade latency sketch: 1728 buckets (13.5 KiB), relative error <= 0.78125 %.
using QuantileSketch = BasicQuantileSketch<6>;
/// Per-bucket sketch for time series: 240 buckets (1.9 KiB), relative error <= 6.25 %.
using CoarseQuantileSketch = BasicQuantileSketch<3>;

}  // namespace faultline::engine
