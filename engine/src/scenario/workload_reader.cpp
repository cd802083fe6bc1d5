#include "scenario/workload_reader.hpp"

#include <algorithm>

#include "faultline/engine/scenario/distribution_reader.hpp"

namespace faultline::engine {
namespace {

using base::JsonReader;
using nlohmann::json;
using topology::NodeKind;

constexpr double kMaxRate = 1e7;
constexpr std::chrono::microseconds kMaxRun = std::chrono::hours(24 * 366);
constexpr std::chrono::microseconds kMaxStep = std::chrono::hours(24 * 7);

}  // namespace

const std::vector<std::string>& WorkloadReader::kinds() {
  static const std::vector<std::string> names{"chat_inference", "agent_turn", "rag_ingestion", "training_job"};
  return names;
}

std::set<std::string> WorkloadReader::boundaries(const Scenario& s) {
  std::set<std::string> out;
  if (!s.topology) return out;
  for (auto v : s.topology->nodes_of_kind(NodeKind::kRegion)) {
    const auto& info = std::get<topology::RegionInfo>(s.topology->node(v).details);
    if (!info.data_boundary.empty()) out.insert(info.data_boundary);
  }
  return out;
}

void WorkloadReader::check(const json& w, const std::string& path, Scenario& s) {
  if (!reader_.expect_object(w, path, "a workload object")) return;
  reader_.check_keys(w, path,
                     {"name", "kind", "model", "arrivals", "prompt_tokens", "completion_tokens", "max_tokens",
                      "service_time", "writes_per_request", "writes_to", "boundary", "latency_slo", "timeout",
                      "open_threads", "training", "ingestion", "description"});
  WorkloadSpec spec;
  spec.name = reader_.string(w, path, "name", {.is_required = true}).value_or("");
  if (!spec.name.empty() && !names_.insert(spec.name).second) {
    reader_.error(base::JsonReader::at(path, "name"), "duplicate workload name \"" + spec.name + "\"",
                  "a name unique among workloads");
  }
  if (const auto kind = reader_.one_of(w, path, "kind", {.is_required = false}, kinds())) {
    spec.kind = static_cast<WorkloadKind>(std::find(kinds().begin(), kinds().end(), *kind) - kinds().begin());
  }
  // A training job sends no requests: it needs no model or arrivals, only its GPUs and checkpoints.
  const bool is_training = spec.kind == WorkloadKind::kTrainingJob;
  if (const auto model = reader_.string(w, path, "model", {.is_required = !is_training})) {
    spec.model = *model;
    check_model_served(*model, base::JsonReader::at(path, "model"), s);
  }
  if (const json* a = reader_.object(w, path, "arrivals", {.is_required = !is_training}))
    check_arrivals(*a, base::JsonReader::at(path, "arrivals"), spec);
  if (const json* t = reader_.object(w, path, "training", {.is_required = is_training})) {
    if (!is_training) {
      reader_.error(base::JsonReader::at(path, "training"), "only a training_job workload trains",
                    "\"kind\": \"training_job\" or no \"training\" key");
    } else {
      check_training(*t, base::JsonReader::at(path, "training"), s, spec);
    }
  }
  if (const json* t = reader_.object(w, path, "ingestion", {.is_required = false})) {
    if (spec.kind != WorkloadKind::kRagIngestion) {
      reader_.error(base::JsonReader::at(path, "ingestion"), "only a rag_ingestion workload ingests documents",
                    "\"kind\": \"rag_ingestion\" or no \"ingestion\" key");
    } else {
      check_ingestion(*t, base::JsonReader::at(path, "ingestion"), s, spec);
    }
  }
  if (const auto n = reader_.number(w, path, "open_threads", {.min = 0, .max = 1e9})) {
    if (spec.kind != WorkloadKind::kAgentTurn) {
      reader_.error(base::JsonReader::at(path, "open_threads"), "only an agent_turn workload holds threads",
                    "\"kind\": \"agent_turn\" or no \"open_threads\" key");
    }
    spec.open_threads = *n;
  }
  if (auto d = read_distribution(reader_, w, path, "prompt_tokens", {.is_required = false}, "tokens"))
    spec.prompt_tokens = *d;
  if (auto d = read_distribution(reader_, w, path, "completion_tokens", {.is_required = false}, "tokens"))
    spec.completion_tokens = *d;
  if (const auto n = reader_.number(w, path, "max_tokens", {.min = 1, .max = 1e7, .is_integer = true}))
    spec.max_tokens = *n;
  if (auto d = read_distribution(reader_, w, path, "service_time", {.is_required = false}, "seconds"))
    spec.service_time_s = *d;
  if (const auto n = reader_.number(w, path, "writes_per_request", {.min = 0, .max = 1000}))
    spec.writes_per_request = *n;
  if (w.contains("writes_to")) check_writes_to(w, path, s, spec);
  if (const auto b = reader_.string(w, path, "boundary", {.is_required = false})) {
    const auto known = boundaries(s);
    if (s.topology && !known.count(*b)) {
      std::vector<std::string> list(known.begin(), known.end());
      reader_.error(
          base::JsonReader::at(path, "boundary"),
          "impossible residency: no region of the topology lies in boundary \"" + *b + "\"",
          list.empty() ? "no boundary (the topology declares none)" : "one of " + base::JsonReader::join(list));
    }
    spec.boundary = *b;
  }
  const base::DurationOptions within_a_day{.max = std::chrono::hours(24), .max_text = "24h"};
  if (const auto d = reader_.duration(w, path, "latency_slo", within_a_day)) spec.latency_slo = *d;
  if (const auto d = reader_.duration(w, path, "timeout", within_a_day)) {
    if (d->count() == 0) {
      reader_.error(base::JsonReader::at(path, "timeout"), "a timeout of 0", "a duration > 0");
    } else {
      spec.timeout = *d;
    }
  }
  s.workloads.push_back(std::move(spec));
}

void WorkloadReader::check_writes_to(const json& w, const std::string& path, const Scenario& s, WorkloadSpec& spec) {
  const json* list = reader_.array(w, path, "writes_to", {.allowed = "an array of data store ids of the topology"});
  if (list == nullptr) return;
  const std::string list_path = base::JsonReader::at(path, "writes_to");
  if (list->empty()) {
    reader_.error(list_path, "an empty list of stores", "one or more data store ids, or no \"writes_to\" key");
    return;
  }
  std::vector<std::string> known;
  if (s.topology) {
    for (std::size_t v = 0; v < s.topology->node_count(); ++v) {
      const topology::Node& node = s.topology->node(v);
      if (topology::is_data_store(node.kind)) known.push_back(node.id);
    }
    std::sort(known.begin(), known.end());
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const std::string item_path = base::JsonReader::at(list_path, i);
    if (!item.is_string() || item.get<std::string>().empty()) {
      reader_.error(item_path, "not a store id", "a data store id of the topology: " + base::JsonReader::join(known));
      continue;
    }
    const std::string id = item.get<std::string>();
    if (s.topology && !std::binary_search(known.begin(), known.end(), id)) {
      reader_.error(
          item_path, "\"" + id + "\" is not a data store of the topology",
          known.empty() ? "no store (the topology declares none)" : "one of " + base::JsonReader::join(known));
      continue;
    }
    if (std::find(spec.writes_to.begin(), spec.writes_to.end(), id) != spec.writes_to.end()) {
      reader_.error(item_path, "store \"" + id + "\" listed twice", "each store id once");
      continue;
    }
    spec.writes_to.push_back(id);
  }
}

void WorkloadReader::check_model_served(const std::string& model, const std::string& path, const Scenario& s) {
  if (!s.topology) return;
  std::vector<std::string> models;
  for (auto v : s.topology->nodes_of_kind(NodeKind::kModelDeployment)) {
    const auto& info = std::get<topology::ModelDeploymentInfo>(s.topology->node(v).details);
    if (info.model == model) return;
    if (std::find(models.begin(), models.end(), info.model) == models.end()) models.push_back(info.model);
  }
  reader_.error(path, "no model deployment of the topology serves model \"" + model + "\"",
                "a model the topology deploys: " + base::JsonReader::join(models));
}

void WorkloadReader::check_arrivals(const json& a, const std::string& path, WorkloadSpec& spec) {
  const auto process = reader_.one_of(a, path, "process", {.is_required = true}, {"constant", "poisson", "diurnal"});
  if (!process) return;
  if (*process == "diurnal") {
    reader_.check_keys(a, path, {"process", "rate_per_s", "amplitude", "peak", "period"});
  } else {
    reader_.check_keys(a, path, {"process", "rate_per_s"});
  }
  const auto rate = reader_.number(a, path, "rate_per_s", {.is_required = true, .min = 0, .max = kMaxRate});
  if (!rate) return;
  if (*rate <= 0) {
    reader_.error(base::JsonReader::at(path, "rate_per_s"), "a rate of 0", "a rate > 0 requests per second");
    return;
  }
  if (*process == "constant") {
    spec.arrivals = ArrivalProcess::constant(*rate);
  } else if (*process == "poisson") {
    spec.arrivals = ArrivalProcess::poisson(*rate);
  } else {
    const double amplitude = reader_.number(a, path, "amplitude", {.min = 0, .max = 1}).value_or(0.5);
    const auto peak =
        reader_.duration(a, path, "peak", {.max = kMaxRun, .max_text = "366 days"}).value_or(std::chrono::hours(14));
    const auto period =
        reader_.duration(a, path, "period", {.max = kMaxRun, .max_text = "366 days"}).value_or(std::chrono::hours(24));
    if (period.count() == 0) {
      reader_.error(base::JsonReader::at(path, "period"), "a period of 0", "a duration > 0");
      return;
    }
    spec.arrivals = ArrivalProcess::diurnal(*rate, amplitude, static_cast<double>(peak.count()) / 1e6,
                                            static_cast<double>(period.count()) / 1e6);
  }
}

std::string WorkloadReader::region_id(const json& o, const std::string& path, const char* key,
                                      base::FieldOptions options, const Scenario& s) {
  const auto id = reader_.string(o, path, key, options);
  if (!id || !s.topology) return "";
  const auto v = s.topology->find(*id);
  if (v && s.topology->node(*v).kind == NodeKind::kRegion) return *id;
  std::vector<std::string> regions;
  for (auto r : s.topology->nodes_of_kind(NodeKind::kRegion)) regions.push_back(s.topology->node(r).id);
  reader_.error(base::JsonReader::at(path, key), "\"" + *id + "\" is not a region of the topology",
                "one of " + base::JsonReader::join(regions));
  return "";
}

void WorkloadReader::check_training(const json& t, const std::string& path, const Scenario& s, WorkloadSpec& spec) {
  reader_.check_keys(
      t, path,
      {"hub", "zone", "gpus", "gpu_hour_usd", "checkpoint_interval", "stream_to", "stream_delay", "resume_after"});
  TrainingSpec job;
  job.hub = region_id(t, path, "hub", {.is_required = true}, s);
  if (const auto zone = reader_.string(t, path, "zone", {.is_required = false}); zone && s.topology) {
    const auto v = s.topology->find(*zone);
    if (!v || s.topology->node(*v).kind != NodeKind::kZone || s.topology->node(*v).region != job.hub) {
      reader_.error(base::JsonReader::at(path, "zone"), "\"" + *zone + "\" is not a zone of the hub region",
                    "a zone id inside region \"" + job.hub + "\"");
    } else {
      job.zone = *zone;
    }
  }
  job.gpus = reader_.number(t, path, "gpus", {.is_required = true, .min = 1, .max = 1e7}).value_or(0);
  job.gpu_hour_usd = reader_.number(t, path, "gpu_hour_usd", {.min = 0, .max = 1e6}).value_or(0);
  if (const auto d = reader_.duration(t, path, "checkpoint_interval",
                                      {.is_required = true, .max = kMaxStep, .max_text = "7 days"})) {
    if (d->count() == 0) {
      reader_.error(base::JsonReader::at(path, "checkpoint_interval"), "an interval of 0",
                    "a duration > 0, e.g. \"30m\"");
    } else {
      job.checkpoint_interval = *d;
    }
  }
  if (t.contains("stream_to")) {
    job.stream_to = region_id(t, path, "stream_to", {.is_required = false}, s);
    if (!job.stream_to.empty() && job.stream_to == job.hub) {
      reader_.error(base::JsonReader::at(path, "stream_to"), "checkpoints streamed to the hub itself",
                    "another region (the spoke that resumes the job)");
    }
  }
  if (const auto d = reader_.duration(t, path, "stream_delay", {.max = kMaxStep, .max_text = "7 days"}))
    job.stream_delay = *d;
  if (const auto d = reader_.duration(t, path, "resume_after", {.max = kMaxStep, .max_text = "7 days"}))
    job.resume_after = *d;
  spec.training = std::move(job);
}

void WorkloadReader::check_ingestion(const json& t, const std::string& path, const Scenario& s, WorkloadSpec& spec) {
  reader_.check_keys(t, path, {"worker_region", "documents_per_request", "checkpoint_interval", "resume_after"});
  IngestionSpec ing;
  ing.worker_region = region_id(t, path, "worker_region", {.is_required = true}, s);
  if (const auto n = reader_.number(t, path, "documents_per_request", {.min = 0, .max = 1e6}))
    ing.documents_per_request = *n;
  if (const auto d = reader_.duration(t, path, "checkpoint_interval", {.max = kMaxStep, .max_text = "7 days"})) {
    if (d->count() == 0) {
      reader_.error(base::JsonReader::at(path, "checkpoint_interval"), "an interval of 0",
                    "a duration > 0, e.g. \"10m\"");
    } else {
      ing.checkpoint_interval = *d;
    }
  }
  if (const auto d = reader_.duration(t, path, "resume_after", {.max = kMaxStep, .max_text = "7 days"}))
    ing.resume_after = *d;
  spec.ingestion = std::move(ing);
}

}  // namespace faultline::engine
