#pragma once
// A short Markdown summary for a pull-request comment.

#include <string>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// Summary table (one row per pattern), every target with value and limit, and
/// the worst incident with its RTO parts; GitHub-flavoured Markdown.
std::string to_markdown(const engine::RunResult& result);

}  // namespace faultline::reports
