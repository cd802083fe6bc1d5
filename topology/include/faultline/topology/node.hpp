#pragma once
// A node of the topology graph: one thing that exists (a region, a zone, a
// model deployment, a gateway, a data store, a client geography, ...), where
// it lives and what it costs.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace faultline::topology {

/// What a node is. Data stores are the six kinds from kDatabase to kHsm.
enum class NodeKind {
  kRegion,
  kZone,
  kModelDeployment,
  kGateway,
  kGlobalEntry,
  kAgentService,
  kDatabase,
  kSearchIndex,
  kObjectStorage,
  kKeyVault,
  kContainerRegistry,
  kHsm,
  kClient,
};

/// File and message spelling of a kind ("model_deployment", "key_vault", ...).
std::string_view to_string(NodeKind kind);
/// True for database, search_index, object_storage, key_vault, container_registry and hsm.
bool is_data_store(NodeKind kind);
/// True for what runs inside a region (deployments, gateways, agent services, data stores).
bool is_regional_component(NodeKind kind);

/// Foundry deployment types (domain-facts: where inference is processed, SLA).
enum class DeploymentType { kGlobalStandard, kDataZoneStandard, kStandard, kProvisioned, kBatch, kDeveloper };

/// File spelling of a deployment type ("global_standard", ...).
std::string_view to_string(DeploymentType type);

/// A region: geography, the region it fails over to, its data boundary and its private network.
struct RegionInfo {
  std::string geography;                       // e.g. "united_states", "europe"
  std::string paired_region;                   // id of the region this one fails over to; empty when none
  std::string data_boundary;                   // e.g. "US", "EU"; empty when unrestricted
  std::vector<std::string> private_endpoints;  // services reached over private endpoints
  std::vector<std::string> private_dns_zones;  // e.g. "privatelink.openai.azure.com"
};

/// An availability zone; its region is Node::region.
struct ZoneInfo {};

/// Lightweight background calls that validate a deployment (seeds/004); they cost tokens.
struct HealthCheck {
  std::chrono::microseconds interval{0};
  double tokens_per_call = 0;
};

/// A GPU pool serving one model deployment.
struct ModelDeploymentInfo {
  std::string model;            // e.g. "gpt-4.1-mini"
  std::string version;          // pinned version, e.g. "2025-04-14"
  std::string deployment_name;  // the name clients call
  DeploymentType deployment_type = DeploymentType::kStandard;
  double capacity_tokens_per_minute = 0;
  double concurrency = 0;                // concurrent requests the pool serves
  double quota_tokens_per_minute = 0;    // quota granted in this region
  bool has_zone_redundant_sla = false;   // the design promises zone redundancy
  std::chrono::microseconds warm_up{0};  // time from deploy to serving
  double price_per_hour_usd = 0;         // reserved capacity (e.g. PTUs), per hour
  double price_per_1k_tokens_usd = 0;    // pay-per-token price
  double tokens_per_month = 0;           // steady-state tokens served when the region is fully live
  std::optional<HealthCheck> health_check;
  // Priority in its region's gateway backend pool (APIM): 1 is tried first; a call refused at
  // once (429, or 503 for want of capacity) spills to the next priority (the spill order
  // workload PTU -> enterprise PTU -> Standard).
  int pool_priority = 1;
  // Weight among the members of its pool priority (APIM weighted pool, 1..100): calls are spread
  // in proportion to the weights; equal weights (the default 1) are round robin.
  int pool_weight = 1;
};

/// An APIM backend circuit breaker rule, applied to every member of the gateway's backend
/// pools (APIM `circuitBreaker.rules[0]`: failure count or percentage within an interval, for
/// status-code ranges; trip duration; acceptRetryAfter). Engine semantics: router::BackendBreaker.
struct GatewayBreakerRule {
  std::int64_t failure_count = 0;  // failures in the interval that trip; 0: not used
  double failure_percentage = 0;   // share of the interval's calls, percent; 0: not used
  std::chrono::microseconds interval{std::chrono::seconds(60)};
  std::vector<std::pair<int, int>> status_ranges{{500, 599}};  // [min, max] counted as failures
  bool counts_no_answer = true;                                // a backend timeout counts as a failure
  std::chrono::microseconds trip_duration{std::chrono::seconds(60)};
  bool accept_retry_after = false;
};

/// A regional gateway (API Management as AI gateway).
struct GatewayInfo {
  std::string product;  // "apim"
  double units = 1;
  double price_per_unit_hour_usd = 0;
  std::string health_endpoint;  // path the global entry probes; empty when none
  bool has_zone_redundant_sla = false;
  // Gateway instances; each keeps its own breaker state (APIM evaluates rules per instance).
  int instances = 1;
  std::optional<GatewayBreakerRule> backend_breaker;  // absent: the pool has no breaker
};

/// The global entry's health probe (Front Door semantics, domain-facts).
struct HealthProbe {
  std::string path;
  std::string protocol;  // "http" or "https"
  std::chrono::microseconds interval{0};
  int sample_size = 0;                  // Front Door: the last n probes judged
  int successful_samples_required = 0;  // Front Door: x of them must succeed
  int tolerated_failures = 3;           // Traffic Manager: unhealthy after this + 1 consecutive failures
  std::chrono::microseconds timeout{std::chrono::seconds(10)};  // a probe unanswered this long failed
  std::string source;  // id of the client geography the probes are sent from (their vantage)
};

/// One origin of the global entry.
struct Origin {
  std::string gateway;  // gateway id
  int priority = 1;     // 1-5, lower is tried first
  int weight = 50;      // 1-1000
};

/// The global entry (Front Door or Traffic Manager).
struct GlobalEntryInfo {
  std::string product;  // "front_door" or "traffic_manager"
  std::string routing;  // "priority", "weighted" or "latency"
  std::optional<HealthProbe> health_probe;
  std::vector<Origin> origins;
  double price_per_month_usd = 0;
  // Traffic Manager only: clients' resolvers cache a DNS answer for dns_ttl; each client
  // geography's traffic is spread over dns_resolvers resolvers whose caches expire at
  // evenly staggered instants.
  std::chrono::microseconds dns_ttl{std::chrono::seconds(60)};
  int dns_resolvers = 10;

  [[nodiscard]] bool is_traffic_manager() const { return product == "traffic_manager"; }
};

/// A Foundry Agent Service instance.
struct AgentServiceInfo {
  bool is_threads_persisted = false;
  std::string thread_store;  // data store id holding threads; empty when not persisted
  bool has_definitions_in_source_control = false;
  double price_per_month_usd = 0;
};

/// A data store (its kind is Node::kind) with its options.
struct DataStoreInfo {
  std::string service;  // e.g. "cosmos_db", "ai_search", "storage", "key_vault", "acr", "managed_hsm"
  double price_per_month_usd = 0;
  bool has_zone_redundant_sla = false;
  std::vector<std::string> secrets;  // key vault secrets or HSM keys by name
  std::string consistency;           // database only: "strong", "bounded_staleness", "session", ...
  // Bounded staleness only: a replica lags by at most this many writes and this long
  // (Cosmos DB's multi-region minimums: 100,000 writes, 300 s).
  double max_staleness_writes = 100000;
  std::chrono::microseconds max_staleness{std::chrono::seconds(300)};
  bool has_multi_region_writes = false;
  bool has_automatic_failover = false;
};

/// A client geography sending a share of the traffic.
struct ClientInfo {
  std::string geography;
  std::string data_boundary;  // requests must stay inside it; empty when unrestricted
  double traffic_share = 0;   // 0..1, shares of all clients sum to 1
  std::string entry;          // id of the global entry or gateway it calls
};

using NodeDetails = std::variant<RegionInfo, ZoneInfo, ModelDeploymentInfo, GatewayInfo, GlobalEntryInfo,
                                 AgentServiceInfo, DataStoreInfo, ClientInfo>;

/// Bundled vertex property of the topology graph.
struct Node {
  std::string id;  // unique across the topology
  NodeKind kind = NodeKind::kRegion;
  std::string region;              // containing region id (own id for a region; empty for global nodes)
  std::vector<std::string> zones;  // zones the node spans (empty: not zone-pinned)
  std::string json_path;           // where the node is defined, e.g. "regions[0].data_stores[2]"
  std::string description;
  NodeDetails details;
};

}  // namespace faultline::topology
