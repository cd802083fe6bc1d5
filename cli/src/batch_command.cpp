#include "faultline/cli/batch_command.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "faultline/cli/progress_bar.hpp"
#include "faultline/cli/result_table.hpp"
#include "faultline/cli/scenario_finder.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"
#include "faultline/base/atomic_write.hpp"
#include "faultline/base/parallel_for.hpp"
#include "faultline/base/file_digest.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/cli/lint_gate.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/contract/result_json.hpp"
#include "faultline/version.hpp"

namespace faultline::cli {
namespace {

struct BatchOptions {
  std::vector<std::string> paths;
  unsigned jobs = 0;
  std::string shard;
  std::string junit_path;
  std::string report_dir;
  bool is_quiet = false;
  bool is_lint_overridden = false;
};

// One scenario's outcome; exactly one of result and error is set.
struct BatchItem {
  std::string path;
  std::optional<engine::RunResult> result;
  std::string error;
  std::vector<reports::JunitLintCase> lint;  // the topology's findings as JUnit cases
};

// Parses "K/N" (1 <= K <= N); returns false when malformed.
bool parse_shard(const std::string& text, std::size_t& k, std::size_t& n) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t used = 0;
    const unsigned long kk = std::stoul(text.substr(0, slash), &used);
    if (used != slash) return false;
    const std::string rest = text.substr(slash + 1);
    const unsigned long nn = std::stoul(rest, &used);
    if (used != rest.size() || kk < 1 || nn < 1 || kk > nn) return false;
    k = kk;
    n = nn;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// File name stem of a scenario's reports in --report-dir: its path with '/' as "__", without ".json".
std::string report_stem(const std::string& path) {
  std::string p = path;
  if (p.size() > 5 && p.compare(p.size() - 5, 5, ".json") == 0) p.resize(p.size() - 5);
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '/') {
      if (!out.empty()) out += "__";
    } else if (p.compare(i, 2, "..") == 0) {
      out += "up";
      ++i;
    } else {
      out += p[i];
    }
  }
  return out;
}

// Loads and runs one scenario with one thread (batch parallelism is across scenarios).
BatchItem run_one(const ScenarioCandidate& candidate, bool is_lint_overridden,
                  const std::function<void(double)>& on_progress) {
  BatchItem item{candidate.path, std::nullopt, {}, {}};
  if (!candidate.problem.empty()) {
    item.error = candidate.path + ": " + candidate.problem;
    return item;
  }
  try {
    engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(candidate.path);
    if (!loaded.scenario) {
      item.error = loaded.error_report();
      while (!item.error.empty() && item.error.back() == '\n') item.error.pop_back();
      return item;
    }
    const engine::Scenario& scenario = *loaded.scenario;
    const std::vector<topology::LintFinding> findings = scenario_lint(scenario);
    item.lint = lint_junit_cases(scenario, findings, is_lint_overridden);
    if (const auto blocking = blocking_lint_errors(scenario, findings); !blocking.empty() && !is_lint_overridden) {
      item.error = format_lint_refusal(candidate.path, blocking);
      while (!item.error.empty() && item.error.back() == '\n') item.error.pop_back();
      return item;
    }
    std::vector<engine::InputFile> inputs{{"scenario", candidate.path, base::sha256_file(candidate.path)}};
    if (!scenario.topology_file.empty()) {
      inputs.push_back({"topology", scenario.topology_file, base::sha256_file(scenario.topology_file)});
    }
    engine::RunOptions run_options;
    run_options.threads = 1;
    run_options.control.on_progress = on_progress;
    // No cancel flag: always a result.
    item.result =
        engine::run_scenario(scenario, run_options, inputs, std::string(kVersion) + " (git " + kGitCommit + ")");
  } catch (const std::exception& e) {
    item.error = candidate.path + ": " + e.what();
  }
  return item;
}

// Runs every candidate on options.jobs threads (0: one per hardware thread) with a progress bar; items in candidate
// order.
std::vector<BatchItem> run_all(const std::vector<ScenarioCandidate>& mine, const BatchOptions& options) {
  std::vector<BatchItem> items(mine.size());
  std::vector<double> progress(mine.size(), 0.0);
  std::mutex progress_mutex;
  ProgressBar bar("batch: " + std::to_string(mine.size()) + " scenario(s)", !options.is_quiet);
  const auto report_progress = [&](std::size_t index, double fraction) {
    std::lock_guard lock(progress_mutex);
    progress[index] = fraction;
    double sum = 0.0;
    for (const double p : progress) sum += p;
    bar.update(sum / static_cast<double>(progress.size()));
  };
  const unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  base::parallel_for(mine.size(), jobs, [&](std::size_t i) {
    items[i] = run_one(mine[i], options.is_lint_overridden, [&report_progress, i](double f) { report_progress(i, f); });
    report_progress(i, 1.0);
  });
  bar.finish();
  return items;
}

// Writes STEM.result.json and STEM.html into `report_dir` for every item that ran.
void write_reports(const std::vector<BatchItem>& items, const std::string& report_dir) {
  std::filesystem::create_directories(report_dir);
  for (const BatchItem& item : items) {
    if (!item.result) continue;
    const std::filesystem::path stem = std::filesystem::path(report_dir) / report_stem(item.path);
    base::write_file_atomically(stem.string() + ".result.json", contract::to_json_text(*item.result));
    base::write_file_atomically(stem.string() + ".html",
                                reports::to_html(*item.result, reports::load_report_topology(*item.result)));
  }
}

ExitCode batch(const BatchOptions& options, std::ostream& out, std::ostream& err) {
  std::size_t shard_k = 1;
  std::size_t shard_n = 1;
  if (!options.shard.empty() && !parse_shard(options.shard, shard_k, shard_n)) {
    err << "faultline batch: --shard " << options.shard << " is malformed (allowed: K/N with 1 <= K <= N, e.g. 2/4)\n";
    return ExitCode::kBadInput;
  }
  const std::vector<ScenarioCandidate> all = find_scenarios(options.paths);
  std::vector<ScenarioCandidate> mine;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i % shard_n == shard_k - 1) mine.push_back(all[i]);
  }
  if (all.empty()) {
    err << "faultline batch: no scenario found under the given paths (a scenario is a .json file with "
           "\"workloads\" and \"patterns\"; folders named schema and topologies are skipped)\n";
    return ExitCode::kBadInput;
  }

  const std::vector<BatchItem> items = run_all(mine, options);

  // Everything below is in path order, so it does not depend on --jobs.
  std::size_t bad = 0;
  std::size_t missed = 0;
  std::vector<reports::JunitSuite> suites;
  for (const BatchItem& item : items) {
    if (item.result) {
      if (!engine::all_targets_met(*item.result)) ++missed;
    } else {
      ++bad;
      err << item.error << "\nfaultline batch: " << item.path << " is malformed; it was not run\n";
    }
    suites.push_back({item.path, item.result, item.error, item.lint});
  }
  if (!options.report_dir.empty()) write_reports(items, options.report_dir);
  if (!options.junit_path.empty()) base::write_file_atomically(options.junit_path, reports::to_junit_xml(suites));
  if (!options.is_quiet) {
    for (const BatchItem& item : items) {
      out << "== " << item.path << (item.result ? "" : ": MALFORMED, not run") << "\n";
      if (item.result) out << format_result_table(*item.result);
      out << "\n";
    }
    out << "batch";
    if (shard_n > 1) out << " shard " << shard_k << "/" << shard_n;
    out << ": " << items.size() << " scenario(s), " << (items.size() - bad - missed) << " met every target, " << missed
        << " missed a target, " << bad << " malformed\n";
  }
  if (bad > 0) return ExitCode::kBadInput;
  return missed > 0 ? ExitCode::kTargetMissed : ExitCode::kOk;
}

}  // namespace

void add_batch_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<BatchOptions>();
  CLI::App* cmd =
      app.add_subcommand("batch", "Run every scenario under the given paths (CI): table, JUnit, HTML reports");
  cmd->add_option("paths", options->paths, "scenario files, or folders searched recursively for scenarios")->required();
  cmd->add_option("-j,--jobs", options->jobs, "scenarios run at once (default: cores); outputs do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--shard", options->shard, "run only shard K of N: every N-th scenario in path order, from the K-th");
  cmd->add_option("--junit", options->junit_path, "write JUnit XML: one test suite per scenario");
  cmd->add_option("--report-dir", options->report_dir,
                  "write <scenario>.html and <scenario>.result.json per scenario here");
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table and no progress bar (exit code only)");
  cmd->add_flag("--allow-lint-errors", options->is_lint_overridden,
                "run scenarios whose topology has lint errors they do not acknowledge in lint.allow");
  cmd->footer(
      "Exit code: 0 every target met, 1 a target missed, 2 a malformed scenario or unacknowledged topology lint "
      "errors (the others still run).\n"
      "Merging shards: run them into one --report-dir, then\n"
      "  faultline report DIR/*.result.json --format junit -o junit.xml");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = batch(*options, out, err); });
}

}  // namespace faultline::cli
