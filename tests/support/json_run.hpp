#pragma once
// Runs the built `faultline` with --json and parses the document it writes: the one
// run-the-executable-and-parse-JSON helper every end-to-end test uses.

#include <string>

#include <nlohmann/json.hpp>

namespace faultline::testing {

/// One `faultline` command that wrote a JSON document: exit code, console output and the document.
struct JsonRun {
  int exit_code = -1;
  std::string output;
  nlohmann::json result;
};

/// Runs `faultline ARGS --json OUT -q` with OUT = temp_path(out_name) removed first; the test fails
/// (REQUIRE) when OUT was not written, else OUT is parsed into `result`.
JsonRun run_faultline_json(const std::string& args, const std::string& out_name);

/// Writes `scenario` to temp_path(NAME.json), runs `faultline run` on it with `extra` arguments into
/// NAME-result.json and returns that result document.
nlohmann::json run_scenario_json(const nlohmann::json& scenario, const std::string& name,
                                 const std::string& extra = "");

}  // namespace faultline::testing
