#pragma once
// What every view reads and may change during one frame; owned by App.

#include <cstddef>

#include "scenario_session.hpp"

namespace faultline::gui {

/// Shared view state, passed to each view's draw() by reference.
struct ViewContext {
  ScenarioSession& session;
  double& cursor_s;               ///< the time cursor, s since run start
  std::size_t& selected_pattern;  ///< index into the result's patterns
  float scale = 1.0F;             ///< UI scale (HiDPI)
  bool is_run_requested = false;  ///< set by a view to start a run after this frame
};

}  // namespace faultline::gui
