#pragma once
// Topology view: regions, zones, pools, gateways, stores and clients from the
// graph, coloured by their state at the cursor, with the traffic flows of the
// selected pattern.

#include "view_context.hpp"

namespace faultline::gui {

/// Draws the topology into the current ImGui window.
class TopologyView {
 public:
  /// Draws one frame; a pattern selector picks whose traffic flows are drawn.
  void draw(ViewContext& context);
};

}  // namespace faultline::gui
