#include "json_run.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "command_runner.hpp"

namespace faultline::testing {

JsonRun run_faultline_json(const std::string& args, const std::string& out_name) {
  const std::string out = temp_path(out_name);
  std::filesystem::remove(out);
  const CommandResult r = run_command(faultline_binary() + " " + args + " --json " + out + " -q");
  INFO(r.output);
  REQUIRE(std::filesystem::exists(out));
  return JsonRun{r.exit_code, r.output, nlohmann::json::parse(read_text(out))};
}

nlohmann::json run_scenario_json(const nlohmann::json& scenario, const std::string& name, const std::string& extra) {
  const std::string in = temp_path(name + ".json");
  std::ofstream(in) << scenario.dump(2);
  return run_faultline_json("run " + in + " " + extra, name + "-result.json").result;
}

}  // namespace faultline::testing
