#include "drill_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include "command_runner.hpp"
#include "json_run.hpp"

namespace faultline::drills {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

// Runs `faultline run scenarios/SCENARIO --json OUT -q` and parses OUT.
DrillRun run_drill(const std::string& scenario) {
  testing::JsonRun r = testing::run_faultline_json("run " + source_path("scenarios/" + scenario), "drill-" + scenario);
  return DrillRun{r.exit_code, std::move(r.result)};
}

LintRun lint_topology(const std::string& topology) {
  const auto r =
      run_command(faultline_binary() + " lint " + source_path("scenarios/topologies/" + topology) + " --json");
  INFO(r.output);
  LintRun run;
  run.exit_code = r.exit_code;
  const json doc = json::parse(r.output);
  for (const json& f : doc.at("findings")) run.rules.insert(f.at("rule").get<std::string>());
  return run;
}

const json& pattern(const json& result, const std::string& name) {
  for (const json& p : result.at("patterns")) {
    if (p.at("name") == name) return p;
  }
  FAIL("no pattern " << name);
  return result;
}

// The incident opened by the fault named `fault`.
const json& incident(const json& result, const std::string& pattern_name, const std::string& fault) {
  for (const json& i : pattern(result, pattern_name).at("incidents")) {
    if (i.at("fault") == fault) return i;
  }
  FAIL("no incident " << fault << " in " << pattern_name);
  return result;
}

std::uint64_t failed(const nlohmann::json& result, const std::string& name) {
  const nlohmann::json& w = pattern(result, name).at("workloads")[0];
  return w.at("offered").get<std::uint64_t>() - w.at("succeeded").get<std::uint64_t>();
}

}  // namespace faultline::drills
