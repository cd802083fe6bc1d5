#pragma once
// JUnit XML for CI: one <testsuite> per scenario, one <testcase> per pattern and target.

#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// One scenario of a batch: its result, or the reason it could not run (then one errored test case).
/// One topology lint finding as a test case: a failure (a blocking error), skipped (an error the
/// scenario acknowledges or the run overrode), or passing (warnings and info, shown for the record).
struct JunitLintCase {
  std::string name;     ///< "lint: FL006 private-dns-zone-asymmetry"
  std::string message;  ///< the finding's message
  bool is_failure = false;
  bool is_skipped = false;
};

struct JunitSuite {
  std::string name;                         ///< scenario path as given to run/batch
  std::optional<engine::RunResult> result;  ///< set when the scenario ran
  std::string error;                        ///< load or run error when result is empty
  std::vector<JunitLintCase> lint;          ///< the topology's lint findings, before the targets
};

/// The whole JUnit document, suites in the given order; no timestamps or durations,
/// so the same suites always give the same bytes. A missed target is a <failure>
/// whose message and text carry the value and the limit.
std::string to_junit_xml(const std::vector<JunitSuite>& suites);

}  // namespace faultline::reports
