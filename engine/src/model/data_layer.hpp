#pragma once
// Internal: the data layer of one pattern: stores at risk, acknowledged writes,
// RPO and lost writes at a fault, and write availability until promotion
// (docs/runbooks-and-data.md).

#include <cstdint>
#include <optional>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// Owns a fixed-size ring of per-second write counts (sized from the longest
/// lag or backup interval, at most 7 days), so memory does not grow with the run.
class DataLayer {
 public:
  /// What one store's copy lacks at a fault.
  struct StoreLoss {
    std::size_t store = 0;  // index of the store
    SimDuration rpo{0};
    double lost_writes = 0;
  };

  /// What a fault costs in data, and whether writes now wait for a promotion.
  struct FaultLoss {
    SimDuration rpo{0};          // worst store's RPO
    double lost_writes = 0;      // writes the promoted copies lack, summed over the stores
    bool blocks_writes = false;  // a database or storage account taking writes must be promoted first
    std::optional<SimDuration> automatic_promotion_after;  // service-managed failover delay, if it applies
    std::vector<StoreLoss> stores;                         // every store the fault took down, in store order
  };

  /// The stores of `pattern` (databases and object storage with replication links) in `topology`.
  /// Restorable copies are taken at every multiple of their interval since t = -`schedule_origin`.
  DataLayer(const topology::Topology& topology, const PatternSpec& pattern,
            SimDuration schedule_origin = SimDuration{0});

  /// Indices of the stores that `fault` takes down through its blast radius.
  [[nodiscard]] std::vector<std::size_t> stores_down_by(const topology::Topology& topology,
                                                        const FaultSpec& fault) const;
  /// Indices of the stores whose replica (the copy a failover moves them to) `fault` takes down.
  [[nodiscard]] std::vector<std::size_t> replicas_down_by(const topology::Topology& topology,
                                                          const FaultSpec& fault) const;
  /// Indices of the stores at risk that `workload`'s writes go to: its `writes_to`, else the
  /// databases at risk, else (no database at risk) every store at risk.
  [[nodiscard]] std::vector<std::size_t> stores_written_by(const WorkloadSpec& workload) const;
  /// Counts `writes` acknowledged at t (t non-decreasing) to each store index in `stores`.
  void record_writes(SimTime t, double writes, const std::vector<std::size_t>& stores);
  /// RPO and lost writes when fault index `fault` starts at `now`, taking down `stores` (their
  /// write copies) and `replicas` (their replicas): a storage account failed over to its replica
  /// is locally redundant there until failback, so a fault on the replica loses every write since
  /// the failover. An async store with a lag distribution draws its lag from `rng`. A single-region
  /// Cosmos DB account loses the writes of its documented RPO bound (240 min) when `is_region_lost`
  /// (a region outage), nothing otherwise. Nothing when no store.
  std::optional<FaultLoss> on_fault(SimTime now, const std::vector<std::size_t>& stores,
                                    const std::vector<std::size_t>& replicas, std::size_t fault, RandomStream& rng,
                                    bool is_region_lost = false);
  /// The copies of the stores whose writes wait now take writes: every such store (a runbook's
  /// promotion, `is_by_service` false) or those whose own service fails over (true). Returns
  /// false when nothing waited.
  bool promote(bool is_by_service, SimTime now);
  /// The failback completed: failed-over storage accounts are geo-redundant at home again.
  void on_failback_complete();
  /// Fault index `fault` ended: its write region is back. Returns the largest number of
  /// writes a store's promoted copy took since its promotion (the re-sync backlog; stores
  /// re-sync side by side), or nothing when no copy was promoted for this fault.
  std::optional<double> on_fault_end(std::size_t fault);
  /// Starts (true) or ends (false) the planned write pause of a failback, on the stores
  /// promoted for the fault that last ended.
  void set_write_pause(bool is_paused);
  /// True while a request writing to `stores` must fail: one of them waits for a promotion or pauses.
  [[nodiscard]] bool is_write_blocked(const std::vector<std::size_t>& stores) const;
  /// True while writes to `stores` fail only because of a failback's planned pause.
  [[nodiscard]] bool is_write_paused(const std::vector<std::size_t>& stores) const;
  /// Extra latency of a request that writes: 2 x RTT + 10 ms to the farthest synchronous replica (domain-facts).
  [[nodiscard]] SimDuration sync_write_penalty() const { return sync_write_penalty_; }
  /// Store id and replication mode spelling of store `i`.
  [[nodiscard]] const std::string& store_id(std::size_t i) const { return stores_[i].id; }
  [[nodiscard]] std::string_view store_mode(std::size_t i) const;
  /// Worst-case and expected RPO of store `i`'s mode, s (worst null: unbounded lag distribution).
  [[nodiscard]] std::pair<std::optional<double>, double> rpo_bounds(std::size_t i) const;
  /// True when store `i`'s own service promotes its copy (Cosmos DB service-managed failover of a
  /// replicated account); false for stores that need a runbook (Storage GRS, backups, self-managed).
  [[nodiscard]] bool is_promoted_by_service(std::size_t i) const;
  /// True when store `i` is a single-region Cosmos DB account: no copy to promote, writes wait for its region.
  [[nodiscard]] bool is_single_region(std::size_t i) const { return stores_[i].is_single_region; }
  /// Lost writes summed over the run's faults.
  [[nodiscard]] double lost_writes_total() const { return lost_writes_total_; }

 private:
  struct Store {
    std::string id;
    StoreReplication replication;
    bool is_database = false;       // requests that write need it
    bool is_single_region = false;  // a Cosmos DB account without a replica (RPO bound 240 min)
    bool blocks_writes = false;     // database or storage account: writes to it fail while it is down
    // Write availability of this store (docs/runbooks-and-data.md, "Write availability").
    bool is_write_blocked = false;  // down and not promoted
    bool is_promoted = false;       // its copy took writes for the blocking fault
    bool is_resyncing = false;      // promoted for the fault that last ended: it pauses at failback
    bool is_write_paused = false;
    std::size_t blocking_fault = static_cast<std::size_t>(-1);
    double writes = 0;  // writes acknowledged to it in the run
    double writes_at_promotion = 0;
    std::string replica_id;  // the store its replication link copies to; empty when none
    // Storage GRS after a customer-managed failover: the account lives in the replica's region,
    // locally redundant, until the failback completes (domain-facts).
    bool is_locally_redundant = false;
    SimTime promoted_at{};
    bool has_automatic_failover = false;
    bool has_multi_region_writes = false;
    // Cosmos DB consistency caps: a replica never lags by more than this (session, prefix,
    // eventual: 15 min; bounded staleness: T) nor by more than max_lost_writes (bounded staleness: K).
    std::optional<SimDuration> rpo_cap;
    std::optional<double> max_lost_writes;
    std::vector<double> ring;  // writes acknowledged to this store per second, last ring-size seconds
    // Writes at their exact instants (us since the run's start, writes), the last `recent_window`
    // only: lost writes are counted from these whenever the RPO fits, so a fault's sub-second
    // phase never adds or drops writes. Memory grows with the write rate x the window (<= 15 min;
    // a single-region account's 240 min bound + 1 s).
    std::deque<std::pair<std::int64_t, double>> recent;
    SimDuration recent_window{0};
  };

  // Writes acknowledged to `store` in (from, now]: exact when now - from is within the store's
  // recent window; otherwise in whole seconds [floor(from), now] from the per-second ring.
  // Sets the RPO caps of a database's consistency level (strong replicates synchronously).
  static void set_consistency_caps(const topology::DataStoreInfo& info, Store& store);
  // When the count-th last write before `now` was acknowledged.
  [[nodiscard]] SimTime oldest_of_last(const Store& store, double count, SimTime now) const;
  [[nodiscard]] double writes_since(const Store& store, SimTime from, SimTime now) const;
  // The stores whose node named by `node_of` (the store, or its replica) `fault` takes down.
  template <class NodeOf>
  [[nodiscard]] std::vector<std::size_t> down_by(const topology::Topology& topology, const FaultSpec& fault,
                                                 NodeOf node_of) const;
  // Id of the store `id` replicates to (its first replication link), or empty.
  static std::string replica_of(const topology::Topology& topology, const std::string& id);
  // `store` waits for a promotion because of fault index `fault`.
  static void block_writes(Store& store, std::size_t fault, FaultLoss& loss);
  // Adds every Cosmos DB account of `topology` with no replication link in or out: its only copy.
  void add_single_region_accounts(const topology::Topology& topology, std::int64_t& horizon_s);
  // The service-managed failover delay of one fault: the pattern's constant, or a draw from its
  // distribution (clamped to 0 .. 7 days).
  [[nodiscard]] SimDuration automatic_failover_delay(RandomStream& rng) const;

  const PatternSpec& pattern_;
  SimDuration schedule_origin_{0};
  std::vector<Store> stores_;
  std::size_t ring_size_ = 1;     // seconds each store's ring holds
  std::int64_t ring_second_ = 0;  // the latest second the rings were advanced to
  double lost_writes_total_ = 0;
  SimDuration sync_write_penalty_{0};
};

}  // namespace faultline::engine
