#pragma once
// The result contract faultline.result/v1 as JSON text (DESIGN.md).

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::contract {

/// `v`'s value, or null when it is absent.
template <typename T>
nlohmann::ordered_json optional_value(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

/// An incident's `failback` object as result/v1 writes it (times in s); null when there was none.
nlohmann::ordered_json failback_json(const std::optional<engine::FailbackResult>& failback);

/// An incident's `work` object as result/v1 writes it (lost work: threads, GPU hours, USD, documents).
nlohmann::ordered_json work_json(const engine::WorkLossResult& work);

/// One `targets` entry as result/v1 writes it: name, limit, value (null when unmeasured), met.
nlohmann::ordered_json target_json(const engine::TargetResult& target);

/// Serialises `result` with a fixed key order and 2-space indentation, so the
/// same result always gives byte-identical text; absent optionals are null.
std::string to_json_text(const engine::RunResult& result);

}  // namespace faultline::contract
