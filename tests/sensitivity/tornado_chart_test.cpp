// Tornado charts: one row per varied parameter with the figure, largest swing first.

#include <catch2/catch.hpp>

#include "faultline/reports/tornado_chart.hpp"

using namespace faultline::sensitivity;
using faultline::reports::tornado_svg;
using faultline::reports::TornadoMetric;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

ParameterResult varied(const std::string& name, double low_rto, double high_rto) {
  ParameterResult r;
  r.name = name;
  r.base_value = 30;
  r.low = 10;
  r.high = 60;
  r.points = {{10, {low_rto, {}, {}, 0.99, 100, 0, true}}, {60, {high_rto, {}, {}, 0.99, 100, 0, true}}};
  r.swing = swing_of(r.points);
  return r;
}

}  // namespace

TEST_CASE("tornado chart: rows by swing, bars from the own figure to each end", "[sensitivity][reports]") {
  PatternSensitivity p;
  p.name = "hot-warm";
  p.base = {200.0, {}, {}, 0.99, 100, 0, true};
  ParameterResult skipped;
  skipped.name = "breaker.open_wait";
  skipped.not_applicable = "no breaker";
  p.parameters = {varied("probe.interval", 150, 300), skipped, varied("trigger_delay", 190, 400)};
  const std::string svg = tornado_svg(p, TornadoMetric::kRto);
  // RTO extent 150..400 s plus 4 % (10 s) each side: x = 300 + 520 (v - 140) / 270 px.
  CHECK(count(svg, "class=\"low\"") == 2);
  CHECK(count(svg, "class=\"high\"") == 2);
  CHECK(svg.find("trigger_delay 10s..1m") < svg.find("probe.interval 10s..1m"));  // swing 210 s before 150 s
  CHECK(svg.find("breaker.open_wait") == std::string::npos);
  CHECK_THAT(svg, Catch::Contains("swing 210 s") && Catch::Contains("swing 150 s"));
  // The own figure 200 s: x = 300 + 520 x 60 / 270 = 415.6 px.
  CHECK_THAT(svg, Catch::Contains("<line x1=\"415.6\" y1=\"52.0\" x2=\"415.6\" y2=\"116.0\""));
  SECTION("no varied parameter has an RPO: no chart") { CHECK(tornado_svg(p, TornadoMetric::kRpo).empty()); }
}
