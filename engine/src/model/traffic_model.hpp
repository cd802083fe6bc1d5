#pragma once
// Internal: the state and event handlers behind PatternSimulation. Definitions:
// traffic_model.cpp (setup, requests, probes) and traffic_model_failover.cpp
// (faults, failover, runbook, data incidents, failback).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/availability_counter.hpp"
#include "faultline/engine/model/bucketed_series.hpp"
#include "faultline/engine/model/pattern_result.hpp"
#include "faultline/engine/model/provisioned_throughput.hpp"
#include "faultline/engine/model/quantile_sketch.hpp"
#include "faultline/engine/model/recovery_tracker.hpp"
#include "faultline/engine/model/rto_phases.hpp"
#include "faultline/engine/model/runbook.hpp"
#include "faultline/engine/kernel/run_control.hpp"
#include "faultline/engine/model/scenario.hpp"
#include "faultline/engine/kernel/simulation.hpp"
#include "faultline/engine/model/standard_quota.hpp"
#include "faultline/router/backend_breaker.hpp"
#include "faultline/router/router.hpp"
#include "model/backend_pool.hpp"
#include "model/data_layer.hpp"
#include "model/event_log.hpp"
#include "model/fault_state.hpp"
#include "model/standby_capacity.hpp"
#include "model/work_ledger.hpp"

namespace faultline::engine {

/// One pattern's world. Regions are indexed like the router's endpoints.
///
/// Per request: an arrival event (which also schedules the next arrival of its
/// class) and a completion event per attempt; everything else (routing,
/// admission, latency) is computed at once. Nothing is stored per request
/// beyond the in-flight record, recycled through a free list.
class TrafficModel final : private router::RouterObserver {
 public:
  TrafficModel(const Scenario& scenario, std::size_t pattern_index, std::uint64_t replication);

  /// The pattern's figures; nullopt when `control.cancel` stopped the run.
  std::optional<PatternResult> run(const RunControl& control);
  [[nodiscard]] std::uint64_t events() const { return sim_.events_executed(); }
  [[nodiscard]] std::uint64_t requests() const { return offered_; }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // quota_reclaimed takes quota only from a deployment that admitted no call in this long before the fault.
  static constexpr SimDuration kQuotaIdleWindow = std::chrono::hours(1);

  struct Deployment {
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

  struct Region {
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

  struct Client {
    std::string id;
    double cumulative_share = 0;
    std::string boundary;
    std::vector<std::int64_t> rtt_us;  // per region: 2 x one-way latency, or -1 when unreachable
  };

  // Why a call failed, as far as the RTO phases need it (set when the attempt is answered).
  enum FailureKind : std::uint8_t { kOtherFailure, kTimeoutFailure, kWriteRefused, kCapacityShort, kFailureKinds };

  struct InFlight {
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

  struct WorkloadState {
    RandomStream arrivals;
    RandomStream attributes;
    std::vector<router::BoundaryId> boundary_of_client;
    AvailabilityCounter availability;
    QuantileSketch latency;
    std::uint64_t offered = 0;
    std::uint64_t succeeded = 0;
    std::vector<std::size_t> stores_written;  // data layer stores its writes go to
  };

  // What an incident reports beyond the recovery tracker's figures.
  struct IncidentDetail {
    SimTime start;
    std::vector<RunbookStepResult> runbook_steps;
    std::vector<StoreLossResult> stores;
    std::vector<std::size_t> store_indices;  // DataLayer index of each entry of `stores`
    std::optional<FailbackResult> failback;
    WorkLossResult work;
    SimTime fault_end = kSimForever;
    std::uint64_t offered_during_fault = 0;
    std::uint64_t succeeded_during_fault = 0;
    std::uint64_t failed = 0;  // failures from the fault's start to the next fault's
    double runbook_cost_usd = 0;
    // What the RTO phases are built from (traffic_model_phases.cpp).
    std::array<std::uint64_t, kFailureKinds> failures_by_kind{};
    std::array<SimTime, kFailureKinds> last_failure_at{};    // when each kind last failed a call (recorded)
    std::array<SimTime, kFailureKinds> last_failure_sent{};  // when the last call each kind failed was sent
    std::string detect_cause;
    std::vector<std::pair<SimTime, std::optional<std::size_t>>>
        promotions;  // when, and the runbook step (none: service)
    std::optional<SimTime> runbook_start;
    RunbookRun runbook_run;
    std::optional<SimTime> scale_up_at;      // the standby started scaling up (kSimForever: never)
    std::optional<SimTime> traffic_back_at;  // a recovered region served again (failback)
  };

  // The failback in progress: traffic returning to the recovered regions and,
  // when a database copy was promoted, the re-sync and the planned write pause.
  struct Failback {
    std::size_t incident = 0;
    router::EndpointMask regions = 0;  // regions the fault had taken out of service
    bool is_active = false;
    bool is_traffic_back = false;
    bool is_data_done = false;
  };

  // Setup.
  void build_regions();
  // Index of `node`'s deployment in deployments_, added (in region `region`) on first sight.
  std::size_t add_deployment(const topology::Node& node, std::size_t region);
  // Adds to each region's pools the deployments of other regions its gateway lists as backends
  // (traffic_model_pool.cpp), with the inter-region round trip a call to them adds.
  void add_remote_members();
  // The APIM gateway instances and backend breakers of each region, once every deployment is known.
  void build_gateway_breakers();
  // Breaker of deployment `d` on instance `instance` of region `g`'s gateway, or none.
  [[nodiscard]] router::BackendBreaker* breaker_of(std::size_t g, std::uint32_t instance, std::size_t d);
  void build_clients();
  void set_probe_vantage();
  void build_workloads();
  void build_faults();
  // Traffic Manager (traffic_model_dns.cpp): the resolvers' cached answers and their refreshes.
  void build_dns();
  void schedule_dns_refreshes();
  // Resolver `resolver` asks the router now; a periodic refresh schedules the next one a TTL later.
  void on_dns_refresh(std::uint32_t resolver, bool is_periodic);
  [[nodiscard]] std::uint32_t dns_resolver_of(std::uint32_t workload, std::uint32_t client);
  // Events.
  void on_arrival(std::uint32_t workload);
  void start_attempt(std::uint32_t slot);
  // Service answer (traffic_model_service.cpp): one ladder for calls and probes.
  // Status of call `r` in region `g` through the gateway and its backend pool; adds to `latency`.
  int serve_in_region(std::size_t g, InFlight& r, SimDuration& latency);
  // Status of call `r` at deployment `d`; sets `may_spill` when refused at once for want of capacity.
  int serve_by_deployment(std::size_t d, InFlight& r, SimDuration& latency, bool& may_spill);
  // 503 / 404 when deployment `d` cannot serve at all now (down or its region down, no capacity,
  // version drift), else 0.
  [[nodiscard]] int refusal_of(const Deployment& d) const;
  void on_completion(std::uint32_t slot);
  void on_wakeup();
  void on_fault_change(std::size_t fault, bool is_start);
  void on_probe_result(std::uint32_t endpoint, int status, std::int64_t latency_us);
  void on_progress_tick();
  // Results: each incident's details and costs, the pattern's RTO, RPO and incident cost.
  void fill_incidents(PatternResult& result);
  // RTO phases (traffic_model_phases.cpp): each incident's phases from what the run recorded.
  void fill_rto_phases(PatternResult& result) const;
  [[nodiscard]] RtoTimeline rto_timeline(std::size_t i) const;
  // The runbook's steps that step `last` waited for, in order, ending with `last`, as spans.
  [[nodiscard]] std::vector<RtoSpan> runbook_chain(const IncidentDetail& d, std::size_t last, RtoPhaseKind kind) const;
  [[nodiscard]] std::optional<RtoConstraint> write_constraint(std::size_t i) const;
  [[nodiscard]] std::optional<RtoConstraint> capacity_constraint(std::size_t i) const;
  // Records a failure's kind for the current incident's RTO phases.
  void note_failure(const InFlight& r);
  // Workload `w`'s figures at the run's end `end`.
  WorkloadResult workload_result(std::size_t w, SimTime end);
  // Helpers.
  void finish_request(InFlight& r, bool is_success);
  // Records request `r`'s outcome at `at` with end-to-end `latency`.
  void finish_request(InFlight& r, bool is_success, SimTime at, SimDuration latency);
  // Counts every request still in flight now, the run's last microsecond, as offered (docs/metrics.md).
  void settle_in_flight();
  void apply_faults();
  // Fails at once every call in flight whose region, gateway or deployment a starting fault took down.
  void drop_in_flight();
  [[nodiscard]] bool is_idle(const Deployment& d) const;
  // Share of deployment `d`'s capacity live in `region` now (StandbyCapacity::capacity_factor).
  [[nodiscard]] double capacity_factor(std::size_t region, const Deployment& d) const {
    return standby_.capacity_factor(regions_[region].is_primary, d.is_pay_per_token, sim_.now());
  }
  // True when some standby capacity is below full size until a scale-up: cold, warm reserved
  // capacity, or a warm pay-per-token deployment whose quota was reclaimed.
  [[nodiscard]] bool is_standby_reduced() const;
  // True while standby region `region`'s caches are cold now.
  [[nodiscard]] bool is_warming(std::size_t region) const {
    return standby_.is_warming(regions_[region].is_primary, sim_.now());
  }
  int probe_status(std::size_t region, SimDuration& latency);
  void after_router_call();
  void schedule_wakeup();
  void trigger_failover();
  void start_data_incident(std::size_t fault);
  // A copy takes writes: by the database service's own failover (true) or by a runbook step (false).
  void on_promoted(bool is_by_service, std::optional<std::size_t> step = std::nullopt);
  void start_failback(std::optional<double> resync_writes);
  void maybe_complete_failback();
  void set_standby_capacity();
  // Adds to the event log (EventLog::log).
  void log(SimTime t, EventKind kind, std::string subject, EventState state, std::string cause = "") {
    events_.log(t, kind, std::move(subject), state, std::move(cause));
  }
  std::uint32_t allocate();
  void release(std::uint32_t slot);
  [[nodiscard]] router::Micros now_micros() const { return sim_.now().time_since_epoch(); }
  // RouterObserver.
  void on_endpoint_state(router::Micros now, std::size_t endpoint, router::EndpointState state,
                         router::StateCause cause) override;
  void on_controller_state(router::Micros now, router::ControllerState state, std::size_t target) override;

  const Scenario& scenario_;
  const PatternSpec& pattern_;
  Simulation sim_;
  router::Router router_;
  RandomStream outcomes_;
  std::vector<Region> regions_;
  std::vector<Deployment> deployments_;
  std::vector<Client> clients_;
  std::vector<WorkloadState> workloads_;
  FaultState faults_;
  std::vector<InFlight> in_flight_;
  static constexpr std::uint32_t kNoSlot = static_cast<std::uint32_t>(-1);
  std::uint32_t free_head_ = kNoSlot;  // first reusable in-flight record
  EventId wakeup_event_;
  router::Micros wakeup_at_ = router::kNever;
  std::vector<std::int64_t> probe_rtt_us_;  // per region: the probes' round trip from the vantage
  // Behind Traffic Manager with a TTL: per (workload, client, resolver) the region its cached
  // answer names (router::kNoEndpoint: no answer); empty for Front Door, which routes each call.
  std::vector<std::size_t> dns_answer_;
  SimDuration dns_ttl_{0};
  std::uint32_t dns_resolvers_ = 0;
  RandomStream dns_rng_;
  // Failover of standby regions and the runbook.
  StandbyCapacity standby_;
  RandomStream runbook_rng_;
  double runbook_cost_usd_ = 0;
  // Data layer and other work at risk.
  DataLayer data_;
  RandomStream data_rng_;
  WorkLedger work_;
  std::uint64_t failed_ = 0;
  // Incidents.
  RecoveryTracker recovery_;
  std::optional<std::size_t> incident_;  // index in recovery_ of the current incident
  router::EndpointMask incident_affected_ = 0;
  bool is_switch_pending_ = false;
  bool is_dns_switch_waiting_ = false;  // the router moved away; no resolver has been told yet
  // When the router took the incident's regions out of service (or the controller
  // failed over): the switch, recorded only once an unaffected region serves.
  std::optional<SimTime> switch_candidate_;
  std::vector<IncidentDetail> details_;  // parallel to recovery_'s incidents
  Failback failback_;
  EventLog events_;
  BucketedSeries series_;
  std::uint64_t offered_ = 0;
  std::uint64_t succeeded_ = 0;
  RunControl control_;
  bool is_cancelled_ = false;
};

}  // namespace faultline::engine
