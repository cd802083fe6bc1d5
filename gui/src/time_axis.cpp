#include "faultline/gui/time_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace faultline::gui {

TimeAxis::TimeAxis(double run_end_s, double min_span_s)
    : run_end_s_(run_end_s > 0 ? run_end_s : 1.0),
      min_span_s_(std::min(min_span_s, run_end_s_)),
      view_start_s_(0.0),
      view_end_s_(run_end_s_) {}

void TimeAxis::set_pixels(double x0, double x1) {
  x0_ = x0;
  x1_ = x1 > x0 ? x1 : x0 + 1.0;
}

double TimeAxis::x_of(double t_s) const {
  return x0_ + (t_s - view_start_s_) * (x1_ - x0_) / (view_end_s_ - view_start_s_);
}

double TimeAxis::t_of(double x) const {
  return view_start_s_ + (x - x0_) * (view_end_s_ - view_start_s_) / (x1_ - x0_);
}

void TimeAxis::zoom(double factor, double anchor_s) {
  if (!(factor > 0)) return;
  const double span = std::clamp((view_end_s_ - view_start_s_) / factor, min_span_s_, run_end_s_);
  // Keep the anchor's relative position in the view.
  const double share = (anchor_s - view_start_s_) / (view_end_s_ - view_start_s_);
  view_start_s_ = anchor_s - share * span;
  view_end_s_ = view_start_s_ + span;
  clamp_view();
}

void TimeAxis::pan_pixels(double dx) {
  const double dt = dx * (view_end_s_ - view_start_s_) / (x1_ - x0_);
  view_start_s_ -= dt;
  view_end_s_ -= dt;
  clamp_view();
}

void TimeAxis::reset() {
  view_start_s_ = 0.0;
  view_end_s_ = run_end_s_;
}

double TimeAxis::tick_step_s(int max_ticks) const {
  const double span = view_end_s_ - view_start_s_;
  static constexpr double kSteps[] = {1,   2,   5,    10,   15,   30,    60,    120,   300,
                                      600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
  for (double step : kSteps) {
    if (span / step <= max_ticks) return step;
  }
  double step = 86400;
  while (span / step > max_ticks) step *= 2;
  return step;
}

void TimeAxis::clamp_view() {
  const double span = view_end_s_ - view_start_s_;
  if (view_start_s_ < 0) {
    view_start_s_ = 0;
    view_end_s_ = span;
  }
  if (view_end_s_ > run_end_s_) {
    view_end_s_ = run_end_s_;
    view_start_s_ = std::max(0.0, run_end_s_ - span);
  }
}

std::string tick_label(double t_s, double step_s) {
  const auto t = static_cast<std::int64_t>(std::llround(t_s));
  const std::int64_t h = t / 3600;
  const std::int64_t m = (t % 3600) / 60;
  const std::int64_t s = t % 60;
  std::string out;
  if (h > 0) out += std::to_string(h) + "h";
  if (m > 0 || (h == 0 && step_s >= 60)) out += std::to_string(m) + "m";
  if (s > 0 || step_s < 60) {
    if (s > 0 || out.empty()) out += std::to_string(s) + "s";
  }
  return out;
}

}  // namespace faultline::gui
