#pragma once
// RTO of every incident, online and in fixed memory per incident (DESIGN "Metrics").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/incident_result.hpp"
#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/engine/model/sliding_window_ratio.hpp"

namespace faultline::engine {

/// Recovery definition parameters.
struct RecoveryConfig {
  SimDuration window = seconds(60);  ///< W: sliding window, whole seconds
  double threshold = 0.99;           ///< recovered when ratio >= threshold * pre-incident ratio
};

/// One incident as measured in simulated time.
struct Incident {
  std::string fault;
  SimTime start;         ///< fault start
  SimTime end;           ///< next fault's start or run end (valid once closed)
  SimTime recovered_at;  ///< T of the RTO definition (valid once closed)
  double pre_incident_ratio = 1.0;
  bool is_baseline_inherited = false;  ///< pre-incident window overlapped the previous incident
  bool is_closed = false;
  bool is_recovered = false;
  std::optional<SimTime> detected_at;
  std::optional<SimTime> switched_at;
  std::optional<SimTime> full_capacity_at;
  std::optional<SimDuration> runbook_critical_path;
  std::optional<SimDuration> rpo;  ///< worst data store's RPO (set by the data model)
  std::uint64_t lost_writes = 0;   ///< acknowledged writes the promoted copy lacks
  double down_s = 0;               ///< evaluated seconds whose window ratio < threshold x pre-incident ratio
  double degraded_s = 0;           ///< evaluated seconds below the pre-incident ratio but not down
  double weighted_down_s = 0;      ///< sum over the incident's seconds of failed / offered in that second

  /// recovered_at - start (once closed).
  [[nodiscard]] SimDuration rto() const { return recovered_at - start; }
};

/// Implements DESIGN's RTO: from fault start F to the first instant T after which
/// the success ratio over the sliding window W stays >= threshold x pre-incident
/// ratio until the next fault or the end of the run (docs/metrics.md).
///
/// Evaluation: at every whole second b the tracker evaluates the window of the
/// W complete seconds before it, [b - W, b); that value stands for [b, b + 1 s).
/// An incident evaluates the boundaries b with F < b <= E (E: next fault or run
/// end). A window without traffic is good (no evidence of failure). If the last
/// evaluated boundary is good, the incident recovered and T is one second after
/// the last bad boundary (T = F when none was bad); otherwise (or with no
/// boundary at all) it did not recover and T = E.
///
/// Down and degraded: each evaluated boundary of an incident is one second down
/// (its window is bad, as above) or degraded (good but below the pre-incident
/// ratio); windows without traffic are neither. Weighted downtime adds, for every
/// second of the incident with traffic, the share of that second's outcomes that
/// failed: a full outage counts 1 s per second, 0.5 % failures 0.005 s.
///
/// Pre-incident ratio: the window [b_F - W, b_F) with b_F = floor(F), 1.0 when
/// it had no traffic; inherited from the previous incident when that one did not
/// recover or when this window overlaps its start or unrecovered period.
///
/// Callers feed every request outcome in non-decreasing time; quiet periods
/// cost at most W evaluations. Memory: the W-second ring plus one Incident per fault.
class RecoveryTracker {
 public:
  /// A tracker with the given window and threshold (0 < threshold <= 1; else std::invalid_argument).
  explicit RecoveryTracker(RecoveryConfig config = {});

  /// Adds `offered` outcomes at time t (non-decreasing), `succeeded` of them ok; O(1) amortised, no allocation.
  void record(SimTime t, std::uint64_t succeeded, std::uint64_t offered) {
    if (t.time_since_epoch().count() >= next_boundary_us_) evaluate_through(t);
    second_succeeded_ += succeeded;
    second_offered_ += offered;
    window_.record(t, succeeded, offered);
  }

  /// Starts an incident at time `start` (not before earlier records); closes the previous one; returns its index.
  std::size_t begin_incident(SimTime start, std::string fault);

  /// Marks the first detection of incident i at time t (>= its start); later marks are ignored.
  void mark_detected(std::size_t i, SimTime t);
  /// Marks when traffic of incident i was switched away (>= its start); first mark wins.
  void mark_switched(std::size_t i, SimTime t);
  /// Marks when full capacity was restored for incident i (>= its start); first mark wins.
  void mark_full_capacity(std::size_t i, SimTime t);
  /// Sets the runbook critical path duration (>= 0) of incident i; the last call wins.
  void set_runbook_critical_path(std::size_t i, SimDuration d);

  /// Sets incident i's data loss: the worst store's RPO (>= 0) and the writes it lost.
  void set_data_loss(std::size_t i, SimDuration rpo, std::uint64_t lost_writes);
  /// Evaluates up to run_end (not before earlier records), closes the open incident; no record afterwards.
  void finish(SimTime run_end);

  /// Incidents in start order (closed ones have their RTO).
  [[nodiscard]] const std::vector<Incident>& incidents() const { return incidents_; }
  /// Incidents as result-contract rows (rpo_s and lost_writes left for the data model); requires finish().
  [[nodiscard]] std::vector<IncidentResult> results() const;

 private:
  static constexpr std::int64_t kSecondUs = 1'000'000;

  // Evaluates every boundary b <= floor(t) not evaluated yet (cold path of record()).
  void evaluate_through(SimTime t);
  void close_open_incident(SimTime end);
  // Adds the accumulated second's failed share to the open incident's weighted downtime; resets it.
  void flush_second();
  Incident& incident_at(std::size_t i, SimTime t, const char* what);

  RecoveryConfig config_;
  SlidingWindowRatio window_;
  std::int64_t next_boundary_s_ = 1;           // first boundary (s) not evaluated yet
  std::int64_t next_boundary_us_ = kSecondUs;  // the same in us: record()'s fast-path bound
  WindowCounts last_boundary_counts_;          // window of boundary next_boundary_s_ - 1
  std::uint64_t second_succeeded_ = 0;         // outcomes of second next_boundary_s_ - 1 so far
  std::uint64_t second_offered_ = 0;
  std::vector<Incident> incidents_;
  bool is_open_ = false;  // incidents_.back() is still collecting evaluations
  bool is_finished_ = false;
  // Evaluation state of the open incident.
  double threshold_ratio_ = 0.0;  // threshold * pre-incident ratio
  bool has_evaluation_ = false;
  bool is_last_good_ = true;
  std::optional<std::int64_t> last_bad_boundary_s_;
};

}  // namespace faultline::engine
