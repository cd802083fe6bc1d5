// TrafficModel, the global entry's vantage: where health probes leave from and,
// behind Traffic Manager, the clients' DNS resolvers whose cached answers decide
// where calls go (traffic_model.cpp holds setup, requests and probes).
//
// Traffic Manager answers DNS queries; it never sees a call. Each (workload,
// client geography) pair sends its calls through dns_resolvers resolvers, each
// chosen uniformly per request. Resolver k of K refreshes its answer at
// k x TTL / K and then every TTL, asking the router (probe-driven health, the
// entry's routing) at that instant; until the next refresh its calls go to the
// region it was told, healthy or not. So a client behind one resolver moves
// after detection + the rest of its TTL: 0 to TTL later (domain-facts:
// failover time = detection + TTL). A TTL of 0 asks on every call.

#include <limits>

#include "model/traffic_model.hpp"

namespace faultline::engine {

using topology::NodeKind;

void TrafficModel::set_probe_vantage() {
  // Probes leave from the entry's vantage: the client named by health_probe.source, else the
  // largest client group (the first of equals). A region the vantage cannot reach is probed
  // over the shortest round trip any client has to it.
  const topology::Topology& topo = *scenario_.topology;
  std::string source;
  double largest = -1;
  for (auto v : topo.nodes_of_kind(NodeKind::kClient)) {
    const double share = std::get<topology::ClientInfo>(topo.node(v).details).traffic_share;
    if (share > largest) {
      largest = share;
      source = topo.node(v).id;
    }
  }
  const auto entries = topo.nodes_of_kind(NodeKind::kGlobalEntry);
  if (!entries.empty()) {
    const auto& entry = std::get<topology::GlobalEntryInfo>(topo.node(entries.front()).details);
    if (entry.health_probe && !entry.health_probe->source.empty()) source = entry.health_probe->source;
  }
  probe_rtt_us_.assign(regions_.size(), -1);
  for (const Client& c : clients_) {
    if (c.id != source) continue;
    probe_rtt_us_ = c.rtt_us;
  }
  for (std::size_t g = 0; g < regions_.size(); ++g) {
    if (probe_rtt_us_[g] >= 0) continue;
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    for (const Client& c : clients_) {
      if (c.rtt_us[g] >= 0) best = std::min(best, c.rtt_us[g]);
    }
    probe_rtt_us_[g] = best == std::numeric_limits<std::int64_t>::max() ? 0 : best;
  }
}

void TrafficModel::build_dns() {
  const topology::Topology& topo = *scenario_.topology;
  const auto entries = topo.nodes_of_kind(NodeKind::kGlobalEntry);
  if (entries.empty()) return;
  const auto& entry = std::get<topology::GlobalEntryInfo>(topo.node(entries.front()).details);
  if (!entry.is_traffic_manager() || entry.dns_ttl <= SimDuration{0}) return;
  dns_ttl_ = entry.dns_ttl;
  dns_resolvers_ = static_cast<std::uint32_t>(entry.dns_resolvers);
  dns_answer_.assign(workloads_.size() * clients_.size() * dns_resolvers_, router::kNoEndpoint);
}

void TrafficModel::schedule_dns_refreshes() {
  // Every resolver holds an answer from the start; resolver k (k > 0) first refreshes at k x TTL / K.
  for (std::uint32_t i = 0; i < dns_answer_.size(); ++i) {
    on_dns_refresh(i, false);
    const std::uint32_t k = i % dns_resolvers_;
    const SimDuration first = k == 0 ? dns_ttl_ : dns_ttl_ * k / dns_resolvers_;
    sim_.schedule_at(kSimStart + first, [this, i] { on_dns_refresh(i, true); });
  }
}

void TrafficModel::on_dns_refresh(std::uint32_t resolver, bool is_periodic) {
  const std::uint32_t pair = resolver / dns_resolvers_;
  const auto workload = static_cast<std::uint32_t>(pair / clients_.size());
  const std::size_t client = pair % clients_.size();
  router::Request query{workloads_[workload].boundary_of_client[client], 0, 0};
  const std::size_t answer = router_.pick(query, now_micros()).endpoint;
  dns_answer_[resolver] = answer;
  after_router_call();
  // The switch: the first resolver told a region the incident does not touch.
  if (is_dns_switch_waiting_ && incident_ && answer != router::kNoEndpoint &&
      ((incident_affected_ >> answer) & 1U) == 0) {
    if (!switch_candidate_) switch_candidate_ = sim_.now();
    is_dns_switch_waiting_ = false;
  }
  if (is_periodic) sim_.schedule_after(dns_ttl_, [this, resolver] { on_dns_refresh(resolver, true); });
}

std::uint32_t TrafficModel::dns_resolver_of(std::uint32_t workload, std::uint32_t client) {
  const auto pair = static_cast<std::uint32_t>(workload * clients_.size() + client);
  return pair * dns_resolvers_ + static_cast<std::uint32_t>(dns_rng_.uniform_index(dns_resolvers_));
}

}  // namespace faultline::engine
