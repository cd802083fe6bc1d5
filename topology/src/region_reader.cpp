#include "region_reader.hpp"

#include <algorithm>

#include "faultline/base/key_suggestion.hpp"

namespace faultline::topology {
namespace {

using std::chrono::microseconds;

constexpr microseconds kMaxWarmUp = std::chrono::hours(24);
constexpr double kMaxTokensPerMinute = 1e9;
constexpr double kMaxPoolPriority = 10;  // priorities 1-10 in a region's backend pool
constexpr double kMaxPoolWeight = 100;   // APIM backend pool weights (1-100 here; equal weights: round robin)

}  // namespace

void RegionReader::check_region(const json& region, const std::string& path) {
  if (!reader_.expect_object(region, path, "a region object")) return;
  reader_.check_keys(region, path,
                     {"id", "description", "geography", "paired_region", "data_boundary", "zones", "private_endpoints",
                      "private_dns_zones", "model_deployments", "gateways", "agent_services", "data_stores"});
  const auto id = builder_.id_field(region, path);
  RegionInfo info;
  info.geography = reader_
                       .string(region, path, "geography",
                               {.is_required = true, .allowed = "a geography name, e.g. \"united_states\""})
                       .value_or("");
  info.paired_region =
      reader_.string(region, path, "paired_region", {.allowed = "the id of another region"}).value_or("");
  info.data_boundary =
      reader_.string(region, path, "data_boundary", {.allowed = "a boundary name, e.g. \"EU\" or \"US\""}).value_or("");
  info.private_endpoints = builder_.string_list(region, path, "private_endpoints");
  info.private_dns_zones = builder_.string_list(region, path, "private_dns_zones");
  const std::string region_id = id.value_or("?" + path);
  const VertexId v =
      builder_.add_node(Node{region_id,
                             NodeKind::kRegion,
                             region_id,
                             {},
                             path,
                             reader_.string(region, path, "description", {.is_required = false}).value_or(""),
                             info});
  if (!info.paired_region.empty()) {
    builder_.check_reference(v, info.paired_region, base::JsonReader::at(path, "paired_region"), {NodeKind::kRegion});
  }
  std::vector<std::string> zone_ids;
  if (const json* zones = reader_.array(region, path, "zones", {.is_required = false})) {
    for (std::size_t i = 0; i < zones->size(); ++i) {
      const std::string zone_path = base::JsonReader::at(base::JsonReader::at(path, "zones"), i);
      const json& zone = (*zones)[i];
      if (!reader_.expect_object(zone, zone_path, "a zone object with \"id\"")) continue;
      reader_.check_keys(zone, zone_path, {"id", "description"});
      const auto zone_id = builder_.id_field(zone, zone_path);
      if (!zone_id) continue;
      zone_ids.push_back(*zone_id);
      const VertexId z =
          builder_.add_node(Node{*zone_id,
                                 NodeKind::kZone,
                                 region_id,
                                 {},
                                 zone_path,
                                 reader_.string(zone, zone_path, "description", {.is_required = false}).value_or(""),
                                 ZoneInfo{}});
      builder_.add_edge(z, v,
                        Edge{EdgeKind::kContainment, false, 0, 0, 0, ReplicationMode::kAsync, {}, 0, zone_path, 0, 0});
    }
  }
  const auto components = [&](std::string_view key, auto check) {
    if (const json* list = reader_.array(region, path, key, {.is_required = false})) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string item_path = base::JsonReader::at(base::JsonReader::at(path, key), i);
        if (reader_.expect_object((*list)[i], item_path, "an object"))
          (this->*check)((*list)[i], item_path, v, zone_ids);
      }
    }
  };
  components("model_deployments", &RegionReader::check_model_deployment);
  components("gateways", &RegionReader::check_gateway);
  components("agent_services", &RegionReader::check_agent_service);
  components("data_stores", &RegionReader::check_data_store);
}

// Common part of every regional component: id, zones, depends_on, containment edges.
std::optional<VertexId> RegionReader::add_component(const json& item, const std::string& path, VertexId region,
                                                    const std::vector<std::string>& zone_ids, NodeKind kind,
                                                    NodeDetails details) {
  const auto id = builder_.id_field(item, path);
  std::vector<std::string> zones = builder_.string_list(item, path, "zones");
  for (std::size_t i = 0; i < zones.size(); ++i) {
    if (std::find(zone_ids.begin(), zone_ids.end(), zones[i]) == zone_ids.end()) {
      std::string problem = "unknown zone " + in_quotes(zones[i]) + " in region " + in_quotes(builder_.node(region).id);
      // A region has a handful of zones; with thousands, neither a suggestion nor the whole list helps.
      constexpr std::size_t kListed = 10;
      if (zone_ids.size() <= kListed) {
        if (const auto nearest = base::nearest_word(zones[i], zone_ids))
          problem += "; did you mean " + in_quotes(*nearest) + "?";
      }
      const std::vector<std::string> listed(zone_ids.begin(), zone_ids.begin() + std::min(kListed, zone_ids.size()));
      const std::string more =
          zone_ids.size() > kListed ? " and " + std::to_string(zone_ids.size() - kListed) + " more" : "";
      reader_.error(base::JsonReader::at(base::JsonReader::at(path, "zones"), i), problem,
                    zone_ids.empty() ? "none: the region declares no zones"
                                     : "zones of this region: " + base::JsonReader::join(listed) + more);
    }
  }
  const std::vector<std::string> depends_on = builder_.string_list(item, path, "depends_on");
  if (!id) return std::nullopt;
  const VertexId v = builder_.add_node(
      Node{*id, kind, builder_.node(region).id, zones, path,
           reader_.string(item, path, "description", {.is_required = false}).value_or(""), std::move(details)});
  builder_.add_edge(v, region,
                    Edge{EdgeKind::kContainment, false, 0, 0, 0, ReplicationMode::kAsync, {}, 0, path, 0, 0});
  for (const std::string& zone : zones) {
    const auto z = builder_.find(zone);
    if (z && builder_.node(*z).region == builder_.node(region).id) {
      builder_.add_edge(v, *z, Edge{EdgeKind::kContainment, true, 0, 0, 0, ReplicationMode::kAsync, {}, 0, path, 0, 0});
    }
  }
  for (std::size_t i = 0; i < depends_on.size(); ++i) {
    builder_.refer(v, depends_on[i], base::JsonReader::at(base::JsonReader::at(path, "depends_on"), i),
                   {NodeKind::kModelDeployment, NodeKind::kGateway, NodeKind::kAgentService, NodeKind::kDatabase,
                    NodeKind::kSearchIndex, NodeKind::kObjectStorage, NodeKind::kKeyVault, NodeKind::kContainerRegistry,
                    NodeKind::kHsm, NodeKind::kGlobalEntry});
  }
  return v;
}

void RegionReader::check_model_deployment(const json& item, const std::string& path, VertexId region,
                                          const std::vector<std::string>& zone_ids) {
  reader_.check_keys(item, path,
                     {"id", "description", "model", "version", "deployment_name", "deployment_type", "capacity",
                      "quota_tokens_per_minute", "zones", "zone_redundant_sla", "warm_up", "price", "tokens_per_month",
                      "health_check", "pool_priority", "pool_weight", "depends_on"});
  ModelDeploymentInfo info;
  info.model =
      reader_.string(item, path, "model", {.is_required = true, .allowed = "a model name, e.g. \"gpt-4.1-mini\""})
          .value_or("");
  info.version = reader_
                     .string(item, path, "version",
                             {.is_required = true, .allowed = "a pinned model version, e.g. \"2025-04-14\""})
                     .value_or("");
  info.deployment_name = reader_.string(item, path, "deployment_name", {.is_required = true}).value_or("");
  const std::vector<std::string> types = {"global_standard", "data_zone_standard", "standard", "provisioned",
                                          "batch",           "developer"};
  if (const auto type = reader_.one_of(item, path, "deployment_type", {.is_required = true}, types)) {
    info.deployment_type = static_cast<DeploymentType>(std::find(types.begin(), types.end(), *type) - types.begin());
  }
  if (const json* capacity = reader_.object(item, path, "capacity", {.is_required = true})) {
    const std::string capacity_path = base::JsonReader::at(path, "capacity");
    reader_.check_keys(*capacity, capacity_path, {"tokens_per_minute", "concurrency"});
    info.capacity_tokens_per_minute = reader_
                                          .number(*capacity, capacity_path, "tokens_per_minute",
                                                  {.is_required = true, .min = 0, .max = kMaxTokensPerMinute})
                                          .value_or(0);
    info.concurrency =
        reader_.number(*capacity, capacity_path, "concurrency", {.min = 0, .max = 1e6, .is_integer = true}).value_or(0);
  }
  info.quota_tokens_per_minute =
      reader_.number(item, path, "quota_tokens_per_minute", {.is_required = true, .min = 0, .max = kMaxTokensPerMinute})
          .value_or(0);
  info.has_zone_redundant_sla =
      reader_.boolean(item, path, "zone_redundant_sla", {.is_required = false}).value_or(false);
  info.warm_up =
      reader_.duration(item, path, "warm_up", {.max = kMaxWarmUp, .max_text = "24h"}).value_or(microseconds{0});
  if (const json* price = reader_.object(item, path, "price", {.is_required = false})) {
    const std::string price_path = base::JsonReader::at(path, "price");
    reader_.check_keys(*price, price_path, {"per_hour_usd", "per_1k_tokens_usd"});
    info.price_per_hour_usd = reader_.number(*price, price_path, "per_hour_usd", {.min = 0, .max = 1e6}).value_or(0);
    info.price_per_1k_tokens_usd =
        reader_.number(*price, price_path, "per_1k_tokens_usd", {.min = 0, .max = 1000}).value_or(0);
  }
  info.tokens_per_month = reader_.number(item, path, "tokens_per_month", {.min = 0, .max = 1e15}).value_or(0);
  info.pool_priority = static_cast<int>(
      reader_.number(item, path, "pool_priority", {.min = 1, .max = kMaxPoolPriority, .is_integer = true}).value_or(1));
  info.pool_weight = static_cast<int>(
      reader_.number(item, path, "pool_weight", {.min = 1, .max = kMaxPoolWeight, .is_integer = true}).value_or(1));
  if (const json* check = reader_.object(item, path, "health_check", {.is_required = false})) {
    const std::string check_path = base::JsonReader::at(path, "health_check");
    reader_.check_keys(*check, check_path, {"interval", "tokens_per_call"});
    HealthCheck hc;
    hc.interval = reader_
                      .duration(*check, check_path, "interval",
                                {.is_required = true, .max = std::chrono::hours(24), .max_text = "24h"})
                      .value_or(microseconds{0});
    if (hc.interval == microseconds{0} && check->contains("interval")) {
      reader_.error(base::JsonReader::at(check_path, "interval"), "interval 0 would probe without pause",
                    "at least 1s");
    }
    hc.tokens_per_call =
        reader_.number(*check, check_path, "tokens_per_call", {.is_required = true, .min = 0, .max = 1e6}).value_or(0);
    info.health_check = hc;
  }
  add_component(item, path, region, zone_ids, NodeKind::kModelDeployment, info);
}

void RegionReader::check_gateway(const json& item, const std::string& path, VertexId region,
                                 const std::vector<std::string>& zone_ids) {
  reader_.check_keys(item, path,
                     {"id", "description", "product", "units", "price_per_unit_hour_usd", "health_endpoint", "zones",
                      "zone_redundant_sla", "backends", "instances", "backend_circuit_breaker", "depends_on"});
  GatewayInfo info;
  info.instances =
      static_cast<int>(reader_.number(item, path, "instances", {.min = 1, .max = 100, .is_integer = true}).value_or(1));
  info.backend_breaker = check_backend_breaker(item, path);
  info.product = reader_.one_of(item, path, "product", {.is_required = false}, {"apim"}).value_or("apim");
  info.units = reader_.number(item, path, "units", {.min = 1, .max = 100, .is_integer = true}).value_or(1);
  info.price_per_unit_hour_usd =
      reader_.number(item, path, "price_per_unit_hour_usd", {.min = 0, .max = 1e4}).value_or(0);
  info.health_endpoint =
      reader_.string(item, path, "health_endpoint", {.allowed = "a path starting with '/'"}).value_or("");
  if (!info.health_endpoint.empty() && info.health_endpoint.front() != '/') {
    reader_.error(base::JsonReader::at(path, "health_endpoint"),
                  "health endpoint " + in_quotes(info.health_endpoint) + " does not start with '/'",
                  "a path starting with '/'");
  }
  info.has_zone_redundant_sla =
      reader_.boolean(item, path, "zone_redundant_sla", {.is_required = false}).value_or(false);
  const std::vector<std::string> backends = builder_.string_list(item, path, "backends");
  const auto v = add_component(item, path, region, zone_ids, NodeKind::kGateway, info);
  if (!v) return;
  for (std::size_t i = 0; i < backends.size(); ++i) {
    builder_.refer(*v, backends[i], base::JsonReader::at(base::JsonReader::at(path, "backends"), i),
                   {NodeKind::kModelDeployment, NodeKind::kAgentService}, EdgeKind::kDependency,
                   GraphBuilder::Redundancy::kAlternative);
  }
}

std::optional<GatewayBreakerRule> RegionReader::check_backend_breaker(const json& item, const std::string& path) {
  const json* rule = reader_.object(item, path, "backend_circuit_breaker", {.is_required = false});
  if (rule == nullptr) return std::nullopt;
  const std::string at = base::JsonReader::at(path, "backend_circuit_breaker");
  reader_.check_keys(*rule, at,
                     {"failure_count", "failure_percentage", "interval", "status_code_ranges", "counts_no_answer",
                      "trip_duration", "accept_retry_after"});
  GatewayBreakerRule r;
  r.failure_count = static_cast<std::int64_t>(
      reader_.number(*rule, at, "failure_count", {.min = 1, .max = 1e6, .is_integer = true}).value_or(0));
  r.failure_percentage = reader_.number(*rule, at, "failure_percentage", {.min = 1, .max = 100}).value_or(0);
  if (r.failure_count == 0 && r.failure_percentage == 0) {
    reader_.error(at, "neither failure_count nor failure_percentage is set",
                  "at least one of them (APIM failureCondition)");
  }
  r.interval =
      reader_.duration(*rule, at, "interval", {.max = std::chrono::hours(24), .max_text = "24h"}).value_or(r.interval);
  if (r.interval < std::chrono::seconds(1)) {
    reader_.error(base::JsonReader::at(at, "interval"), "an interval under 1 s", "a whole number of seconds >= 1 s");
  }
  r.trip_duration = reader_.duration(*rule, at, "trip_duration", {.max = std::chrono::hours(168), .max_text = "7 days"})
                        .value_or(r.trip_duration);
  r.counts_no_answer = reader_.boolean(*rule, at, "counts_no_answer", {.is_required = false}).value_or(true);
  r.accept_retry_after = reader_.boolean(*rule, at, "accept_retry_after", {.is_required = false}).value_or(false);
  if (const json* ranges =
          reader_.array(*rule, at, "status_code_ranges", {.allowed = "an array of {\"min\", \"max\"}"})) {
    r.status_ranges.clear();
    for (std::size_t i = 0; i < ranges->size(); ++i) {
      const std::string range_at = base::JsonReader::at(base::JsonReader::at(at, "status_code_ranges"), i);
      if (!reader_.expect_object((*ranges)[i], range_at, "an object {\"min\", \"max\"}")) continue;
      reader_.check_keys((*ranges)[i], range_at, {"min", "max"});
      const auto lo = reader_.number((*ranges)[i], range_at, "min",
                                     {.is_required = true, .min = 100, .max = 599, .is_integer = true});
      const auto hi = reader_.number((*ranges)[i], range_at, "max",
                                     {.is_required = true, .min = 100, .max = 599, .is_integer = true});
      if (!lo || !hi) continue;
      if (*lo > *hi) reader_.error(range_at, "min above max", "min <= max, status codes 100..599");
      r.status_ranges.emplace_back(static_cast<int>(*lo), static_cast<int>(*hi));
    }
  }
  return r;
}

void RegionReader::check_agent_service(const json& item, const std::string& path, VertexId region,
                                       const std::vector<std::string>& zone_ids) {
  reader_.check_keys(item, path,
                     {"id", "description", "threads_persisted", "thread_store", "definitions_in_source_control",
                      "price_per_month_usd", "zones", "depends_on"});
  AgentServiceInfo info;
  info.is_threads_persisted = reader_.boolean(item, path, "threads_persisted", {.is_required = true}).value_or(false);
  info.thread_store =
      reader_.string(item, path, "thread_store", {.allowed = "the id of a database or object_storage"}).value_or("");
  info.has_definitions_in_source_control =
      reader_.boolean(item, path, "definitions_in_source_control", {.is_required = false}).value_or(false);
  info.price_per_month_usd = reader_.number(item, path, "price_per_month_usd", {.min = 0, .max = 1e7}).value_or(0);
  if (info.is_threads_persisted && info.thread_store.empty() && item.contains("threads_persisted")) {
    reader_.error(base::JsonReader::at(path, "thread_store"), "threads_persisted is true but no thread_store is named",
                  "the id of a database or object_storage holding the threads");
  }
  const auto v = add_component(item, path, region, zone_ids, NodeKind::kAgentService, info);
  if (v && !info.thread_store.empty()) {
    builder_.refer(*v, info.thread_store, base::JsonReader::at(path, "thread_store"),
                   {NodeKind::kDatabase, NodeKind::kObjectStorage});
  }
}

void RegionReader::check_data_store(const json& item, const std::string& path, VertexId region,
                                    const std::vector<std::string>& zone_ids) {
  const std::vector<std::string> kinds = {"database",  "search_index",       "object_storage",
                                          "key_vault", "container_registry", "hsm"};
  const auto kind_name = reader_.one_of(item, path, "kind", {.is_required = true}, kinds);
  std::vector<std::string> keys = {"id",    "description",        "kind",      "service", "price_per_month_usd",
                                   "zones", "zone_redundant_sla", "depends_on"};
  if (!kind_name || *kind_name == "key_vault") keys.push_back("secrets");
  if (!kind_name || *kind_name == "hsm") keys.push_back("keys");
  if (!kind_name || *kind_name == "database") {
    keys.insert(keys.end(),
                {"consistency", "multi_region_writes", "automatic_failover", "max_staleness_writes", "max_staleness"});
  }
  reader_.check_keys(item, path, keys);
  DataStoreInfo info;
  info.service = reader_.string(item, path, "service", {.allowed = "a service name, e.g. \"cosmos_db\""}).value_or("");
  info.price_per_month_usd = reader_.number(item, path, "price_per_month_usd", {.min = 0, .max = 1e7}).value_or(0);
  info.has_zone_redundant_sla =
      reader_.boolean(item, path, "zone_redundant_sla", {.is_required = false}).value_or(false);
  info.secrets = builder_.string_list(item, path, kind_name && *kind_name == "hsm" ? "keys" : "secrets");
  info.consistency = reader_
                         .one_of(item, path, "consistency", {.is_required = false},
                                 {"strong", "bounded_staleness", "session", "consistent_prefix", "eventual"})
                         .value_or("");
  check_staleness(item, path, info);
  info.has_multi_region_writes =
      reader_.boolean(item, path, "multi_region_writes", {.is_required = false}).value_or(false);
  info.has_automatic_failover =
      reader_.boolean(item, path, "automatic_failover", {.is_required = false}).value_or(false);
  const NodeKind kind = kind_name
                            ? static_cast<NodeKind>(static_cast<int>(NodeKind::kDatabase) +
                                                    (std::find(kinds.begin(), kinds.end(), *kind_name) - kinds.begin()))
                            : NodeKind::kDatabase;
  add_component(item, path, region, zone_ids, kind, info);
}

void RegionReader::check_staleness(const json& item, const std::string& path, DataStoreInfo& info) {
  if (info.consistency != "bounded_staleness") {
    for (const char* key : {"max_staleness_writes", "max_staleness"}) {
      if (item.contains(key)) {
        reader_.error(base::JsonReader::at(path, key), "only bounded staleness has a staleness bound",
                      "this key with \"consistency\": \"bounded_staleness\"");
      }
    }
    return;
  }
  // Cosmos DB: K writes 10 - 2,147,483,647 and T 5 s - 1 day (multi-region: at least 100,000 and 300 s).
  info.max_staleness_writes =
      reader_.number(item, path, "max_staleness_writes", {.min = 10, .max = 2147483647, .is_integer = true})
          .value_or(100000);
  info.max_staleness = reader_.duration(item, path, "max_staleness", {.max = std::chrono::hours(24), .max_text = "24h"})
                           .value_or(std::chrono::seconds(300));
  if (info.max_staleness < std::chrono::seconds(5)) {
    reader_.error(base::JsonReader::at(path, "max_staleness"), "a staleness bound under 5 s", "5 s to 24 h");
  }
}

}  // namespace faultline::topology
