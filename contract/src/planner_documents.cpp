#include "faultline/contract/planner_documents.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "faultline/contract/mc_json.hpp"
#include "faultline/contract/result_reader.hpp"
#include "faultline/contract/schema_names.hpp"
#include "json_walker.hpp"

namespace faultline::contract {
namespace {

using Json = nlohmann::json;

// The shared walker plus what the Monte Carlo and plan documents have in common.
class DocumentReader : public JsonWalker {
 public:
  using JsonWalker::JsonWalker;

  // `key` (optional): an array of strings.
  std::optional<std::vector<std::string>> strings_if_present(const Json& o, const std::string& path,
                                                             const char* key) const {
    if (!o.contains(key)) return std::nullopt;
    return strings(o, path, key);
  }

  std::vector<std::string> region_pair(const Json& pair, const std::string& path) const {
    return string_list(pair, path, "a region id (string)");
  }

  ProbeSamples probe(const Json& j, const std::string& path) const {
    object(j, path);
    const ProbeSamples p{static_cast<std::int64_t>(count(j, path, "required")),
                         static_cast<std::int64_t>(count(j, path, "of"))};
    if (p.required < 1 || p.required > p.of)
      fail(path, "asks " + std::to_string(p.required) + " of " + std::to_string(p.of), "1 <= required <= of");
    return p;
  }

  BreakerSettings breaker(const Json& j, const std::string& path) const {
    object(j, path);
    return {number(j, path, "failure_rate_threshold_percent"),
            static_cast<std::int64_t>(count(j, path, "minimum_calls")), number(j, path, "open_wait_s")};
  }

  std::string mode(const Json& j, const std::string& path) const {
    if (!j.is_string())
      fail(path, "is " + type_name(j), "\"sync\", \"async\", \"backup_restore\" or \"scheduled_rebuild\"");
    std::string m = j.get<std::string>();
    if (m != "sync" && m != "async" && m != "backup_restore" && m != "scheduled_rebuild") {
      fail(path, "is \"" + m + "\"", "\"sync\", \"async\", \"backup_restore\" or \"scheduled_rebuild\"");
    }
    return m;
  }

  // An array of modes, or an object of arrays per store kind ({"database": ["sync", "async"], ...}, as
  // faultline plan writes it): the distinct modes in first-seen order.
  std::vector<std::string> modes(const Json& j, const std::string& path) const {
    if (!j.is_array() && !j.is_object())
      fail(path, "is " + type_name(j), "an array of modes or an object of arrays of modes per store kind");
    std::vector<std::string> out;
    const auto add = [&](const Json& list, const std::string& list_path) {
      for (std::size_t i = 0; const Json& x : array(list, list_path)) {
        const std::string m = mode(x, index(list_path, i++));
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      }
    };
    if (j.is_array()) {
      add(j, path);
    } else {
      for (const auto& [kind, list] : j.items()) add(list, path + "." + kind);
    }
    return out;
  }

  StoreReplication store(const Json& j, const std::string& path) const {
    object(j, path);
    return {text(j, path, "store"), mode(member(j, path, "mode"), child(path, "mode")),
            number_if_present(j, path, "backup_interval_s")};
  }

  // The optional keys a candidate gained after v1 was first written.
  void candidate_settings(const Json& j, const std::string& p, PlanCandidateData& c) const {
    c.regions = strings_if_present(j, p, "regions");
    if (j.contains("probe_samples")) {
      c.has_probe_samples = true;
      if (!j.at("probe_samples").is_null()) c.probe_samples = probe(j.at("probe_samples"), child(p, "probe_samples"));
    }
    if (j.contains("breaker")) {
      c.has_breaker = true;
      if (!j.at("breaker").is_null()) c.breaker = breaker(j.at("breaker"), child(p, "breaker"));
    }
    if (j.contains("stores")) c.stores = list(j, p, "stores", &DocumentReader::store);
    if (j.contains("stage")) {
      const std::string stage = text(j, p, "stage");
      if (stage != "screen" && stage != "combine")
        fail(child(p, "stage"), "is \"" + stage + "\"", "\"screen\" or \"combine\"");
      c.stage = stage;
    }
    c.standby_fraction = number_if_present(j, p, "standby_fraction");
    c.probe_interval_s = number_if_present(j, p, "probe_interval_s");
    c.annual_incident_cost_usd = number_if_present(j, p, "annual_incident_cost_usd");
    c.availability_ci99_low = number_if_present(j, p, "availability_ci99_low");
    if (j.contains("changes")) c.changes = count(j, p, "changes");
    if (j.contains("replications_run")) c.replications_run = count(j, p, "replications_run");
    c.simulated_years = number_if_present(j, p, "simulated_years");
  }

  // The search space's later additions; the keys written from the start (patterns, ...) are not read.
  PlanSearchSpace search_space(const Json& document) const {
    PlanSearchSpace out;
    if (!document.contains("search_space")) return out;
    const Json& s = object(document, "", "search_space");
    const std::string p = "search_space";
    if (s.contains("region_pairs")) out.region_pairs = list(s, p, "region_pairs", &DocumentReader::region_pair);
    if (s.contains("probe_samples")) out.probe_samples = list(s, p, "probe_samples", &DocumentReader::probe);
    if (s.contains("breakers")) out.breakers = list(s, p, "breakers", &DocumentReader::breaker);
    if (s.contains("replication_modes")) {
      out.replication_modes = modes(s.at("replication_modes"), child(p, "replication_modes"));
      if (s.at("replication_modes").is_object()) {
        for (const auto& [kind, list] : s.at("replication_modes").items()) {
          std::vector<std::string> kind_modes;
          for (std::size_t i = 0; const Json& x : list)
            kind_modes.push_back(mode(x, index(p + ".replication_modes." + kind, i++)));
          out.replication_modes_by_kind.emplace_back(kind, std::move(kind_modes));
        }
      }
    }
    if (s.contains("backup_intervals_s")) out.backup_intervals_s = numbers(s, p, "backup_intervals_s");
    if (s.contains("strategy") && !s.at("strategy").is_null()) out.strategy = text(s, p, "strategy");
    if (s.contains("evaluated") && !s.at("evaluated").is_null()) out.evaluated = count(s, p, "evaluated");
    out.patterns = strings_if_present(s, p, "patterns").value_or(std::vector<std::string>{});
    if (s.contains("standby_fractions")) out.standby_fractions = numbers(s, p, "standby_fractions");
    if (s.contains("probe_intervals_s")) out.probe_intervals_s = numbers(s, p, "probe_intervals_s");
    if (s.contains("max_candidates")) out.max_candidates = count(s, p, "max_candidates");
    if (s.contains("screened")) out.screened = count(s, p, "screened");
    if (s.contains("truncated")) out.is_truncated = flag(s, p, "truncated");
    out.notes = strings_if_present(s, p, "notes").value_or(std::vector<std::string>{});
    return out;
  }

  // `defaulted_components` (a later addition to both documents; absent: none).
  std::vector<DefaultedComponent> defaulted(const Json& document) const {
    std::vector<DefaultedComponent> out;
    if (!document.contains("defaulted_components")) return out;
    for (std::size_t i = 0; const Json& d : array(document, "", "defaulted_components")) {
      const std::string p = index("defaulted_components", i++);
      out.push_back({text(d, p, "component"), text(d, p, "source")});
    }
    return out;
  }
};

std::string scenario_of(const DocumentReader& r, const Json& document) {
  const Json& inputs = r.object(document, "", "inputs");
  return r.text(inputs, "inputs", "scenario");
}

// The estimate as the reports draw it: the mean with its 99 % interval's bounds.
AvailabilityEstimate availability_of(const Estimate& e) {
  if (!e.half_width) return {e.mean, std::nullopt, std::nullopt};
  return {e.mean, e.mean - *e.half_width, e.mean + *e.half_width};
}

McPatternData pattern_of(const PatternSummary& s, const std::map<std::string, double>& birnbaum) {
  McPatternData d;
  d.name = s.name;
  d.availability = availability_of(s.availability);
  d.annual_downtime_h = s.annual_downtime_h;
  d.incidents_per_year = s.incidents_per_year;
  d.rto_p50_s = s.rto_s.p50;
  d.rto_p95_s = s.rto_s.p95;
  d.rto_p99_s = s.rto_s.p99;
  d.rpo_p95_s = s.rpo_s.p95;
  d.annual_incident_cost_usd = s.annual_incident_cost_usd;
  for (const ComponentCriticality& c : s.criticality) {
    McComponentCriticality m{c.component,      c.incidents,        c.incident_share,
                             c.downtime_share, c.lost_write_share, std::nullopt};
    if (const auto it = birnbaum.find(c.component); it != birnbaum.end()) m.birnbaum = it->second;
    d.criticality.push_back(std::move(m));
  }
  return d;
}

}  // namespace

std::string document_schema(const nlohmann::json& document, const std::string& file) {
  return DocumentReader(file).text(document, "", "schema");
}

McDocument read_mc_document(const nlohmann::json& document, const std::string& file) {
  const McResult r = read_mc_result(document, file, McReadOptions{.is_for_merge = false});
  McDocument out;
  out.file = file;
  out.scenario = r.scenario_file;
  out.faultline_version = r.faultline_version;
  out.seed = r.seed;
  out.years_per_replication = r.years;
  out.replications = static_cast<std::size_t>(r.summary.replications);
  out.target_availability = r.targets.availability;
  out.target_rto_s = r.targets.rto_s;
  out.target_rpo_s = r.targets.rpo_s;
  out.markov_availability = r.markov.availability;
  out.markov_annual_downtime_h = r.markov.annual_downtime_h;
  out.markov_note = r.markov.note;
  out.structure_availability = availability_of(r.summary.structure_availability);
  std::map<std::string, double> birnbaum;  // importance by component name
  for (std::size_t i = 0; i < r.components.size(); ++i) {
    if (!r.component_defaults[i].empty()) out.defaulted.push_back({r.components[i], r.component_defaults[i]});
    if (i < r.markov.birnbaum.size()) birnbaum[r.components[i]] = r.markov.birnbaum[i];
  }
  for (const PatternSummary& s : r.summary.patterns) out.patterns.push_back(pattern_of(s, birnbaum));
  for (const ReplicationRecord& record : r.records) {
    for (std::size_t i = 0; i < record.patterns.size(); ++i) {
      McPatternData& d = out.patterns[i];
      d.annual_downtime_hours.push_back(record.patterns[i].downtime_s / out.years_per_replication / 3600.0);
      d.rto_s.insert(d.rto_s.end(), record.patterns[i].rto_s.begin(), record.patterns[i].rto_s.end());
    }
  }
  return out;
}

PlanDocument read_plan_document(const nlohmann::json& document, const std::string& file) {
  const DocumentReader r(file);
  r.expect_schema(document, kPlanSchema);
  PlanDocument out;
  out.file = file;
  out.scenario = scenario_of(r, document);
  out.faultline_version = r.text(document, "", "faultline_version");
  out.seed = r.count(document, "", "seed");
  out.years_per_replication = r.number(document, "", "years_per_replication");
  out.replications = static_cast<std::size_t>(r.count(document, "", "replications"));
  out.budget_monthly_usd = r.number_if_present(document, "", "budget_monthly_usd");
  out.traffic =
      document.contains("traffic") && !document.at("traffic").is_null() ? r.text(document, "", "traffic") : "exact";
  out.precision = r.number_if_present(document, "", "precision");
  out.precision_rto_p95_s = r.number_if_present(document, "", "precision_rto_p95_s");
  if (const Json& inputs = r.object(document, "", "inputs"); inputs.contains("sha256")) {
    out.scenario_sha256 = r.text(inputs, "inputs", "sha256");
  }
  if (document.contains("targets")) {
    const Json& targets = r.object(document, "", "targets");
    out.targets = {r.number_if_present(targets, "targets", "availability"),
                   r.number_if_present(targets, "targets", "rto_s"), r.number_if_present(targets, "targets", "rpo_s"),
                   r.number_if_present(targets, "targets", "monthly_cost_usd")};
  }
  out.search_space = r.search_space(document);
  out.defaulted = r.defaulted(document);
  const Json& candidates = r.array(document, "", "candidates");
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string p = DocumentReader::index("candidates", i);
    const Json& j = candidates[i];
    PlanCandidateData c;
    c.label = r.text(j, p, "label");
    c.pattern = r.text(j, p, "pattern");
    c.monthly_cost_usd = r.number(j, p, "monthly_cost_usd");
    c.total_monthly_usd = r.number(j, p, "total_monthly_usd");
    c.availability = r.number(j, p, "availability");
    c.rto_p95_s = r.optional_number(j, p, "rto_p95_s");
    c.rpo_p95_s = r.optional_number(j, p, "rpo_p95_s");
    c.meets_targets = r.flag(j, p, "meets_targets");
    c.is_pareto = r.flag(j, p, "pareto");
    r.candidate_settings(j, p, c);
    out.candidates.push_back(std::move(c));
  }
  const Json& recommendations = r.object(document, "", "recommendations");
  for (const char* kind : {"cheapest_meeting_targets", "best_within_budget", "least_change"}) {
    const Json& j = r.member(recommendations, "recommendations", kind);
    const std::string p = DocumentReader::child("recommendations", kind);
    if (j.is_null()) {
      out.recommendations.push_back({kind, std::nullopt, "no candidate qualifies"});
      continue;
    }
    RecommendedPlan rec{kind, std::nullopt, {}};
    const Json& label = r.member(j, p, "label");
    if (label.is_string()) {
      rec.label = label.get<std::string>();
    } else if (!label.is_null()) {
      r.fail(p + ".label", "is " + JsonWalker::type_name(label), "a string or null");
    }
    rec.why = r.text(j, p, "why");
    out.recommendations.push_back(std::move(rec));
  }
  return out;
}

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ResultReadError(path, "", "cannot be read", "");
  std::stringstream text;
  text << in.rdbuf();
  return JsonWalker::parse(text.str(), path, "is not valid JSON",
                           "a faultline.result/v1, faultline.mc/v1 or faultline.plan/v1 document");
}

}  // namespace faultline::contract
