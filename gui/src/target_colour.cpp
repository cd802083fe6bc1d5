#include "faultline/gui/target_colour.hpp"

#include <algorithm>
#include <cmath>

namespace faultline::gui {

TargetStatus target_status(const engine::PatternResult& pattern, std::string_view name) {
  for (const engine::TargetResult& t : pattern.targets) {
    if (t.name == name) return t.met ? TargetStatus::kMet : TargetStatus::kMissed;
  }
  return TargetStatus::kNoTarget;
}

std::uint32_t status_colour(TargetStatus status) {
  switch (status) {
    case TargetStatus::kMet:
      return pack_rgba(46, 160, 67);
    case TargetStatus::kMissed:
      return pack_rgba(218, 54, 51);
    case TargetStatus::kNoTarget:
      return pack_rgba(110, 118, 129);
  }
  return pack_rgba(110, 118, 129);
}

namespace {
std::uint32_t mix(std::uint32_t a, std::uint32_t b, double f) {
  auto channel = [&](int shift) {
    const double ca = static_cast<double>((a >> shift) & 0xFFU);
    const double cb = static_cast<double>((b >> shift) & 0xFFU);
    return static_cast<std::uint32_t>(std::lround(ca + (cb - ca) * f)) << shift;
  };
  return channel(0) | channel(8) | channel(16) | channel(24);
}
}  // namespace

std::uint32_t ratio_colour(double ratio, double floor) {
  const std::uint32_t red = pack_rgba(218, 54, 51);
  const std::uint32_t amber = pack_rgba(210, 153, 34);
  const std::uint32_t green = pack_rgba(46, 160, 67);
  if (!(floor < 1.0)) return ratio >= 1.0 ? green : red;
  const double f = std::clamp((ratio - floor) / (1.0 - floor), 0.0, 1.0);
  return f < 0.5 ? mix(red, amber, f * 2.0) : mix(amber, green, (f - 0.5) * 2.0);
}

}  // namespace faultline::gui
