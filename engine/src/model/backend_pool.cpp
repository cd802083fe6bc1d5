#include "model/backend_pool.hpp"

#include <algorithm>

namespace faultline::engine {

void BackendPool::add(std::size_t deployment, int priority, int weight, std::int64_t round_trip_us) {
  // Insert after every member of the same or a better priority: file order within a priority.
  const auto at = std::upper_bound(members_.begin(), members_.end(), priority,
                                   [](int p, const Member& m) { return p < m.priority; });
  members_.insert(at, Member{deployment, priority, std::max(weight, 1), 0, std::max<std::int64_t>(round_trip_us, 0)});
  by_priority_.clear();
  for (const Member& m : members_) by_priority_.push_back(m.deployment);
  order_.reserve(members_.size());
}

std::int64_t BackendPool::round_trip_us(std::size_t deployment) const {
  for (const Member& m : members_) {
    if (m.deployment == deployment) return m.round_trip_us;
  }
  return 0;
}

const std::vector<std::size_t>& BackendPool::next_order() {
  order_.clear();
  for (std::size_t begin = 0; begin < members_.size();) {
    std::size_t end = begin + 1;
    while (end < members_.size() && members_[end].priority == members_[begin].priority) ++end;
    std::size_t chosen = begin;
    if (end - begin > 1) {
      std::int64_t total = 0;
      for (std::size_t i = begin; i < end; ++i) {
        members_[i].current += members_[i].weight;
        total += members_[i].weight;
        if (members_[i].current > members_[chosen].current) chosen = i;
      }
      members_[chosen].current -= total;
    }
    for (std::size_t k = 0; k < end - begin; ++k) {
      order_.push_back(members_[begin + (chosen - begin + k) % (end - begin)].deployment);
    }
    begin = end;
  }
  return order_;
}

}  // namespace faultline::engine
