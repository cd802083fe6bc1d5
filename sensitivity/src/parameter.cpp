#include "faultline/sensitivity/parameter.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace faultline::sensitivity {
namespace {

constexpr double kWeek = 7 * 86400.0;  // the scenario loader's longest step, s

// Defaults and their sources: docs/sensitivity.md, "Parameters".
constexpr std::array<ParameterInfo, 14> kCatalog{{
    {ParameterId::kProbeInterval, "probe.interval", ParameterUnit::kSeconds, 1, 3600, false, "10s..120s", 10, 120,
     "health probe interval of the global entry (Front Door: 30 s probe page, 120 s Terraform)"},
    {ParameterId::kProbeSampleSize, "probe.sample_size", ParameterUnit::kCount, 1, 64, false, "n-2..n+2, at least x", 0,
     0, "probes judged, n (x stays)"},
    {ParameterId::kProbeRequired, "probe.successful_samples_required", ParameterUnit::kCount, 1, 64, false, "1..n", 0,
     0, "successful probes required, x (n stays)"},
    {ParameterId::kBreakerFailureRate, "breaker.failure_rate_threshold", ParameterUnit::kPercent, 0, 100, true,
     "25..75", 25, 75, "failure rate that opens the breaker, percent (resilience4j: 50)"},
    {ParameterId::kBreakerMinimumCalls, "breaker.minimum_calls", ParameterUnit::kCount, 1, 1e9, false, "10..100", 10,
     100, "calls before the breaker judges its rate (resilience4j: 100)"},
    {ParameterId::kBreakerOpenWait, "breaker.open_wait", ParameterUnit::kSeconds, 1, kWeek, false, "30s..120s", 30, 120,
     "time open before half-open (resilience4j: 60 s)"},
    {ParameterId::kFailoverValidateFor, "failover.validate_for", ParameterUnit::kSeconds, 0, kWeek, false, "10s..300s",
     10, 300, "how long background checks must keep failing before the controller fails over (seeds/004)"},
    {ParameterId::kStandbyFraction, "standby_fraction", ParameterUnit::kFraction, 0, 1, true, "0.1..1", 0.1, 1,
     "capacity of the standby regions before failover"},
    {ParameterId::kTriggerDelay, "trigger_delay", ParameterUnit::kSeconds, 0, kWeek, false, "0s..30m", 0, 1800,
     "detection to the standby's scale-up and the runbook's start (alerting, approval)"},
    {ParameterId::kTimeToCapacity, "time_to_capacity", ParameterUnit::kSeconds, 0, kWeek, false, "0s..30m", 0, 1800,
     "scale-up of the standby from its fraction to full"},
    {ParameterId::kRunbookDurationScale, "runbook.duration_scale", ParameterUnit::kFactor, 0, 100, true, "0.5..2", 0.5,
     2, "every runbook step's duration distribution multiplied by this"},
    {ParameterId::kReplicationLag, "replication.lag", ParameterUnit::kSeconds, 0, kWeek, false, "0s..15m", 0, 900,
     "lag of every asynchronously replicated store (Cosmos DB, Storage GRS: under 15 min)"},
    {ParameterId::kBackupInterval, "replication.backup_interval", ParameterUnit::kSeconds, 0, kWeek, true, "100s..1h",
     100, 3600, "time between restorable copies of every periodic store (Cosmos continuous 100 s, periodic hourly)"},
    {ParameterId::kAutomaticFailoverDelay, "automatic_failover_delay", ParameterUnit::kSeconds, 0, kWeek, false,
     "1m..1h", 60, 3600,
     "fault start to the service-managed promotion of a database (Cosmos DB: up to an hour or more)"},
}};

std::string shortest_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

}  // namespace

std::span<const ParameterInfo> parameter_catalog() { return kCatalog; }

const ParameterInfo* find_parameter(std::string_view name) {
  for (const ParameterInfo& p : kCatalog) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const ParameterInfo& parameter_info(ParameterId id) { return kCatalog[static_cast<std::size_t>(id)]; }

std::vector<std::string> parameter_names() {
  std::vector<std::string> names;
  for (const ParameterInfo& p : kCatalog) names.emplace_back(p.name);
  return names;
}

std::string format_value(ParameterUnit unit, double value) {
  switch (unit) {
    case ParameterUnit::kSeconds:
      if (value >= 3600 && std::fmod(value, 3600) == 0) return shortest_number(value / 3600) + "h";
      if (value >= 60 && std::fmod(value, 60) == 0) return shortest_number(value / 60) + "m";
      return shortest_number(value) + "s";
    case ParameterUnit::kPercent:
      return shortest_number(value) + "%";
    case ParameterUnit::kFactor:
      return "x" + shortest_number(value);
    case ParameterUnit::kCount:
    case ParameterUnit::kFraction:
      break;
  }
  return shortest_number(value);
}

std::string format_value(std::string_view name, double value) {
  const ParameterInfo* info = find_parameter(name);
  return info ? format_value(info->unit, value) : shortest_number(value);
}

std::string_view unit_syntax(ParameterUnit unit) {
  switch (unit) {
    case ParameterUnit::kSeconds:
      return "durations like 500ms, 10s, 15m, 2h (or seconds)";
    case ParameterUnit::kCount:
      return "whole numbers";
    case ParameterUnit::kPercent:
      return "percentages like 25 or 25%";
    case ParameterUnit::kFraction:
      return "fractions like 0.25";
    case ParameterUnit::kFactor:
      return "factors like 0.5 or 2";
  }
  return "numbers";
}

std::string_view unit_label(ParameterUnit unit) {
  switch (unit) {
    case ParameterUnit::kSeconds:
      return "s";
    case ParameterUnit::kCount:
      return "count";
    case ParameterUnit::kPercent:
      return "%";
    case ParameterUnit::kFraction:
      return "fraction";
    case ParameterUnit::kFactor:
      return "factor";
  }
  return "";
}

}  // namespace faultline::sensitivity
