#pragma once
// What an import produced: the topology JSON, where every node's keys came
// from, what was not imported and which references point outside the export.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/importer/resource.hpp"

namespace faultline::importer {

/// One key of one node: read from a resource property, or filled with a default (and why).
struct ProvenanceEntry {
  std::string node;  // node id in the topology ("chat-eastus2"), or "topology" for top-level keys
  std::string key;   // topology key ("version", "health_probe.interval")
  bool is_imported = false;
  std::string source;  // imported: "ADDRESS.property"; defaulted: the reason
};

/// The result of mapping an inventory into a topology.
struct ImportResult {
  nlohmann::json topology;
  std::vector<ProvenanceEntry> provenance;
  std::vector<SkippedResource> skipped;
  std::vector<std::string> external_references;  // informational: references to resources outside the export
};

}  // namespace faultline::importer
