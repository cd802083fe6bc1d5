#pragma once
// The result contract faultline.result/v1 as JSON text (DESIGN.md).

#include <string>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::contract {

/// Serialises `result` with a fixed key order and 2-space indentation, so the
/// same result always gives byte-identical text; absent optionals are null.
std::string to_json_text(const engine::RunResult& result);

}  // namespace faultline::contract
