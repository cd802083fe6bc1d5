#include "faultline/reports/candidate_settings.hpp"

#include <cmath>

#include "faultline/reports/text_format.hpp"

namespace faultline::reports {
namespace {

std::string store_cell(const contract::StoreReplication& s) {
  std::string mode = s.mode;
  if (s.mode == "backup_restore") mode = "backup";
  if (s.mode == "scheduled_rebuild") mode = "rebuild";
  if (s.backup_interval_s) mode += " " + short_duration(*s.backup_interval_s);
  return s.store + " " + mode;
}

}  // namespace

std::string short_duration(double seconds) {
  const auto whole = [&](double unit) { return seconds >= unit && std::fmod(seconds, unit) == 0.0; };
  if (whole(86400.0)) return shortest(seconds / 86400.0) + "d";
  if (whole(3600.0)) return shortest(seconds / 3600.0) + "h";
  if (whole(60.0)) return shortest(seconds / 60.0) + "m";
  return shortest(seconds) + "s";
}

CandidateSettings candidate_settings(const contract::PlanCandidateData& candidate) {
  CandidateSettings out;
  if (candidate.regions) {
    for (const std::string& r : *candidate.regions) out.regions += (out.regions.empty() ? "" : " > ") + r;
  }
  if (candidate.has_probe_samples) {
    out.probe = candidate.probe_samples ? std::to_string(candidate.probe_samples->required) + "/" +
                                              std::to_string(candidate.probe_samples->of)
                                        : "none";
  }
  if (candidate.has_breaker) {
    const auto& b = candidate.breaker;
    out.breaker = b ? shortest(b->failure_rate_threshold_percent) + "% / " + std::to_string(b->minimum_calls) +
                          " calls / " + shortest(b->open_wait_s) + " s"
                    : "none";
  }
  if (candidate.stores) {
    for (const contract::StoreReplication& s : *candidate.stores)
      out.data += (out.data.empty() ? "" : "; ") + store_cell(s);
  }
  return out;
}

SettingsColumns settings_columns(const contract::PlanDocument& plan) {
  SettingsColumns out;
  for (const contract::PlanCandidateData& c : plan.candidates) {
    out.has_regions = out.has_regions || c.regions.has_value();
    out.has_probe = out.has_probe || c.has_probe_samples;
    out.has_breaker = out.has_breaker || c.has_breaker;
    out.has_data = out.has_data || c.stores.has_value();
  }
  return out;
}

}  // namespace faultline::reports
