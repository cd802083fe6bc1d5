#pragma once
// One-at-a-time sensitivity of a scenario's patterns: every variant is the pattern
// with one parameter changed, run on the scenario's seed (common random numbers:
// the same arrivals, outages and draws as the pattern's own run). All variants
// run as patterns of one in-memory scenario through engine::run_scenario, so
// they share its threads and its determinism.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/kernel/run_control.hpp"
#include "faultline/engine/model/scenario.hpp"
#include "faultline/sensitivity/parameter_range.hpp"
#include "faultline/sensitivity/sensitivity_result.hpp"

namespace faultline::sensitivity {

/// What to vary.
struct StudyOptions {
  std::vector<std::string> patterns;   ///< empty: every pattern of the scenario
  std::vector<ParameterRange> ranges;  ///< empty: every parameter over its default range
  unsigned points = 2;                 ///< values per range (2..21), evenly spaced, ends included
};

/// A planned study: the variants exist (and are valid) once it is constructed.
class SensitivityStudy {
 public:
  /// Plans every variant of `scenario` (which must outlive the study). Throws std::invalid_argument
  /// naming the problem and what is allowed: an unknown pattern, points outside 2..21, a parameter
  /// given in `ranges` that applies to none of the patterns, or a value a pattern refuses.
  SensitivityStudy(const engine::Scenario& scenario, StudyOptions options);

  /// The scenario whose patterns are the chosen patterns followed by their variants (for work estimates).
  [[nodiscard]] const engine::Scenario& expanded() const { return expanded_; }
  /// Runs of one pattern each: the patterns' own plus every variant.
  [[nodiscard]] std::size_t run_count() const { return expanded_.patterns.size(); }

  /// Runs every variant on `threads` threads (the result does not depend on the count); `control`
  /// reports the mean progress of all runs and may cancel (then nullopt). `inputs` and version are copied
  /// into the result.
  [[nodiscard]] std::optional<SensitivityResult> run(unsigned threads, const engine::RunControl& control,
                                                     std::vector<engine::InputFile> inputs,
                                                     const std::string& faultline_version) const;

 private:
  // Where a variant's run lands in the result.
  struct Slot {
    std::size_t pattern = 0;    // index in result.patterns
    std::size_t parameter = 0;  // index in its parameters
    std::size_t point = 0;      // index in that parameter's points
  };

  void plan_pattern(const engine::PatternSpec& pattern, std::size_t pattern_index);

  const engine::Scenario& scenario_;
  StudyOptions options_;
  engine::Scenario expanded_;
  SensitivityResult skeleton_;  // everything but the outcomes
  std::vector<Slot> slots_;     // per expanded pattern after the bases, in order
};

}  // namespace faultline::sensitivity
