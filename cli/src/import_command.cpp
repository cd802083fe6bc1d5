#include "faultline/cli/import_command.hpp"

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "faultline/base/atomic_write.hpp"
#include "faultline/cli/lint_command.hpp"
#include "faultline/importer/importer.hpp"
#include "faultline/importer/provenance_report.hpp"
#include "faultline/topology/linter.hpp"

namespace faultline::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string output;
  std::string provenance;
  std::string name;
  bool is_json = false;
};

void run_import(importer::ExportFormat format, const ImportOptions& options, std::ostream& out, std::ostream& err,
                ExitCode& exit_code) {
  const std::string name = options.name.empty() ? std::filesystem::path(options.output).stem().string() : options.name;
  const importer::ImportOutcome outcome = importer::import_exports(format, options.files, name);
  if (!outcome.errors.empty()) {
    for (const base::LoadError& e : outcome.errors) err << e.to_string() << "\n";
    err << "faultline import: " << outcome.errors.size() << " problem(s); nothing written\n";
    exit_code = ExitCode::kBadInput;
    return;
  }
  base::write_file_atomically(options.output, outcome.topology_text);
  if (!options.provenance.empty()) {
    base::write_file_atomically(options.provenance, importer::provenance_json(outcome.result).dump(2) + "\n");
  }
  out << "wrote " << options.output << " (" << outcome.result.topology["regions"].size() << " region(s))\n"
      << importer::provenance_text(outcome.result, options.provenance.empty());
  out << (options.is_json ? format_findings_json(options.output, outcome.findings)
                          : format_findings_text(options.output, outcome.findings));
  exit_code = topology::has_errors(outcome.findings) ? ExitCode::kTargetMissed : ExitCode::kOk;
}

CLI::App* add_format(CLI::App* parent, const char* name, const char* help, importer::ExportFormat format,
                     std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = parent->add_subcommand(name, help);
  if (format == importer::ExportFormat::kTerraform) {
    cmd->add_option("STATE", options->files, "output of `terraform show -json`")->required()->expected(1);
  } else {
    cmd->add_option("RESOURCES", options->files, "az graph query / az resource list / az rest exports")
        ->required()
        ->expected(1, -1);
  }
  cmd->add_option("-o,--output", options->output, "topology file to write")->required();
  cmd->add_option("--provenance", options->provenance,
                  "write where every key came from as JSON (else the terminal lists every key)");
  cmd->add_option("--name", options->name, "topology name (default: the output file's stem)");
  cmd->add_flag("--json", options->is_json, "print the lint findings as JSON");
  cmd->callback([format, options, &out, &err, &exit_code] { run_import(format, *options, out, err, exit_code); });
  return cmd;
}

}  // namespace

void add_import_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  CLI::App* cmd =
      app.add_subcommand("import",
                         "Build a topology from Terraform state or an Azure Resource Graph export, then lint it "
                         "(exit 1 on lint errors, 2 on bad input)");
  cmd->require_subcommand(1);
  add_format(cmd, "terraform", "read `terraform show -json` output (azurerm resources)",
             importer::ExportFormat::kTerraform, out, err, exit_code);
  add_format(cmd, "azure", "read Resource Graph / az resource list / az rest exports (child rows or files)",
             importer::ExportFormat::kAzure, out, err, exit_code);
}

}  // namespace faultline::cli
