#pragma once
// The entry the pending-event sets order, and the interface they share.

#include <concepts>
#include <cstddef>
#include <cstdint>

namespace faultline::engine {

/// One scheduled event as the pending-event set sees it: 16 bytes.
/// `key` packs the scheduling sequence number (high 40 bits) and the slot of the
/// event's callback (low 24 bits), so ordering by (time_us, key) orders equal
/// times by scheduling order.
struct PendingEvent {
  std::int64_t time_us;
  std::uint64_t key;

  friend constexpr bool operator<(const PendingEvent& a, const PendingEvent& b) {
    return a.time_us < b.time_us || (a.time_us == b.time_us && a.key < b.key);
  }
};

/// The small interface every pending-event set offers (insert, peek, pop), plus
/// replace_top (pop the minimum and insert `e` in one sift, which is what most
/// events do) and erase_if (drop cancelled entries in bulk).
template <typename Q>
concept PendingEventSet = requires(Q q, const Q cq, PendingEvent e) {
  {q.insert(e)};
  { cq.top() } -> std::convertible_to<PendingEvent>;
  {q.pop()};
  {q.replace_top(e)};
  { cq.empty() } -> std::convertible_to<bool>;
  { cq.size() } -> std::convertible_to<std::size_t>;
  {q.clear()};
  {q.erase_if([](const PendingEvent&) { return false; })};
};

}  // namespace faultline::engine
