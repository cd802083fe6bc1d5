#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "model/fault_state.hpp"

using namespace faultline::engine;

namespace {

// The fields FaultState::apply sets, as TrafficModel's regions and deployments have them.
struct TestRegion {
  std::string id;
  bool lacks_private_dns = false;
  bool is_down = false;
  bool is_gateway_down = false;
  bool is_dns_down = false;
  double gateway_error_rate = 0;
  SimDuration gateway_added_latency{0};
};

struct TestDeployment {
  std::string id;
  std::vector<std::string> zones;
  bool is_down = false;
  bool has_version_drift = false;
  bool is_quota_reclaimed = false;
  double capacity_lost = 0;
  double throttle_share = 0;
  SimDuration throttle_retry_after{-1};
  double error_rate = 0;
  SimDuration added_latency{0};
};

FaultSpec fault(FaultType type, std::string target) {
  FaultSpec f;
  f.name = target;
  f.type = type;
  f.target = std::move(target);
  return f;
}

// Faults 0..10, in this order; only the first, the global entry failure and the gateway one need a reach.
Scenario two_region_scenario() {
  Scenario s;
  s.faults.push_back(fault(FaultType::kRegionOutage, "eastus"));   // 0
  s.faults.push_back(fault(FaultType::kZoneOutage, "eastus-1"));   // 1
  FaultSpec gpu = fault(FaultType::kGpuCapacityLoss, "gpt-east");  // 2
  gpu.fraction = 0.75;
  s.faults.push_back(gpu);
  FaultSpec throttle = fault(FaultType::kThrottling, "gpt-west");  // 3
  throttle.fraction = 0.3;
  throttle.retry_after = seconds(2);
  s.faults.push_back(throttle);
  throttle.fraction = 0.1;  // 4
  throttle.retry_after = seconds(5);
  s.faults.push_back(throttle);
  s.faults.push_back(fault(FaultType::kQuotaReclaimed, "gpt-west"));  // 5
  s.faults.push_back(fault(FaultType::kDnsFailure, "eastus"));        // 6
  FaultSpec gray = fault(FaultType::kGrayFailure, "gpt-east");        // 7
  gray.error_rate = 0.02;
  gray.added_latency = millis(100);
  s.faults.push_back(gray);
  gray.error_rate = 0.05;  // 8
  gray.added_latency = millis(50);
  s.faults.push_back(gray);
  s.faults.push_back(fault(FaultType::kGlobalEntryFailure, "front-door"));  // 9
  s.faults.push_back(fault(FaultType::kModelVersionDrift, "gpt-west"));     // 10
  s.faults.push_back(fault(FaultType::kGatewayFailure, "apim-west"));       // 11
  return s;
}

FaultState fault_state(const Scenario& s) {
  FaultState state(s);
  for (std::size_t f = 0; f < s.faults.size(); ++f) {
    FaultReach reach;
    if (f == 0) reach.regions_down = {0};
    if (f == 9) reach.is_global = true;
    if (f == 11) reach.gateways_down = {1};
    state.add(std::move(reach));
  }
  return state;
}

}  // namespace

TEST_CASE("fault state derives region and deployment flags from the active faults") {
  const Scenario scenario = two_region_scenario();
  FaultState state = fault_state(scenario);
  std::vector<TestRegion> regions{{"eastus"}, {"westus", true}};
  std::vector<TestDeployment> deployments{{"gpt-east", {"eastus-1", "eastus-2"}}, {"gpt-west", {"westus-1"}}};
  const auto activate = [&](std::initializer_list<std::size_t> faults) {
    for (std::size_t f : faults) state.set_active(f, true);
    state.apply(regions, deployments);
  };

  SECTION("no fault active: every flag clear, but a region lacking private DNS stays DNS-down") {
    regions[0].is_down = true;
    deployments[1].throttle_share = 0.5;
    activate({});
    CHECK_FALSE(regions[0].is_down);
    CHECK_FALSE(regions[0].is_dns_down);
    CHECK(regions[1].is_dns_down);
    CHECK(deployments[1].throttle_share == 0.0);
    CHECK(deployments[1].throttle_retry_after == SimDuration{-1});
  }
  SECTION("a region outage takes its region down until it ends") {
    activate({0});
    CHECK(regions[0].is_down);
    CHECK_FALSE(regions[1].is_down);
    state.set_active(0, false);
    state.apply(regions, deployments);
    CHECK_FALSE(regions[0].is_down);
  }
  SECTION("a gateway failure takes the gateway in its reach down") {
    activate({11});
    CHECK(regions[1].is_gateway_down);
    CHECK_FALSE(regions[0].is_gateway_down);
  }
  SECTION("a zone outage takes one zone's share, capacity losses add up and are capped at 1") {
    activate({1});
    CHECK(deployments[0].capacity_lost == 0.5);  // 1 of its 2 zones
    CHECK(deployments[1].capacity_lost == 0.0);
    activate({2});
    CHECK(deployments[0].capacity_lost == 1.0);  // 0.5 + 0.75 = 1.25, capped
  }
  SECTION("throttling keeps the largest share and the longest Retry-After") {
    activate({3, 4});
    CHECK(deployments[1].throttle_share == 0.3);               // max(0.3, 0.1)
    CHECK(deployments[1].throttle_retry_after == seconds(5));  // max(2 s, 5 s)
  }
  SECTION("quota is reclaimed unless the fault found the deployment busy") {
    activate({5});
    CHECK(deployments[1].is_quota_reclaimed);
    state.set_quota_kept(5, true);
    state.apply(regions, deployments);
    CHECK(state.is_quota_kept(5));
    CHECK_FALSE(deployments[1].is_quota_reclaimed);
  }
  SECTION("a DNS failure and a version drift set their flags") {
    activate({6, 10});
    CHECK(regions[0].is_dns_down);
    CHECK(deployments[1].has_version_drift);
    CHECK_FALSE(deployments[0].has_version_drift);
  }
  SECTION("gray failures keep the largest error rate and add their latencies") {
    activate({7, 8});
    CHECK(deployments[0].error_rate == 0.05);            // max(0.02, 0.05)
    CHECK(deployments[0].added_latency == millis(150));  // 100 ms + 50 ms
  }
  SECTION("the global entry is down only while a global fault is active") {
    CHECK_FALSE(state.is_global_down());
    activate({0});
    CHECK_FALSE(state.is_global_down());
    activate({9});
    CHECK(state.is_global_down());
    CHECK(state.is_active(9));
    state.set_active(9, false);
    CHECK_FALSE(state.is_global_down());
  }
}
