#pragma once
// The answer of a capacity limiter to one request.

#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// Admitted, or rejected with HTTP 429 and the Retry-After the service would send.
struct Admission {
  bool is_admitted = true;
  SimDuration retry_after{0};  // meaningful only when rejected
};

}  // namespace faultline::engine
