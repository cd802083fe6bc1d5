#include "model/service_answer.hpp"

#include <algorithm>
#include <cmath>

namespace faultline::engine {

namespace {

// Retry-After of a 429 for want of a concurrent slot (no published figure: one second).
constexpr SimDuration kConcurrencyRetryAfter = std::chrono::seconds(1);

}  // namespace

ServiceAnswer::ServiceAnswer(std::vector<RegionState>& regions, std::vector<DeploymentState>& deployments,
                             ServiceInputs inputs, RandomStream outcomes)
    : regions_(regions), deployments_(deployments), inputs_(inputs), outcomes_(outcomes) {}

int ServiceAnswer::refusal_of(const DeploymentState& d, SimTime now) const {
  // A member of another region's pool is down with its own region (seeds/001).
  if (d.is_down || regions_[d.region].is_down) return 503;
  if (d.has_version_drift) return 404;
  if (d.is_quota_reclaimed || capacity_factor(d, now) * (1.0 - d.capacity_lost) <= 0) return 503;
  return 0;
}

int ServiceAnswer::serve_in_region(std::size_t g, CallState& r, SimTime now, SimDuration& latency) {
  RegionState& region = regions_[g];
  const WorkloadSpec& spec = inputs_.workloads[r.workload];
  if (region.is_down) {
    latency = spec.timeout;  // nothing answers: the call times out
    return 0;
  }
  if (region.is_gateway_down) return 503;
  if (region.is_dns_down) return 502;  // the gateway cannot resolve the backend's private endpoint
  latency += region.gateway_added_latency;
  if (region.gateway_error_rate > 0 && outcomes_.bernoulli(region.gateway_error_rate)) return 500;
  BackendPool& pool = region.pool_of_workload[r.workload];
  if (pool.empty()) return 404;  // no deployment of this model in the region
  r.deployment = kNone;
  // The backend pool tries its members by priority, spread by weight inside one priority; a
  // refusal for want of capacity (429, or 503 with nothing live) spills to the next at once,
  // as an APIM retry to the next backend does.
  // With an APIM breaker, the call is taken by the next gateway instance, which skips the
  // members its own breakers tripped (lower priorities get traffic only then); none left: 503.
  r.instance = region.next_instance;
  region.next_instance = (region.next_instance + 1) % region.instances;
  int status = 503;
  for (const std::size_t d : pool.next_order()) {
    router::BackendBreaker* breaker = breaker_of(g, r.instance, d);
    if (breaker != nullptr && breaker->is_tripped(now.time_since_epoch())) continue;
    bool may_spill = false;
    r.retry_after = SimDuration{-1};
    // A member in another region answers after the inter-region round trip (none when it is down).
    if (deployments_[d].region != g && !regions_[deployments_[d].region].is_down)
      latency += micros(pool.round_trip_us(d));
    status = serve_by_deployment(d, r, now, latency, may_spill);
    if (!may_spill) {
      r.is_backend_answer_due = breaker != nullptr;  // answered at completion
      break;
    }
    if (breaker != nullptr) breaker->record(status, r.retry_after, now.time_since_epoch());  // refused at once
  }
  return status;
}

int ServiceAnswer::serve_by_deployment(std::size_t d, CallState& r, SimTime now, SimDuration& latency,
                                       bool& may_spill) {
  const WorkloadSpec& spec = inputs_.workloads[r.workload];
  DeploymentState& dep = deployments_[d];
  const std::size_t g = dep.region;  // its own region: a remote member's capacity is its region's
  r.deployment = d;
  r.failure = kOtherFailure;
  if (dep.is_down || regions_[g].is_down) {
    may_spill = true;
    return 503;
  }
  if (dep.has_version_drift) return 404;
  if (dep.throttle_share > 0 && outcomes_.bernoulli(dep.throttle_share)) {
    r.retry_after = dep.throttle_retry_after;
    may_spill = true;
    return 429;
  }
  const double factor =
      dep.is_quota_reclaimed ? 0.0 : capacity_factor(dep, now) * std::max(0.0, 1.0 - dep.capacity_lost);
  may_spill = true;
  r.failure = kCapacityShort;   // every refusal until admission is for want of capacity
  if (factor <= 0) return 503;  // nothing provisioned (cold standby) or all capacity lost
  if (static_cast<double>(dep.in_flight) >= std::floor(dep.concurrency * factor)) {
    r.retry_after = kConcurrencyRetryAfter;
    return 429;
  }
  // A provisioned deployment charges its bucket with prompt + max_tokens (domain-facts).
  const Admission admission =
      dep.ptu ? dep.ptu->admit(now, r.prompt_tokens + spec.max_tokens.value_or(r.completion_tokens), factor)
              : dep.quota.admit(now, r.prompt_tokens + r.completion_tokens, factor);
  if (!admission.is_admitted) {
    r.retry_after = admission.retry_after;
    return 429;
  }
  may_spill = false;
  r.failure = kOtherFailure;
  const std::vector<std::size_t>& stores = inputs_.stores_written[r.workload];
  if (spec.writes_per_request > 0 && inputs_.data.is_write_blocked(stores)) {
    r.is_planned_failure = inputs_.data.is_write_paused(stores);
    r.failure = kWriteRefused;
    return 503;  // the database's write region is down (or moving back) and takes no writes
  }
  latency += r.service_time;
  if (spec.writes_per_request > 0) latency += inputs_.data.sync_write_penalty();
  latency += dep.added_latency;
  if (inputs_.standby.is_warming(regions_[g].is_primary, now)) latency += inputs_.pattern.cold_cache_latency;
  ++dep.in_flight;
  dep.last_admitted_at = now;
  r.holds_slot = true;
  if (dep.error_rate > 0 && outcomes_.bernoulli(dep.error_rate)) return 500;
  return 200;
}

int ServiceAnswer::probe_status(std::size_t g, SimTime now, SimDuration& latency) {
  // The health endpoint checks the backend (seeds/003): it answers 200 only when the region
  // could serve the first workload's model right now. APIM answers the probe as it would a
  // call: on the gateway instance next in the calls' round robin (the probe takes no call's
  // turn), the members that instance's breaker tripped are skipped, and when every member is
  // tripped or cannot serve the probe gets 503, so Front Door takes the origin out.
  RegionState& region = regions_[g];
  latency = micros(inputs_.probe_rtt_us[g]);
  if (region.is_down) {
    latency = inputs_.pattern.router.probe ? inputs_.pattern.router.probe->timeout : seconds(10);
    return 0;
  }
  if (region.is_gateway_down || region.is_dns_down) return 503;
  if (region.gateway_error_rate > 0 && outcomes_.bernoulli(region.gateway_error_rate)) return 500;
  latency += region.gateway_added_latency;
  if (region.pool_of_workload.empty() || region.pool_of_workload.front().empty()) return 404;
  const BackendPool& pool = region.pool_of_workload.front();
  const std::vector<std::size_t>& members = pool.by_priority();
  bool is_any_tripped = false;
  const auto live = std::find_if(members.begin(), members.end(), [&](std::size_t d) {
    const router::BackendBreaker* breaker = breaker_of(g, region.next_instance, d);
    const bool is_tripped = breaker != nullptr && breaker->is_tripped(now.time_since_epoch());
    is_any_tripped = is_any_tripped || is_tripped;
    return !is_tripped && refusal_of(deployments_[d], now) == 0;
  });
  if (live == members.end()) return is_any_tripped ? 503 : refusal_of(deployments_[members.front()], now);
  const DeploymentState& dep = deployments_[*live];
  if (dep.region != g) latency += micros(pool.round_trip_us(*live));
  latency += dep.added_latency;
  if (dep.error_rate > 0 && outcomes_.bernoulli(dep.error_rate)) return 500;
  return 200;
}

void ServiceAnswer::build_gateway_breakers(const topology::Topology& topo) {
  const auto entries = topo.nodes_of_kind(topology::NodeKind::kGlobalEntry);
  if (entries.empty()) return;
  for (const topology::Origin& o : std::get<topology::GlobalEntryInfo>(topo.node(entries.front()).details).origins) {
    const auto v = topo.find(o.gateway);
    if (!v) continue;
    const auto* info = std::get_if<topology::GatewayInfo>(&topo.node(*v).details);
    const auto region = std::find_if(regions_.begin(), regions_.end(),
                                     [&](const RegionState& r) { return r.id == topo.node(*v).region; });
    if (info == nullptr || region == regions_.end() || !info->backend_breaker) continue;
    const topology::GatewayBreakerRule& rule = *info->backend_breaker;
    router::BackendBreakerConfig config;
    config.failure_count = rule.failure_count;
    config.failure_percentage = rule.failure_percentage;
    config.interval = rule.interval;
    config.status_ranges.clear();
    for (const auto& [lo, hi] : rule.status_ranges) config.status_ranges.push_back(router::StatusRange{lo, hi});
    config.counts_no_answer = rule.counts_no_answer;
    config.trip_duration = rule.trip_duration;
    config.accept_retry_after = rule.accept_retry_after;
    region->instances = static_cast<std::uint32_t>(std::max(1, info->instances));
    region->breakers.assign(region->instances * deployments_.size(), router::BackendBreaker(config));
  }
}

router::BackendBreaker* ServiceAnswer::breaker_of(std::size_t g, std::uint32_t instance, std::size_t d) {
  RegionState& region = regions_[g];
  if (region.breakers.empty() || d == kNone) return nullptr;
  return &region.breakers[instance * deployments_.size() + d];
}

}  // namespace faultline::engine
