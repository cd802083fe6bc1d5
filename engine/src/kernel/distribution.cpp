#include "faultline/engine/kernel/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace faultline::engine {
namespace {

void require(bool ok, std::string_view what) {
  if (!ok) throw std::invalid_argument(std::string(what));
}

bool finite(double v) { return std::isfinite(v); }

// z of the standard normal's 95th percentile.
constexpr double kZ95 = 1.6448536269514722;

}  // namespace

Distribution Distribution::constant(double value) {
  require(finite(value), "constant: value must be a finite number");
  return {Kind::kConstant, value, 0};
}

Distribution Distribution::uniform(double lo, double hi) {
  require(finite(lo) && finite(hi) && lo <= hi, "uniform: need finite lo <= hi");
  return {Kind::kUniform, lo, hi};
}

Distribution Distribution::exponential(double mean) {
  require(finite(mean) && mean > 0, "exponential: mean must be > 0");
  return {Kind::kExponential, mean, 0};
}

Distribution Distribution::normal(double mean, double sd) {
  require(finite(mean) && finite(sd) && sd >= 0, "normal: need a finite mean and sd >= 0");
  return {Kind::kNormal, mean, sd};
}

Distribution Distribution::lognormal(double mu, double sigma) {
  require(finite(mu) && finite(sigma) && sigma >= 0, "lognormal: need a finite mu and sigma >= 0");
  return {Kind::kLognormal, mu, sigma};
}

Distribution Distribution::lognormal_from_median_p95(double median, double p95) {
  require(finite(median) && finite(p95) && median > 0 && p95 >= median, "lognormal: need 0 < median <= p95");
  return lognormal(std::log(median), std::log(p95 / median) / kZ95);
}

Distribution Distribution::weibull(double shape, double scale) {
  require(finite(shape) && finite(scale) && shape > 0 && scale > 0, "weibull: shape and scale must be > 0");
  return {Kind::kWeibull, shape, scale};
}

Distribution Distribution::piecewise_linear(std::vector<std::pair<double, double>> points) {
  require(points.size() >= 2, "piecewise_linear: need at least 2 (value, cumulative probability) points");
  Distribution d{Kind::kPiecewiseLinear, 0, 0};
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto [x, p] = points[i];
    require(finite(x) && finite(p) && p >= 0 && p <= 1, "piecewise_linear: probabilities must lie in [0, 1]");
    if (i > 0) {
      require(x >= points[i - 1].first, "piecewise_linear: values must be non-decreasing");
      require(p >= points[i - 1].second, "piecewise_linear: cumulative probabilities must be non-decreasing");
    }
    d.xs_.push_back(x);
    d.ps_.push_back(p);
  }
  require(d.ps_.front() == 0.0 && d.ps_.back() == 1.0,
          "piecewise_linear: cumulative probabilities must start at 0 and end at 1");
  return d;
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  require(!values.empty() && values.size() == weights.size(),
          "empirical: need as many weights as values, at least one");
  Distribution d{Kind::kEmpirical, 0, 0};
  double total = 0;
  for (double w : weights) {
    require(finite(w) && w > 0, "empirical: weights must be > 0");
    total += w;
  }
  for (double v : values) require(finite(v), "empirical: values must be finite");
  double cumulative = 0;
  for (double w : weights) {
    cumulative += w;
    d.ps_.push_back(cumulative / total);
  }
  d.ps_.back() = 1.0;
  d.xs_ = std::move(values);
  return d;
}

double Distribution::sample(RandomStream& rng) const {
  switch (kind_) {
    case Kind::kConstant:
      return a_;
    case Kind::kUniform:
      return rng.uniform(a_, b_);
    case Kind::kExponential:
      return rng.exponential(a_);
    case Kind::kNormal:
      return rng.normal(a_, b_);
    case Kind::kLognormal:
      return rng.lognormal(a_, b_);
    case Kind::kWeibull:
      return rng.weibull(a_, b_);
    case Kind::kPiecewiseLinear: {
      const double u = rng.uniform01();
      // First point whose cumulative probability exceeds u; interpolate on its segment.
      const auto it = std::upper_bound(ps_.begin(), ps_.end(), u);
      const auto hi = static_cast<std::size_t>(it - ps_.begin());
      if (hi >= ps_.size()) return xs_.back();
      const std::size_t lo = hi - 1;
      const double span = ps_[hi] - ps_[lo];
      return xs_[lo] + (xs_[hi] - xs_[lo]) * (u - ps_[lo]) / span;
    }
    case Kind::kEmpirical: {
      const double u = rng.uniform01();
      const auto it = std::upper_bound(ps_.begin(), ps_.end(), u);
      const auto i = std::min(static_cast<std::size_t>(it - ps_.begin()), xs_.size() - 1);
      return xs_[i];
    }
  }
  return a_;
}

double Distribution::mean() const {
  switch (kind_) {
    case Kind::kConstant:
    case Kind::kExponential:
    case Kind::kNormal:
      return a_;
    case Kind::kUniform:
      return (a_ + b_) / 2;
    case Kind::kLognormal:
      return std::exp(a_ + b_ * b_ / 2);
    case Kind::kWeibull:
      return b_ * std::tgamma(1 + 1 / a_);
    case Kind::kPiecewiseLinear: {
      double m = 0;
      for (std::size_t i = 1; i < xs_.size(); ++i) m += (ps_[i] - ps_[i - 1]) * (xs_[i] + xs_[i - 1]) / 2;
      return m;
    }
    case Kind::kEmpirical: {
      double m = 0;
      double previous = 0;
      for (std::size_t i = 0; i < xs_.size(); ++i) {
        m += (ps_[i] - previous) * xs_[i];
        previous = ps_[i];
      }
      return m;
    }
  }
  return a_;
}

std::optional<double> Distribution::max() const {
  switch (kind_) {
    case Kind::kConstant:
      return a_;
    case Kind::kUniform:
      return b_;
    case Kind::kPiecewiseLinear:
    case Kind::kEmpirical:
      return *std::max_element(xs_.begin(), xs_.end());
    case Kind::kExponential:
    case Kind::kNormal:
    case Kind::kLognormal:
    case Kind::kWeibull:
      return std::nullopt;
  }
  return std::nullopt;
}

Distribution Distribution::scaled(double factor) const {
  require(finite(factor) && factor > 0, "scaled: factor must be a finite number > 0");
  Distribution d = *this;
  switch (kind_) {
    case Kind::kConstant:
    case Kind::kExponential:
      d.a_ = a_ * factor;
      break;
    case Kind::kUniform:
    case Kind::kNormal:
      d.a_ = a_ * factor;
      d.b_ = b_ * factor;
      break;
    case Kind::kLognormal:
      d.a_ = a_ + std::log(factor);  // exp(mu + ln f + sigma z) = f exp(mu + sigma z)
      break;
    case Kind::kWeibull:
      d.b_ = b_ * factor;
      break;
    case Kind::kPiecewiseLinear:
    case Kind::kEmpirical:
      for (double& x : d.xs_) x *= factor;
      break;
  }
  return d;
}

std::string_view to_string(Distribution::Kind kind) {
  switch (kind) {
    case Distribution::Kind::kConstant:
      return "constant";
    case Distribution::Kind::kUniform:
      return "uniform";
    case Distribution::Kind::kExponential:
      return "exponential";
    case Distribution::Kind::kNormal:
      return "normal";
    case Distribution::Kind::kLognormal:
      return "lognormal";
    case Distribution::Kind::kWeibull:
      return "weibull";
    case Distribution::Kind::kPiecewiseLinear:
      return "piecewise_linear";
    case Distribution::Kind::kEmpirical:
      return "empirical";
  }
  return "unknown";
}

std::string Distribution::describe() const {
  std::ostringstream out;
  out << to_string(kind_);
  switch (kind_) {
    case Kind::kConstant:
      out << "(" << a_ << ")";
      break;
    case Kind::kUniform:
      out << "(lo=" << a_ << ", hi=" << b_ << ")";
      break;
    case Kind::kExponential:
      out << "(mean=" << a_ << ")";
      break;
    case Kind::kNormal:
      out << "(mean=" << a_ << ", sd=" << b_ << ")";
      break;
    case Kind::kLognormal:
      out << "(mu=" << a_ << ", sigma=" << b_ << ")";
      break;
    case Kind::kWeibull:
      out << "(shape=" << a_ << ", scale=" << b_ << ")";
      break;
    case Kind::kPiecewiseLinear:
    case Kind::kEmpirical:
      out << "(" << xs_.size() << " points)";
      break;
  }
  return out.str();
}

}  // namespace faultline::engine
