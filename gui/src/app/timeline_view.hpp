#pragma once
// Timeline view: per pattern the success ratio, traffic share per region,
// capacity per region and (once measured) replication lag over time, with
// fault spans, incident marks and the time cursor. Wheel zooms, right/middle
// drag pans, click or drag moves the cursor, double-click shows the whole run,
// Left/Right step the cursor by one bucket.

#include <optional>

#include "faultline/gui/time_axis.hpp"
#include "view_context.hpp"

namespace faultline::gui {

/// Draws the timeline into the current ImGui window; owns the zoom state.
class TimelineView {
 public:
  /// Draws one frame; may move context.cursor_s.
  void draw(ViewContext& context);

 private:
  std::optional<TimeAxis> axis_;
};

}  // namespace faultline::gui
