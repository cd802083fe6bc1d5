#include "faultline/cli/cost_table.hpp"

#include <cstdio>
#include <string_view>
#include <utility>

namespace faultline::cli {
namespace {

std::string usd(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

std::string left(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string format_cost_breakdown(const engine::RunResult& result) {
  std::string out = "\nmonthly cost by component and region (USD, 730 h):\n";
  for (const engine::PatternResult& p : result.patterns) {
    out += p.name + "\n";
    for (const auto& [key, value] : topology::cost_by_component(p.cost_breakdown)) {
      out += "  " + left(key.first, 20) + left(key.second, 14) + pad(usd(value), 12) + "\n";
    }
    out += "  " + left("total", 34) + pad(usd(p.monthly_cost_usd), 12) + "\n";
    if (p.baseline_cost_usd) {
      out += "  " + left("single-region baseline", 34) + pad(usd(*p.baseline_cost_usd), 12) + "\n";
      out += "  " + left("resilience premium", 34) + pad(usd(*p.premium_usd()), 12) + "\n";
    }
  }
  return out;
}

}  // namespace faultline::cli
