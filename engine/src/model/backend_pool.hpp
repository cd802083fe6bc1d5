#pragma once
// Internal: a region gateway's backend pool for one model (APIM load-balanced pool):
// members by priority, load-balanced by weight inside one priority.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace faultline::engine {

/// APIM backend pool semantics (domain-facts, API Management): members are grouped by
/// priority (1 first); inside a group calls are spread round robin, or by weight when the
/// weights differ, as a smooth weighted round-robin (nginx): each member gains its weight,
/// the largest current weight (first in file order on ties) is picked and pays the group's
/// total back, so over sum(weights) calls each member is picked first exactly weight times.
/// A call tries the picked member first, then the rest of its group in file order after it
/// (wrapping), then the next priority's group. Allocates only while members are added.
class BackendPool {
 public:
  /// Adds member `deployment` (in file order) at pool `priority` (1..10) with `weight` (>= 1);
  /// `round_trip_us` (microseconds, >= 0) is what a call to it adds: the inter-region round trip
  /// from the gateway to a member in another region (seeds/001), 0 for a member of its own region.
  void add(std::size_t deployment, int priority, int weight, std::int64_t round_trip_us = 0);
  /// The round trip (microseconds) a call to member `deployment` adds; 0 when it is no member.
  [[nodiscard]] std::int64_t round_trip_us(std::size_t deployment) const;
  /// True when the pool has no member.
  [[nodiscard]] bool empty() const { return members_.empty(); }
  /// Every member's deployment by priority, then file order.
  [[nodiscard]] const std::vector<std::size_t>& by_priority() const { return by_priority_; }
  /// The order in which the next call tries the members; advances each group's rotation once.
  const std::vector<std::size_t>& next_order();

 private:
  struct Member {
    std::size_t deployment = 0;
    int priority = 1;
    std::int64_t weight = 1;
    std::int64_t current = 0;        // smooth weighted round-robin state
    std::int64_t round_trip_us = 0;  // gateway -> member and back, when the member is in another region
  };

  std::vector<Member> members_;           // by priority, then file order
  std::vector<std::size_t> by_priority_;  // members_' deployments
  std::vector<std::size_t> order_;        // scratch for next_order
};

}  // namespace faultline::engine
