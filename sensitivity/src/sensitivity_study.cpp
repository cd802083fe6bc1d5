#include "faultline/sensitivity/sensitivity_study.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "faultline/engine/scenario/scenario_runner.hpp"
#include "faultline/sensitivity/pattern_edit.hpp"

namespace faultline::sensitivity {
namespace {

constexpr unsigned kMaxPoints = 21;

// `points` evenly spaced values from low to high, ends included; counts rounded, durations to the
// microsecond the engine keeps; repeated values (rounding) once.
std::vector<double> values_of(const ParameterInfo& info, double low, double high, unsigned points) {
  std::vector<double> values;
  for (unsigned k = 0; k < points; ++k) {
    double v = k + 1 == points ? high : low + (high - low) * static_cast<double>(k) / static_cast<double>(points - 1);
    if (info.unit == ParameterUnit::kCount) v = std::round(v);
    if (info.unit == ParameterUnit::kSeconds) v = static_cast<double>(std::llround(v * 1e6)) / 1e6;
    if (values.empty() || values.back() != v) values.push_back(v);
  }
  return values;
}

std::string pattern_names(const engine::Scenario& scenario) {
  std::string known;
  for (const engine::PatternSpec& p : scenario.patterns) known += (known.empty() ? "" : ", ") + p.name;
  return known;
}

// The scenario's patterns named in `names` (all when empty), in the order given.
std::vector<const engine::PatternSpec*> chosen_patterns(const engine::Scenario& scenario,
                                                        const std::vector<std::string>& names) {
  std::vector<const engine::PatternSpec*> chosen;
  if (names.empty()) {
    for (const engine::PatternSpec& p : scenario.patterns) chosen.push_back(&p);
    return chosen;
  }
  for (const std::string& name : names) {
    const auto it = std::find_if(scenario.patterns.begin(), scenario.patterns.end(),
                                 [&](const engine::PatternSpec& p) { return p.name == name; });
    if (it == scenario.patterns.end()) {
      throw std::invalid_argument("--pattern " + name + ": unknown pattern (allowed: " + pattern_names(scenario) + ")");
    }
    if (std::find(chosen.begin(), chosen.end(), &*it) == chosen.end()) chosen.push_back(&*it);
  }
  return chosen;
}

// The ranges asked for, in catalogue order; every parameter at its default when none is given.
std::vector<ParameterRange> ranges_in_order(const std::vector<ParameterRange>& given) {
  std::vector<ParameterRange> ranges = given;
  if (ranges.empty()) {
    for (const ParameterInfo& info : parameter_catalog()) ranges.push_back({info.id, std::nullopt, std::nullopt});
  }
  std::stable_sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return ranges;
}

}  // namespace

Swing swing_of(const std::vector<Point>& points) {
  Swing s;
  const auto spread = [&](auto figure) {
    std::optional<double> lo;
    std::optional<double> hi;
    for (const Point& p : points) {
      const std::optional<double> v = figure(p.outcome);
      if (!v) continue;
      lo = lo ? std::min(*lo, *v) : *v;
      hi = hi ? std::max(*hi, *v) : *v;
    }
    return lo ? std::optional<double>(*hi - *lo) : std::nullopt;
  };
  s.rto_s = spread([](const Outcome& o) { return o.rto_s; });
  s.detect_s = spread([](const Outcome& o) { return o.detect_s; });
  s.rpo_s = spread([](const Outcome& o) { return o.rpo_s; });
  s.availability = spread([](const Outcome& o) { return std::optional<double>(o.availability); }).value_or(0.0);
  s.monthly_cost_usd = spread([](const Outcome& o) { return std::optional<double>(o.monthly_cost_usd); }).value_or(0.0);
  s.incident_cost_usd =
      spread([](const Outcome& o) { return std::optional<double>(o.incident_cost_usd); }).value_or(0.0);
  return s;
}

Outcome outcome_of(const engine::PatternResult& pattern) {
  Outcome o;
  const engine::IncidentResult* worst = nullptr;
  for (const engine::IncidentResult& i : pattern.incidents) {
    if (worst == nullptr || i.rto_s > worst->rto_s) worst = &i;
  }
  o.rto_s = pattern.rto_s;
  if (worst != nullptr) o.detect_s = worst->detect_s;
  o.rpo_s = pattern.rpo_s;
  o.availability = pattern.availability;
  o.monthly_cost_usd = pattern.monthly_cost_usd;
  o.incident_cost_usd = pattern.incident_cost_usd;
  o.meets_targets =
      std::all_of(pattern.targets.begin(), pattern.targets.end(), [](const engine::TargetResult& t) { return t.met; });
  return o;
}

SensitivityStudy::SensitivityStudy(const engine::Scenario& scenario, StudyOptions options)
    : scenario_(scenario), options_(std::move(options)), expanded_(scenario) {
  if (options_.points < 2 || options_.points > kMaxPoints) {
    throw std::invalid_argument("--points " + std::to_string(options_.points) + ": out of range (allowed: 2 to " +
                                std::to_string(kMaxPoints) + ")");
  }
  const bool is_every_parameter = options_.ranges.empty();
  options_.ranges = ranges_in_order(options_.ranges);
  const std::vector<const engine::PatternSpec*> chosen = chosen_patterns(scenario, options_.patterns);
  skeleton_.scenario = scenario.name;
  skeleton_.seed = scenario.seed;
  skeleton_.points = options_.points;
  for (const ParameterRange& r : options_.ranges) {
    const ParameterInfo& info = parameter_info(r.id);
    skeleton_.parameters.push_back({std::string(info.name), std::string(unit_label(info.unit)),
                                    r.low ? format_range(info.unit, *r.low, *r.high) : std::string(info.default_range),
                                    !r.low.has_value(), std::string(info.description)});
  }
  expanded_.patterns.clear();
  for (const engine::PatternSpec* p : chosen) expanded_.patterns.push_back(*p);
  for (std::size_t i = 0; i < chosen.size(); ++i) plan_pattern(*chosen[i], i);
  if (is_every_parameter) return;  // by default a parameter may apply nowhere; one asked for must apply somewhere
  for (std::size_t k = 0; k < options_.ranges.size(); ++k) {
    const auto& patterns = skeleton_.patterns;
    if (std::any_of(patterns.begin(), patterns.end(),
                    [k](const auto& p) { return p.parameters[k].not_applicable.empty(); })) {
      continue;
    }
    std::string reasons;
    for (const PatternSensitivity& p : patterns) {
      reasons += (reasons.empty() ? "" : "; ") + p.name + ": " + p.parameters[k].not_applicable;
    }
    throw std::invalid_argument("--params " + skeleton_.parameters[k].name + ": applies to none of the patterns (" +
                                reasons + ")");
  }
}

void SensitivityStudy::plan_pattern(const engine::PatternSpec& pattern, std::size_t pattern_index) {
  PatternSensitivity& out = skeleton_.patterns.emplace_back();
  out.name = pattern.name;
  for (const ParameterRange& r : options_.ranges) {
    const ParameterInfo& info = parameter_info(r.id);
    ParameterResult& result = out.parameters.emplace_back();
    result.name = std::string(info.name);
    result.not_applicable = not_applicable_reason(r.id, scenario_, pattern);
    if (!result.not_applicable.empty()) continue;
    result.base_value = base_value(r.id, scenario_, pattern);
    const auto [low, high] = r.low ? std::pair{*r.low, *r.high} : default_range(r.id, pattern);
    result.low = low;
    result.high = high;
    for (const double v : values_of(info, low, high, options_.points)) {
      engine::PatternSpec variant = pattern;
      variant.name = pattern.name + " " + result.name + "=" + format_value(info.unit, v);
      if (const std::string problem = apply_value(r.id, v, scenario_, variant); !problem.empty()) {
        throw std::invalid_argument("pattern " + pattern.name + ", " + result.name + " = " +
                                    format_value(info.unit, v) + ": " + problem + " (allowed: a range within what " +
                                    "the pattern accepts; --params " + result.name + "=LOW..HIGH)");
      }
      slots_.push_back({pattern_index, out.parameters.size() - 1, result.points.size()});
      result.points.push_back({v, {}});
      expanded_.patterns.push_back(std::move(variant));
    }
  }
}

std::optional<SensitivityResult> SensitivityStudy::run(unsigned threads, const engine::RunControl& control,
                                                       std::vector<engine::InputFile> inputs,
                                                       const std::string& faultline_version) const {
  engine::RunOptions run_options;
  run_options.threads = std::max(1U, threads);
  run_options.control = control;
  const std::optional<engine::RunResult> cancellable =
      engine::run_scenario(expanded_, run_options, {}, faultline_version);
  if (!cancellable) return std::nullopt;
  const engine::RunResult& runs = *cancellable;
  SensitivityResult out = skeleton_;
  out.faultline_version = faultline_version;
  out.inputs = std::move(inputs);
  const std::size_t bases = out.patterns.size();
  for (std::size_t i = 0; i < bases; ++i) out.patterns[i].base = outcome_of(runs.patterns[i]);
  for (std::size_t k = 0; k < slots_.size(); ++k) {
    const Slot& s = slots_[k];
    out.patterns[s.pattern].parameters[s.parameter].points[s.point].outcome = outcome_of(runs.patterns[bases + k]);
  }
  for (PatternSensitivity& p : out.patterns) {
    for (ParameterResult& r : p.parameters) r.swing = swing_of(r.points);
  }
  return out;
}

}  // namespace faultline::sensitivity
