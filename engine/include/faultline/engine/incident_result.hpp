#pragma once
// One incident of a pattern's run, as the result contract reports it (plain data).

#include <cstdint>
#include <optional>
#include <string>

namespace faultline::engine {

/// An incident in faultline.result/v1 `patterns[].incidents[]`. Times are seconds
/// from the start of the run (start_s) or from the fault's start (all others);
/// nullopt is JSON null (the part never happened or does not apply).
struct IncidentResult {
  std::string fault;                        ///< fault name from the scenario
  double start_s = 0.0;                     ///< fault start, s since run start
  double rto_s = 0.0;                       ///< recovery time, s (run or next fault bound when !recovered)
  bool recovered = false;                   ///< false: still below threshold at the next fault / run end
  double pre_incident_ratio = 1.0;          ///< success ratio the recovery threshold is relative to
  std::optional<double> rpo_s;              ///< worst data store's RPO, s; filled by the data model
  std::optional<double> detect_s;           ///< fault start -> first detection, s
  std::optional<double> switch_s;           ///< fault start -> traffic switched, s
  std::optional<double> runbook_s;          ///< runbook critical path duration, s
  std::optional<double> full_capacity_s;    ///< fault start -> full capacity restored, s
  std::uint64_t lost_writes = 0;            ///< acknowledged writes lost; filled by the data model

  friend bool operator==(const IncidentResult&, const IncidentResult&) = default;
};

}  // namespace faultline::engine
