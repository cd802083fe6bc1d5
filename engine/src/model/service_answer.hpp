#pragma once
// Internal: the service answer, what a region's gateway and its backend pool answer to one
// call or one health probe, from the faults in force and the capacity live now. Calls and
// probes walk the same ladder (refusal_of); only calls consume capacity and draw outcomes
// for throttling and gray failures. Also the APIM gateway's backend breakers, one per
// gateway instance and deployment.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/engine/model/scenario.hpp"
#include "faultline/topology/topology.hpp"
#include "model/data_layer.hpp"
#include "model/service_state.hpp"
#include "model/standby_capacity.hpp"

namespace faultline::engine {

/// What the answer reads besides the regions and deployments; every member is held by
/// reference and must outlive the ServiceAnswer (TrafficModel owns them all).
struct ServiceInputs {
  const std::vector<WorkloadSpec>& workloads;                   // timeout, max_tokens, writes_per_request
  const PatternSpec& pattern;                                   // cold_cache_latency, probe timeout
  const StandbyCapacity& standby;                               // live share of a standby region's capacity
  const DataLayer& data;                                        // write blocks, synchronous write penalty
  const std::vector<std::vector<std::size_t>>& stores_written;  // per workload: the stores its writes go to
  const std::vector<std::int64_t>& probe_rtt_us;                // per region: the probes' round trip, us
};

/// The one ladder from faults and capacity to an HTTP status. Holds references to `regions`,
/// `deployments` and the inputs; owns the random stream its outcome draws come from, so the
/// draws of a run happen in call order whoever asks.
class ServiceAnswer {
 public:
  ServiceAnswer(std::vector<RegionState>& regions, std::vector<DeploymentState>& deployments, ServiceInputs inputs,
                RandomStream outcomes);

  /// Status of call `r` sent at `now` to region `g`'s gateway and backend pool (0: timed out), adding
  /// the time the region takes to answer to `latency`; sets r's deployment, retry_after, failure
  /// kind, instance, and holds_slot when a deployment admitted it (then its in_flight grew by one).
  int serve_in_region(std::size_t g, CallState& r, SimTime now, SimDuration& latency);
  /// Status of a health probe of region `g` at `now` (0: timed out); sets `latency` to the probe's
  /// round trip from the vantage plus what the region adds (the probe timeout when it is down).
  int probe_status(std::size_t g, SimTime now, SimDuration& latency);
  /// 503 / 404 when deployment `d` cannot serve at all at `now` (down or its region down, no
  /// capacity, version drift), else 0.
  [[nodiscard]] int refusal_of(const DeploymentState& d, SimTime now) const;
  /// Breaker of deployment `d` on instance `instance` of region `g`'s gateway, or none.
  [[nodiscard]] router::BackendBreaker* breaker_of(std::size_t g, std::uint32_t instance, std::size_t d);
  /// Gives each region whose gateway in `topology` declares a backend breaker its instances and one
  /// breaker per instance and deployment; call once every deployment is known.
  void build_gateway_breakers(const topology::Topology& topology);

 private:
  // Status of call `r` at deployment `d`; sets `may_spill` when refused at once for want of capacity.
  int serve_by_deployment(std::size_t d, CallState& r, SimTime now, SimDuration& latency, bool& may_spill);
  [[nodiscard]] double capacity_factor(const DeploymentState& d, SimTime now) const {
    return inputs_.standby.capacity_factor(regions_[d.region].is_primary, d.is_pay_per_token, now);
  }

  std::vector<RegionState>& regions_;
  std::vector<DeploymentState>& deployments_;
  ServiceInputs inputs_;
  RandomStream outcomes_;
};

}  // namespace faultline::engine
