// The service answer's ladder, row by row: one call (or probe) against a hand-built state of
// two regions (eastus2 primary, centralus standby) and their deployments, without running a
// simulation. Each row says what it changes from the baseline and what the answer must be.

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "data_scenario.hpp"
#include "faultline/router/backend_breaker.hpp"
#include "model/data_layer.hpp"
#include "model/service_answer.hpp"
#include "model/standby_capacity.hpp"

using namespace faultline::engine;
namespace router = faultline::router;

namespace {

constexpr std::int64_t kProbeRttEast = 24'000;  // us, the probes' round trip to eastus2
constexpr std::int64_t kRemoteRtt = 50'000;     // us, eastus2's gateway to the centralus member and back
constexpr SimDuration kServiceTime = std::chrono::milliseconds(1'000);
const SimTime kNow = kSimStart + std::chrono::milliseconds(100'250);

// Everything a ServiceAnswer reads, at its baseline: both regions primary (Hot/Hot); eastus2's
// pool holds chat-eastus2 (priority 1, 10 concurrent slots, ample quota) and chat-centralus
// (priority 2, another region, 50 ms round trip); nothing is down; a standby would be cold
// (fraction 0) and pay 200 ms of cold-cache latency for 60 s after its scale-up.
struct Desk {
  Scenario scenario = faultline::testing::load_data_scenario([] {
    nlohmann::json s = faultline::testing::data_scenario();
    s["patterns"] = nlohmann::json::array({nlohmann::json{{"name", "hot-hot"}}});
    return s;
  }());
  PatternSpec pattern = scenario.patterns.front();
  std::vector<WorkloadSpec> workloads = scenario.workloads;
  StandbyCapacity standby{pattern};
  DataLayer data{*scenario.topology, pattern};
  std::vector<std::vector<std::size_t>> stores_written;
  std::vector<std::int64_t> probe_rtt_us{kProbeRttEast, 64'000};
  std::vector<RegionState> regions;
  std::vector<DeploymentState> deployments;

  Desk() {
    workloads.front().writes_per_request = 0;
    stores_written.push_back(data.stores_written_by(workloads.front()));
    pattern.standby_fraction = 0;
    pattern.cold_cache_latency = std::chrono::milliseconds(200);
    pattern.warmup = std::chrono::seconds(60);
    regions.resize(2);
    regions[0].id = "eastus2";
    regions[1].id = "centralus";
    deployments.resize(2);
    deployments[0].id = "chat-eastus2";
    deployments[1].id = "chat-centralus";
    deployments[1].region = 1;
    for (DeploymentState& d : deployments) {
      d.concurrency = 10;
      d.quota = StandardQuota(1e9);  // tokens per minute: never the limit here
    }
    regions[0].pool_of_workload.resize(1);
    regions[0].pool_of_workload[0].add(0, 1, 1);
    regions[0].pool_of_workload[0].add(1, 2, 1, kRemoteRtt);
    regions[1].pool_of_workload.resize(1);
    regions[1].pool_of_workload[0].add(1, 1, 1);
  }
  // eastus2's pool with its local member only.
  void local_only() {
    regions[0].pool_of_workload[0] = BackendPool{};
    regions[0].pool_of_workload[0].add(0, 1, 1);
  }
  // One gateway instance in eastus2 with one breaker per deployment, tripping at one 5xx; the
  // members in `tripped` took a 500 one second ago (their 60 s trip lasts past kNow).
  void trip(const std::vector<std::size_t>& tripped) {
    router::BackendBreakerConfig config;
    config.failure_count = 1;
    regions[0].breakers.assign(deployments.size(), router::BackendBreaker(config));
    for (std::size_t d : tripped) {
      regions[0].breakers[d].record(500, SimDuration{-1}, (kNow - std::chrono::seconds(1)).time_since_epoch());
    }
  }
  ServiceAnswer answer() {
    return ServiceAnswer(regions, deployments,
                         ServiceInputs{workloads, pattern, standby, data, stores_written, probe_rtt_us},
                         RandomStream(1, 0, "outcomes"));
  }
};

CallState call() {
  CallState r;
  r.prompt_tokens = 100;
  r.completion_tokens = 50;
  r.service_time = kServiceTime;
  return r;
}

struct CallRow {
  std::string situation;
  std::function<void(Desk&)> change;
  int status;
  SimDuration latency;  // what the region adds to the call's own network round trip
  std::size_t deployment;
  FailureKind failure;
  SimDuration retry_after;  // negative: none
  bool holds_slot;
};

using std::chrono::milliseconds;

// Shared by the rows: no Retry-After, nothing added, and the 50 ms round trip to the remote member.
const SimDuration kNoRetryAfter{-1};
const SimDuration kNothing{0};
const SimDuration kRemote = milliseconds(kRemoteRtt / 1000);

// Rows the region's gateway answers before any pool member is tried.
std::vector<CallRow> gateway_rows() {
  return {
      {"baseline: the local member admits, 200 after its service time", [](Desk&) {}, 200, kServiceTime, 0,
       kOtherFailure, kNoRetryAfter, true},
      {"region down: nothing answers, the call waits for its timeout (30 s default)",
       [](Desk& d) { d.regions[0].is_down = true; }, 0, seconds(30), kNone, kOtherFailure, kNoRetryAfter, false},
      {"gateway down: 503 at once", [](Desk& d) { d.regions[0].is_gateway_down = true; }, 503, kNothing, kNone,
       kOtherFailure, kNoRetryAfter, false},
      {"private DNS down: the gateway cannot resolve its backend, 502",
       [](Desk& d) { d.regions[0].is_dns_down = true; }, 502, kNothing, kNone, kOtherFailure, kNoRetryAfter, false},
      {"gateway gray failure at rate 1: 500 after the gateway's added 30 ms",
       [](Desk& d) {
         d.regions[0].gateway_error_rate = 1.0;
         d.regions[0].gateway_added_latency = milliseconds(30);
       },
       500, milliseconds(30), kNone, kOtherFailure, kNoRetryAfter, false},
      {"no deployment of the model in the region: 404",
       [](Desk& d) { d.regions[0].pool_of_workload[0] = BackendPool{}; }, 404, kNothing, kNone, kOtherFailure, kNoRetryAfter, false},
  };
}

// Rows the backend pool answers. An admitted call adds its service time (1 s); one served by the
// centralus member also the 50 ms round trip to it, which is added whenever the member's region
// is up, even when the member then refuses.
std::vector<CallRow> pool_rows() {
  return {
      {"model version drift on the local member: 404, which does not spill",
       [](Desk& d) { d.deployments[0].has_version_drift = true; }, 404, kNothing, 0, kOtherFailure, kNoRetryAfter, false},
      {"local member down: spills to the remote member, 1 s + 50 ms", [](Desk& d) { d.deployments[0].is_down = true; },
       200, kServiceTime + kRemote, 1, kOtherFailure, kNoRetryAfter, true},
      {"both members down: 503 from the last, after its 50 ms round trip",
       [](Desk& d) { d.deployments[0].is_down = d.deployments[1].is_down = true; }, 503, kRemote, 1, kOtherFailure, kNoRetryAfter,
       false},
      {"local member down and the remote member's region down: 503, no round trip",
       [](Desk& d) {
         d.deployments[0].is_down = true;
         d.regions[1].is_down = true;
       },
       503, kNothing, 1, kOtherFailure, kNoRetryAfter, false},
      {"every slot taken on both members: 429, Retry-After 1 s, short of capacity",
       [](Desk& d) { d.deployments[0].in_flight = d.deployments[1].in_flight = 10; }, 429, kRemote, 1, kCapacityShort,
       seconds(1), false},
      {"half the local capacity lost: floor(10 x 0.5) = 5 slots all taken, spills",
       [](Desk& d) {
         d.deployments[0].capacity_lost = 0.5;
         d.deployments[0].in_flight = 5;
       },
       200, kServiceTime + kRemote, 1, kOtherFailure, kNoRetryAfter, true},
      // 100 tokens per minute: the call's 150 tokens do not fit; Retry-After runs to the minute's
      // end, 120 s - 100.25 s = 19.75 s.
      {"tokens per minute exhausted on both members: 429, Retry-After to the minute's end",
       [](Desk& d) {
         for (DeploymentState& dep : d.deployments) dep.quota = StandardQuota(100);
       },
       429, kRemote, 1, kCapacityShort, milliseconds(19'750), false},
      {"quota reclaimed on the local member: spills to the remote",
       [](Desk& d) { d.deployments[0].is_quota_reclaimed = true; }, 200, kServiceTime + kRemote, 1, kOtherFailure, kNoRetryAfter,
       true},
      {"cold standby (fraction 0, not scaled up) as the only member: 503 for want of capacity",
       [](Desk& d) {
         d.regions[0].is_primary = false;
         d.local_only();
       },
       503, kNothing, 0, kCapacityShort, kNoRetryAfter, false},
      {"standby scaled up 10 s ago (time to capacity 0), caches cold for 60 s: 1 s + 200 ms",
       [](Desk& d) {
         d.regions[0].is_primary = false;
         d.local_only();
         d.standby.set_scale_up_at(kNow - seconds(10));
       },
       200, kServiceTime + milliseconds(200), 0, kOtherFailure, kNoRetryAfter, true},
      {"the local member's breaker tripped: the call goes to the remote member", [](Desk& d) { d.trip({0}); }, 200,
       kServiceTime + kRemote, 1, kOtherFailure, kNoRetryAfter, true},
      {"every member's breaker tripped: 503, no member tried",
       [](Desk& d) {
         d.trip({0, 1});
       },
       503, kNothing, kNone, kOtherFailure, kNoRetryAfter, false},
      {"deployment gray failure at rate 1: admitted, 500 after service time + its 250 ms",
       [](Desk& d) {
         d.deployments[0].error_rate = 1.0;
         d.deployments[0].added_latency = milliseconds(250);
       },
       500, kServiceTime + milliseconds(250), 0, kOtherFailure, kNoRetryAfter, true},
      {"both members throttled (share 1, Retry-After 7 s): 429 with the fault's Retry-After, not short of capacity",
       [](Desk& d) {
         for (DeploymentState& dep : d.deployments) {
           dep.throttle_share = 1.0;
           dep.throttle_retry_after = seconds(7);
         }
       },
       429, kRemote, 1, kOtherFailure, seconds(7), false},
      {"the local member throttled (share 1): spills to the remote member",
       [](Desk& d) { d.deployments[0].throttle_share = 1.0; }, 200, kServiceTime + kRemote, 1, kOtherFailure, kNoRetryAfter,
       true},
  };
}

}  // namespace

TEST_CASE("service answer: one call, row by row through the ladder", "[engine][service]") {
  std::vector<CallRow> rows = gateway_rows();
  for (CallRow& row : pool_rows()) rows.push_back(std::move(row));
  for (const CallRow& row : rows) {
    SECTION(row.situation) {
      Desk desk;
      row.change(desk);
      ServiceAnswer answer = desk.answer();
      CallState r = call();
      SimDuration latency{0};
      CHECK(answer.serve_in_region(0, r, kNow, latency) == row.status);
      CHECK(latency == row.latency);
      CHECK(r.deployment == row.deployment);
      CHECK(r.failure == row.failure);
      CHECK(r.retry_after == row.retry_after);
      CHECK(r.holds_slot == row.holds_slot);
      // An admitted call takes one slot of the member that admitted it.
      if (row.holds_slot) CHECK(desk.deployments[r.deployment].in_flight == 1);
    }
  }
}

TEST_CASE("service answer: writes refused while the database waits for its promotion", "[engine][service]") {
  Desk desk;
  desk.workloads.front().writes_per_request = 1;
  REQUIRE(desk.stores_written.front().size() == 1);
  RandomStream rng(1, 0, "data");
  // The eastus2 outage takes the database's write region down; it takes writes again only once promoted.
  (void)desk.data.on_fault(kNow - seconds(5), desk.stores_written.front(), {}, 0, rng, true);
  REQUIRE(desk.data.is_write_blocked(desk.stores_written.front()));
  ServiceAnswer answer = desk.answer();
  CallState r = call();
  SimDuration latency{0};
  // Admitted by the deployment (quota and slot available), then refused before any service time.
  CHECK(answer.serve_in_region(0, r, kNow, latency) == 503);
  CHECK(latency == SimDuration{0});
  CHECK(r.failure == kWriteRefused);
  CHECK_FALSE(r.is_planned_failure);
  CHECK_FALSE(r.holds_slot);
  CHECK(desk.deployments[0].in_flight == 0);
}

TEST_CASE("service answer: a health probe walks the same ladder", "[engine][service]") {
  struct ProbeRow {
    std::string situation;
    std::function<void(Desk&)> change;
    int status;
    SimDuration latency;
  };
  const SimDuration vantage = milliseconds(kProbeRttEast / 1000);  // 24 ms
  const std::vector<ProbeRow> rows = {
      {"baseline: 200 after the vantage's 24 ms round trip", [](Desk&) {}, 200, vantage},
      {"region down: the probe times out (the pattern's probe timeout, 7 s here)",
       [](Desk& d) { d.regions[0].is_down = true; }, 0, seconds(7)},
      {"gateway down: 503", [](Desk& d) { d.regions[0].is_gateway_down = true; }, 503, vantage},
      {"private DNS down: 503", [](Desk& d) { d.regions[0].is_dns_down = true; }, 503, vantage},
      {"local member down: the live remote member answers, 24 + 50 ms",
       [](Desk& d) { d.deployments[0].is_down = true; }, 200, vantage + milliseconds(50)},
      {"no member can serve: the first member's refusal, 404 for its version drift",
       [](Desk& d) {
         d.deployments[0].has_version_drift = true;
         d.deployments[1].is_down = true;
       },
       404, vantage},
      {"the local member's breaker tripped: the remote member answers", [](Desk& d) { d.trip({0}); }, 200,
       vantage + milliseconds(50)},
      {"every member's breaker tripped: 503",
       [](Desk& d) {
         d.trip({0, 1});
       },
       503, vantage},
      {"a cold standby with nothing provisioned: 503",
       [](Desk& d) {
         d.regions[0].is_primary = false;
         d.local_only();
       },
       503, vantage},
  };
  for (const ProbeRow& row : rows) {
    SECTION(row.situation) {
      Desk desk;
      REQUIRE(desk.pattern.router.probe);
      desk.pattern.router.probe->timeout = seconds(7);
      row.change(desk);
      ServiceAnswer answer = desk.answer();
      SimDuration latency{0};
      CHECK(answer.probe_status(0, kNow, latency) == row.status);
      CHECK(latency == row.latency);
      // A probe takes no call's turn on the gateway instances and no slot.
      CHECK(desk.regions[0].next_instance == 0);
      CHECK(desk.deployments[0].in_flight == 0);
    }
  }
}
