#pragma once
// The timeline's horizontal axis: a visible time span [view start, view end]
// (seconds since run start) mapped linearly onto a pixel range, with zoom and pan
// kept inside the run.

#include <string>

namespace faultline::gui {

/// Linear mapping between simulated seconds and screen pixels. Invariant:
/// 0 <= view_start_s < view_end_s <= run_end_s and the span is >= min_span_s
/// (unless the run itself is shorter).
class TimeAxis {
 public:
  /// Axis over the whole run [0, run_end_s] (s, > 0); pixels [0, 1] until set_pixels.
  explicit TimeAxis(double run_end_s, double min_span_s = 10.0);

  /// Places the axis on screen: time view_start maps to x0, view_end to x1 (px, x1 > x0).
  void set_pixels(double x0, double x1);
  /// Screen x (px) of time t_s (s); linear, not clamped.
  [[nodiscard]] double x_of(double t_s) const;
  /// Time (s) at screen x (px); linear, not clamped.
  [[nodiscard]] double t_of(double x) const;
  /// Zooms by `factor` (> 1 zooms in) keeping time anchor_s (s) at the same pixel, then clamps to the run.
  void zoom(double factor, double anchor_s);
  /// Pans by dx pixels (dragging right by dx shows earlier times), clamped to the run.
  void pan_pixels(double dx);
  /// Shows the whole run again.
  void reset();

  /// First visible time, s.
  [[nodiscard]] double view_start_s() const { return view_start_s_; }
  /// Last visible time, s.
  [[nodiscard]] double view_end_s() const { return view_end_s_; }
  /// Run length, s.
  [[nodiscard]] double run_end_s() const { return run_end_s_; }
  /// A "nice" tick spacing (1, 2 or 5 x 10^k s, or whole minutes/hours) giving at most max_ticks ticks in view, s.
  [[nodiscard]] double tick_step_s(int max_ticks) const;

 private:
  void clamp_view();

  double run_end_s_;
  double min_span_s_;
  double view_start_s_;
  double view_end_s_;
  double x0_ = 0.0;
  double x1_ = 1.0;
};

/// Short label of a tick at t_s (s) for ticks step_s (s) apart: "2h", "1h30m", "45m", "12m30s", "40s".
std::string tick_label(double t_s, double step_s);

}  // namespace faultline::gui
