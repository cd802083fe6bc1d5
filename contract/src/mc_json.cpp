#include "faultline/contract/mc_json.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "faultline/base/json_guard.hpp"

namespace faultline::contract {
namespace {

using nlohmann::ordered_json;

ordered_json optional_number(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json estimate_json(const Estimate& e) {
  ordered_json j;
  j["mean"] = e.mean;
  j["ci99_half_width"] = optional_number(e.half_width);
  j["ci99_low"] = e.half_width ? ordered_json(e.mean - *e.half_width) : ordered_json(nullptr);
  j["ci99_high"] = e.half_width ? ordered_json(e.mean + *e.half_width) : ordered_json(nullptr);
  return j;
}

ordered_json percentiles_json(const Percentiles& p) {
  ordered_json j;
  j["p50"] = optional_number(p.p50);
  j["p95"] = optional_number(p.p95);
  j["p99"] = optional_number(p.p99);
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
                   {"incident_share", optional_number(c.incident_share)},
                   {"downtime_share", optional_number(c.downtime_share)},
                   {"lost_write_share", optional_number(c.lost_write_share)}});
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
          {"relative_error", optional_number(e.relative_error)},
          {"cycles", e.cycles},
          {"converged", e.is_converged},
          {"markov_unavailability", optional_number(e.markov_unavailability)},
          {"ratio", optional_number(e.ratio)}};
}

// Reader helpers: every problem names the file and the JSON path.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw std::runtime_error(file_ + ": " + path + ": " + problem +
                             " (allowed: a faultline.mc/v1 document as written by faultline mc)");
  }
  const ordered_json& at(const ordered_json& j, const std::string& path, const char* key) const {
    if (!j.is_object() || !j.contains(key)) fail(path, std::string("missing key \"") + key + "\"");
    return j.at(key);
  }
  double number(const ordered_json& j, const std::string& path, const char* key) const {
    const auto& v = at(j, path, key);
    if (!v.is_number()) fail(path + "." + key, "expected a number");
    return v.get<double>();
  }
  std::optional<double> optional(const ordered_json& j, const std::string& path, const char* key) const {
    const auto& v = at(j, path, key);
    if (v.is_null()) return std::nullopt;
    if (!v.is_number()) fail(path + "." + key, "expected a number or null");
    return v.get<double>();
  }
  std::uint64_t count(const ordered_json& j, const std::string& path, const char* key) const {
    const auto& v = at(j, path, key);
    if (!v.is_number_unsigned()) fail(path + "." + key, "expected a non-negative integer");
    return v.get<std::uint64_t>();
  }
  std::string string(const ordered_json& j, const std::string& path, const char* key) const {
    const auto& v = at(j, path, key);
    if (!v.is_string()) fail(path + "." + key, "expected a string");
    return v.get<std::string>();
  }
  std::vector<double> numbers(const ordered_json& j, const std::string& path, const char* key) const {
    const auto& v = at(j, path, key);
    if (!v.is_array()) fail(path + "." + key, "expected an array of numbers");
    std::vector<double> out;
    for (const auto& x : v) {
      if (!x.is_number()) fail(path + "." + key, "expected an array of numbers");
      out.push_back(x.get<double>());
    }
    return out;
  }

 private:
  std::string file_;
};

}  // namespace

std::string to_mc_json_text(const McResult& r) {
  ordered_json j;
  j["schema"] = kMcSchema;
  j["faultline_version"] = r.faultline_version;
  j["inputs"] = {{"scenario", r.scenario_file}, {"sha256", r.scenario_sha256}};
  j["seed"] = r.seed;
  j["years_per_replication"] = r.years;
  j["replications_requested"] = r.replications_requested;
  j["shard"] =
      r.shard_count == 1 ? ordered_json(nullptr) : ordered_json{{"index", r.shard_index}, {"count", r.shard_count}};
  j["precision"] = optional_number(r.precision);
  j["precision_rto_p95_s"] = optional_number(r.precision_rto_p95_s);
  j["repair_crews"] = r.repair_crews;
  j["traffic"] = r.traffic.empty() ? ordered_json(nullptr) : ordered_json(r.traffic);
  j["structure"] = r.structure;
  j["components"] = r.components;
  ordered_json defaulted = ordered_json::array();
  for (std::size_t i = 0; i < r.component_defaults.size() && i < r.components.size(); ++i) {
    if (!r.component_defaults[i].empty()) {
      defaulted.push_back({{"component", r.components[i]}, {"source", r.component_defaults[i]}});
    }
  }
  j["defaulted_components"] = defaulted;
  ordered_json targets = ordered_json::object();
  if (r.targets.availability) targets["availability"] = *r.targets.availability;
  if (r.targets.rto_s) targets["rto_s"] = *r.targets.rto_s;
  if (r.targets.rpo_s) targets["rpo_s"] = *r.targets.rpo_s;
  j["targets"] = targets;
  j["markov"] = {{"availability", optional_number(r.markov.availability)},
                 {"annual_downtime_h", optional_number(r.markov.annual_downtime_h)},
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
      tj.push_back({{"name", t.name}, {"limit", t.limit}, {"value", optional_number(t.value)}, {"met", t.is_met}});
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

namespace {
McResult read_checked(std::string_view text, const std::string& file);
}  // namespace

McResult read_mc_json_text(std::string_view text, const std::string& file) {
  try {
    return read_checked(text, file);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file + ": unexpected value type (" + std::string(e.what()) +
                             "; allowed: a faultline.mc/v1 document as written by faultline mc)");
  }
}

namespace {
// `defaulted_components` (absent in documents before the defaults): which components came from the defaults.
void read_defaulted(const Reader& in, const ordered_json& j, McResult& r) {
  r.component_defaults.assign(r.components.size(), "");
  if (!j.contains("defaulted_components")) return;
  for (const auto& d : in.at(j, "", "defaulted_components")) {
    const std::string name = in.string(d, "defaulted_components[]", "component");
    const auto it = std::find(r.components.begin(), r.components.end(), name);
    if (it == r.components.end()) in.fail("defaulted_components[]", "unknown component \"" + name + "\"");
    r.component_defaults[static_cast<std::size_t>(it - r.components.begin())] =
        in.string(d, "defaulted_components[]", "source");
  }
}

// A record's `by_component` tallies (absent in documents before criticality).
std::vector<ComponentTally> read_tallies(const Reader& in, const ordered_json& pj, const std::string& path,
                                         std::size_t components) {
  std::vector<ComponentTally> out;
  const std::string tp = path + ".by_component";
  for (const auto& t : in.at(pj, path, "by_component")) {
    ComponentTally tally;
    tally.component = in.count(t, tp, "component");
    if (tally.component >= components || (!out.empty() && tally.component <= out.back().component)) {
      in.fail(tp, "component indices must ascend and be below " + std::to_string(components));
    }
    tally.incidents = in.count(t, tp, "incidents");
    tally.downtime_s = in.number(t, tp, "downtime_s");
    tally.lost_writes = in.count(t, tp, "lost_writes");
    out.push_back(tally);
  }
  return out;
}

// `rare_event`, present only when the run asked for it.
std::optional<RareEventEstimate> read_rare_event(const Reader& in, const ordered_json& j) {
  if (!j.contains("rare_event")) return std::nullopt;
  const auto& rj = in.at(j, "", "rare_event");
  const auto& converged = in.at(rj, "rare_event", "converged");
  if (!converged.is_boolean()) in.fail("rare_event.converged", "expected true or false");
  RareEventEstimate e;
  e.method = in.string(rj, "rare_event", "method");
  e.unavailability = in.number(rj, "rare_event", "unavailability");
  e.std_error = in.number(rj, "rare_event", "std_error");
  e.relative_error = in.optional(rj, "rare_event", "relative_error");
  e.cycles = in.count(rj, "rare_event", "cycles");
  e.is_converged = converged.get<bool>();
  e.markov_unavailability = in.optional(rj, "rare_event", "markov_unavailability");
  e.ratio = in.optional(rj, "rare_event", "ratio");
  return e;
}

McResult read_checked(std::string_view text, const std::string& file) {
  const Reader in(file);
  ordered_json j;
  if (const auto problem = base::JsonGuard::check(text, file, base::kMaxDocumentElements))
    throw std::runtime_error(problem->to_string());
  try {
    j = ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    in.fail("", std::string("not JSON: ") + e.what());
  }
  if (in.string(j, "", "schema") != kMcSchema) in.fail("schema", "not \"" + std::string(kMcSchema) + "\"");
  McResult r;
  r.faultline_version = in.string(j, "", "faultline_version");
  const auto& inputs = in.at(j, "", "inputs");
  r.scenario_file = in.string(inputs, "inputs", "scenario");
  r.scenario_sha256 = in.string(inputs, "inputs", "sha256");
  r.seed = in.count(j, "", "seed");
  r.years = in.number(j, "", "years_per_replication");
  r.replications_requested = in.count(j, "", "replications_requested");
  const auto& shard = in.at(j, "", "shard");
  if (!shard.is_null()) {
    r.shard_index = in.count(shard, "shard", "index");
    r.shard_count = in.count(shard, "shard", "count");
  }
  r.precision = in.optional(j, "", "precision");
  if (j.contains("precision_rto_p95_s")) r.precision_rto_p95_s = in.optional(j, "", "precision_rto_p95_s");
  r.repair_crews = in.string(j, "", "repair_crews");
  // Documents written before the fast mode (issue 17) have no "traffic": they replayed every request.
  if (!j.contains("traffic")) {
    r.traffic = j.contains("patterns") && !j.at("patterns").empty() ? "exact" : "";
  } else if (!j.at("traffic").is_null()) {
    r.traffic = in.string(j, "", "traffic");
  }
  r.structure = in.string(j, "", "structure");
  for (const auto& c : in.at(j, "", "components")) r.components.push_back(c.get<std::string>());
  read_defaulted(in, j, r);
  const auto& targets = in.at(j, "", "targets");
  if (targets.contains("availability")) r.targets.availability = in.number(targets, "targets", "availability");
  if (targets.contains("rto_s")) r.targets.rto_s = in.number(targets, "targets", "rto_s");
  if (targets.contains("rpo_s")) r.targets.rpo_s = in.number(targets, "targets", "rpo_s");
  const auto& markov = in.at(j, "", "markov");
  r.markov.availability = in.optional(markov, "markov", "availability");
  r.markov.annual_downtime_h = in.optional(markov, "markov", "annual_downtime_h");
  r.markov.note = in.string(markov, "markov", "note");
  if (markov.contains("birnbaum")) {
    for (const auto& b : in.at(markov, "markov", "birnbaum"))
      r.markov.birnbaum.push_back(in.number(b, "markov.birnbaum[]", "importance"));
  }
  r.rare_event = read_rare_event(in, j);
  for (const auto& p : in.at(j, "", "patterns")) r.pattern_names.push_back(in.string(p, "patterns[]", "name"));
  const auto& records = in.at(j, "", "records");
  if (!records.is_array()) in.fail("records", "expected an array");
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string path = "records[" + std::to_string(i) + "]";
    const auto& rj = records[i];
    ReplicationRecord rec;
    rec.replication = in.count(rj, path, "replication");
    rec.structure_downtime_s = in.number(rj, path, "structure_downtime_s");
    rec.failures = in.count(rj, path, "failures");
    const auto& ps = in.at(rj, path, "patterns");
    if (!ps.is_array() || ps.size() != r.pattern_names.size()) {
      in.fail(path + ".patterns", "expected one entry per pattern (" + std::to_string(r.pattern_names.size()) + ")");
    }
    for (std::size_t p = 0; p < ps.size(); ++p) {
      const std::string pp = path + ".patterns[" + std::to_string(p) + "]";
      PatternReplication pr;
      pr.downtime_s = in.number(ps[p], pp, "downtime_s");
      pr.incidents = in.count(ps[p], pp, "incidents");
      pr.incident_cost_usd = in.number(ps[p], pp, "incident_cost_usd");
      pr.rto_s = in.numbers(ps[p], pp, "rto_s");
      pr.rpo_s = in.numbers(ps[p], pp, "rpo_s");
      if (ps[p].contains("by_component")) pr.by_component = read_tallies(in, ps[p], pp, r.components.size());
      rec.patterns.push_back(std::move(pr));
    }
    r.records.push_back(std::move(rec));
  }
  return r;
}
}  // namespace

}  // namespace faultline::contract
