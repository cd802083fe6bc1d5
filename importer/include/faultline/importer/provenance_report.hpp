#pragma once
// The provenance report of an import: every node key imported from
// RESOURCE.PROPERTY or defaulted (and why), skipped resources by type and
// count, and references to resources outside the export.

#include <string>

#include <nlohmann/json.hpp>

#include "faultline/importer/import_result.hpp"

namespace faultline::importer {

/// Human-readable report; `is_full` lists every key, else only counts, skipped types and references.
std::string provenance_text(const ImportResult& result, bool is_full);
/// {"provenance": [{node, key, origin: imported|defaulted, source}], "skipped": [{type, count, reason, addresses}],
///  "external_references": [...]}.
nlohmann::json provenance_json(const ImportResult& result);

}  // namespace faultline::importer
