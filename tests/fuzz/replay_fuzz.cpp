// Fuzzes replay event lines (faultline replay) against the shipped mechanisms configuration.

#include <cstdint>
#include <sstream>
#include <string>

#include "faultline/cli/replay_command.hpp"
#include "faultline/router_config/router_config_loader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const faultline::router::RouterConfig config = faultline::router_config::load_router_config(
      faultline::fuzz::source_path("tests/router/replay/mechanisms.config.json"));
  std::istringstream events{std::string(faultline::fuzz::as_text(data, size))};
  std::ostringstream out;
  try {
    faultline::cli::run_replay(config, events, "fuzz.jsonl", out);
  } catch (const faultline::cli::ReplayError&) {
    // a located message: the documented way to refuse a line
  }
  return 0;
}
