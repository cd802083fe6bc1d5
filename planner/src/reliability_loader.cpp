#include "faultline/planner/reliability_loader.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "faultline/engine/scenario/distribution_reader.hpp"
#include "faultline/planner/reliability_defaults.hpp"
#include "faultline/planner/structure_function.hpp"
#include "faultline/base/json_guard.hpp"
#include "faultline/base/json_reader.hpp"

namespace faultline::planner {
namespace {

using base::JsonReader;
using nlohmann::json;
using topology::NodeKind;

// Fault types a component may cause: the ones that take a node hard down for a
// while (a repairable failure). Partial faults (throttling, gray failure) are for `run`.
const std::vector<engine::FaultType> kFaults{
    engine::FaultType::kRegionOutage,   engine::FaultType::kZoneOutage,         engine::FaultType::kGpuCapacityLoss,
    engine::FaultType::kGatewayFailure, engine::FaultType::kGlobalEntryFailure, engine::FaultType::kDataStoreOutage};

bool is_kind_allowed(engine::FaultType fault, NodeKind kind) {
  switch (fault) {
    case engine::FaultType::kRegionOutage:
      return kind == NodeKind::kRegion;
    case engine::FaultType::kZoneOutage:
      return kind == NodeKind::kZone;
    case engine::FaultType::kGpuCapacityLoss:
      return kind == NodeKind::kModelDeployment;
    case engine::FaultType::kGatewayFailure:
      return kind == NodeKind::kGateway;
    case engine::FaultType::kGlobalEntryFailure:
      return kind == NodeKind::kGlobalEntry;
    case engine::FaultType::kDataStoreOutage:
      return topology::is_data_store(kind);
    default:
      return false;
  }
}

std::string allowed_kinds(engine::FaultType fault) {
  switch (fault) {
    case engine::FaultType::kRegionOutage:
      return "a region";
    case engine::FaultType::kZoneOutage:
      return "a zone";
    case engine::FaultType::kGpuCapacityLoss:
      return "a model_deployment";
    case engine::FaultType::kGatewayFailure:
      return "a gateway";
    case engine::FaultType::kGlobalEntryFailure:
      return "a global_entry";
    default:
      return "a data store (database, search_index, object_storage, key_vault, container_registry, hsm)";
  }
}

constexpr std::string_view kTimeAllowed =
    "a number of seconds >= 0 or a string like \"90s\", \"15min\", \"4h\", \"30d\", \"2w\", \"6mo\", \"2y\"";

// Replaces every duration string of a time distribution by its seconds, so that
// engine::read_distribution (numbers only) can read it; records malformed ones.
json with_seconds(base::JsonReader& reader, const json& d, const std::string& path) {
  if (d.is_string()) {
    const auto s = parse_long_duration_s(d.get<std::string>());
    if (!s) {
      reader.error(path, long_duration_problem(d.get<std::string>()), std::string(kTimeAllowed));
      return json(1.0);
    }
    return json(*s);
  }
  if (!d.is_object()) return d;
  json out = d;
  for (const char* key : {"value", "min", "max", "mean", "sd", "median", "p95", "scale"}) {
    if (auto it = out.find(key); it != out.end() && it->is_string())
      *it = with_seconds(reader, *it, base::JsonReader::at(path, key));
  }
  if (auto it = out.find("values"); it != out.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      if ((*it)[i].is_string())
        (*it)[i] = with_seconds(reader, (*it)[i], base::JsonReader::at(base::JsonReader::at(path, "values"), i));
    }
  }
  if (auto it = out.find("points"); it != out.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      json& p = (*it)[i];
      if (p.is_array() && !p.empty() && p[0].is_string()) {
        p[0] = with_seconds(reader, p[0], base::JsonReader::at(base::JsonReader::at(path, "points"), i) + "[0]");
      }
    }
  }
  return out;
}

std::optional<engine::Distribution> read_time(base::JsonReader& reader, const json& entry, const std::string& path,
                                              std::string_view key) {
  const auto it = entry.find(key);
  if (it == entry.end()) {
    reader.error(base::JsonReader::at(path, key), "missing required key \"" + std::string(key) + "\"",
                 "a time distribution, e.g. {\"distribution\": \"exponential\", \"mean\": \"2y\"}");
    return std::nullopt;
  }
  json holder = json::object();
  holder[std::string(key)] = with_seconds(reader, *it, base::JsonReader::at(path, key));
  auto d = engine::read_distribution(reader, holder, path, key, {.is_required = true}, "seconds");
  if (d && !(d->mean() > 0)) {
    reader.error(base::JsonReader::at(path, key), "mean is " + base::JsonReader::plain_number(d->mean()) + " s",
                 "a distribution with a mean > 0");
    return std::nullopt;
  }
  return d;
}

class Checker {
 public:
  Checker(std::string file, const engine::Scenario& scenario, std::vector<base::LoadError>& errors)
      : reader_(std::move(file), errors), scenario_(scenario) {}

  ReliabilityModel check(const json& root) {
    ReliabilityModel model;
    if (!root.is_object()) {
      reader_.error("", "expected an object", "a scenario object");
      return model;
    }
    // No section: every component from the published-data defaults (docs/planner.md).
    if (!root.contains("reliability")) return checked_defaults();
    const json* rel = reader_.object(root, "", "reliability", {.is_required = true});
    if (rel == nullptr) return model;
    reader_.check_keys(*rel, "reliability", {"components", "repair_crews", "regions_needed"});
    check_regions_needed(*rel, model);
    if (const auto crews =
            reader_.one_of(*rel, "reliability", "repair_crews", {.is_required = false}, {"independent", "shared"})) {
      model.repair_crews = *crews == "shared" ? RepairCrews::kShared : RepairCrews::kIndependent;
    }
    const json* comps = reader_.array(*rel, "reliability", "components",
                                      {.is_required = true, .allowed = "an array of component objects"});
    if (comps == nullptr) return model;
    if (comps->empty()) reader_.error("reliability.components", "no components", "at least one component");
    for (std::size_t i = 0; i < comps->size(); ++i) {
      check_component((*comps)[i], base::JsonReader::at("reliability.components", i), model);
    }
    if (model.components.size() > 64) {
      reader_.error("reliability.components",
                    std::to_string(model.components.size()) + " components after expanding kinds",
                    "at most 64 components");
    }
    return model;
  }

 private:
  // The defaults of the topology, or why they do not fit (no node a default covers, over 64 components).
  ReliabilityModel checked_defaults() {
    ReliabilityModel model = default_reliability_model(scenario_);
    if (!scenario_.topology) return model;
    if (model.components.empty() || model.components.size() > 64) {
      reader_.error("reliability",
                    "no section, and the defaults give " + std::to_string(model.components.size()) +
                        " components for topology " + scenario_.topology->name(),
                    "a reliability section (docs/planner.md), or a topology whose regions, zones, model deployments, "
                    "gateways, global entries and data stores number 1 to 64");
    }
    return model;
  }

  // `regions_needed`: an integer 1..n, n = the regions of the global entry's origins (default 1).
  void check_regions_needed(const json& rel, ReliabilityModel& model) {
    if (!rel.contains("regions_needed") || !scenario_.topology) return;
    const std::vector<std::string> regions = origin_regions(*scenario_.topology);
    const std::string n = std::to_string(regions.size());
    const std::string allowed = "an integer from 1 to " + n +
                                " (the origin regions behind the global entry: " + base::JsonReader::join(regions) +
                                ")";
    const auto k = reader_.number(rel, "reliability", "regions_needed",
                                  {.min = 1, .max = 64, .is_integer = true, .allowed = allowed});
    if (!k) return;
    if (*k > static_cast<double>(regions.size())) {
      reader_.error(
          "reliability.regions_needed",
          base::JsonReader::plain_number(*k) + " regions needed, but the global entry has " + n + " origin region(s)",
          allowed);
      return;
    }
    model.regions_needed = static_cast<std::size_t>(*k);
  }

  // `scope`: "node" (default) or "service" (a data store's logical store, in series with the service).
  // True for a valid "service" scope.
  bool check_scope(const json& c, const std::string& path, const std::optional<engine::FaultType>& fault) {
    const auto scope = reader_.one_of(c, path, "scope", {.is_required = false}, {"node", "service"});
    if (!scope || *scope != "service") return false;
    if (fault && *fault != engine::FaultType::kDataStoreOutage) {
      reader_.error(base::JsonReader::at(path, "scope"),
                    "\"service\" scope on a " + std::string(engine::to_string(*fault)) + " component",
                    "\"service\" only with \"fault\": \"data_store_outage\" (other faults: \"node\" or no scope)");
      return false;
    }
    if (c.contains("kind")) {
      reader_.error(base::JsonReader::at(path, "scope"), "\"service\" scope on a \"kind\" entry",
                    "a \"target\" naming the one logical store (its regional copies count as one component)");
      return false;
    }
    return true;
  }

  // File spellings of the fault types a component may have.
  static std::vector<std::string> fault_names() {
    std::vector<std::string> names;
    for (auto f : kFaults) names.emplace_back(engine::to_string(f));
    return names;
  }

  // The fault type spelt `name` (one of fault_names()).
  static std::optional<engine::FaultType> fault_of(const std::string& name) {
    for (auto f : kFaults) {
      if (engine::to_string(f) == name) return f;
    }
    return std::nullopt;
  }

  void check_component(const json& c, const std::string& path, ReliabilityModel& model) {
    if (!reader_.expect_object(c, path, "a component object")) return;
    reader_.check_keys(c, path,
                       {"name", "target", "kind", "fault", "time_between_failures", "time_to_repair", "scope"});
    const auto fault_name = reader_.one_of(c, path, "fault", {.is_required = true}, fault_names());
    const std::optional<engine::FaultType> fault = fault_name ? fault_of(*fault_name) : std::nullopt;
    const auto name = reader_.string(c, path, "name", {.is_required = false});
    const auto target = reader_.string(c, path, "target", {.is_required = false});
    std::vector<std::string> kind_names;
    for (int k = 0; k <= static_cast<int>(NodeKind::kClient); ++k) {
      kind_names.emplace_back(topology::to_string(static_cast<NodeKind>(k)));
    }
    const auto kind = reader_.one_of(c, path, "kind", {.is_required = false}, kind_names);
    const bool is_service_scope = check_scope(c, path, fault);
    const auto tbf = read_time(reader_, c, path, "time_between_failures");
    const auto ttr = read_time(reader_, c, path, "time_to_repair");
    if (tbf && ttr && !is_plausible(*tbf, *ttr, path)) return;
    if (target.has_value() == (c.contains("kind"))) {
      reader_.error(path, target ? "both \"target\" and \"kind\"" : "neither \"target\" nor \"kind\"",
                    "exactly one of \"target\" (a node id) or \"kind\" (every node of that kind)");
      return;
    }
    if (!fault || !tbf || !ttr || !scenario_.topology) return;
    const auto& topo = *scenario_.topology;
    std::vector<std::string> targets;
    if (target) {
      const auto v = topo.find(*target);
      if (!v) {
        reader_.error(base::JsonReader::at(path, "target"), "unknown node \"" + *target + "\"",
                      "a node id of topology " + topo.name());
        return;
      }
      if (!is_kind_allowed(*fault, topo.node(*v).kind)) {
        reader_.error(base::JsonReader::at(path, "target"),
                      "\"" + *target + "\" is a " + std::string(topology::to_string(topo.node(*v).kind)) +
                          ", which a " + *fault_name + " cannot hit",
                      allowed_kinds(*fault));
        return;
      }
      targets.push_back(*target);
    } else {
      if (!kind) return;
      const auto k = static_cast<NodeKind>(std::find(kind_names.begin(), kind_names.end(), *kind) - kind_names.begin());
      if (!is_kind_allowed(*fault, k)) {
        reader_.error(base::JsonReader::at(path, "kind"), "a " + *fault_name + " cannot hit a " + *kind,
                      allowed_kinds(*fault));
        return;
      }
      for (auto v : topo.nodes_of_kind(k)) targets.push_back(topo.node(v).id);
      if (targets.empty()) {
        reader_.error(base::JsonReader::at(path, "kind"), "topology " + topo.name() + " has no " + *kind,
                      "a kind with at least one node");
        return;
      }
    }
    if (name && targets.size() > 1) {
      reader_.error(base::JsonReader::at(path, "name"),
                    "a name on a \"kind\" entry that expands to " + std::to_string(targets.size()) + " nodes",
                    "no name (each expanded component is named target/fault)");
      return;
    }
    for (const std::string& t : targets) {
      ReliabilityComponent comp;
      comp.name = name ? *name : t + "/" + *fault_name;
      comp.target = t;
      comp.fault = *fault;
      comp.time_between_failures = *tbf;
      comp.time_to_repair = *ttr;
      comp.json_path = path;
      comp.is_service_scope = is_service_scope;
      if (!names_.insert(comp.name).second) {
        reader_.error(path, "duplicate component \"" + comp.name + "\"",
                      "one entry per node and fault (a kind entry covers every node of the kind)");
        continue;
      }
      model.components.push_back(std::move(comp));
    }
  }

  // A mean repair over 10 years, or failures more often than repairs end, is a unit mistake ("6m").
  bool is_plausible(const engine::Distribution& tbf, const engine::Distribution& ttr, const std::string& path) {
    constexpr double kTenYears_s = 10.0 * 365 * 86400;
    if (ttr.mean() > kTenYears_s) {
      reader_.error(base::JsonReader::at(path, "time_to_repair"),
                    "mean repair time " + base::JsonReader::plain_number(ttr.mean()) + " s is over 10 years",
                    "a mean time to repair of at most 10 years (315360000 s)");
      return false;
    }
    if (tbf.mean() < ttr.mean()) {
      reader_.error(
          base::JsonReader::at(path, "time_between_failures"),
          "mean time between failures " + base::JsonReader::plain_number(tbf.mean()) +
              " s is shorter than the mean time to repair " + base::JsonReader::plain_number(ttr.mean()) + " s",
          "a mean time between failures longer than the mean repair (check the units: \"6mo\", not \"6min\")");
      return false;
    }
    return true;
  }

  base::JsonReader reader_;
  const engine::Scenario& scenario_;
  std::set<std::string> names_;
};

}  // namespace

std::string_view to_string(RepairCrews crews) { return crews == RepairCrews::kShared ? "shared" : "independent"; }

std::optional<double> parse_long_duration_s(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.')) ++end;
  double amount = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, amount);
  if (end == 0 || ec != std::errc{} || ptr != text.data() + end || !std::isfinite(amount)) return std::nullopt;
  const std::string_view unit = text.substr(end);
  double scale = 0;
  // "m" is refused: in times that run to months and years it reads as either (issue 22).
  if (unit.empty() || unit == "s")
    scale = 1;
  else if (unit == "ms")
    scale = 1e-3;
  else if (unit == "min")
    scale = 60;
  else if (unit == "h")
    scale = 3600;
  else if (unit == "d")
    scale = 86400;
  else if (unit == "w")
    scale = 7 * 86400;
  else if (unit == "mo")
    scale = 730 * 3600;  // the cost model's month
  else if (unit == "y")
    scale = 365 * 86400;
  else
    return std::nullopt;
  return amount * scale;
}

std::optional<double> parse_short_duration_s(std::string_view text) {
  if (text.size() > 1 && text.back() == 'm' && std::isdigit(static_cast<unsigned char>(text[text.size() - 2])) != 0) {
    return parse_long_duration_s(std::string(text) + "in");
  }
  return parse_long_duration_s(text);
}

std::string long_duration_problem(std::string_view text) {
  if (text.size() > 1 && text.back() == 'm' && std::isdigit(static_cast<unsigned char>(text[text.size() - 2])) != 0) {
    const std::string amount = base::JsonGuard::shorten(text.substr(0, text.size() - 1));
    return "\"" + base::JsonGuard::shorten(text) + "\" is ambiguous here: write \"" + amount +
           "min\" for minutes or \"" + amount + "mo\" for months";
  }
  return "not a duration: \"" + base::JsonGuard::shorten(text) + "\"";
}

std::string ReliabilityLoadResult::error_report() const {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

ReliabilityLoadResult ReliabilityLoader::load_json(const json& root, const std::string& file_name,
                                                   const engine::Scenario& scenario) {
  ReliabilityLoadResult result;
  Checker checker(file_name, scenario, result.errors);
  ReliabilityModel model = checker.check(root);
  if (result.errors.empty()) result.model = std::move(model);
  return result;
}

ReliabilityLoadResult ReliabilityLoader::load_text(std::string_view text, const std::string& file_name,
                                                   const engine::Scenario& scenario) {
  ReliabilityLoadResult result;
  const auto root = base::JsonReader::parse(text, file_name, result.errors);
  if (!root) return result;
  return load_json(*root, file_name, scenario);
}

ReliabilityLoadResult ReliabilityLoader::load_file(const engine::Scenario& scenario) {
  ReliabilityLoadResult result;
  const auto root = base::JsonReader::parse_file(scenario.file, result.errors);
  if (!root) return result;
  return load_json(*root, scenario.file, scenario);
}

}  // namespace faultline::planner
