#include "faultline/contract/plan_json.hpp"

#include <nlohmann/json.hpp>

#include "faultline/contract/schema_names.hpp"
#include "json_values.hpp"

namespace faultline::contract {
namespace {

using nlohmann::ordered_json;

ordered_json samples_json(const std::optional<ProbeSamples>& s) {
  return s ? ordered_json{{"required", s->required}, {"of", s->of}} : ordered_json(nullptr);
}

ordered_json breaker_json(const std::optional<BreakerSettings>& b) {
  return b ? ordered_json{{"failure_rate_threshold_percent", b->failure_rate_threshold_percent},
                          {"minimum_calls", b->minimum_calls},
                          {"open_wait_s", b->open_wait_s}}
           : ordered_json(nullptr);
}

ordered_json space_json(const PlanSearchSpace& space) {
  ordered_json j;
  j["patterns"] = space.patterns;
  j["region_pairs"] = space.region_pairs;
  j["standby_fractions"] = space.standby_fractions;
  j["probe_intervals_s"] = space.probe_intervals_s;
  j["probe_samples"] = ordered_json::array();
  for (const auto& s : space.probe_samples) j["probe_samples"].push_back(samples_json(s));
  j["breakers"] = ordered_json::array();
  for (const auto& b : space.breakers) j["breakers"].push_back(breaker_json(b));
  j["replication_modes"] = ordered_json::object();
  for (const auto& [kind, modes] : space.replication_modes_by_kind) j["replication_modes"][kind] = modes;
  j["backup_intervals_s"] = space.backup_intervals_s;
  j["max_candidates"] = space.max_candidates;
  j["strategy"] = optional_value(space.strategy);
  j["evaluated"] = optional_value(space.evaluated);
  j["screened"] = space.screened;
  j["truncated"] = space.is_truncated;
  j["notes"] = space.notes;
  return j;
}

ordered_json candidate_json(const PlanCandidateData& c) {
  ordered_json stores = ordered_json::array();
  for (const auto& st : c.stores.value_or(std::vector<StoreReplication>{})) {
    stores.push_back(
        {{"store", st.store}, {"mode", st.mode}, {"backup_interval_s", optional_value(st.backup_interval_s)}});
  }
  return {{"label", c.label},
          {"pattern", c.pattern},
          {"stage", optional_value(c.stage)},
          {"regions", c.regions.value_or(std::vector<std::string>{})},
          {"standby_fraction", optional_value(c.standby_fraction)},
          {"probe_interval_s", optional_value(c.probe_interval_s)},
          {"probe_samples", samples_json(c.probe_samples)},
          {"breaker", breaker_json(c.breaker)},
          {"stores", stores},
          {"monthly_cost_usd", c.monthly_cost_usd},
          {"annual_incident_cost_usd", optional_value(c.annual_incident_cost_usd)},
          {"total_monthly_usd", c.total_monthly_usd},
          {"availability", c.availability},
          {"availability_ci99_low", optional_value(c.availability_ci99_low)},
          {"rto_p95_s", optional_value(c.rto_p95_s)},
          {"rpo_p95_s", optional_value(c.rpo_p95_s)},
          {"changes", optional_value(c.changes)},
          {"replications_run", optional_value(c.replications_run)},
          {"simulated_years", optional_value(c.simulated_years)},
          {"meets_targets", c.meets_targets},
          {"pareto", c.is_pareto}};
}

}  // namespace

std::string to_plan_json_text(const PlanDocument& plan) {
  ordered_json j = planner_document_head(kPlanSchema, plan.faultline_version, plan.scenario, plan.scenario_sha256,
                                         plan.seed, plan.years_per_replication);
  j["replications"] = plan.replications;
  j["precision"] = optional_value(plan.precision);
  j["precision_rto_p95_s"] = optional_value(plan.precision_rto_p95_s);
  j["budget_monthly_usd"] = optional_value(plan.budget_monthly_usd);
  j["traffic"] = optional_text(plan.traffic);
  j["targets"] = targets_json(plan.targets);
  j["search_space"] = space_json(plan.search_space);
  j["defaulted_components"] = defaulted_json(plan.defaulted);
  j["candidates"] = ordered_json::array();
  for (const auto& c : plan.candidates) j["candidates"].push_back(candidate_json(c));
  ordered_json recommendations = ordered_json::object();
  for (const auto& r : plan.recommendations) {
    recommendations[r.kind] = {{"label", optional_value(r.label)}, {"why", r.why}};
  }
  j["recommendations"] = recommendations;
  return j.dump(2) + "\n";
}

}  // namespace faultline::contract
