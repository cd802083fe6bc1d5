// The `faultline` command: subcommands over the simulator, planner and reports.

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>
#include <new>

#include "faultline/base/json_guard.hpp"
#include "faultline/cli/batch_command.hpp"
#include "faultline/cli/exit_code.hpp"
#include "faultline/cli/graph_command.hpp"
#include "faultline/cli/hold_command.hpp"
#include "faultline/cli/import_command.hpp"
#include "faultline/cli/input_files.hpp"
#include "faultline/cli/lint_command.hpp"
#include "faultline/cli/mc_command.hpp"
#include "faultline/cli/merge_command.hpp"
#include "faultline/cli/plan_command.hpp"
#include "faultline/cli/replay_command.hpp"
#include "faultline/cli/report_command.hpp"
#include "faultline/cli/run_command.hpp"
#include "faultline/cli/sensitivity_command.hpp"
#include "faultline/version.hpp"

int main(int argc, char** argv) {
  using faultline::cli::ExitCode;
  CLI::App app{"faultline: resilience simulator and RTO/RPO planner for multi-region AI systems"};
  app.set_version_flag("--version",
                       std::string("faultline ") + faultline::kVersion + " (git " + faultline::kGitCommit + ")");
  app.require_subcommand(1);
  ExitCode exit_code = ExitCode::kOk;
  faultline::cli::add_run_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_report_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_batch_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_hold_command(app, std::cout, exit_code);
  faultline::cli::add_lint_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_graph_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_replay_command(app, std::cout, exit_code);
  faultline::cli::add_mc_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_merge_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_plan_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_sensitivity_command(app, std::cout, std::cerr, exit_code);
  faultline::cli::add_import_command(app, std::cout, std::cerr, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : faultline::cli::to_int(ExitCode::kBadInput);
  } catch (const nlohmann::json::exception& e) {
    // A loader let a JSON type or range error through: name the command's input files, never "[json.exception".
    std::cerr << "faultline: error: " << faultline::cli::input_files(app) << ": "
              << faultline::base::JsonGuard::plain_message(e.what()) << "\n";
    return faultline::cli::to_int(ExitCode::kBadInput);
  } catch (const std::bad_alloc&) {
    std::cerr << "faultline: error: " << faultline::cli::input_files(app)
              << ": out of memory (see docs/limits.md for the sizes faultline accepts)\n";
    return faultline::cli::to_int(ExitCode::kBadInput);
  } catch (const std::exception& e) {
    std::cerr << "faultline: error: " << e.what() << "\n";
    return faultline::cli::to_int(ExitCode::kBadInput);
  }
  return faultline::cli::to_int(exit_code);
}
