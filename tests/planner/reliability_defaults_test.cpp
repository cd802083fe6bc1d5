// Defaults from published data (docs/planner.md): a scenario without a
// `reliability` section gets one component per region, zone, model deployment,
// gateway, global entry and data store, each with the table's distributions.
#include <catch2/catch.hpp>

#include <cmath>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/reliability_defaults.hpp"
#include "faultline/planner/reliability_loader.hpp"

using namespace faultline::planner;
using faultline::testing::source_path;

namespace {

faultline::engine::Scenario load(const char* file) {
  auto loaded = faultline::engine::ScenarioLoader::load_file(source_path(file));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

}  // namespace

TEST_CASE("each default row keeps its stated availability", "[planner][reliability][defaults]") {
  REQUIRE(reliability_defaults().size() == 6);
  for (const auto& row : reliability_defaults()) {
    INFO(row.kinds);
    // Lognormal repair: mean = median exp(sigma^2 / 2), sigma = ln(p95 / median) / z_0.95.
    const double sigma = std::log(row.repair_p95_s / row.repair_median_s) / 1.6448536269514722;
    const double repair_mean = row.repair_median_s * std::exp(sigma * sigma / 2);
    const double mtbf = default_mean_time_between_failures_s(row);
    CHECK(std::abs(mtbf / (mtbf + repair_mean) - row.availability) < 1e-9);
    CHECK_FALSE(row.source.empty());
  }
  SECTION("model deployment: Azure OpenAI 99.9 %, repair median 1 h, p95 4 h") {
    const auto& row = reliability_defaults()[2];
    CHECK(row.kinds == "model_deployment");
    // sigma = ln 4 / 1.6449 = 0.84279; mean repair = 3600 exp(0.35515) = 5135.1 s;
    // MTBF = 5135.08 x 0.999 / 0.001 = 5.12995e6 s (59.4 days).
    CHECK(std::abs(default_mean_time_between_failures_s(row) - 5.12995e6) < 10);
  }
}

TEST_CASE("a scenario without a reliability section gets the defaults, marked as such",
          "[planner][reliability][defaults]") {
  const auto scenario = load("scenarios/reference.json");
  const auto r = ReliabilityLoader::load_file(scenario);
  INFO(r.error_report());
  REQUIRE(r.model);
  const auto& c = r.model->components;
  // foundry-two-region: 2 regions, 6 zones, 4 deployments, 2 gateways, 1 global entry, 10 data stores.
  REQUIRE(c.size() == 25);
  CHECK(c.front().name == "eastus2/region_outage");
  CHECK(c[2].name == "eastus2-az1/zone_outage");
  CHECK(c[8].name == "chat-eastus2/gpu_capacity_loss");
  CHECK(c[14].name == "frontdoor/global_entry_failure");
  CHECK(c.back().fault == faultline::engine::FaultType::kDataStoreOutage);
  for (const auto& comp : c) CHECK_FALSE(comp.default_source.empty());
  CHECK(r.model->repair_crews == RepairCrews::kIndependent);
  CHECK(r.model->regions_needed == 1);

  SECTION("a scenario with a reliability section keeps it and nothing is defaulted") {
    const auto given = ReliabilityLoader::load_file(load("scenarios/reliability-two-region.json"));
    REQUIRE(given.model);
    CHECK(given.model->components.size() == 4);
    for (const auto& comp : given.model->components) CHECK(comp.default_source.empty());
  }
  SECTION("the terminal summary groups the defaulted components by source") {
    const std::string text = describe_defaults(default_sources(*r.model));
    CHECK_THAT(text, Catch::StartsWith("defaulted: 25 of 25 component(s) from published data"));
    CHECK_THAT(text, Catch::Contains("  4 x Azure OpenAI SLA 99.9 %"));
    CHECK(describe_defaults({"", ""}).empty());
  }
}
