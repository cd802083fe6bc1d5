#include "faultline/topology/topology_loader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "faultline/topology/duration_parser.hpp"
#include "faultline/topology/json_reader.hpp"
#include "faultline/topology/key_suggestion.hpp"
#include "faultline/topology/startup_order.hpp"

namespace faultline::topology {
namespace {

using nlohmann::json;
using std::chrono::microseconds;

constexpr microseconds kMaxLatency = std::chrono::minutes(10);
constexpr microseconds kMaxWarmUp = std::chrono::hours(24);
constexpr microseconds kMaxLag = std::chrono::hours(24 * 7);
constexpr double kMaxTokensPerMinute = 1e9;
constexpr double kShareTolerance = 1e-6;
constexpr std::string_view kIdAllowed = "a non-empty id of letters, digits, '.', '_' and '-', unique in the file";

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string kinds_text(const std::vector<NodeKind>& kinds) {
  std::vector<std::string> names;
  for (NodeKind k : kinds) names.emplace_back(to_string(k));
  return JsonReader::join(names, " or ");
}

// A reference to another node, resolved once every node is known.
struct PendingReference {
  VertexId from = 0;
  std::string target;
  std::string path;
  std::vector<NodeKind> kinds;  // what the target may be
  bool is_edge = true;          // false: only checked (e.g. paired_region)
  EdgeKind edge_kind = EdgeKind::kDependency;
  bool is_alternative = false;
};

// Walks the JSON document, collecting every error and building the graph.
class Checker {
 public:
  Checker(std::string file, std::vector<LoadError>& errors) : reader_(std::move(file), errors) {}

  TopologyGraph take_graph() { return std::move(graph_); }
  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }

  void check_root(const json& root) {
    if (!root.is_object()) {
      reader_.error("", std::string("the file holds a JSON ") + root.type_name() + ", not an object",
                    "an object with \"name\" and \"regions\"");
      return;
    }
    reader_.check_keys(
        root, "",
        {"$schema", "name", "description", "regions", "global_entry", "network_links", "replication_links", "clients"});
    name_ = reader_.string(root, "", "name", true).value_or("");
    description_ = reader_.string(root, "", "description", false).value_or("");
    if (const json* regions = reader_.array(root, "", "regions", true)) {
      if (regions->empty()) reader_.error("regions", "no regions", "at least one region");
      for (std::size_t i = 0; i < regions->size(); ++i) check_region((*regions)[i], JsonReader::at("regions", i));
    }
    if (const json* entry = reader_.object(root, "", "global_entry", false)) check_global_entry(*entry, "global_entry");
    if (const json* links = reader_.array(root, "", "network_links", false)) {
      for (std::size_t i = 0; i < links->size(); ++i)
        check_network_link((*links)[i], JsonReader::at("network_links", i));
    }
    if (const json* links = reader_.array(root, "", "replication_links", false)) {
      for (std::size_t i = 0; i < links->size(); ++i)
        check_replication_link((*links)[i], JsonReader::at("replication_links", i));
    }
    if (const json* clients = reader_.array(root, "", "clients", false)) check_clients(*clients);
    resolve_references();
    if (reader_.error_count() == 0) check_cycles();
  }

 private:
  std::vector<std::string> string_list(const json& object, const std::string& path, std::string_view key) {
    std::vector<std::string> out;
    const json* list = reader_.array(object, path, key, false, "an array of strings");
    if (list == nullptr) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& item = (*list)[i];
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
        reader_.error(JsonReader::at(JsonReader::at(path, key), i),
                      std::string("expected a non-empty string, got ") + item.dump(), "a non-empty string");
        continue;
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  // ---- ids and nodes ----
  std::optional<std::string> id_field(const json& object, const std::string& path) {
    auto id = reader_.string(object, path, "id", true, kIdAllowed);
    if (!id) return std::nullopt;
    const bool is_well_formed = std::all_of(id->begin(), id->end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
             c == '-';
    });
    if (!is_well_formed) {
      reader_.error(JsonReader::at(path, "id"), "id " + in_quotes(*id) + " has characters outside the allowed set",
                    std::string(kIdAllowed));
      return std::nullopt;
    }
    const auto [it, is_new] = id_paths_.emplace(*id, JsonReader::at(path, "id"));
    if (!is_new) {
      reader_.error(JsonReader::at(path, "id"), "duplicate id " + in_quotes(*id) + ", first defined at " + it->second,
                    "ids unique across the whole topology");
      return std::nullopt;
    }
    return id;
  }

  VertexId add_node(Node node) {
    const std::string id = node.id;
    // add_vertex(graph) then assign: the add_vertex(property, graph) overload trips a
    // false -Wuninitialized inside Boost's named-graph lookup under g++ 12 -O1 with sanitizers.
    const VertexId v = boost::add_vertex(graph_);
    graph_[v] = std::move(node);
    vertices_.emplace(id, v);
    return v;
  }

  void add_edge(VertexId from, VertexId to, Edge edge) { boost::add_edge(from, to, std::move(edge), graph_); }

  void refer(VertexId from, const std::string& target, const std::string& path, std::vector<NodeKind> kinds,
             EdgeKind kind = EdgeKind::kDependency, bool is_alternative = false) {
    pending_.push_back(PendingReference{from, target, path, std::move(kinds), true, kind, is_alternative});
  }

  // ---- regions ----
  void check_region(const json& region, const std::string& path) {
    if (!reader_.expect_object(region, path, "a region object")) return;
    reader_.check_keys(
        region, path,
        {"id", "description", "geography", "paired_region", "data_boundary", "zones", "private_endpoints",
         "private_dns_zones", "model_deployments", "gateways", "agent_services", "data_stores"});
    const auto id = id_field(region, path);
    RegionInfo info;
    info.geography =
        reader_.string(region, path, "geography", true, "a geography name, e.g. \"united_states\"").value_or("");
    info.paired_region = reader_.string(region, path, "paired_region", false, "the id of another region").value_or("");
    info.data_boundary =
        reader_.string(region, path, "data_boundary", false, "a boundary name, e.g. \"EU\" or \"US\"").value_or("");
    info.private_endpoints = string_list(region, path, "private_endpoints");
    info.private_dns_zones = string_list(region, path, "private_dns_zones");
    const std::string region_id = id.value_or("?" + path);
    const VertexId v = add_node(Node{region_id, NodeKind::kRegion, region_id, {}, path,
                                     reader_.string(region, path, "description", false).value_or(""), info});
    if (!info.paired_region.empty()) {
      pending_.push_back(PendingReference{v, info.paired_region, JsonReader::at(path, "paired_region"),
                                          {NodeKind::kRegion}, false, EdgeKind::kDependency, false});
    }
    std::vector<std::string> zone_ids;
    if (const json* zones = reader_.array(region, path, "zones", false)) {
      for (std::size_t i = 0; i < zones->size(); ++i) {
        const std::string zone_path = JsonReader::at(JsonReader::at(path, "zones"), i);
        const json& zone = (*zones)[i];
        if (!reader_.expect_object(zone, zone_path, "a zone object with \"id\"")) continue;
        reader_.check_keys(zone, zone_path, {"id", "description"});
        const auto zone_id = id_field(zone, zone_path);
        if (!zone_id) continue;
        zone_ids.push_back(*zone_id);
        const VertexId z = add_node(Node{*zone_id, NodeKind::kZone, region_id, {}, zone_path,
                                         reader_.string(zone, zone_path, "description", false).value_or(""),
                                         ZoneInfo{}});
        add_edge(z, v, Edge{EdgeKind::kContainment, false, 0, 0, 0, ReplicationMode::kAsync, {}, 0, zone_path, 0, 0});
      }
    }
    const auto components = [&](std::string_view key, auto check) {
      if (const json* list = reader_.array(region, path, key, false)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
          const std::string item_path = JsonReader::at(JsonReader::at(path, key), i);
          if (reader_.expect_object((*list)[i], item_path, "an object"))
            (this->*check)((*list)[i], item_path, v, zone_ids);
        }
      }
    };
    components("model_deployments", &Checker::check_model_deployment);
    components("gateways", &Checker::check_gateway);
    components("agent_services", &Checker::check_agent_service);
    components("data_stores", &Checker::check_data_store);
  }

  // Common part of every regional component: id, zones, depends_on, containment edges.
  std::optional<VertexId> add_component(const json& item, const std::string& path, VertexId region,
                                        const std::vector<std::string>& zone_ids, NodeKind kind, NodeDetails details) {
    const auto id = id_field(item, path);
    std::vector<std::string> zones = string_list(item, path, "zones");
    for (std::size_t i = 0; i < zones.size(); ++i) {
      if (std::find(zone_ids.begin(), zone_ids.end(), zones[i]) == zone_ids.end()) {
        std::string problem = "unknown zone " + in_quotes(zones[i]) + " in region " + in_quotes(graph_[region].id);
        if (const auto nearest = nearest_word(zones[i], zone_ids)) problem += "; did you mean " + in_quotes(*nearest) + "?";
        reader_.error(JsonReader::at(JsonReader::at(path, "zones"), i), problem,
                      zone_ids.empty() ? "none: the region declares no zones"
                                       : "zones of this region: " + JsonReader::join(zone_ids));
      }
    }
    const std::vector<std::string> depends_on = string_list(item, path, "depends_on");
    if (!id) return std::nullopt;
    const VertexId v =
        add_node(Node{*id, kind, graph_[region].id, zones, path,
                      reader_.string(item, path, "description", false).value_or(""), std::move(details)});
    add_edge(v, region, Edge{EdgeKind::kContainment, false, 0, 0, 0, ReplicationMode::kAsync, {}, 0, path, 0, 0});
    for (const std::string& zone : zones) {
      const auto z = vertices_.find(zone);
      if (z != vertices_.end() && graph_[z->second].region == graph_[region].id) {
        add_edge(v, z->second, Edge{EdgeKind::kContainment, true, 0, 0, 0, ReplicationMode::kAsync, {}, 0, path, 0, 0});
      }
    }
    for (std::size_t i = 0; i < depends_on.size(); ++i) {
      refer(v, depends_on[i], JsonReader::at(JsonReader::at(path, "depends_on"), i),
            {NodeKind::kModelDeployment, NodeKind::kGateway, NodeKind::kAgentService, NodeKind::kDatabase,
             NodeKind::kSearchIndex, NodeKind::kObjectStorage, NodeKind::kKeyVault, NodeKind::kContainerRegistry,
             NodeKind::kHsm, NodeKind::kGlobalEntry});
    }
    return v;
  }

  void check_model_deployment(const json& item, const std::string& path, VertexId region,
                              const std::vector<std::string>& zone_ids) {
    reader_.check_keys(item, path,
                       {"id", "description", "model", "version", "deployment_name", "deployment_type", "capacity",
                        "quota_tokens_per_minute", "zones", "zone_redundant_sla", "warm_up", "price",
                        "tokens_per_month", "health_check", "depends_on"});
    ModelDeploymentInfo info;
    info.model = reader_.string(item, path, "model", true, "a model name, e.g. \"gpt-4.1-mini\"").value_or("");
    info.version =
        reader_.string(item, path, "version", true, "a pinned model version, e.g. \"2025-04-14\"").value_or("");
    info.deployment_name = reader_.string(item, path, "deployment_name", true).value_or("");
    const std::vector<std::string> types = {"global_standard", "data_zone_standard", "standard",
                                            "provisioned",     "batch",              "developer"};
    if (const auto type = reader_.one_of(item, path, "deployment_type", true, types)) {
      info.deployment_type =
          static_cast<DeploymentType>(std::find(types.begin(), types.end(), *type) - types.begin());
    }
    if (const json* capacity = reader_.object(item, path, "capacity", true)) {
      const std::string capacity_path = JsonReader::at(path, "capacity");
      reader_.check_keys(*capacity, capacity_path, {"tokens_per_minute", "concurrency"});
      info.capacity_tokens_per_minute =
          reader_.number(*capacity, capacity_path, "tokens_per_minute", true, 0, kMaxTokensPerMinute).value_or(0);
      info.concurrency = reader_.number(*capacity, capacity_path, "concurrency", false, 0, 1e6, true).value_or(0);
    }
    info.quota_tokens_per_minute =
        reader_.number(item, path, "quota_tokens_per_minute", true, 0, kMaxTokensPerMinute).value_or(0);
    info.has_zone_redundant_sla = reader_.boolean(item, path, "zone_redundant_sla", false).value_or(false);
    info.warm_up = reader_.duration(item, path, "warm_up", false, kMaxWarmUp, "24h").value_or(microseconds{0});
    if (const json* price = reader_.object(item, path, "price", false)) {
      const std::string price_path = JsonReader::at(path, "price");
      reader_.check_keys(*price, price_path, {"per_hour_usd", "per_1k_tokens_usd"});
      info.price_per_hour_usd = reader_.number(*price, price_path, "per_hour_usd", false, 0, 1e6).value_or(0);
      info.price_per_1k_tokens_usd =
          reader_.number(*price, price_path, "per_1k_tokens_usd", false, 0, 1000).value_or(0);
    }
    info.tokens_per_month = reader_.number(item, path, "tokens_per_month", false, 0, 1e15).value_or(0);
    if (const json* check = reader_.object(item, path, "health_check", false)) {
      const std::string check_path = JsonReader::at(path, "health_check");
      reader_.check_keys(*check, check_path, {"interval", "tokens_per_call"});
      HealthCheck hc;
      hc.interval = reader_.duration(*check, check_path, "interval", true, std::chrono::hours(24), "24h")
                        .value_or(microseconds{0});
      if (hc.interval == microseconds{0} && check->contains("interval")) {
        reader_.error(JsonReader::at(check_path, "interval"), "interval 0 would probe without pause", "at least 1s");
      }
      hc.tokens_per_call = reader_.number(*check, check_path, "tokens_per_call", true, 0, 1e6).value_or(0);
      info.health_check = hc;
    }
    add_component(item, path, region, zone_ids, NodeKind::kModelDeployment, info);
  }

  void check_gateway(const json& item, const std::string& path, VertexId region,
                     const std::vector<std::string>& zone_ids) {
    reader_.check_keys(item, path,
                       {"id", "description", "product", "units", "price_per_unit_hour_usd", "health_endpoint", "zones",
                        "zone_redundant_sla", "backends", "depends_on"});
    GatewayInfo info;
    info.product = reader_.one_of(item, path, "product", false, {"apim"}).value_or("apim");
    info.units = reader_.number(item, path, "units", false, 1, 100, true).value_or(1);
    info.price_per_unit_hour_usd = reader_.number(item, path, "price_per_unit_hour_usd", false, 0, 1e4).value_or(0);
    info.health_endpoint =
        reader_.string(item, path, "health_endpoint", false, "a path starting with '/'").value_or("");
    if (!info.health_endpoint.empty() && info.health_endpoint.front() != '/') {
      reader_.error(JsonReader::at(path, "health_endpoint"),
                    "health endpoint " + in_quotes(info.health_endpoint) + " does not start with '/'",
                    "a path starting with '/'");
    }
    info.has_zone_redundant_sla = reader_.boolean(item, path, "zone_redundant_sla", false).value_or(false);
    const std::vector<std::string> backends = string_list(item, path, "backends");
    const auto v = add_component(item, path, region, zone_ids, NodeKind::kGateway, info);
    if (!v) return;
    for (std::size_t i = 0; i < backends.size(); ++i) {
      refer(*v, backends[i], JsonReader::at(JsonReader::at(path, "backends"), i),
            {NodeKind::kModelDeployment, NodeKind::kAgentService}, EdgeKind::kDependency, true);
    }
  }

  void check_agent_service(const json& item, const std::string& path, VertexId region,
                           const std::vector<std::string>& zone_ids) {
    reader_.check_keys(item, path,
                       {"id", "description", "threads_persisted", "thread_store", "definitions_in_source_control",
                        "price_per_month_usd", "zones", "depends_on"});
    AgentServiceInfo info;
    info.is_threads_persisted = reader_.boolean(item, path, "threads_persisted", true).value_or(false);
    info.thread_store =
        reader_.string(item, path, "thread_store", false, "the id of a database or object_storage").value_or("");
    info.has_definitions_in_source_control =
        reader_.boolean(item, path, "definitions_in_source_control", false).value_or(false);
    info.price_per_month_usd = reader_.number(item, path, "price_per_month_usd", false, 0, 1e7).value_or(0);
    if (info.is_threads_persisted && info.thread_store.empty() && item.contains("threads_persisted")) {
      reader_.error(JsonReader::at(path, "thread_store"), "threads_persisted is true but no thread_store is named",
                    "the id of a database or object_storage holding the threads");
    }
    const auto v = add_component(item, path, region, zone_ids, NodeKind::kAgentService, info);
    if (v && !info.thread_store.empty()) {
      refer(*v, info.thread_store, JsonReader::at(path, "thread_store"),
            {NodeKind::kDatabase, NodeKind::kObjectStorage});
    }
  }

  void check_data_store(const json& item, const std::string& path, VertexId region,
                        const std::vector<std::string>& zone_ids) {
    const std::vector<std::string> kinds = {"database",  "search_index",       "object_storage",
                                            "key_vault", "container_registry", "hsm"};
    const auto kind_name = reader_.one_of(item, path, "kind", true, kinds);
    std::vector<std::string> keys = {"id",    "description",        "kind",      "service", "price_per_month_usd",
                                      "zones", "zone_redundant_sla", "depends_on"};
    if (!kind_name || *kind_name == "key_vault") keys.push_back("secrets");
    if (!kind_name || *kind_name == "hsm") keys.push_back("keys");
    if (!kind_name || *kind_name == "database") {
      keys.insert(keys.end(), {"consistency", "multi_region_writes", "automatic_failover"});
    }
    reader_.check_keys(item, path, keys);
    DataStoreInfo info;
    info.service = reader_.string(item, path, "service", false, "a service name, e.g. \"cosmos_db\"").value_or("");
    info.price_per_month_usd = reader_.number(item, path, "price_per_month_usd", false, 0, 1e7).value_or(0);
    info.has_zone_redundant_sla = reader_.boolean(item, path, "zone_redundant_sla", false).value_or(false);
    info.secrets = string_list(item, path, kind_name && *kind_name == "hsm" ? "keys" : "secrets");
    info.consistency = reader_
                           .one_of(item, path, "consistency", false,
                                   {"strong", "bounded_staleness", "session", "consistent_prefix", "eventual"})
                           .value_or("");
    info.has_multi_region_writes = reader_.boolean(item, path, "multi_region_writes", false).value_or(false);
    info.has_automatic_failover = reader_.boolean(item, path, "automatic_failover", false).value_or(false);
    const NodeKind kind =
        kind_name ? static_cast<NodeKind>(static_cast<int>(NodeKind::kDatabase) +
                                          (std::find(kinds.begin(), kinds.end(), *kind_name) - kinds.begin()))
                  : NodeKind::kDatabase;
    add_component(item, path, region, zone_ids, kind, info);
  }

  // ---- global entry ----
  void check_global_entry(const json& item, const std::string& path) {
    reader_.check_keys(item, path,
                       {"id", "description", "product", "routing", "health_probe", "origins", "price_per_month_usd"});
    GlobalEntryInfo info;
    info.product =
        reader_.one_of(item, path, "product", false, {"front_door", "traffic_manager"}).value_or("front_door");
    info.routing =
        reader_.one_of(item, path, "routing", false, {"priority", "weighted", "latency"}).value_or("priority");
    info.price_per_month_usd = reader_.number(item, path, "price_per_month_usd", false, 0, 1e7).value_or(0);
    if (const json* probe = reader_.object(item, path, "health_probe", false)) {
      const std::string probe_path = JsonReader::at(path, "health_probe");
      reader_.check_keys(*probe, probe_path,
                         {"path", "protocol", "interval", "sample_size", "successful_samples_required"});
      HealthProbe hp;
      hp.path = reader_.string(*probe, probe_path, "path", true, "a path starting with '/'").value_or("");
      if (!hp.path.empty() && hp.path.front() != '/') {
        reader_.error(JsonReader::at(probe_path, "path"),
                      "probe path " + in_quotes(hp.path) + " does not start with '/'", "a path starting with '/'");
      }
      hp.protocol = reader_.one_of(*probe, probe_path, "protocol", false, {"http", "https"}).value_or("https");
      // Front Door accepts probe intervals of 1-255 s (domain-facts lists 30, 120 and 240 s defaults).
      hp.interval = reader_.duration(*probe, probe_path, "interval", false, std::chrono::seconds(255), "255s")
                        .value_or(std::chrono::seconds(30));
      hp.sample_size =
          static_cast<int>(reader_.number(*probe, probe_path, "sample_size", false, 1, 255, true).value_or(4));
      hp.successful_samples_required = static_cast<int>(
          reader_.number(*probe, probe_path, "successful_samples_required", false, 1, 255, true).value_or(3));
      if (hp.successful_samples_required > hp.sample_size) {
        reader_.error(JsonReader::at(probe_path, "successful_samples_required"),
                      std::to_string(hp.successful_samples_required) + " is more than the sample size " +
                          std::to_string(hp.sample_size),
                      "1 to sample_size");
      }
      info.health_probe = hp;
    }
    std::vector<std::pair<std::string, std::string>> origins;  // gateway id, path
    if (const json* list = reader_.array(item, path, "origins", true)) {
      if (list->empty()) reader_.error(JsonReader::at(path, "origins"), "no origins", "at least one origin");
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string origin_path = JsonReader::at(JsonReader::at(path, "origins"), i);
        const json& origin = (*list)[i];
        if (!reader_.expect_object(origin, origin_path, "an origin object with \"gateway\"")) continue;
        reader_.check_keys(origin, origin_path, {"gateway", "priority", "weight"});
        Origin o;
        o.gateway = reader_.string(origin, origin_path, "gateway", true, "the id of a gateway").value_or("");
        // Front Door: priority 1-5, weight 1-1000 (default 50), domain-facts.
        o.priority = static_cast<int>(reader_.number(origin, origin_path, "priority", false, 1, 5, true).value_or(1));
        o.weight = static_cast<int>(reader_.number(origin, origin_path, "weight", false, 1, 1000, true).value_or(50));
        if (!o.gateway.empty()) origins.emplace_back(o.gateway, JsonReader::at(origin_path, "gateway"));
        info.origins.push_back(o);
      }
    }
    const auto id = id_field(item, path);
    if (!id) return;
    const VertexId v = add_node(Node{*id,
                                     NodeKind::kGlobalEntry,
                                     "",
                                     {},
                                     path,
                                     reader_.string(item, path, "description", false).value_or(""),
                                     info});
    for (const auto& [gateway, origin_path] : origins) {
      refer(v, gateway, origin_path, {NodeKind::kGateway}, EdgeKind::kDependency, true);
    }
  }

  // ---- links ----
  std::optional<VertexId> lookup(const json& item, const std::string& path, std::string_view key,
                                 const std::vector<NodeKind>& kinds) {
    const auto id = reader_.string(item, path, key, true, "the id of a " + kinds_text(kinds));
    if (!id) return std::nullopt;
    const auto it = vertices_.find(*id);
    if (it == vertices_.end()) {
      unknown_id(JsonReader::at(path, key), *id, kinds);
      return std::nullopt;
    }
    if (std::find(kinds.begin(), kinds.end(), graph_[it->second].kind) == kinds.end()) {
      reader_.error(JsonReader::at(path, key),
                    in_quotes(*id) + " is a " + std::string(to_string(graph_[it->second].kind)),
                    "the id of a " + kinds_text(kinds));
      return std::nullopt;
    }
    return it->second;
  }

  void unknown_id(const std::string& path, const std::string& id, const std::vector<NodeKind>& kinds) {
    std::vector<std::string> candidates;
    for (const auto& [candidate, v] : vertices_) {
      if (std::find(kinds.begin(), kinds.end(), graph_[v].kind) != kinds.end()) candidates.push_back(candidate);
    }
    std::string problem = "unknown id " + in_quotes(id);
    if (const auto nearest = nearest_word(id, candidates)) problem += "; did you mean " + in_quotes(*nearest) + "?";
    reader_.error(path, problem, "the id of a " + kinds_text(kinds));
  }

  void check_network_link(const json& item, const std::string& path) {
    if (!reader_.expect_object(item, path, "a network link object")) return;
    reader_.check_keys(item, path, {"from", "to", "latency", "bandwidth_gbps", "egress_usd_per_gb", "description"});
    const auto from = lookup(item, path, "from", {NodeKind::kRegion});
    const auto to = lookup(item, path, "to", {NodeKind::kRegion});
    const auto latency = reader_.duration(item, path, "latency", true, kMaxLatency, "10m");
    const double bandwidth = reader_.number(item, path, "bandwidth_gbps", false, 0, 1e5).value_or(0);
    const double egress = reader_.number(item, path, "egress_usd_per_gb", false, 0, 100).value_or(0);
    if (!from || !to || !latency) return;
    if (*from == *to) {
      reader_.error(JsonReader::at(path, "to"), "a link from " + in_quotes(graph_[*from].id) + " to itself",
                    "two different regions");
      return;
    }
    const auto key = std::minmax(graph_[*from].id, graph_[*to].id);
    const auto [it, is_new] = network_links_.emplace(std::pair(key.first, key.second), path);
    if (!is_new) {
      reader_.error(
          path,
          "second link between " + in_quotes(key.first) + " and " + in_quotes(key.second) + ", first at " + it->second,
          "one link per pair of regions (links are bidirectional)");
      return;
    }
    const Edge edge{EdgeKind::kNetwork, false, latency->count(), bandwidth, egress, ReplicationMode::kAsync, {}, 0, path, 0, 0};
    add_edge(*from, *to, edge);
    add_edge(*to, *from, edge);
  }

  void check_replication_link(const json& item, const std::string& path) {
    if (!reader_.expect_object(item, path, "a replication link object")) return;
    reader_.check_keys(item, path, {"from", "to", "mode", "lag", "gb_per_month", "egress_usd_per_gb", "sync_usd_per_month",
                                    "usd_per_copy", "description"});
    const std::vector<NodeKind> stores = {NodeKind::kDatabase,  NodeKind::kSearchIndex,       NodeKind::kObjectStorage,
                                          NodeKind::kKeyVault, NodeKind::kContainerRegistry, NodeKind::kHsm};
    const auto from = lookup(item, path, "from", stores);
    const auto to = lookup(item, path, "to", stores);
    const std::vector<std::string> modes = {"sync", "async", "backup_restore", "scheduled_rebuild"};
    const auto mode = reader_.one_of(item, path, "mode", true, modes);
    const auto lag = reader_.duration(item, path, "lag", false, kMaxLag, "7 days (168h)").value_or(microseconds{0});
    const double gb = reader_.number(item, path, "gb_per_month", false, 0, 1e9).value_or(0);
    const double egress = reader_.number(item, path, "egress_usd_per_gb", false, 0, 100).value_or(-1);
    const double sync_price = reader_.number(item, path, "sync_usd_per_month", false, 0, 1e9).value_or(0);
    const double copy_price = reader_.number(item, path, "usd_per_copy", false, 0, 1e9).value_or(0);
    if (!from || !to || !mode) return;
    if (*from == *to) {
      reader_.error(JsonReader::at(path, "to"), "replicates " + in_quotes(graph_[*from].id) + " to itself",
                    "two different data stores");
      return;
    }
    if (graph_[*from].kind != graph_[*to].kind) {
      reader_.error(JsonReader::at(path, "to"),
                    "replicates a " + std::string(to_string(graph_[*from].kind)) + " to a " +
                        std::string(to_string(graph_[*to].kind)),
                    "two data stores of the same kind");
      return;
    }
    const auto replication_mode =
        static_cast<ReplicationMode>(std::find(modes.begin(), modes.end(), *mode) - modes.begin());
    add_edge(*from, *to,
             Edge{EdgeKind::kReplication, false, 0, 0, egress, replication_mode, lag, gb, path, sync_price, copy_price});
  }

  // ---- clients ----
  void check_clients(const json& clients) {
    double share_sum = 0;
    for (std::size_t i = 0; i < clients.size(); ++i) {
      const std::string path = JsonReader::at("clients", i);
      const json& item = clients[i];
      if (!reader_.expect_object(item, path, "a client object")) continue;
      reader_.check_keys(item, path,
                         {"id", "description", "geography", "data_boundary", "traffic_share", "entry", "latency"});
      const auto id = id_field(item, path);
      ClientInfo info;
      info.geography = reader_.string(item, path, "geography", true, "a geography name").value_or("");
      info.data_boundary =
          reader_.string(item, path, "data_boundary", false, "a boundary name, e.g. \"EU\"").value_or("");
      const auto share = reader_.number(item, path, "traffic_share", true, 0, 1);
      info.traffic_share = share.value_or(0);
      share_sum += info.traffic_share;
      info.entry = reader_.string(item, path, "entry", true, "the id of the global entry or a gateway").value_or("");
      std::vector<std::pair<VertexId, microseconds>> latencies;
      if (const json* latency = reader_.object(item, path, "latency", false)) {
        for (const auto& entry : latency->items()) {
          const std::string latency_path = JsonReader::at(JsonReader::at(path, "latency"), entry.key());
          const auto region = vertices_.find(entry.key());
          if (region == vertices_.end() || graph_[region->second].kind != NodeKind::kRegion) {
            unknown_id(latency_path, entry.key(), {NodeKind::kRegion});
            continue;
          }
          const DurationParseResult parsed = parse_json_duration(entry.value());
          const std::string allowed = std::string(kDurationAllowed) + ", at most 10m";
          if (!parsed.value) {
            reader_.error(latency_path, parsed.error, allowed);
          } else if (*parsed.value > kMaxLatency) {
            reader_.error(latency_path, entry.value().dump() + " is absurdly long", allowed);
          } else {
            latencies.emplace_back(region->second, *parsed.value);
          }
        }
      }
      if (!id) continue;
      const VertexId v = add_node(Node{
          *id, NodeKind::kClient, "", {}, path, reader_.string(item, path, "description", false).value_or(""), info});
      for (const auto& [region, latency] : latencies) {
        add_edge(v, region,
                 Edge{EdgeKind::kNetwork, false, latency.count(), 0, 0, ReplicationMode::kAsync, {}, 0,
                      JsonReader::at(JsonReader::at(path, "latency"), graph_[region].id), 0, 0});
      }
      if (!info.entry.empty())
        refer(v, info.entry, JsonReader::at(path, "entry"), {NodeKind::kGlobalEntry, NodeKind::kGateway});
    }
    if (!clients.empty() && std::abs(share_sum - 1.0) > kShareTolerance) {
      reader_.error("clients", "traffic shares sum to " + JsonReader::plain_number(share_sum), "shares that sum to 1");
    }
  }

  // ---- references and cycles ----
  void resolve_references() {
    for (const PendingReference& ref : pending_) {
      const auto it = vertices_.find(ref.target);
      if (it == vertices_.end()) {
        unknown_id(ref.path, ref.target, ref.kinds);
        continue;
      }
      const Node& target = graph_[it->second];
      if (std::find(ref.kinds.begin(), ref.kinds.end(), target.kind) == ref.kinds.end()) {
        reader_.error(ref.path, in_quotes(ref.target) + " is a " + std::string(to_string(target.kind)),
                      "the id of a " + kinds_text(ref.kinds));
        continue;
      }
      if (it->second == ref.from) {
        reader_.error(ref.path, in_quotes(ref.target) + " refers to itself",
                      "the id of another " + kinds_text(ref.kinds));
        continue;
      }
      if (ref.is_edge) {
        add_edge(ref.from, it->second,
                 Edge{ref.edge_kind, ref.is_alternative, 0, 0, 0, ReplicationMode::kAsync, {}, 0, ref.path, 0, 0});
      }
    }
  }

  void check_cycles() {
    const std::vector<std::string> cycle = find_dependency_cycle(graph_);
    if (cycle.empty()) return;
    reader_.error(graph_[vertices_.at(cycle.front())].json_path, "dependency cycle: " + JsonReader::join(cycle, " -> "),
                  "dependencies without cycles (a node cannot need itself, even through others)");
  }

  JsonReader reader_;
  std::string name_;
  std::string description_;
  TopologyGraph graph_;
  std::map<std::string, VertexId, std::less<>> vertices_;
  std::map<std::string, std::string, std::less<>> id_paths_;
  std::map<std::pair<std::string, std::string>, std::string> network_links_;
  std::vector<PendingReference> pending_;
};

// Finds keys given twice in one object, which nlohmann would silently collapse
// to the last value; fed by the parser callback, it tracks the JSON path.
class DuplicateKeyFinder {
 public:
  DuplicateKeyFinder(std::string file, std::vector<LoadError>& errors) : file_(std::move(file)), errors_(errors) {}

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        start_element();
        frames_.push_back(Frame{event == json::parse_event_t::array_start, 0, false, {}, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key:
        if (!frames_.empty() && parsed.is_string()) {
          Frame& frame = frames_.back();
          frame.key = parsed.get<std::string>();
          if (!frame.keys.insert(frame.key).second) {
            errors_.push_back(LoadError{file_, path(), 0, 0, "duplicate key \"" + frame.key + "\" (the last one would win)",
                                        "each key once per object"});
          }
        }
        break;
      case json::parse_event_t::value:
        start_element();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;  // index of the current element, valid once has_element
    bool has_element = false;
    std::string key;  // current key of an object
    std::set<std::string> keys;
  };

  // A value, object or array begins: in an array it is the next element.
  void start_element() {
    if (frames_.empty() || !frames_.back().is_array) return;
    Frame& frame = frames_.back();
    frame.index = frame.has_element ? frame.index + 1 : 0;
    frame.has_element = true;
  }

  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      if (frame.is_array) {
        out += "[" + std::to_string(frame.index) + "]";
      } else {
        out += (out.empty() ? "" : ".") + frame.key;
      }
    }
    return out;
  }

  std::string file_;
  std::vector<LoadError>& errors_;
  std::vector<Frame> frames_;
};

}  // namespace

std::string LoadResult::error_report() const {
  std::string out;
  for (const LoadError& e : errors) out += e.to_string() + "\n";
  return out;
}

LoadResult TopologyLoader::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back(LoadError{path, "", 0, 0, "cannot open the file", "a readable topology JSON file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_text(text.str(), path);
}

LoadResult TopologyLoader::load_text(std::string_view text, const std::string& file_name) {
  LoadResult result;
  const auto root = JsonReader::parse(text, file_name, result.errors, DuplicateKeyFinder(file_name, result.errors));
  if (!root) {
    result.errors.erase(result.errors.begin(), result.errors.end() - 1);  // keep the syntax error alone
    return result;
  }
  Checker checker(file_name, result.errors);
  checker.check_root(*root);
  if (result.errors.empty()) {
    result.topology = Topology(checker.name(), checker.description(), file_name, checker.take_graph());
  }
  return result;
}

}  // namespace faultline::topology
