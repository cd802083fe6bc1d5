#pragma once
// Reads a Distribution from scenario JSON: a plain number (a constant) or an
// object {"distribution": KIND, ...parameters} (docs/scenarios.md).

#include <optional>
#include <string>
#include <string_view>

#include "faultline/engine/kernel/distribution.hpp"
#include "faultline/base/json_reader.hpp"

namespace faultline::engine {

/// The distribution at `parent[key]`, or nothing with the problem recorded in `reader`.
/// `options.is_required` makes a missing key an error; `unit` names the unit of the values in messages (e.g. "tokens",
/// "s").
std::optional<Distribution> read_distribution(base::JsonReader& reader, const nlohmann::json& parent,
                                              const std::string& path, std::string_view key, base::FieldOptions options,
                                              std::string_view unit);

}  // namespace faultline::engine
