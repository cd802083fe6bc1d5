#include "faultline/cli/mc_command.hpp"

#include <charconv>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "faultline/cli/mc_table.hpp"
#include "faultline/cli/progress_bar.hpp"
#include "faultline/cli/rare_event_option.hpp"
#include "faultline/cli/traffic_option.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/mc_summary.hpp"
#include "faultline/contract/mc_json.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/reliability_loader.hpp"
#include "faultline/base/atomic_write.hpp"
#include "faultline/base/file_digest.hpp"
#include "faultline/version.hpp"

namespace faultline::cli {
namespace {

struct McOptionsCli {
  std::string scenario;
  double years = 1;
  std::uint64_t replications = 100;
  unsigned threads = 0;
  std::optional<double> precision;
  std::optional<double> precision_rto_p95_s;
  std::string shard;
  std::string json_path;
  std::optional<std::uint64_t> seed;
  bool is_quiet = false;
  bool is_large_allowed = false;
  RareEventChoice rare_events;
  engine::TrafficMode traffic = engine::TrafficMode::kFast;
};

// Most simulated years (replications x years) `faultline mc` runs without --allow-large: about
// 15 minutes on two shared cores at ~1,000 simulated years per second (benchmarks/RESULTS.md).
constexpr double kMaxMcYears = 1e6;

// "K/N" with 1 <= K <= N; nullopt when malformed.
std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::uint64_t k = 0;
  std::uint64_t n = 0;
  const char* begin = text.data();
  const auto [pk, ek] = std::from_chars(begin, begin + slash, k);
  const auto [pn, en] = std::from_chars(begin + slash + 1, begin + text.size(), n);
  if (ek != std::errc{} || en != std::errc{} || pk != begin + slash || pn != begin + text.size()) return std::nullopt;
  if (k < 1 || k > n) return std::nullopt;
  return std::pair{k, n};
}

ExitCode run(const McOptionsCli& options, std::ostream& out, std::ostream& err) {
  std::uint64_t shard_index = 1;
  std::uint64_t shard_count = 1;
  if (!options.shard.empty()) {
    const auto shard = parse_shard(options.shard);
    if (!shard) {
      err << "faultline mc: --shard " << options.shard << " is not K/N (allowed: e.g. 1/4, with 1 <= K <= N)\n";
      return ExitCode::kBadInput;
    }
    std::tie(shard_index, shard_count) = *shard;
  }
  if ((options.precision || options.precision_rto_p95_s) && shard_count > 1) {
    err << "faultline mc: --precision cannot be combined with --shard (the stop point needs every replication)\n";
    return ExitCode::kBadInput;
  }
  const double total_years =
      options.years * static_cast<double>(options.replications) / static_cast<double>(shard_count);
  if (total_years > kMaxMcYears && !options.is_large_allowed) {
    err << "faultline mc: estimated " << total_years << " simulated years (--years x --replications) exceeds the "
        << "work budget of " << kMaxMcYears << " years; use fewer, --precision, --shard, or pass --allow-large "
        << "(docs/limits.md); nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(options.scenario);
  if (!loaded.scenario) {
    err << loaded.error_report();
    err << "faultline mc: " << loaded.errors.size() << " problem(s) in the input; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  engine::Scenario& scenario = *loaded.scenario;
  if (options.seed) scenario.seed = *options.seed;
  planner::ReliabilityLoadResult reliability = planner::ReliabilityLoader::load_file(scenario);
  if (!reliability.model) {
    err << reliability.error_report();
    err << "faultline mc: " << reliability.errors.size()
        << " problem(s) in the reliability section; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  const planner::StructureFunction structure = planner::StructureFunction::serving(scenario, *reliability.model);
  planner::McOptions mc_options;
  mc_options.years = options.years;
  mc_options.replications = options.replications;
  mc_options.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  mc_options.precision = options.precision;
  mc_options.precision_rto_p95_s = options.precision_rto_p95_s;
  mc_options.shard_index = shard_index;
  mc_options.shard_count = shard_count;
  mc_options.traffic = options.traffic;
  ProgressBar bar("mc " + scenario.name, !options.is_quiet);
  mc_options.on_progress = [&bar](double f) { bar.update(f); };
  contract::McResult result;
  try {
    planner::MonteCarlo mc(scenario, *reliability.model, structure, mc_options);
    result = mc.run();
  } catch (const std::invalid_argument& e) {
    bar.finish();
    err << "faultline mc: " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  bar.finish();
  result.faultline_version = std::string(kVersion) + " (git " + kGitCommit + ")";
  result.scenario_file = options.scenario;
  result.scenario_sha256 = base::sha256_file(options.scenario);
  result.markov = planner::solve_markov(*reliability.model, structure);
  add_rare_event_estimate(result, options.rare_events, *reliability.model, structure, scenario.seed,
                          mc_options.threads);
  if (!options.json_path.empty()) base::write_file_atomically(options.json_path, contract::to_mc_json_text(result));
  if (!options.is_quiet) {
    out << format_mc_table(result);
    if (!options.json_path.empty()) out << "\nresult written to " << options.json_path << "\n";
  }
  // A shard judges nothing: its targets are decided after `faultline merge`.
  if (shard_count > 1) return ExitCode::kOk;
  return planner::all_targets_met(result.summary) ? ExitCode::kOk : ExitCode::kTargetMissed;
}

}  // namespace

void add_mc_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<McOptionsCli>();
  CLI::App* cmd =
      app.add_subcommand("mc",
                         "Monte Carlo over years of failures and repairs (the scenario's reliability section, or "
                         "published-data defaults), with the exact Markov answer and each component's criticality");
  cmd->add_option("scenario", options->scenario,
                  "scenario file; without a reliability section every component gets the defaults (docs/planner.md)")
      ->required();
  cmd->add_option("--years", options->years, "simulated years per replication (default 1)")
      ->check(CLI::Range(1e-6, 100000.0));
  cmd->add_option("--replications", options->replications, "replications of the whole run (default 100)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  cmd->add_option("-j,--threads", options->threads, "worker threads (default: cores); results do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--precision", options->precision,
                  "stop once the 99 % CI half-width of the first pattern's availability is at most this")
      ->check(CLI::Range(1e-12, 1.0));
  cmd->add_option("--precision-rto-p95", options->precision_rto_p95_s,
                  "stop once the 99 % CI half-width of the first pattern's RTO p95 is at most this many seconds "
                  "(with --precision: once both are reached); --replications is the cap")
      ->check(CLI::Range(1e-6, 1e9));
  cmd->add_option("--shard", options->shard,
                  "run shard K of N (replications i with i mod N = K - 1); combine with `faultline merge`");
  cmd->add_option("--json", options->json_path, "write the result (faultline.mc/v1) to this file");
  cmd->add_option("--seed", options->seed, "override the scenario's seed");
  add_traffic_option(*cmd, options->traffic);
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table and no progress bar (exit code only)");
  cmd->add_flag("--allow-large", options->is_large_allowed,
                "run even when --years x --replications exceeds the budget (docs/limits.md)");
  add_rare_event_options(*cmd, options->rare_events);
  cmd->footer("Exit code: 0 every target met (or a shard), 1 a target missed, 2 bad input.");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = run(*options, out, err); });
}

}  // namespace faultline::cli
