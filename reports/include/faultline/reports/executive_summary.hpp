#pragma once
// The few sentences a risk board reads first: which pattern to choose and why,
// generated from the run's figures (docs/reports.md, "Executive summary").

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// The recommendation and its reasons for one run. Rule: among the patterns that meet every target, the
/// cheapest per month (ties: smaller worst RTO, then file order); when none meets every target, the one
/// meeting the most (ties the same way) is named as the closest, not recommended; a run without targets
/// recommends nothing.
class ExecutiveSummary {
 public:
  /// The summary of `result` (patterns in file order).
  static ExecutiveSummary of(const engine::RunResult& result);

  /// Index into result.patterns of the recommended pattern; nullopt when no pattern meets every target.
  [[nodiscard]] const std::optional<std::size_t>& recommended() const { return recommended_; }
  /// Plain-text sentences, in reading order (two or three).
  [[nodiscard]] const std::vector<std::string>& sentences() const { return sentences_; }

 private:
  std::optional<std::size_t> recommended_;
  std::vector<std::string> sentences_;
};

}  // namespace faultline::reports
