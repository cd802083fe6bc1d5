#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "faultline/engine/kernel/binary_heap.hpp"
#include "faultline/engine/kernel/quaternary_heap.hpp"
#include "faultline/engine/kernel/random_stream.hpp"

using namespace faultline::engine;

namespace {

template <typename Q>
std::vector<PendingEvent> drain(Q& q) {
  std::vector<PendingEvent> out;
  while (!q.empty()) {
    out.push_back(q.top());
    q.pop();
  }
  return out;
}

template <typename Q>
void check_pending_event_set() {
  static_assert(PendingEventSet<Q>);
  Q q;
  SECTION("pops in (time, key) order, equal times by key") {
    q.insert({5, 3});
    q.insert({1, 9});
    q.insert({5, 1});
    q.insert({3, 2});
    q.insert({5, 2});
    const auto out = drain(q);
    const std::vector<std::pair<std::int64_t, std::uint64_t>> expected{{1, 9}, {3, 2}, {5, 1}, {5, 2}, {5, 3}};
    REQUIRE(out.size() == expected.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      CHECK(out[i].time_us == expected[i].first);
      CHECK(out[i].key == expected[i].second);
    }
  }
  SECTION("replace_top equals pop followed by insert") {
    for (std::int64_t t : {10, 20, 30}) q.insert({t, static_cast<std::uint64_t>(t)});
    q.replace_top({25, 99});
    const auto out = drain(q);
    REQUIRE(out.size() == 3);
    CHECK(out[0].time_us == 20);
    CHECK(out[1].time_us == 25);
    CHECK(out[2].time_us == 30);
  }
  SECTION("erase_if removes matching entries and keeps the order of the rest") {
    for (std::uint64_t k = 1; k <= 100; ++k) q.insert({static_cast<std::int64_t>((k * 37) % 101), k});
    q.erase_if([](const PendingEvent& e) { return e.key % 2 == 0; });
    CHECK(q.size() == 50);
    const auto out = drain(q);
    CHECK(std::is_sorted(out.begin(), out.end()));
    CHECK(std::all_of(out.begin(), out.end(), [](const PendingEvent& e) { return e.key % 2 == 1; }));
  }
  SECTION("random workload sorts like std::sort") {
    RandomStream rng(42, 0, "heap-test");
    std::vector<PendingEvent> all;
    for (std::uint64_t k = 1; k <= 5000; ++k) {
      PendingEvent e{static_cast<std::int64_t>(rng.uniform_index(1000)), k};
      all.push_back(e);
      q.insert(e);
    }
    std::sort(all.begin(), all.end());
    const auto out = drain(q);
    REQUIRE(out.size() == all.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      CHECK(out[i].time_us == all[i].time_us);
      CHECK(out[i].key == all[i].key);
    }
  }
}

}  // namespace

TEST_CASE("QuaternaryHeap orders pending events", "[engine][queue]") { check_pending_event_set<QuaternaryHeap>(); }

TEST_CASE("BinaryHeap orders pending events", "[engine][queue]") { check_pending_event_set<BinaryHeap>(); }
