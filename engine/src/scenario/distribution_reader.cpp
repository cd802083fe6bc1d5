#include "faultline/engine/scenario/distribution_reader.hpp"

#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

namespace faultline::engine {

using base::JsonReader;
using nlohmann::json;

namespace {

// The piecewise_linear distribution of object `d` at `here` (its [value, cumulative probability] points), or nothing
// with the problem recorded in `reader`; throws std::invalid_argument when the points do not make a distribution.
std::optional<Distribution> read_piecewise_linear(base::JsonReader& reader, const json& d, const std::string& here) {
  reader.check_keys(d, here, {"distribution", "points"});
  const json* points = reader.array(d, here, "points", {.is_required = true});
  if (points == nullptr) return std::nullopt;
  std::vector<std::pair<double, double>> xy;
  for (std::size_t i = 0; i < points->size(); ++i) {
    const json& p = (*points)[i];
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
      reader.error(base::JsonReader::at(base::JsonReader::at(here, "points"), i),
                   "expected [value, cumulative probability]", "a pair of numbers, e.g. [30, 0.5]");
      return std::nullopt;
    }
    xy.emplace_back(p[0].get<double>(), p[1].get<double>());
  }
  return Distribution::piecewise_linear(std::move(xy));
}

// The empirical distribution of object `d` at `here` (its values and weights), or nothing with the problem recorded
// in `reader`; throws std::invalid_argument when the lists do not make a distribution.
std::optional<Distribution> read_empirical(base::JsonReader& reader, const json& d, const std::string& here) {
  reader.check_keys(d, here, {"distribution", "values", "weights"});
  const json* values = reader.array(d, here, "values", {.is_required = true});
  const json* weights = reader.array(d, here, "weights", {.is_required = true});
  if (values == nullptr || weights == nullptr) return std::nullopt;
  std::vector<double> vs;
  std::vector<double> ws;
  for (const json* list : {values, weights}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      if ((*list)[i].is_number()) continue;
      reader.error(base::JsonReader::at(base::JsonReader::at(here, list == values ? "values" : "weights"), i),
                   std::string("expected a number, got ") + (*list)[i].type_name(), "a number");
      return std::nullopt;
    }
  }
  for (const json& v : *values) vs.push_back(v.get<double>());
  for (const json& w : *weights) ws.push_back(w.get<double>());
  return Distribution::empirical(std::move(vs), std::move(ws));
}

}  // namespace

std::optional<Distribution> read_distribution(base::JsonReader& reader, const json& parent, const std::string& path,
                                              std::string_view key, base::FieldOptions options, std::string_view unit) {
  const std::string here = base::JsonReader::at(path, key);
  const std::string allowed = "a number of " + std::string(unit) +
                              " or an object {\"distribution\": constant|uniform|exponential|normal|lognormal|"
                              "weibull|piecewise_linear|empirical, ...}";
  const auto it = parent.find(key);
  if (it == parent.end()) {
    if (options.is_required) reader.error(here, "missing required key \"" + std::string(key) + "\"", allowed);
    return std::nullopt;
  }
  if (it->is_number()) {
    const double v = it->get<double>();
    if (v < 0) {
      reader.error(here, "negative value " + it->dump(), allowed);
      return std::nullopt;
    }
    return Distribution::constant(v);
  }
  if (!it->is_object()) {
    reader.error(here, std::string("expected a number or an object, got ") + it->type_name(), allowed);
    return std::nullopt;
  }
  const json& d = *it;
  const std::size_t errors_before = reader.error_count();
  const auto kind = reader.one_of(
      d, here, "distribution", {.is_required = true},
      {"constant", "uniform", "exponential", "normal", "lognormal", "weibull", "piecewise_linear", "empirical"});
  if (!kind) return std::nullopt;
  constexpr double kMax = 1e15;
  auto num = [&](std::string_view k, double min = 0) {
    return reader.number(d, here, k, {.is_required = true, .min = min, .max = kMax});
  };
  try {
    if (*kind == "constant") {
      reader.check_keys(d, here, {"distribution", "value"});
      const auto v = num("value");
      if (v && reader.error_count() == errors_before) return Distribution::constant(*v);
    } else if (*kind == "uniform") {
      reader.check_keys(d, here, {"distribution", "min", "max"});
      const auto lo = num("min");
      const auto hi = num("max");
      if (lo && hi && reader.error_count() == errors_before) return Distribution::uniform(*lo, *hi);
    } else if (*kind == "exponential") {
      reader.check_keys(d, here, {"distribution", "mean"});
      const auto m = num("mean", std::numeric_limits<double>::min());
      if (m && reader.error_count() == errors_before) return Distribution::exponential(*m);
    } else if (*kind == "normal") {
      reader.check_keys(d, here, {"distribution", "mean", "sd"});
      const auto m = num("mean");
      const auto sd = num("sd");
      if (m && sd && reader.error_count() == errors_before) return Distribution::normal(*m, *sd);
    } else if (*kind == "lognormal") {
      reader.check_keys(d, here, {"distribution", "median", "p95"});
      const auto median = num("median", std::numeric_limits<double>::min());
      const auto p95 = num("p95", std::numeric_limits<double>::min());
      if (median && p95 && reader.error_count() == errors_before) {
        return Distribution::lognormal_from_median_p95(*median, *p95);
      }
    } else if (*kind == "weibull") {
      reader.check_keys(d, here, {"distribution", "shape", "scale"});
      const auto shape = num("shape", std::numeric_limits<double>::min());
      const auto scale = num("scale", std::numeric_limits<double>::min());
      if (shape && scale && reader.error_count() == errors_before) return Distribution::weibull(*shape, *scale);
    } else if (*kind == "piecewise_linear") {
      return read_piecewise_linear(reader, d, here);
    } else {
      return read_empirical(reader, d, here);
    }
  } catch (const std::invalid_argument& e) {
    reader.error(here, e.what(), allowed);
  }
  return std::nullopt;
}

}  // namespace faultline::engine
