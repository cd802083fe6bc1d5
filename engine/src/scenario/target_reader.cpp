#include "scenario/target_reader.hpp"

#include <algorithm>

#include "faultline/base/key_suggestion.hpp"

namespace faultline::engine {

using nlohmann::json;

void TargetReader::check(const json& root, Scenario& s) {
  const json* t = reader_.object(root, "", "targets", {.is_required = false});
  if (t == nullptr) return;
  reader_.check_keys(*t, "targets",
                     {"rto_s", "rpo_s", "availability", "monthly_cost_usd", "premium_usd", "incident_cost_usd",
                      "by_fault", "rpo_by_store"});
  check_fields(*t, "targets", s.targets);
  if (const json* by = reader_.object(*t, "targets", "by_fault", {.is_required = false})) check_by_fault(*by, s);
  if (const json* by = reader_.object(*t, "targets", "rpo_by_store", {.is_required = false}))
    check_rpo_by_store(*by, s);
}

void TargetReader::check_fields(const json& t, const std::string& path, TargetSpec& out) {
  if (const auto v = reader_.number(t, path, "rto_s", {.min = 0, .max = 1e9})) out.rto_s = *v;
  if (const auto v = reader_.number(t, path, "rpo_s", {.min = 0, .max = 1e9})) out.rpo_s = *v;
  if (const auto v = reader_.number(t, path, "availability", {.min = 0, .max = 1})) out.availability = *v;
  if (const auto v = reader_.number(t, path, "monthly_cost_usd", {.min = 0, .max = 1e12})) out.monthly_cost_usd = *v;
  if (const auto v = reader_.number(t, path, "premium_usd", {.min = 0, .max = 1e12})) out.premium_usd = *v;
  if (const auto v = reader_.number(t, path, "incident_cost_usd", {.min = 0, .max = 1e12})) out.incident_cost_usd = *v;
}

void TargetReader::check_by_fault(const json& by, Scenario& s) {
  for (const auto& item : by.items()) {
    const std::string path = "targets.by_fault." + item.key();
    if (std::find(fault_types_.begin(), fault_types_.end(), item.key()) == fault_types_.end()) {
      std::string problem = "unknown fault type \"" + item.key() + "\"";
      if (const auto nearest = base::nearest_word(item.key(), fault_types_)) {
        problem += "; did you mean \"" + *nearest + "\"?";
      }
      reader_.error(path, problem, base::JsonReader::join(fault_types_));
      continue;
    }
    if (!reader_.expect_object(item.value(), path, "an object of targets")) continue;
    // The steady-state monthly cost does not depend on a fault: no monthly_cost_usd here.
    reader_.check_keys(item.value(), path, {"rto_s", "rpo_s", "availability", "incident_cost_usd"});
    check_fields(item.value(), path, s.targets_by_fault[item.key()]);
  }
}

void TargetReader::check_rpo_by_store(const json& by, Scenario& s) {
  std::vector<std::string> stores;  // every data store id of the topology, for messages
  if (s.topology) {
    for (int k = static_cast<int>(topology::NodeKind::kDatabase); k <= static_cast<int>(topology::NodeKind::kHsm);
         ++k) {
      for (const auto v : s.topology->nodes_of_kind(static_cast<topology::NodeKind>(k))) {
        stores.push_back(s.topology->node(v).id);
      }
    }
  }
  for (const auto& item : by.items()) {
    const std::string path = "targets.rpo_by_store." + item.key();
    if (s.topology && std::find(stores.begin(), stores.end(), item.key()) == stores.end()) {
      std::string problem = "unknown data store \"" + item.key() + "\"";
      if (const auto nearest = base::nearest_word(item.key(), stores))
        problem += "; did you mean \"" + *nearest + "\"?";
      reader_.error(path, problem, "a data store id of the topology: " + base::JsonReader::join(stores));
      continue;
    }
    if (const auto v =
            reader_.number(by, "targets.rpo_by_store", item.key(), {.is_required = true, .min = 0, .max = 1e9})) {
      s.rpo_by_store[item.key()] = *v;
    }
  }
}

}  // namespace faultline::engine
