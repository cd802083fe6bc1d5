// The one reader of faultline.mc/v1: `faultline merge` reads shards with it (every key required),
// reports and the GUI read documents with it (keys they do not draw may be absent; the summary is read).
#include <algorithm>
#include <string>
#include <utility>

#include "faultline/contract/mc_json.hpp"
#include "json_walker.hpp"

namespace faultline::contract {
namespace {

using Json = nlohmann::json;

class McReader : public JsonWalker {
 public:
  McReader(std::string file, McReadOptions options) : JsonWalker(std::move(file)), options_(options) {}

  McResult read(const Json& j) const {
    object(j, "");
    expect_schema(j, kMcSchema);
    McResult r;
    const Json& inputs = object(j, "", "inputs");
    r.scenario_file = text(inputs, "inputs", "scenario");
    if (should_read(inputs, "sha256")) r.scenario_sha256 = text(inputs, "inputs", "sha256");
    r.faultline_version = text(j, "", "faultline_version");
    r.seed = count(j, "", "seed");
    r.years = number(j, "", "years_per_replication");
    if (!(r.years > 0.0)) fail("years_per_replication", "is not > 0", "a number > 0");
    if (should_read(j, "replications_requested")) r.replications_requested = count(j, "", "replications_requested");
    if (should_read(j, "shard") && !j.at("shard").is_null()) {
      const Json& shard = object(j, "", "shard");
      r.shard_index = count(shard, "shard", "index");
      r.shard_count = count(shard, "shard", "count");
    }
    if (should_read(j, "precision")) r.precision = optional_number(j, "", "precision");
    if (j.contains("precision_rto_p95_s")) r.precision_rto_p95_s = optional_number(j, "", "precision_rto_p95_s");
    if (should_read(j, "repair_crews")) r.repair_crews = text(j, "", "repair_crews");
    r.traffic = traffic(j);
    if (should_read(j, "structure")) r.structure = text(j, "", "structure");
    if (should_read(j, "components")) r.components = strings(j, "", "components");
    r.component_defaults = defaulted(j, r.components);
    const Json& targets = member(j, "", "targets");
    r.targets.availability = number_if_present(targets, "targets", "availability");
    r.targets.rto_s = number_if_present(targets, "targets", "rto_s");
    r.targets.rpo_s = number_if_present(targets, "targets", "rpo_s");
    r.markov = markov(object(j, "", "markov"));
    r.rare_event = rare_event(j);
    const std::string pp = "patterns";
    for (std::size_t i = 0; const Json& p : array(j, "", "patterns"))
      r.pattern_names.push_back(text(p, index(pp, i++), "name"));
    r.records = records(j, r);
    if (!options_.is_for_merge) r.summary = summary(j);
    return r;
  }

 private:
  // Merge needs every key; reports and the GUI read a key the writer always writes only when it is there.
  bool should_read(const Json& o, const char* key) const { return options_.is_for_merge || o.contains(key); }

  // Documents written before the fast mode (issue 17) have no "traffic": they replayed every request.
  std::string traffic(const Json& j) const {
    if (!j.contains("traffic")) return j.contains("patterns") && !j.at("patterns").empty() ? "exact" : "";
    return j.at("traffic").is_null() ? "" : text(j, "", "traffic");
  }

  // `defaulted_components` (absent in documents before the defaults): per component, the source of its defaults.
  std::vector<std::string> defaulted(const Json& j, const std::vector<std::string>& components) const {
    std::vector<std::string> out(components.size());
    if (!j.contains("defaulted_components")) return out;
    for (std::size_t i = 0; const Json& d : array(j, "", "defaulted_components")) {
      const std::string p = index("defaulted_components", i++);
      const std::string name = text(d, p, "component");
      const auto it = std::find(components.begin(), components.end(), name);
      if (it == components.end()) fail(child(p, "component"), "is \"" + name + "\"", "one of components[]");
      out[static_cast<std::size_t>(it - components.begin())] = text(d, p, "source");
    }
    return out;
  }

  MarkovAnswer markov(const Json& m) const {
    MarkovAnswer out;
    const std::string p = "markov";
    out.availability =
        options_.is_for_merge ? optional_number(m, p, "availability") : number_if_present(m, p, "availability");
    out.annual_downtime_h = options_.is_for_merge ? optional_number(m, p, "annual_downtime_h")
                                                  : number_if_present(m, p, "annual_downtime_h");
    if (options_.is_for_merge || (m.contains("note") && m.at("note").is_string())) out.note = text(m, p, "note");
    if (m.contains("birnbaum")) {
      for (std::size_t i = 0; const Json& b : array(m, p, "birnbaum")) {
        out.birnbaum.push_back(number(b, index("markov.birnbaum", i++), "importance"));
      }
    }
    return out;
  }

  // `rare_event`, present only when the run asked for it (mc --rare-events).
  std::optional<RareEventEstimate> rare_event(const Json& j) const {
    if (!j.contains("rare_event")) return std::nullopt;
    const Json& rj = object(j, "", "rare_event");
    const std::string p = "rare_event";
    RareEventEstimate e;
    e.method = text(rj, p, "method");
    e.unavailability = number(rj, p, "unavailability");
    e.std_error = number(rj, p, "std_error");
    e.relative_error = optional_number(rj, p, "relative_error");
    e.cycles = count(rj, p, "cycles");
    e.is_converged = flag(rj, p, "converged");
    e.markov_unavailability = optional_number(rj, p, "markov_unavailability");
    e.ratio = optional_number(rj, p, "ratio");
    return e;
  }

  std::vector<ReplicationRecord> records(const Json& j, const McResult& r) const {
    std::vector<ReplicationRecord> out;
    for (std::size_t k = 0; const Json& rj : array(j, "", "records")) {
      const std::string path = index("records", k++);
      ReplicationRecord rec;
      if (should_read(rj, "replication")) rec.replication = count(rj, path, "replication");
      if (should_read(rj, "structure_downtime_s")) rec.structure_downtime_s = number(rj, path, "structure_downtime_s");
      if (should_read(rj, "failures")) rec.failures = count(rj, path, "failures");
      const std::string pp = child(path, "patterns");
      const Json& ps = array(rj, path, "patterns");
      if (ps.size() != r.pattern_names.size()) {
        fail(pp, "has " + std::to_string(ps.size()) + " entries",
             std::to_string(r.pattern_names.size()) + ", one per entry of patterns[]");
      }
      for (std::size_t i = 0; const Json& x : ps)
        rec.patterns.push_back(replication(x, index(pp, i++), r.components.size()));
      out.push_back(std::move(rec));
    }
    return out;
  }

  PatternReplication replication(const Json& j, const std::string& path, std::size_t components) const {
    PatternReplication out;
    out.downtime_s = number(j, path, "downtime_s");
    if (should_read(j, "incidents")) out.incidents = count(j, path, "incidents");
    if (should_read(j, "incident_cost_usd")) out.incident_cost_usd = number(j, path, "incident_cost_usd");
    out.rto_s = numbers(j, path, "rto_s");
    if (should_read(j, "rpo_s")) out.rpo_s = numbers(j, path, "rpo_s");
    // A record's `by_component` tallies (absent in documents before criticality).
    if (!j.contains("by_component")) return out;
    const std::string tp = child(path, "by_component");
    for (std::size_t i = 0; const Json& t : array(j, path, "by_component")) {
      const std::string p = index(tp, i++);
      ComponentTally tally;
      tally.component = count(t, p, "component");
      if (tally.component >= components ||
          (!out.by_component.empty() && tally.component <= out.by_component.back().component)) {
        fail(child(p, "component"), "is " + std::to_string(tally.component),
             "an index below " + std::to_string(components) + ", ascending");
      }
      tally.incidents = count(t, p, "incidents");
      tally.downtime_s = number(t, p, "downtime_s");
      tally.lost_writes = count(t, p, "lost_writes");
      out.by_component.push_back(tally);
    }
    return out;
  }

  // The summary as written (reports and the GUI draw it; merge recomputes it from the records).
  McSummary summary(const Json& j) const {
    McSummary s;
    s.replications = count(j, "", "replications");
    s.structure_availability = estimate(j, "", "structure_availability");
    if (j.contains("structure_annual_downtime_h"))
      s.structure_annual_downtime_h = number(j, "", "structure_annual_downtime_h");
    if (j.contains("failures_per_year")) s.failures_per_year = number(j, "", "failures_per_year");
    s.patterns = list(j, "", "patterns", &McReader::pattern);
    return s;
  }

  // An estimate object: its mean and, when it has one, the half width of its 99 % interval.
  Estimate estimate(const Json& o, const std::string& path, const char* key) const {
    const Json& j = object(o, path, key);
    return {number(j, child(path, key), "mean"), number_if_present(j, child(path, key), "ci99_half_width")};
  }

  // `key`: null (no sample) or an object of optional p50, p95, p99.
  Percentiles percentiles(const Json& o, const std::string& path, const char* key) const {
    const Json& j = member(o, path, key);
    if (j.is_null()) return {};
    const std::string p = child(path, key);
    if (!j.is_object()) fail(p, "is " + type_name(j), "an object or null");
    return {number_if_present(j, p, "p50"), number_if_present(j, p, "p95"), number_if_present(j, p, "p99")};
  }

  PatternSummary pattern(const Json& j, const std::string& path) const {
    PatternSummary p;
    p.name = text(j, path, "name");
    p.availability = estimate(j, path, "availability");
    p.annual_downtime_h = number(j, path, "annual_downtime_h");
    p.incidents_per_year = number(j, path, "incidents_per_year");
    p.rto_s = percentiles(j, path, "rto_s");
    p.rpo_s = percentiles(j, path, "rpo_s");
    p.annual_incident_cost_usd = number(j, path, "annual_incident_cost_usd");
    // `criticality` is a later addition: absent in older documents.
    if (!j.contains("criticality")) return p;
    for (std::size_t i = 0; const Json& c : array(j, path, "criticality")) {
      const std::string cp = index(child(path, "criticality"), i++);
      ComponentCriticality m;
      m.component = text(c, cp, "component");
      m.incidents = count(c, cp, "incidents");
      if (c.contains("downtime_s")) m.downtime_s = number(c, cp, "downtime_s");
      if (c.contains("lost_writes")) m.lost_writes = count(c, cp, "lost_writes");
      m.incident_share = optional_number(c, cp, "incident_share");
      m.downtime_share = optional_number(c, cp, "downtime_share");
      m.lost_write_share = optional_number(c, cp, "lost_write_share");
      p.criticality.push_back(std::move(m));
    }
    return p;
  }

  McReadOptions options_;
};

}  // namespace

McResult read_mc_result(const nlohmann::json& document, const std::string& file, const McReadOptions& options) {
  return McReader(file, options).read(document);
}

McResult read_mc_json_text(std::string_view text, const std::string& file) {
  const Json document =
      JsonWalker::parse(text, file, "not valid JSON", "a faultline.mc/v1 document as written by faultline mc");
  return read_mc_result(document, file, McReadOptions{.is_for_merge = true});
}

}  // namespace faultline::contract
