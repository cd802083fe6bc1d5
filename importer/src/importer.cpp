#include "faultline/importer/importer.hpp"

#include "faultline/base/json_reader.hpp"
#include "faultline/importer/arm_reader.hpp"
#include "faultline/importer/terraform_reader.hpp"
#include "faultline/importer/topology_mapper.hpp"
#include "faultline/topology/linter.hpp"
#include "faultline/topology/topology_loader.hpp"

namespace faultline::importer {

ImportOutcome import_exports(ExportFormat format, const std::vector<std::string>& files, const std::string& name) {
  ImportOutcome outcome;
  Inventory inventory;
  std::string sources;
  for (const std::string& file : files) {
    const std::optional<nlohmann::json> document = base::JsonReader::parse_file(file, outcome.errors);
    sources += (sources.empty() ? "" : ", ") + file;
    if (!document) continue;
    if (format == ExportFormat::kTerraform) {
      TerraformReader::read(*document, file, inventory, outcome.errors);
    } else {
      ArmReader::read(*document, file, inventory, outcome.errors);
    }
  }
  if (!outcome.errors.empty()) return outcome;
  const std::string description =
      "Imported by `faultline import " + std::string(format == ExportFormat::kTerraform ? "terraform" : "azure") +
      "` from " + sources + ". Workload, prices, lags and client latencies are defaults: see the provenance report.";
  std::optional<ImportResult> result = TopologyMapper::map(inventory, name, description, outcome.errors);
  if (!result) return outcome;
  outcome.result = std::move(*result);
  outcome.topology_text = outcome.result.topology.dump(2) + "\n";
  topology::LoadResult loaded = topology::TopologyLoader::load_text(outcome.topology_text, name + " (imported)");
  if (!loaded.is_ok()) {
    outcome.errors = loaded.errors;  // values the export holds that the topology does not allow
    return outcome;
  }
  outcome.findings = topology::lint(*loaded.topology);
  return outcome;
}

}  // namespace faultline::importer
