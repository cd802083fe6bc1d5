#include "faultline/importer/provenance_report.hpp"

#include <map>

namespace faultline::importer {
namespace {

struct SkippedGroup {
  std::size_t count = 0;
  std::string reason;
  std::vector<std::string> addresses;
};

// Skipped resources grouped by type and reason, in type order.
std::map<std::pair<std::string, std::string>, SkippedGroup> group_skipped(const ImportResult& result) {
  std::map<std::pair<std::string, std::string>, SkippedGroup> groups;
  for (const SkippedResource& s : result.skipped) {
    SkippedGroup& g = groups[{s.type, s.reason}];
    ++g.count;
    g.reason = s.reason;
    g.addresses.push_back(s.address);
  }
  return groups;
}

}  // namespace

std::string provenance_text(const ImportResult& result, bool is_full) {
  std::size_t imported = 0;
  for (const ProvenanceEntry& e : result.provenance) imported += e.is_imported ? 1 : 0;
  std::string out = "provenance: " + std::to_string(imported) + " key(s) imported, " +
                    std::to_string(result.provenance.size() - imported) + " defaulted\n";
  if (is_full) {
    for (const ProvenanceEntry& e : result.provenance) {
      out += "  " + e.node + " " + e.key + ": " + (e.is_imported ? "imported from " : "defaulted because ") + e.source +
             "\n";
    }
  }
  const auto groups = group_skipped(result);
  out += "not imported: " + std::to_string(result.skipped.size()) + " resource(s)\n";
  for (const auto& [key, g] : groups) {
    out += "  " + std::to_string(g.count) + " x " + key.first + ": " + g.reason + "\n";
  }
  out += "references outside the export (informational): " + std::to_string(result.external_references.size()) + "\n";
  for (const std::string& r : result.external_references) out += "  " + r + "\n";
  return out;
}

nlohmann::json provenance_json(const ImportResult& result) {
  nlohmann::json doc = {{"provenance", nlohmann::json::array()},
                        {"skipped", nlohmann::json::array()},
                        {"external_references", result.external_references}};
  for (const ProvenanceEntry& e : result.provenance) {
    doc["provenance"].push_back(
        {{"node", e.node}, {"key", e.key}, {"origin", e.is_imported ? "imported" : "defaulted"}, {"source", e.source}});
  }
  for (const auto& [key, g] : group_skipped(result)) {
    doc["skipped"].push_back(
        {{"type", key.first}, {"count", g.count}, {"reason", g.reason}, {"addresses", g.addresses}});
  }
  return doc;
}

}  // namespace faultline::importer
