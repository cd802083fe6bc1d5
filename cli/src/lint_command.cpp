#include "faultline/cli/lint_command.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "faultline/topology/linter.hpp"
#include "faultline/topology/topology_loader.hpp"

namespace faultline::cli {
namespace {

struct LintOptions {
  std::string file;
  bool is_json = false;
};

std::string load_errors_json(const std::string& file, const std::vector<base::LoadError>& errors) {
  nlohmann::json doc = {{"file", file}, {"load_errors", nlohmann::json::array()}};
  for (const base::LoadError& e : errors) {
    doc["load_errors"].push_back({{"file", e.file},
                                  {"path", e.json_path},
                                  {"line", e.line},
                                  {"column", e.column},
                                  {"problem", e.problem},
                                  {"allowed", e.allowed}});
  }
  return doc.dump(2) + "\n";
}

}  // namespace

std::string format_findings_text(const std::string& file, const std::vector<topology::LintFinding>& findings) {
  int counts[3] = {0, 0, 0};
  for (const auto& f : findings) ++counts[static_cast<int>(f.severity)];
  std::string out = file + ": " + std::to_string(counts[0]) + " error(s), " + std::to_string(counts[1]) +
                    " warning(s), " + std::to_string(counts[2]) + " info\n";
  for (const auto& f : findings) {
    std::string nodes;
    for (const std::string& n : f.nodes) nodes += (nodes.empty() ? "" : ", ") + n;
    out += std::string(topology::to_string(f.severity)) + " " + f.rule_id + " " + f.rule_name + ": " + f.message +
           "\n  nodes: " + nodes + "\n  fix: " + f.fix + "\n";
  }
  return out;
}

std::string format_findings_json(const std::string& file, const std::vector<topology::LintFinding>& findings) {
  nlohmann::json doc = {{"file", file}, {"findings", nlohmann::json::array()}};
  int counts[3] = {0, 0, 0};
  for (const auto& f : findings) {
    ++counts[static_cast<int>(f.severity)];
    doc["findings"].push_back({{"rule", f.rule_id},
                               {"name", f.rule_name},
                               {"severity", std::string(topology::to_string(f.severity))},
                               {"nodes", f.nodes},
                               {"message", f.message},
                               {"fix", f.fix}});
  }
  doc["summary"] = {{"errors", counts[0]}, {"warnings", counts[1]}, {"info", counts[2]}};
  return doc.dump(2) + "\n";
}

void add_lint_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<LintOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lint", "Check a topology file for common multi-region mistakes (exit 1 on any error finding, 2 on bad input)");
  cmd->add_option("TOPOLOGY", options->file, "topology JSON file")->required();
  cmd->add_flag("--json", options->is_json, "print the findings as JSON");
  cmd->callback([options, &out, &err, &exit_code] {
    const topology::LoadResult loaded = topology::TopologyLoader::load_file(options->file);
    if (!loaded.is_ok()) {
      if (options->is_json) out << load_errors_json(options->file, loaded.errors);
      err << loaded.error_report();
      exit_code = ExitCode::kBadInput;
      return;
    }
    const std::vector<topology::LintFinding> findings = topology::lint(*loaded.topology);
    out << (options->is_json ? format_findings_json(options->file, findings)
                             : format_findings_text(options->file, findings));
    exit_code = topology::has_errors(findings) ? ExitCode::kTargetMissed : ExitCode::kOk;
  });
}

}  // namespace faultline::cli
