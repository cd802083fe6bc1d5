#include "model/data_layer.hpp"

#include <algorithm>
#include <limits>

#include "faultline/engine/model/primary_region.hpp"
#include "faultline/topology/blast_radius.hpp"
#include "faultline/topology/lowest_latency_path.hpp"

namespace faultline::engine {

namespace {

// domain-facts, Cosmos DB RPO: an account in one region loses < 240 min when the region is lost.
constexpr SimDuration kSingleRegionRpoBound = std::chrono::minutes(240);

}  // namespace

DataLayer::DataLayer(const topology::Topology& topology, const PatternSpec& pattern, SimDuration schedule_origin)
    : pattern_(pattern), schedule_origin_(schedule_origin) {
  // The pattern's data lives where it writes: the first-priority regions, or every region when
  // active/active. A replica that itself replicates on (a ring of three regions) holds no write copy.
  auto is_write_region = [&](const std::string& region) {
    return pattern.router.endpoints.empty() || is_primary_region(pattern, region);
  };
  std::int64_t horizon_s = 1;
  for (const auto& [id, replication] : pattern.stores) {
    const topology::Node& node = topology.node(id);
    if (!is_write_region(node.region)) continue;
    Store store;
    store.id = id;
    store.replication = replication;
    store.is_database = node.kind == topology::NodeKind::kDatabase;
    // Storage GRS: both endpoints are unavailable until a customer-managed failover (domain-facts).
    store.blocks_writes = store.is_database || node.kind == topology::NodeKind::kObjectStorage;
    if (const auto* info = std::get_if<topology::DataStoreInfo>(&node.details)) {
      store.has_automatic_failover = info->has_automatic_failover;
      store.has_multi_region_writes = info->has_multi_region_writes;
      set_consistency_caps(*info, store);
    }
    SimDuration bound = std::max(replication.lag, replication.backup_interval);
    // A drawn lag may exceed the ring; the ring is capped at 7 days below (lost writes count within it).
    if (replication.lag_s) bound = std::max(bound, from_seconds(std::min(7.0 * 86400, replication.lag_s->mean() * 20)));
    horizon_s = std::max<std::int64_t>(horizon_s, bound.count() / 1000000 + 2);
    // Sync loses nothing; async and copy modes keep exact instants up to Cosmos DB's 15-minute bound.
    if (store.replication.mode != topology::ReplicationMode::kSync) {
      store.recent_window = std::min<SimDuration>(bound + std::chrono::seconds(1), std::chrono::minutes(15));
    }
    if (store.replication.mode == topology::ReplicationMode::kSync && store.is_database) {
      // Strong consistency: each write waits for the farthest replica (2 x RTT + 10 ms).
      const auto& g = topology.graph();
      const auto v = topology.find(id);
      for (auto [it, end] = boost::out_edges(*v, g); it != end; ++it) {
        if (g[*it].kind != topology::EdgeKind::kReplication) continue;
        const topology::Node& replica = g[boost::target(*it, g)];
        const auto path = topology::lowest_latency_path(topology, node.region, replica.region);
        if (!path.is_found) continue;
        sync_write_penalty_ = std::max(sync_write_penalty_, 4 * path.latency + std::chrono::milliseconds(10));
      }
    }
    store.replica_id = replica_of(topology, id);
    stores_.push_back(std::move(store));
  }
  add_single_region_accounts(topology, horizon_s);
  ring_size_ = static_cast<std::size_t>(std::min<std::int64_t>(horizon_s, 7 * 86400));
  for (Store& store : stores_) store.ring.assign(ring_size_, 0.0);
}

void DataLayer::add_single_region_accounts(const topology::Topology& topology, std::int64_t& horizon_s) {
  const auto& g = topology.graph();
  for (auto v : topology.nodes_of_kind(topology::NodeKind::kDatabase)) {
    const topology::Node& node = topology.node(v);
    const auto* info = std::get_if<topology::DataStoreInfo>(&node.details);
    if (info == nullptr || info->service != "cosmos_db") continue;
    bool is_replicated = false;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      is_replicated |= g[*it].kind == topology::EdgeKind::kReplication;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      is_replicated |= g[*it].kind == topology::EdgeKind::kReplication;
    if (is_replicated) continue;
    // Its only copy, wherever it is: writes wait for its region, a region loss loses the bound.
    Store store;
    store.id = node.id;
    store.replication.mode = topology::ReplicationMode::kAsync;
    store.replication.lag = kSingleRegionRpoBound;
    store.is_database = true;
    store.blocks_writes = true;
    store.is_single_region = true;
    // Exact instants over the whole bound, so the loss does not depend on F's sub-second phase.
    store.recent_window = kSingleRegionRpoBound + std::chrono::seconds(1);
    horizon_s = std::max<std::int64_t>(horizon_s, kSingleRegionRpoBound.count() / 1000000 + 2);
    stores_.push_back(std::move(store));
  }
}

std::vector<std::size_t> DataLayer::stores_written_by(const WorkloadSpec& workload) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < stores_.size(); ++i) {
    const auto& ids = workload.writes_to;
    const bool is_written =
        ids.empty() ? stores_[i].is_database : std::find(ids.begin(), ids.end(), stores_[i].id) != ids.end();
    if (is_written) out.push_back(i);
  }
  if (workload.writes_to.empty() && out.empty()) {
    for (std::size_t i = 0; i < stores_.size(); ++i) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> DataLayer::stores_down_by(const topology::Topology& topology, const FaultSpec& fault) const {
  return down_by(topology, fault, [](const Store& s) -> const std::string& { return s.id; });
}

std::vector<std::size_t> DataLayer::replicas_down_by(const topology::Topology& topology, const FaultSpec& fault) const {
  return down_by(topology, fault, [](const Store& s) -> const std::string& { return s.replica_id; });
}

template <class NodeOf>
std::vector<std::size_t> DataLayer::down_by(const topology::Topology& topology, const FaultSpec& fault,
                                            NodeOf node_of) const {
  std::vector<std::size_t> down;
  const bool takes_nodes_down = fault.type == FaultType::kRegionOutage || fault.type == FaultType::kZoneOutage ||
                                fault.type == FaultType::kDataStoreOutage;
  if (!takes_nodes_down || stores_.empty()) return down;
  const topology::BlastRadius radius = topology::blast_radius(topology, {fault.target});
  for (std::size_t i = 0; i < stores_.size(); ++i) {
    const std::string& id = node_of(stores_[i]);
    const auto v = id.empty() ? std::nullopt : topology.find(id);
    if (v && radius.is_down[*v]) down.push_back(i);
  }
  return down;
}

std::string DataLayer::replica_of(const topology::Topology& topology, const std::string& id) {
  const auto& g = topology.graph();
  const auto v = topology.find(id);
  if (!v) return {};
  for (auto [it, end] = boost::out_edges(*v, g); it != end; ++it) {
    if (g[*it].kind == topology::EdgeKind::kReplication) return g[boost::target(*it, g)].id;
  }
  return {};
}

void DataLayer::record_writes(SimTime t, double writes, const std::vector<std::size_t>& stores) {
  const std::int64_t second = t.time_since_epoch().count() / 1000000;
  const auto size = static_cast<std::int64_t>(ring_size_);
  for (; ring_second_ < second; ++ring_second_) {
    const auto slot = static_cast<std::size_t>((ring_second_ + 1) % size);
    for (Store& store : stores_) store.ring[slot] = 0;
  }
  const std::int64_t at = t.time_since_epoch().count();
  for (std::size_t i : stores) {
    Store& store = stores_[i];
    store.ring[static_cast<std::size_t>(second % size)] += writes;
    store.writes += writes;
    if (store.recent_window.count() == 0) continue;
    if (!store.recent.empty() && store.recent.back().first == at) {
      store.recent.back().second += writes;
    } else {
      store.recent.emplace_back(at, writes);
    }
    while (store.recent.front().first <= at - store.recent_window.count()) store.recent.pop_front();
  }
}

std::optional<DataLayer::FaultLoss> DataLayer::on_fault(SimTime now, const std::vector<std::size_t>& stores,
                                                        const std::vector<std::size_t>& replicas, std::size_t fault,
                                                        RandomStream& rng, bool is_region_lost) {
  // A failed-over storage account is down when its new home (the replica) is.
  std::vector<std::size_t> hit;
  for (std::size_t i : stores) {
    if (!stores_[i].is_locally_redundant) hit.push_back(i);
  }
  for (std::size_t i : replicas) {
    if (stores_[i].is_locally_redundant) hit.push_back(i);
  }
  std::sort(hit.begin(), hit.end());
  if (hit.empty()) return std::nullopt;
  // RPO per store at the fault instant; the fault reports the worst store.
  FaultLoss loss;
  bool has_worst = false;
  // A store with no copy left to promote: its loss counts, and writes wait for the fault's end.
  const auto lose_only_copy = [&](Store& store, const StoreLoss& lost) {
    loss.stores.push_back(lost);
    loss.lost_writes += lost.lost_writes;
    if (!has_worst || lost.rpo > loss.rpo) loss.rpo = lost.rpo;
    has_worst = true;
    block_writes(store, fault, loss);
  };
  for (std::size_t i : hit) {
    Store& store = stores_[i];
    if (store.is_locally_redundant) {
      // No other copy: every write since the failover is gone.
      lose_only_copy(store, StoreLoss{i, now - store.promoted_at, store.writes - store.writes_at_promotion});
      continue;
    }
    if (store.is_single_region) {
      // No replica: losing the account's region loses up to the documented bound, the writes
      // acknowledged in (F - 240 min, F] (every write of the run when F < 240 min).
      const SimDuration rpo = is_region_lost ? kSingleRegionRpoBound : SimDuration{0};
      lose_only_copy(store, StoreLoss{i, rpo, is_region_lost ? writes_since(store, now - rpo, now) : 0.0});
      continue;
    }
    SimDuration rpo{0};
    switch (store.replication.mode) {
      case topology::ReplicationMode::kSync:
        break;
      case topology::ReplicationMode::kAsync:
        rpo = store.replication.lag_s ? from_seconds(std::max(0.0, store.replication.lag_s->sample(rng)))
                                      : store.replication.lag;
        break;
      case topology::ReplicationMode::kBackupRestore:
      case topology::ReplicationMode::kScheduledRebuild:
        // Restorable copies at every multiple of the interval since t = 0.
        rpo = SimDuration{(schedule_origin_ + now.time_since_epoch()).count() %
                          store.replication.backup_interval.count()};
        break;
    }
    if (store.rpo_cap) rpo = std::min(rpo, *store.rpo_cap);
    double lost = writes_since(store, now - rpo, now);
    if (store.max_lost_writes && lost > *store.max_lost_writes) {
      // Bounded staleness: the replica lacks only the last K writes; RPO is how long ago the oldest was.
      lost = *store.max_lost_writes;
      rpo = now - oldest_of_last(store, lost, now);
    }
    loss.stores.push_back(StoreLoss{i, rpo, lost});
    loss.lost_writes += lost;
    if (!has_worst || rpo > loss.rpo) {
      has_worst = true;
      loss.rpo = rpo;
    }
    if (store.blocks_writes && !(store.has_multi_region_writes && pattern_.is_active_active)) {
      if (is_promoted_by_service(i) && !loss.automatic_promotion_after) {
        loss.automatic_promotion_after = automatic_failover_delay(rng);
      }
      block_writes(store, fault, loss);
    }
  }
  lost_writes_total_ += loss.lost_writes;
  return loss;
}

void DataLayer::block_writes(Store& store, std::size_t fault, FaultLoss& loss) {
  loss.blocks_writes = true;
  store.is_write_blocked = true;
  store.is_promoted = false;
  store.blocking_fault = fault;
}

bool DataLayer::promote(bool is_by_service, SimTime now) {
  bool has_promoted = false;
  for (std::size_t i = 0; i < stores_.size(); ++i) {
    Store& store = stores_[i];
    if (!store.is_write_blocked || store.is_single_region || (is_by_service && !is_promoted_by_service(i))) continue;
    store.is_write_blocked = false;
    store.is_promoted = true;
    store.writes_at_promotion = store.writes;
    // A storage account failed over to its replica is locally redundant there (a database
    // keeps its other regions); one already failed over has no replica left to move to.
    if (!store.is_database && !store.is_locally_redundant && !store.replica_id.empty()) {
      store.is_locally_redundant = true;
      store.promoted_at = now;
    }
    has_promoted = true;
  }
  return has_promoted;
}

void DataLayer::on_failback_complete() {
  for (Store& store : stores_) store.is_locally_redundant = false;
}

std::optional<double> DataLayer::on_fault_end(std::size_t fault) {
  std::optional<double> backlog;
  for (Store& store : stores_) {
    if (store.blocking_fault != fault) continue;
    store.is_write_blocked = false;  // the write region is back
    store.blocking_fault = static_cast<std::size_t>(-1);
    store.is_resyncing = store.is_promoted;
    if (!store.is_promoted) continue;
    store.is_promoted = false;
    backlog = std::max(backlog.value_or(0.0), store.writes - store.writes_at_promotion);
  }
  return backlog;
}

void DataLayer::set_write_pause(bool is_paused) {
  for (Store& store : stores_) {
    store.is_write_paused = is_paused && store.is_resyncing;
    if (!is_paused) store.is_resyncing = false;
  }
}

bool DataLayer::is_write_blocked(const std::vector<std::size_t>& stores) const {
  return std::any_of(stores.begin(), stores.end(),
                     [&](std::size_t i) { return stores_[i].is_write_blocked || stores_[i].is_write_paused; });
}

bool DataLayer::is_write_paused(const std::vector<std::size_t>& stores) const {
  const bool is_blocked =
      std::any_of(stores.begin(), stores.end(), [&](std::size_t i) { return stores_[i].is_write_blocked; });
  const bool is_paused =
      std::any_of(stores.begin(), stores.end(), [&](std::size_t i) { return stores_[i].is_write_paused; });
  return is_paused && !is_blocked;
}

std::string_view DataLayer::store_mode(std::size_t i) const {
  if (stores_[i].is_single_region) return "single_region";
  return topology::to_string(stores_[i].replication.mode);
}

std::pair<std::optional<double>, double> DataLayer::rpo_bounds(std::size_t i) const {
  const StoreReplication& r = stores_[i].replication;
  // A single-region account: the simulator takes the documented bound, so worst = mean = 240 min.
  if (stores_[i].is_single_region) return {to_seconds(r.lag), to_seconds(r.lag)};
  switch (r.mode) {
    case topology::ReplicationMode::kSync:
      return {0.0, 0.0};
    case topology::ReplicationMode::kAsync:
      if (r.lag_s) return {r.lag_s->max(), r.lag_s->mean()};
      return {to_seconds(r.lag), to_seconds(r.lag)};
    case topology::ReplicationMode::kBackupRestore:
    case topology::ReplicationMode::kScheduledRebuild:
      // A fault falls uniformly between two copies: the loss is the time since the last one.
      return {to_seconds(r.backup_interval), to_seconds(r.backup_interval) / 2};
  }
  return {std::nullopt, 0.0};
}

bool DataLayer::is_promoted_by_service(std::size_t i) const {
  const Store& s = stores_[i];
  const bool is_replicated =
      s.replication.mode == topology::ReplicationMode::kSync || s.replication.mode == topology::ReplicationMode::kAsync;
  return s.is_database && s.has_automatic_failover && is_replicated;
}

void DataLayer::set_consistency_caps(const topology::DataStoreInfo& info, Store& store) {
  // domain-facts, Cosmos DB RPO: strong 0; session, consistent prefix, eventual < 15 min;
  // bounded staleness K writes and T seconds.
  const std::string& c = info.consistency;
  if (c == "strong") {
    store.replication.mode = topology::ReplicationMode::kSync;
  } else if (c == "session" || c == "consistent_prefix" || c == "eventual") {
    store.rpo_cap = std::chrono::minutes(15);
  } else if (c == "bounded_staleness") {
    store.rpo_cap = info.max_staleness;
    store.max_lost_writes = info.max_staleness_writes;
  }
}

SimTime DataLayer::oldest_of_last(const Store& store, double count, SimTime now) const {
  // The instant of the count-th last write acknowledged at or before now (exact within the
  // recent window; otherwise to the second from the ring).
  const std::int64_t now_us = now.time_since_epoch().count();
  double sum = 0;
  for (auto it = store.recent.rbegin(); it != store.recent.rend(); ++it) {
    if (it->first > now_us) continue;
    sum += it->second;
    if (sum >= count) return SimTime{SimDuration{it->first}};
  }
  const auto size = static_cast<std::int64_t>(ring_size_);
  sum = 0;
  const std::int64_t now_s = now_us / 1000000;
  for (std::int64_t s = std::min(now_s, ring_second_); s >= 0 && s > now_s - size; --s) {
    sum += store.ring[static_cast<std::size_t>(s % size)];
    if (sum >= count) return SimTime{std::chrono::seconds(s)};
  }
  return kSimStart;
}

SimDuration DataLayer::automatic_failover_delay(RandomStream& rng) const {
  if (!pattern_.automatic_failover_delay_s) return pattern_.automatic_failover_delay;
  constexpr double kMaxDelayS = 7.0 * 86400;  // the loader's bound on a duration
  return from_seconds(std::clamp(pattern_.automatic_failover_delay_s->sample(rng), 0.0, kMaxDelayS));
}

double DataLayer::writes_since(const Store& store, SimTime from, SimTime now) const {
  if (now - from < store.recent_window) {
    double sum = 0;
    const std::int64_t from_us = from.time_since_epoch().count();
    const std::int64_t now_us = now.time_since_epoch().count();
    for (auto it = store.recent.rbegin(); it != store.recent.rend() && it->first > from_us; ++it) {
      if (it->first <= now_us) sum += it->second;
    }
    return sum;
  }
  if (now == from) return 0;  // a synchronous copy lacks nothing
  // The ring holds per-second counts of the last ring-size seconds.
  const std::int64_t now_s = now.time_since_epoch().count() / 1000000;
  const std::int64_t from_s = std::max<std::int64_t>(0, from.time_since_epoch().count() / 1000000);
  const auto size = static_cast<std::int64_t>(ring_size_);
  double sum = 0;
  for (std::int64_t s = std::max(from_s, now_s - size + 1); s <= now_s && s <= ring_second_; ++s) {
    sum += store.ring[static_cast<std::size_t>(s % size)];
  }
  return sum;
}

}  // namespace faultline::engine
