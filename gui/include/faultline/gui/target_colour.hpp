#pragma once
// Colouring figures by their target: met, missed, or no target at all.

#include <cstdint>
#include <string_view>

#include "faultline/engine/model/pattern_result.hpp"

namespace faultline::gui {

/// How a figure compares with its target.
enum class TargetStatus { kNoTarget, kMet, kMissed };

/// Status of the target named `name` (e.g. "rto_s") in `pattern.targets`; kNoTarget when absent.
TargetStatus target_status(const engine::PatternResult& pattern, std::string_view name);

/// Packed colour (ImGui's IM_COL32 layout: 0xAABBGGRR) for a status: green met, red missed, grey none.
std::uint32_t status_colour(TargetStatus status);

/// Colour ramp for a success ratio (0..1): red at <= floor, green at 1, amber halfway; 0xAABBGGRR.
std::uint32_t ratio_colour(double ratio, double floor);

/// Packs 8-bit r, g, b, a into 0xAABBGGRR.
constexpr std::uint32_t pack_rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}

}  // namespace faultline::gui
