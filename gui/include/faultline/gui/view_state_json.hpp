#pragma once
// The GUI's view model as JSON (--dump-state): what the comparison shows and
// where the cursor is, so tests can check the window against `faultline run`.

#include <string>
#include <vector>

#include "faultline/gui/comparison_model.hpp"
#include "faultline/gui/cursor_state.hpp"
#include "faultline/gui/planner_model.hpp"

namespace faultline::gui {

/// What the state document holds besides the rows.
struct ViewStateInfo {
  std::string scenario_file;
  std::string scenario_name;
  std::string view;            ///< the view shown ("all", "comparison", ...)
  double cursor_s = 0.0;       ///< time cursor, s
  int frames = 0;              ///< frames rendered
  int framebuffer_width = 0;   ///< px
  int framebuffer_height = 0;  ///< px
};

/// Schema "faultline.gui-state/v1": info, `patterns` (one object per row with
/// every figure of ComparisonRow, nulls for absent values, its targets, its worst
/// incident's failback (null when none) and lost work), `stores` (per data store:
/// per pattern RPO, lost writes and mode, null when the pattern lost nothing there)
/// `cursor` (per pattern: bucket, success ratio, active faults, phase) and `planner` (planner_state_json, null
/// without `planner` documents). Fixed key order, 2-space indent.
std::string to_state_json(const ViewStateInfo& info, const std::vector<ComparisonRow>& rows,
                          const std::vector<CursorState>& cursor, const std::vector<StoreRow>& stores = {},
                          const PlannerDocuments* planner = nullptr);

}  // namespace faultline::gui
