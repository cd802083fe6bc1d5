#include "region_table.hpp"

#include <map>

namespace faultline::importer {

RegionFacts region_facts(const std::string& region) {
  static const std::map<std::string, std::pair<std::string, std::string>> kRegions = {
      {"eastus", {"united_states", "US"}},
      {"eastus2", {"united_states", "US"}},
      {"centralus", {"united_states", "US"}},
      {"northcentralus", {"united_states", "US"}},
      {"southcentralus", {"united_states", "US"}},
      {"westcentralus", {"united_states", "US"}},
      {"westus", {"united_states", "US"}},
      {"westus2", {"united_states", "US"}},
      {"westus3", {"united_states", "US"}},
      {"canadacentral", {"canada", ""}},
      {"canadaeast", {"canada", ""}},
      {"brazilsouth", {"brazil", ""}},
      {"northeurope", {"europe", "EU"}},
      {"westeurope", {"europe", "EU"}},
      {"swedencentral", {"europe", "EU"}},
      {"germanywestcentral", {"europe", "EU"}},
      {"francecentral", {"europe", "EU"}},
      {"italynorth", {"europe", "EU"}},
      {"polandcentral", {"europe", "EU"}},
      {"spaincentral", {"europe", "EU"}},
      {"norwayeast", {"europe", "EU"}},
      {"switzerlandnorth", {"europe", "EU"}},
      {"uksouth", {"united_kingdom", ""}},
      {"ukwest", {"united_kingdom", ""}},
      {"japaneast", {"japan", ""}},
      {"japanwest", {"japan", ""}},
      {"australiaeast", {"australia", ""}},
      {"australiasoutheast", {"australia", ""}},
      {"southindia", {"india", ""}},
      {"centralindia", {"india", ""}},
      {"koreacentral", {"korea", ""}},
      {"southeastasia", {"asia_pacific", ""}},
      {"eastasia", {"asia_pacific", ""}},
      {"uaenorth", {"uae", ""}},
      {"southafricanorth", {"south_africa", ""}},
  };
  const auto it = kRegions.find(region);
  if (it == kRegions.end()) return {"unknown", "", false};
  return {it->second.first, it->second.second, true};
}

}  // namespace faultline::importer
