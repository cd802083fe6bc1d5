#pragma once
// `faultline import`: read exports, map them into a topology, check the result
// with the real topology loader and lint it.

#include <string>
#include <vector>

#include "faultline/base/load_error.hpp"
#include "faultline/importer/import_result.hpp"
#include "faultline/topology/lint_finding.hpp"

namespace faultline::importer {

/// Which export the files are.
enum class ExportFormat { kTerraform, kAzure };

/// Everything an import produced. When `errors` is non-empty the input was bad and nothing else is set.
struct ImportOutcome {
  std::vector<base::LoadError> errors;
  ImportResult result;
  std::string topology_text;  // the topology file's content (2-space JSON, newline-terminated)
  std::vector<topology::LintFinding> findings;
};

/// One export's content and the name its messages use.
struct ExportText {
  std::string file;
  std::string text;
};

/// Imports exports already read into memory; otherwise as `import_exports`.
ImportOutcome import_texts(ExportFormat format, const std::vector<ExportText>& exports, const std::string& name);

/// Imports `files` (one state file for Terraform; one or more exports for Azure, read as one
/// inventory) into a topology named `name`.
ImportOutcome import_exports(ExportFormat format, const std::vector<std::string>& files, const std::string& name);

}  // namespace faultline::importer
