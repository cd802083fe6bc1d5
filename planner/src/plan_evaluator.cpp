#include "faultline/planner/plan_evaluator.hpp"

#include "faultline/engine/scenario_runner.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "faultline/topology/cost_model.hpp"

namespace faultline::planner {
namespace {

std::string number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

double probe_interval_s(const engine::PatternSpec& p) {
  return p.router.probe ? engine::to_seconds(engine::SimDuration{p.router.probe->interval.count()}) : 0.0;
}

std::string label_of(const engine::PatternSpec& p) {
  std::string label = p.name;
  if (!p.is_active_active && p.standby_fraction > 0) label += " standby " + number_text(p.standby_fraction);
  if (p.router.probe) label += " probe " + number_text(probe_interval_s(p)) + "s";
  return label;
}

}  // namespace

PlanEvaluator::PlanEvaluator(const engine::Scenario& scenario, const ReliabilityModel& model, McOptions options)
    : scenario_(scenario), model_(model), options_(std::move(options)) {
  options_.shard_index = 1;
  options_.shard_count = 1;
  options_.precision.reset();
  options_.is_measuring_incidents = true;
}

std::vector<engine::PatternSpec> PlanEvaluator::space() const {
  std::vector<engine::PatternSpec> out;
  std::vector<std::string> labels;
  auto add = [&](const engine::PatternSpec& p) {
    const std::string label = label_of(p);
    if (std::find(labels.begin(), labels.end(), label) != labels.end()) return;
    labels.push_back(label);
    out.push_back(p);
  };
  if (!scenario_.patterns.empty()) add(scenario_.patterns.front());
  for (const auto& base : scenario_.patterns) {
    std::vector<double> fractions{base.standby_fraction};
    if (!base.is_active_active && base.standby_fraction > 0) {
      fractions.insert(fractions.end(), std::begin(kStandbyFractions), std::end(kStandbyFractions));
    }
    std::vector<double> probes{probe_interval_s(base)};
    if (base.router.probe) probes.insert(probes.end(), std::begin(kProbeIntervals), std::end(kProbeIntervals));
    for (double f : fractions) {
      for (double s : probes) {
        engine::PatternSpec p = base;
        p.standby_fraction = f;
        if (p.router.probe) p.router.probe->interval = std::chrono::microseconds{static_cast<std::int64_t>(std::llround(s * 1e6))};
        add(p);
      }
    }
  }
  return out;
}

std::vector<PlanCandidate> PlanEvaluator::evaluate(const std::function<void(std::size_t, std::size_t)>& on_candidate) {
  const std::vector<engine::PatternSpec> patterns = space();
  const engine::PatternSpec& current = scenario_.patterns.front();
  std::vector<PlanCandidate> out;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    engine::Scenario one = scenario_;
    one.patterns = {patterns[i]};
    const StructureFunction structure = StructureFunction::serving(one, model_);
    MonteCarlo mc(one, model_, structure, options_);
    const McResult result = mc.run();
    const PatternSummary& s = result.summary.patterns.front();
    PlanCandidate c;
    c.label = label_of(patterns[i]);
    c.pattern = patterns[i].name;
    c.standby_fraction = patterns[i].standby_fraction;
    c.probe_interval_s = probe_interval_s(patterns[i]);
    c.monthly_cost_usd = engine::pattern_monthly_cost(scenario_, patterns[i]);
    c.annual_incident_cost_usd = s.annual_incident_cost_usd;
    c.availability = s.availability.mean;
    c.availability_low = s.availability.mean - s.availability.half_width.value_or(0);
    c.rto_p95_s = s.rto_s.p95;
    c.rpo_p95_s = s.rpo_s.p95;
    c.changes = static_cast<std::size_t>(patterns[i].name != current.name) +
                static_cast<std::size_t>(patterns[i].standby_fraction != current.standby_fraction) +
                static_cast<std::size_t>(probe_interval_s(patterns[i]) != probe_interval_s(current));
    out.push_back(std::move(c));
    if (on_candidate) on_candidate(i + 1, patterns.size());
  }
  return out;
}

}  // namespace faultline::planner
