#pragma once
// Event log view: fault starts and ends and each pattern's incident marks, in
// time order, following the time cursor; clicking an entry moves the cursor.

#include <cstddef>

#include "view_context.hpp"

namespace faultline::gui {

/// Draws the event log into the current ImGui window.
class EventLogView {
 public:
  /// Draws one frame; scrolls to the cursor's entry when the cursor moved.
  void draw(ViewContext& context);

 private:
  double last_cursor_s_ = -1.0;
  bool is_selected_only_ = false;
};

}  // namespace faultline::gui
