#pragma once
// Geography and data boundary of Azure regions (the exports do not carry them).

#include <string>

namespace faultline::importer {

/// What faultline knows about one region.
struct RegionFacts {
  std::string geography;      // "united_states", "europe", ... ("unknown" when not in the table)
  std::string data_boundary;  // "US", "EU" or "" when none applies
  bool is_known = false;
};

/// Facts of the region with normalised name `region` ("eastus2").
RegionFacts region_facts(const std::string& region);

}  // namespace faultline::importer
