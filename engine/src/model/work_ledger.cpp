#include "model/work_ledger.hpp"

#include <algorithm>
#include <cmath>

namespace faultline::engine {
namespace {

constexpr std::int64_t kMinuteUs = 60'000'000;

// True when `store` is one end of a replication link.
bool has_replica(const topology::Topology& topo, const std::string& store) {
  const auto v = topo.find(store);
  if (!v) return false;
  const auto& g = topo.graph();
  for (auto [it, end] = boost::out_edges(*v, g); it != end; ++it) {
    if (g[*it].kind == topology::EdgeKind::kReplication) return true;
  }
  for (auto [it, end] = boost::in_edges(*v, g); it != end; ++it) {
    if (g[*it].kind == topology::EdgeKind::kReplication) return true;
  }
  return false;
}

}  // namespace

WorkLedger::WorkLedger(const Scenario& scenario, const std::vector<std::string>& regions)
    : scenario_(scenario), regions_(regions) {
  const topology::Topology& topo = *scenario.topology;
  for (const WorkloadSpec& w : scenario.workloads) {
    std::optional<AgentThreads> agent;
    if (w.kind == WorkloadKind::kAgentTurn && w.open_threads > 0) {
      AgentThreads a;
      a.open_threads = w.open_threads;
      a.current.assign(regions.size(), 0);
      a.previous.assign(regions.size(), 0);
      // Threads in a region survive when its agent service persists them to a
      // store with a replication link, rehydrated on failover (seeds/003); else lost.
      a.is_kept.assign(regions.size(), false);
      for (auto v : topo.nodes_of_kind(topology::NodeKind::kAgentService)) {
        const topology::Node& service = topo.node(v);
        const auto& info = std::get<topology::AgentServiceInfo>(service.details);
        const auto r = std::find(regions.begin(), regions.end(), service.region);
        if (r == regions.end() || !info.is_threads_persisted) continue;
        a.is_kept[static_cast<std::size_t>(r - regions.begin())] = has_replica(topo, info.thread_store);
      }
      agent = std::move(a);
    }
    agents_.push_back(std::move(agent));
    ingestion_.push_back(w.ingestion ? std::optional<Ingestion>(Ingestion{}) : std::nullopt);
    paused_until_.push_back(kSimStart);
    pending_.emplace_back();
  }
}

void WorkLedger::roll_minute(AgentThreads& a, SimTime t) const {
  const std::int64_t minute = t.time_since_epoch().count() / kMinuteUs;
  if (minute == a.minute) return;
  if (minute == a.minute + 1) {
    a.previous = a.current;
  } else {
    std::fill(a.previous.begin(), a.previous.end(), 0.0);
  }
  std::fill(a.current.begin(), a.current.end(), 0.0);
  a.minute = minute;
}

void WorkLedger::roll_checkpoint(std::size_t w, SimTime t) {
  Ingestion& ing = *ingestion_[w];
  const std::int64_t interval = scenario_.workloads[w].ingestion->checkpoint_interval.count();
  const std::int64_t index = (scenario_.schedule_origin + t.time_since_epoch()).count() / interval;
  if (index > ing.checkpoint) {
    ing.checkpoint = index;
    ing.at_checkpoint = ing.documents;
  }
}

void WorkLedger::on_success(std::size_t w, std::size_t region, SimTime t) {
  if (agents_[w]) {
    AgentThreads& a = *agents_[w];
    roll_minute(a, t);
    a.current[region] += 1;
    std::vector<Pending>& pending = pending_[w];
    for (auto it = pending.begin(); it != pending.end();) {
      if (it->down[region]) {
        ++it;
        continue;
      }
      settled_.emplace_back(it->incident, it->threads);
      it = pending.erase(it);
    }
  }
  if (ingestion_[w]) {
    roll_checkpoint(w, t);
    ingestion_[w]->documents += scenario_.workloads[w].ingestion->documents_per_request;
  }
}

std::vector<std::pair<std::size_t, std::uint64_t>> WorkLedger::take_settled() {
  std::vector<std::pair<std::size_t, std::uint64_t>> out;
  out.swap(settled_);
  return out;
}

std::vector<std::pair<std::size_t, std::uint64_t>> WorkLedger::unsettled() const {
  std::vector<std::pair<std::size_t, std::uint64_t>> out;
  for (const auto& pending : pending_) {
    for (const Pending& p : pending) out.emplace_back(p.incident, p.threads);
  }
  return out;
}

WorkLossResult WorkLedger::threads_lost(std::size_t w, SimTime now, const std::vector<bool>& region_down) {
  AgentThreads& a = *agents_[w];
  roll_minute(a, now);
  // Open threads sit where the last two minutes' turns were served.
  double total = 0;
  for (std::size_t r = 0; r < regions_.size(); ++r) total += a.current[r] + a.previous[r];
  WorkLossResult out;
  if (total <= 0) return out;
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    if (!region_down[r]) continue;
    const auto threads =
        static_cast<std::uint64_t>(std::llround(a.open_threads * (a.current[r] + a.previous[r]) / total));
    (a.is_kept[r] ? out.agent_threads_rehydrated : out.agent_threads_lost) += threads;
  }
  return out;
}

void WorkLedger::training_lost(const TrainingSpec& job, SimTime now, SimTime fault_end, WorkLossResult& out) {
  // The newest checkpoint the job can restart from: one streamed to the
  // secondary must have arrived before the fault; a local one survives in the
  // hub, which the job must wait for.
  const bool is_streamed = !job.stream_to.empty();
  const std::int64_t interval = job.checkpoint_interval.count();
  const std::int64_t origin = scenario_.schedule_origin.count();
  const std::int64_t usable_by =
      origin + (now - (is_streamed ? job.stream_delay : SimDuration{0})).time_since_epoch().count();
  const std::int64_t checkpoint_us = usable_by < 0 ? 0 : usable_by / interval * interval;
  const double lost_hours = static_cast<double>(origin + now.time_since_epoch().count() - checkpoint_us) / 3.6e9;
  const double gpu_hours = lost_hours * job.gpus;
  out.training_gpu_hours_lost += gpu_hours;
  out.training_cost_usd_lost += gpu_hours * job.gpu_hour_usd;
  training_cost_lost_usd_ += gpu_hours * job.gpu_hour_usd;
  const SimTime resumed = is_streamed                ? now + job.resume_after
                          : fault_end == kSimForever ? kSimForever
                                                     : fault_end + job.resume_after;
  if (resumed != kSimForever) out.training_resumed_s = to_seconds(resumed - now);
}

}  // namespace faultline::engine
