#pragma once
// The schema names of the result documents (DESIGN.md, "Result contract"): the
// `schema` key every writer puts first and every reader checks.

#include <string_view>

namespace faultline::contract {

/// `faultline run --json`: one run of a scenario's patterns (engine::RunResult).
inline constexpr std::string_view kResultSchema = "faultline.result/v1";
/// `faultline mc --json`: a Monte Carlo run or one shard of it (McResult).
inline constexpr std::string_view kMcSchema = "faultline.mc/v1";
/// `faultline plan --json`: the evaluated candidates and the recommendations (PlanDocument).
inline constexpr std::string_view kPlanSchema = "faultline.plan/v1";

}  // namespace faultline::contract
