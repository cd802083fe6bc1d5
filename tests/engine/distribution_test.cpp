#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "faultline/engine/kernel/distribution.hpp"

using namespace faultline::engine;

namespace {

double sample_mean(const Distribution& d, int n, std::uint64_t seed = 11) {
  RandomStream g(seed, 0, "dist");
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += d.sample(g);
  return sum / n;
}

}  // namespace

TEST_CASE("distributions sample the formulas of their kind", "[engine][distribution]") {
  SECTION("a distribution draws exactly what the stream's sampler draws") {
    RandomStream a(2026, 7, "arrivals");
    CHECK(Distribution::exponential(30).sample(a) == Approx(43.29495967867979).epsilon(1e-14));
    RandomStream b(2026, 7, "arrivals");
    CHECK(Distribution::weibull(1.5, 100).sample(b) == Approx(127.70582975263056).epsilon(1e-14));
  }
  SECTION("constant") {
    RandomStream g(1, 0, "x");
    CHECK(Distribution::constant(4.5).sample(g) == 4.5);
  }
  SECTION("piecewise linear interpolates the inverse CDF") {
    // CDF: 0 at 10 s, 0.5 at 20 s, 1 at 60 s. u = 0.23617899155756306 lies in the
    // first segment: 10 + 10 * u / 0.5 = 14.723579831151261.
    auto d = Distribution::piecewise_linear({{10, 0}, {20, 0.5}, {60, 1}});
    RandomStream g(2026, 7, "arrivals");
    CHECK(d.sample(g) == Approx(14.723579831151261).epsilon(1e-14));
    // Mean: 0.5 * 15 + 0.5 * 40 = 27.5
    CHECK(d.mean() == Approx(27.5));
  }
  SECTION("empirical picks values by cumulative weight") {
    // Weights 1:3 -> cumulative 0.25, 1.0; u = 0.236... < 0.25 picks the first value.
    auto d = Distribution::empirical({5, 50}, {1, 3});
    RandomStream g(2026, 7, "arrivals");
    CHECK(d.sample(g) == 5);
    CHECK(d.mean() == Approx(0.25 * 5 + 0.75 * 50));
  }
  SECTION("largest value a draw can take (the RPO worst case of a lag distribution)") {
    CHECK(Distribution::constant(7).max() == 7.0);
    CHECK(Distribution::uniform(2, 6).max() == 6.0);
    CHECK(Distribution::piecewise_linear({{10, 0}, {20, 0.5}, {60, 1}}).max() == 60.0);
    CHECK(Distribution::empirical({5, 50, 20}, {1, 1, 1}).max() == 50.0);
    CHECK_FALSE(Distribution::exponential(30).max().has_value());  // unbounded above
    CHECK_FALSE(Distribution::lognormal(1, 0.5).max().has_value());
  }
  SECTION("exact means") {
    CHECK(Distribution::uniform(2, 6).mean() == 4);
    CHECK(Distribution::lognormal(1, 0.5).mean() == Approx(std::exp(1.125)));
    CHECK(Distribution::weibull(1, 30).mean() == Approx(30));
    CHECK(Distribution::weibull(2, 10).mean() == Approx(10 * std::sqrt(M_PI) / 2));
  }
  SECTION("lognormal from median and p95") {
    auto d = Distribution::lognormal_from_median_p95(60, 300);
    // sigma = ln(5) / 1.6448536...; mean = 60 * exp(sigma^2 / 2)
    const double sigma = std::log(5.0) / 1.6448536269514722;
    CHECK(d.mean() == Approx(60 * std::exp(sigma * sigma / 2)));
  }
  SECTION("sample means converge to exact means (200000 draws, fixed seed)") {
    CHECK(sample_mean(Distribution::exponential(30), 200000) == Approx(30).epsilon(0.01));
    CHECK(sample_mean(Distribution::normal(10, 2), 200000) == Approx(10).epsilon(0.01));
    CHECK(sample_mean(Distribution::weibull(1.5, 100), 200000) == Approx(100 * std::tgamma(1 + 1 / 1.5)).epsilon(0.01));
    CHECK(sample_mean(Distribution::lognormal(1, 0.5), 200000) == Approx(std::exp(1.125)).epsilon(0.01));
    CHECK(sample_mean(Distribution::uniform(2, 6), 200000) == Approx(4).epsilon(0.01));
  }
}

TEST_CASE("distribution factories reject bad parameters with the rule", "[engine][distribution]") {
  CHECK_THROWS_WITH(Distribution::exponential(0), "exponential: mean must be > 0");
  CHECK_THROWS_WITH(Distribution::uniform(3, 2), "uniform: need finite lo <= hi");
  CHECK_THROWS_WITH(Distribution::weibull(-1, 2), "weibull: shape and scale must be > 0");
  CHECK_THROWS_WITH(Distribution::normal(0, -1), "normal: need a finite mean and sd >= 0");
  CHECK_THROWS_WITH(Distribution::piecewise_linear({{1, 0}}),
                    "piecewise_linear: need at least 2 (value, cumulative probability) points");
  CHECK_THROWS_WITH(Distribution::piecewise_linear({{1, 0}, {0, 1}}),
                    "piecewise_linear: values must be non-decreasing");
  CHECK_THROWS_WITH(Distribution::piecewise_linear({{1, 0.1}, {2, 1}}),
                    "piecewise_linear: cumulative probabilities must start at 0 and end at 1");
  CHECK_THROWS_WITH(Distribution::empirical({1, 2}, {1}), "empirical: need as many weights as values, at least one");
  CHECK_THROWS_WITH(Distribution::empirical({1}, {0}), "empirical: weights must be > 0");
  CHECK_THROWS_WITH(Distribution::lognormal_from_median_p95(10, 5), "lognormal: need 0 < median <= p95");
}
