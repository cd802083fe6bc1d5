#include "faultline/planner/monte_carlo.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <utility>

#include "failure_history.hpp"
#include "faultline/base/parallel_for.hpp"
#include "faultline/planner/criticality.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/mc_summary.hpp"

namespace faultline::planner {
namespace {

using engine::SimDuration;
using engine::SimTime;

// Simulated years whose histories are held at once without a precision rule: bounds memory whatever
// --years x --replications, and the rounds of key exchange between ranks.
constexpr double kChunkYears = 5000;

}  // namespace

MonteCarlo::MonteCarlo(const engine::Scenario& scenario, ReliabilityModel model, StructureFunction structure,
                       McOptions options)
    : scenario_(scenario),
      model_(std::move(model)),
      structure_(std::move(structure)),
      options_(std::move(options)),
      traffic_scenario_(options_.traffic == engine::TrafficMode::kFast ? engine::thin_traffic(scenario_) : scenario_),
      cache_(traffic_scenario_, model_, options_.lead, options_.tail) {
  if (!(options_.years > 0) || options_.years * kSecondsPerYear * 1e6 > 9e18) {
    throw std::invalid_argument("years per replication must be > 0 and at most 285000");
  }
  if (options_.replications == 0) throw std::invalid_argument("replications must be >= 1");
  if (options_.threads == 0) throw std::invalid_argument("threads must be >= 1");
  if (options_.batch_size == 0) throw std::invalid_argument("batch size must be >= 1");
  if (options_.shard_count == 0 || options_.shard_index == 0 || options_.shard_index > options_.shard_count) {
    throw std::invalid_argument("shard must be K/N with 1 <= K <= N");
  }
  if ((options_.precision || options_.precision_rto_p95_s) && options_.shard_count > 1) {
    throw std::invalid_argument(
        "--precision and --precision-rto-p95 cannot be combined with --shard (the stop point needs every replication)");
  }
  if (options_.precision_rto_p95_s && (!options_.is_measuring_incidents || scenario_.patterns.empty())) {
    throw std::invalid_argument("--precision-rto-p95 needs a pattern whose incidents are measured");
  }
  if (options_.rank_count == 0 || options_.rank_index >= options_.rank_count ||
      (options_.rank_count > 1 && !options_.exchange)) {
    throw std::invalid_argument("rank must be 0 <= index < count, with an exchange when count > 1");
  }
  if (model_.components.size() != structure_.component_count()) {
    throw std::invalid_argument("structure function and model disagree on the number of components");
  }
}

MonteCarlo::~MonteCarlo() = default;

std::uint64_t MonteCarlo::traffic_simulations() const { return traffic_simulations_; }

IncidentOutcome MonteCarlo::measure(std::size_t pattern, const std::vector<IncidentFault>& faults, SimTime start) {
  const IncidentKey key = cache_.key(pattern, faults, start);
  {
    const std::lock_guard lock(mutex_);
    if (const IncidentOutcome* known = cache_.find(key)) return *known;
  }
  const IncidentOutcome out = cache_.simulate(key);
  ++traffic_simulations_;
  const std::lock_guard lock(mutex_);
  cache_.store(key, out);
  return out;
}

std::vector<FailureHistory> MonteCarlo::simulate_histories(const std::vector<std::uint64_t>& indices) const {
  const auto end =
      SimTime{SimDuration{static_cast<std::int64_t>(std::llround(options_.years * kSecondsPerYear * 1e6))}};
  std::vector<FailureHistory> histories(indices.size());
  base::parallel_for(indices.size(), options_.threads, [&](std::size_t k) {
    histories[k] = simulate_failures(model_, structure_, scenario_.seed, indices[k], end);
  });
  return histories;
}

void MonteCarlo::measure_new_incidents(const std::vector<FailureHistory>& histories,
                                       const std::function<void(double)>& on_part) {
  // The distinct keys not measured yet, in (pattern, text) order: the same list on every rank.
  std::map<std::pair<std::size_t, std::string>, IncidentKey> pending;
  for (const FailureHistory& h : histories) {
    for (std::size_t p = 0; p < scenario_.patterns.size(); ++p) {
      for (std::size_t k = 0; k < h.incidents.size(); ++k) {
        IncidentKey key = cache_.key(p, h.incidents[k], h.incident_starts[k]);
        if (cache_.find(key) == nullptr) pending.try_emplace({p, key.text}, std::move(key));
      }
    }
  }
  // Longest windows first (their traffic runs cost the most), ties in key order; each goes to the rank with the
  // least window time so far (ties to the lowest rank): a deterministic, balanced split.
  std::vector<const IncidentKey*> keys;
  for (const auto& [name, key] : pending) keys.push_back(&key);
  std::stable_sort(keys.begin(), keys.end(),
                   [&](const IncidentKey* a, const IncidentKey* b) { return cache_.window(*a) > cache_.window(*b); });
  std::vector<std::size_t> mine;
  std::vector<std::int64_t> load(options_.rank_count, 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto rank = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    load[rank] += cache_.window(*keys[i]).count();
    if (rank == options_.rank_index) mine.push_back(i);
  }
  std::vector<IncidentOutcome> outcomes(keys.size());
  std::atomic<std::size_t> done{0};
  base::parallel_for(mine.size(), options_.threads, [&](std::size_t j) {
    outcomes[mine[j]] = cache_.simulate(*keys[mine[j]]);
    ++traffic_simulations_;
    if (on_part) on_part(static_cast<double>(++done) / static_cast<double>(mine.size()));
  });
  if (options_.rank_count > 1) {
    std::vector<std::pair<std::uint64_t, IncidentOutcome>> part;
    for (std::size_t i : mine) part.emplace_back(i, outcomes[i]);
    for (const std::string& bytes : options_.exchange(encode_outcomes(part))) {
      for (const auto& [i, o] : decode_outcomes(bytes)) outcomes.at(static_cast<std::size_t>(i)) = o;
    }
  }
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < keys.size(); ++i) cache_.store(*keys[i], outcomes[i]);
}

contract::ReplicationRecord MonteCarlo::make_record(std::uint64_t index, const FailureHistory& history) const {
  contract::ReplicationRecord record;
  record.replication = index;
  record.structure_downtime_s = history.structure_down_s;
  record.failures = history.failures;
  if (!options_.is_measuring_incidents) return record;
  std::vector<std::size_t> attributed;  // per incident: the component it counts against (criticality)
  for (const auto& faults : history.incidents) attributed.push_back(Criticality::attribute(structure_, faults));
  const std::lock_guard lock(mutex_);
  for (std::size_t p = 0; p < scenario_.patterns.size(); ++p) {
    contract::PatternReplication pr;
    for (std::size_t k = 0; k < history.incidents.size(); ++k) {
      const IncidentOutcome* o = cache_.find(cache_.key(p, history.incidents[k], history.incident_starts[k]));
      if (o == nullptr) throw std::logic_error("Monte Carlo: an incident was not measured before its record");
      ++pr.incidents;
      pr.downtime_s += o->downtime_s;  // failed requests, not the RTO: a degraded hour is not an hour down
      pr.incident_cost_usd += o->incident_cost_usd;
      pr.rto_s.push_back(o->rto_s);
      if (o->rpo_s) pr.rpo_s.push_back(*o->rpo_s);
      Criticality::add(pr.by_component, attributed[k], o->downtime_s, o->lost_writes);
    }
    record.patterns.push_back(std::move(pr));
  }
  return record;
}

contract::ReplicationRecord MonteCarlo::run_replication(std::uint64_t index) {
  FailureHistory history = std::move(simulate_histories({index}).front());
  if (options_.is_measuring_incidents) {
    for (std::size_t p = 0; p < scenario_.patterns.size(); ++p) {
      for (std::size_t k = 0; k < history.incidents.size(); ++k) {
        measure(p, history.incidents[k], history.incident_starts[k]);
      }
    }
  }
  return make_record(index, history);
}

bool MonteCarlo::is_precise_enough(contract::McResult& result, std::vector<double>& rto_first_pattern) const {
  if (!options_.precision && !options_.precision_rto_p95_s) return false;
  summarize(result);
  if (options_.precision) {
    const contract::Estimate& e = result.summary.patterns.empty() ? result.summary.structure_availability
                                                                  : result.summary.patterns.front().availability;
    if (!e.half_width || *e.half_width > *options_.precision) return false;
  }
  if (options_.precision_rto_p95_s) {
    const std::optional<double> half = quantile_half_width_99(rto_first_pattern, 0.95);
    if (!half || *half > *options_.precision_rto_p95_s) return false;
  }
  return true;
}

contract::McResult MonteCarlo::empty_result() const {
  contract::McResult result;
  result.seed = scenario_.seed;
  result.years = options_.years;
  result.replications_requested = options_.replications;
  result.shard_index = options_.shard_index;
  result.shard_count = options_.shard_count;
  result.precision = options_.precision;
  result.precision_rto_p95_s = options_.precision_rto_p95_s;
  result.repair_crews = std::string(to_string(model_.repair_crews));
  if (options_.is_measuring_incidents) result.traffic = std::string(engine::to_string(options_.traffic));
  result.structure = structure_.describe();
  for (const auto& c : model_.components) {
    result.components.push_back(c.name);
    result.component_defaults.push_back(c.default_source);
  }
  if (options_.is_measuring_incidents) {
    for (const auto& p : scenario_.patterns) result.pattern_names.push_back(p.name);
  }
  result.targets = scenario_.targets;
  return result;
}

contract::McResult MonteCarlo::run() {
  contract::McResult result = empty_result();
  std::vector<std::uint64_t> indices;
  for (std::uint64_t i = options_.shard_index - 1; i < options_.replications; i += options_.shard_count) {
    indices.push_back(i);
  }
  // With a precision rule, chunks are its batches (the stop point depends on them only); without, as many
  // replications as fit kChunkYears (at least a batch). Chunking changes no figure.
  const bool has_precision = options_.precision || options_.precision_rto_p95_s;
  const auto chunk =
      static_cast<std::size_t>(has_precision ? static_cast<double>(options_.batch_size)
                                             : std::max<double>(static_cast<double>(options_.batch_size),
                                                                std::ceil(kChunkYears / options_.years)));
  const auto total = static_cast<double>(indices.size());
  std::vector<double> rto_first_pattern;
  for (std::size_t first = 0; first < indices.size(); first += chunk) {
    const std::size_t last = std::min(indices.size(), first + chunk);
    const std::vector<std::uint64_t> part(indices.begin() + static_cast<std::ptrdiff_t>(first),
                                          indices.begin() + static_cast<std::ptrdiff_t>(last));
    const std::vector<FailureHistory> histories = simulate_histories(part);
    if (options_.is_measuring_incidents) {
      measure_new_incidents(histories, [&](double f) {
        if (options_.on_progress)
          options_.on_progress((static_cast<double>(first) + f * static_cast<double>(part.size())) / total);
      });
    }
    for (std::size_t k = 0; k < part.size(); ++k) {
      result.records.push_back(make_record(part[k], histories[k]));
      if (!result.records.back().patterns.empty()) {
        const auto& rto = result.records.back().patterns.front().rto_s;
        rto_first_pattern.insert(rto_first_pattern.end(), rto.begin(), rto.end());
      }
    }
    if (options_.on_progress) options_.on_progress(static_cast<double>(last) / total);
    if (is_precise_enough(result, rto_first_pattern)) break;
  }
  summarize(result);
  return result;
}

}  // namespace faultline::planner
