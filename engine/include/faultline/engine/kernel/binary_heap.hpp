#pragma once
// A second pending-event set for comparison: the standard library's binary heap.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

#include "faultline/engine/kernel/pending_event.hpp"

namespace faultline::engine {

/// Binary min-heap built on std::push_heap / std::pop_heap. Kept as the
/// reference implementation the benchmarks and tests compare against.
class BinaryHeap {
 public:
  /// Adds an entry. O(log2 n).
  void insert(PendingEvent e) {
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), greater_);
  }
  /// The smallest entry; precondition: not empty.
  [[nodiscard]] const PendingEvent& top() const { return heap_.front(); }
  /// Removes the smallest entry; precondition: not empty.
  void pop() {
    std::pop_heap(heap_.begin(), heap_.end(), greater_);
    heap_.pop_back();
  }
  /// Removes the smallest entry, then adds `e`.
  void replace_top(PendingEvent e) {
    pop();
    insert(e);
  }
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  void clear() { heap_.clear(); }
  /// Removes every entry for which pred(entry) is true, then restores the heap. O(n).
  template <typename Pred>
  void erase_if(const Pred& pred) {
    std::erase_if(heap_, pred);
    std::make_heap(heap_.begin(), heap_.end(), greater_);
  }
  /// Pre-sizes storage for n entries.
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  struct Greater {
    bool operator()(const PendingEvent& a, const PendingEvent& b) const { return b < a; }
  };
  Greater greater_;
  std::vector<PendingEvent> heap_;
};

}  // namespace faultline::engine
