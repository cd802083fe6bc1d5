#pragma once
// Runbook steps as the timeline marks them: when each step of each incident ran,
// in s since the run start.

#include <string>
#include <vector>

#include "faultline/engine/model/pattern_result.hpp"

namespace faultline::gui {

/// One runbook step of one incident on the run's clock.
struct RunbookMark {
  double start_s = 0.0;      ///< first attempt starts, s since run start
  double end_s = 0.0;        ///< last attempt ends, s since run start
  std::string id;            ///< step id
  int attempts = 0;          ///< attempts made (> 0: steps never started are left out)
  bool is_critical = false;  ///< on the runbook's critical path
  bool is_failed = false;    ///< every attempt failed
};

/// Every started runbook step of `pattern`'s incidents (incident start + the step's
/// offsets), sorted by end time, ties in incident then step order.
std::vector<RunbookMark> runbook_marks(const engine::PatternResult& pattern);

/// One line for a mark: "runbook step promote: 11m 00s to 22m 40s, 2 attempts, FAILED, critical path" (parts when they
/// apply).
std::string describe_mark(const RunbookMark& mark);

}  // namespace faultline::gui
