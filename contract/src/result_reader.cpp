#include "faultline/contract/result_reader.hpp"

#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "faultline/base/spelling_table.hpp"
#include "faultline/contract/schema_names.hpp"
#include "json_walker.hpp"

namespace faultline::contract {
namespace {

using Json = nlohmann::json;

std::string describe(const std::string& file, const std::string& json_path, const std::string& problem,
                     const std::string& allowed) {
  std::string out = file + ": ";
  if (!json_path.empty()) out += json_path + ": ";
  out += problem;
  if (!allowed.empty()) out += " (allowed: " + allowed + ")";
  return out;
}

// Reads a faultline.result/v1 document into engine types on top of the shared walker.
class Reader : public JsonWalker {
 public:
  using JsonWalker::JsonWalker;

  engine::IncidentResult incident(const Json& j, const std::string& path) const {
    object(j, path);
    engine::IncidentResult r;
    r.fault = text(j, path, "fault");
    r.start_s = number(j, path, "start_s");
    r.rto_s = number(j, path, "rto_s");
    r.recovered = flag(j, path, "recovered");
    r.pre_incident_ratio = number(j, path, "pre_incident_ratio");
    r.rpo_s = optional_number(j, path, "rpo_s");
    r.detect_s = optional_number(j, path, "detect_s");
    r.switch_s = optional_number(j, path, "switch_s");
    r.runbook_s = optional_number(j, path, "runbook_s");
    r.full_capacity_s = optional_number(j, path, "full_capacity_s");
    r.lost_writes = count(j, path, "lost_writes");
    // Additions to v1: absent in files written before them.
    if (j.contains("fault_type")) r.fault_type = text(j, path, "fault_type");
    if (j.contains("availability")) r.availability = optional_number(j, path, "availability");
    if (j.contains("cost_usd")) r.cost_usd = number(j, path, "cost_usd");
    if (j.contains("downtime_s")) r.downtime_s = number(j, path, "downtime_s");
    if (j.contains("degraded_s")) r.degraded_s = number(j, path, "degraded_s");
    if (j.contains("downtime_weighted_s")) r.downtime_weighted_s = number(j, path, "downtime_weighted_s");
    if (j.contains("runbook_steps")) r.runbook_steps = list(j, path, "runbook_steps", &Reader::step);
    if (j.contains("stores")) r.stores = list(j, path, "stores", &Reader::store);
    if (j.contains("failback") && !j["failback"].is_null())
      r.failback = failback(j["failback"], child(path, "failback"));
    if (j.contains("work")) r.work = work(j["work"], child(path, "work"));
    if (j.contains("rto_phases")) r.rto_phases = list(j, path, "rto_phases", &Reader::phase);
    return r;
  }

  engine::RunbookStepResult step(const Json& j, const std::string& path) const {
    object(j, path);
    engine::RunbookStepResult s;
    s.id = text(j, path, "id");
    s.kind = text(j, path, "kind");
    s.start_s = number(j, path, "start_s");
    s.end_s = number(j, path, "end_s");
    s.attempts = static_cast<int>(count(j, path, "attempts"));
    s.is_failed = flag(j, path, "failed");
    s.is_critical = flag(j, path, "critical");
    return s;
  }

  engine::RtoPhaseResult phase(const Json& j, const std::string& path) const {
    object(j, path);
    return engine::RtoPhaseResult{text(j, path, "phase"), number(j, path, "start_s"), number(j, path, "end_s"),
                                  text(j, path, "cause")};
  }

  engine::StoreLossResult store(const Json& j, const std::string& path) const {
    object(j, path);
    engine::StoreLossResult s;
    s.store = text(j, path, "store");
    s.mode = text(j, path, "mode");
    s.rpo_s = number(j, path, "rpo_s");
    s.lost_writes = count(j, path, "lost_writes");
    s.promoted_s = optional_number(j, path, "promoted_s");
    // Additions to v1: absent in files written before them.
    if (j.contains("rpo_worst_s")) s.rpo_worst_s = optional_number(j, path, "rpo_worst_s");
    if (j.contains("rpo_expected_s")) s.rpo_expected_s = optional_number(j, path, "rpo_expected_s");
    return s;
  }

  engine::FailbackResult failback(const Json& j, const std::string& path) const {
    object(j, path);
    engine::FailbackResult f;
    f.fault_end_s = number(j, path, "fault_end_s");
    f.traffic_back_s = optional_number(j, path, "traffic_back_s");
    f.resync_s = optional_number(j, path, "resync_s");
    f.complete_s = optional_number(j, path, "complete_s");
    f.failed_requests = count(j, path, "failed_requests");
    f.write_pause_s = number(j, path, "write_pause_s");
    return f;
  }

  engine::WorkLossResult work(const Json& j, const std::string& path) const {
    object(j, path);
    engine::WorkLossResult w;
    w.agent_threads_lost = count(j, path, "agent_threads_lost");
    w.agent_threads_rehydrated = count(j, path, "agent_threads_rehydrated");
    w.training_gpu_hours_lost = number(j, path, "training_gpu_hours_lost");
    w.training_cost_usd_lost = number(j, path, "training_cost_usd_lost");
    w.training_resumed_s = optional_number(j, path, "training_resumed_s");
    w.rag_documents_redone = count(j, path, "rag_documents_redone");
    return w;
  }

  engine::TargetResult target(const Json& j, const std::string& path) const {
    object(j, path);
    return engine::TargetResult{text(j, path, "name"), number(j, path, "limit"), optional_number(j, path, "value"),
                                flag(j, path, "met")};
  }

  engine::WorkloadResult workload(const Json& j, const std::string& path) const {
    object(j, path);
    engine::WorkloadResult w;
    w.name = text(j, path, "name");
    w.offered = count(j, path, "offered");
    w.succeeded = count(j, path, "succeeded");
    w.availability = optional_number(j, path, "availability");
    w.slo_window_share = optional_number(j, path, "slo_window_share");
    w.slo_windows = count(j, path, "slo_windows");
    w.slo_windows_met = count(j, path, "slo_windows_met");
    w.p50_latency_ms = optional_number(j, path, "p50_latency_ms");
    w.p99_latency_ms = optional_number(j, path, "p99_latency_ms");
    return w;
  }

  // Per-bucket lists must have one entry per bucket; per-region ones one list per region.
  void check_length(std::size_t size, std::size_t buckets, const std::string& path) const {
    if (size != buckets) {
      fail(path, "has " + std::to_string(size) + " entries", std::to_string(buckets) + ", one per bucket of start_s");
    }
  }

  engine::SeriesResult series(const Json& j, const std::string& path) const {
    object(j, path);
    engine::SeriesResult s;
    s.bucket_s = number(j, path, "bucket_s");
    s.replications = count(j, path, "replications");
    s.start_s = numbers(j, path, "start_s");
    s.offered = counts(j, path, "offered");
    s.failed = counts(j, path, "failed");
    s.success_ratio = optional_numbers(j, path, "success_ratio");
    s.p99_latency_ms = optional_numbers(j, path, "p99_latency_ms");
    s.max_latency_ms = optional_numbers(j, path, "max_latency_ms");
    s.regions = strings(j, path, "regions", "a region name (string)");
    const std::string share_path = child(path, "traffic_share");
    for (std::size_t i = 0; const Json& r : array(member(j, path, "traffic_share"), share_path)) {
      s.traffic_share.push_back(optional_numbers(r, index(share_path, i++)));
    }
    const std::string capacity_path = child(path, "capacity");
    for (std::size_t i = 0; const Json& r : array(member(j, path, "capacity"), capacity_path)) {
      const std::string p = index(capacity_path, i++);
      std::vector<double> levels;
      for (std::size_t k = 0; const Json& v : array(r, p)) levels.push_back(number(v, index(p, k++)));
      s.capacity.push_back(std::move(levels));
    }
    s.replication_lag_mean_s = optional_numbers(j, path, "replication_lag_mean_s");
    s.replication_lag_max_s = optional_numbers(j, path, "replication_lag_max_s");

    const std::size_t n = s.start_s.size();
    check_length(s.offered.size(), n, child(path, "offered"));
    check_length(s.failed.size(), n, child(path, "failed"));
    check_length(s.success_ratio.size(), n, child(path, "success_ratio"));
    check_length(s.p99_latency_ms.size(), n, child(path, "p99_latency_ms"));
    check_length(s.max_latency_ms.size(), n, child(path, "max_latency_ms"));
    if (!s.replication_lag_mean_s.empty())
      check_length(s.replication_lag_mean_s.size(), n, child(path, "replication_lag_mean_s"));
    if (!s.replication_lag_max_s.empty())
      check_length(s.replication_lag_max_s.size(), n, child(path, "replication_lag_max_s"));
    const auto per_region = [&](std::size_t size, const std::string& p) {
      if (size != s.regions.size()) {
        fail(p, "has " + std::to_string(size) + " lists",
             std::to_string(s.regions.size()) + ", one per entry of regions");
      }
    };
    per_region(s.traffic_share.size(), share_path);
    per_region(s.capacity.size(), capacity_path);
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      check_length(s.traffic_share[r].size(), n, index(share_path, r));
      check_length(s.capacity[r].size(), n, index(capacity_path, r));
    }
    return s;
  }

  engine::PatternResult pattern(const Json& j, const std::string& path) const {
    object(j, path);
    engine::PatternResult p;
    p.name = text(j, path, "name");
    p.availability = number(j, path, "availability");
    if (p.availability < 0.0 || p.availability > 1.0) fail(child(path, "availability"), "is out of range", "0..1");
    p.rto_s = optional_number(j, path, "rto_s");
    p.rpo_s = optional_number(j, path, "rpo_s");
    p.monthly_cost_usd = number(j, path, "monthly_cost_usd");
    p.incident_cost_usd = number(j, path, "incident_cost_usd");
    // The cost breakdown and the baseline are later additions: absent in older files.
    if (j.contains("cost_breakdown")) p.cost_breakdown = list(j, path, "cost_breakdown", &Reader::cost_line);
    if (j.contains("baseline_cost_usd")) p.baseline_cost_usd = optional_number(j, path, "baseline_cost_usd");
    if (j.contains("gate")) p.is_gated = flag(j, path, "gate");
    p.incidents = list(j, path, "incidents", &Reader::incident);
    p.targets = list(j, path, "targets", &Reader::target);
    // `workloads` and `series` are additions to v1 made before any reader existed; both are required.
    p.workloads = list(j, path, "workloads", &Reader::workload);
    p.series = series(member(j, path, "series"), child(path, "series"));
    // The event log is a later addition: absent in older files.
    if (j.contains("events")) p.events = list(j, path, "events", &Reader::event);
    if (j.contains("events_dropped")) p.events_dropped = count(j, path, "events_dropped");
    return p;
  }

  topology::CostLine cost_line(const Json& j, const std::string& path) const {
    object(j, path);
    return topology::CostLine{text(j, path, "node"), text(j, path, "region"), text(j, path, "item"),
                              number(j, path, "monthly_usd")};
  }

  // The enumerator spelt by the string at `key`; fails listing the spellings otherwise.
  template <class Enum, std::size_t N>
  Enum spelt(const Json& j, const std::string& path, const char* key, const base::SpellingTable<Enum, N>& table) const {
    const std::string spelling = text(j, path, key);
    const auto value = base::from_spelling(table, spelling);
    if (!value) fail(child(path, key), "is \"" + spelling + "\"", base::joined_spellings(table));
    return *value;
  }

  engine::EventRecord event(const Json& j, const std::string& path) const {
    object(j, path);
    return engine::EventRecord{number(j, path, "t_s"), spelt(j, path, "kind", engine::kEventKindSpellings),
                               text(j, path, "subject"), spelt(j, path, "state", engine::kEventStateSpellings),
                               text(j, path, "cause")};
  }

  engine::RunResult run(const Json& root) const {
    object(root, "");
    engine::RunResult r;
    expect_schema(root, kResultSchema);
    r.faultline_version = text(root, "", "faultline_version");
    for (std::size_t i = 0; const Json& x : array(member(root, "", "inputs"), "inputs")) {
      const std::string p = index("inputs", i++);
      object(x, p);
      r.inputs.push_back(engine::InputFile{text(x, p, "role"), text(x, p, "path"), text(x, p, "sha256")});
    }
    r.seed = count(root, "", "seed");
    r.patterns = list(root, "", "patterns", &Reader::pattern);
    return r;
  }
};

}  // namespace

ResultReadError::ResultReadError(const std::string& file, const std::string& json_path, const std::string& problem,
                                 const std::string& allowed)
    : std::runtime_error(describe(file, json_path, problem, allowed)) {}

engine::RunResult read_result_text(std::string_view text, const std::string& file_name) {
  const Json root = JsonWalker::parse(text, file_name, "not valid JSON",
                                      "a faultline.result/v1 document as written by `faultline run --json`");
  return Reader(file_name).run(root);
}

engine::RunResult read_result_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ResultReadError(path, "", "cannot be read", "a readable faultline.result/v1 file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return read_result_text(buffer.str(), path);
}

}  // namespace faultline::contract
