#include "faultline/cli/plan_command.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "faultline/cli/progress_bar.hpp"
#include "faultline/engine/scenario_loader.hpp"
#include "faultline/planner/plan_evaluator.hpp"
#include "faultline/planner/plan_search.hpp"
#include "faultline/planner/reliability_loader.hpp"
#include "faultline/reports/atomic_write.hpp"
#include "faultline/reports/file_digest.hpp"
#include "faultline/version.hpp"

namespace faultline::cli {
namespace {

using nlohmann::ordered_json;

struct PlanOptionsCli {
  std::string scenario;
  std::optional<double> budget;
  double years = 10;
  std::uint64_t replications = 10;
  unsigned threads = 0;
  std::string json_path;
  bool is_quiet = false;
};

std::string fixed(double v, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

ordered_json optional_number(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json choice_json(const planner::PlanChoice& c, const std::vector<planner::PlanCandidate>& candidates) {
  return {{"label", c.candidate ? ordered_json(candidates[*c.candidate].label) : ordered_json(nullptr)},
          {"why", c.why}};
}

std::string to_plan_json(const PlanOptionsCli& options, const engine::Scenario& scenario,
                         const std::vector<planner::PlanCandidate>& candidates, const planner::PlanRecommendation& r) {
  ordered_json j;
  j["schema"] = "faultline.plan/v1";
  j["faultline_version"] = std::string(kVersion) + " (git " + kGitCommit + ")";
  j["inputs"] = {{"scenario", options.scenario}, {"sha256", reports::sha256_file(options.scenario)}};
  j["seed"] = scenario.seed;
  j["years_per_replication"] = options.years;
  j["replications"] = options.replications;
  j["budget_monthly_usd"] = optional_number(options.budget);
  ordered_json targets = ordered_json::object();
  if (scenario.targets.availability) targets["availability"] = *scenario.targets.availability;
  if (scenario.targets.rto_s) targets["rto_s"] = *scenario.targets.rto_s;
  if (scenario.targets.rpo_s) targets["rpo_s"] = *scenario.targets.rpo_s;
  if (scenario.targets.monthly_cost_usd) targets["monthly_cost_usd"] = *scenario.targets.monthly_cost_usd;
  j["targets"] = targets;
  j["search_space"] = {{"patterns", ordered_json::array()},
                       {"standby_fractions", planner::PlanEvaluator::kStandbyFractions},
                       {"probe_intervals_s", planner::PlanEvaluator::kProbeIntervals}};
  for (const auto& p : scenario.patterns) j["search_space"]["patterns"].push_back(p.name);
  ordered_json cs = ordered_json::array();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    cs.push_back({{"label", c.label},
                  {"pattern", c.pattern},
                  {"standby_fraction", c.standby_fraction},
                  {"probe_interval_s", c.probe_interval_s},
                  {"monthly_cost_usd", c.monthly_cost_usd},
                  {"annual_incident_cost_usd", c.annual_incident_cost_usd},
                  {"total_monthly_usd", c.total_monthly_usd()},
                  {"availability", c.availability},
                  {"availability_ci99_low", c.availability_low},
                  {"rto_p95_s", optional_number(c.rto_p95_s)},
                  {"rpo_p95_s", optional_number(c.rpo_p95_s)},
                  {"changes", c.changes},
                  {"meets_targets", static_cast<bool>(r.is_meeting[i])},
                  {"pareto", std::find(r.pareto.begin(), r.pareto.end(), i) != r.pareto.end()}});
  }
  j["candidates"] = cs;
  j["recommendations"] = {{"cheapest_meeting_targets", choice_json(r.cheapest, candidates)},
                          {"best_within_budget", choice_json(r.best_within_budget, candidates)},
                          {"least_change", choice_json(r.least_change, candidates)}};
  return j.dump(2) + "\n";
}

std::string table(const std::vector<planner::PlanCandidate>& candidates, const planner::PlanRecommendation& r) {
  std::string out = pad("candidate", 34) + pad("USD/month", 11) + pad("+incidents", 12) + pad("availability", 14) +
                    pad("RTO p95 s", 11) + pad("RPO p95 s", 11) + pad("changes", 9) + "targets  front\n";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    out += pad(c.label, 34) + pad(fixed(c.monthly_cost_usd, 0), 11) + pad(fixed(c.total_monthly_usd(), 0), 12) +
           pad(fixed(c.availability, 6), 14) + pad(c.rto_p95_s ? fixed(*c.rto_p95_s, 0) : "-", 11) +
           pad(c.rpo_p95_s ? fixed(*c.rpo_p95_s, 0) : "-", 11) + pad(std::to_string(c.changes), 9) +
           pad(r.is_meeting[i] ? "met" : "missed", 9) +
           (std::find(r.pareto.begin(), r.pareto.end(), i) != r.pareto.end() ? "*" : "") + "\n";
  }
  auto line = [&](const char* title, const planner::PlanChoice& c) {
    return std::string(title) + (c.candidate ? candidates[*c.candidate].label : std::string("none")) + " - " + c.why + "\n";
  };
  out += "\nrecommendations\n";
  out += line("  cheapest meeting the targets: ", r.cheapest);
  out += line("  best RTO/RPO within budget:   ", r.best_within_budget);
  out += line("  least change:                 ", r.least_change);
  return out;
}

ExitCode run(const PlanOptionsCli& options, std::ostream& out, std::ostream& err) {
  engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(options.scenario);
  if (!loaded.scenario) {
    err << loaded.error_report();
    err << "faultline plan: " << loaded.errors.size() << " problem(s) in the input; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  const engine::Scenario& scenario = *loaded.scenario;
  planner::ReliabilityLoadResult reliability = planner::ReliabilityLoader::load_file(scenario);
  if (!reliability.model) {
    err << reliability.error_report();
    err << "faultline plan: " << reliability.errors.size() << " problem(s) in the reliability section; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  planner::McOptions mc;
  mc.years = options.years;
  mc.replications = options.replications;
  mc.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  planner::PlanEvaluator evaluator(scenario, *reliability.model, mc);
  ProgressBar bar("plan " + scenario.name, !options.is_quiet);
  std::vector<planner::PlanCandidate> candidates;
  try {
    candidates = evaluator.evaluate([&bar](std::size_t done, std::size_t total) {
      bar.update(static_cast<double>(done) / static_cast<double>(total));
    });
  } catch (const std::invalid_argument& e) {
    bar.finish();
    err << "faultline plan: " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  bar.finish();
  const planner::PlanRecommendation r = planner::recommend(candidates, scenario.targets, options.budget);
  if (!options.json_path.empty()) {
    reports::write_file_atomically(options.json_path, to_plan_json(options, scenario, candidates, r));
  }
  if (!options.is_quiet) {
    out << "scenario " << scenario.name << ": " << candidates.size() << " candidate plan(s), each " << options.replications
        << " replication(s) x " << fixed(options.years, 1) << " y, seed " << scenario.seed << "\n\n";
    out << table(candidates, r);
    if (!options.json_path.empty()) out << "\nresult written to " << options.json_path << "\n";
  }
  return r.cheapest.candidate ? ExitCode::kOk : ExitCode::kTargetMissed;
}

}  // namespace

void add_plan_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<PlanOptionsCli>();
  CLI::App* cmd = app.add_subcommand(
      "plan", "Search patterns, standby fractions and probe intervals for the cheapest plan meeting the targets");
  cmd->add_option("scenario", options->scenario, "scenario file with a reliability section (docs/planner.md)")->required();
  cmd->add_option("--budget", options->budget, "steady-state budget, USD per month (for the best-RTO recommendation)")
      ->check(CLI::Range(0.0, 1e12));
  cmd->add_option("--years", options->years, "simulated years per replication for each candidate (default 10)")
      ->check(CLI::Range(1e-6, 100000.0));
  cmd->add_option("--replications", options->replications, "replications per candidate (default 10)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  cmd->add_option("-j,--threads", options->threads, "worker threads (default: cores); results do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--json", options->json_path, "write the result (faultline.plan/v1) to this file");
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table and no progress bar (exit code only)");
  cmd->footer("Exit code: 0 a plan meets every target, 1 none does, 2 bad input.");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = run(*options, out, err); });
}

}  // namespace faultline::cli
