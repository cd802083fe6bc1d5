#include "faultline/gui/runbook_marks.hpp"

#include <algorithm>

#include "faultline/gui/event_log_model.hpp"

namespace faultline::gui {

std::vector<RunbookMark> runbook_marks(const engine::PatternResult& pattern) {
  std::vector<RunbookMark> marks;
  for (const engine::IncidentResult& i : pattern.incidents) {
    for (const engine::RunbookStepResult& st : i.runbook_steps) {
      if (st.attempts == 0) continue;
      marks.push_back({i.start_s + st.start_s, i.start_s + st.end_s, st.id, st.attempts, st.is_critical, st.is_failed});
    }
  }
  std::stable_sort(marks.begin(), marks.end(),
                   [](const RunbookMark& a, const RunbookMark& b) { return a.end_s < b.end_s; });
  return marks;
}

std::string describe_mark(const RunbookMark& mark) {
  std::string text = "runbook step " + mark.id + ": " + format_clock(mark.start_s) + " to " + format_clock(mark.end_s);
  if (mark.attempts > 1) text += ", " + std::to_string(mark.attempts) + " attempts";
  if (mark.is_failed) text += ", FAILED";
  if (mark.is_critical) text += ", critical path";
  return text;
}

}  // namespace faultline::gui
