#pragma once
// Planner view: the Monte Carlo document's RTO CDF per pattern (one colour
// each, the RTO target in red) and annual-downtime histogram (pattern chosen
// in a combo), and the plan document's Pareto scatter (cost against RTO p95,
// radius RPO p95, Pareto points blue and joined, recommendations lettered).

#include <cstddef>

#include "faultline/gui/planner_model.hpp"

namespace faultline::gui {

/// Draws the planner documents into the current ImGui window.
class PlannerView {
 public:
  /// Draws one frame at UI scale `scale` (1 = 100 %).
  void draw(const PlannerDocuments& documents, float scale);

 private:
  void draw_mc(const contract::McDocument& mc, float height, float scale);
  // Draws the Monte Carlo title, each pattern's availability and the histogram pattern combo (clamps
  // histogram_pattern_).
  void draw_mc_header(const contract::McDocument& mc, float scale);
  void draw_plan(const contract::PlanDocument& plan, float height, float scale);
  // Draws the chosen pattern's criticality bars (share of downtime per component) in `height` px.
  void draw_criticality(const contract::McPatternData& pattern, float height, float scale);

  std::size_t histogram_pattern_ = 0;
};

}  // namespace faultline::gui
