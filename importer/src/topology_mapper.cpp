#include "faultline/importer/topology_mapper.hpp"

#include "mappers.hpp"

namespace faultline::importer {

std::optional<ImportResult> TopologyMapper::map(const Inventory& inventory, const std::string& name,
                                                const std::string& description, std::vector<base::LoadError>& errors) {
  const std::size_t errors_before = errors.size();
  MappingContext ctx(inventory, errors);
  map_network(ctx);
  map_models(ctx);
  map_gateways(ctx);
  map_stores(ctx);
  map_entry(ctx);
  std::vector<std::string> order;
  nlohmann::json top = map_defaults(ctx, order);
  ctx.skip_unknown_types();
  if (errors.size() > errors_before) return std::nullopt;
  top["name"] = name;
  top["description"] = description;
  return ctx.finish(std::move(top), order);
}

}  // namespace faultline::importer
