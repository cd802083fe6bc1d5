#include "faultline/cli/run_command.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "faultline/base/atomic_write.hpp"
#include "faultline/base/file_digest.hpp"
#include "faultline/cli/progress_bar.hpp"
#include "faultline/cli/cost_table.hpp"
#include "faultline/cli/result_table.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"
#include "faultline/engine/model/work_budget.hpp"
#include "faultline/reports/chromium.hpp"
#include "faultline/cli/lint_gate.hpp"
#include "faultline/cli/replication_table.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/reports/report_format.hpp"
#include "faultline/contract/result_json.hpp"
#include "faultline/version.hpp"

namespace faultline::cli {
namespace {

struct RunOptionsCli {
  std::string scenario;
  std::vector<std::string> patterns;
  std::string json_path;
  std::string report_path;
  std::string report_format;
  std::string junit_path;
  std::string chromium;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;
  bool is_quiet = false;
  bool has_cost_breakdown = false;
  bool is_lint_overridden = false;
  std::uint64_t replications = 1;
  bool is_large_allowed = false;
};

std::string describe_duration(double seconds) {
  if (seconds >= 3600 && static_cast<long long>(seconds) % 3600 == 0)
    return std::to_string(static_cast<long long>(seconds / 3600)) + " h";
  if (seconds >= 60 && static_cast<long long>(seconds) % 60 == 0)
    return std::to_string(static_cast<long long>(seconds / 60)) + " min";
  return std::to_string(static_cast<long long>(seconds)) + " s";
}

// Checks --report/--format (and Chromium for a PDF) before simulating, so a typo does not cost a whole run.
// Returns false after writing the problem to `err`.
bool check_report_options(const RunOptionsCli& options, std::optional<reports::ReportFormat>& report_format,
                          std::ostream& err) {
  if (!options.report_path.empty()) {
    report_format = options.report_format.empty() ? reports::report_format_of_path(options.report_path)
                                                  : reports::parse_report_format(options.report_format);
    if (!report_format) {
      err << "faultline run: cannot tell the report format of " << options.report_path << " (--format "
          << (options.report_format.empty() ? std::string("not given") : options.report_format)
          << "; allowed: " << reports::report_format_names() << ", or the extensions .html .md .csv .xml .pdf)\n";
      return false;
    }
  } else if (!options.report_format.empty()) {
    err << "faultline run: --format applies to --report FILE, which is missing\n";
    return false;
  }
  if (report_format == reports::ReportFormat::kPdf) {
    try {
      (void)reports::HeadlessChromium::find(options.chromium);
    } catch (const reports::ChromiumNotFound& e) {
      err << "faultline run: " << e.what() << "; nothing was simulated\n";
      return false;
    }
  }
  return true;
}

// Runs seeds seed + 1 .. seed + replications - 1 after `first` (seed) and formats the intervals.
std::string replicate(const RunOptionsCli& options, engine::Scenario& scenario, const engine::RunOptions& run_options,
                      const std::vector<engine::InputFile>& inputs, const engine::RunResult& first) {
  std::vector<PatternSamples> samples;
  add_replication(first, samples);
  const std::uint64_t first_seed = scenario.seed;
  ProgressBar bar("replications of " + scenario.name, !options.is_quiet);
  engine::RunOptions quiet = run_options;
  quiet.control.on_progress = nullptr;
  for (std::uint64_t k = 1; k < options.replications; ++k) {
    scenario.seed = first_seed + k;
    add_replication(engine::run_scenario(scenario, quiet, inputs, std::string(kVersion)).value(), samples);
    bar.update(static_cast<double>(k + 1) / static_cast<double>(options.replications));
  }
  bar.finish();
  scenario.seed = first_seed;
  return format_replications(samples, first_seed, options.replications);
}

// The table and what was written, unless quiet.
void print_summary(const RunOptionsCli& options, const engine::Scenario& scenario, const engine::RunResult& result,
                   bool has_report, std::ostream& out) {
  if (options.is_quiet) return;
  out << "scenario " << scenario.name << ": " << describe_duration(engine::to_seconds(scenario.duration))
      << " simulated, seed " << scenario.seed << ", " << scenario.faults.size() << " fault(s)\n\n";
  out << format_result_table(result);
  if (options.has_cost_breakdown) out << format_cost_breakdown(result);
  if (!options.json_path.empty()) out << "result written to " << options.json_path << "\n";
  if (!options.junit_path.empty()) out << "JUnit written to " << options.junit_path << "\n";
  if (has_report) out << "report written to " << options.report_path << "\n";
}

ExitCode run(const RunOptionsCli& options, std::ostream& out, std::ostream& err) {
  std::optional<reports::ReportFormat> report_format;
  if (!check_report_options(options, report_format, err)) return ExitCode::kBadInput;
  engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(options.scenario);
  if (!loaded.scenario) {
    err << loaded.error_report();
    err << "faultline run: " << loaded.errors.size() << " problem(s) in the input; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  engine::Scenario& scenario = *loaded.scenario;
  const std::vector<topology::LintFinding> findings = scenario_lint(scenario);
  if (!options.is_quiet) err << format_lint_notes(options.scenario, scenario_notes(scenario));
  if (const auto blocking = blocking_lint_errors(scenario, findings); !blocking.empty()) {
    if (!options.is_lint_overridden) {
      err << format_lint_refusal(options.scenario, blocking);
      return ExitCode::kBadInput;
    }
    err << "faultline run: simulating despite " << blocking.size() << " topology lint error(s) (--allow-lint-errors)\n";
  }
  if (options.seed) scenario.seed = *options.seed;
  if (const auto refusal = engine::work_budget_refusal(scenario, options.patterns);
      refusal && !options.is_large_allowed) {
    err << "faultline run: " << options.scenario << ": " << *refusal << "; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  std::vector<engine::InputFile> inputs{{"scenario", options.scenario, base::sha256_file(options.scenario)}};
  if (!scenario.topology_file.empty()) {
    inputs.push_back({"topology", scenario.topology_file, base::sha256_file(scenario.topology_file)});
  }
  ProgressBar bar("simulating " + scenario.name, !options.is_quiet);
  engine::RunOptions run_options;
  run_options.patterns = options.patterns;
  run_options.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  run_options.control.on_progress = [&bar](double f) { bar.update(f); };
  engine::RunResult result;
  std::string replications_table;
  try {
    // No cancel flag: always a result.
    result = engine::run_scenario(scenario, run_options, inputs, std::string(kVersion) + " (git " + kGitCommit + ")")
                 .value();
    bar.finish();
    if (options.replications > 1) replications_table = replicate(options, scenario, run_options, inputs, result);
  } catch (const std::invalid_argument& e) {
    bar.finish();
    err << "faultline run: " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  if (!options.json_path.empty()) base::write_file_atomically(options.json_path, contract::to_json_text(result));
  if (!options.junit_path.empty()) {
    base::write_file_atomically(
        options.junit_path,
        reports::to_junit_xml(
            {{options.scenario, result, {}, lint_junit_cases(scenario, findings, options.is_lint_overridden)}}));
  }
  if (report_format) {
    try {
      reports::write_report(result, *report_format, options.report_path, options.chromium);
    } catch (const reports::ChromiumNotFound& e) {
      err << "faultline run: " << e.what() << "\n";
      return ExitCode::kBadInput;
    }
  }
  print_summary(options, scenario, result, report_format.has_value(), out);
  if (!options.is_quiet) out << replications_table;
  return engine::all_targets_met(result) ? ExitCode::kOk : ExitCode::kTargetMissed;
}

}  // namespace

void add_run_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<RunOptionsCli>();
  CLI::App* cmd =
      app.add_subcommand("run", "Simulate a scenario's failover patterns and compare RTO, availability and cost");
  cmd->add_option("scenario", options->scenario, "scenario file (docs/scenarios.md)")->required();
  cmd->add_option("-p,--pattern", options->patterns, "run only this pattern (repeatable)");
  cmd->add_option("--json", options->json_path, "write the result (faultline.result/v1) to this file");
  cmd->add_option("--report", options->report_path, "also write a report (format from the extension or --format)");
  cmd->add_option("--format", options->report_format, "format of --report: html | md | csv | junit | pdf");
  cmd->add_option("--junit", options->junit_path, "also write JUnit XML (one test case per pattern and target)");
  cmd->add_option("--chromium", options->chromium, "Chromium executable for a pdf report (default: chromium on PATH)");
  cmd->add_option("--seed", options->seed, "override the scenario's seed");
  cmd->add_option("-j,--threads", options->threads, "patterns simulated in parallel (default: cores)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table and no progress bar (exit code only)");
  cmd->add_flag("--cost-breakdown", options->has_cost_breakdown,
                "also print each pattern's monthly cost by component and region, its baseline and premium");
  cmd->add_option("--replications", options->replications,
                  "also run seeds seed+1 .. seed+N-1 and print RTO, RPO and availability intervals over the N runs "
                  "(the result file and targets stay those of the first seed)")
      ->check(CLI::Range(1, 10000));
  cmd->add_flag("--allow-lint-errors", options->is_lint_overridden,
                "simulate even when the topology has lint errors the scenario does not acknowledge in lint.allow");
  cmd->footer("Exit code: 0 every target met, 1 a target missed, 2 bad input (or topology lint errors).");
  cmd->add_flag("--allow-large", options->is_large_allowed,
                "run even when the estimated work exceeds the budget (docs/limits.md)");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = run(*options, out, err); });
}

}  // namespace faultline::cli
