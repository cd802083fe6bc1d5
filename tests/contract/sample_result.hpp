#pragma once
// A small hand-made result with every kind of value (nulls, a missed target,
// text that needs escaping) for the report writer tests.

#include "faultline/engine/model/run_result.hpp"

namespace faultline::testing {

/// Two patterns over 4 buckets of 60 s; "hot-cold" misses its RTO target (value 1500 s, limit 900 s).
/// Only hot-cold's incident has runbook steps, per-store loss, failback, lost work and an event log.
engine::RunResult sample_result();

}  // namespace faultline::testing
