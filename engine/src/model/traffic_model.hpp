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
#include "model/incident_log.hpp"
#include "model/service_answer.hpp"
#include "model/service_state.hpp"
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
  using Deployment = DeploymentState;
  using Region = RegionState;
  using InFlight = CallState;
  // quota_reclaimed takes quota only from a deployment that admitted no call in this long before the fault.
  static constexpr SimDuration kQuotaIdleWindow = std::chrono::hours(1);

  struct Client {
    std::string id;
    double cumulative_share = 0;
    std::string boundary;
    std::vector<std::int64_t> rtt_us;  // per region: 2 x one-way latency, or -1 when unreachable
  };

  struct WorkloadState {
    RandomStream arrivals;
    RandomStream attributes;
    std::vector<router::BoundaryId> boundary_of_client;
    AvailabilityCounter availability;
    QuantileSketch latency;
    std::uint64_t offered = 0;
    std::uint64_t succeeded = 0;
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
  void on_completion(std::uint32_t slot);
  void on_wakeup();
  void on_fault_change(std::size_t fault, bool is_start);
  void on_probe_result(std::uint32_t endpoint, int status, std::int64_t latency_us);
  void on_progress_tick();
  // Results: each incident's details and costs, the pattern's RTO, RPO and incident cost.
  void fill_incidents(PatternResult& result);
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
  std::vector<Region> regions_;
  std::vector<Deployment> deployments_;
  std::vector<Client> clients_;
  std::vector<WorkloadState> workloads_;
  std::vector<std::vector<std::size_t>> stores_written_;  // per workload: the data layer stores its writes go to
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
  IncidentLog incident_log_;  // parallel to recovery_'s incidents: what each reports beyond them, and its RTO phases
  Failback failback_;
  EventLog events_;
  BucketedSeries series_;
  std::uint64_t offered_ = 0;
  std::uint64_t succeeded_ = 0;
  RunControl control_;
  bool is_cancelled_ = false;
  // Last: it holds references to the state above (regions, deployments, standby, data layer).
  ServiceAnswer service_;
};

}  // namespace faultline::engine
