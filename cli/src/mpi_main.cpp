// `faultline-mpi`: the `faultline mc` run split over MPI ranks. Every rank
// simulates every replication's failure history (cheap), the distinct incidents
// are split among the ranks and each measured once, and the ranks exchange the
// outcomes (MPI_Allgatherv) before assembling the records; rank 0 writes, so
// `mpirun -np N faultline-mpi ...` writes the bytes one `faultline mc` writes.
// Built only when CMake finds MPI (docs/planner.md).

#include <mpi.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "faultline/cli/exit_code.hpp"
#include "faultline/cli/mc_table.hpp"
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

namespace {

using faultline::cli::ExitCode;
using faultline::cli::to_int;

struct Options {
  std::string scenario;
  double years = 1;
  std::uint64_t replications = 100;
  unsigned threads = 1;
  std::optional<std::uint64_t> seed;
  std::optional<double> precision;
  std::optional<double> precision_rto_p95_s;
  std::string json_path;
  bool is_quiet = false;
  faultline::engine::TrafficMode traffic = faultline::engine::TrafficMode::kFast;
  faultline::cli::RareEventChoice rare_events;
};

// Every rank's bytes in rank order, after each rank gave `mine` (MPI_Allgatherv over MPI_COMM_WORLD).
std::vector<std::string> all_gather(const std::string& mine, int size) {
  const int length = static_cast<int>(mine.size());
  std::vector<int> lengths(static_cast<std::size_t>(size));
  MPI_Allgather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, MPI_COMM_WORLD);
  std::vector<int> offsets(lengths.size(), 0);
  for (std::size_t r = 1; r < lengths.size(); ++r) offsets[r] = offsets[r - 1] + lengths[r - 1];
  std::string all(static_cast<std::size_t>(offsets.back() + lengths.back()), '\0');
  MPI_Allgatherv(mine.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR, MPI_COMM_WORLD);
  std::vector<std::string> out;
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    out.push_back(all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(lengths[r])));
  }
  return out;
}

// The whole run's result (the same on every rank), or an error message (first) on bad input.
std::pair<std::string, faultline::contract::McResult> run_ranks(const Options& o, int rank, int size) {
  auto loaded = faultline::engine::ScenarioLoader::load_file(o.scenario);
  if (!loaded.scenario) return {loaded.error_report(), {}};
  auto& scenario = *loaded.scenario;
  if (o.seed) scenario.seed = *o.seed;
  auto reliability = faultline::planner::ReliabilityLoader::load_file(scenario);
  if (!reliability.model) return {reliability.error_report(), {}};
  const auto structure = faultline::planner::StructureFunction::serving(scenario, *reliability.model);
  faultline::planner::McOptions mc;
  mc.years = o.years;
  mc.replications = o.replications;
  mc.threads = o.threads;
  mc.traffic = o.traffic;
  mc.precision = o.precision;
  mc.precision_rto_p95_s = o.precision_rto_p95_s;
  mc.rank_index = static_cast<std::uint64_t>(rank);
  mc.rank_count = static_cast<std::uint64_t>(size);
  mc.exchange = [size](const std::string& mine) { return all_gather(mine, size); };
  std::optional<faultline::planner::MonteCarlo> monte_carlo;
  try {
    monte_carlo.emplace(scenario, *reliability.model, structure, mc);  // the same check on every rank
  } catch (const std::invalid_argument& e) {
    return {std::string(e.what()) + "\n", {}};
  }
  faultline::contract::McResult result;
  try {
    result = monte_carlo->run();
  } catch (const std::exception& e) {
    // The other ranks wait in the exchange: stop them all.
    std::cerr << "faultline-mpi: rank " << rank << ": " << e.what() << "\n";
    MPI_Abort(MPI_COMM_WORLD, to_int(ExitCode::kBadInput));
  }
  result.faultline_version = std::string(faultline::kVersion) + " (git " + faultline::kGitCommit + ")";
  result.scenario_file = o.scenario;
  result.scenario_sha256 = faultline::base::sha256_file(o.scenario);
  result.markov = faultline::planner::solve_markov(*reliability.model, structure);
  // Deterministic in the seed and independent of the ranks; rank 0 alone writes, so it alone estimates.
  if (rank == 0)
    faultline::cli::add_rare_event_estimate(result, o.rare_events, *reliability.model, structure, scenario.seed,
                                            o.threads);
  return {{}, std::move(result)};
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  int size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  Options o;
  CLI::App app{"faultline-mpi: faultline mc split over MPI ranks (mpirun -np N faultline-mpi SCENARIO ...)"};
  app.add_option("scenario", o.scenario, "scenario file with a reliability section")->required();
  app.add_option("--years", o.years, "simulated years per replication")->check(CLI::Range(1e-6, 100000.0));
  app.add_option("--replications", o.replications, "replications of the whole run (all ranks)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  app.add_option("-j,--threads", o.threads, "worker threads per rank")->check(CLI::Range(1, 256));
  app.add_option("--seed", o.seed, "override the scenario's seed");
  faultline::cli::add_traffic_option(app, o.traffic);
  app.add_option("--precision", o.precision,
                 "stop once the 99 % CI half-width of the first pattern's availability is at most this")
      ->check(CLI::Range(1e-12, 1.0));
  app.add_option("--precision-rto-p95", o.precision_rto_p95_s,
                 "stop once the 99 % CI half-width of the first pattern's RTO p95 is at most this many seconds")
      ->check(CLI::Range(1e-6, 1e9));
  faultline::cli::add_rare_event_options(app, o.rare_events);
  app.add_option("--json", o.json_path, "rank 0 writes the merged result (faultline.mc/v1) here");
  app.add_flag("-q,--quiet", o.is_quiet, "no table");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = rank == 0 ? app.exit(e) : 0;
    MPI_Finalize();
    return rc == 0 ? 0 : to_int(ExitCode::kBadInput);
  }
  const auto [error, result] = run_ranks(o, rank, size);
  // Every rank reports whether it succeeded; any failure stops all with exit code 2.
  int is_ok = error.empty() ? 1 : 0;
  int all_ok = 0;
  MPI_Allreduce(&is_ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (all_ok == 0) {
    if (!error.empty() && rank == 0) std::cerr << error << "faultline-mpi: bad input; nothing was written\n";
    MPI_Finalize();
    return to_int(ExitCode::kBadInput);
  }
  int exit_code = 0;
  if (rank == 0) {
    if (!o.json_path.empty()) {
      faultline::base::write_file_atomically(o.json_path, faultline::contract::to_mc_json_text(result));
    }
    if (!o.is_quiet) std::cout << faultline::cli::format_mc_table(result);
    exit_code = to_int(faultline::planner::all_targets_met(result.summary) ? ExitCode::kOk : ExitCode::kTargetMissed);
  }
  MPI_Finalize();
  return exit_code;
}
