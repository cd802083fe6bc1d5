#include "faultline/planner/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <exception>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "faultline/engine/pattern_simulation.hpp"
#include "faultline/engine/random_stream.hpp"
#include "faultline/engine/simulation.hpp"
#include "faultline/planner/criticality.hpp"
#include "faultline/planner/markov_chain.hpp"

namespace faultline::planner {
namespace {

using engine::SimDuration;
using engine::SimTime;

constexpr std::int64_t kMinuteUs = 60'000'000;

// A duration in simulated microseconds from seconds, at least 1 us.
SimDuration sample_duration(const engine::Distribution& d, engine::RandomStream& rng) {
  const double s = d.sample(rng);
  const double us = std::min(std::max(s * 1e6, 1.0), 1e17);  // 1e17 us: ~3000 years, well inside int64
  return SimDuration{static_cast<std::int64_t>(std::llround(us))};
}

// The failure and repair process of one replication on the event kernel. Only
// failures and repairs are events: a quiet year costs two events per component.
class Replication {
 public:
  Replication(const ReliabilityModel& model, const StructureFunction& structure, std::uint64_t seed,
              std::uint64_t index, SimTime end)
      : model_(model), structure_(structure), sim_(seed, index), end_(end) {
    const std::size_t n = model.components.size();
    for (std::size_t i = 0; i < n; ++i) {
      tbf_.push_back(sim_.stream("reliability.time_between_failures", i));
      ttr_.push_back(sim_.stream("reliability.time_to_repair", i));
    }
    failed_at_.assign(n, SimTime{});
  }

  void run() {
    for (std::size_t i = 0; i < model_.components.size(); ++i) schedule_failure(i);
    sim_.run_until(end_);
    // Close what is still open at the end of the replication.
    if (!is_up_) structure_down_s += engine::to_seconds(end_ - last_change_);
    if (down_mask_ != 0) {
      for (std::size_t i = 0; i < model_.components.size(); ++i) {
        if ((down_mask_ >> i) & 1U) {
          current_.push_back({i, failed_at_[i] - incident_start_, end_ - failed_at_[i]});
        }
      }
      close_incident();
    }
  }

  std::vector<std::vector<IncidentFault>> incidents;
  std::vector<SimTime> incident_starts;  // per incident: when its first failure happened
  double structure_down_s = 0;
  std::uint64_t failures = 0;

 private:
  void schedule_failure(std::size_t i) {
    const SimDuration up = sample_duration(model_.components[i].time_between_failures, tbf_[i]);
    if (up > end_ - sim_.now()) return;  // beyond the end of the replication
    sim_.schedule_after(up, [this, i] { fail(i); });
  }

  void start_repair(std::size_t i) {
    const SimDuration repair = sample_duration(model_.components[i].time_to_repair, ttr_[i]);
    is_crew_busy_ = true;
    if (repair > end_ - sim_.now()) return;  // still down at the end
    sim_.schedule_after(repair, [this, i] { repaired(i); });
  }

  void fail(std::size_t i) {
    ++failures;
    if (down_mask_ == 0) {
      incident_start_ = sim_.now();
      current_.clear();
    }
    failed_at_[i] = sim_.now();
    change_state(down_mask_ | (std::uint64_t{1} << i));
    if (model_.repair_crews == RepairCrews::kIndependent) {
      start_repair(i);
    } else if (!is_crew_busy_) {
      start_repair(i);
    } else {
      waiting_ |= std::uint64_t{1} << i;
    }
  }

  void repaired(std::size_t i) {
    current_.push_back({i, failed_at_[i] - incident_start_, sim_.now() - failed_at_[i]});
    change_state(down_mask_ & ~(std::uint64_t{1} << i));
    schedule_failure(i);
    if (model_.repair_crews == RepairCrews::kShared) {
      is_crew_busy_ = false;
      if (waiting_ != 0) {
        // The crew takes the lowest-index waiting component next (the Markov chain's priority rule).
        const auto next = static_cast<std::size_t>(std::countr_zero(waiting_));
        waiting_ &= ~(std::uint64_t{1} << next);
        start_repair(next);
      }
    }
    if (down_mask_ == 0) close_incident();
  }

  void change_state(std::uint64_t mask) {
    if (!is_up_) structure_down_s += engine::to_seconds(sim_.now() - last_change_);
    last_change_ = sim_.now();
    down_mask_ = mask;
    is_up_ = structure_.is_up(mask);
  }

  void close_incident() {
    std::sort(current_.begin(), current_.end(), [](const IncidentFault& a, const IncidentFault& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.component < b.component;
    });
    incidents.push_back(std::move(current_));
    incident_starts.push_back(incident_start_);
    current_.clear();
  }

  const ReliabilityModel& model_;
  const StructureFunction& structure_;
  engine::Simulation sim_;
  SimTime end_;
  std::vector<engine::RandomStream> tbf_;
  std::vector<engine::RandomStream> ttr_;
  std::vector<SimTime> failed_at_;
  std::uint64_t down_mask_ = 0;
  std::uint64_t waiting_ = 0;
  bool is_crew_busy_ = false;
  bool is_up_ = true;
  SimTime last_change_{};
  SimTime incident_start_{};
  std::vector<IncidentFault> current_;
};

// Rounds a repair time up to whole minutes, and above 16 minutes up to a grid of
// 16 steps per doubling (at most 6.25 % longer), so that incidents share measurements.
SimDuration round_up_to_grid(SimDuration d) {
  std::int64_t minutes = std::max<std::int64_t>(1, (d.count() + kMinuteUs - 1) / kMinuteUs);
  if (minutes > 16) {
    const int octave = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(minutes))) - 1;
    const std::int64_t step = std::int64_t{1} << (octave - 4);
    minutes = (minutes + step - 1) / step * step;
  }
  return SimDuration{minutes * kMinuteUs};
}

// Phase resolution of an incident window in its schedules: 10 s.
constexpr std::int64_t kPhaseStepUs = 10'000'000;

// Common period of every schedule counted from t = 0 that `pattern` runs (restorable copies, training and
// ingestion checkpoints), whole seconds, at most a year; 0 when it runs none.
SimDuration schedule_period(const engine::Scenario& scenario, const engine::PatternSpec& pattern) {
  std::int64_t period_s = 0;
  auto add = [&](SimDuration interval) {
    const std::int64_t s = std::max<std::int64_t>(1, (interval.count() + 500'000) / 1'000'000);
    period_s = period_s == 0 ? s : std::min<std::int64_t>(std::lcm(period_s, s), 365LL * 86400);
  };
  for (const auto& [store, r] : pattern.stores) {
    if (r.mode == topology::ReplicationMode::kBackupRestore || r.mode == topology::ReplicationMode::kScheduledRebuild) {
      add(r.backup_interval);
    }
  }
  for (const auto& w : scenario.workloads) {
    if (w.training) add(w.training->checkpoint_interval);
    if (w.ingestion) add(w.ingestion->checkpoint_interval);
  }
  return SimDuration{period_s * 1'000'000};
}

SimDuration round_to_minute(SimDuration d) {
  return SimDuration{(d.count() + kMinuteUs / 2) / kMinuteUs * kMinuteUs};
}

}  // namespace

MonteCarlo::MonteCarlo(const engine::Scenario& scenario, ReliabilityModel model, StructureFunction structure,
                       McOptions options)
    : scenario_(scenario), model_(std::move(model)), structure_(std::move(structure)), options_(std::move(options)) {
  if (!(options_.years > 0) || options_.years * kSecondsPerYear * 1e6 > 9e18) {
    throw std::invalid_argument("years per replication must be > 0 and at most 285000");
  }
  if (options_.replications == 0) throw std::invalid_argument("replications must be >= 1");
  if (options_.threads == 0) throw std::invalid_argument("threads must be >= 1");
  if (options_.batch_size == 0) throw std::invalid_argument("batch size must be >= 1");
  if (options_.shard_count == 0 || options_.shard_index == 0 || options_.shard_index > options_.shard_count) {
    throw std::invalid_argument("shard must be K/N with 1 <= K <= N");
  }
  if (options_.precision && options_.shard_count > 1) {
    throw std::invalid_argument("--precision cannot be combined with --shard (the stop point needs every replication)");
  }
  if (model_.components.size() != structure_.component_count()) {
    throw std::invalid_argument("structure function and model disagree on the number of components");
  }
  cache_.resize(scenario_.patterns.size());
  for (const auto& p : scenario_.patterns) schedule_period_.push_back(schedule_period(scenario_, p));
}

std::uint64_t MonteCarlo::traffic_simulations() const {
  const std::lock_guard lock(mutex_);
  return traffic_simulations_;
}

IncidentOutcome MonteCarlo::measure(std::size_t pattern, const std::vector<IncidentFault>& faults, SimTime start) {
  // Where the window falls in the pattern's schedules (copies, checkpoints), to kPhaseStep.
  SimDuration origin{0};
  if (const std::int64_t period = schedule_period_.at(pattern).count(); period > 0) {
    const std::int64_t at = ((start - options_.lead).time_since_epoch().count() % period + period) % period;
    origin = SimDuration{(at + kPhaseStepUs / 2) / kPhaseStepUs * kPhaseStepUs % period};
  }
  std::string key = "@" + std::to_string(origin.count() / kPhaseStepUs) + ";";
  std::vector<IncidentFault> rounded;
  for (const auto& f : faults) {
    IncidentFault r{f.component, round_to_minute(f.offset), round_up_to_grid(f.duration)};
    key += std::to_string(r.component) + ":" + std::to_string(r.offset.count() / kMinuteUs) + ":" +
           std::to_string(r.duration.count() / kMinuteUs) + ";";
    rounded.push_back(r);
  }
  {
    const std::lock_guard lock(mutex_);
    const auto it = cache_.at(pattern).find(key);
    if (it != cache_[pattern].end()) return it->second;
  }
  // The incident window: `lead` of normal traffic, the faults, then `tail` after the last repair.
  engine::Scenario window = scenario_;
  window.faults.clear();
  window.schedule_origin = origin;
  SimDuration span{0};
  for (const auto& f : rounded) {
    const auto& c = model_.components[f.component];
    engine::FaultSpec spec;
    spec.name = c.name;
    spec.type = c.fault;
    spec.target = c.target;
    spec.start = SimTime{options_.lead + f.offset};
    spec.duration = f.duration;
    window.faults.push_back(spec);
    span = std::max(span, f.offset + f.duration);
  }
  std::stable_sort(window.faults.begin(), window.faults.end(),
                   [](const engine::FaultSpec& a, const engine::FaultSpec& b) { return a.start < b.start; });
  window.duration = options_.lead + span + options_.tail;
  // The traffic's random numbers depend on the incident only, so equal incidents measure equal.
  engine::PatternSimulation sim(window, pattern, engine::stream_name_hash(key));
  const engine::PatternResult r = sim.run();
  IncidentOutcome out;
  const double lead_s = engine::to_seconds(options_.lead);
  for (const auto& inc : r.incidents) {
    out.rto_s = std::max(out.rto_s, inc.start_s - lead_s + inc.rto_s);
    if (inc.rpo_s) out.rpo_s = std::max(out.rpo_s.value_or(0), *inc.rpo_s);
    out.downtime_s += inc.downtime_weighted_s;
    out.lost_writes += inc.lost_writes;
  }
  out.incident_cost_usd = r.incident_cost_usd;
  const std::lock_guard lock(mutex_);
  ++traffic_simulations_;
  cache_[pattern].emplace(key, out);
  return out;
}

ReplicationRecord MonteCarlo::run_replication(std::uint64_t index) {
  const auto end = SimTime{SimDuration{static_cast<std::int64_t>(std::llround(options_.years * kSecondsPerYear * 1e6))}};
  Replication rep(model_, structure_, scenario_.seed, index, end);
  rep.run();
  ReplicationRecord record;
  record.replication = index;
  record.structure_downtime_s = rep.structure_down_s;
  record.failures = rep.failures;
  if (!options_.is_measuring_incidents) return record;
  std::vector<std::size_t> attributed;  // per incident: the component it counts against (criticality)
  for (const auto& faults : rep.incidents) attributed.push_back(Criticality::attribute(structure_, faults));
  for (std::size_t p = 0; p < scenario_.patterns.size(); ++p) {
    PatternReplication pr;
    for (std::size_t k = 0; k < rep.incidents.size(); ++k) {
      const IncidentOutcome o = measure(p, rep.incidents[k], rep.incident_starts[k]);
      ++pr.incidents;
      pr.downtime_s += o.downtime_s;  // failed requests, not the RTO: a degraded hour is not an hour down
      pr.incident_cost_usd += o.incident_cost_usd;
      pr.rto_s.push_back(o.rto_s);
      if (o.rpo_s) pr.rpo_s.push_back(*o.rpo_s);
      Criticality::add(pr.by_component, attributed[k], o.downtime_s, o.lost_writes);
    }
    record.patterns.push_back(std::move(pr));
  }
  return record;
}

McResult MonteCarlo::run() {
  McResult result;
  result.seed = scenario_.seed;
  result.years = options_.years;
  result.replications_requested = options_.replications;
  result.shard_index = options_.shard_index;
  result.shard_count = options_.shard_count;
  result.precision = options_.precision;
  result.repair_crews = std::string(to_string(model_.repair_crews));
  result.structure = structure_.describe();
  for (const auto& c : model_.components) {
    result.components.push_back(c.name);
    result.component_defaults.push_back(c.default_source);
  }
  if (options_.is_measuring_incidents) {
    for (const auto& p : scenario_.patterns) result.pattern_names.push_back(p.name);
  }
  result.targets = scenario_.targets;

  std::vector<std::uint64_t> indices;
  for (std::uint64_t i = options_.shard_index - 1; i < options_.replications; i += options_.shard_count) {
    indices.push_back(i);
  }
  std::atomic<std::uint64_t> done{0};
  for (std::size_t first = 0; first < indices.size(); first += options_.batch_size) {
    const std::size_t last = std::min(indices.size(), first + static_cast<std::size_t>(options_.batch_size));
    std::vector<ReplicationRecord> batch(last - first);
    std::atomic<std::size_t> next{first};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    {
      std::vector<std::jthread> workers;
      const unsigned count = std::min<unsigned>(options_.threads, static_cast<unsigned>(last - first));
      for (unsigned w = 0; w < count; ++w) {
        workers.emplace_back([&] {
          for (std::size_t k = next++; k < last; k = next++) {
            try {
              batch[k - first] = run_replication(indices[k]);
            } catch (...) {
              const std::lock_guard lock(failure_mutex);
              if (!failure) failure = std::current_exception();
              next = last;
              return;
            }
            const std::uint64_t d = ++done;
            if (options_.on_progress) {
              options_.on_progress(static_cast<double>(d) / static_cast<double>(indices.size()));
            }
          }
        });
      }
    }
    if (failure) std::rethrow_exception(failure);
    for (auto& r : batch) result.records.push_back(std::move(r));
    if (options_.precision) {
      summarize(result);
      const Estimate& e = result.summary.patterns.empty() ? result.summary.structure_availability
                                                          : result.summary.patterns.front().availability;
      if (e.half_width && *e.half_width <= *options_.precision) break;
    }
  }
  summarize(result);
  return result;
}

}  // namespace faultline::planner
