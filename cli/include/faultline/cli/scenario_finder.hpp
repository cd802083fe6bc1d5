#pragma once
// Which files `faultline batch` runs: scenario files named directly or found
// under folders (docs/reports.md, "Which files are scenarios").

#include <string>
#include <vector>

namespace faultline::cli {

/// A file to run, or a path that cannot be (then `problem` says why and it is reported as bad input).
struct ScenarioCandidate {
  std::string path;     ///< as given, or folder + relative path, '/'-separated and normalised
  std::string problem;  ///< empty when the file should be run
};

/// The scenarios under `paths`, sorted by path, without duplicates. A file given
/// directly is always a candidate. A folder is searched recursively for *.json,
/// skipping folders named `schema` and `topologies`; a file found there is a
/// scenario when it is a JSON object with both "workloads" and "patterns", is
/// skipped when it is valid JSON without them (a topology, a router
/// configuration, a result), and is a problem when it is not valid JSON.
/// A path that does not exist is a problem.
std::vector<ScenarioCandidate> find_scenarios(const std::vector<std::string>& paths);

}  // namespace faultline::cli
