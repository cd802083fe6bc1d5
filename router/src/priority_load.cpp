#include "faultline/router/priority_load.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace faultline::router {

namespace {

std::uint32_t count(EndpointMask mask) { return static_cast<std::uint32_t>(std::popcount(mask)); }

}  // namespace

PriorityLoad::PriorityLoad(const PrioritySpillConfig& config, const std::vector<std::uint32_t>& priorities)
    : factor_percent_(static_cast<std::uint32_t>(std::llround(config.overprovisioning_factor * 100))),
      panic_threshold_(config.panic_threshold_percent) {
  std::vector<std::uint32_t> values = priorities;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  level_masks_.assign(values.size(), 0);
  for (std::size_t i = 0; i < priorities.size(); ++i) {
    const auto level =
        static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), priorities[i]) - values.begin());
    level_masks_[level] |= EndpointMask{1} << i;
  }
  health_.assign(values.size(), 0);
  load_.assign(values.size(), 0);
  panic_.assign(values.size(), 0);
  current_.assign(values.size(), 0);
}

void PriorityLoad::compute(EndpointMask allowed, EndpointMask healthy) {
  std::uint32_t total_health = 0;
  for (std::size_t l = 0; l < level_masks_.size(); ++l) {
    const std::uint32_t total = count(level_masks_[l] & allowed);
    const std::uint32_t good = count(level_masks_[l] & allowed & healthy);
    health_[l] = total == 0 ? 0 : std::min<std::uint32_t>(100, factor_percent_ * good / total);
    total_health += health_[l];
  }
  const std::uint32_t normalized_total = std::min<std::uint32_t>(100, total_health);
  bool is_total_panic = true;
  for (std::size_t l = 0; l < level_masks_.size(); ++l) {
    const std::uint32_t total = count(level_masks_[l] & allowed);
    const double healthy_percent =
        total == 0 ? 0 : 100.0 * static_cast<double>(count(level_masks_[l] & allowed & healthy)) / total;
    // Envoy disregards panic while the levels together are healthy enough (normalized total 100).
    panic_[l] = normalized_total < 100 && total > 0 && healthy_percent < panic_threshold_ ? 1 : 0;
    if (total > 0 && panic_[l] == 0) is_total_panic = false;
  }
  if (is_total_panic) {
    distribute_total_panic(allowed);
  } else {
    distribute(normalized_total);
  }
}

void PriorityLoad::distribute(std::uint32_t normalized_total) {
  std::uint32_t left = 100;
  std::size_t first_with_health = level_masks_.size();
  for (std::size_t l = 0; l < level_masks_.size(); ++l) {
    if (health_[l] > 0 && first_with_health == level_masks_.size()) first_with_health = l;
    load_[l] = normalized_total == 0 ? 0 : std::min(left, health_[l] * 100 / normalized_total);
    left -= load_[l];
  }
  if (first_with_health < level_masks_.size()) load_[first_with_health] += left;  // rounding rest (Envoy)
}

void PriorityLoad::distribute_total_panic(EndpointMask allowed) {
  // Envoy: with every level in panic, load follows the number of endpoints of each level.
  const std::uint32_t all = count(allowed);
  std::uint32_t left = 100;
  std::size_t first = level_masks_.size();
  for (std::size_t l = 0; l < level_masks_.size(); ++l) {
    const std::uint32_t n = count(level_masks_[l] & allowed);
    if (n > 0 && first == level_masks_.size()) first = l;
    load_[l] = all == 0 ? 0 : n * 100 / all;
    left -= load_[l];
  }
  if (first < level_masks_.size()) load_[first] += left;
}

LevelChoice PriorityLoad::choose(EndpointMask allowed, EndpointMask healthy) {
  compute(allowed, healthy);
  // Smooth weighted round-robin over the loads: each level gains its load, the largest current
  // weight wins (the lowest level on a tie) and pays 100 back.
  std::size_t chosen = level_masks_.size();
  for (std::size_t l = 0; l < level_masks_.size(); ++l) {
    if (load_[l] == 0) continue;
    current_[l] += load_[l];
    if (chosen == level_masks_.size() || current_[l] > current_[chosen]) chosen = l;
  }
  if (chosen == level_masks_.size()) return LevelChoice{};
  current_[chosen] -= 100;
  return LevelChoice{level_masks_[chosen], panic_[chosen] != 0};
}

}  // namespace faultline::router
