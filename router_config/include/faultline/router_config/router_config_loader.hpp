#pragma once
// Loads a router configuration (replay-format key names) from JSON, with clear errors.

#include <filesystem>
#include <optional>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "faultline/router/router_config.hpp"
#include "faultline/base/json_reader.hpp"

namespace faultline::router_config {

/// A bad router configuration; what() holds every problem found, one per line, each
/// "FILE: PATH: what is wrong (allowed: ...)" or "FILE:LINE:COLUMN: ..." for a syntax error.
class RouterConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Which keys a configuration may hold: the replay format's only, or also the gateway's
/// (`url`, `api_key_env`, `auth`, `probe.path`, the `gateway` section; see docs/gateway.md),
/// which the router ignores.
enum class KeySet : std::uint8_t { kRouter, kGateway };

/// Reads the router configuration `value` found at JSON path `path` ("" at the root, e.g.
/// "patterns[1].router" inside a scenario), recording every problem in `reader`, then checks it
/// with router::find_config_error. Returns nothing if any problem was recorded.
std::optional<router::RouterConfig> read_router_config(base::JsonReader& reader, const nlohmann::json& value,
                                                       const std::string& path, KeySet keys = KeySet::kRouter);

/// Parses `text` (JSON); `source` names the file in error messages. Throws RouterConfigError.
router::RouterConfig parse_router_config(std::string_view text, const std::string& source);

/// Reads and parses the file at `path`; with KeySet::kGateway a gateway file is accepted and its
/// gateway keys ignored. Throws RouterConfigError (also when the file cannot be read).
router::RouterConfig load_router_config(const std::filesystem::path& path, KeySet keys = KeySet::kRouter);

}  // namespace faultline::router_config
