#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "faultline/engine/model/quantile_sketch.hpp"
#include "faultline/engine/kernel/random_stream.hpp"

using namespace faultline::engine;

namespace {

// Exact nearest-rank quantile of sorted values: the value at rank max(1, ceil(q n)).
double exact_quantile(const std::vector<std::int64_t>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(q * n)));
  return static_cast<double>(sorted[rank - 1]);
}

template <typename Sketch>
void check_within_bound(const Sketch& sketch, std::vector<std::int64_t> values) {
  std::sort(values.begin(), values.end());
  for (double q : {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999, 1.0}) {
    const double exact = exact_quantile(values, q);
    const double estimate = sketch.quantile(q).value();
    INFO("q = " << q << ", exact " << exact << ", estimate " << estimate);
    CHECK(std::abs(estimate - exact) <= exact * Sketch::kRelativeError);
  }
}

}  // namespace

TEST_CASE("bucket layout of the quantile sketch", "[engine][metrics][sketch]") {
  SECTION("sizes and guarantees follow from the precision bits") {
    // (33 - P) * 2^P buckets: 27 * 64 = 1728 and 30 * 8 = 240; error 2^-(P+1).
    CHECK(QuantileSketch::kBucketCount == 1728);
    CHECK(CoarseQuantileSketch::kBucketCount == 240);
    CHECK(QuantileSketch::kRelativeError == 0.0078125);
    CHECK(CoarseQuantileSketch::kRelativeError == 0.0625);
  }
  SECTION("a value's bucket, computed by hand") {
    // 1000 = 0b1111101000: bit width 10, shift 10 - 1 - 6 = 3, mantissa 1000 >> 3 = 125,
    // index 3 * 64 + 125 = 317, bucket [125 << 3, (126 << 3) - 1] = [1000, 1007].
    CHECK(QuantileSketch::bucket_index(1000) == 317);
    CHECK(QuantileSketch::bucket_low(317) == 1000);
    CHECK(QuantileSketch::bucket_high(317) == 1007);
    // Below 2^6 every value has its own bucket.
    CHECK(QuantileSketch::bucket_index(63) == 63);
    CHECK(QuantileSketch::bucket_index(64) == 64);
    CHECK(QuantileSketch::bucket_index(65) == 65);
    CHECK(QuantileSketch::bucket_index(128) == 128);  // shift 1, mantissa 64: 64 + 64
    CHECK(QuantileSketch::bucket_index(129) == 128);
  }
  SECTION("buckets are contiguous and cover [0, 2^32) with the stated width") {
    std::size_t bad = 0;  // counted, not REQUIREd one by one, to keep the test fast
    for (std::size_t i = 0; i < QuantileSketch::kBucketCount; ++i) {
      const std::uint64_t lo = QuantileSketch::bucket_low(i);
      const std::uint64_t hi = QuantileSketch::bucket_high(i);
      if (QuantileSketch::bucket_index(lo) != i || QuantileSketch::bucket_index(hi) != i) ++bad;
      if (i + 1 < QuantileSketch::kBucketCount && QuantileSketch::bucket_low(i + 1) != hi + 1) ++bad;
      if ((hi - lo + 1) * 64 > std::max<std::uint64_t>(lo, 64)) ++bad;
    }
    CHECK(bad == 0);
    CHECK(QuantileSketch::bucket_high(QuantileSketch::kBucketCount - 1) == 0xFFFFFFFFULL);
  }
  SECTION("every value up to 2^22 and a sample beyond are within the bound of their bucket midpoint") {
    std::size_t bad = 0;
    std::size_t checked = 0;
    auto check = [&](std::uint64_t v) {
      const std::size_t i = QuantileSketch::bucket_index(v);
      const double mid = 0.5 * static_cast<double>(QuantileSketch::bucket_low(i) + QuantileSketch::bucket_high(i));
      if (std::abs(mid - static_cast<double>(v)) > static_cast<double>(v) * QuantileSketch::kRelativeError) ++bad;
      ++checked;
    };
    for (std::uint64_t v = 0; v < (1U << 22); ++v) check(v);
    for (std::uint64_t v = 1U << 22; v <= 3'600'000'000ULL; v = v * 1001 / 1000 + 7) check(v);
    CHECK(bad == 0);
    CHECK(checked > (1U << 22));
  }
}

TEST_CASE("quantiles of known data sets are within the guaranteed relative error", "[engine][metrics][sketch]") {
  SECTION("values below 64 us are exact") {
    QuantileSketch sketch;
    for (std::int64_t v = 0; v < 64; ++v) sketch.record(v);
    // n = 64: median rank ceil(32) = 32 -> the 32nd value, 31; p99 rank ceil(63.36) = 64 -> 63.
    CHECK(sketch.quantile(0.5) == 31.0);
    CHECK(sketch.quantile(0.99) == 63.0);
    CHECK(sketch.quantile(0.0) == 0.0);
  }
  SECTION("rank 1 and rank n are the exact min and max; midpoints are clamped to them") {
    QuantileSketch sketch;
    sketch.record(1000);
    CHECK(sketch.quantile(0.5) == 1000.0);
    // {1000, 1003, 1007}: the median (rank 2) lies in bucket [1000, 1007], midpoint 1003.5.
    sketch.record(1007);
    sketch.record(1003);
    CHECK(sketch.quantile(0.5) == 1003.5);
    CHECK(sketch.quantile(0.0) == 1000.0);
    CHECK(sketch.quantile(1.0) == 1007.0);
    // {1001, 1002, 1003}: the median's midpoint 1003.5 is above the max, so it is clamped to 1003.
    QuantileSketch narrow;
    for (std::int64_t v : {1001, 1002, 1003}) narrow.record(v);
    CHECK(narrow.quantile(0.5) == 1003.0);
  }
  SECTION("1 .. 100000 us: the value of rank k is k") {
    QuantileSketch sketch;
    std::vector<std::int64_t> values;
    for (std::int64_t v = 1; v <= 100000; ++v) {
      sketch.record(v);
      values.push_back(v);
    }
    check_within_bound(sketch, values);
    CHECK(sketch.quantile(1.0) == 100000.0);  // clamped to the exact max
    CHECK(sketch.quantile(0.0) == 1.0);
  }
  SECTION("lognormal latencies (median ~ 100 ms) from a fixed stream") {
    QuantileSketch fine;
    CoarseQuantileSketch coarse;
    std::vector<std::int64_t> values;
    RandomStream rng(7, 0, "latency");
    for (int i = 0; i < 200000; ++i) {
      const auto v = static_cast<std::int64_t>(rng.lognormal(std::log(100000.0), 1.0));
      fine.record(v);
      coarse.record(v);
      values.push_back(v);
    }
    check_within_bound(fine, values);
    check_within_bound(coarse, values);
  }
}

TEST_CASE("count, min, max, mean and clamping are exact", "[engine][metrics][sketch]") {
  QuantileSketch sketch;
  SECTION("an empty sketch has no figures") {
    CHECK(sketch.is_empty());
    CHECK_FALSE(sketch.quantile(0.5).has_value());
    CHECK_FALSE(sketch.min().has_value());
    CHECK_FALSE(sketch.max().has_value());
    CHECK_FALSE(sketch.mean().has_value());
  }
  SECTION("mean of 1, 2, 3, 4 is 2.5") {
    for (std::int64_t v : {3, 1, 4, 2}) sketch.record(v);
    CHECK(sketch.count() == 4);
    CHECK(sketch.min() == 1);
    CHECK(sketch.max() == 4);
    CHECK(sketch.mean() == 2.5);
  }
  SECTION("values outside [0, 1 h] are clamped for the buckets but exact for min, max and mean") {
    for (std::int64_t v :
         {std::int64_t{-5}, std::int64_t{5}, std::int64_t{4'000'000'000}, std::int64_t{4'000'000'000}}) {
      sketch.record(v);
    }
    CHECK(sketch.underflow_count() == 1);
    CHECK(sketch.overflow_count() == 2);
    CHECK(sketch.min() == -5);
    CHECK(sketch.max() == 4'000'000'000);
    CHECK(sketch.mean() == 2'000'000'000.0);  // (-5 + 5 + 8e9) / 4
    CHECK(sketch.bucket_count(0) == 1);
    CHECK(sketch.quantile(0.25) == -5.0);  // rank 1: the exact min
    CHECK(sketch.quantile(0.5) == 5.0);    // rank 2: exact bucket of 5
    // Rank 3 is clamped to 3.6e9 us: bit width 32, shift 25, mantissa 3.6e9 >> 25 = 107, bucket
    // [107 * 2^25, 108 * 2^25 - 1] = [3590324224, 3623878655], midpoint 3607101439.5.
    CHECK(sketch.quantile(0.75) == 3607101439.5);
    CHECK(sketch.quantile(1.0) == 4e9);  // rank n: the exact max
  }
  SECTION("q outside [0, 1] is rejected") {
    sketch.record(1);
    CHECK_THROWS_AS(sketch.quantile(1.5), std::invalid_argument);
    CHECK_THROWS_AS(sketch.quantile(-0.1), std::invalid_argument);
  }
}

TEST_CASE("merging sketches equals recording everything into one", "[engine][metrics][sketch]") {
  RandomStream rng(11, 0, "merge");
  QuantileSketch all;
  QuantileSketch a;
  QuantileSketch b;
  for (int i = 0; i < 50000; ++i) {
    const auto v = static_cast<std::int64_t>(rng.exponential(250000.0)) - 10;  // a few negatives
    all.record(v);
    (i % 3 == 0 ? a : b).record(v);
  }
  SECTION("a + b is bit-identical to the single sketch") {
    QuantileSketch merged = a;
    merged.merge(b);
    CHECK(merged == all);
    CHECK(merged.quantile(0.99) == all.quantile(0.99));
  }
  SECTION("b + a equals a + b") {
    QuantileSketch ab = a;
    ab.merge(b);
    QuantileSketch ba = b;
    ba.merge(a);
    CHECK(ab == ba);
  }
  SECTION("merging an empty sketch changes nothing") {
    QuantileSketch merged = all;
    merged.merge(QuantileSketch{});
    CHECK(merged == all);
  }
  SECTION("a sketch that differs in one value is not equal") {
    QuantileSketch merged = a;
    merged.merge(b);
    merged.record(5);
    CHECK_FALSE(merged == all);
  }
}
