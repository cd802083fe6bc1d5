#pragma once
// The project's one parallel-for: a fixed set of threads taking indices in
// order from a shared counter. Work that must not depend on the thread count
// writes its result by index, never in completion order.

#include <cstddef>
#include <functional>

namespace faultline::base {

/// Calls `body(i)` once for every i in [0, count) on min(threads, count) threads, the caller's included
/// (threads 0 counts as 1). The first exception thrown by `body` stops handing out further indices (calls
/// already running finish) and is rethrown here once every thread has stopped.
void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& body);

}  // namespace faultline::base
