#include "faultline/planner/incident_cache.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "faultline/engine/model/pattern_simulation.hpp"
#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/topology/replication_mode.hpp"

namespace faultline::planner {
namespace {

using engine::SimDuration;
using engine::SimTime;

constexpr std::int64_t kMinuteUs = 60'000'000;
// Phase resolution of an incident window in its schedules: 10 s.
constexpr std::int64_t kPhaseStepUs = 10'000'000;

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

SimDuration round_to_minute(SimDuration d) { return SimDuration{(d.count() + kMinuteUs / 2) / kMinuteUs * kMinuteUs}; }

// Common period of every schedule counted from t = 0 that `pattern` runs (restorable copies, training and
// ingestion checkpoints), whole seconds, at most a year; 0 when it runs none.
SimDuration schedule_period(const engine::Scenario& scenario, const engine::PatternSpec& pattern) {
  std::int64_t period_s = 0;
  auto add = [&](SimDuration interval) {
    const std::int64_t s = std::max<std::int64_t>(1, (interval.count() + 500'000) / 1'000'000);
    period_s = period_s == 0 ? s : std::min<std::int64_t>(std::lcm(period_s, s), 365LL * 86400);
  };
  for (const auto& [store, r] : pattern.stores) {
    if (topology::is_periodic(r.mode)) add(r.backup_interval);
  }
  for (const auto& w : scenario.workloads) {
    if (w.training) add(w.training->checkpoint_interval);
    if (w.ingestion) add(w.ingestion->checkpoint_interval);
  }
  return SimDuration{period_s * 1'000'000};
}

// Bytes of one encoded outcome: index, RTO, has-RPO flag, RPO, cost, downtime, lost writes.
constexpr std::size_t kOutcomeBytes = sizeof(std::uint64_t) * 3 + sizeof(double) * 4;

template <class T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

template <class T>
T take(std::string_view& in) {
  T value;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return value;
}

}  // namespace

SimDuration IncidentKey::span() const {
  SimDuration span{0};
  for (const auto& f : faults) span = std::max(span, f.offset + f.duration);
  return span;
}

IncidentCache::IncidentCache(const engine::Scenario& scenario, const ReliabilityModel& model, SimDuration lead,
                             SimDuration tail)
    : scenario_(scenario), model_(model), lead_(lead), tail_(tail), outcomes_(scenario.patterns.size()) {
  for (const auto& p : scenario_.patterns) schedule_period_.push_back(schedule_period(scenario_, p));
}

IncidentKey IncidentCache::key(std::size_t pattern, const std::vector<IncidentFault>& faults, SimTime start) const {
  IncidentKey k;
  k.pattern = pattern;
  // Where the window falls in the pattern's schedules (copies, checkpoints), to kPhaseStep.
  if (const std::int64_t period = schedule_period_.at(pattern).count(); period > 0) {
    const std::int64_t at = ((start - lead_).time_since_epoch().count() % period + period) % period;
    k.origin = SimDuration{(at + kPhaseStepUs / 2) / kPhaseStepUs * kPhaseStepUs % period};
  }
  k.text = "@" + std::to_string(k.origin.count() / kPhaseStepUs) + ";";
  for (const auto& f : faults) {
    IncidentFault r{f.component, round_to_minute(f.offset), round_up_to_grid(f.duration)};
    k.text += std::to_string(r.component) + ":" + std::to_string(r.offset.count() / kMinuteUs) + ":" +
              std::to_string(r.duration.count() / kMinuteUs) + ";";
    k.faults.push_back(r);
  }
  return k;
}

SimDuration IncidentCache::window(const IncidentKey& key) const { return lead_ + key.span() + tail_; }

IncidentOutcome IncidentCache::simulate(const IncidentKey& key) const {
  // The incident window: `lead` of normal traffic, the faults, then `tail` after the last repair.
  engine::Scenario window = scenario_;
  window.faults.clear();
  window.schedule_origin = key.origin;
  for (const auto& f : key.faults) {
    const auto& c = model_.components[f.component];
    engine::FaultSpec spec;
    spec.name = c.name;
    spec.type = c.fault;
    spec.target = c.target;
    spec.start = SimTime{lead_ + f.offset};
    spec.duration = f.duration;
    window.faults.push_back(spec);
  }
  std::stable_sort(window.faults.begin(), window.faults.end(),
                   [](const engine::FaultSpec& a, const engine::FaultSpec& b) { return a.start < b.start; });
  window.duration = this->window(key);
  // The traffic's random numbers depend on the incident only, so equal incidents measure equal.
  engine::PatternSimulation sim(window, key.pattern, engine::stream_name_hash(key.text));
  const engine::PatternResult r = sim.run();
  IncidentOutcome out;
  const double lead_s = engine::to_seconds(lead_);
  for (const auto& inc : r.incidents) {
    out.rto_s = std::max(out.rto_s, inc.start_s - lead_s + inc.rto_s);
    if (inc.rpo_s) out.rpo_s = std::max(out.rpo_s.value_or(0), *inc.rpo_s);
    out.downtime_s += inc.downtime_weighted_s;
    out.lost_writes += inc.lost_writes;
  }
  out.incident_cost_usd = r.incident_cost_usd;
  return out;
}

const IncidentOutcome* IncidentCache::find(const IncidentKey& key) const {
  const auto& by_text = outcomes_.at(key.pattern);
  const auto it = by_text.find(key.text);
  return it == by_text.end() ? nullptr : &it->second;
}

void IncidentCache::store(const IncidentKey& key, const IncidentOutcome& outcome) {
  outcomes_.at(key.pattern).emplace(key.text, outcome);
}

std::size_t IncidentCache::size() const {
  std::size_t n = 0;
  for (const auto& by_text : outcomes_) n += by_text.size();
  return n;
}

std::string encode_outcomes(const std::vector<std::pair<std::uint64_t, IncidentOutcome>>& outcomes) {
  std::string out;
  out.reserve(outcomes.size() * kOutcomeBytes);
  for (const auto& [index, o] : outcomes) {
    put(out, index);
    put(out, o.rto_s);
    put(out, std::uint64_t{o.rpo_s.has_value()});
    put(out, o.rpo_s.value_or(0.0));
    put(out, o.incident_cost_usd);
    put(out, o.downtime_s);
    put(out, o.lost_writes);
  }
  return out;
}

std::vector<std::pair<std::uint64_t, IncidentOutcome>> decode_outcomes(std::string_view bytes) {
  if (bytes.size() % kOutcomeBytes != 0) {
    throw std::invalid_argument("incident outcomes: " + std::to_string(bytes.size()) + " bytes is not a multiple of " +
                                std::to_string(kOutcomeBytes));
  }
  std::vector<std::pair<std::uint64_t, IncidentOutcome>> out;
  out.reserve(bytes.size() / kOutcomeBytes);
  while (!bytes.empty()) {
    const auto index = take<std::uint64_t>(bytes);
    IncidentOutcome o;
    o.rto_s = take<double>(bytes);
    const bool has_rpo = take<std::uint64_t>(bytes) != 0;
    const double rpo = take<double>(bytes);
    if (has_rpo) o.rpo_s = rpo;
    o.incident_cost_usd = take<double>(bytes);
    o.downtime_s = take<double>(bytes);
    o.lost_writes = take<std::uint64_t>(bytes);
    out.emplace_back(index, o);
  }
  return out;
}

}  // namespace faultline::planner
