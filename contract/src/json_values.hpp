#pragma once
// Internal to contract: the JSON value of an optional, shared by the document writers.

#include <optional>

#include <nlohmann/json.hpp>

namespace faultline::contract {

/// `v`'s value, or null when it is absent.
template <typename T>
nlohmann::ordered_json optional_value(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace faultline::contract
