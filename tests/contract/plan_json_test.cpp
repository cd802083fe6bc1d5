#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "faultline/contract/plan_json.hpp"
#include "faultline/contract/planner_documents.hpp"

namespace contract = faultline::contract;

namespace {

// One screen candidate with every setting, one without probe or breaker, and the three recommendations.
contract::PlanDocument sample_plan() {
  contract::PlanDocument d;
  d.scenario = "s.json";
  d.scenario_sha256 = "ab";
  d.faultline_version = "0.1.0 (git test)";
  d.seed = 7;
  d.years_per_replication = 2.0;
  d.replications = 3;
  d.precision = 0.001;
  d.budget_monthly_usd = 5000.0;
  d.traffic = "fast";
  d.targets = {0.999, 600.0, std::nullopt, std::nullopt};
  d.search_space.patterns = {"hot-warm"};
  d.search_space.region_pairs = {{"eastus2", "centralus"}};
  d.search_space.standby_fractions = {0.5, 1.0};
  d.search_space.probe_intervals_s = {10.0};
  d.search_space.probe_samples = {{2, 4}};
  d.search_space.breakers = {{25.0, 20, 30.0}};
  d.search_space.replication_modes = {"sync", "async"};
  d.search_space.replication_modes_by_kind = {{"database", {"sync", "async"}}};
  d.search_space.backup_intervals_s = {900.0};
  d.search_space.max_candidates = 120;
  d.search_space.strategy = "screen-then-combine";
  d.search_space.evaluated = 2;
  d.search_space.screened = 2;
  d.search_space.notes = {"a note"};
  contract::PlanCandidateData a;
  a.label = "A";
  a.pattern = "hot-warm";
  a.stage = "screen";
  a.regions = std::vector<std::string>{"eastus2", "centralus"};
  a.standby_fraction = 0.5;
  a.probe_interval_s = 10.0;
  a.has_probe_samples = true;
  a.probe_samples = contract::ProbeSamples{2, 4};
  a.has_breaker = true;
  a.breaker = contract::BreakerSettings{25.0, 20, 30.0};
  a.stores = std::vector<contract::StoreReplication>{{"db", "async", std::nullopt}};
  a.monthly_cost_usd = 1000.0;
  a.annual_incident_cost_usd = 120.0;
  a.total_monthly_usd = 1010.0;
  a.availability = 0.9995;
  a.availability_ci99_low = 0.9991;
  a.rto_p95_s = 300.0;
  a.changes = 1;
  a.replications_run = 3;
  a.simulated_years = 6.0;
  a.meets_targets = true;
  a.is_pareto = true;
  contract::PlanCandidateData b = a;
  b.label = "B";
  b.probe_samples = std::nullopt;
  b.breaker = std::nullopt;
  b.meets_targets = false;
  b.is_pareto = false;
  d.candidates = {a, b};
  d.recommendations = {{"cheapest_meeting_targets", "A", "cheapest"},
                       {"best_within_budget", "A", "best"},
                       {"least_change", std::nullopt, "none"}};
  return d;
}

}  // namespace

TEST_CASE("a plan document is written in a fixed key order and reads back to the same bytes", "[contract][plan]") {
  const std::string text = contract::to_plan_json_text(sample_plan());
  SECTION("the keys come in the order faultline plan has always written them") {
    const std::string head = R"J({
  "schema": "faultline.plan/v1",
  "faultline_version": "0.1.0 (git test)",
  "inputs": {
    "scenario": "s.json",
    "sha256": "ab"
  },
  "seed": 7,
  "years_per_replication": 2.0,
  "replications": 3,
  "precision": 0.001,
  "precision_rto_p95_s": null,
  "budget_monthly_usd": 5000.0,
  "traffic": "fast",
  "targets": {
    "availability": 0.999,
    "rto_s": 600.0
  },
  "search_space": {
    "patterns": [
      "hot-warm"
    ],)J";
    CHECK(text.substr(0, head.size()) == head);
    // A candidate without probe or breaker writes both keys as null (the key present: "none" in reports).
    CHECK_THAT(text, Catch::Contains("\"probe_samples\": null,\n      \"breaker\": null,"));
    CHECK_THAT(text, Catch::Contains("\"least_change\": {\n      \"label\": null,\n      \"why\": \"none\"\n    }"));
    CHECK(text.back() == '\n');
  }
  SECTION("reading and writing again gives the same bytes") {
    const contract::PlanDocument read = contract::read_plan_document(nlohmann::json::parse(text), "p.json");
    CHECK(read.file == "p.json");
    CHECK(read.search_space.replication_modes == std::vector<std::string>{"sync", "async"});
    CHECK(read.candidates[1].has_probe_samples);
    CHECK_FALSE(read.candidates[1].probe_samples.has_value());
    CHECK(contract::to_plan_json_text(read) == text);
  }
}
