#include <catch2/catch.hpp>

#include "faultline/gui/time_axis.hpp"

using faultline::gui::TimeAxis;

// A 4 h run (14400 s) drawn over 720 px starting at x = 100: 20 s per pixel.
TEST_CASE("TimeAxis maps seconds to pixels linearly and back", "[gui][time_axis]") {
  TimeAxis axis(14400);
  axis.set_pixels(100, 820);
  CHECK(axis.x_of(0) == 100);
  CHECK(axis.x_of(14400) == 820);
  CHECK(axis.x_of(7200) == 460);  // 100 + 7200 / 20
  CHECK(axis.t_of(280) == 3600);  // (280 - 100) * 20
  CHECK(axis.t_of(100) == 0);
  CHECK(axis.x_of(-200) == 90);  // not clamped: 100 - 200 / 20
}

TEST_CASE("TimeAxis zooms about an anchor, pans by pixels and stays inside the run", "[gui][time_axis]") {
  TimeAxis axis(14400);
  axis.set_pixels(100, 820);
  SECTION("zooming 2x about the middle halves the span around it") {
    axis.zoom(2, 7200);
    CHECK(axis.view_start_s() == 3600);
    CHECK(axis.view_end_s() == 10800);
    CHECK(axis.x_of(7200) == 460);  // the anchor keeps its pixel
  }
  SECTION("zooming 2x about t = 3600 keeps 3600 at x = 280") {
    axis.zoom(2, 3600);
    CHECK(axis.view_start_s() == 1800);  // 3600 - 0.25 * 7200
    CHECK(axis.view_end_s() == 9000);
    CHECK(axis.x_of(3600) == 280);
  }
  SECTION("panning right by 180 px shows 1800 s earlier (10 s per pixel after a 2x zoom)") {
    axis.zoom(2, 7200);
    axis.pan_pixels(180);
    CHECK(axis.view_start_s() == 1800);
    CHECK(axis.view_end_s() == 9000);
  }
  SECTION("panning past either end stops at the run's bounds with the span kept") {
    axis.zoom(2, 7200);
    axis.pan_pixels(1000);
    CHECK(axis.view_start_s() == 0);
    CHECK(axis.view_end_s() == 7200);
    axis.pan_pixels(-5000);
    CHECK(axis.view_start_s() == 7200);
    CHECK(axis.view_end_s() == 14400);
  }
  SECTION("zoom is limited to the minimum span and to the whole run") {
    axis.zoom(1e9, 0);
    CHECK(axis.view_start_s() == 0);
    CHECK(axis.view_end_s() == 10);  // default minimum span 10 s
    axis.zoom(1e-9, 0);
    CHECK(axis.view_start_s() == 0);
    CHECK(axis.view_end_s() == 14400);
  }
  SECTION("reset shows the whole run") {
    axis.zoom(4, 1000);
    axis.reset();
    CHECK(axis.view_start_s() == 0);
    CHECK(axis.view_end_s() == 14400);
  }
}

TEST_CASE("TimeAxis picks the smallest listed tick step giving at most the asked ticks", "[gui][time_axis]") {
  TimeAxis axis(14400);
  CHECK(axis.tick_step_s(10) == 1800);  // 14400 / 900 = 16 > 10, 14400 / 1800 = 8
  CHECK(axis.tick_step_s(4) == 3600);
  CHECK(axis.tick_step_s(1) == 21600);
  axis.zoom(1e9, 0);  // 10 s in view
  CHECK(axis.tick_step_s(5) == 2);
}

TEST_CASE("tick_label writes the shortest h/m/s label for the tick spacing", "[gui][time_axis]") {
  using faultline::gui::tick_label;
  CHECK(tick_label(7200, 1800) == "2h");
  CHECK(tick_label(5400, 1800) == "1h30m");
  CHECK(tick_label(2700, 900) == "45m");
  CHECK(tick_label(750, 30) == "12m30s");
  CHECK(tick_label(40, 10) == "40s");
  CHECK(tick_label(3610, 10) == "1h10s");
  CHECK(tick_label(0, 1800) == "0m");
  CHECK(tick_label(0, 10) == "0s");
}
