#pragma once
// A configurable probability distribution of non-negative quantities (durations,
// lags, sizes), sampled from a RandomStream.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"

namespace faultline::engine {

/// Value type describing one distribution. Factories validate their arguments
/// and throw std::invalid_argument with what is wrong and what is allowed.
class Distribution {
 public:
  enum class Kind { kConstant, kUniform, kExponential, kNormal, kLognormal, kWeibull, kPiecewiseLinear, kEmpirical };

  /// Always `value`.
  static Distribution constant(double value);
  /// Uniform on [lo, hi), lo <= hi.
  static Distribution uniform(double lo, double hi);
  /// Exponential with mean > 0.
  static Distribution exponential(double mean);
  /// Normal(mean, sd), sd >= 0; samples are not clamped.
  static Distribution normal(double mean, double sd);
  /// Lognormal with mu, sigma >= 0 of the underlying normal.
  static Distribution lognormal(double mu, double sigma);
  /// Lognormal whose median and 95th percentile are given (0 < median <= p95).
  static Distribution lognormal_from_median_p95(double median, double p95);
  /// Weibull with shape > 0 and scale > 0.
  static Distribution weibull(double shape, double scale);
  /// Piecewise-linear CDF through (value, cumulative probability) points: values
  /// non-decreasing, probabilities non-decreasing from 0 to 1, at least 2 points.
  static Distribution piecewise_linear(std::vector<std::pair<double, double>> points);
  /// Discrete empirical: `values[i]` with probability proportional to `weights[i]` (> 0).
  static Distribution empirical(std::vector<double> values, std::vector<double> weights);

  /// One draw.
  double sample(RandomStream& rng) const;
  /// The exact mean (for reports and checks).
  [[nodiscard]] double mean() const;
  /// The largest value a draw can take; null when the distribution is unbounded above.
  [[nodiscard]] std::optional<double> max() const;
  [[nodiscard]] Kind kind() const { return kind_; }
  /// Short human-readable form, e.g. "exponential(mean=30)".
  [[nodiscard]] std::string describe() const;
  /// The same distribution with every value multiplied by `factor` (finite, > 0): same kind, so a
  /// draw from the same stream position is `factor` times the original draw (mean and max scale too).
  [[nodiscard]] Distribution scaled(double factor) const;

 private:
  Distribution(Kind kind, double a, double b) : kind_(kind), a_(a), b_(b) {}

  Kind kind_ = Kind::kConstant;
  double a_ = 0;
  double b_ = 0;
  std::vector<double> xs_;  // piecewise: values; empirical: values
  std::vector<double> ps_;  // piecewise: cumulative probabilities; empirical: cumulative weights (normalised)
};

/// Name of a kind as used in scenario files ("exponential", "piecewise_linear", ...).
std::string_view to_string(Distribution::Kind kind);

}  // namespace faultline::engine
