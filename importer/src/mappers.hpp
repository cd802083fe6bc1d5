#pragma once
// The mapping steps, run in this order by TopologyMapper (docs/import.md, "Mapping").

#include "mapping_context.hpp"

namespace faultline::importer {

/// Virtual networks, private endpoints and private DNS zones -> regions' network parity.
void map_network(MappingContext& ctx);
/// Cognitive Services / Foundry deployments and AKS GPU node pools -> model deployments.
void map_models(MappingContext& ctx);
/// API Management services (primary and additional locations) and backends -> gateways.
void map_gateways(MappingContext& ctx);
/// Cosmos DB, Storage, AI Search, Key Vault, Container Registry -> stores and replication links.
void map_stores(MappingContext& ctx);
/// Front Door (origin groups, origins) or Traffic Manager -> the global entry; sets failover ranks.
void map_entry(MappingContext& ctx);
/// One Traffic Manager profile -> the global entry, unless `is_entry_taken` (then listed as skipped).
void map_traffic_manager(MappingContext& ctx, const Resource& profile, bool is_entry_taken);
/// Pairs, network links, clients, rebuild links and probe-derived health endpoints (documented defaults).
nlohmann::json map_defaults(MappingContext& ctx, std::vector<std::string>& region_order);

}  // namespace faultline::importer
