// What the exports cannot say, filled with documented defaults (docs/import.md, "Defaults").
#include <algorithm>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

std::vector<std::string> ranked_regions(MappingContext& ctx) {
  std::vector<std::string> order = ctx.region_order();
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    const int ra = ctx.region_rank.count(a) ? ctx.region_rank[a] : 1000;
    const int rb = ctx.region_rank.count(b) ? ctx.region_rank[b] : 1000;
    return ra < rb;
  });
  return order;
}

// The primary fails over to the next-ranked region; every other region to the primary.
void set_pairs(MappingContext& ctx, const std::vector<std::string>& order) {
  if (order.size() < 2) return;
  const std::string source =
      ctx.rank_source.empty() ? "the order the regions appear in the export (no priorities)" : ctx.rank_source;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string pair = i == 0 ? order[1] : order[0];
    ctx.region(order[i])["paired_region"] = pair;
    ctx.defaulted(order[i], "paired_region", "from " + source + ", not from Azure's region-pair table");
  }
}

// Stores that do not replicate themselves (AI Search, Key Vault) are rebuilt or copied into the paired region.
void add_copy_links(MappingContext& ctx, const std::vector<std::string>& order) {
  if (order.size() < 2) return;
  for (const auto& [kind, mode, lag, reason] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"search_index", "scheduled_rebuild", "1h",
            "AI Search does not replicate: the index is rebuilt hourly from source (assumed)"},
           {"key_vault", "async", "1h", "Key Vault secrets are copied by the deployment pipeline (assumed hourly)"}}) {
    const auto first_of_kind = [&, &kind = kind](const std::string& region) -> std::string {
      for (const json& s : ctx.region(region)["data_stores"]) {
        if (s["kind"] == kind) return s["id"];
      }
      return "";
    };
    const std::string from = first_of_kind(order[0]);
    for (std::size_t i = 1; i < order.size() && !from.empty(); ++i) {
      const std::string to = first_of_kind(order[i]);
      if (to.empty()) continue;
      ctx.replication_links.push_back({{"from", from}, {"to", to}, {"mode", mode}, {"lag", lag}, {"gb_per_month", 0}});
      ctx.defaulted(from + "->" + to, "mode, lag", reason);
    }
  }
}

void set_health_endpoints(MappingContext& ctx, const std::vector<std::string>& order) {
  const std::string path = ctx.global_entry.is_object() && ctx.global_entry.contains("health_probe")
                               ? ctx.global_entry["health_probe"].value("path", "/status-0123456789abcdef")
                               : "/status-0123456789abcdef";
  for (const std::string& region : order) {
    for (json& g : ctx.region(region)["gateways"]) {
      g["health_endpoint"] = path.starts_with("/") ? path : "/" + path;
      ctx.defaulted(g["id"], "health_endpoint", "the path the global entry probes (APIM answers it when healthy)");
    }
  }
}

json network_links(MappingContext& ctx, const std::vector<std::string>& order) {
  json links = json::array();
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      const bool is_same_geo = ctx.region(order[i])["geography"] == ctx.region(order[j])["geography"];
      links.push_back({{"from", order[i]},
                       {"to", order[j]},
                       {"latency", is_same_geo ? "25ms" : "90ms"},
                       {"bandwidth_gbps", 100},
                       {"egress_usd_per_gb", is_same_geo ? 0.02 : 0.05}});
      ctx.defaulted(order[i] + "<->" + order[j], "latency, bandwidth_gbps, egress_usd_per_gb",
                    "not in the export: 25 ms within a geography, 90 ms across; 100 Gbit/s; list egress price");
    }
  }
  return links;
}

json clients(MappingContext& ctx, const std::vector<std::string>& order) {
  std::string entry = ctx.global_entry.is_object() ? ctx.global_entry.value("id", "") : "";
  for (std::size_t i = 0; i < order.size() && entry.empty(); ++i) {
    const json& gateways = ctx.region(order[i])["gateways"];
    if (!gateways.empty()) entry = gateways[0]["id"];
  }
  if (entry.empty() || order.empty()) return json::array();
  const json& primary = ctx.region(order[0]);
  json client = {{"id", "users-" + primary["geography"].get<std::string>()},
                 {"geography", primary["geography"]},
                 {"traffic_share", 1},
                 {"entry", entry},
                 {"latency", json::object()}};
  if (primary.contains("data_boundary")) client["data_boundary"] = primary["data_boundary"];
  for (std::size_t i = 0; i < order.size(); ++i) client["latency"][order[i]] = i == 0 ? "20ms" : "40ms";
  ctx.defaulted(client["id"], "*",
                "workload is not in an export: one client group in the primary's geography, "
                "20 ms from the primary and 40 ms from the others");
  return json::array({client});
}

}  // namespace

json map_defaults(MappingContext& ctx, std::vector<std::string>& region_order) {
  region_order = ranked_regions(ctx);
  set_pairs(ctx, region_order);
  add_copy_links(ctx, region_order);
  set_health_endpoints(ctx, region_order);
  json top = json::object();
  top["network_links"] = network_links(ctx, region_order);
  top["replication_links"] = ctx.replication_links;
  if (ctx.global_entry.is_object()) top["global_entry"] = ctx.global_entry;
  top["clients"] = clients(ctx, region_order);
  return top;
}

}  // namespace faultline::importer
