#include "faultline/cli/sensitivity_command.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "faultline/base/atomic_write.hpp"
#include "faultline/base/file_digest.hpp"
#include "faultline/cli/lint_gate.hpp"
#include "faultline/cli/progress_bar.hpp"
#include "faultline/cli/sensitivity_table.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/model/work_budget.hpp"
#include "faultline/reports/sensitivity_report.hpp"
#include "faultline/sensitivity/parameter_range.hpp"
#include "faultline/sensitivity/sensitivity_json.hpp"
#include "faultline/sensitivity/sensitivity_study.hpp"
#include "faultline/version.hpp"

namespace faultline::cli {
namespace {

struct SensitivityOptionsCli {
  std::string scenario;
  std::vector<std::string> patterns;
  std::vector<std::string> params;
  unsigned points = 2;
  std::string json_path;
  std::string report_path;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;
  bool is_quiet = false;
  bool is_lint_overridden = false;
  bool is_large_allowed = false;
};

// The loaded scenario after the lint gate and the seed override; nothing (and the problem on `err`) otherwise.
std::optional<engine::Scenario> load_scenario(const SensitivityOptionsCli& options, std::ostream& err) {
  engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(options.scenario);
  if (!loaded.scenario) {
    err << loaded.error_report();
    err << "faultline sensitivity: " << loaded.errors.size() << " problem(s) in the input; nothing was simulated\n";
    return std::nullopt;
  }
  engine::Scenario& scenario = *loaded.scenario;
  const std::vector<topology::LintFinding> findings = scenario_lint(scenario);
  if (const auto blocking = blocking_lint_errors(scenario, findings); !blocking.empty()) {
    if (!options.is_lint_overridden) {
      err << format_lint_refusal(options.scenario, blocking);
      return std::nullopt;
    }
    err << "faultline sensitivity: simulating despite " << blocking.size()
        << " topology lint error(s) (--allow-lint-errors)\n";
  }
  if (options.seed) scenario.seed = *options.seed;
  return std::move(*loaded.scenario);
}

std::vector<engine::InputFile> input_files(const SensitivityOptionsCli& options, const engine::Scenario& scenario) {
  std::vector<engine::InputFile> inputs{{"scenario", options.scenario, base::sha256_file(options.scenario)}};
  if (!scenario.topology_file.empty()) {
    inputs.push_back({"topology", scenario.topology_file, base::sha256_file(scenario.topology_file)});
  }
  return inputs;
}

ExitCode run(const SensitivityOptionsCli& options, std::ostream& out, std::ostream& err) {
  const sensitivity::RangeParseResult ranges = sensitivity::parse_parameter_ranges(options.params);
  if (!ranges.error.empty()) {
    err << "faultline sensitivity: " << ranges.error << "\n";
    return ExitCode::kBadInput;
  }
  if (!options.report_path.empty() && !options.report_path.ends_with(".html")) {
    err << "faultline sensitivity: --report " << options.report_path
        << ": the report is HTML (allowed: a file name ending in .html; `faultline report` prints it as PDF)\n";
    return ExitCode::kBadInput;
  }
  std::optional<engine::Scenario> scenario = load_scenario(options, err);
  if (!scenario) return ExitCode::kBadInput;
  std::optional<sensitivity::SensitivityStudy> study;
  try {
    study.emplace(*scenario, sensitivity::StudyOptions{options.patterns, ranges.ranges, options.points});
  } catch (const std::invalid_argument& e) {
    err << "faultline sensitivity: " << options.scenario << ": " << e.what()
        << "\nfaultline sensitivity: nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  if (const auto refusal = engine::work_budget_refusal(study->expanded(), {}); refusal && !options.is_large_allowed) {
    err << "faultline sensitivity: " << options.scenario << ": " << study->run_count() << " runs: " << *refusal
        << "; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  ProgressBar bar("sensitivity of " + scenario->name + ": " + std::to_string(study->run_count()) + " runs",
                  !options.is_quiet);
  engine::RunControl control;
  control.on_progress = [&bar](double f) { bar.update(f); };
  const unsigned threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  // No cancel flag: the study always runs to its end.
  const sensitivity::SensitivityResult result =
      study->run(threads, control, input_files(options, *scenario), std::string(kVersion) + " (git " + kGitCommit + ")")
          .value();
  bar.finish();
  if (!options.json_path.empty()) {
    base::write_file_atomically(options.json_path, sensitivity::to_sensitivity_json_text(result));
  }
  if (!options.report_path.empty())
    base::write_file_atomically(options.report_path, reports::sensitivity_to_html(result));
  if (!options.is_quiet) {
    out << format_sensitivity_table(result);
    if (!options.json_path.empty()) out << "\nresult written to " << options.json_path << "\n";
    if (!options.report_path.empty()) out << "report written to " << options.report_path << "\n";
  }
  const bool is_met =
      std::all_of(result.patterns.begin(), result.patterns.end(), [](const auto& p) { return p.base.meets_targets; });
  return is_met ? ExitCode::kOk : ExitCode::kTargetMissed;
}

std::string params_help() {
  std::string text =
      "parameters to vary, NAME or NAME=LOW..HIGH, comma-separated or repeated (default: every parameter "
      "over its default range):";
  for (const sensitivity::ParameterInfo& p : sensitivity::parameter_catalog()) {
    text += "\n  " + std::string(p.name) + " " + std::string(p.default_range);
  }
  return text;
}

}  // namespace

void add_sensitivity_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<SensitivityOptionsCli>();
  CLI::App* cmd = app.add_subcommand(
      "sensitivity", "Vary each parameter one at a time on the same seed: swing of RTO, RPO, availability and cost");
  cmd->add_option("scenario", options->scenario, "scenario file (docs/scenarios.md)")->required();
  cmd->add_option("-p,--pattern", options->patterns, "vary only this pattern (repeatable; default: every pattern)");
  cmd->add_option("--params", options->params, params_help())->delimiter(',');
  cmd->add_option("--points", options->points, "values per range, evenly spaced, ends included (default 2)")
      ->check(CLI::Range(2, 21));
  cmd->add_option("--json", options->json_path, "write the result (faultline.sensitivity/v1) to this file");
  cmd->add_option("--report", options->report_path, "write the HTML report with the tornado charts to this file");
  cmd->add_option("--seed", options->seed, "override the scenario's seed (every run uses it)");
  cmd->add_option("-j,--threads", options->threads, "runs in parallel (default: cores); results do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table and no progress bar (exit code only)");
  cmd->add_flag("--allow-lint-errors", options->is_lint_overridden,
                "simulate even when the topology has lint errors the scenario does not acknowledge in lint.allow");
  cmd->add_flag("--allow-large", options->is_large_allowed,
                "run even when the estimated work exceeds the budget (docs/limits.md)");
  cmd->footer("Exit code: 0 every pattern meets its targets with its own settings, 1 one misses them, 2 bad input.");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = run(*options, out, err); });
}

}  // namespace faultline::cli
