#include "faultline/engine/model/recovery_tracker.hpp"

#include <stdexcept>
#include <utility>

namespace faultline::engine {
namespace {

std::string micros_text(SimTime t) { return std::to_string(t.time_since_epoch().count()) + " us"; }

std::optional<double> seconds_after(const std::optional<SimTime>& t, SimTime start) {
  if (!t) return std::nullopt;
  return to_seconds(*t - start);
}

}  // namespace

RecoveryTracker::RecoveryTracker(RecoveryConfig config) : config_(config), window_(config.window) {
  if (!(config.threshold > 0.0 && config.threshold <= 1.0)) {
    throw std::invalid_argument("RecoveryTracker: threshold must be in (0, 1], got " +
                                std::to_string(config.threshold));
  }
}

void RecoveryTracker::evaluate_through(SimTime t) {
  if (is_finished_) throw std::logic_error("RecoveryTracker: record or evaluation after finish()");
  const std::int64_t last = t.time_since_epoch().count() / kSecondUs;
  if (next_boundary_s_ <= last) flush_second();  // second next_boundary_s_ - 1 is complete
  while (next_boundary_s_ <= last) {
    const std::int64_t b = next_boundary_s_;
    // Window at b s - 1 us covers exactly [b - W, b): nothing at or after b was recorded yet.
    const WindowCounts counts = window_.window_at(at_micros(b * kSecondUs - 1));
    last_boundary_counts_ = counts;
    if (counts.offered == 0) {
      // The window only loses data until the next record, which comes after `last`:
      // every boundary up to `last` is empty too, hence good.
      if (is_open_) {
        has_evaluation_ = true;
        is_last_good_ = true;
      }
      next_boundary_s_ = last + 1;
      break;
    }
    if (is_open_) {
      const bool is_good =
          static_cast<double>(counts.succeeded) >= threshold_ratio_ * static_cast<double>(counts.offered);
      has_evaluation_ = true;
      is_last_good_ = is_good;
      Incident& incident = incidents_.back();
      if (!is_good) {
        last_bad_boundary_s_ = b;
        incident.down_s += 1;
      } else if (static_cast<double>(counts.succeeded) <
                 incident.pre_incident_ratio * static_cast<double>(counts.offered)) {
        incident.degraded_s += 1;
      }
    }
    ++next_boundary_s_;
  }
  next_boundary_us_ = next_boundary_s_ * kSecondUs;
}

void RecoveryTracker::flush_second() {
  if (is_open_ && second_offered_ > 0) {
    incidents_.back().weighted_down_s +=
        static_cast<double>(second_offered_ - second_succeeded_) / static_cast<double>(second_offered_);
  }
  second_offered_ = 0;
  second_succeeded_ = 0;
}

void RecoveryTracker::close_open_incident(SimTime end) {
  if (!is_open_) return;
  Incident& incident = incidents_.back();
  incident.end = end;
  incident.is_closed = true;
  incident.is_recovered = has_evaluation_ && is_last_good_;
  if (!incident.is_recovered) {
    incident.recovered_at = end;
  } else if (last_bad_boundary_s_) {
    incident.recovered_at = at_micros((*last_bad_boundary_s_ + 1) * kSecondUs);
  } else {
    incident.recovered_at = incident.start;
  }
  is_open_ = false;
}

std::size_t RecoveryTracker::begin_incident(SimTime start, std::string fault) {
  if (is_finished_) throw std::logic_error("RecoveryTracker: begin_incident after finish()");
  const std::int64_t start_us = start.time_since_epoch().count();
  if (start_us < 0) throw std::invalid_argument("RecoveryTracker: negative fault start " + micros_text(start));
  if (start_us < (next_boundary_s_ - 1) * kSecondUs || (!incidents_.empty() && start < incidents_.back().start)) {
    throw std::logic_error("RecoveryTracker: fault start " + micros_text(start) +
                           " is before outcomes or faults already recorded");
  }
  evaluate_through(start);
  close_open_incident(start);

  // The pre-incident window is [b_F - W, b_F), whose counts are last_boundary_counts_.
  const std::int64_t window_start_us = start_us / kSecondUs * kSecondUs - config_.window.count();
  Incident incident;
  incident.fault = std::move(fault);
  incident.start = start;
  incident.end = start;
  incident.recovered_at = start;
  if (!incidents_.empty()) {
    const Incident& previous = incidents_.back();
    incident.is_baseline_inherited = !previous.is_recovered ||
                                     previous.start.time_since_epoch().count() >= window_start_us ||
                                     previous.recovered_at.time_since_epoch().count() > window_start_us;
  }
  if (incident.is_baseline_inherited) {
    incident.pre_incident_ratio = incidents_.back().pre_incident_ratio;
  } else {
    incident.pre_incident_ratio = last_boundary_counts_.ratio().value_or(1.0);
  }
  threshold_ratio_ = config_.threshold * incident.pre_incident_ratio;
  has_evaluation_ = false;
  is_last_good_ = true;
  last_bad_boundary_s_.reset();
  incidents_.push_back(std::move(incident));
  is_open_ = true;
  return incidents_.size() - 1;
}

Incident& RecoveryTracker::incident_at(std::size_t i, SimTime t, const char* what) {
  if (i >= incidents_.size()) {
    throw std::out_of_range(std::string("RecoveryTracker::") + what + ": no incident " + std::to_string(i));
  }
  Incident& incident = incidents_[i];
  if (t < incident.start) {
    throw std::invalid_argument(std::string("RecoveryTracker::") + what + ": time " + micros_text(t) +
                                " is before the fault start " + micros_text(incident.start));
  }
  return incident;
}

void RecoveryTracker::mark_detected(std::size_t i, SimTime t) {
  Incident& incident = incident_at(i, t, "mark_detected");
  if (!incident.detected_at) incident.detected_at = t;
}

void RecoveryTracker::mark_switched(std::size_t i, SimTime t) {
  Incident& incident = incident_at(i, t, "mark_switched");
  if (!incident.switched_at) incident.switched_at = t;
}

void RecoveryTracker::mark_full_capacity(std::size_t i, SimTime t) {
  Incident& incident = incident_at(i, t, "mark_full_capacity");
  if (!incident.full_capacity_at) incident.full_capacity_at = t;
}

void RecoveryTracker::set_runbook_critical_path(std::size_t i, SimDuration d) {
  if (d.count() < 0) throw std::invalid_argument("RecoveryTracker::set_runbook_critical_path: negative duration");
  if (i >= incidents_.size()) {
    throw std::out_of_range("RecoveryTracker::set_runbook_critical_path: no incident " + std::to_string(i));
  }
  incidents_[i].runbook_critical_path = d;
}

void RecoveryTracker::set_data_loss(std::size_t i, SimDuration rpo, std::uint64_t lost_writes) {
  if (rpo.count() < 0) throw std::invalid_argument("RecoveryTracker::set_data_loss: negative RPO");
  if (i >= incidents_.size())
    throw std::out_of_range("RecoveryTracker::set_data_loss: no incident " + std::to_string(i));
  incidents_[i].rpo = rpo;
  incidents_[i].lost_writes = lost_writes;
}

void RecoveryTracker::finish(SimTime run_end) {
  if (is_finished_) throw std::logic_error("RecoveryTracker: finish() called twice");
  if (run_end.time_since_epoch().count() < (next_boundary_s_ - 1) * kSecondUs ||
      (!incidents_.empty() && run_end < incidents_.back().start)) {
    throw std::logic_error("RecoveryTracker: run end " + micros_text(run_end) +
                           " is before outcomes or faults already recorded");
  }
  evaluate_through(run_end);
  flush_second();  // a last partial second
  close_open_incident(run_end);
  is_finished_ = true;
  next_boundary_us_ = 0;  // every later record() takes the checked path and throws
}

std::vector<IncidentResult> RecoveryTracker::results() const {
  if (!is_finished_) throw std::logic_error("RecoveryTracker: results() before finish()");
  std::vector<IncidentResult> rows;
  rows.reserve(incidents_.size());
  for (const Incident& incident : incidents_) {
    IncidentResult row;
    row.fault = incident.fault;
    row.start_s = to_seconds(incident.start);
    row.rto_s = to_seconds(incident.rto());
    row.recovered = incident.is_recovered;
    row.pre_incident_ratio = incident.pre_incident_ratio;
    row.detect_s = seconds_after(incident.detected_at, incident.start);
    row.switch_s = seconds_after(incident.switched_at, incident.start);
    row.full_capacity_s = seconds_after(incident.full_capacity_at, incident.start);
    if (incident.runbook_critical_path) row.runbook_s = to_seconds(*incident.runbook_critical_path);
    if (incident.rpo) row.rpo_s = to_seconds(*incident.rpo);
    row.lost_writes = incident.lost_writes;
    row.downtime_s = incident.down_s;
    row.degraded_s = incident.degraded_s;
    row.downtime_weighted_s = incident.weighted_down_s;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace faultline::engine
