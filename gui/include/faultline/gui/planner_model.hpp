#pragma once
// The planner view's model: the Monte Carlo and plan documents it shows, and
// pure functions placing the RTO CDF, the annual-downtime histogram and the
// Pareto scatter in screen pixels (y grows downwards, as in ImGui). No ImGui.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "faultline/reports/planner_documents.hpp"
#include "faultline/reports/planner_figures.hpp"

namespace faultline::gui {

/// The documents the planner view shows; either may be absent.
struct PlannerDocuments {
  std::optional<reports::McDocument> mc;
  std::optional<reports::PlanDocument> plan;
  [[nodiscard]] bool is_empty() const { return !mc && !plan; }
};

/// The schema of the JSON file at `path` when it is "faultline.mc/v1" or "faultline.plan/v1"; empty otherwise.
std::string planner_schema_of_file(const std::string& path);

/// Reads the mc or plan document at `path` into `into` (replacing the one of its kind); returns "" or the
/// error ("FILE: JSON.PATH: problem (allowed: ...)"), leaving `into` unchanged on error.
std::string load_planner_file(const std::string& path, PlannerDocuments& into);

/// A plot area on screen, px.
struct PlotBox {
  double left = 0.0;
  double top = 0.0;
  double width = 1.0;
  double height = 1.0;
};

/// A point on screen, px.
struct ScreenPoint {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const ScreenPoint&) const = default;
};

/// The step polyline of an empirical CDF in `box`: x 0..x_end_s s left to right (larger values at the right
/// edge), y probability 0..1 bottom to top. Starts at (0 s, 0); per step a horizontal then a vertical
/// segment; ends at the right edge. Empty for no steps.
std::vector<ScreenPoint> cdf_polyline(const std::vector<reports::CdfStep>& steps, double x_end_s, const PlotBox& box);

/// One histogram bar on screen, px: [x0, x1] x [y0 (top), y1 (bottom)].
struct ScreenBar {
  double x0 = 0.0;
  double y0 = 0.0;
  double x1 = 0.0;
  double y1 = 0.0;
  std::size_t count = 0;
};

/// One bar per bin in `box`: x the bins' first low..last high, y 0..reports::histogram_count_end bottom to top.
std::vector<ScreenBar> histogram_bars(const std::vector<reports::HistogramBin>& bins, const PlotBox& box);

/// One candidate on screen: centre and radius (px), and what colours and labels it.
struct ScatterMark {
  ScreenPoint centre;
  double radius = 0.0;
  bool is_pareto = false;
  bool meets_targets = false;
  std::string label;
  std::string tag;  ///< recommendation letters: A cheapest meeting targets, B best within budget, C least change
};

/// The Pareto scatter in screen space and its axis ranges.
struct ParetoScatter {
  double cost_lo_usd = 0.0;  ///< x axis left end, USD per month
  double cost_hi_usd = 1.0;  ///< x axis right end
  double rto_end_s = 1.0;    ///< y axis top, s
  std::vector<ScatterMark> marks;  ///< in the document's order
  std::vector<ScreenPoint> front;  ///< Pareto points in cost (then RTO) order, to join
};

/// The plan's candidates in `box`, as the HTML report draws them: x total monthly cost over min - 5 % .. max + 5 %
/// of the span (+-5 % of the value, at least 1 USD, when all are equal), y RTO p95 0..round_axis_end(largest)
/// (none = 0), radius (4 + 8 x RPO p95 / largest RPO p95) x `scale` px.
ParetoScatter pareto_scatter(const reports::PlanDocument& plan, const PlotBox& box, double scale);

}  // namespace faultline::gui
