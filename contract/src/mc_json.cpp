#include "faultline/contract/mc_json.hpp"

#include <nlohmann/json.hpp>

#include "json_values.hpp"

namespace faultline::contract {
namespace {

using nlohmann::ordered_json;

ordered_json estimate_json(const Estimate& e) {
  ordered_json j;
  j["mean"] = e.mean;
  j["ci99_half_width"] = optional_value(e.half_width);
  j["ci99_low"] = e.half_width ? ordered_json(e.mean - *e.half_width) : ordered_json(nullptr);
  j["ci99_high"] = e.half_width ? ordered_json(e.mean + *e.half_width) : ordered_json(nullptr);
  return j;
}

ordered_json percentiles_json(const Percentiles& p) {
  ordered_json j;
  j["p50"] = optional_value(p.p50);
  j["p95"] = optional_value(p.p95);
  j["p99"] = optional_value(p.p99);
  return j;
}

ordered_json birnbaum_json(const McResult& r) {
  ordered_json out = ordered_json::array();
  for (std::size_t i = 0; i < r.markov.birnbaum.size() && i < r.components.size(); ++i) {
    out.push_back({{"component", r.components[i]}, {"importance", r.markov.birnbaum[i]}});
  }
  return out;
}

ordered_json criticality_json(const std::vector<ComponentCriticality>& criticality) {
  ordered_json out = ordered_json::array();
  for (const auto& c : criticality) {
    out.push_back({{"component", c.component},
                   {"incidents", c.incidents},
                   {"downtime_s", c.downtime_s},
                   {"lost_writes", c.lost_writes},
                   {"incident_share", optional_value(c.incident_share)},
                   {"downtime_share", optional_value(c.downtime_share)},
                   {"lost_write_share", optional_value(c.lost_write_share)}});
  }
  return out;
}

ordered_json tallies_json(const std::vector<ComponentTally>& tallies) {
  ordered_json out = ordered_json::array();
  for (const auto& t : tallies) {
    out.push_back({{"component", t.component},
                   {"incidents", t.incidents},
                   {"downtime_s", t.downtime_s},
                   {"lost_writes", t.lost_writes}});
  }
  return out;
}

// `rare_event` (mc --rare-events, issue 17 item 2): the rare-event estimate next to the Markov answer.
ordered_json rare_event_json(const RareEventEstimate& e) {
  return {{"method", e.method},
          {"unavailability", e.unavailability},
          {"std_error", e.std_error},
          {"relative_error", optional_value(e.relative_error)},
          {"cycles", e.cycles},
          {"converged", e.is_converged},
          {"markov_unavailability", optional_value(e.markov_unavailability)},
          {"ratio", optional_value(e.ratio)}};
}

}  // namespace

std::string to_mc_json_text(const McResult& r) {
  ordered_json j =
      planner_document_head(kMcSchema, r.faultline_version, r.scenario_file, r.scenario_sha256, r.seed, r.years);
  j["replications_requested"] = r.replications_requested;
  j["shard"] =
      r.shard_count == 1 ? ordered_json(nullptr) : ordered_json{{"index", r.shard_index}, {"count", r.shard_count}};
  j["precision"] = optional_value(r.precision);
  j["precision_rto_p95_s"] = optional_value(r.precision_rto_p95_s);
  j["repair_crews"] = r.repair_crews;
  j["traffic"] = optional_text(r.traffic);
  j["structure"] = r.structure;
  j["components"] = r.components;
  std::vector<DefaultedComponent> defaulted;
  for (std::size_t i = 0; i < r.component_defaults.size() && i < r.components.size(); ++i) {
    if (!r.component_defaults[i].empty()) defaulted.push_back({r.components[i], r.component_defaults[i]});
  }
  j["defaulted_components"] = defaulted_json(defaulted);
  j["targets"] = targets_json(PlanTargets{r.targets.availability, r.targets.rto_s, r.targets.rpo_s, std::nullopt});
  j["markov"] = {{"availability", optional_value(r.markov.availability)},
                 {"annual_downtime_h", optional_value(r.markov.annual_downtime_h)},
                 {"note", r.markov.note},
                 {"birnbaum", birnbaum_json(r)}};
  if (r.rare_event) j["rare_event"] = rare_event_json(*r.rare_event);
  const McSummary& s = r.summary;
  j["replications"] = s.replications;
  j["simulated_years"] = r.years * static_cast<double>(s.replications);
  j["structure_availability"] = estimate_json(s.structure_availability);
  j["structure_annual_downtime_h"] = s.structure_annual_downtime_h;
  j["failures_per_year"] = s.failures_per_year;
  ordered_json patterns = ordered_json::array();
  for (const auto& p : s.patterns) {
    ordered_json pj;
    pj["name"] = p.name;
    pj["availability"] = estimate_json(p.availability);
    pj["annual_downtime_h"] = p.annual_downtime_h;
    pj["incidents_per_year"] = p.incidents_per_year;
    pj["rto_s"] = percentiles_json(p.rto_s);
    pj["rpo_s"] = percentiles_json(p.rpo_s);
    pj["annual_incident_cost_usd"] = p.annual_incident_cost_usd;
    ordered_json tj = ordered_json::array();
    for (const auto& t : p.targets) {
      tj.push_back({{"name", t.name}, {"limit", t.limit}, {"value", optional_value(t.value)}, {"met", t.is_met}});
    }
    pj["targets"] = tj;
    pj["criticality"] = criticality_json(p.criticality);
    patterns.push_back(pj);
  }
  j["patterns"] = patterns;
  ordered_json records = ordered_json::array();
  for (const auto& rec : r.records) {
    ordered_json rj;
    rj["replication"] = rec.replication;
    rj["structure_downtime_s"] = rec.structure_downtime_s;
    rj["failures"] = rec.failures;
    ordered_json ps = ordered_json::array();
    for (const auto& p : rec.patterns) {
      ps.push_back({{"downtime_s", p.downtime_s},
                    {"incidents", p.incidents},
                    {"incident_cost_usd", p.incident_cost_usd},
                    {"rto_s", p.rto_s},
                    {"rpo_s", p.rpo_s},
                    {"by_component", tallies_json(p.by_component)}});
    }
    rj["patterns"] = ps;
    records.push_back(rj);
  }
  j["records"] = records;
  return j.dump(2) + "\n";
}

}  // namespace faultline::contract
