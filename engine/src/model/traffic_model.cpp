#include "model/traffic_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "faultline/engine/model/primary_region.hpp"
#include "faultline/topology/lowest_latency_path.hpp"

namespace faultline::engine {
namespace {

// True when a region paired with `region` (either way) has a private DNS zone or a private
// endpoint `region` lacks (lint FL005, FL006): its gateway cannot reach those services
// privately, as a dns_failure would.
bool lacks_private_network(const topology::Topology& topo, const std::string& region) {
  const auto self = topo.find(region);
  if (!self) return false;
  const auto* own = std::get_if<topology::RegionInfo>(&topo.node(*self).details);
  if (own == nullptr) return false;
  const auto is_missing = [](const std::vector<std::string>& theirs, const std::vector<std::string>& ours) {
    return std::any_of(theirs.begin(), theirs.end(),
                       [&](const std::string& x) { return std::find(ours.begin(), ours.end(), x) == ours.end(); });
  };
  for (auto v : topo.nodes_of_kind(topology::NodeKind::kRegion)) {
    const topology::Node& other = topo.node(v);
    const auto* info = std::get_if<topology::RegionInfo>(&other.details);
    if (info == nullptr || other.id == region) continue;
    if (other.id != own->paired_region && info->paired_region != region) continue;
    if (is_missing(info->private_dns_zones, own->private_dns_zones) ||
        is_missing(info->private_endpoints, own->private_endpoints)) {
      return true;
    }
  }
  return false;
}

using topology::NodeKind;

constexpr std::size_t kMaxSeriesBuckets = 1440;

bool is_retryable(int status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

}  // namespace

TrafficModel::TrafficModel(const Scenario& scenario, std::size_t pattern_index, std::uint64_t replication)
    : scenario_(scenario),
      pattern_(scenario.patterns.at(pattern_index)),
      sim_(scenario.seed, replication),
      router_(pattern_.router, this),
      faults_(scenario),
      dns_rng_(sim_.stream("dns")),
      standby_(pattern_),
      runbook_rng_(sim_.stream("runbook")),
      data_(*scenario.topology, pattern_, scenario.schedule_origin),
      data_rng_(sim_.stream("data")),
      work_(scenario,
            [&] {
              std::vector<std::string> ids;
              for (const auto& e : pattern_.router.endpoints) ids.push_back(e.name);
              return ids;
            }()),
      recovery_(scenario.recovery),
      incident_log_(pattern_, scenario.recovery.window),
      series_([&] {
        SeriesConfig config;
        config.run_length = scenario.duration;
        config.max_buckets = kMaxSeriesBuckets;
        for (const auto& e : pattern_.router.endpoints) config.regions.push_back(e.name);
        return config;
      }()),
      service_(regions_, deployments_,
               ServiceInputs{scenario.workloads, pattern_, standby_, data_, stores_written_, probe_rtt_us_},
               sim_.stream("outcomes")) {
  build_regions();
  service_.build_gateway_breakers(*scenario_.topology);
  build_clients();
  build_workloads();
  build_faults();
  build_dns();
}

void TrafficModel::build_regions() {
  const topology::Topology& topo = *scenario_.topology;
  for (const auto& e : pattern_.router.endpoints) {
    Region region;
    region.id = e.name;
    region.is_primary = runs_in_full(pattern_, e.name);
    region.lacks_private_dns = lacks_private_network(topo, e.name);
    region.is_dns_down = region.lacks_private_dns;
    for (const WorkloadSpec& w : scenario_.workloads) {
      BackendPool& pool = region.pool_of_workload.emplace_back();  // members in file order
      for (auto v : topo.members_of_region(e.name)) {
        const topology::Node& node = topo.node(v);
        if (node.kind != NodeKind::kModelDeployment) continue;
        const auto& info = std::get<topology::ModelDeploymentInfo>(node.details);
        if (info.model != w.model) continue;
        pool.add(add_deployment(node, regions_.size()), info.pool_priority, info.pool_weight);
      }
    }
    regions_.push_back(std::move(region));
  }
  add_remote_members();
}

std::size_t TrafficModel::add_deployment(const topology::Node& node, std::size_t region) {
  const auto existing =
      std::find_if(deployments_.begin(), deployments_.end(), [&](const Deployment& d) { return d.id == node.id; });
  if (existing != deployments_.end()) return static_cast<std::size_t>(existing - deployments_.begin());
  const auto& info = std::get<topology::ModelDeploymentInfo>(node.details);
  Deployment d;
  d.id = node.id;
  d.region = region;
  const double scale = scenario_.capacity_scale;  // 1 but in the fast traffic mode (traffic_thinning.hpp)
  const double capacity = info.capacity_tokens_per_minute * scale;
  const double quota =
      info.quota_tokens_per_minute > 0 ? std::min(info.quota_tokens_per_minute * scale, capacity) : capacity;
  d.quota = StandardQuota(std::max(quota, 1.0));
  d.is_pay_per_token = info.deployment_type != topology::DeploymentType::kProvisioned;
  // PTUs x tokens per PTU per minute is the deployment's capacity in tokens per minute.
  if (!d.is_pay_per_token) d.ptu.emplace(1.0, std::max(capacity, 1.0));
  d.concurrency = std::max(1.0, (info.concurrency > 0 ? info.concurrency : 1) * scale);
  d.zones = node.zones;
  deployments_.push_back(std::move(d));
  return deployments_.size() - 1;
}

void TrafficModel::build_clients() {
  const topology::Topology& topo = *scenario_.topology;
  double cumulative = 0;
  for (auto v : topo.nodes_of_kind(NodeKind::kClient)) {
    const topology::Node& node = topo.node(v);
    const auto& info = std::get<topology::ClientInfo>(node.details);
    Client c;
    c.id = node.id;
    cumulative += info.traffic_share;
    c.cumulative_share = cumulative;
    c.boundary = info.data_boundary;
    for (const Region& r : regions_) {
      const auto path = topology::lowest_latency_path(topo, node.id, r.id);
      c.rtt_us.push_back(path.is_found ? 2 * path.latency.count() : -1);
    }
    clients_.push_back(std::move(c));
  }
  if (clients_.empty()) {
    Client c;
    c.id = "clients";
    c.cumulative_share = 1;
    c.rtt_us.assign(regions_.size(), 0);
    clients_.push_back(std::move(c));
  }
  clients_.back().cumulative_share = 1.0;  // shares sum to 1 (checked by the topology loader)
  set_probe_vantage();
}

void TrafficModel::build_workloads() {
  for (const WorkloadSpec& w : scenario_.workloads) {
    // The SLO windows judge latency against this class's own latency SLO.
    SloConfig slo = scenario_.slo;
    slo.latency = w.latency_slo;
    WorkloadState state{sim_.stream("arrivals/" + w.name),
                        sim_.stream("attributes/" + w.name),
                        {},
                        AvailabilityCounter(slo),
                        QuantileSketch{},
                        0,
                        0};
    stores_written_.push_back(data_.stores_written_by(w));
    for (const Client& c : clients_) {
      const std::string& boundary = !w.boundary.empty() ? w.boundary : c.boundary;
      state.boundary_of_client.push_back(boundary.empty() ? router::kAnyBoundary : router_.boundary_id(boundary));
    }
    workloads_.push_back(std::move(state));
  }
}

std::optional<PatternResult> TrafficModel::run(const RunControl& control) {
  control_ = control;
  const SimTime end = kSimStart + scenario_.duration;
  for (std::uint32_t w = 0; w < workloads_.size(); ++w) {
    if (scenario_.workloads[w].kind == WorkloadKind::kTrainingJob) continue;  // no requests
    const SimTime first = scenario_.workloads[w].arrivals.next_after(kSimStart, workloads_[w].arrivals);
    if (first < end) sim_.schedule_at(first, [this, w] { on_arrival(w); });
  }
  for (std::size_t f = 0; f < scenario_.faults.size(); ++f) {
    const FaultSpec& fault = scenario_.faults[f];
    sim_.schedule_at(fault.start, [this, f] { on_fault_change(f, true); });
    if (fault.end() < end) sim_.schedule_at(fault.end(), [this, f] { on_fault_change(f, false); });
  }
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    double slots = 0;
    for (const Deployment& d : deployments_) {
      if (d.region == r) slots += d.concurrency * capacity_factor(r, d);
    }
    series_.set_capacity(kSimStart, r, std::llround(slots));
  }
  sim_.schedule_at(kSimStart, [this] { on_progress_tick(); });
  schedule_dns_refreshes();
  schedule_wakeup();
  // Requests still in flight are settled in the run's last microsecond, then the rest runs.
  sim_.run_until(end - micros(1));
  if (!is_cancelled_) settle_in_flight();
  sim_.run_until(end);
  if (is_cancelled_) return std::nullopt;

  recovery_.finish(end);
  series_.finish();
  PatternResult result;
  result.name = pattern_.name;
  result.availability = offered_ == 0 ? 1.0 : static_cast<double>(succeeded_) / static_cast<double>(offered_);
  result.incidents = recovery_.results();
  incident_log_.fill_rto_phases(result, recovery_.incidents());  // before fill_incidents moves the details out
  fill_incidents(result);
  for (std::size_t w = 0; w < workloads_.size(); ++w) result.workloads.push_back(workload_result(w, end));
  result.series = series_.result();
  // Runbook steps are logged when sampled, ahead of time: drop those past the run
  // and order the log by time.
  events_.move_into(result, to_seconds(scenario_.duration));
  return result;
}

void TrafficModel::fill_incidents(PatternResult& result) {
  const CostRates& rates = scenario_.costs;
  // Persisted threads no surviving region served a turn of by the end were never rehydrated.
  for (const auto& [incident, threads] : work_.unsettled()) incident_log_[incident].work.agent_threads_lost += threads;
  for (std::size_t i = 0; i < result.incidents.size() && i < incident_log_.size(); ++i) {
    IncidentResult& incident = result.incidents[i];
    const auto spec = std::find_if(scenario_.faults.begin(), scenario_.faults.end(),
                                   [&](const FaultSpec& f) { return f.name == incident.fault; });
    if (spec != scenario_.faults.end()) incident.fault_type = std::string(to_string(spec->type));
    incident.runbook_steps = std::move(incident_log_[i].runbook_steps);
    incident.stores = std::move(incident_log_[i].stores);
    incident.failback = incident_log_[i].failback;
    incident.work = incident_log_[i].work;
    const IncidentDetail& d = incident_log_[i];
    if (d.offered_during_fault > 0) {
      incident.availability =
          static_cast<double>(d.succeeded_during_fault) / static_cast<double>(d.offered_during_fault);
    }
    incident.cost_usd = d.runbook_cost_usd + rates.per_failed_request_usd * static_cast<double>(d.failed) +
                        rates.per_downtime_minute_usd * incident.downtime_weighted_s / 60.0 +
                        rates.per_lost_write_usd * static_cast<double>(incident.lost_writes) +
                        incident.work.training_cost_usd_lost;
  }
  double downtime_s = 0;
  for (const IncidentResult& i : result.incidents) {
    result.rto_s = result.rto_s ? std::max(*result.rto_s, i.rto_s) : i.rto_s;
    if (i.rpo_s) result.rpo_s = result.rpo_s ? std::max(*result.rpo_s, *i.rpo_s) : *i.rpo_s;
    downtime_s += i.downtime_weighted_s;  // a degraded minute is not a minute down (issue 22)
  }
  result.incident_cost_usd = runbook_cost_usd_ + rates.per_failed_request_usd * static_cast<double>(failed_) +
                             rates.per_downtime_minute_usd * downtime_s / 60.0 +
                             rates.per_lost_write_usd * data_.lost_writes_total() + work_.training_cost_lost_usd();
}

WorkloadResult TrafficModel::workload_result(std::size_t w, SimTime end) {
  WorkloadState& state = workloads_[w];
  state.availability.finish(end);
  WorkloadResult wr;
  wr.name = scenario_.workloads[w].name;
  wr.offered = state.offered;
  wr.succeeded = state.succeeded;
  wr.availability = state.availability.availability();
  wr.slo_window_share = state.availability.slo_window_share();
  wr.slo_windows = state.availability.windows();
  wr.slo_windows_met = state.availability.windows_met();
  if (const auto p50 = state.latency.quantile(0.5)) wr.p50_latency_ms = *p50 / 1000.0;
  if (const auto p99 = state.latency.quantile(0.99)) wr.p99_latency_ms = *p99 / 1000.0;
  return wr;
}

void TrafficModel::on_arrival(std::uint32_t w) {
  const WorkloadSpec& spec = scenario_.workloads[w];
  WorkloadState& state = workloads_[w];
  const SimTime next = spec.arrivals.next_after(sim_.now(), state.arrivals);
  if (next < kSimStart + scenario_.duration) sim_.schedule_at(next, [this, w] { on_arrival(w); });
  if (work_.is_paused(w, sim_.now())) return;  // the ingestion worker is restarting elsewhere

  const std::uint32_t slot = allocate();
  InFlight& r = in_flight_[slot];
  const double u = state.attributes.uniform01();
  std::uint32_t client = 0;
  while (client + 1 < clients_.size() && u >= clients_[client].cumulative_share) ++client;
  r.workload = w;
  r.client = client;
  r.arrival = sim_.now();
  r.prompt_tokens = std::max(0.0, spec.prompt_tokens.sample(state.attributes));
  r.completion_tokens = std::max(0.0, spec.completion_tokens.sample(state.attributes));
  r.service_time = from_seconds(std::max(0.0, spec.service_time_s.sample(state.attributes)));
  r.request = router::Request{state.boundary_of_client[client], 0, 0};
  if (!dns_answer_.empty()) r.resolver = dns_resolver_of(w, client);
  r.region = kNone;
  r.deployment = kNone;
  r.holds_slot = false;
  r.is_backend_answer_due = false;
  r.failure = kOtherFailure;
  r.attempt_start = sim_.now();
  const bool is_global_down = faults_.is_global_down();
  if (is_global_down) {
    // Nothing answers at the global entry: the client times out.
    r.status = 0;
    r.attempt_latency = spec.timeout;
    r.completion = sim_.schedule_after(spec.timeout, [this, slot] { on_completion(slot); });
    return;
  }
  start_attempt(slot);
}

void TrafficModel::start_attempt(std::uint32_t slot) {
  InFlight& r = in_flight_[slot];
  const WorkloadSpec& spec = scenario_.workloads[r.workload];
  r.attempt_start = sim_.now();
  const router::Pick pick = router_.pick(r.request, now_micros());
  after_router_call();
  // Behind Traffic Manager the client calls the region its resolver's cached DNS answer names.
  const std::size_t g = !pick.has_endpoint() || dns_answer_.empty() ? pick.endpoint : dns_answer_[r.resolver];
  if (g == router::kNoEndpoint) {
    finish_request(r, false);
    release(slot);
    return;
  }
  const std::int64_t rtt = clients_[r.client].rtt_us[g];
  r.region = g;
  r.deployment = kNone;
  r.holds_slot = false;
  r.is_planned_failure = false;
  r.is_backend_answer_due = false;
  r.failure = kOtherFailure;
  r.retry_after = SimDuration{-1};
  SimDuration latency{rtt < 0 ? 0 : rtt};
  int status = 0;
  if (rtt < 0) {
    latency = spec.timeout;  // no network path from this client to the region
  } else {
    status = service_.serve_in_region(g, r, sim_.now(), latency);
  }
  if (latency > spec.timeout) {
    status = 0;
    latency = spec.timeout;
  }
  r.status = status;
  r.attempt_latency = latency;
  r.attempt_start = sim_.now();
  r.completion = sim_.schedule_after(latency, [this, slot] { on_completion(slot); });
}

void TrafficModel::on_completion(std::uint32_t slot) {
  InFlight& r = in_flight_[slot];
  if (r.holds_slot) {
    --deployments_[r.deployment].in_flight;
    r.holds_slot = false;
  }
  if (r.is_backend_answer_due) {
    // The pool member's answer reaches the gateway instance's breaker now (APIM, per instance).
    if (router::BackendBreaker* b = service_.breaker_of(r.region, r.instance, r.deployment)) {
      b->record(r.status, r.retry_after, now_micros());
    }
    r.is_backend_answer_due = false;
  }
  if (r.region != kNone) {
    router_.report_call(r.region, r.status, r.attempt_latency, now_micros(), r.retry_after);
    after_router_call();
  }
  const WorkloadSpec& spec = scenario_.workloads[r.workload];
  const bool is_success = r.status >= 200 && r.status < 300 && sim_.now() - r.arrival <= spec.timeout;
  // No retry once the client has given up (its timeout counts from the arrival).
  const bool is_client_waiting = sim_.now() - r.arrival < spec.timeout;
  if (!is_success && is_client_waiting && r.region != kNone && pattern_.router.retry && is_retryable(r.status) &&
      router_.may_retry(r.request, now_micros()) == router::NoEndpointReason::kNone) {
    start_attempt(slot);
    return;
  }
  finish_request(r, is_success);
  release(slot);
}

void TrafficModel::settle_in_flight() {
  // A request still in flight at the run's end is offered like any other. Its outcome is
  // its current attempt's, taken at its deadline (arrival + timeout): a success when that
  // attempt answers 2xx by the deadline, else a failure (no retry is sent after the end).
  // It is recorded now, in the run's last microsecond, so it falls in the last SLO window
  // and second, with the latency it would have had (answer or deadline, less its arrival).
  for (std::uint32_t slot = 0; slot < in_flight_.size(); ++slot) {
    InFlight& r = in_flight_[slot];
    if (!r.is_active) continue;
    sim_.cancel(r.completion);
    if (r.holds_slot) {
      --deployments_[r.deployment].in_flight;
      r.holds_slot = false;
    }
    const SimTime deadline = r.arrival + scenario_.workloads[r.workload].timeout;
    const SimTime answered = r.attempt_start + r.attempt_latency;
    const bool is_success = r.status >= 200 && r.status < 300 && answered <= deadline;
    finish_request(r, is_success, sim_.now(), std::min(answered, deadline) - r.arrival);
    release(slot);
  }
}

void TrafficModel::finish_request(InFlight& r, bool is_success) {
  finish_request(r, is_success, sim_.now(), sim_.now() - r.arrival);
}

void TrafficModel::finish_request(InFlight& r, bool is_success, SimTime at, SimDuration latency) {
  WorkloadState& state = workloads_[r.workload];
  state.availability.record(at, is_success, latency);
  ++state.offered;
  ++offered_;
  if (is_success) {
    state.latency.record(latency.count());
    ++state.succeeded;
    ++succeeded_;
    if (r.region != kNone) {
      work_.on_success(r.workload, r.region, at);
      for (const auto& [incident, threads] : work_.take_settled())
        incident_log_[incident].work.agent_threads_rehydrated += threads;
    }
    // Traffic moved: a region the fault did not take out served after the switch.
    if (switch_candidate_ && incident_ && r.region != kNone && ((incident_affected_ >> r.region) & 1U) == 0 &&
        at >= *switch_candidate_) {
      recovery_.mark_switched(*incident_, *switch_candidate_);
      switch_candidate_.reset();
    }
    const double writes = scenario_.workloads[r.workload].writes_per_request;
    if (writes > 0) data_.record_writes(at, writes, stores_written_[r.workload]);
  } else {
    ++failed_;
  }
  // A failback's planned write pause is reported with the failback, not as part of the RTO.
  if (!(r.is_planned_failure && !is_success)) recovery_.record(at, is_success ? 1 : 0, 1);
  if (incident_) {
    if (!is_success && !r.is_planned_failure) incident_log_.note_failure(*incident_, r, sim_.now());
    IncidentDetail& detail = incident_log_[*incident_];
    if (!is_success) ++detail.failed;
    if (at < detail.fault_end) {
      ++detail.offered_during_fault;
      if (is_success) ++detail.succeeded_during_fault;
    }
  }
  if (failback_.is_active) {
    IncidentDetail& detail = incident_log_[failback_.incident];
    if (!is_success) ++detail.failback->failed_requests;
    if (is_success && !failback_.is_traffic_back && r.region != kNone && ((failback_.regions >> r.region) & 1U) != 0) {
      failback_.is_traffic_back = true;
      detail.failback->traffic_back_s = to_seconds(at - detail.start);
      detail.traffic_back_at = at;
      log(at, EventKind::kFailback, regions_[r.region].id, EventState::kTrafficBack);
      maybe_complete_failback();
    }
  }
  series_.record_request(at, is_success, latency, r.region == kNone ? BucketedSeries::kNoRegion : r.region);
}

void TrafficModel::on_wakeup() {
  wakeup_event_ = EventId{};
  wakeup_at_ = router::kNever;
  const router::Micros now = now_micros();
  router_.tick(now);
  for (std::size_t e = router_.next_due_probe(now); e != router::kNoEndpoint; e = router_.next_due_probe(now)) {
    SimDuration latency{0};
    const int status = service_.probe_status(e, sim_.now(), latency);
    const auto endpoint = static_cast<std::uint32_t>(e);
    const std::int64_t latency_us = latency.count();
    sim_.schedule_after(latency,
                        [this, endpoint, status, latency_us] { on_probe_result(endpoint, status, latency_us); });
  }
  after_router_call();
}

void TrafficModel::on_probe_result(std::uint32_t endpoint, int status, std::int64_t latency_us) {
  router_.report_probe(endpoint, status, router::Micros{latency_us}, now_micros());
  after_router_call();
}

void TrafficModel::schedule_wakeup() {
  router::Micros next = router_.next_wakeup();
  if (next == router::kNever) return;
  next = std::max(next, now_micros());
  if (sim_.is_pending(wakeup_event_)) {
    if (wakeup_at_ <= next) return;
    sim_.cancel(wakeup_event_);
  }
  wakeup_at_ = next;
  wakeup_event_ = sim_.schedule_at(SimTime{next}, [this] { on_wakeup(); });
}

void TrafficModel::after_router_call() {
  schedule_wakeup();
  if (!is_switch_pending_ || !incident_) return;
  bool is_all_unavailable = incident_affected_ != 0;
  for (std::size_t e = 0; e < regions_.size(); ++e) {
    if (((incident_affected_ >> e) & 1U) != 0 && router_.is_available(e)) is_all_unavailable = false;
  }
  if (is_all_unavailable) {
    // Behind Traffic Manager traffic moves only when a resolver next asks (on_dns_refresh).
    if (dns_answer_.empty()) {
      if (!switch_candidate_) switch_candidate_ = sim_.now();
    } else {
      is_dns_switch_waiting_ = true;
    }
    is_switch_pending_ = false;
  }
}

void TrafficModel::on_endpoint_state(router::Micros now, std::size_t endpoint, router::EndpointState state,
                                     router::StateCause cause) {
  log(SimTime{now}, EventKind::kEndpoint, regions_[endpoint].id, event_state(state), router::to_string(cause));
  const bool is_bad = state == router::EndpointState::kUnhealthy || state == router::EndpointState::kOpen ||
                      state == router::EndpointState::kCooldown || state == router::EndpointState::kEjected;
  if (!is_bad) return;
  if (incident_ && ((incident_affected_ >> endpoint) & 1U) != 0) {
    recovery_.mark_detected(*incident_, SimTime{now});
    if (incident_log_[*incident_].detect_cause.empty()) {
      incident_log_[*incident_].detect_cause = std::string(router::to_string(cause)) + " marked " +
                                               regions_[endpoint].id + " " + std::string(router::to_string(state));
    }
    is_switch_pending_ = true;
  }
  if (regions_[endpoint].is_primary && state != router::EndpointState::kCooldown) trigger_failover();
}

void TrafficModel::on_controller_state(router::Micros now, router::ControllerState state, std::size_t target) {
  log(SimTime{now}, EventKind::kController, target < regions_.size() ? regions_[target].id : "", event_state(state));
  if (!incident_) return;
  if (state == router::ControllerState::kSuspect) {
    recovery_.mark_detected(*incident_, SimTime{now});
    std::string& cause = incident_log_[*incident_].detect_cause;
    if (cause.empty() && target < regions_.size()) cause = "failover controller suspected " + regions_[target].id;
  }
  if (state == router::ControllerState::kFailedOver) {
    if (!switch_candidate_) switch_candidate_ = SimTime{now};
    is_switch_pending_ = false;
    trigger_failover();
  }
}

void TrafficModel::on_progress_tick() {
  const double fraction = to_seconds(sim_.now()) / to_seconds(scenario_.duration);
  if (control_.on_progress) control_.on_progress(fraction);
  if (control_.cancel != nullptr && control_.cancel->load(std::memory_order_relaxed)) {
    is_cancelled_ = true;
    sim_.stop();
    return;
  }
  if (standby_.is_failing_over()) {
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      double slots = 0;
      for (const Deployment& d : deployments_) {
        if (d.region == r) slots += d.concurrency * capacity_factor(r, d) * (1.0 - d.capacity_lost);
      }
      series_.set_capacity(sim_.now(), r, std::llround(slots));
    }
  }
  const SimDuration step = std::max(micros(1), scenario_.duration / 100);
  if (sim_.now() + step < kSimStart + scenario_.duration) sim_.schedule_after(step, [this] { on_progress_tick(); });
}

std::uint32_t TrafficModel::allocate() {
  if (free_head_ == kNoSlot) {
    in_flight_.emplace_back();
    in_flight_.back().is_active = true;
    return static_cast<std::uint32_t>(in_flight_.size() - 1);
  }
  const std::uint32_t slot = free_head_;
  free_head_ = in_flight_[slot].next_free;
  in_flight_[slot].is_active = true;
  return slot;
}

void TrafficModel::release(std::uint32_t slot) {
  in_flight_[slot].is_active = false;
  in_flight_[slot].next_free = free_head_;
  free_head_ = slot;
}

}  // namespace faultline::engine
