#pragma once
// SVG building blocks shared by the report charts (run result, Monte Carlo,
// plan, sensitivity): numbers with one decimal, escaped text, lines, rectangles,
// chart openings, linear scales and round axis limits.
// Internal to the reports module (not installed under include/).

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "faultline/reports/text_format.hpp"

namespace faultline::reports::svg {

/// A coordinate with one decimal, as every chart writes them.
inline std::string num(double v) { return fixed(v, 1); }

/// A <text> at (x, y) px with escaped `text` and extra attributes.
inline std::string text_at(double x, double y, std::string_view text, std::string_view extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (extra.empty() ? "" : " " + std::string(extra)) + ">" +
         escape_xml(text) + "</text>";
}

/// A <line> from (x1, y1) to (x2, y2) px with `style` attributes.
inline std::string line(double x1, double y1, double x2, double y2, std::string_view style) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" " +
         std::string(style) + "/>";
}

/// A <rect> at (x, y) px of w x h px with extra attributes.
inline std::string rect(double x, double y, double w, double h, std::string_view extra) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" " +
         std::string(extra) + "/>";
}

/// The opening <svg> of a chart `width` x `height` px (viewBox) with classes "chart `cls`" and an aria label.
inline std::string open_svg(double width, double height, std::string_view label, std::string_view cls) {
  return "<svg class=\"chart " + std::string(cls) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" role=\"img\" aria-label=\"" + escape_xml(label) + "\">";
}

/// A linear scale from [lo, hi] onto [from, to] px, clamped.
struct Scale {
  double lo = 0.0;
  double hi = 1.0;
  double from = 0.0;
  double to = 1.0;
  double operator()(double v) const { return from + (to - from) * std::clamp((v - lo) / (hi - lo), 0.0, 1.0); }
};

/// A readable round upper bound for an axis (1, 2, 5 x 10^k) >= v; 1 for v <= 0.
inline double nice_ceiling(double v) {
  if (v <= 0.0) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= v) return m * magnitude;
  }
  return 10.0 * magnitude;
}

}  // namespace faultline::reports::svg
