#include "model/incident_log.hpp"

#include <algorithm>

namespace faultline::engine {
namespace {

std::string seconds_text(SimDuration d) {
  std::string s = std::to_string(to_seconds(d));
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s + " s";
}

}  // namespace

IncidentDetail& IncidentLog::add(SimTime start, SimTime fault_end) {
  IncidentDetail& d = details_.emplace_back();
  d.start = start;
  d.fault_end = fault_end;
  return d;
}

void IncidentLog::note_failure(std::size_t i, const CallState& r, SimTime now) {
  FailureKind kind = r.failure;
  if (kind == kOtherFailure && (r.status == 0 || (r.status >= 200 && r.status < 300))) kind = kTimeoutFailure;
  IncidentDetail& d = details_[i];
  ++d.failures_by_kind[kind];
  d.last_failure_at[kind] = now;
  d.last_failure_sent[kind] = r.attempt_start;
}

void IncidentLog::fill_rto_phases(PatternResult& result, const std::vector<Incident>& incidents) const {
  for (std::size_t i = 0; i < result.incidents.size() && i < details_.size(); ++i) {
    result.incidents[i].rto_phases = build_rto_phases(rto_timeline(i, incidents[i]));
  }
}

std::vector<RtoSpan> IncidentLog::runbook_chain(const IncidentDetail& d, std::size_t last, RtoPhaseKind kind) const {
  const std::vector<RunbookStep>& steps = pattern_.runbook.steps();
  const std::vector<StepRun>& run = d.runbook_run.steps;
  // Walk back from `last` through the step it waited for: the one of its `after` that ended as it started.
  std::vector<std::size_t> order{last};
  for (std::size_t s = last;;) {
    std::optional<std::size_t> previous;
    for (const std::string& id : steps[s].after) {
      for (std::size_t j = 0; j < steps.size(); ++j) {
        if (steps[j].id == id && run[j].attempts > 0 && run[j].end == run[s].start) previous = j;
      }
      if (previous) break;
    }
    if (!previous) break;
    order.push_back(*previous);
    s = *previous;
  }
  std::reverse(order.begin(), order.end());
  const SimTime base = *d.runbook_start;
  std::vector<RtoSpan> chain;
  chain.push_back(RtoSpan{d.start, base, RtoPhaseKind::kTriggerDelay,
                          "the failover starts " + seconds_text(pattern_.trigger_delay) + " after its trigger"});
  for (std::size_t j : order) {
    const std::string_view kind_name = to_string(steps[j].kind);
    std::string cause = "runbook step " + steps[j].id;
    if (kind_name != steps[j].id) cause += " (" + std::string(kind_name) + ")";
    if (run[j].attempts > 1) cause += ", " + std::to_string(run[j].attempts) + " attempts";
    chain.push_back(RtoSpan{base + run[j].start, base + run[j].end, j == last ? kind : RtoPhaseKind::kRunbookStep,
                            std::move(cause)});
  }
  return chain;
}

std::optional<RtoConstraint> IncidentLog::write_constraint(std::size_t i, const Incident& incident) const {
  const IncidentDetail& d = details_[i];
  if (d.failures_by_kind[kWriteRefused] == 0) return std::nullopt;
  // The stores a promotion at `at` moved (or, without one, those never promoted), by name.
  const auto stores_at = [&](std::optional<double> promoted_s) {
    std::string names;
    for (const StoreLossResult& s : d.stores) {
      if (s.promoted_s == promoted_s) names += (names.empty() ? "" : ", ") + s.store;
    }
    return names.empty() ? std::string("the database") : names;
  };
  RtoConstraint c;
  c.last_failure_at = d.last_failure_sent[kWriteRefused];
  // Writes flow again at the first promotion after the last refused write was sent.
  for (const auto& [at, step] : d.promotions) {
    if (at < d.last_failure_sent[kWriteRefused]) continue;
    c.cleared_at = at;
    const std::string stores = stores_at(to_seconds(at - d.start));
    if (step && d.runbook_start) {
      c.chain = runbook_chain(d, *step, RtoPhaseKind::kDatabasePromotion);
      c.chain.back().cause += " promoted " + stores;
    } else {
      c.chain.push_back(RtoSpan{d.start, at, RtoPhaseKind::kDatabasePromotion,
                                "writes refused until the service-managed failover promoted " + stores});
    }
    return c;
  }
  const std::string stores = stores_at(std::nullopt);
  const bool is_back = d.fault_end >= d.last_failure_sent[kWriteRefused] && d.fault_end <= incident.end;
  c.cleared_at = is_back ? d.fault_end : kSimForever;
  c.chain.push_back(RtoSpan{d.start, c.cleared_at,
                            is_back ? RtoPhaseKind::kFaultInProgress : RtoPhaseKind::kDatabasePromotion,
                            is_back ? "writes refused until the write region came back (" + stores + " not promoted)"
                                    : "writes refused: " + stores + " not promoted within the incident"});
  return c;
}

std::optional<RtoConstraint> IncidentLog::capacity_constraint(std::size_t i, const Incident& incident) const {
  const IncidentDetail& d = details_[i];
  if (d.failures_by_kind[kCapacityShort] == 0) return std::nullopt;
  RtoConstraint c;
  c.last_failure_at = d.last_failure_sent[kCapacityShort];
  c.cleared_at = incident.full_capacity_at.value_or(kSimForever);
  const SimTime up = d.scale_up_at.value_or(kSimForever);
  if (c.cleared_at <= d.start) return std::nullopt;  // nothing to scale: a shortfall, not part of the failover
  if (c.cleared_at <= up) {
    // The failed region brought its own capacity back: the shortfall lasts until traffic returns to it.
    if (c.cleared_at != kSimForever && d.traffic_back_at) c.cleared_at = std::max(c.cleared_at, *d.traffic_back_at);
    c.chain.push_back(
        RtoSpan{d.start, c.cleared_at, RtoPhaseKind::kFaultInProgress,
                up == kSimForever && d.scale_up_at
                    ? "calls refused for want of capacity: the standby never scaled up"
                    : "calls refused for want of capacity until traffic returned to the recovered region"});
    return c;
  }
  const auto models = pattern_.runbook.find(StepKind::kDeployModels);
  if (models && d.runbook_start && d.runbook_run.steps[*models].attempts > 0) {
    c.chain = runbook_chain(d, *models, RtoPhaseKind::kRunbookStep);
  } else {
    c.chain.push_back(
        RtoSpan{d.start, up, RtoPhaseKind::kTriggerDelay,
                "the standby's scale-up starts " + seconds_text(pattern_.trigger_delay) + " after its trigger"});
  }
  c.chain.push_back(RtoSpan{up, c.cleared_at, RtoPhaseKind::kCapacityRamp,
                            "the standby scales from " + std::to_string(std::lround(pattern_.standby_fraction * 100)) +
                                " % to full size over " + seconds_text(pattern_.time_to_capacity)});
  return c;
}

RtoTimeline IncidentLog::rto_timeline(std::size_t i, const Incident& incident) const {
  const IncidentDetail& d = details_[i];
  RtoTimeline t;
  t.start = incident.start;
  t.rto_end = incident.recovered_at;
  t.is_recovered = incident.is_recovered;
  t.window = window_;
  // Never detected: the fault ran its course undetected (to its end, or to R).
  t.detected_at = incident.detected_at ? incident.detected_at : std::optional<SimTime>(d.fault_end);
  t.detect_cause = d.detect_cause.empty() ? "no probe, breaker or failover controller detected the fault"
                                          : "failing until detected: " + d.detect_cause;
  t.switched_at = incident.switched_at;
  t.switch_cause = "detected; calls still reached the affected regions until the router took them out of service";
  // The fault itself: failures that are neither refused writes nor missing capacity end when it ends.
  RtoConstraint fault;
  fault.cleared_at = d.fault_end;
  fault.last_failure_at = std::max(d.last_failure_sent[kTimeoutFailure], d.last_failure_sent[kOtherFailure]);
  fault.chain.push_back(RtoSpan{d.start, d.fault_end, RtoPhaseKind::kFaultInProgress,
                                "calls to the fault's reach failed until " + incident.fault + " ended"});
  if (d.failures_by_kind[kTimeoutFailure] + d.failures_by_kind[kOtherFailure] > 0) t.constraints.push_back(fault);
  if (auto c = write_constraint(i, incident)) t.constraints.push_back(std::move(*c));
  if (auto c = capacity_constraint(i, incident)) t.constraints.push_back(std::move(*c));
  // The residual phase names the kind of the last failures recorded.
  static constexpr const char* kResidual[kFailureKinds] = {
      "errors (5xx, 404, no endpoint) still recorded", "calls sent earlier timing out (recorded at their timeout)",
      "writes still refused", "calls still refused for want of capacity"};
  std::size_t last = kOtherFailure;
  for (std::size_t k = 0; k < kFailureKinds; ++k) {
    if (d.failures_by_kind[k] > 0 && d.last_failure_at[k] >= d.last_failure_at[last]) last = k;
  }
  t.residual_cause = kResidual[last];
  return t;
}

}  // namespace faultline::engine
