#pragma once
// Internal to contract: the JSON pieces the mc and plan writers share (optional_value: result_json.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "faultline/contract/planner_documents.hpp"
#include "faultline/contract/result_json.hpp"

namespace faultline::contract {

/// `s`, or null when it is empty.
inline nlohmann::ordered_json optional_text(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

/// The keys the mc and plan documents open with, in their order: schema, faultline_version,
/// inputs {scenario, sha256}, seed and years_per_replication (years).
inline nlohmann::ordered_json planner_document_head(std::string_view schema, const std::string& version,
                                                    const std::string& scenario, const std::string& sha256,
                                                    std::uint64_t seed, double years) {
  nlohmann::ordered_json j;
  j["schema"] = schema;
  j["faultline_version"] = version;
  j["inputs"] = {{"scenario", scenario}, {"sha256", sha256}};
  j["seed"] = seed;
  j["years_per_replication"] = years;
  return j;
}

/// The `targets` object: only the targets that are set (monthly cost: plan documents only).
inline nlohmann::ordered_json targets_json(const PlanTargets& t) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (t.availability) j["availability"] = *t.availability;
  if (t.rto_s) j["rto_s"] = *t.rto_s;
  if (t.rpo_s) j["rpo_s"] = *t.rpo_s;
  if (t.monthly_cost_usd) j["monthly_cost_usd"] = *t.monthly_cost_usd;
  return j;
}

/// The `defaulted_components` array.
inline nlohmann::ordered_json defaulted_json(const std::vector<DefaultedComponent>& defaulted) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& d : defaulted) out.push_back({{"component", d.component}, {"source", d.source}});
  return out;
}

}  // namespace faultline::contract
