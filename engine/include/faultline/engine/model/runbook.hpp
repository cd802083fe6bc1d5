#pragma once
// A failover runbook: a DAG of steps with random durations, failure chances and
// retries (seeds/003: detect, trigger, execute, validate). Its critical path is
// the runbook's share of RTO.

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "faultline/engine/kernel/distribution.hpp"
#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// What a step does to the simulated world when it finishes.
enum class StepKind {
  kCustom,                // no effect beyond its time
  kAlert,                 // a human or an automation is told and decides
  kDeployInfrastructure,  // IaC stands the secondary stack up (Hot/Cold)
  kDeployModels,          // model deployments created; needs quota in the secondary
  kWarmGpuCaches,         // GPU caches loaded: the cold-cache penalty ends
  kPromoteDatabase,       // the secondary copy of the database takes writes
  kRestoreFromBackup,     // a store is restored from its last backup (Hot/Cold)
  kRebuildSearchIndex,    // the search index is rebuilt from source
  kRecreateAgents,        // agents recreated from version-controlled definitions
  kRehydrateThreads,      // persisted threads loaded into the recreated agents
  kValidate,              // end-to-end check before declaring success
  kDnsTtl,                // clients' cached DNS answers expire
};

/// One step of a runbook.
struct RunbookStep {
  std::string id;
  StepKind kind = StepKind::kCustom;
  std::vector<std::string> after;                       // ids of steps that must finish first
  Distribution duration_s = Distribution::constant(0);  // one attempt, seconds
  double failure_chance = 0;                            // chance one attempt fails (0..1)
  int retries = 0;                                      // attempts after the first failure
  double cost_usd = 0;                                  // execution cost of one attempt
};

/// When each step ran in one execution.
struct StepRun {
  SimDuration start{0};  // from the runbook's start
  SimDuration end{0};
  int attempts = 0;
  bool is_failed = false;  // every attempt failed: nothing after it runs
};

/// One sampled execution of a runbook.
struct RunbookRun {
  std::vector<StepRun> steps;               // in runbook order
  SimDuration critical_path{0};             // end of the last step to finish, or to give up (a failed step)
  std::vector<std::size_t> critical_steps;  // indices along the critical path, first to last
  bool is_complete = true;                  // false when a step failed for good
  double cost_usd = 0;                      // sum of every attempt's cost
};

/// A validated runbook (ids unique, references known, no cycle). Steps keep
/// file order; a step starts when every step it is `after` has finished.
class Runbook {
 public:
  Runbook() = default;
  /// Checks and orders `steps`; on a problem returns nothing and sets `error`
  /// ("step \"x\": ..." naming the step and, for a cycle, the steps on it).
  static std::optional<Runbook> create(std::vector<RunbookStep> steps, std::string& error);

  /// Samples one execution: durations, failures and retries from `rng`;
  /// `is_attempt_blocked(step, attempt_start)` (or `(step)`) forces an attempt of
  /// that step starting at attempt_start (from the runbook's start) to fail, e.g. no quota then.
  template <typename Blocked>
  RunbookRun execute(RandomStream& rng, const Blocked& is_attempt_blocked) const;
  /// Execution with every duration at its mean and no failures (for planning and tests).
  [[nodiscard]] RunbookRun expected() const;

  [[nodiscard]] const std::vector<RunbookStep>& steps() const { return steps_; }
  [[nodiscard]] bool empty() const { return steps_.empty(); }
  /// Index of the first step of `kind`, if any.
  [[nodiscard]] std::optional<std::size_t> find(StepKind kind) const;

 private:
  // Start/end times along a topological order and the longest path (Boost.Graph).
  RunbookRun schedule(const std::vector<SimDuration>& durations, const std::vector<int>& attempts,
                      const std::vector<bool>& failed, double cost) const;

  std::vector<RunbookStep> steps_;
  std::vector<std::vector<std::size_t>> predecessors_;
  std::vector<std::size_t> order_;  // topological order of step indices
};

/// File spelling of a step kind ("deploy_models", ...).
std::string_view to_string(StepKind kind);
/// Every file spelling, in enum order.
const std::vector<std::string>& step_kind_names();

template <typename Blocked>
RunbookRun Runbook::execute(RandomStream& rng, const Blocked& is_attempt_blocked) const {
  // Every possible attempt is drawn first, in file order, so the same seed gives
  // the same draws whatever the DAG and whatever blocks an attempt.
  struct Draw {
    SimDuration duration{0};
    bool is_failure = false;
  };
  std::vector<std::vector<Draw>> draws(steps_.size());
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const RunbookStep& step = steps_[i];
    for (int attempt = 0; attempt <= step.retries; ++attempt) {
      Draw d;
      d.duration = from_seconds(std::max(0.0, step.duration_s.sample(rng)));
      d.is_failure = step.failure_chance > 0 && rng.bernoulli(step.failure_chance);
      draws[i].push_back(d);
    }
  }
  // Then the attempts run along a topological order, so each knows when it starts.
  std::vector<SimDuration> durations(steps_.size());
  std::vector<SimDuration> ends(steps_.size());
  std::vector<int> attempts(steps_.size(), 0);
  std::vector<bool> failed(steps_.size(), false);
  std::vector<bool> is_cut(steps_.size(), false);  // a step before it failed: it never runs
  double cost = 0;
  for (std::size_t i : order_) {
    SimDuration start{0};
    for (std::size_t u : predecessors_[i]) {
      is_cut[i] = is_cut[i] || is_cut[u] || failed[u];
      start = std::max(start, ends[u]);
    }
    if (is_cut[i]) continue;
    SimDuration t = start;
    for (const Draw& d : draws[i]) {
      bool is_blocked = false;
      if constexpr (std::is_invocable_v<const Blocked&, std::size_t, SimDuration>) {
        is_blocked = is_attempt_blocked(i, t);
      } else {
        is_blocked = is_attempt_blocked(i);
      }
      t += d.duration;
      ++attempts[i];
      cost += steps_[i].cost_usd;
      if (!is_blocked && !d.is_failure) break;
      if (attempts[i] == static_cast<int>(draws[i].size())) failed[i] = true;
    }
    durations[i] = t - start;
    ends[i] = t;
  }
  return schedule(durations, attempts, failed, cost);
}

}  // namespace faultline::engine
