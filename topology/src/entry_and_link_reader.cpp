#include "entry_and_link_reader.hpp"

#include <algorithm>
#include <cmath>

#include "faultline/base/duration_parser.hpp"
#include "faultline/base/json_guard.hpp"

namespace faultline::topology {
namespace {

using std::chrono::microseconds;

constexpr microseconds kMaxLatency = std::chrono::minutes(10);
constexpr microseconds kMaxLag = std::chrono::hours(24 * 7);
constexpr double kShareTolerance = 1e-6;

}  // namespace

void EntryAndLinkReader::check_global_entry(const json& item, const std::string& path) {
  reader_.check_keys(item, path,
                     {"id", "description", "product", "routing", "health_probe", "origins", "price_per_month_usd",
                      "dns_ttl", "dns_resolvers"});
  GlobalEntryInfo info;
  info.product = reader_.one_of(item, path, "product", {.is_required = false}, {"front_door", "traffic_manager"})
                     .value_or("front_door");
  info.routing = reader_.one_of(item, path, "routing", {.is_required = false}, {"priority", "weighted", "latency"})
                     .value_or("priority");
  info.price_per_month_usd = reader_.number(item, path, "price_per_month_usd", {.min = 0, .max = 1e7}).value_or(0);
  if (info.is_traffic_manager()) {
    // Traffic Manager: any TTL of 0-2147483647 s is accepted; faultline caps it at a day.
    info.dns_ttl = reader_.duration(item, path, "dns_ttl", {.max = std::chrono::hours(24), .max_text = "24h"})
                       .value_or(std::chrono::seconds(60));
    info.dns_resolvers = static_cast<int>(
        reader_.number(item, path, "dns_resolvers", {.min = 1, .max = 1000, .is_integer = true}).value_or(10));
  } else {
    for (const char* key : {"dns_ttl", "dns_resolvers"}) {
      if (item.contains(key)) {
        reader_.error(base::JsonReader::at(path, key), "a Front Door entry answers every request, it has no DNS cache",
                      "\"dns_ttl\" and \"dns_resolvers\" only with \"product\": \"traffic_manager\"");
      }
    }
  }
  if (const json* probe = reader_.object(item, path, "health_probe", {.is_required = false})) {
    info.health_probe =
        check_health_probe(*probe, base::JsonReader::at(path, "health_probe"), info.is_traffic_manager());
  }
  std::vector<std::pair<std::string, std::string>> origins;  // gateway id, path
  if (const json* list = reader_.array(item, path, "origins", {.is_required = true})) {
    if (list->empty()) reader_.error(base::JsonReader::at(path, "origins"), "no origins", "at least one origin");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string origin_path = base::JsonReader::at(base::JsonReader::at(path, "origins"), i);
      const json& origin = (*list)[i];
      if (!reader_.expect_object(origin, origin_path, "an origin object with \"gateway\"")) continue;
      reader_.check_keys(origin, origin_path, {"gateway", "priority", "weight"});
      Origin o;
      o.gateway =
          reader_.string(origin, origin_path, "gateway", {.is_required = true, .allowed = "the id of a gateway"})
              .value_or("");
      // Front Door: priority 1-5, weight 1-1000 (default 50), domain-facts.
      o.priority = static_cast<int>(
          reader_.number(origin, origin_path, "priority", {.min = 1, .max = 5, .is_integer = true}).value_or(1));
      o.weight = static_cast<int>(
          reader_.number(origin, origin_path, "weight", {.min = 1, .max = 1000, .is_integer = true}).value_or(50));
      if (!o.gateway.empty()) origins.emplace_back(o.gateway, base::JsonReader::at(origin_path, "gateway"));
      info.origins.push_back(o);
    }
  }
  const auto id = builder_.id_field(item, path);
  if (!id) return;
  const VertexId v =
      builder_.add_node(Node{*id,
                             NodeKind::kGlobalEntry,
                             "",
                             {},
                             path,
                             reader_.string(item, path, "description", {.is_required = false}).value_or(""),
                             info});
  for (const auto& [gateway, origin_path] : origins) {
    builder_.refer(v, gateway, origin_path, {NodeKind::kGateway}, EdgeKind::kDependency,
                   GraphBuilder::Redundancy::kAlternative);
  }
  if (info.health_probe && !info.health_probe->source.empty()) {
    builder_.check_reference(v, info.health_probe->source,
                             base::JsonReader::at(base::JsonReader::at(path, "health_probe"), "source"),
                             {NodeKind::kClient});
  }
}

HealthProbe EntryAndLinkReader::check_health_probe(const json& probe, const std::string& path,
                                                   bool is_traffic_manager) {
  const std::vector<std::string> product_keys =
      is_traffic_manager ? std::vector<std::string>{"tolerated_failures", "timeout"}
                         : std::vector<std::string>{"sample_size", "successful_samples_required"};
  std::vector<std::string> keys{"path", "protocol", "interval", "source"};
  keys.insert(keys.end(), product_keys.begin(), product_keys.end());
  for (const char* key : {"sample_size", "successful_samples_required", "tolerated_failures", "timeout"}) {
    if (probe.contains(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      reader_.error(base::JsonReader::at(path, key),
                    std::string(is_traffic_manager ? "Traffic Manager" : "Front Door") + " has no " + in_quotes(key),
                    "for this product: " + base::JsonReader::join(product_keys));
    }
  }
  std::vector<std::string> known = keys;
  known.insert(known.end(), {"sample_size", "successful_samples_required", "tolerated_failures", "timeout"});
  reader_.check_keys(probe, path, known);
  HealthProbe hp;
  hp.path =
      reader_.string(probe, path, "path", {.is_required = true, .allowed = "a path starting with '/'"}).value_or("");
  if (!hp.path.empty() && hp.path.front() != '/') {
    reader_.error(base::JsonReader::at(path, "path"), "probe path " + in_quotes(hp.path) + " does not start with '/'",
                  "a path starting with '/'");
  }
  hp.protocol = reader_.one_of(probe, path, "protocol", {.is_required = false}, {"http", "https"}).value_or("https");
  hp.source = reader_.string(probe, path, "source", {.allowed = "the id of a client"}).value_or("");
  if (is_traffic_manager) {
    check_traffic_manager_probe(probe, path, hp);
    return hp;
  }
  // Front Door accepts probe intervals of 1-255 s (domain-facts lists 30, 120 and 240 s defaults).
  hp.interval = reader_.duration(probe, path, "interval", {.max = std::chrono::seconds(255), .max_text = "255s"})
                    .value_or(std::chrono::seconds(30));
  hp.sample_size = static_cast<int>(
      reader_.number(probe, path, "sample_size", {.min = 1, .max = 255, .is_integer = true}).value_or(4));
  hp.successful_samples_required = static_cast<int>(
      reader_.number(probe, path, "successful_samples_required", {.min = 1, .max = 255, .is_integer = true})
          .value_or(3));
  if (hp.successful_samples_required > hp.sample_size) {
    reader_.error(base::JsonReader::at(path, "successful_samples_required"),
                  std::to_string(hp.successful_samples_required) + " is more than the sample size " +
                      std::to_string(hp.sample_size),
                  "1 to sample_size");
  }
  return hp;
}

void EntryAndLinkReader::check_traffic_manager_probe(const json& probe, const std::string& path, HealthProbe& hp) {
  // Traffic Manager (domain-facts): probing interval 30 s or 10 s (fast); tolerated
  // failures 0-9, default 3; probe timeout 5-10 s (5-9 s with the 10 s interval).
  hp.interval = reader_.duration(probe, path, "interval", {.max = std::chrono::seconds(30), .max_text = "30s"})
                    .value_or(std::chrono::seconds(30));
  if (hp.interval != std::chrono::seconds(10) && hp.interval != std::chrono::seconds(30)) {
    reader_.error(base::JsonReader::at(path, "interval"), "Traffic Manager probes every 10 s or 30 s",
                  "30 (the default) or 10 (fast probing)");
  }
  hp.tolerated_failures = static_cast<int>(
      reader_.number(probe, path, "tolerated_failures", {.min = 0, .max = 9, .is_integer = true}).value_or(3));
  const auto longest = hp.interval == std::chrono::seconds(10) ? std::chrono::seconds(9) : std::chrono::seconds(10);
  hp.timeout =
      reader_.duration(probe, path, "timeout", {.max = longest, .max_text = longest.count() == 9 ? "9s" : "10s"})
          .value_or(longest);
  if (hp.timeout < std::chrono::seconds(5)) {
    reader_.error(base::JsonReader::at(path, "timeout"), "a probe timeout under 5 s",
                  longest.count() == 9 ? "5-9 s with the 10 s interval" : "5-10 s");
  }
  // Unhealthy after tolerated + 1 consecutive failures, healthy again after one success:
  // the window "1 of the last tolerated + 1" has exactly these semantics.
  hp.sample_size = hp.tolerated_failures + 1;
  hp.successful_samples_required = 1;
}

std::optional<VertexId> EntryAndLinkReader::lookup(const json& item, const std::string& path, std::string_view key,
                                                   const std::vector<NodeKind>& kinds) {
  const auto id = reader_.string(item, path, key, {.is_required = true, .allowed = "the id of a " + kinds_text(kinds)});
  if (!id) return std::nullopt;
  const auto v = builder_.find(*id);
  if (!v) {
    builder_.unknown_id(base::JsonReader::at(path, key), *id, kinds);
    return std::nullopt;
  }
  if (std::find(kinds.begin(), kinds.end(), builder_.node(*v).kind) == kinds.end()) {
    reader_.error(base::JsonReader::at(path, key),
                  in_quotes(*id) + " is a " + std::string(to_string(builder_.node(*v).kind)),
                  "the id of a " + kinds_text(kinds));
    return std::nullopt;
  }
  return v;
}

void EntryAndLinkReader::check_network_link(const json& item, const std::string& path) {
  if (!reader_.expect_object(item, path, "a network link object")) return;
  reader_.check_keys(item, path, {"from", "to", "latency", "bandwidth_gbps", "egress_usd_per_gb", "description"});
  const auto from = lookup(item, path, "from", {NodeKind::kRegion});
  const auto to = lookup(item, path, "to", {NodeKind::kRegion});
  const auto latency =
      reader_.duration(item, path, "latency", {.is_required = true, .max = kMaxLatency, .max_text = "10m"});
  const double bandwidth = reader_.number(item, path, "bandwidth_gbps", {.min = 0, .max = 1e5}).value_or(0);
  const double egress = reader_.number(item, path, "egress_usd_per_gb", {.min = 0, .max = 100}).value_or(0);
  if (!from || !to || !latency) return;
  if (*from == *to) {
    reader_.error(base::JsonReader::at(path, "to"), "a link from " + in_quotes(builder_.node(*from).id) + " to itself",
                  "two different regions");
    return;
  }
  const auto key = std::minmax(builder_.node(*from).id, builder_.node(*to).id);
  const auto [it, is_new] = network_links_.emplace(std::pair(key.first, key.second), path);
  if (!is_new) {
    reader_.error(
        path,
        "second link between " + in_quotes(key.first) + " and " + in_quotes(key.second) + ", first at " + it->second,
        "one link per pair of regions (links are bidirectional)");
    return;
  }
  const Edge edge{
      EdgeKind::kNetwork, false, latency->count(), bandwidth, egress, ReplicationMode::kAsync, {}, 0, path, 0, 0};
  builder_.add_edge(*from, *to, edge);
  builder_.add_edge(*to, *from, edge);
}

void EntryAndLinkReader::check_replication_link(const json& item, const std::string& path) {
  if (!reader_.expect_object(item, path, "a replication link object")) return;
  reader_.check_keys(item, path,
                     {"from", "to", "mode", "lag", "gb_per_month", "egress_usd_per_gb", "sync_usd_per_month",
                      "usd_per_copy", "description"});
  const std::vector<NodeKind> stores = {NodeKind::kDatabase, NodeKind::kSearchIndex,       NodeKind::kObjectStorage,
                                        NodeKind::kKeyVault, NodeKind::kContainerRegistry, NodeKind::kHsm};
  const auto from = lookup(item, path, "from", stores);
  const auto to = lookup(item, path, "to", stores);
  const std::vector<std::string> modes = {"sync", "async", "backup_restore", "scheduled_rebuild"};
  const auto mode = reader_.one_of(item, path, "mode", {.is_required = true}, modes);
  const auto lag =
      reader_.duration(item, path, "lag", {.max = kMaxLag, .max_text = "7 days (168h)"}).value_or(microseconds{0});
  const double gb = reader_.number(item, path, "gb_per_month", {.min = 0, .max = 1e9}).value_or(0);
  const double egress = reader_.number(item, path, "egress_usd_per_gb", {.min = 0, .max = 100}).value_or(-1);
  const double sync_price = reader_.number(item, path, "sync_usd_per_month", {.min = 0, .max = 1e9}).value_or(0);
  const double copy_price = reader_.number(item, path, "usd_per_copy", {.min = 0, .max = 1e9}).value_or(0);
  if (!from || !to || !mode) return;
  if (*from == *to) {
    reader_.error(base::JsonReader::at(path, "to"), "replicates " + in_quotes(builder_.node(*from).id) + " to itself",
                  "two different data stores");
    return;
  }
  if (builder_.node(*from).kind != builder_.node(*to).kind) {
    reader_.error(base::JsonReader::at(path, "to"),
                  "replicates a " + std::string(to_string(builder_.node(*from).kind)) + " to a " +
                      std::string(to_string(builder_.node(*to).kind)),
                  "two data stores of the same kind");
    return;
  }
  const auto replication_mode =
      static_cast<ReplicationMode>(std::find(modes.begin(), modes.end(), *mode) - modes.begin());
  builder_.add_edge(
      *from, *to,
      Edge{EdgeKind::kReplication, false, 0, 0, egress, replication_mode, lag, gb, path, sync_price, copy_price});
}

void EntryAndLinkReader::check_clients(const json& clients) {
  double share_sum = 0;
  for (std::size_t i = 0; i < clients.size(); ++i) {
    const std::string path = base::JsonReader::at("clients", i);
    const json& item = clients[i];
    if (!reader_.expect_object(item, path, "a client object")) continue;
    reader_.check_keys(item, path,
                       {"id", "description", "geography", "data_boundary", "traffic_share", "entry", "latency"});
    const auto id = builder_.id_field(item, path);
    ClientInfo info;
    info.geography =
        reader_.string(item, path, "geography", {.is_required = true, .allowed = "a geography name"}).value_or("");
    info.data_boundary =
        reader_.string(item, path, "data_boundary", {.allowed = "a boundary name, e.g. \"EU\""}).value_or("");
    const auto share = reader_.number(item, path, "traffic_share", {.is_required = true, .min = 0, .max = 1});
    info.traffic_share = share.value_or(0);
    share_sum += info.traffic_share;
    info.entry =
        reader_.string(item, path, "entry", {.is_required = true, .allowed = "the id of the global entry or a gateway"})
            .value_or("");
    std::vector<std::pair<VertexId, microseconds>> latencies;
    if (const json* latency = reader_.object(item, path, "latency", {.is_required = false})) {
      for (const auto& entry : latency->items()) {
        const std::string latency_path = base::JsonReader::at(base::JsonReader::at(path, "latency"), entry.key());
        const auto region = builder_.find(entry.key());
        if (!region || builder_.node(*region).kind != NodeKind::kRegion) {
          builder_.unknown_id(latency_path, entry.key(), {NodeKind::kRegion});
          continue;
        }
        const base::DurationParseResult parsed = base::parse_json_duration(entry.value());
        const std::string allowed = std::string(base::kDurationAllowed) + ", at most 10m";
        if (!parsed.value) {
          reader_.error(latency_path, parsed.error, allowed);
        } else if (*parsed.value > kMaxLatency) {
          reader_.error(latency_path, base::JsonGuard::excerpt(entry.value()) + " is absurdly long", allowed);
        } else {
          latencies.emplace_back(*region, *parsed.value);
        }
      }
    }
    if (!id) continue;
    const VertexId v =
        builder_.add_node(Node{*id,
                               NodeKind::kClient,
                               "",
                               {},
                               path,
                               reader_.string(item, path, "description", {.is_required = false}).value_or(""),
                               info});
    for (const auto& [region, latency] : latencies) {
      builder_.add_edge(v, region,
                        Edge{EdgeKind::kNetwork,
                             false,
                             latency.count(),
                             0,
                             0,
                             ReplicationMode::kAsync,
                             {},
                             0,
                             base::JsonReader::at(base::JsonReader::at(path, "latency"), builder_.node(region).id),
                             0,
                             0});
    }
    if (!info.entry.empty())
      builder_.refer(v, info.entry, base::JsonReader::at(path, "entry"), {NodeKind::kGlobalEntry, NodeKind::kGateway});
  }
  if (!clients.empty() && std::abs(share_sum - 1.0) > kShareTolerance) {
    reader_.error("clients", "traffic shares sum to " + base::JsonReader::plain_number(share_sum),
                  "shares that sum to 1");
  }
}

}  // namespace faultline::topology
