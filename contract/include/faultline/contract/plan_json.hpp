#pragma once
// faultline.plan/v1 as JSON text: written by `faultline plan --json`, read back by
// read_plan_document (planner_documents.hpp).

#include <string>

#include "faultline/contract/planner_documents.hpp"

namespace faultline::contract {

/// The document for `plan` with a fixed key order (2-space indented, newline-terminated; same plan -> same bytes).
/// `plan.file` is not written; every later addition to v1 is written (absent optionals as null).
std::string to_plan_json_text(const PlanDocument& plan);

}  // namespace faultline::contract
