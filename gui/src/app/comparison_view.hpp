#pragma once
// Comparison view: the patterns side by side against the scenario's targets.

#include "view_context.hpp"

namespace faultline::gui {

/// Draws the comparison table into the current ImGui window.
class ComparisonView {
 public:
  /// Draws one frame; clicking a row selects its pattern.
  void draw(ViewContext& context);

 private:
  // Bar charts of unavailability, RTO and monthly cost per pattern, coloured by target, limit dashed.
  void draw_bars(ViewContext& context, const engine::Scenario& scenario);
  // RPO per data store across patterns, then failback and lost work of each pattern's worst incident.
  void draw_data(ViewContext& context);
  void draw_cost(ViewContext& context);
  // Per pattern, the worst incident's RTO as a stacked bar of its phases, with a legend (issue 21).
  void draw_rto_phases(ViewContext& context);
};

}  // namespace faultline::gui
