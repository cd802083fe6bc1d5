#include "faultline/planner/plan_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "faultline/engine/scenario/scenario_runner.hpp"
#include "faultline/planner/structure_function.hpp"
#include "faultline/router/router_config.hpp"
#include "faultline/topology/cost_model.hpp"
#include "faultline/topology/replication_mode.hpp"

namespace faultline::planner {
namespace {

using topology::ReplicationMode;

std::string number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

std::string interval_text(double s) {
  if (s >= 3600 && std::fmod(s, 3600) == 0) return number_text(s / 3600) + "h";
  if (s >= 60 && std::fmod(s, 60) == 0) return number_text(s / 60) + "m";
  return number_text(s) + "s";
}

std::string replication_text(const ReplicationOption& r) {
  std::string text(topology::to_string(r.mode));
  if (r.mode == ReplicationMode::kBackupRestore) text = "backup";
  if (r.mode == ReplicationMode::kScheduledRebuild) text = "rebuild";
  if (r.interval_s > 0) text += " " + interval_text(r.interval_s);
  return text;
}

// A candidate as one value per dimension, for one base pattern.
struct Settings {
  std::vector<std::string> regions;  // priority order
  double standby_fraction = 1;
  std::optional<double> probe_interval_s;  // nullopt: no probe
  std::optional<contract::ProbeSamples> samples;
  std::optional<contract::BreakerSettings> breaker;
  std::map<std::string, ReplicationOption> by_kind;  // store kind -> how its stores are copied
  auto operator<=>(const Settings&) const = default;
};

// One dimension of one base pattern: option 0 is the pattern's own setting.
struct Dimension {
  std::size_t options = 1;
  std::function<void(Settings&, std::size_t)> set;
};

// Objective triple compared for survival and the front (total cost, RTO p95, RPO p95).
std::tuple<double, double, double> objectives(const PlanCandidate& c) {
  return {c.total_monthly_usd(), c.rto_p95_s.value_or(0.0), c.rpo_p95_s.value_or(0.0)};
}

class Search {
 public:
  Search(const engine::Scenario& scenario, const PlanSpace& space) : scenario_(scenario), space_(space) {}

  // The base pattern's own settings.
  Settings own(const engine::PatternSpec& base) const {
    Settings s;
    s.regions = region_order(base);
    s.standby_fraction = base.standby_fraction;
    if (base.router.probe) {
      s.probe_interval_s = engine::to_seconds(base.router.probe->interval);
      s.samples =
          contract::ProbeSamples{base.router.probe->successful_samples_required, base.router.probe->sample_size};
    }
    if (base.router.breaker) {
      s.breaker =
          contract::BreakerSettings{base.router.breaker->failure_rate_threshold, base.router.breaker->minimum_calls,
                                    engine::to_seconds(base.router.breaker->open_wait)};
    }
    for (const auto& [store, r] : base.stores) {
      const std::string kind(topology::to_string(topology_().node(store).kind));
      if (!s.by_kind.contains(kind)) s.by_kind[kind] = option_of(r);
    }
    return s;
  }

  // The dimensions of `base` with at least one alternative to its own setting.
  std::vector<Dimension> dimensions(const engine::PatternSpec& base, const Settings& own) const {
    std::vector<Dimension> dims;
    add_dimension(dims, alternatives(region_lists(base, own), own.regions),
                  [](Settings& s, const std::vector<std::string>& v) { s.regions = v; });
    if (!base.is_active_active && base.standby_fraction > 0) {
      add_dimension(dims, alternatives(space_.standby_fractions, own.standby_fraction),
                    [](Settings& s, double v) { s.standby_fraction = v; });
    }
    if (own.probe_interval_s) {
      add_dimension(dims, alternatives(space_.probe_intervals_s, *own.probe_interval_s),
                    [](Settings& s, double v) { s.probe_interval_s = v; });
      add_dimension(dims, alternatives(space_.probe_samples, *own.samples),
                    [](Settings& s, const contract::ProbeSamples& v) { s.samples = v; });
    }
    if (own.breaker) {
      add_dimension(dims, alternatives(space_.breakers, *own.breaker),
                    [](Settings& s, const contract::BreakerSettings& v) { s.breaker = v; });
    }
    for (const auto& [kind, mine] : own.by_kind) {
      const auto modes = space_.replication_modes.find(kind);
      if (modes == space_.replication_modes.end()) continue;
      std::vector<ReplicationOption> options;
      for (ReplicationMode m : modes->second) {
        if (m == ReplicationMode::kSync && has_multi_region_writes(base, kind)) continue;  // domain-facts: not allowed
        // Nothing runs in the other regions before a failover (Hot/Cold): no live copy to replicate to.
        if (!topology::is_periodic(m) && !base.is_active_active && base.standby_fraction <= 0) continue;
        if (topology::is_periodic(m)) {
          for (double interval : space_.backup_intervals_s) options.push_back(ReplicationOption{m, interval});
        } else {
          options.push_back(ReplicationOption{m, 0});
        }
      }
      const std::string key = kind;
      add_dimension(dims, alternatives(options, mine),
                    [key](Settings& s, const ReplicationOption& v) { s.by_kind[key] = v; });
    }
    return dims;
  }

  // The pattern a candidate runs: `base` with `s` applied. Throws std::invalid_argument for a bad router setting.
  engine::PatternSpec apply(const engine::PatternSpec& base, const Settings& s) const {
    engine::PatternSpec p = base;
    if (s.regions != region_order(base)) {
      p.router.endpoints.clear();
      for (std::size_t i = 0; i < s.regions.size(); ++i) {
        router::EndpointConfig e =
            *std::find_if(base.router.endpoints.begin(), base.router.endpoints.end(),
                          [&](const router::EndpointConfig& x) { return x.name == s.regions[i]; });
        if (!base.is_active_active) e.priority = static_cast<std::int64_t>(i) + 1;
        p.router.endpoints.push_back(std::move(e));
      }
      for (const auto& e : base.router.endpoints) {
        if (std::find(s.regions.begin(), s.regions.end(), e.name) == s.regions.end())
          p.unbuilt_regions.push_back(e.name);
      }
      std::erase_if(p.stores, [&](const auto& entry) { return !replicates_within(entry.first, s.regions); });
    }
    p.standby_fraction = s.standby_fraction;
    if (p.router.probe && s.probe_interval_s) {
      p.router.probe->interval = engine::from_seconds(*s.probe_interval_s);
      p.router.probe->successful_samples_required = s.samples->required;
      p.router.probe->sample_size = s.samples->of;
    }
    if (p.router.breaker && s.breaker) {
      p.router.breaker->failure_rate_threshold = s.breaker->failure_rate_threshold_percent;
      p.router.breaker->minimum_calls = s.breaker->minimum_calls;
      p.router.breaker->open_wait = engine::from_seconds(s.breaker->open_wait_s);
    }
    if (const auto error = router::find_config_error(p.router)) {
      throw std::invalid_argument("pattern " + base.name + " with plan settings: " + error->path + ": " +
                                  error->message);
    }
    for (auto& [store, r] : p.stores) {
      const auto it = s.by_kind.find(std::string(topology::to_string(topology_().node(store).kind)));
      if (it == s.by_kind.end() || it->second == option_of(r)) continue;
      const ReplicationOption& o = it->second;
      if (o.mode == ReplicationMode::kAsync && r.mode != ReplicationMode::kAsync) {
        r.lag = link_lag(store);
        r.lag_s.reset();
      }
      r.mode = o.mode;
      if (topology::is_periodic(o.mode)) r.backup_interval = engine::from_seconds(o.interval_s);
    }
    return p;
  }

  // "hot-warm standby 0.5 probe 10s" plus every other setting that differs from the base pattern's own.
  std::string label(const engine::PatternSpec& base, const Settings& own, const Settings& s) const {
    std::string text = base.name;
    if (!base.is_active_active && s.standby_fraction > 0) text += " standby " + number_text(s.standby_fraction);
    if (s.probe_interval_s) text += " probe " + number_text(*s.probe_interval_s) + "s";
    if (s.regions != own.regions) {
      text += " regions ";
      for (std::size_t i = 0; i < s.regions.size(); ++i) text += (i ? ">" : "") + s.regions[i];
    }
    if (s.samples != own.samples) {
      text += " x/n " + std::to_string(s.samples->required) + "/" + std::to_string(s.samples->of);
    }
    if (s.breaker != own.breaker) {
      text += " breaker " + number_text(s.breaker->failure_rate_threshold_percent) + "%/" +
              std::to_string(s.breaker->minimum_calls) + "/" + number_text(s.breaker->open_wait_s) + "s";
    }
    for (const auto& [kind, r] : s.by_kind) {
      if (own.by_kind.at(kind) != r) text += " " + kind + " " + replication_text(r);
    }
    return text;
  }

  // Settings that differ between `a` and `b` (pattern counted by the caller).
  static std::size_t differences(const Settings& a, const Settings& b) {
    std::size_t n = static_cast<std::size_t>(a.regions != b.regions) +
                    static_cast<std::size_t>(a.standby_fraction != b.standby_fraction) +
                    static_cast<std::size_t>(a.probe_interval_s != b.probe_interval_s) +
                    static_cast<std::size_t>(a.samples != b.samples) + static_cast<std::size_t>(a.breaker != b.breaker);
    for (const auto& [kind, r] : a.by_kind) {
      const auto it = b.by_kind.find(kind);
      n += static_cast<std::size_t>(it == b.by_kind.end() || it->second != r);
    }
    return n;
  }

  void describe(const engine::PatternSpec& p, const Settings& s, PlanCandidate& c) const {
    c.pattern = p.name;
    c.regions = s.regions;
    c.standby_fraction = s.standby_fraction;
    c.probe_interval_s = s.probe_interval_s.value_or(0.0);
    c.probe_samples = s.samples;
    c.breaker = s.breaker;
    c.stores.clear();
    for (const auto& [store, r] : p.stores) c.stores.push_back(StoreSetting{store, option_of(r)});
  }

  // Settings the topology gives no price: a plan using them looks cheaper than it is.
  std::vector<std::string> price_notes() const {
    std::vector<std::string> notes;
    std::set<std::string> seen;
    for (const auto& base : scenario_.patterns) {
      for (const auto& [store, r] : base.stores) {
        const std::string kind(topology::to_string(topology_().node(store).kind));
        const auto modes = space_.replication_modes.find(kind);
        if (modes == space_.replication_modes.end()) continue;
        const auto& g = topology_().graph();
        for (auto [it, end] = boost::out_edges(*topology_().find(store), g); it != end; ++it) {
          const topology::Edge& e = g[*it];
          if (e.kind != topology::EdgeKind::kReplication) continue;
          const std::string link = store + " -> " + g[boost::target(*it, g)].id;
          for (ReplicationMode m : modes->second) {
            if (m == ReplicationMode::kSync && e.sync_usd_per_month == 0 && seen.insert(link + " sync").second) {
              notes.push_back("replication link " + link +
                              " has no sync_usd_per_month: sync costs only its write latency here");
            }
            if (topology::is_periodic(m) && e.usd_per_copy == 0 && seen.insert(link + " copy").second) {
              notes.push_back("replication link " + link +
                              " has no usd_per_copy: restorable copies cost nothing here, "
                              "however often they are taken");
            }
          }
        }
      }
    }
    return notes;
  }

 private:
  const topology::Topology& topology_() const { return *scenario_.topology; }

  static std::vector<std::string> region_order(const engine::PatternSpec& p) {
    std::vector<const router::EndpointConfig*> sorted;
    for (const auto& e : p.router.endpoints) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto* a, const auto* b) { return a->priority < b->priority; });
    std::vector<std::string> out;
    for (const auto* e : sorted) out.push_back(e->name);
    return out;
  }

  ReplicationOption option_of(const engine::StoreReplication& r) const {
    return ReplicationOption{r.mode, topology::is_periodic(r.mode) ? engine::to_seconds(r.backup_interval) : 0.0};
  }

  router::Micros link_lag(const std::string& store) const {
    const auto& g = topology_().graph();
    for (auto [it, end] = boost::out_edges(*topology_().find(store), g); it != end; ++it) {
      if (g[*it].kind == topology::EdgeKind::kReplication) return g[*it].lag;
    }
    return router::Micros{0};
  }

  bool has_multi_region_writes(const engine::PatternSpec& base, const std::string& kind) const {
    for (const auto& [store, r] : base.stores) {
      const topology::Node& node = topology_().node(store);
      const auto* info = std::get_if<topology::DataStoreInfo>(&node.details);
      if (topology::to_string(node.kind) == kind && info != nullptr && info->has_multi_region_writes) return true;
    }
    return false;
  }

  // True when `store` is in one of `regions` and replicates to a store in another of them.
  bool replicates_within(const std::string& store, const std::vector<std::string>& regions) const {
    const auto& g = topology_().graph();
    const auto v = topology_().find(store);
    if (std::find(regions.begin(), regions.end(), g[*v].region) == regions.end()) return false;
    for (auto [it, end] = boost::out_edges(*v, g); it != end; ++it) {
      if (g[*it].kind != topology::EdgeKind::kReplication) continue;
      const std::string& to = g[boost::target(*it, g)].region;
      if (to != g[*v].region && std::find(regions.begin(), regions.end(), to) != regions.end()) return true;
    }
    return false;
  }

  // Region lists to try: the space's, else every pair whose first region's stores (every kind the
  // pattern replicates) replicate to the second; an active/active pair is tried in one order only.
  std::vector<std::vector<std::string>> region_lists(const engine::PatternSpec& base, const Settings& own) const {
    std::vector<std::vector<std::string>> out;
    const auto& names = own.regions;
    auto is_known = [&](const std::vector<std::string>& list) {
      return std::all_of(list.begin(), list.end(),
                         [&](const std::string& r) { return std::find(names.begin(), names.end(), r) != names.end(); });
    };
    if (!space_.region_pairs.empty()) {
      for (const auto& list : space_.region_pairs) {
        if (is_known(list)) out.push_back(list);
      }
      return out;
    }
    std::set<std::string> kinds;
    for (const auto& [store, r] : base.stores)
      kinds.insert(std::string(topology::to_string(topology_().node(store).kind)));
    for (std::size_t i = 0; i < names.size(); ++i) {
      for (std::size_t j = 0; j < names.size(); ++j) {
        if (i == j || (base.is_active_active && j < i)) continue;
        const std::vector<std::string> pair{names[i], names[j]};
        // Primary/secondary: the first region's stores replicate to the second; active/active: either way.
        std::set<std::string> covered;
        for (const auto& [store, r] : base.stores) {
          const std::string& region = topology_().node(store).region;
          if ((region == names[i] || (base.is_active_active && region == names[j])) && replicates_within(store, pair)) {
            covered.insert(std::string(topology::to_string(topology_().node(store).kind)));
          }
        }
        if (covered == kinds) out.push_back(pair);
      }
    }
    return out;
  }

  template <typename T>
  static std::vector<T> alternatives(const std::vector<T>& options, const T& mine) {
    std::vector<T> out{mine};
    for (const T& o : options) {
      if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
    }
    return out;
  }

  template <typename T, typename Set>
  static void add_dimension(std::vector<Dimension>& dims, std::vector<T> values, Set set) {
    if (values.size() < 2) return;
    Dimension d;
    d.options = values.size();
    d.set = [values = std::move(values), set](Settings& s, std::size_t i) { set(s, values[i]); };
    dims.push_back(std::move(d));
  }

  const engine::Scenario& scenario_;
  const PlanSpace& space_;
};

// One pattern of the scenario as a starting point of the search.
struct Base {
  const engine::PatternSpec* pattern;
  Settings own;
  std::vector<Dimension> dims;
  std::vector<std::vector<std::size_t>> screened;  // per dimension: candidate index per option (kSkipped: not run)
};

// Upper bound of the candidates one base needs: its screen or its full product, capped at `cap`.
std::size_t candidate_bound(const std::vector<Dimension>& dims, std::size_t cap) {
  std::size_t product = 1;
  std::size_t screen = 1;
  for (const auto& d : dims) {
    product = std::min<std::size_t>(product * d.options, cap);
    screen += d.options - 1;
  }
  return std::max(product, screen);
}

constexpr std::size_t kSkipped = std::numeric_limits<std::size_t>::max();

// The options of one screened dimension (candidate index per option, kSkipped: not run)
// that no other option of it beats: not dominated, and not equal to an earlier one.
std::vector<std::size_t> survivors_of(const std::vector<std::size_t>& indices,
                                      const std::vector<PlanCandidate>& candidates) {
  std::vector<std::size_t> kept;
  for (std::size_t option = 0; option < indices.size(); ++option) {
    if (indices[option] == kSkipped) continue;
    const PlanCandidate& c = candidates[indices[option]];
    bool is_beaten = false;
    for (std::size_t other = 0; other < indices.size() && !is_beaten; ++other) {
      if (other == option || indices[other] == kSkipped) continue;
      const PlanCandidate& o = candidates[indices[other]];
      is_beaten = dominates(o, c) || (other < option && objectives(o) == objectives(c));
    }
    if (!is_beaten) kept.push_back(option);
  }
  return kept;
}

}  // namespace

PlanEvaluator::PlanEvaluator(const engine::Scenario& scenario, const ReliabilityModel& model, PlanSpace space,
                             McOptions options)
    : scenario_(scenario), model_(model), space_(std::move(space)), options_(std::move(options)) {
  options_.shard_index = 1;
  options_.shard_count = 1;
  options_.is_measuring_incidents = true;
}

PlanCandidate PlanEvaluator::measure(const engine::PatternSpec& pattern) const {
  engine::Scenario one = scenario_;
  one.patterns = {pattern};
  const StructureFunction structure = StructureFunction::serving(one, model_);
  MonteCarlo mc(one, model_, structure, options_);
  const contract::McResult measured = mc.run();
  const contract::PatternSummary& summary = measured.summary.patterns.front();
  PlanCandidate c;
  c.monthly_cost_usd = engine::pattern_monthly_cost(scenario_, pattern);
  c.annual_incident_cost_usd = summary.annual_incident_cost_usd;
  c.availability = summary.availability.mean;
  c.availability_low = summary.availability.mean - summary.availability.half_width.value_or(0);
  c.rto_p95_s = summary.rto_s.p95;
  c.rpo_p95_s = summary.rpo_s.p95;
  c.replications = measured.records.size();
  c.simulated_years = static_cast<double>(c.replications) * options_.years;
  return c;
}

PlanSearchResult PlanEvaluator::evaluate(const std::function<void(std::size_t, std::size_t)>& on_candidate) {
  PlanSearchResult result;
  if (scenario_.patterns.empty()) return result;
  const Search search(scenario_, space_);
  const Settings current = search.own(scenario_.patterns.front());
  const std::string& current_pattern = scenario_.patterns.front().name;

  std::vector<Base> bases;
  std::size_t bound = 0;
  for (const auto& p : scenario_.patterns) {
    bases.push_back(Base{&p, search.own(p), {}, {}});
    bases.back().dims = search.dimensions(p, bases.back().own);
    bound += candidate_bound(bases.back().dims, space_.max_candidates);
  }
  bound = std::min(bound, space_.max_candidates);

  std::vector<std::string> labels;
  // Evaluates one candidate unless its label was seen or the budget is spent; returns its index or kSkipped.
  auto run = [&](const Base& b, const Settings& s, const char* stage) -> std::size_t {
    const std::string label = search.label(*b.pattern, b.own, s);
    if (const auto seen = std::find(labels.begin(), labels.end(), label); seen != labels.end()) {
      return static_cast<std::size_t>(seen - labels.begin());
    }
    if (result.candidates.size() >= space_.max_candidates) {
      result.is_truncated = true;
      return kSkipped;
    }
    const engine::PatternSpec pattern = search.apply(*b.pattern, s);
    PlanCandidate c = measure(pattern);
    c.label = label;
    c.stage = stage;
    search.describe(pattern, s, c);
    c.changes = static_cast<std::size_t>(pattern.name != current_pattern) + Search::differences(s, current);
    labels.push_back(label);
    result.candidates.push_back(std::move(c));
    if (on_candidate) on_candidate(result.candidates.size(), std::max(bound, result.candidates.size()));
    return result.candidates.size() - 1;
  };

  // Screen: own settings, then one dimension at a time.
  for (Base& b : bases) {
    const std::size_t own_index = run(b, b.own, "screen");
    for (const Dimension& d : b.dims) {
      std::vector<std::size_t> indices{own_index};
      for (std::size_t option = 1; option < d.options; ++option) {
        Settings s = b.own;
        d.set(s, option);
        indices.push_back(run(b, s, "screen"));
      }
      b.screened.push_back(std::move(indices));
    }
  }
  result.screened = result.candidates.size();

  // Combine: the product of each dimension's survivors.
  for (Base& b : bases) {
    std::vector<std::vector<std::size_t>> survivors;
    for (const auto& indices : b.screened) survivors.push_back(survivors_of(indices, result.candidates));
    if (survivors.empty() || std::any_of(survivors.begin(), survivors.end(), [](const auto& k) { return k.empty(); })) {
      continue;
    }
    std::vector<std::size_t> at(survivors.size(), 0);
    while (true) {
      Settings s = b.own;
      for (std::size_t d = 0; d < survivors.size(); ++d) b.dims[d].set(s, survivors[d][at[d]]);
      if (run(b, s, "combine") == kSkipped) break;
      std::size_t d = 0;
      while (d < at.size() && ++at[d] == survivors[d].size()) at[d++] = 0;
      if (d == at.size()) break;
    }
  }
  result.notes = search.price_notes();
  return result;
}

}  // namespace faultline::planner
