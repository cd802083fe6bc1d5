#include "faultline/planner/plan_space_loader.hpp"

#include <algorithm>
#include <set>

#include "faultline/planner/reliability_loader.hpp"
#include "faultline/base/json_guard.hpp"
#include "faultline/base/json_reader.hpp"

namespace faultline::planner {
namespace {

using base::JsonReader;
using nlohmann::json;

constexpr double kMaxIntervalS = 7 * 86400.0;
constexpr const char* kDurationAllowed = "a number of seconds or a string like \"10s\", \"15m\", \"4h\"";

class Checker {
 public:
  Checker(std::string file, const engine::Scenario& scenario, std::vector<base::LoadError>& errors)
      : reader_(std::move(file), errors), scenario_(scenario) {}

  PlanSpace check(const json& root) {
    PlanSpace space;
    if (!root.is_object()) {
      reader_.error("", "expected an object", "a scenario object");
      return space;
    }
    const json* plan = reader_.object(root, "", "plan", {.is_required = false});
    if (plan == nullptr) return space;
    const std::string path = "plan";
    reader_.check_keys(*plan, path,
                       {"region_pairs", "standby_fractions", "probe_intervals", "probe_samples", "breakers",
                        "replication_modes", "backup_intervals", "max_candidates"});
    if (const json* a = reader_.array(*plan, path, "region_pairs", {.allowed = "an array of region lists"})) {
      space.region_pairs = region_lists(*a, base::JsonReader::at(path, "region_pairs"));
    }
    if (const json* a = reader_.array(*plan, path, "standby_fractions", {.allowed = "an array of numbers in (0, 1]"})) {
      space.standby_fractions.clear();
      each(*a, base::JsonReader::at(path, "standby_fractions"), [&](const json& v, const std::string& p) {
        if (!v.is_number() || !(v.get<double>() > 0 && v.get<double>() <= 1)) {
          reader_.error(p, "standby fraction " + base::JsonGuard::excerpt(v),
                        "a number in (0, 1]: 0 would turn Hot/Warm into Hot/Cold");
        } else {
          space.standby_fractions.push_back(v.get<double>());
        }
      });
    }
    if (const json* a = reader_.array(*plan, path, "probe_intervals", {.allowed = "an array of durations"})) {
      space.probe_intervals_s.clear();
      each(*a, base::JsonReader::at(path, "probe_intervals"), [&](const json& v, const std::string& p) {
        if (const auto s = duration_s(v, p, 1, 3600, "1s..1h")) space.probe_intervals_s.push_back(*s);
      });
    }
    if (const json* a =
            reader_.array(*plan, path, "probe_samples", {.allowed = "an array of {\"required\", \"of\"}"})) {
      space.probe_samples.clear();
      for (std::size_t i = 0; i < a->size(); ++i)
        probe_samples((*a)[i], base::JsonReader::at(base::JsonReader::at(path, "probe_samples"), i), space);
    }
    if (const json* a = reader_.array(*plan, path, "breakers", {.allowed = "an array of breaker settings"})) {
      space.breakers.clear();
      for (std::size_t i = 0; i < a->size(); ++i)
        breaker((*a)[i], base::JsonReader::at(base::JsonReader::at(path, "breakers"), i), space);
    }
    if (const json* o = reader_.object(*plan, path, "replication_modes", {.is_required = false})) {
      space.replication_modes.clear();
      replication_modes(*o, base::JsonReader::at(path, "replication_modes"), space);
    }
    if (const json* a = reader_.array(*plan, path, "backup_intervals", {.allowed = "an array of durations"})) {
      space.backup_intervals_s.clear();
      each(*a, base::JsonReader::at(path, "backup_intervals"), [&](const json& v, const std::string& p) {
        if (const auto s = duration_s(v, p, 1, kMaxIntervalS, "1s..7d")) space.backup_intervals_s.push_back(*s);
      });
    }
    if (const auto n = reader_.number(*plan, path, "max_candidates", {.min = 1, .max = 10000, .is_integer = true})) {
      space.max_candidates = static_cast<std::size_t>(*n);
    }
    return space;
  }

 private:
  // Calls `f(element, path)` per element of `array`.
  template <typename F>
  void each(const json& array, const std::string& path, F f) {
    for (std::size_t i = 0; i < array.size(); ++i) f(array[i], base::JsonReader::at(path, i));
  }

  std::optional<double> duration_s(const json& v, const std::string& path, double min_s, double max_s,
                                   const std::string& range) {
    std::optional<double> s;
    if (v.is_number())
      s = v.get<double>();
    else if (v.is_string())
      s = parse_short_duration_s(v.get<std::string>());
    if (!s) {
      reader_.error(path, "not a duration: " + base::JsonGuard::excerpt(v), kDurationAllowed);
      return std::nullopt;
    }
    if (*s < min_s || *s > max_s) {
      reader_.error(path, "duration " + base::JsonReader::plain_number(*s) + " s is out of range",
                    "a duration in " + range);
      return std::nullopt;
    }
    return s;
  }

  std::vector<std::vector<std::string>> region_lists(const json& a, const std::string& path) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> regions;
    for (auto v : scenario_.topology->nodes_of_kind(topology::NodeKind::kRegion))
      regions.push_back(scenario_.topology->node(v).id);
    // Sets, so that long lists stay linear-logarithmic; the message lists at most a few regions.
    const std::set<std::string, std::less<>> known(regions.begin(), regions.end());
    const std::string allowed = regions.size() <= 10
                                    ? "one of " + base::JsonReader::join(regions)
                                    : "a region id of the topology (" + std::to_string(regions.size()) + " regions)";
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string p = base::JsonReader::at(path, i);
      const json& list = a[i];
      if (!list.is_array() || list.size() < 2) {
        reader_.error(p, "not a list of at least two regions: " + base::JsonGuard::excerpt(list),
                      "e.g. [\"eastus2\", \"centralus\"] (priority order)");
        continue;
      }
      std::vector<std::string> names;
      std::set<std::string, std::less<>> seen;
      for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string pk = base::JsonReader::at(p, k);
        if (!list[k].is_string() || known.count(list[k].get_ref<const std::string&>()) == 0) {
          reader_.error(pk, base::JsonGuard::excerpt(list[k]) + " is not a region of the topology", allowed);
        } else if (!seen.insert(list[k].get<std::string>()).second) {
          reader_.error(pk, base::JsonGuard::excerpt(list[k]) + " appears twice", "distinct regions");
        } else {
          names.push_back(list[k].get<std::string>());
        }
      }
      if (names.size() == list.size()) out.push_back(std::move(names));
    }
    return out;
  }

  void probe_samples(const json& item, const std::string& path, PlanSpace& space) {
    if (!reader_.expect_object(item, path, "a {\"required\", \"of\"} object")) return;
    reader_.check_keys(item, path, {"required", "of"});
    const auto required =
        reader_.number(item, path, "required", {.is_required = true, .min = 1, .max = 255, .is_integer = true});
    const auto of = reader_.number(item, path, "of", {.is_required = true, .min = 1, .max = 255, .is_integer = true});
    if (!required || !of) return;
    if (*required > *of) {
      reader_.error(base::JsonReader::at(path, "required"),
                    "requires " + base::JsonReader::plain_number(*required) + " of " +
                        base::JsonReader::plain_number(*of) + " samples",
                    "required <= of");
      return;
    }
    space.probe_samples.push_back(
        contract::ProbeSamples{static_cast<std::int64_t>(*required), static_cast<std::int64_t>(*of)});
  }

  void breaker(const json& item, const std::string& path, PlanSpace& space) {
    if (!reader_.expect_object(item, path, "a breaker settings object")) return;
    reader_.check_keys(item, path, {"failure_rate_threshold", "minimum_calls", "open_wait"});
    const auto threshold =
        reader_.number(item, path, "failure_rate_threshold", {.is_required = true, .min = 1, .max = 100});
    const auto calls =
        reader_.number(item, path, "minimum_calls", {.is_required = true, .min = 1, .max = 1e6, .is_integer = true});
    std::optional<double> wait;
    if (const auto it = item.find("open_wait"); it == item.end()) {
      reader_.error(base::JsonReader::at(path, "open_wait"), "missing required key \"open_wait\"", kDurationAllowed);
    } else {
      wait = duration_s(*it, base::JsonReader::at(path, "open_wait"), 1, 3600, "1s..1h");
    }
    if (threshold && calls && wait) {
      space.breakers.push_back(contract::BreakerSettings{*threshold, static_cast<std::int64_t>(*calls), *wait});
    }
  }

  void replication_modes(const json& object, const std::string& path, PlanSpace& space) {
    const std::vector<std::string> kinds{"database", "object_storage"};
    const std::vector<std::string> modes{"sync", "async", "backup_restore", "scheduled_rebuild"};
    for (const auto& [kind, list] : object.items()) {
      const std::string p = base::JsonReader::at(path, kind);
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        reader_.error(p, "\"" + kind + "\" is not a store kind with workload data",
                      "database or object_storage (the stores a pattern replicates)");
        continue;
      }
      if (!list.is_array()) {
        reader_.error(p, "expected an array of modes", "e.g. [\"async\", \"backup_restore\"]");
        continue;
      }
      auto& out = space.replication_modes[kind];
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pi = base::JsonReader::at(p, i);
        const auto m =
            list[i].is_string() ? std::find(modes.begin(), modes.end(), list[i].get<std::string>()) : modes.end();
        if (m == modes.end()) {
          reader_.error(pi, base::JsonGuard::excerpt(list[i]) + " is not a replication mode",
                        "one of " + base::JsonReader::join(modes));
        } else if (*m == "sync" && kind != "database") {
          reader_.error(pi, "sync replication of " + kind,
                        "sync only for a database (domain-facts: storage geo-replication is asynchronous)");
        } else {
          out.push_back(static_cast<topology::ReplicationMode>(m - modes.begin()));
        }
      }
    }
  }

  base::JsonReader reader_;
  const engine::Scenario& scenario_;
};

}  // namespace

std::string PlanSpaceLoadResult::error_report() const {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

PlanSpaceLoadResult PlanSpaceLoader::load_json(const json& root, const std::string& file_name,
                                               const engine::Scenario& scenario) {
  PlanSpaceLoadResult result;
  Checker checker(file_name, scenario, result.errors);
  PlanSpace space = checker.check(root);
  if (result.errors.empty()) result.space = std::move(space);
  return result;
}

PlanSpaceLoadResult PlanSpaceLoader::load_text(std::string_view text, const std::string& file_name,
                                               const engine::Scenario& scenario) {
  PlanSpaceLoadResult result;
  const auto root = base::JsonReader::parse(text, file_name, result.errors);
  if (!root) return result;
  return load_json(*root, file_name, scenario);
}

PlanSpaceLoadResult PlanSpaceLoader::load_file(const engine::Scenario& scenario) {
  PlanSpaceLoadResult result;
  const auto root = base::JsonReader::parse_file(scenario.file, result.errors);
  if (!root) return result;
  return load_json(*root, scenario.file, scenario);
}

}  // namespace faultline::planner
