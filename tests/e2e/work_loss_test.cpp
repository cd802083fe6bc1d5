// End to end: the lost-work drills shipped as scenarios (agent threads, a training
// job, RAG ingestion), each run through the built `faultline run` and checked
// against the figures its description claims. The facts the figures rest on are
// listed at the top of drills_test.cpp.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "drill_support.hpp"

namespace {

using faultline::drills::DrillRun;
using faultline::drills::failed;
using faultline::drills::incident;
using faultline::drills::lint_topology;
using faultline::drills::LintRun;
using faultline::drills::pattern;
using faultline::drills::run_drill;
using nlohmann::json;

}  // namespace

TEST_CASE("agent threads: persisted threads are rehydrated, threads in memory are lost", "[e2e][drills][work]") {
  // Both scenarios: Hot/Warm, so every agent turn before the fault is served by
  // eastus2 and all 500 open threads live there when it fails at 1,200 s.
  SECTION("persisted to the replicated Cosmos DB: 500 rehydrated, none lost") {
    const DrillRun run = run_drill("agent-threads-persisted.json");
    const json& work = incident(run.result, "hot-warm", "eastus2-outage").at("work");
    CHECK(work.at("agent_threads_rehydrated") == 500);
    CHECK(work.at("agent_threads_lost") == 0);
  }
  SECTION("kept in memory (lint FL010): all 500 lost") {
    const DrillRun run = run_drill("agent-threads-lost.json");
    const json& work = incident(run.result, "hot-warm", "eastus2-outage").at("work");
    CHECK(work.at("agent_threads_lost") == 500);
    CHECK(work.at("agent_threads_rehydrated") == 0);
    const LintRun lint = lint_topology("foundry-two-region-threads-in-memory.json");
    CHECK(lint.rules.count("FL010") == 1);
  }
}

TEST_CASE("training hub-spoke: the job resumes from the last checkpoint that reached the spoke",
          "[e2e][drills][work]") {
  // Checkpoints at 0, 30, 60, 90 min; each reaches centralus 2 min later. The fault at
  // 91 min finds the 90-min checkpoint still in flight, so the job restarts from 60 min:
  // 31 min x 64 GPUs = 33.0667 GPU-hours redone, x 2.50 USD = 82.667 USD; it resumes
  // resume_after = 30 min after the fault.
  const DrillRun run = run_drill("training-hub-spoke.json");
  const json& p = pattern(run.result, "hot-warm");
  const json& work = incident(run.result, "hot-warm", "eastus2-outage").at("work");
  CHECK(work.at("training_gpu_hours_lost").get<double>() == Approx(31.0 / 60.0 * 64.0).epsilon(1e-12));
  CHECK(work.at("training_cost_usd_lost").get<double>() == Approx(31.0 / 60.0 * 64.0 * 2.5).epsilon(1e-12));
  CHECK(work.at("training_resumed_s") == 1800.0);
  SECTION("the lost work is part of the incident cost") {
    CHECK(p.at("incident_cost_usd").get<double>() >= 31.0 / 60.0 * 64.0 * 2.5 - 1e-9);
  }
  SECTION("the training job sends no requests: only the chat class is offered") {
    CHECK(p.at("workloads")[1].at("offered") == 0);
  }
}

TEST_CASE("RAG ingestion across a failover: documents since the last checkpoint are ingested again",
          "[e2e][drills][work]") {
  // One request per second (arrivals at 1, 2, ... s), 1 s of service plus at most
  // 140 ms of network: the request arriving at k s is acknowledged at k + 1.x s.
  // Checkpoints every 10 min; the fault at 2,820 s (47 min) follows the 2,400 s
  // checkpoint, and the requests acknowledged since then arrived at 2,399 .. 2,818 s:
  // 420 requests x 10 documents = 4,200 redone. The worker restarts 300 s later.
  const DrillRun run = run_drill("rag-ingestion-failover.json");
  for (const char* name : {"hot-hot", "hot-warm"}) {
    INFO(name);
    CHECK(incident(run.result, name, "eastus2-outage").at("work").at("rag_documents_redone") == 4200);
  }
  SECTION("the documents go to Storage (writes_to), which loses its 15 min lag; Cosmos DB loses none") {
    // Storage async lag 900 s: whole seconds 1,920 .. 2,819 hold the acknowledgements of
    // arrivals 1,919 .. 2,818, 10 writes each: 900 x 10 = 9,000. The search index takes
    // the writes too but is no store at risk; Cosmos DB receives none.
    for (const char* name : {"hot-hot", "hot-warm"}) {
      INFO(name);
      const json& i = incident(run.result, name, "eastus2-outage");
      CHECK(i.at("lost_writes") == 9000);
      for (const json& store : i.at("stores")) {
        CHECK(store.at("lost_writes") == (store.at("store") == "storage-eastus2" ? 9000 : 0));
      }
    }
  }
  SECTION("the storage account takes writes again only after its failover") {
    // Storage GRS waits for a customer-managed failover (docs/runbooks-and-data.md). The
    // worker offers again from 3,120 s (F + 300 s). Hot/Hot has no runbook: every request
    // until eastus2 returns at 5,220 s fails (arrivals 3,120 .. 5,219 = 2,100) plus the one
    // in flight at F: 2,101; the last 503 is in second 5,219, so T = 5,280 s, RTO 2,460 s.
    // Hot/Warm's runbook promotes at 460 s (promote_database 160 .. 460 s): arrivals 3,120 ..
    // 3,279 fail (160), plus the call in flight and the 30 s failback write pause: 191.
    CHECK(failed(run.result, "hot-hot") == 2101);
    CHECK(incident(run.result, "hot-hot", "eastus2-outage").at("rto_s") == 2460.0);
    CHECK(failed(run.result, "hot-warm") == 191);
    const json& warm = incident(run.result, "hot-warm", "eastus2-outage");
    for (const json& store : warm.at("stores")) {
      if (store.at("store") == "storage-eastus2") CHECK(store.at("promoted_s") == 460.0);
    }
    // Hot/Hot's Cosmos DB was promoted by the service, but nothing writes to it: its failback
    // pause refuses no ingestion write.
    CHECK(incident(run.result, "hot-hot", "eastus2-outage").at("failback").at("failed_requests") == 0);
  }
  SECTION("no request is offered while the worker restarts") {
    // Arrivals at 1 .. 7,199 s; the one at 7,199 s is still in flight at the end and counts
    // with its outcome at its deadline (docs/metrics.md): 7,199 offered without the restart,
    // which skips the 300 arrivals of 2,820 .. 3,119 s.
    CHECK(pattern(run.result, "hot-hot").at("workloads")[0].at("offered") == 7199 - 300);
  }
}
