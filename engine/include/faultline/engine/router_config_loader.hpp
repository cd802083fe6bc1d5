#pragma once
// Loads a router configuration (replay-format key names) from JSON, with clear errors.

#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

#include "faultline/router/router_config.hpp"

namespace faultline::engine {

/// A bad router configuration; what() reads "FILE: PATH: what is wrong and what is
/// allowed", or "FILE:LINE:COLUMN: malformed JSON: ..." for a syntax error.
class RouterConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses `text` (JSON); `source` names the file in error messages. Throws RouterConfigError.
router::RouterConfig parse_router_config(std::string_view text, const std::string& source);

/// Reads and parses the file at `path`. Throws RouterConfigError (also when the file cannot be read).
router::RouterConfig load_router_config(const std::filesystem::path& path);

/// The entry of `allowed` closest to `word` by edit distance (for "did you mean"), or "" if none is close.
std::string nearest_key(std::string_view word, std::initializer_list<std::string_view> allowed);

}  // namespace faultline::engine
