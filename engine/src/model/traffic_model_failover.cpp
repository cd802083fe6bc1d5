// TrafficModel, second half: faults (what each one reaches, built at setup), failover of standby regions, the runbook,
// the data layer's incidents and failback (the first half, traffic_model.cpp,
// holds setup, requests and probes).

#include <algorithm>
#include <cmath>

#include "faultline/topology/blast_radius.hpp"
#include "model/traffic_model.hpp"

namespace faultline::engine {

using topology::NodeKind;

void TrafficModel::build_faults() {
  const topology::Topology& topo = *scenario_.topology;
  auto region_index = [&](const std::string& id) -> std::size_t {
    for (std::size_t i = 0; i < regions_.size(); ++i) {
      if (regions_[i].id == id) return i;
    }
    return kNone;
  };
  for (const FaultSpec& f : scenario_.faults) {
    FaultReach reach;
    const topology::Node& target = topo.node(f.target);
    reach.stores_down = data_.stores_down_by(topo, f);
    reach.replicas_down = data_.replicas_down_by(topo, f);
    const std::size_t home = region_index(target.kind == NodeKind::kRegion ? target.id : target.region);
    switch (f.type) {
      case FaultType::kGlobalEntryFailure:
        reach.is_global = true;
        break;
      case FaultType::kReplicationPartition:
        break;  // no effect on serving traffic; the data layer reports its RPO
      case FaultType::kZoneOutage:
        for (const Deployment& d : deployments_) {
          if (std::find(d.zones.begin(), d.zones.end(), f.target) != d.zones.end()) {
            reach.affected |= router::EndpointMask{1} << d.region;
          }
        }
        break;
      case FaultType::kGatewayFailure:
      case FaultType::kDataStoreOutage: {
        const topology::BlastRadius radius = topology::blast_radius(topo, {f.target});
        for (std::size_t i = 0; i < regions_.size(); ++i) {
          for (const auto& o : std::get<topology::GlobalEntryInfo>(
                                   topo.node(topo.nodes_of_kind(NodeKind::kGlobalEntry).front()).details)
                                   .origins) {
            const auto v = topo.find(o.gateway);
            if (v && topo.node(*v).region == regions_[i].id && radius.is_down[*v]) {
              reach.gateways_down.push_back(i);
              reach.affected |= router::EndpointMask{1} << i;
            }
          }
        }
        for (std::size_t d = 0; d < deployments_.size(); ++d) {
          const auto v = topo.find(deployments_[d].id);
          if (v && radius.is_down[*v]) {
            reach.deployments_down.push_back(d);
            reach.affected |= router::EndpointMask{1} << deployments_[d].region;
          }
        }
        break;
      }
      default:
        if (home != kNone) reach.affected |= router::EndpointMask{1} << home;
        if (f.type == FaultType::kRegionOutage && home != kNone) reach.regions_down.push_back(home);
        break;
    }
    faults_.add(std::move(reach));
  }
}

void TrafficModel::trigger_failover() {
  if (standby_.is_failing_over()) return;  // already failing over (reset when a failback completes)
  const bool has_standby = std::any_of(regions_.begin(), regions_.end(), [](const Region& r) { return !r.is_primary; });
  const bool needs_scale_up = has_standby && is_standby_reduced();
  if (!needs_scale_up && pattern_.runbook.empty()) return;
  const SimTime start = sim_.now() + pattern_.trigger_delay;
  standby_.set_scale_up_at(start);
  if (!pattern_.runbook.empty()) {
    // The quota check of deploy_models fails on every attempt that starts while a
    // standby deployment's quota is reclaimed.
    const auto is_quota_missing = [&](SimTime at) {
      for (const FaultSpec& fault : scenario_.faults) {
        if (fault.type != FaultType::kQuotaReclaimed || fault.start > at || fault.end() <= at) continue;
        const auto f = static_cast<std::size_t>(&fault - scenario_.faults.data());
        if (fault.start <= sim_.now() && faults_.is_quota_kept(f)) continue;  // the busy deployment kept its quota
        for (const Deployment& d : deployments_) {
          if (d.id == fault.target && !regions_[d.region].is_primary) return true;
        }
      }
      return false;
    };
    const Runbook& book = pattern_.runbook;
    const RunbookRun run = book.execute(runbook_rng_, [&](std::size_t i, SimDuration attempt_start) {
      return book.steps()[i].kind == StepKind::kDeployModels && is_quota_missing(start + attempt_start);
    });
    runbook_cost_usd_ += run.cost_usd;
    if (incident_) {
      recovery_.set_runbook_critical_path(*incident_, run.critical_path);
      IncidentDetail& detail = incident_log_[*incident_];
      detail.runbook_start = start;
      detail.runbook_run = run;
      detail.runbook_cost_usd += run.cost_usd;
      detail.runbook_steps.clear();
      std::vector<bool> is_critical(book.steps().size(), false);
      for (std::size_t i : run.critical_steps) is_critical[i] = true;
      for (std::size_t i = 0; i < book.steps().size(); ++i) {
        const RunbookStep& spec = book.steps()[i];
        const StepRun& step = run.steps[i];
        detail.runbook_steps.push_back(RunbookStepResult{
            spec.id, std::string(to_string(spec.kind)), to_seconds(start + step.start - detail.start),
            to_seconds(start + step.end - detail.start), step.attempts, step.is_failed, is_critical[i]});
        if (step.attempts > 0)
          log(start + step.end, EventKind::kRunbook, spec.id, step.is_failed ? EventState::kFailed : EventState::kDone);
      }
    }
    if (const auto models = book.find(StepKind::kDeployModels)) {
      const StepRun& step = run.steps[*models];
      standby_.set_scale_up_at(step.is_failed || step.attempts == 0 ? kSimForever : start + step.end);
    }
    if (const auto warm = book.find(StepKind::kWarmGpuCaches); warm && run.steps[*warm].attempts > 0) {
      standby_.set_caches_warm_at(start + run.steps[*warm].end);
    }
    for (StepKind kind : {StepKind::kPromoteDatabase, StepKind::kRestoreFromBackup}) {
      const auto i = book.find(kind);
      if (!i || run.steps[*i].is_failed || run.steps[*i].attempts == 0) continue;
      const SimTime at = start + run.steps[*i].end;
      if (at < kSimStart + scenario_.duration) sim_.schedule_at(at, [this, step = *i] { on_promoted(false, step); });
    }
  }
  if (incident_ && needs_scale_up) incident_log_[*incident_].scale_up_at = standby_.scale_up_at();
  if (!needs_scale_up || standby_.scale_up_at() == kSimForever) return;
  const SimTime full = standby_.scale_up_at() + pattern_.time_to_capacity;
  const std::optional<std::size_t> incident = incident_;
  if (full <= kSimStart + scenario_.duration && incident) {
    const std::size_t i = *incident;
    sim_.schedule_at(full, [this, i] {
      if (!standby_.is_failing_over()) return;  // failed back before the standby reached full size
      recovery_.mark_full_capacity(i, sim_.now());
      set_standby_capacity();
    });
  }
}

void TrafficModel::start_data_incident(std::size_t f) {
  if (!incident_) return;
  const bool is_region_lost = scenario_.faults[f].type == FaultType::kRegionOutage;
  const auto loss = data_.on_fault(sim_.now(), faults_.reach(f).stores_down, faults_.reach(f).replicas_down, f,
                                   data_rng_, is_region_lost);
  if (!loss) return;
  IncidentDetail& detail = incident_log_[*incident_];
  // The incident loses every store's writes: the sum of the stores' (rounded) counts.
  std::uint64_t lost_writes = 0;
  for (const DataLayer::StoreLoss& s : loss->stores) {
    const auto lost = static_cast<std::uint64_t>(std::llround(s.lost_writes));
    lost_writes += lost;
    const auto [worst, expected] = data_.rpo_bounds(s.store);
    detail.stores.push_back(StoreLossResult{data_.store_id(s.store), std::string(data_.store_mode(s.store)),
                                            to_seconds(s.rpo), lost, std::nullopt, worst, expected});
    detail.store_indices.push_back(s.store);
  }
  recovery_.set_data_loss(*incident_, loss->rpo, lost_writes);
  if (loss->automatic_promotion_after) {
    const SimTime at = sim_.now() + *loss->automatic_promotion_after;
    if (at < kSimStart + scenario_.duration) sim_.schedule_at(at, [this] { on_promoted(true); });
  }
}

void TrafficModel::on_promoted(bool is_by_service, std::optional<std::size_t> step) {
  // A runbook's promotion fails over every store at risk; the database's service-managed failover
  // promotes only the stores whose own service fails over (Storage GRS and backups wait for a runbook).
  const bool has_promoted = data_.promote(is_by_service, sim_.now());
  if (!incident_) return;
  IncidentDetail& detail = incident_log_[*incident_];
  if (has_promoted) detail.promotions.emplace_back(sim_.now(), step);
  for (std::size_t k = 0; k < detail.stores.size(); ++k) {
    StoreLossResult& s = detail.stores[k];
    if (s.promoted_s || data_.is_single_region(detail.store_indices[k]) ||
        (is_by_service && !data_.is_promoted_by_service(detail.store_indices[k]))) {
      continue;
    }
    if (!has_promoted && (is_by_service || sim_.now() >= detail.fault_end)) continue;
    s.promoted_s = to_seconds(sim_.now() - detail.start);
    log(sim_.now(), EventKind::kData, s.store, EventState::kPromoted);
  }
}

void TrafficModel::start_failback(std::optional<double> resync_writes) {
  const std::size_t i = *incident_;
  IncidentDetail& detail = incident_log_[i];
  FailbackResult fb;
  fb.fault_end_s = to_seconds(sim_.now() - detail.start);
  failback_ = Failback{i, incident_affected_, true, incident_affected_ == 0, !resync_writes};
  if (resync_writes) {
    // The promoted copy's writes flow back to the old primary, then writes
    // pause while the write region moves back (a planned failover loses nothing).
    const FailbackSpec& spec = pattern_.failback;
    const SimDuration resync = from_seconds(*resync_writes / std::max(spec.resync_writes_per_s, 1e-9));
    fb.resync_s = to_seconds(resync);
    fb.write_pause_s = to_seconds(spec.write_pause);
    const SimTime pause_at = sim_.now() + resync;
    const SimTime end = kSimStart + scenario_.duration;
    if (pause_at < end) {
      sim_.schedule_at(pause_at, [this] {
        data_.set_write_pause(true);
        log(sim_.now(), EventKind::kFailback, "writes", EventState::kPaused);
      });
    }
    if (pause_at + spec.write_pause < end) {
      sim_.schedule_at(pause_at + spec.write_pause, [this, i] {
        data_.set_write_pause(false);
        log(sim_.now(), EventKind::kFailback, "writes", EventState::kResumed);
        if (!failback_.is_active || failback_.incident != i) return;
        failback_.is_data_done = true;
        maybe_complete_failback();
      });
    }
  }
  detail.failback = fb;
  maybe_complete_failback();
}

void TrafficModel::maybe_complete_failback() {
  if (!failback_.is_active || !failback_.is_traffic_back || !failback_.is_data_done) return;
  failback_.is_active = false;
  IncidentDetail& detail = incident_log_[failback_.incident];
  detail.failback->complete_s = to_seconds(sim_.now() - detail.start);
  log(sim_.now(), EventKind::kFailback, pattern_.name, EventState::kComplete);
  data_.on_failback_complete();
  // The standby returns to its standby size; the next incident fails over afresh.
  if (standby_.is_failing_over()) {
    standby_.reset();
    set_standby_capacity();
  }
}

void TrafficModel::set_standby_capacity() {
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    double slots = 0;
    for (const Deployment& d : deployments_) {
      if (d.region == r) slots += d.concurrency * capacity_factor(r, d);
    }
    series_.set_capacity(sim_.now(), r, std::llround(slots));
  }
}

void TrafficModel::on_fault_change(std::size_t f, bool is_start) {
  const FaultSpec& fault = scenario_.faults[f];
  // Quota is taken back only from an idle deployment; a busy one keeps it for this fault.
  const Deployment* reclaimed = nullptr;
  if (is_start && fault.type == FaultType::kQuotaReclaimed) {
    for (const Deployment& d : deployments_) {
      if (d.id == fault.target) reclaimed = &d;
    }
    faults_.set_quota_kept(f, reclaimed != nullptr && !is_idle(*reclaimed));
  }
  faults_.set_active(f, is_start);
  apply_faults();
  log(sim_.now(), EventKind::kFault, fault.name, is_start ? EventState::kStart : EventState::kEnd,
      std::string(to_string(fault.type)));
  if (reclaimed != nullptr) {
    log(sim_.now(), EventKind::kQuota, reclaimed->id,
        faults_.is_quota_kept(f) ? EventState::kKept : EventState::kReclaimed,
        faults_.is_quota_kept(f) ? "busy" : "idle");
  }
  if (is_start) {
    failback_.is_active = false;  // a new fault interrupts a failback in progress
    incident_ = recovery_.begin_incident(sim_.now(), fault.name);
    incident_log_.add(sim_.now(), fault.end());
    incident_affected_ = faults_.reach(f).affected;
    start_data_incident(f);
    const topology::Topology& topo = *scenario_.topology;
    const auto is_region_down = [&](const std::string& region) {
      return fault.type == FaultType::kRegionOutage && fault.target == region;
    };
    const auto is_zone_down = [&](const std::string& zone) {
      if (fault.type == FaultType::kZoneOutage) return fault.target == zone;
      const auto v = topo.find(zone);
      return v && is_region_down(topo.node(*v).region);
    };
    incident_log_.back().work =
        work_.on_fault(sim_.now(), fault.end(), is_region_down, is_zone_down, incident_log_.size() - 1);
    is_switch_pending_ = false;
    is_dns_switch_waiting_ = false;
    switch_candidate_.reset();
    const bool needs_scale_up =
        !pattern_.is_active_active && is_standby_reduced() && !standby_.is_failing_over() && incident_affected_ != 0;
    if (!needs_scale_up) recovery_.mark_full_capacity(*incident_, sim_.now());
    drop_in_flight();
  } else {
    // The recovered region brings its own capacity back (first mark wins: a standby
    // that reached full size earlier keeps that time).
    if (incident_ && recovery_.incidents()[*incident_].fault == fault.name) {
      recovery_.mark_full_capacity(*incident_, sim_.now());
    }
    const std::optional<double> resync = data_.on_fault_end(f);
    const bool is_current = incident_ && recovery_.incidents()[*incident_].fault == fault.name;
    if (is_current && (incident_affected_ != 0 || resync)) start_failback(resync);
  }
}

void TrafficModel::drop_in_flight() {
  // APIM multi-region (domain-facts): a failed region's in-flight requests are dropped.
  // A call whose region, gateway or deployment is now down fails at this instant with
  // no answer (status 0), whatever it would have answered; a call already without an
  // answer (sent into a dead region) keeps waiting for its timeout. A zone outage takes
  // a share c of a deployment's capacity: round(c x n) of its n calls in flight go with
  // it (the first in slot order), so the count can be derived by hand.
  const auto is_live = [&](const InFlight& r) {
    return r.is_active && r.region != kNone && r.status != 0 && sim_.is_pending(r.completion);
  };
  std::vector<std::uint32_t> to_drop(deployments_.size(), 0);
  for (const InFlight& r : in_flight_) {
    if (is_live(r) && r.deployment != kNone) ++to_drop[r.deployment];
  }
  for (std::size_t d = 0; d < deployments_.size(); ++d) {
    const double lost = deployments_[d].is_down ? 1.0 : std::clamp(deployments_[d].capacity_lost, 0.0, 1.0);
    to_drop[d] = static_cast<std::uint32_t>(std::llround(lost * to_drop[d]));
  }
  for (std::uint32_t slot = 0; slot < in_flight_.size(); ++slot) {
    InFlight& r = in_flight_[slot];
    if (!is_live(r)) continue;
    const Region& region = regions_[r.region];
    // A call at a member of another region's pool (seeds/001) goes down with that region too.
    bool is_dropped = region.is_down || region.is_gateway_down ||
                      (r.deployment != kNone && regions_[deployments_[r.deployment].region].is_down);
    if (!is_dropped && r.deployment != kNone && to_drop[r.deployment] > 0) {
      --to_drop[r.deployment];
      is_dropped = true;
    }
    if (!is_dropped) continue;
    sim_.cancel(r.completion);
    r.status = 0;
    r.failure = kOtherFailure;
    r.retry_after = SimDuration{-1};
    r.attempt_latency = sim_.now() - r.attempt_start;
    r.completion = sim_.schedule_after(SimDuration{0}, [this, slot] { on_completion(slot); });
  }
}

void TrafficModel::apply_faults() { faults_.apply(regions_, deployments_); }

bool TrafficModel::is_idle(const Deployment& d) const {
  // Idle: admitted no call in the look-back window before now (docs/scenarios.md, "quota_reclaimed").
  return !d.last_admitted_at || sim_.now() - *d.last_admitted_at > kQuotaIdleWindow;
}

bool TrafficModel::is_standby_reduced() const {
  return standby_.is_reduced(std::any_of(deployments_.begin(), deployments_.end(), [&](const Deployment& d) {
    return !regions_[d.region].is_primary && (!d.is_pay_per_token || d.is_quota_reclaimed);
  }));
}

}  // namespace faultline::engine
