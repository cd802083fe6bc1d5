#include "faultline/importer/importer.hpp"

#include "faultline/base/json_guard.hpp"
#include "faultline/base/json_reader.hpp"
#include "faultline/importer/arm_reader.hpp"
#include "faultline/importer/terraform_reader.hpp"
#include "faultline/importer/topology_mapper.hpp"
#include "faultline/topology/linter.hpp"
#include "faultline/topology/topology_loader.hpp"

namespace faultline::importer {

namespace {

void read_export(ExportFormat format, const nlohmann::json& document, const std::string& file, Inventory& inventory,
                 std::vector<base::LoadError>& errors) {
  if (format == ExportFormat::kTerraform) {
    TerraformReader::read(document, file, inventory, errors);
  } else {
    ArmReader::read(document, file, inventory, errors);
  }
}

ImportOutcome map_inventory(ExportFormat format, const Inventory& inventory, const std::string& sources,
                            const std::string& name, ImportOutcome outcome);

}  // namespace

ImportOutcome import_exports(ExportFormat format, const std::vector<std::string>& files, const std::string& name) {
  ImportOutcome outcome;
  Inventory inventory;
  std::string sources;
  for (const std::string& file : files) {
    const std::optional<nlohmann::json> document = base::JsonReader::parse_file(file, outcome.errors);
    sources += (sources.empty() ? "" : ", ") + file;
    if (document) read_export(format, *document, file, inventory, outcome.errors);
  }
  return map_inventory(format, inventory, sources, name, std::move(outcome));
}

ImportOutcome import_texts(ExportFormat format, const std::vector<ExportText>& exports, const std::string& name) {
  ImportOutcome outcome;
  Inventory inventory;
  std::string sources;
  for (const ExportText& e : exports) {
    const std::optional<nlohmann::json> document = base::JsonReader::parse(e.text, e.file, outcome.errors);
    sources += (sources.empty() ? "" : ", ") + e.file;
    if (document) read_export(format, *document, e.file, inventory, outcome.errors);
  }
  return map_inventory(format, inventory, sources, name, std::move(outcome));
}

namespace {

// The inventory as a topology, checked by the real loader and linted; `outcome` carries the read errors.
ImportOutcome map_inventory(ExportFormat format, const Inventory& inventory, const std::string& sources,
                            const std::string& name, ImportOutcome outcome) {
  if (!outcome.errors.empty()) return outcome;
  const std::string description =
      "Imported by `faultline import " + std::string(format == ExportFormat::kTerraform ? "terraform" : "azure") +
      "` from " + sources + ". Workload, prices, lags and client latencies are defaults: see the provenance report.";
  std::optional<ImportResult> result;
  try {
    result = TopologyMapper::map(inventory, name, description, outcome.errors);
  } catch (const nlohmann::json::exception& e) {
    // A property of a known type holding a value of another JSON type (e.g. a number where
    // ARM has a boolean): the mappers read typed values; refuse rather than guess.
    outcome.errors.push_back(
        base::LoadError{sources, "", 0, 0,
                        "a resource property has an unexpected JSON type: " + base::JsonGuard::plain_message(e.what()),
                        "property types as ARM and the azurerm provider document them"});
    return outcome;
  }
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

}  // namespace

}  // namespace faultline::importer
