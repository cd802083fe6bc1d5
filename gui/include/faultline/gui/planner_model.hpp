#pragma once
// The planner view's model: the Monte Carlo and plan documents it shows, and
// pure functions placing the RTO CDF, the annual-downtime histogram and the
// Pareto scatter in screen pixels (y grows downwards, as in ImGui). No ImGui.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/contract/planner_documents.hpp"
#include "faultline/reports/planner_figures.hpp"

namespace faultline::gui {

/// The documents the planner view shows; either may be absent.
struct PlannerDocuments {
  std::optional<contract::McDocument> mc;
  std::optional<contract::PlanDocument> plan;
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
  double cost_lo_usd = 0.0;        ///< x axis left end, USD per month
  double cost_hi_usd = 1.0;        ///< x axis right end
  double rto_end_s = 1.0;          ///< y axis top, s
  std::vector<ScatterMark> marks;  ///< in the document's order
  std::vector<ScreenPoint> front;  ///< Pareto points in cost (then RTO) order, to join
};

/// The plan's candidates in `box`, as the HTML report draws them: x total monthly cost over min - 5 % .. max + 5 %
/// of the span (+-5 % of the value, at least 1 USD, when all are equal), y RTO p95 0..round_axis_end(largest)
/// (none = 0), radius (4 + 8 x RPO p95 / largest RPO p95) x `scale` px.
ParetoScatter pareto_scatter(const contract::PlanDocument& plan, const PlotBox& box, double scale);

/// What the RTO CDF shows under the pointer: the RTO at its x and each pattern's share of incidents at or below it.
struct CdfReadout {
  double rto_s = 0.0;                                  ///< s
  std::vector<std::pair<std::string, double>> shares;  ///< per pattern in document order: P(RTO <= rto_s), 0..1
};

/// The read-out at `mouse` over the CDF plot `box` whose x axis is 0..x_end_s s; absent when the pointer
/// is outside the box.
std::optional<CdfReadout> cdf_readout(const contract::McDocument& mc, double x_end_s, const PlotBox& box,
                                      ScreenPoint mouse);

/// The read-out as tooltip text: "RTO <= 120 s" and per pattern "hot-hot: 75.0 % of 4 incidents" (or "no incident").
std::string cdf_readout_text(const CdfReadout& readout, const contract::McDocument& mc);

/// The histogram bin under the pointer.
struct HistogramReadout {
  std::size_t bin = 0;
  double low_h = 0.0;     ///< hours per year
  double high_h = 0.0;    ///< hours per year
  std::size_t count = 0;  ///< replications
};

/// The bin whose column (full plot height) holds `mouse` in `box` (bins laid out as histogram_bars does; the
/// last bin's right edge included); absent outside the box or without bins.
std::optional<HistogramReadout> histogram_readout(const std::vector<reports::HistogramBin>& bins, const PlotBox& box,
                                                  ScreenPoint mouse);

/// "1.000 to 2.000 h/year: 3 replication(s)" (the HTML report's bar title).
std::string histogram_readout_text(const HistogramReadout& readout);

/// Index of the candidate whose circle holds `mouse` (the last drawn wins: it is on top); absent when none.
std::optional<std::size_t> pareto_hit(const ParetoScatter& scatter, ScreenPoint mouse);

/// The Pareto read-out of `candidate`: label, costs, RTO/RPO p95, targets, then the settings the document
/// has (regions, probe x/n, breaker, data), one per line.
std::string pareto_readout_text(const contract::PlanCandidateData& candidate);

/// One bar of the criticality chart: a component of one pattern and its shares (0..1, 0 when null).
struct CriticalityRow {
  std::string component;
  double downtime_share = 0.0;
  double incident_share = 0.0;
  double lost_write_share = 0.0;
  std::string text;  ///< "76.3 % of downtime, 2.4 % of incidents, 0.0 % of lost writes, Birnbaum 0.9000" (or "-")
};

/// The components of `pattern` with a share of downtime or of lost writes, largest downtime share first (then
/// lost writes, then document order), at most `max_rows`.
std::vector<CriticalityRow> criticality_rows(const contract::McPatternData& pattern, std::size_t max_rows);

/// The planner part of --dump-state (schema faultline.gui-state/v1, key "planner"): the open files (null when
/// not open), per pattern RTO p50/p95/p99 (s, null without incidents), the Pareto front's labels in cost
/// order and the recommendations (kind, label or null, why); per pattern also the component with the largest
/// share of downtime (null when none), and the number of defaulted components. Fixed key order.
nlohmann::ordered_json planner_state_json(const PlannerDocuments& documents);

}  // namespace faultline::gui
