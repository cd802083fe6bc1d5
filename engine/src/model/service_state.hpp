#pragma once
// Internal: the state a pattern's service answer reads and writes: each region's gateway and
// each model deployment (their fault flags derived by FaultState), and one call in flight.
// Owned by TrafficModel; ServiceAnswer (service_answer.hpp) holds references to it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/kernel/simulation.hpp"
#include "faultline/engine/model/provisioned_throughput.hpp"
#include "faultline/engine/model/standard_quota.hpp"
#include "faultline/router/backend_breaker.hpp"
#include "faultline/router/router.hpp"
#include "model/backend_pool.hpp"

namespace faultline::engine {

/// No region or deployment (an index into the model's vectors).
inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// One model deployment (a pool member): capacity and the flags of the faults in force.
struct DeploymentState {
  std::string id;
  std::size_t region = 0;
  StandardQuota quota{1};                    // pay-per-token deployments
  std::optional<ProvisionedThroughput> ptu;  // provisioned deployments admit by this leaky bucket
  double concurrency = 0;
  std::uint32_t in_flight = 0;
  std::vector<std::string> zones;
  bool is_pay_per_token = true;  // not provisioned (PTU): quota, not reserved capacity
  // Derived from the active faults (recomputed when a fault starts or ends).
  bool is_down = false;
  bool has_version_drift = false;
  bool is_quota_reclaimed = false;
  std::optional<SimTime> last_admitted_at;  // last call it admitted (took a slot); for quota_reclaimed's idle test
  double capacity_lost = 0;                 // 0..1
  double throttle_share = 0;                // share of calls answered 429
  SimDuration throttle_retry_after{-1};     // negative: no Retry-After
  double error_rate = 0;                    // gray failure
  SimDuration added_latency{0};             // gray failure
};

/// One region's gateway (APIM) and its backend pools; regions are indexed like the router's endpoints.
struct RegionState {
  std::string id;
  bool is_primary = true;          // full capacity before any failover
  bool is_down = false;            // region outage: calls time out
  bool is_gateway_down = false;    // gateway failure or taken down: 503
  bool is_dns_down = false;        // DNS / private endpoint failure: 502
  bool lacks_private_dns = false;  // a private DNS zone or endpoint of its pair is missing (FL005/6): down throughout
  double gateway_error_rate = 0;   // gray failure on the gateway
  SimDuration gateway_added_latency{0};
  // Per workload, the gateway's backend pool of deployments_ indices (APIM priorities and
  // weights); empty when the region serves no deployment of the workload's model.
  std::vector<BackendPool> pool_of_workload;
  // APIM backend circuit breaker (the gateway's rule), one per gateway instance and deployment
  // (instance x deployments_.size() + d): instances keep no shared state. Empty: no breaker.
  std::vector<router::BackendBreaker> breakers;
  std::uint32_t instances = 1;
  std::uint32_t next_instance = 0;  // calls are spread over the instances round robin
};

// Why a call failed, as far as the RTO phases need it (set when the attempt is answered).
enum FailureKind : std::uint8_t { kOtherFailure, kTimeoutFailure, kWriteRefused, kCapacityShort, kFailureKinds };

/// One request in flight: its attributes, the current attempt and what the service answered.
struct CallState {
  router::Request request;
  SimTime arrival;
  std::uint32_t workload = 0;
  std::uint32_t client = 0;
  std::size_t region = kNone;
  std::size_t deployment = kNone;
  double prompt_tokens = 0;
  double completion_tokens = 0;
  SimDuration service_time{0};
  int status = 0;
  SimDuration retry_after{-1};
  SimDuration attempt_latency{0};
  bool holds_slot = false;
  bool is_planned_failure = false;      // refused only by a failback's planned write pause
  FailureKind failure = kOtherFailure;  // the current attempt's refusal, when it was refused for a reason
  std::uint32_t resolver = 0;           // behind Traffic Manager: index of the DNS resolver it asked
  std::uint32_t instance = 0;           // the gateway instance that took the current attempt
  bool is_backend_answer_due = false;   // the pool member's answer goes to the instance's breaker at completion
  bool is_active = false;               // allocated (between allocate and release)
  SimTime attempt_start;                // when the current attempt was sent
  EventId completion;                   // the current attempt's completion event
  std::uint32_t next_free = 0;
};

}  // namespace faultline::engine
