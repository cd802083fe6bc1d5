#pragma once
// Internal: the data layer of one pattern: stores at risk, acknowledged writes,
// RPO and lost writes at a fault, and write availability until promotion
// (docs/runbooks-and-data.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/scenario.hpp"

namespace faultline::engine {

/// Owns a fixed-size ring of per-second write counts (sized from the longest
/// lag or backup interval, at most 7 days), so memory does not grow with the run.
class DataLayer {
 public:
  /// What a fault costs in data, and whether writes now wait for a promotion.
  struct FaultLoss {
    SimDuration rpo{0};            // worst store's RPO
    double lost_writes = 0;        // writes that store's promoted copy lacks
    bool blocks_writes = false;    // a database taking the writes must be promoted first
    std::optional<SimDuration> automatic_promotion_after;  // service-managed failover delay, if it applies
  };

  /// The stores of `pattern` (databases and object storage with replication links) in `topology`.
  DataLayer(const topology::Topology& topology, const PatternSpec& pattern);

  /// Indices of the stores that `fault` takes down through its blast radius.
  [[nodiscard]] std::vector<std::size_t> stores_down_by(const topology::Topology& topology, const FaultSpec& fault) const;
  /// Counts `writes` acknowledged at t (t non-decreasing).
  void record_writes(SimTime t, double writes);
  /// RPO and lost writes when `stores` go down at `now` because of fault index `fault`; nothing when none.
  std::optional<FaultLoss> on_fault(SimTime now, const std::vector<std::size_t>& stores, std::size_t fault);
  /// A copy of the database now takes writes.
  void promote() { is_write_blocked_ = false; }
  /// Fault index `fault` ended: its write region is back.
  void on_fault_end(std::size_t fault);
  /// True while requests that write must fail.
  [[nodiscard]] bool is_write_blocked() const { return is_write_blocked_; }
  /// Lost writes summed over the run's faults.
  [[nodiscard]] double lost_writes_total() const { return lost_writes_total_; }

 private:
  struct Store {
    std::string id;
    StoreReplication replication;
    bool is_database = false;  // requests that write need it
    bool has_automatic_failover = false;
    bool has_multi_region_writes = false;
  };

  // Writes acknowledged in whole seconds [from, now].
  [[nodiscard]] double writes_since(SimTime from, SimTime now) const;

  const PatternSpec& pattern_;
  std::vector<Store> stores_;
  std::vector<double> ring_;        // acknowledged writes per second, last ring-size seconds
  std::int64_t ring_second_ = 0;    // the latest second the ring was advanced to
  bool is_write_blocked_ = false;
  std::size_t blocking_fault_ = static_cast<std::size_t>(-1);
  double lost_writes_total_ = 0;
};

}  // namespace faultline::engine
