#pragma once
// Helpers for the importer tests: map an inline export, find nodes and links by id.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"
#include "faultline/importer/import_result.hpp"

namespace faultline::importer::testing {

/// Result of mapping an inline export: the result when it mapped, and every error.
struct Mapped {
  ImportResult result;
  std::vector<base::LoadError> errors;
  bool is_ok = false;
};

/// Maps an ARM-shaped export (`data`, `value`, bare array or one resource) given inline.
Mapped map_arm(const nlohmann::json& document);
/// Maps a `terraform show -json` document given inline.
Mapped map_terraform(const nlohmann::json& document);
/// A managed azurerm resource of a state file.
nlohmann::json tf_resource(const std::string& type, const std::string& name, nlohmann::json values);
/// A state document whose root module holds `resources`.
nlohmann::json tf_state(nlohmann::json resources);
/// An ARM row.
nlohmann::json arm(const std::string& id, const std::string& type, const std::string& location,
                   nlohmann::json properties = nlohmann::json::object(), nlohmann::json sku = nullptr,
                   nlohmann::json zones = nullptr);
/// "/subscriptions/s/resourceGroups/rg/providers/" + rest.
std::string rid(const std::string& rest);
/// The node with this id in any region (null json when absent).
nlohmann::json node(const nlohmann::json& topology, const std::string& id);
/// The replication link from -> to (null json when absent).
nlohmann::json link(const nlohmann::json& topology, const std::string& from, const std::string& to);
/// The region with this id (null json when absent).
nlohmann::json region(const nlohmann::json& topology, const std::string& id);
/// Skipped resources of `type` in `result`.
std::size_t skipped_count(const ImportResult& result, const std::string& type);
/// Every error as one string per line.
std::string error_text(const std::vector<base::LoadError>& errors);

}  // namespace faultline::importer::testing
