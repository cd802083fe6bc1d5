#include "faultline/cli/plan_command.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "faultline/cli/progress_bar.hpp"
#include "faultline/cli/traffic_option.hpp"
#include "faultline/contract/plan_json.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/plan_evaluator.hpp"
#include "faultline/planner/plan_search.hpp"
#include "faultline/planner/plan_space_loader.hpp"
#include "faultline/planner/reliability_defaults.hpp"
#include "faultline/planner/reliability_loader.hpp"
#include "faultline/base/atomic_write.hpp"
#include "faultline/base/file_digest.hpp"
#include "faultline/version.hpp"

namespace faultline::cli {
namespace {

struct PlanOptionsCli {
  std::string scenario;
  std::optional<double> budget;
  double years = 10;
  std::uint64_t replications = 10;
  std::optional<double> precision;
  std::optional<double> precision_rto_p95_s;
  unsigned threads = 0;
  std::string json_path;
  bool is_quiet = false;
  engine::TrafficMode traffic = engine::TrafficMode::kFast;
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

contract::RecommendedPlan recommended(const char* kind, const planner::PlanChoice& c,
                                      const std::vector<planner::PlanCandidate>& candidates) {
  return {kind, c.candidate ? std::optional<std::string>(candidates[*c.candidate].label) : std::nullopt, c.why};
}

contract::PlanSearchSpace search_space(const engine::Scenario& scenario, const planner::PlanSpace& space,
                                       const planner::PlanSearchResult& search) {
  contract::PlanSearchSpace out;
  for (const auto& p : scenario.patterns) out.patterns.push_back(p.name);
  out.region_pairs = space.region_pairs;
  out.standby_fractions = space.standby_fractions;
  out.probe_intervals_s = space.probe_intervals_s;
  out.probe_samples = space.probe_samples;
  out.breakers = space.breakers;
  for (const auto& [kind, modes] : space.replication_modes) {
    std::vector<std::string> names;
    for (auto m : modes) names.emplace_back(topology::to_string(m));
    out.replication_modes_by_kind.emplace_back(kind, std::move(names));
  }
  out.backup_intervals_s = space.backup_intervals_s;
  out.max_candidates = space.max_candidates;
  out.strategy = "screen-then-combine";
  out.evaluated = search.candidates.size();
  out.screened = search.screened;
  out.is_truncated = search.is_truncated;
  out.notes = search.notes;
  return out;
}

contract::PlanCandidateData candidate_data(const planner::PlanCandidate& c, bool is_meeting, bool is_pareto) {
  contract::PlanCandidateData d;
  d.label = c.label;
  d.pattern = c.pattern;
  d.stage = c.stage;
  d.regions = c.regions;
  d.standby_fraction = c.standby_fraction;
  d.probe_interval_s = c.probe_interval_s;
  d.has_probe_samples = true;
  d.probe_samples = c.probe_samples;
  d.has_breaker = true;
  d.breaker = c.breaker;
  d.stores.emplace();
  for (const auto& st : c.stores) {
    d.stores->push_back(
        {st.store, std::string(topology::to_string(st.replication.mode)),
         st.replication.interval_s > 0 ? std::optional<double>(st.replication.interval_s) : std::nullopt});
  }
  d.monthly_cost_usd = c.monthly_cost_usd;
  d.annual_incident_cost_usd = c.annual_incident_cost_usd;
  d.total_monthly_usd = c.total_monthly_usd();
  d.availability = c.availability;
  d.availability_ci99_low = c.availability_low;
  d.rto_p95_s = c.rto_p95_s;
  d.rpo_p95_s = c.rpo_p95_s;
  d.changes = c.changes;
  d.replications_run = c.replications;
  d.simulated_years = c.simulated_years;
  d.meets_targets = is_meeting;
  d.is_pareto = is_pareto;
  return d;
}

// The faultline.plan/v1 document of a search (written by contract::to_plan_json_text).
contract::PlanDocument plan_document(const PlanOptionsCli& options, const engine::Scenario& scenario,
                                     const planner::PlanSpace& space, const planner::PlanSearchResult& search,
                                     const planner::PlanRecommendation& r, const planner::ReliabilityModel& model) {
  const std::vector<planner::PlanCandidate>& candidates = search.candidates;
  contract::PlanDocument d;
  d.faultline_version = std::string(kVersion) + " (git " + kGitCommit + ")";
  d.scenario = options.scenario;
  d.scenario_sha256 = base::sha256_file(options.scenario);
  d.seed = scenario.seed;
  d.years_per_replication = options.years;
  d.replications = options.replications;
  d.precision = options.precision;
  d.precision_rto_p95_s = options.precision_rto_p95_s;
  d.budget_monthly_usd = options.budget;
  d.traffic = std::string(engine::to_string(options.traffic));
  d.targets = {scenario.targets.availability, scenario.targets.rto_s, scenario.targets.rpo_s,
               scenario.targets.monthly_cost_usd};
  d.search_space = search_space(scenario, space, search);
  for (const auto& c : model.components) {
    if (!c.default_source.empty()) d.defaulted.push_back({c.name, c.default_source});
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const bool is_pareto = std::find(r.pareto.begin(), r.pareto.end(), i) != r.pareto.end();
    d.candidates.push_back(candidate_data(candidates[i], r.is_meeting[i], is_pareto));
  }
  d.recommendations = {recommended("cheapest_meeting_targets", r.cheapest, candidates),
                       recommended("best_within_budget", r.best_within_budget, candidates),
                       recommended("least_change", r.least_change, candidates)};
  return d;
}

std::string table(const std::vector<planner::PlanCandidate>& candidates, const planner::PlanRecommendation& r) {
  std::size_t width = 34;
  for (const auto& c : candidates) width = std::max(width, c.label.size() + 2);
  std::string out = pad("candidate", width) + pad("USD/month", 11) + pad("+incidents", 12) + pad("availability", 14) +
                    pad("RTO p95 s", 11) + pad("RPO p95 s", 11) + pad("changes", 9) + pad("years", 8) +
                    "targets  front\n";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    out += pad(c.label, width) + pad(fixed(c.monthly_cost_usd, 0), 11) + pad(fixed(c.total_monthly_usd(), 0), 12) +
           pad(fixed(c.availability, 6), 14) + pad(c.rto_p95_s ? fixed(*c.rto_p95_s, 0) : "-", 11) +
           pad(c.rpo_p95_s ? fixed(*c.rpo_p95_s, 0) : "-", 11) + pad(std::to_string(c.changes), 9) +
           pad(fixed(c.simulated_years, 1), 8) + pad(r.is_meeting[i] ? "met" : "missed", 9) +
           (std::find(r.pareto.begin(), r.pareto.end(), i) != r.pareto.end() ? "*" : "") + "\n";
  }
  auto line = [&](const char* title, const planner::PlanChoice& c) {
    return std::string(title) + (c.candidate ? candidates[*c.candidate].label : std::string("none")) + " - " + c.why +
           "\n";
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
    err << "faultline plan: " << reliability.errors.size()
        << " problem(s) in the reliability section; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  planner::PlanSpaceLoadResult space = planner::PlanSpaceLoader::load_file(scenario);
  if (!space.space) {
    err << space.error_report();
    err << "faultline plan: " << space.errors.size() << " problem(s) in the plan section; nothing was simulated\n";
    return ExitCode::kBadInput;
  }
  planner::McOptions mc;
  mc.years = options.years;
  mc.replications = options.replications;
  mc.precision = options.precision;
  mc.precision_rto_p95_s = options.precision_rto_p95_s;
  mc.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  mc.traffic = options.traffic;
  planner::PlanEvaluator evaluator(scenario, *reliability.model, *space.space, mc);
  ProgressBar bar("plan " + scenario.name, !options.is_quiet);
  planner::PlanSearchResult search;
  try {
    search = evaluator.evaluate([&bar](std::size_t done, std::size_t total) {
      bar.update(static_cast<double>(done) / static_cast<double>(total));
    });
  } catch (const std::invalid_argument& e) {
    bar.finish();
    err << "faultline plan: " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  bar.finish();
  const std::vector<planner::PlanCandidate>& candidates = search.candidates;
  const planner::PlanRecommendation r = planner::recommend(candidates, scenario.targets, options.budget);
  if (!options.json_path.empty()) {
    base::write_file_atomically(
        options.json_path, contract::to_plan_json_text(
                               plan_document(options, scenario, evaluator.space(), search, r, *reliability.model)));
  }
  if (!options.is_quiet) {
    out << "scenario " << scenario.name << ": " << candidates.size() << " candidate plan(s) (" << search.screened
        << " screened one setting at a time, " << candidates.size() - search.screened << " combined"
        << (search.is_truncated ? "; stopped at plan.max_candidates" : "") << "), each "
        << (options.precision || options.precision_rto_p95_s ? "up to " : "") << options.replications
        << " replication(s) x " << fixed(options.years, 1) << " y, seed " << scenario.seed << "\n";
    out << traffic_mode_line(engine::to_string(options.traffic));
    for (const auto& note : search.notes) out << "note: " << note << "\n";
    out << planner::describe_defaults(planner::default_sources(*reliability.model));
    out << "\n" << table(candidates, r);
    if (!options.json_path.empty()) out << "\nresult written to " << options.json_path << "\n";
  }
  return r.cheapest.candidate ? ExitCode::kOk : ExitCode::kTargetMissed;
}

}  // namespace

void add_plan_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<PlanOptionsCli>();
  CLI::App* cmd = app.add_subcommand("plan",
                                     "Search patterns, region pairs, standby, probes, breakers and replication for the "
                                     "cheapest plan meeting the targets");
  cmd->add_option("scenario", options->scenario,
                  "scenario file; without a reliability section every component gets the defaults (docs/planner.md)")
      ->required();
  cmd->add_option("--budget", options->budget, "steady-state budget, USD per month (for the best-RTO recommendation)")
      ->check(CLI::Range(0.0, 1e12));
  cmd->add_option("--years", options->years, "simulated years per replication for each candidate (default 10)")
      ->check(CLI::Range(1e-6, 100000.0));
  cmd->add_option("--replications", options->replications, "replications per candidate (default 10)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  cmd->add_option("--precision", options->precision,
                  "stop each candidate once the 99 % CI half-width of its availability is at most this "
                  "(--replications is the cap; the table's years column says where each stopped)")
      ->check(CLI::Range(1e-12, 1.0));
  cmd->add_option("--precision-rto-p95", options->precision_rto_p95_s,
                  "stop each candidate once the 99 % CI half-width of its RTO p95 is at most this many seconds")
      ->check(CLI::Range(1e-6, 1e9));
  cmd->add_option("-j,--threads", options->threads, "worker threads (default: cores); results do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--json", options->json_path, "write the result (faultline.plan/v1) to this file");
  add_traffic_option(*cmd, options->traffic);
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table and no progress bar (exit code only)");
  cmd->footer("Exit code: 0 a plan meets every target, 1 none does, 2 bad input.");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = run(*options, out, err); });
}

}  // namespace faultline::cli
