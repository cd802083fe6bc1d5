#pragma once
// How a plan candidate's settings read in the candidate table and in the GUI's
// Pareto read-out: regions, probe x/n, breaker and data (the later additions
// to faultline.plan/v1), and which of them a document has at all.

#include <string>

#include "faultline/contract/planner_documents.hpp"

namespace faultline::reports {

/// The four settings of one candidate as table cells; "" when the candidate's document has no such key.
struct CandidateSettings {
  std::string regions;  ///< "eastus2 > centralus" (priority order)
  std::string probe;    ///< "3/4", or "none" (null: no probe)
  std::string breaker;  ///< "50% / 100 calls / 60 s", or "none" (null: no breaker)
  std::string data;     ///< "cosmos-eastus2 sync; storage-eastus2 backup 1h"
};

/// The cells of `candidate`.
CandidateSettings candidate_settings(const contract::PlanCandidateData& candidate);

/// Which settings columns a plan shows: each when at least one candidate has the key.
struct SettingsColumns {
  bool has_regions = false;
  bool has_probe = false;
  bool has_breaker = false;
  bool has_data = false;
};

/// The columns of `plan`'s candidate table; all false for documents written before the additions.
SettingsColumns settings_columns(const contract::PlanDocument& plan);

/// A duration in s as the data cell writes it: whole days "2d", hours "1h", minutes "30m", else seconds "45s".
std::string short_duration(double seconds);

}  // namespace faultline::reports
