#include "faultline/reports/risk_vocabulary.hpp"

#include <cmath>
#include <cstdio>

namespace faultline::reports {

namespace {

// The metric key of a target name: the part after the last '.' ("by_fault.zone_outage.rto_s" -> "rto_s").
std::string_view metric_of(std::string_view target_name) {
  const auto dot = target_name.rfind('.');
  return dot == std::string_view::npos ? target_name : target_name.substr(dot + 1);
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

}  // namespace

std::string_view disruption_type(std::string_view fault_type) {
  if (fault_type.empty()) return "";
  if (fault_type == "region_outage") return "Region";
  if (fault_type == "zone_outage") return "Availability Zone";
  // Lost hardware, capacity or network paths: Resilience Hub's infrastructure disruptions.
  if (fault_type == "gpu_capacity_loss" || fault_type == "quota_reclaimed" || fault_type == "replication_partition" ||
      fault_type == "data_store_outage") {
    return "Infrastructure";
  }
  // Gray failures, throttling, gateway, entry, DNS and model-version faults: the service misbehaves.
  return "Application";
}

std::string_view dr_strategy(std::string_view pattern_name) {
  if (pattern_name == "hot-hot") return "multi-site active/active";
  if (pattern_name == "hot-warm") return "warm standby";
  if (pattern_name == "hot-cold") return "pilot light / backup and restore";
  return "";
}

std::string pattern_with_strategy(std::string_view pattern_name) {
  const std::string_view strategy = dr_strategy(pattern_name);
  std::string out(pattern_name);
  if (!strategy.empty()) out += " (" + std::string(strategy) + ")";
  return out;
}

std::string grouped(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  const std::string digits(buffer);
  const auto point = digits.find('.');
  const std::string whole = digits.substr(0, point);
  std::string out;
  for (std::size_t k = 0; k < whole.size(); ++k) {
    if (k > 0 && (whole.size() - k) % 3 == 0) out += ',';
    out += whole[k];
  }
  if (point != std::string::npos) out += digits.substr(point);
  const bool is_negative = value < 0 && out.find_first_not_of("0.,") != std::string::npos;
  return is_negative ? "-" + out : out;
}

std::string target_label(std::string_view target_name) {
  const std::string_view metric = metric_of(target_name);
  std::string label;
  if (metric == "rto_s")
    label = "RTO";
  else if (metric == "rpo_s")
    label = "RPO";
  else if (metric == "availability")
    label = "availability";
  else if (metric == "monthly_cost_usd")
    label = "monthly cost";
  else if (metric == "premium_usd")
    label = "resilience premium";
  else if (metric == "incident_cost_usd")
    label = "incident cost";
  else
    label = std::string(metric);
  const auto first_dot = target_name.find('.');
  if (first_dot != std::string_view::npos && first_dot != target_name.rfind('.')) {
    label += " (" + std::string(target_name.substr(first_dot + 1, target_name.rfind('.') - first_dot - 1)) + ")";
  }
  return label;
}

std::string target_figure(std::string_view target_name, double value) {
  const std::string_view metric = metric_of(target_name);
  if (metric == "availability") {
    std::string percent = grouped(value * 100.0, 3);
    while (percent.back() == '0') percent.pop_back();
    if (percent.back() == '.') percent.pop_back();
    return percent + " %";
  }
  if (ends_with(metric, "_usd")) return grouped(value, 0) + " USD";
  if (ends_with(metric, "_s"))
    return grouped(value, std::fabs(value) < 100.0 && value != std::floor(value) ? 1 : 0) + " s";
  return grouped(value, 3);
}

bool is_higher_better(std::string_view target_name) { return metric_of(target_name) == "availability"; }

}  // namespace faultline::reports
