#include <catch2/catch.hpp>

#include "faultline/gui/target_colour.hpp"

using namespace faultline;
using gui::TargetStatus;

TEST_CASE("target_status reads the engine's verdict by target name", "[gui][colour]") {
  engine::PatternResult p;
  p.targets = {{"rto_s", 900, 1200.0, false}, {"availability", 0.99, 0.995, true}};
  CHECK(gui::target_status(p, "rto_s") == TargetStatus::kMissed);
  CHECK(gui::target_status(p, "availability") == TargetStatus::kMet);
  CHECK(gui::target_status(p, "rpo_s") == TargetStatus::kNoTarget);
}

TEST_CASE("status and ratio colours are exact 0xAABBGGRR values", "[gui][colour]") {
  CHECK(gui::pack_rgba(0x11, 0x22, 0x33, 0x44) == 0x44332211U);
  CHECK(gui::status_colour(TargetStatus::kMet) == 0xFF43A02EU);       // rgb(46, 160, 67)
  CHECK(gui::status_colour(TargetStatus::kMissed) == 0xFF3336DAU);    // rgb(218, 54, 51)
  CHECK(gui::status_colour(TargetStatus::kNoTarget) == 0xFF81766EU);  // rgb(110, 118, 129)
  const std::uint32_t red = gui::pack_rgba(218, 54, 51);
  const std::uint32_t amber = gui::pack_rgba(210, 153, 34);
  const std::uint32_t green = gui::pack_rgba(46, 160, 67);
  CHECK(gui::ratio_colour(1.0, 0.9) == green);
  CHECK(gui::ratio_colour(0.9, 0.9) == red);
  CHECK(gui::ratio_colour(0.2, 0.9) == red);  // below the floor: clamped
  CHECK(gui::ratio_colour(0.5, 0.0) == amber);
  // Floor 0, ratio 0.75: halfway from amber to green, channels rounded half away from zero:
  // r (210 + 46) / 2 = 128, g (153 + 160) / 2 = 156.5 -> 157, b (34 + 67) / 2 = 50.5 -> 51.
  CHECK(gui::ratio_colour(0.75, 0.0) == gui::pack_rgba(128, 157, 51));
  CHECK(gui::ratio_colour(0.25, 0.0) ==
        gui::pack_rgba(214, 104, 43));  // red->amber halfway: 214, 103.5 -> 104, 42.5 -> 43
}
