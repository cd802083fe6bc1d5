#pragma once
// "What would change the answer" (issue 21): which values a sensitivity study
// (faultline.sensitivity/v1) tried that turn a pattern's targets verdict around,
// and which of those would overturn the run report's recommendation.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/run_result.hpp"
#include "faultline/sensitivity/sensitivity_result.hpp"

namespace faultline::reports {

/// A tried value of one parameter that turns one pattern's verdict (every target met, or not) around.
struct VerdictFlip {
  std::size_t pattern = 0;  ///< index into the run's patterns
  std::string parameter;    ///< sensitivity::ParameterInfo::name, e.g. "probe.interval"
  double own_value = 0.0;   ///< the pattern's own value, in the parameter's unit
  double low = 0.0;         ///< the range tried on this pattern
  double high = 0.0;
  double flip_value = 0.0;       ///< of the tried values whose verdict differs, the nearest to own_value
  sensitivity::Outcome at;       ///< what the pattern gave at flip_value
  bool is_met_with_own = false;  ///< the verdict with its own settings; flip_value gives the opposite
  bool is_overturning = false;   ///< the recommended pattern misses, or a cheaper one (or any, without one) meets
};

/// A parameter that moves a pattern's worst RTO without changing its verdict.
struct RtoMover {
  std::size_t pattern = 0;  ///< index into the run's patterns
  std::string parameter;
  double low = 0.0;  ///< the range tried, in the parameter's unit
  double high = 0.0;
  double swing_s = 0.0;  ///< largest minus smallest worst RTO over the range, s (> 0)
};

/// What a sensitivity study says about a run's answer.
struct AnswerChanges {
  std::optional<std::size_t> recommended;  ///< ExecutiveSummary's recommendation (index into the run's patterns)
  bool has_targets = false;                ///< the scenario states targets (without them there is no verdict)
  std::vector<VerdictFlip> flips;          ///< overturning ones first, then by pattern, then catalogue order
  std::vector<RtoMover> movers;            ///< per pattern, up to three largest RTO swings that flip nothing
  std::size_t tried_runs = 0;              ///< runs of the study (own settings and every point)
  std::uint64_t seed = 0;                  ///< the study's seed
  std::vector<std::string> absent;         ///< run patterns the study does not cover
  std::vector<std::string> disagreeing;    ///< patterns whose verdict with own settings differs between run and study
};

/// Why `study` cannot speak for `result`: their scenario inputs' sha256 differ or one records none; nullopt when
/// the study was run on the same scenario file.
std::optional<std::string> study_mismatch(const engine::RunResult& result, const sensitivity::SensitivityResult& study);

/// The flips and RTO movers of `study` for `result` (call study_mismatch first).
AnswerChanges answer_changes(const engine::RunResult& result, const sensitivity::SensitivityResult& study);

/// <section id="what-would-change">: the flips as sentences and a table, then the RTO movers.
std::string answer_changes_html(const engine::RunResult& result, const AnswerChanges& changes);

}  // namespace faultline::reports
