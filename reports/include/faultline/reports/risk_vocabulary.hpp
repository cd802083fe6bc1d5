#pragma once
// The words a risk board reads beside faultline's own: AWS Resilience Hub's
// disruption types and DR strategy names, and target figures rounded for reading.

#include <string>
#include <string_view>

namespace faultline::reports {

/// Resilience Hub's disruption type of a fault type spelling: "Region", "Availability Zone",
/// "Infrastructure" (hardware, capacity, network) or "Application" (software, service); "" for "".
std::string_view disruption_type(std::string_view fault_type);
/// The disruption types in the order a report lists them.
constexpr std::string_view kDisruptionTypes[] = {"Application", "Infrastructure", "Availability Zone", "Region"};

/// Resilience Hub's DR strategy for a preset pattern name: "hot-hot" is "multi-site active/active",
/// "hot-warm" "warm standby", "hot-cold" "pilot light / backup and restore"; "" for a custom name.
std::string_view dr_strategy(std::string_view pattern_name);
/// `pattern_name` followed by its DR strategy in parentheses when it has one: "hot-warm (warm standby)".
std::string pattern_with_strategy(std::string_view pattern_name);

/// `value` with `decimals` digits after the point and a comma between thousands: 12345.6, 1 -> "12,345.6".
std::string grouped(double value, int decimals);
/// A target's metric as a reader names it: "rto_s" -> "RTO", "by_fault.zone_outage.rto_s" -> "RTO (zone_outage)".
std::string target_label(std::string_view target_name);
/// A target figure in its unit, rounded for reading: availability to 3 decimals of a percent without
/// trailing zeros ("97.673 %", "97 %"), seconds "4,000 s" (one decimal below 100 s when fractional), USD "8,683 USD".
std::string target_figure(std::string_view target_name, double value);
/// True when a larger value is better for this target (availability); false for times and costs.
bool is_higher_better(std::string_view target_name);

}  // namespace faultline::reports
