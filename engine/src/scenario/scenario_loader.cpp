#include "faultline/engine/scenario/scenario_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>

#include "faultline/engine/scenario/distribution_reader.hpp"
#include "faultline/router_config/router_config_loader.hpp"
#include "faultline/base/json_reader.hpp"
#include "faultline/base/key_suggestion.hpp"
#include "faultline/topology/lowest_latency_path.hpp"
#include "faultline/topology/replication_mode.hpp"
#include "faultline/topology/topology_loader.hpp"
#include "scenario/fault_targets.hpp"
#include "scenario/pattern_presets.hpp"
#include "scenario/pool_member_check.hpp"
#include "scenario/target_reader.hpp"
#include "scenario/workload_reader.hpp"

namespace faultline::engine {
namespace {

using base::JsonReader;
using base::LoadError;
using nlohmann::json;
using std::chrono::microseconds;
using topology::NodeKind;

constexpr microseconds kMaxRun = std::chrono::hours(24 * 366);
constexpr microseconds kMaxStep = std::chrono::hours(24 * 7);

const std::vector<std::string> kFaultTypes{
    "region_outage",   "zone_outage",         "gpu_capacity_loss",     "gray_failure",
    "throttling",      "gateway_failure",     "global_entry_failure",  "dns_failure",
    "quota_reclaimed", "model_version_drift", "replication_partition", "data_store_outage"};

// "FL" and three digits, as docs/lint-rules.md numbers the rules.
bool is_lint_rule_id(const std::string& id) {
  return id.size() == 5 && id.rfind("FL", 0) == 0 &&
         std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename Enum>
Enum enum_at(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<Enum>(std::find(names.begin(), names.end(), name) - names.begin());
}

class ScenarioChecker {
 public:
  ScenarioChecker(std::string file, std::string base_dir, std::vector<base::LoadError>& errors)
      : reader_(std::move(file), errors), base_dir_(std::move(base_dir)), errors_(errors) {}

  std::optional<Scenario> check(const json& root) {
    if (!reader_.expect_object(root, "", "an object with \"topology\", \"workloads\" and \"patterns\"")) {
      return std::nullopt;
    }
    reader_.check_keys(root, "",
                       {"$schema", "name", "description", "topology", "duration", "seed", "recovery", "slo",
                        "workloads", "faults", "patterns", "targets", "costs", "reliability", "plan", "lint"});
    Scenario s;
    s.file = reader_.file();
    s.name = reader_.string(root, "", "name", {.is_required = true}).value_or("");
    s.description = reader_.string(root, "", "description", {.is_required = false}).value_or("");
    if (const auto d =
            reader_.duration(root, "", "duration", {.is_required = true, .max = kMaxRun, .max_text = "366 days"})) {
      if (d->count() == 0) {
        reader_.error("duration", "the run has no length", "a duration > 0");
      } else {
        s.duration = *d;
      }
    }
    if (const auto seed = reader_.number(root, "", "seed", {.min = 0, .max = 9007199254740991.0, .is_integer = true})) {
      s.seed = static_cast<std::uint64_t>(*seed);
    }
    check_recovery(root, s);
    load_topology(root, s);
    if (const json* workloads = reader_.array(root, "", "workloads", {.is_required = true})) {
      if (workloads->empty()) reader_.error("workloads", "no workloads", "at least one workload class");
      for (std::size_t i = 0; i < workloads->size(); ++i) {
        workloads_.check((*workloads)[i], base::JsonReader::at("workloads", i), s);
      }
    }
    if (const json* faults = reader_.array(root, "", "faults", {.is_required = false})) {
      for (std::size_t i = 0; i < faults->size(); ++i) check_fault((*faults)[i], base::JsonReader::at("faults", i), s);
      std::stable_sort(s.faults.begin(), s.faults.end(),
                       [](const FaultSpec& a, const FaultSpec& b) { return a.start < b.start; });
    }
    if (const json* patterns = reader_.array(root, "", "patterns", {.is_required = true})) {
      if (patterns->empty())
        reader_.error("patterns", "no patterns", "at least one pattern, e.g. {\"name\": \"hot-warm\"}");
      for (std::size_t i = 0; i < patterns->size(); ++i) {
        check_pattern((*patterns)[i], base::JsonReader::at("patterns", i), s);
      }
    }
    TargetReader(reader_, kFaultTypes).check(root, s);
    check_lint(root, s);
    if (const json* c = reader_.object(root, "", "costs", {.is_required = false})) {
      reader_.check_keys(*c, "costs", {"per_failed_request_usd", "per_downtime_minute_usd", "per_lost_write_usd"});
      s.costs.per_failed_request_usd =
          reader_.number(*c, "costs", "per_failed_request_usd", {.min = 0, .max = 1e9}).value_or(0);
      s.costs.per_downtime_minute_usd =
          reader_.number(*c, "costs", "per_downtime_minute_usd", {.min = 0, .max = 1e12}).value_or(0);
      s.costs.per_lost_write_usd =
          reader_.number(*c, "costs", "per_lost_write_usd", {.min = 0, .max = 1e9}).value_or(0);
    }
    if (!errors_.empty()) return std::nullopt;
    return s;
  }

 private:
  void check_recovery(const json& root, Scenario& s) {
    if (const json* r = reader_.object(root, "", "recovery", {.is_required = false})) {
      reader_.check_keys(*r, "recovery", {"window", "threshold"});
      if (const auto w = reader_.duration(*r, "recovery", "window", {.max = std::chrono::hours(1), .max_text = "1h"})) {
        if (w->count() % 1000000 != 0 || w->count() == 0) {
          reader_.error("recovery.window", "not a whole number of seconds", "a whole number of seconds >= 1");
        } else {
          s.recovery.window = *w;
        }
      }
      if (const auto t = reader_.number(*r, "recovery", "threshold", {.min = 0.01, .max = 1}))
        s.recovery.threshold = *t;
    }
    if (const json* slo = reader_.object(root, "", "slo", {.is_required = false})) {
      reader_.check_keys(*slo, "slo", {"success_ratio", "window"});
      if (const auto r = reader_.number(*slo, "slo", "success_ratio", {.min = 0, .max = 1})) s.slo.success_ratio = *r;
      if (const auto w = reader_.duration(*slo, "slo", "window", {.max = std::chrono::hours(24), .max_text = "24h"})) {
        if (w->count() % 1000000 != 0 || w->count() == 0) {
          reader_.error("slo.window", "not a whole number of seconds", "a whole number of seconds >= 1");
        } else {
          s.slo.window = *w;
        }
      }
    }
  }

  void load_topology(const json& root, Scenario& s) {
    const auto it = root.find("topology");
    if (it == root.end()) {
      reader_.error("topology", "missing required key \"topology\"",
                    "a path to a topology file (relative to this file) or an inline topology object");
      return;
    }
    topology::LoadResult loaded;
    if (it->is_string()) {
      std::filesystem::path path(it->get<std::string>());
      if (path.is_relative()) path = std::filesystem::path(base_dir_) / path;
      s.topology_file = path.lexically_normal().string();
      loaded = topology::TopologyLoader::load_file(s.topology_file);
    } else if (it->is_object()) {
      loaded = topology::TopologyLoader::load_text(it->dump(), reader_.file() + " (topology)");
    } else {
      reader_.error("topology", std::string("expected a string or an object, got ") + it->type_name(),
                    "a path to a topology file or an inline topology object");
      return;
    }
    if (!loaded.is_ok()) {
      for (base::LoadError& e : loaded.errors) errors_.push_back(std::move(e));
      return;
    }
    s.topology = std::make_shared<const topology::Topology>(std::move(*loaded.topology));
    for (std::string& problem : unserved_pool_members(*s.topology)) {
      reader_.error("topology", std::move(problem),
                    "cross-region pool members in origin regions of the global entry, reachable over the network "
                    "from the gateway's region (docs/topology.md)");
    }
  }

  void check_fault(const json& f, const std::string& path, Scenario& s) {
    if (!reader_.expect_object(f, path, "a fault object")) return;
    reader_.check_keys(f, path,
                       {"name", "type", "target", "start", "duration", "fraction", "error_rate", "added_latency",
                        "retry_after", "description"});
    FaultSpec spec;
    spec.name = reader_.string(f, path, "name", {.is_required = true}).value_or("");
    if (!spec.name.empty() && !fault_names_.insert(spec.name).second) {
      reader_.error(base::JsonReader::at(path, "name"), "duplicate fault name \"" + spec.name + "\"",
                    "a name unique among faults");
    }
    const auto type = reader_.one_of(f, path, "type", {.is_required = true}, kFaultTypes);
    if (type) spec.type = enum_at<FaultType>(kFaultTypes, *type);
    if (const auto target = reader_.string(f, path, "target", {.is_required = true})) {
      spec.target = *target;
      if (s.topology && type) {
        const auto kinds = fault_target_kinds(spec.type);
        const auto v = s.topology->find(*target);
        if (!v) {
          reader_.error(base::JsonReader::at(path, "target"), "unknown node \"" + *target + "\"",
                        "the id of a " + node_kinds_text(kinds) + " of the topology");
        } else if (std::find(kinds.begin(), kinds.end(), s.topology->node(*v).kind) == kinds.end()) {
          reader_.error(base::JsonReader::at(path, "target"),
                        "\"" + *target + "\" is a " + std::string(topology::to_string(s.topology->node(*v).kind)) +
                            ", which a " + *type + " cannot target",
                        "the id of a " + node_kinds_text(kinds));
        }
      }
    }
    if (const auto start =
            reader_.duration(f, path, "start", {.is_required = true, .max = kMaxRun, .max_text = "366 days"})) {
      spec.start = SimTime{*start};
      if (*start >= s.duration) {
        reader_.error(base::JsonReader::at(path, "start"), "the fault starts at or after the end of the run",
                      "a start before the run's duration");
      }
    }
    if (const auto d = reader_.duration(f, path, "duration", {.max = kMaxRun, .max_text = "366 days"})) {
      if (d->count() == 0) {
        reader_.error(base::JsonReader::at(path, "duration"), "a fault of no length",
                      "a duration > 0, or no key (to the end)");
      } else {
        spec.duration = *d;
      }
    }
    const bool is_fraction_used = spec.type == FaultType::kGpuCapacityLoss || spec.type == FaultType::kThrottling;
    if (const auto x = reader_.number(f, path, "fraction", {.min = 0, .max = 1})) spec.fraction = *x;
    if (f.contains("fraction") && !is_fraction_used) unused(f, path, "fraction", "gpu_capacity_loss or throttling");
    if (const auto x = reader_.number(f, path, "error_rate", {.min = 0, .max = 1})) spec.error_rate = *x;
    if (const auto d = reader_.duration(f, path, "added_latency", {.max = std::chrono::hours(1), .max_text = "1h"}))
      spec.added_latency = *d;
    if (spec.type != FaultType::kGrayFailure) {
      if (f.contains("error_rate")) unused(f, path, "error_rate", "gray_failure");
      if (f.contains("added_latency")) unused(f, path, "added_latency", "gray_failure");
    } else if (!f.contains("error_rate") && !f.contains("added_latency")) {
      reader_.error(path, "a gray failure with neither error_rate nor added_latency",
                    "\"error_rate\" (0..1) and/or \"added_latency\"");
    }
    if (const auto d = reader_.duration(f, path, "retry_after", {.max = std::chrono::hours(24), .max_text = "24h"}))
      spec.retry_after = *d;
    if (spec.type != FaultType::kThrottling && f.contains("retry_after")) unused(f, path, "retry_after", "throttling");
    s.faults.push_back(std::move(spec));
  }

  void unused(const json& f, const std::string& path, std::string_view key, std::string_view types) {
    reader_.error(base::JsonReader::at(path, key),
                  "\"" + std::string(key) + "\" has no meaning for a " + f.value("type", std::string("fault")),
                  "only with type " + std::string(types));
  }

  void check_pattern(const json& p, const std::string& path, Scenario& s) {
    if (!reader_.expect_object(p, path, "a pattern object")) return;
    reader_.check_keys(
        p, path,
        {"name", "preset", "description", "routing", "standby_fraction", "trigger_delay", "time_to_capacity", "warmup",
         "cold_cache_latency", "router", "router_file", "runbook", "data", "gate"});
    PatternSpec spec;
    spec.name = reader_.string(p, path, "name", {.is_required = true}).value_or("");
    if (!spec.name.empty() && !pattern_names_.insert(spec.name).second) {
      reader_.error(base::JsonReader::at(path, "name"), "duplicate pattern name \"" + spec.name + "\"",
                    "a name unique among patterns");
    }
    std::string preset_name = spec.name;
    if (const auto preset =
            reader_.one_of(p, path, "preset", {.is_required = false}, {"hot-hot", "hot-warm", "hot-cold"})) {
      preset_name = *preset;
    }
    const PatternPreset* preset = find_preset(preset_name);
    if (preset == nullptr && !p.contains("preset") && !spec.name.empty()) {
      for (const char* key : {"routing", "standby_fraction"}) {
        if (!p.contains(key)) {
          reader_.error(
              base::JsonReader::at(path, key),
              "missing required key \"" + std::string(key) + "\" for a custom pattern \"" + spec.name + "\"",
              "a name or \"preset\" of hot-hot, hot-warm or hot-cold, or both \"routing\" and \"standby_fraction\"");
        }
      }
    }
    if (preset != nullptr) {
      spec.is_active_active = preset->is_active_active;
      spec.standby_fraction = preset->standby_fraction;
      spec.trigger_delay = preset->trigger_delay;
      spec.time_to_capacity = preset->time_to_capacity;
      spec.warmup = preset->warmup;
      spec.cold_cache_latency = preset->cold_cache_latency;
    }
    if (const auto routing =
            reader_.one_of(p, path, "routing", {.is_required = false}, {"active_active", "priority"})) {
      spec.is_active_active = *routing == "active_active";
    }
    if (const auto x = reader_.number(p, path, "standby_fraction", {.min = 0, .max = 1})) spec.standby_fraction = *x;
    if (const auto gate = reader_.boolean(p, path, "gate", {.is_required = false})) spec.is_gated = *gate;
    if (const auto d = reader_.duration(p, path, "trigger_delay", {.max = kMaxStep, .max_text = "7 days"}))
      spec.trigger_delay = *d;
    if (const auto d = reader_.duration(p, path, "time_to_capacity", {.max = kMaxStep, .max_text = "7 days"}))
      spec.time_to_capacity = *d;
    if (const auto d = reader_.duration(p, path, "warmup", {.max = kMaxStep, .max_text = "7 days"})) spec.warmup = *d;
    if (const auto d =
            reader_.duration(p, path, "cold_cache_latency", {.max = std::chrono::minutes(10), .max_text = "10m"})) {
      spec.cold_cache_latency = *d;
    }
    if (s.topology) check_router(p, path, s, spec);
    if (s.topology) set_default_stores(*s.topology, preset_name, spec);
    if (preset != nullptr) spec.runbook = preset_runbook(preset_name);
    if (const json* runbook = reader_.array(p, path, "runbook", {.is_required = false})) {
      check_runbook(*runbook, base::JsonReader::at(path, "runbook"), spec);
    }
    if (const json* data = reader_.object(p, path, "data", {.is_required = false}))
      check_data(*data, base::JsonReader::at(path, "data"), s, spec);
    s.patterns.push_back(std::move(spec));
  }

  void check_router(const json& p, const std::string& path, const Scenario& s, PatternSpec& spec) {
    const router::RouterConfig defaults = default_router_config(*s.topology, spec.is_active_active);
    if (defaults.endpoints.empty()) {
      reader_.error(path, "the topology has no global entry with origins to route between",
                    "a topology whose global_entry lists origins");
      return;
    }
    const auto it = p.find("router");
    if (p.contains("router_file")) {
      if (it != p.end())
        reader_.error(base::JsonReader::at(path, "router_file"), "both router and router_file", "one of them");
      if (read_router_file(p, path, spec))
        check_router_names(spec, defaults, base::JsonReader::at(path, "router_file"));
      return;
    }
    if (it == p.end()) {
      spec.router = defaults;
      return;
    }
    const std::string router_path = base::JsonReader::at(path, "router");
    if (!it->is_object()) {
      reader_.error(router_path, std::string("expected an object, got ") + it->type_name(),
                    "a router configuration with the replay format's keys (docs/router.md)");
      return;
    }
    json config = *it;
    // Absent sections come from the topology (endpoints, probe); "probe": null turns the probes off.
    const bool is_probe_given = config.contains("probe");
    if (is_probe_given && config["probe"].is_null()) config.erase("probe");
    if (!config.contains("endpoints")) {
      json endpoints = json::array();
      for (const auto& e : defaults.endpoints) {
        json j{{"name", e.name},
               {"priority", e.priority},
               {"weight", e.weight},
               {"latency_ms", static_cast<double>(e.latency.count()) / 1000.0}};
        if (e.boundary) j["boundary"] = *e.boundary;
        endpoints.push_back(j);
      }
      config["endpoints"] = endpoints;
    }
    auto router = router_config::read_router_config(reader_, config, router_path);
    if (!router) return;
    spec.router = std::move(*router);
    if (!is_probe_given) spec.router.probe = defaults.probe;
    if (!config.contains("selection")) spec.router.selection = defaults.selection;
    check_router_names(spec, defaults, router_path);
  }

  // A pattern's `router_file`: a router or gateway file, relative to the scenario (gateway keys ignored).
  bool read_router_file(const json& p, const std::string& path, PatternSpec& spec) {
    const auto file = reader_.string(
        p, path, "router_file", {.is_required = true, .allowed = "a router or gateway file, relative to this file"});
    if (!file) return false;
    std::filesystem::path router_path(*file);
    if (router_path.is_relative()) router_path = std::filesystem::path(base_dir_) / router_path;
    try {
      spec.router = router_config::load_router_config(router_path.lexically_normal(), router_config::KeySet::kGateway);
    } catch (const router_config::RouterConfigError& e) {
      reader_.error(base::JsonReader::at(path, "router_file"), e.what(),
                    "a valid router or gateway file (docs/router.md)");
      return false;
    }
    return true;
  }

  // Every endpoint of the pattern's router must be a region behind the global entry. An endpoint
  // without `boundary` takes its region's data boundary: where a region is, is a fact of the
  // topology, and the simulated clients' requests carry their own region's boundary (a gateway
  // file names no boundaries, and its requests then would have nowhere to go).
  void check_router_names(PatternSpec& spec, const router::RouterConfig& defaults, const std::string& router_path) {
    for (std::size_t i = 0; i < spec.router.endpoints.size(); ++i) {
      router::EndpointConfig& endpoint = spec.router.endpoints[i];
      const std::string& name = endpoint.name;
      const auto known = std::find_if(defaults.endpoints.begin(), defaults.endpoints.end(),
                                      [&](const router::EndpointConfig& d) { return d.name == name; });
      if (known != defaults.endpoints.end() && !endpoint.boundary) endpoint.boundary = known->boundary;
      if (known == defaults.endpoints.end()) {
        std::vector<std::string> names;
        for (const auto& d : defaults.endpoints) names.push_back(d.name);
        reader_.error(base::JsonReader::at(base::JsonReader::at(router_path, "endpoints"), i) + ".name",
                      "\"" + name + "\" is not a region behind the global entry",
                      "one of " + base::JsonReader::join(names));
      }
    }
  }

  void check_runbook(const json& steps_json, const std::string& path, PatternSpec& spec) {
    std::vector<RunbookStep> steps;
    const std::size_t before = reader_.error_count();
    for (std::size_t i = 0; i < steps_json.size(); ++i) {
      const json& j = steps_json[i];
      const std::string at = base::JsonReader::at(path, i);
      if (!reader_.expect_object(j, at, "a runbook step {\"id\", \"kind\", \"after\", \"duration\", ...}")) continue;
      reader_.check_keys(j, at,
                         {"id", "kind", "after", "duration", "data_gb", "gb_per_hour", "failure_chance", "retries",
                          "cost_usd", "description"});
      RunbookStep step;
      step.id = reader_.string(j, at, "id", {.is_required = true}).value_or("");
      if (const auto kind = reader_.one_of(j, at, "kind", {.is_required = false}, step_kind_names())) {
        step.kind = enum_at<StepKind>(step_kind_names(), *kind);
      }
      if (const json* after = reader_.array(j, at, "after", {.is_required = false})) {
        for (std::size_t k = 0; k < after->size(); ++k) {
          if ((*after)[k].is_string()) {
            step.after.push_back((*after)[k].get<std::string>());
          } else {
            reader_.error(base::JsonReader::at(base::JsonReader::at(at, "after"), k), "expected a step id (string)",
                          "the id of another step");
          }
        }
      }
      if (j.contains("data_gb") || j.contains("gb_per_hour")) {
        // Rebuilding an index or restoring a store takes its data size over its rate (seeds/003 Hot/Cold).
        const auto gb = reader_.number(j, at, "data_gb", {.is_required = true, .min = 0, .max = 1e9});
        const auto rate = reader_.number(j, at, "gb_per_hour", {.is_required = true, .min = 0, .max = 1e9});
        if (j.contains("duration")) {
          reader_.error(base::JsonReader::at(at, "duration"), "both a duration and data_gb / gb_per_hour",
                        "either \"duration\" or \"data_gb\" with \"gb_per_hour\"");
        } else if (rate && *rate <= 0) {
          reader_.error(base::JsonReader::at(at, "gb_per_hour"), "a rate of 0", "a rate > 0 GB per hour");
        } else if (gb && rate) {
          step.duration_s = Distribution::constant(*gb / *rate * 3600.0);
        }
      } else if (j.contains("duration") && (j["duration"].is_string() || j["duration"].is_number())) {
        if (const auto d =
                reader_.duration(j, at, "duration", {.is_required = true, .max = kMaxStep, .max_text = "7 days"})) {
          step.duration_s = Distribution::constant(static_cast<double>(d->count()) / 1e6);
        }
      } else if (auto d = read_distribution(reader_, j, at, "duration", {.is_required = true}, "seconds")) {
        step.duration_s = *d;
      }
      step.failure_chance = reader_.number(j, at, "failure_chance", {.min = 0, .max = 1}).value_or(0);
      step.retries =
          static_cast<int>(reader_.number(j, at, "retries", {.min = 0, .max = 100, .is_integer = true}).value_or(0));
      step.cost_usd = reader_.number(j, at, "cost_usd", {.min = 0, .max = 1e9}).value_or(0);
      steps.push_back(std::move(step));
    }
    if (reader_.error_count() != before) return;
    std::string error;
    auto book = Runbook::create(std::move(steps), error);
    if (!book) {
      reader_.error(path, error,
                    "steps with unique ids whose \"after\" lists name earlier or later steps without a cycle");
      return;
    }
    spec.runbook = std::move(*book);
  }

  void check_data(const json& data, const std::string& path, const Scenario& s, PatternSpec& spec) {
    reader_.check_keys(data, path, {"automatic_failover_delay", "stores", "failback"});
    // A duration, or a distribution in seconds drawn at each fault (docs/runbooks-and-data.md).
    if (const auto delay = data.find("automatic_failover_delay"); delay != data.end() && delay->is_object()) {
      if (auto d =
              read_distribution(reader_, data, path, "automatic_failover_delay", {.is_required = false}, "seconds")) {
        spec.automatic_failover_delay = from_seconds(std::clamp(d->mean(), 0.0, to_seconds(kMaxStep)));
        spec.automatic_failover_delay_s = std::move(*d);
      }
    } else if (const auto d =
                   reader_.duration(data, path, "automatic_failover_delay", {.max = kMaxStep, .max_text = "7 days"})) {
      spec.automatic_failover_delay = *d;
    }
    if (const json* f = reader_.object(data, path, "failback", {.is_required = false})) {
      const std::string at = base::JsonReader::at(path, "failback");
      reader_.check_keys(*f, at, {"resync_writes_per_s", "write_pause"});
      if (const auto n = reader_.number(*f, at, "resync_writes_per_s", {.min = 0, .max = 1e9})) {
        if (*n <= 0) {
          reader_.error(base::JsonReader::at(at, "resync_writes_per_s"), "a re-sync rate of 0",
                        "a rate > 0 writes per second");
        } else {
          spec.failback.resync_writes_per_s = *n;
        }
      }
      if (const auto d = reader_.duration(*f, at, "write_pause", {.max = kMaxStep, .max_text = "7 days"}))
        spec.failback.write_pause = *d;
    }
    const json* stores = reader_.object(data, path, "stores", {.is_required = false});
    if (stores == nullptr) return;
    for (const auto& item : stores->items()) {
      const std::string at = base::JsonReader::at(base::JsonReader::at(path, "stores"), item.key());
      if (!spec.stores.count(item.key())) {
        std::vector<std::string> known;
        for (const auto& [id, r] : spec.stores) known.push_back(id);
        reader_.error(at, "\"" + item.key() + "\" is not the source of a replication link in the topology",
                      known.empty() ? "no store (the topology has no replication links)"
                                    : "one of " + base::JsonReader::join(known));
        continue;
      }
      if (!reader_.expect_object(item.value(), at, "an object {\"mode\", \"lag\", \"backup_interval\"}")) continue;
      reader_.check_keys(item.value(), at, {"mode", "lag", "backup_interval"});
      StoreReplication& r = spec.stores[item.key()];
      const std::vector<std::string> modes{"sync", "async", "backup_restore", "scheduled_rebuild"};
      if (const auto mode = reader_.one_of(item.value(), at, "mode", {.is_required = false}, modes)) {
        r.mode = enum_at<topology::ReplicationMode>(modes, *mode);
      }
      // "lag": a duration, or a distribution in seconds drawn at each failure.
      if (const auto lag = item.value().find("lag"); lag != item.value().end() && lag->is_object()) {
        if (auto d = read_distribution(reader_, item.value(), at, "lag", {.is_required = false}, "seconds")) {
          r.lag = from_seconds(std::max(0.0, d->mean()));
          r.lag_s = std::move(*d);
        }
      } else if (const auto d = reader_.duration(item.value(), at, "lag", {.max = kMaxStep, .max_text = "7 days"})) {
        r.lag = *d;
      }
      if (const auto d =
              reader_.duration(item.value(), at, "backup_interval", {.max = kMaxStep, .max_text = "7 days"})) {
        r.backup_interval = *d;
      }
      if (topology::is_periodic(r.mode) && r.backup_interval.count() == 0) {
        reader_.error(base::JsonReader::at(at, "backup_interval"), "a periodic copy needs an interval > 0",
                      "a duration > 0, e.g. \"1h\"");
      }
    }
    (void)s;
  }

  // "lint": {"allow": ["FL006", ...]}: lint errors the scenario shows on purpose (a drill of the mistake).
  void check_lint(const json& root, Scenario& s) {
    const json* lint = reader_.object(root, "", "lint", {.is_required = false});
    if (lint == nullptr) return;
    reader_.check_keys(*lint, "lint", {"allow"});
    const json* allow = reader_.array(*lint, "lint", "allow",
                                      {.is_required = true, .allowed = "an array of lint rule ids, e.g. [\"FL006\"]"});
    if (allow == nullptr) return;
    for (std::size_t i = 0; i < allow->size(); ++i) {
      const json& id = (*allow)[i];
      if (!id.is_string() || !is_lint_rule_id(id.get<std::string>())) {
        reader_.error(JsonReader::at("lint.allow", i), "not a lint rule id",
                      "a rule id such as \"FL006\" (docs/lint-rules.md)");
        continue;
      }
      s.lint_allow.push_back(id.get<std::string>());
    }
  }

  base::JsonReader reader_;
  std::string base_dir_;
  std::vector<base::LoadError>& errors_;
  WorkloadReader workloads_{reader_};
  std::set<std::string> fault_names_;
  std::set<std::string> pattern_names_;
};

}  // namespace

std::string_view to_string(WorkloadKind kind) { return WorkloadReader::kinds()[static_cast<std::size_t>(kind)]; }

std::string_view to_string(FaultType type) { return kFaultTypes[static_cast<std::size_t>(type)]; }

std::string ScenarioLoadResult::error_report() const {
  std::string out;
  for (const base::LoadError& e : errors) out += e.to_string() + "\n";
  return out;
}

ScenarioLoadResult ScenarioLoader::load_text(std::string_view text, const std::string& file_name,
                                             const std::string& base_dir) {
  ScenarioLoadResult result;
  const auto root = base::JsonReader::parse(text, file_name, result.errors);
  if (!root) return result;
  ScenarioChecker checker(file_name, base_dir, result.errors);
  result.scenario = checker.check(*root);
  if (!result.errors.empty()) result.scenario.reset();
  return result;
}

ScenarioLoadResult ScenarioLoader::load_file(const std::string& path) {
  ScenarioLoadResult result;
  const auto root = base::JsonReader::parse_file(path, result.errors);
  if (!root) return result;
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  ScenarioChecker checker(path, base_dir.empty() ? "." : base_dir, result.errors);
  result.scenario = checker.check(*root);
  if (!result.errors.empty()) result.scenario.reset();
  return result;
}

}  // namespace faultline::engine
