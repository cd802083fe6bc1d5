#include "faultline/engine/scenario/scenario_runner.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <stdexcept>

#include "faultline/base/parallel_for.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"
#include "faultline/topology/cost_model.hpp"

namespace faultline::engine {
namespace {

void add_target(std::vector<TargetResult>& out, const std::string& name, const std::optional<double>& limit,
                const std::optional<double>& value, bool is_higher_better) {
  if (!limit) return;
  TargetResult t;
  t.name = name;
  t.limit = *limit;
  t.value = value;
  // A missing value (e.g. no incident, so no RTO) cannot miss a ceiling.
  t.met = !value ? !is_higher_better : (is_higher_better ? *value >= *limit : *value <= *limit);
  out.push_back(std::move(t));
}

// Steady state: the router sends every request to the live endpoints of the lowest priority value,
// by weight (Front Door order). Each full region's share of the traffic is its share of those weights.
void assign_traffic_shares(const PatternSpec& pattern, topology::ProvisioningPlan& plan) {
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (const auto& e : pattern.router.endpoints) {
    if (plan.for_region(e.name).mode == topology::ProvisioningMode::kFull) best = std::min(best, e.priority);
  }
  double total_weight = 0;
  for (const auto& e : pattern.router.endpoints) {
    if (e.priority == best && plan.for_region(e.name).mode == topology::ProvisioningMode::kFull) {
      total_weight += static_cast<double>(e.weight);
    }
  }
  for (const auto& e : pattern.router.endpoints) {
    auto& p = plan.regions[e.name];
    const bool is_serving = e.priority == best && p.mode == topology::ProvisioningMode::kFull && total_weight > 0;
    p.traffic_share = is_serving ? static_cast<double>(e.weight) / total_weight : 0.0;
  }
}

}  // namespace

topology::CostReport pattern_cost_report(const Scenario& scenario, const PatternSpec& pattern) {
  topology::ProvisioningPlan plan;
  for (const auto& e : pattern.router.endpoints) {
    topology::RegionProvisioning p;
    if (runs_in_full(pattern, e.name)) {
      p.mode = topology::ProvisioningMode::kFull;
    } else if (pattern.standby_fraction > 0) {
      p.mode = topology::ProvisioningMode::kStandby;
      p.standby_fraction = pattern.standby_fraction;
    } else {
      p.mode = topology::ProvisioningMode::kNone;
    }
    plan.regions[e.name] = p;
  }
  for (const std::string& region : pattern.unbuilt_regions) {
    plan.regions[region] = topology::RegionProvisioning{topology::ProvisioningMode::kNone, 0, 0};
  }
  assign_traffic_shares(pattern, plan);
  for (const auto& [store, replication] : pattern.stores) {
    plan.links[store] = topology::LinkProvisioning{replication.mode, replication.backup_interval};
  }
  return topology::monthly_cost(*scenario.topology, plan);
}

double pattern_monthly_cost(const Scenario& scenario, const PatternSpec& pattern) {
  return pattern_cost_report(scenario, pattern).total_usd;
}

void judge_targets(const Scenario& scenario, PatternResult& pattern) {
  pattern.targets.clear();
  const TargetSpec& t = scenario.targets;
  add_target(pattern.targets, "rto_s", t.rto_s, pattern.rto_s, false);
  add_target(pattern.targets, "rpo_s", t.rpo_s, pattern.rpo_s, false);
  add_target(pattern.targets, "availability", t.availability, pattern.availability, true);
  add_target(pattern.targets, "monthly_cost_usd", t.monthly_cost_usd, pattern.monthly_cost_usd, false);
  add_target(pattern.targets, "premium_usd", t.premium_usd, pattern.premium_usd(), false);
  add_target(pattern.targets, "incident_cost_usd", t.incident_cost_usd, pattern.incident_cost_usd, false);
  for (const auto& [type, spec] : scenario.targets_by_fault) {
    // The worst incident of this fault type.
    std::optional<double> rto;
    std::optional<double> rpo;
    std::optional<double> availability;  // the worst incident's availability while its fault lasted
    std::optional<double> cost;
    for (const IncidentResult& i : pattern.incidents) {
      const auto fault = std::find_if(scenario.faults.begin(), scenario.faults.end(),
                                      [&](const FaultSpec& f) { return f.name == i.fault; });
      if (fault == scenario.faults.end() || to_string(fault->type) != type) continue;
      rto = rto ? std::max(*rto, i.rto_s) : i.rto_s;
      if (i.rpo_s) rpo = rpo ? std::max(*rpo, *i.rpo_s) : *i.rpo_s;
      if (i.availability) availability = availability ? std::min(*availability, *i.availability) : *i.availability;
      cost = cost ? std::max(*cost, i.cost_usd) : i.cost_usd;
    }
    add_target(pattern.targets, type + ".rto_s", spec.rto_s, rto, false);
    add_target(pattern.targets, type + ".rpo_s", spec.rpo_s, rpo, false);
    if (spec.availability && !availability) {
      // No request was offered during a fault of this type: nothing fell short of the floor.
      pattern.targets.push_back(TargetResult{type + ".availability", *spec.availability, std::nullopt, true});
    } else {
      add_target(pattern.targets, type + ".availability", spec.availability, availability, true);
    }
    add_target(pattern.targets, type + ".incident_cost_usd", spec.incident_cost_usd, cost, false);
  }
  for (const auto& [store, limit] : scenario.rpo_by_store) {
    // The store's worst case over its incidents (the mode's bound); an unbounded lag falls back to the sample.
    std::optional<double> worst;
    for (const IncidentResult& i : pattern.incidents) {
      for (const StoreLossResult& s : i.stores) {
        if (s.store != store) continue;
        const double v = s.rpo_worst_s ? std::max(*s.rpo_worst_s, s.rpo_s) : s.rpo_s;
        worst = worst ? std::max(*worst, v) : v;
      }
    }
    add_target(pattern.targets, "rpo_by_store." + store, limit, worst, false);
  }
}

bool all_targets_met(const RunResult& result) {
  for (const PatternResult& p : result.patterns) {
    if (!p.is_gated) continue;
    for (const TargetResult& t : p.targets) {
      if (!t.met) return false;
    }
  }
  return true;
}

std::optional<RunResult> run_scenario(const Scenario& scenario, const RunOptions& options,
                                      std::vector<InputFile> inputs, const std::string& faultline_version) {
  std::vector<std::size_t> chosen;
  if (options.patterns.empty()) {
    for (std::size_t i = 0; i < scenario.patterns.size(); ++i) chosen.push_back(i);
  } else {
    for (const std::string& name : options.patterns) {
      const auto it = std::find_if(scenario.patterns.begin(), scenario.patterns.end(),
                                   [&](const PatternSpec& p) { return p.name == name; });
      if (it == scenario.patterns.end()) {
        std::string known;
        for (const PatternSpec& p : scenario.patterns) known += (known.empty() ? "" : ", ") + p.name;
        throw std::invalid_argument("unknown pattern \"" + name + "\" (the scenario has: " + known + ")");
      }
      chosen.push_back(static_cast<std::size_t>(it - scenario.patterns.begin()));
    }
  }
  RunResult result;
  result.faultline_version = faultline_version;
  result.inputs = std::move(inputs);
  result.seed = scenario.seed;
  result.patterns.resize(chosen.size());

  std::vector<double> progress(chosen.size(), 0.0);
  std::mutex progress_mutex;
  std::atomic<bool> is_cancelled{false};
  // Each pattern writes its own slot: the result does not depend on the thread count.
  base::parallel_for(chosen.size(), options.threads, [&](std::size_t k) {
    RunControl control;
    control.cancel = options.control.cancel;
    if (options.control.on_progress) {
      control.on_progress = [&, k](double f) {
        std::lock_guard lock(progress_mutex);
        progress[k] = f;
        double sum = 0;
        for (double p : progress) sum += p;
        options.control.on_progress(sum / static_cast<double>(progress.size()));
      };
    }
    PatternSimulation simulation(scenario, chosen[k]);
    std::optional<PatternResult> run = simulation.run(control);
    if (!run) {
      is_cancelled = true;
      return;
    }
    PatternResult pattern = std::move(*run);
    const PatternSpec& spec = scenario.patterns[chosen[k]];
    topology::CostReport cost = pattern_cost_report(scenario, spec);
    pattern.monthly_cost_usd = cost.total_usd;
    pattern.cost_breakdown = std::move(cost.lines);
    pattern.is_gated = spec.is_gated;
    const std::string primary = pattern_primary_region(spec);
    if (const auto v = scenario.topology->find(primary);
        v && scenario.topology->node(*v).kind == topology::NodeKind::kRegion) {
      pattern.baseline_cost_usd = topology::single_region_baseline_cost(*scenario.topology, primary);
    }
    judge_targets(scenario, pattern);
    result.patterns[k] = std::move(pattern);
  });
  if (is_cancelled) return std::nullopt;
  if (options.control.on_progress) options.control.on_progress(1.0);
  return result;
}

}  // namespace faultline::engine
