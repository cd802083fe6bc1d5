// `faultline-mpi`: the `faultline mc` run split over MPI ranks. Rank r runs
// shard r+1 of N (the same split as --shard), sends its faultline.mc/v1 text
// to rank 0, which merges the shards exactly as `faultline merge` does, so
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
#include "faultline/engine/scenario_loader.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/mc_json.hpp"
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
  std::string json_path;
  bool is_quiet = false;
};

// This rank's shard as faultline.mc/v1 text, or an error message (first) on bad input.
std::pair<std::string, std::string> run_shard(const Options& o, int rank, int size) {
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
  mc.shard_index = static_cast<std::uint64_t>(rank) + 1;
  mc.shard_count = static_cast<std::uint64_t>(size);
  faultline::planner::McResult result;
  try {
    result = faultline::planner::MonteCarlo(scenario, *reliability.model, structure, mc).run();
  } catch (const std::invalid_argument& e) {
    return {std::string(e.what()) + "\n", {}};
  }
  result.faultline_version = std::string(faultline::kVersion) + " (git " + faultline::kGitCommit + ")";
  result.scenario_file = o.scenario;
  result.scenario_sha256 = faultline::base::sha256_file(o.scenario);
  result.markov = faultline::planner::solve_markov(*reliability.model, structure);
  return {{}, faultline::planner::to_mc_json_text(result)};
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
  app.add_option("--json", o.json_path, "rank 0 writes the merged result (faultline.mc/v1) here");
  app.add_flag("-q,--quiet", o.is_quiet, "no table");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = rank == 0 ? app.exit(e) : 0;
    MPI_Finalize();
    return rc == 0 ? 0 : to_int(ExitCode::kBadInput);
  }
  const auto [error, text] = run_shard(o, rank, size);
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
  if (rank != 0) {
    const auto length = static_cast<unsigned long long>(text.size());
    MPI_Send(&length, 1, MPI_UNSIGNED_LONG_LONG, 0, 0, MPI_COMM_WORLD);
    MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, 1, MPI_COMM_WORLD);
  } else {
    std::vector<faultline::planner::McResult> shards;
    shards.push_back(faultline::planner::read_mc_json_text(text, "rank 0"));
    for (int r = 1; r < size; ++r) {
      unsigned long long length = 0;
      MPI_Recv(&length, 1, MPI_UNSIGNED_LONG_LONG, r, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      std::string other(static_cast<std::size_t>(length), '\0');
      MPI_Recv(other.data(), static_cast<int>(length), MPI_CHAR, r, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      shards.push_back(faultline::planner::read_mc_json_text(other, "rank " + std::to_string(r)));
    }
    const faultline::planner::McResult merged = faultline::planner::merge_shards(std::move(shards));
    if (!o.json_path.empty()) {
      faultline::base::write_file_atomically(o.json_path, faultline::planner::to_mc_json_text(merged));
    }
    if (!o.is_quiet) std::cout << faultline::cli::format_mc_table(merged);
    exit_code = to_int(faultline::planner::all_targets_met(merged.summary) ? ExitCode::kOk : ExitCode::kTargetMissed);
  }
  MPI_Finalize();
  return exit_code;
}
