#include "faultline/cli/merge_command.hpp"

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "faultline/cli/mc_table.hpp"
#include "faultline/contract/mc_json.hpp"
#include "faultline/planner/mc_summary.hpp"
#include "faultline/base/atomic_write.hpp"

namespace faultline::cli {
namespace {

struct MergeOptionsCli {
  std::vector<std::string> shards;
  std::string json_path;
  bool is_quiet = false;
};

ExitCode run(const MergeOptionsCli& options, std::ostream& out, std::ostream& err) {
  std::vector<contract::McResult> shards;
  for (const std::string& path : options.shards) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      err << "faultline merge: " << path
          << ": cannot read the file (allowed: a faultline.mc/v1 file from faultline mc --shard)\n";
      return ExitCode::kBadInput;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
      shards.push_back(contract::read_mc_json_text(text.str(), path));
    } catch (const std::exception& e) {
      err << "faultline merge: " << e.what() << "\n";
      return ExitCode::kBadInput;
    }
  }
  contract::McResult merged;
  try {
    merged = planner::merge_shards(std::move(shards));
  } catch (const std::invalid_argument& e) {
    err << "faultline " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  if (!options.json_path.empty()) base::write_file_atomically(options.json_path, contract::to_mc_json_text(merged));
  if (!options.is_quiet) {
    out << format_mc_table(merged);
    if (!options.json_path.empty()) out << "\nresult written to " << options.json_path << "\n";
  }
  return planner::all_targets_met(merged.summary) ? ExitCode::kOk : ExitCode::kTargetMissed;
}

}  // namespace

void add_merge_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<MergeOptionsCli>();
  CLI::App* cmd = app.add_subcommand("merge", "Combine the shard files of one `faultline mc --shard K/N` run");
  cmd->add_option("shards", options->shards, "every shard file (faultline.mc/v1), in any order")->required();
  cmd->add_option("--json", options->json_path, "write the merged result (faultline.mc/v1) to this file");
  cmd->add_flag("-q,--quiet", options->is_quiet, "no table (exit code only)");
  cmd->footer("Exit code: 0 every target met, 1 a target missed, 2 bad input or shards that do not belong together.");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = run(*options, out, err); });
}

}  // namespace faultline::cli
