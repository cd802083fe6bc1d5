// The incident log without a simulation: how a failed call is classified for the RTO phases,
// and the constraints an incident's timeline is built from.

#include <catch2/catch.hpp>

#include <string>

#include "model/incident_log.hpp"

using namespace faultline::engine;

namespace {

SimTime at_s(double s) { return kSimStart + from_seconds(s); }

CallState failed_call(int status, FailureKind failure, double sent_s) {
  CallState r;
  r.status = status;
  r.failure = failure;
  r.attempt_start = at_s(sent_s);
  return r;
}

Incident incident(double start_s, double recovered_s) {
  Incident i;
  i.fault = "outage";
  i.start = at_s(start_s);
  i.end = at_s(3600);
  i.recovered_at = at_s(recovered_s);
  i.is_closed = i.is_recovered = true;
  i.detected_at = at_s(start_s + 40);
  i.switched_at = at_s(start_s + 40);
  return i;
}

}  // namespace

TEST_CASE("incident log: a failed call counts by the kind the RTO phases need", "[engine][incidents]") {
  const PatternSpec pattern;
  IncidentLog log(pattern, std::chrono::seconds(60));
  log.add(at_s(100), at_s(700));
  REQUIRE(log.size() == 1);
  CHECK(log[0].start == at_s(100));
  CHECK(log[0].fault_end == at_s(700));
  SECTION("no answer (status 0) and a 2xx that came too late are timeouts; a 5xx is another failure") {
    log.note_failure(0, failed_call(0, kOtherFailure, 110), at_s(140));
    log.note_failure(0, failed_call(200, kOtherFailure, 115), at_s(145));
    log.note_failure(0, failed_call(503, kOtherFailure, 120), at_s(120.5));
    CHECK(log[0].failures_by_kind[kTimeoutFailure] == 2);
    CHECK(log[0].failures_by_kind[kOtherFailure] == 1);
    // The last timeout was recorded at 145 s and sent at 115 s.
    CHECK(log[0].last_failure_at[kTimeoutFailure] == at_s(145));
    CHECK(log[0].last_failure_sent[kTimeoutFailure] == at_s(115));
  }
  SECTION("a refused write and a call short of capacity keep their kinds, whatever the status") {
    log.note_failure(0, failed_call(503, kWriteRefused, 200), at_s(200.1));
    log.note_failure(0, failed_call(429, kCapacityShort, 210), at_s(210.2));
    CHECK(log[0].failures_by_kind[kWriteRefused] == 1);
    CHECK(log[0].failures_by_kind[kCapacityShort] == 1);
    CHECK(log[0].failures_by_kind[kTimeoutFailure] + log[0].failures_by_kind[kOtherFailure] == 0);
  }
}

TEST_CASE("incident log: the timeline's constraints come from the failures recorded", "[engine][incidents]") {
  const PatternSpec pattern;
  IncidentLog log(pattern, std::chrono::seconds(60));
  IncidentDetail& d = log.add(at_s(100), at_s(700));
  const Incident i = incident(100, 800);
  SECTION("only errors: one constraint, the fault, cleared at its end; the residual names errors") {
    log.note_failure(0, failed_call(503, kOtherFailure, 650), at_s(650));
    const RtoTimeline t = log.rto_timeline(0, i);
    CHECK(t.start == at_s(100));
    CHECK(t.rto_end == at_s(800));
    CHECK(t.window == std::chrono::seconds(60));
    REQUIRE(t.constraints.size() == 1);
    CHECK(t.constraints[0].cleared_at == at_s(700));
    CHECK(t.constraints[0].last_failure_at == at_s(650));
    CHECK(t.constraints[0].chain.front().cause == "calls to the fault's reach failed until outage ended");
    CHECK(t.residual_cause == "errors (5xx, 404, no endpoint) still recorded");
    CHECK(t.detect_cause == "no probe, breaker or failover controller detected the fault");
  }
  SECTION("refused writes cleared by the service's promotion at 400 s: a database promotion constraint") {
    d.detect_cause = "probe marked eastus2 unhealthy";
    log.note_failure(0, failed_call(503, kWriteRefused, 390), at_s(390.5));
    d.promotions.emplace_back(at_s(400), std::nullopt);
    const RtoTimeline t = log.rto_timeline(0, i);
    REQUIRE(t.constraints.size() == 1);  // no timeout or other failure: the fault itself binds nothing
    const RtoConstraint& c = t.constraints[0];
    CHECK(c.cleared_at == at_s(400));
    CHECK(c.last_failure_at == at_s(390));
    REQUIRE(c.chain.size() == 1);
    CHECK(c.chain[0].kind == RtoPhaseKind::kDatabasePromotion);
    CHECK(c.chain[0].cause == "writes refused until the service-managed failover promoted the database");
    CHECK(t.residual_cause == "writes still refused");
    CHECK(t.detect_cause == "failing until detected: probe marked eastus2 unhealthy");
  }
}
