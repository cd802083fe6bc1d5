#pragma once
// The default pending-event set: an implicit 4-ary min-heap laid out so that the
// four children of a node fill exactly one 64-byte cache line.

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "faultline/engine/kernel/pending_event.hpp"

namespace faultline::engine {

/// 4-ary min-heap of PendingEvent. Compared with a binary heap it has half the
/// depth; entry i lives at position i + 3 of a 64-byte aligned buffer, so the
/// children 4i+1..4i+4 sit at positions 4(i+1)..4(i+1)+3: one cache line.
/// Entries compare as one 128-bit key (time, then sequence).
/// Precondition for every entry: time_us >= 0 (simulated time never is negative).
class QuaternaryHeap {
 public:
  QuaternaryHeap() = default;
  QuaternaryHeap(const QuaternaryHeap&) = delete;
  QuaternaryHeap& operator=(const QuaternaryHeap&) = delete;

  /// Adds an entry. O(log4 n).
  void insert(PendingEvent e) {
    if (size_ == capacity_) grow(capacity_ == 0 ? 64 : capacity_ * 2);
    sift_up(size_++, e);
  }
  /// The smallest entry; precondition: not empty.
  [[nodiscard]] const PendingEvent& top() const { return data_[kOffset]; }
  /// The entries that can become the top after a pop (the root's children), for
  /// prefetching what the next event will touch; `count` receives how many.
  [[nodiscard]] const PendingEvent* runners_up(std::size_t& count) const {
    count = size_ > 5 ? 4 : (size_ > 1 ? size_ - 1 : 0);
    return data_.get() + kOffset + 1;
  }
  /// Removes the smallest entry; precondition: not empty.
  void pop() {
    --size_;
    if (size_ > 0) sift_down(0, data_[kOffset + size_]);
  }
  /// Removes the smallest entry and adds `e` with a single sift; precondition: not empty.
  void replace_top(PendingEvent e) { sift_down(0, e); }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  void clear() { size_ = 0; }
  /// Pre-sizes storage for n entries.
  void reserve(std::size_t n) {
    if (n > capacity_) grow(n);
  }
  /// Removes every entry for which pred(entry) is true, then restores the heap. O(n).
  template <typename Pred>
  void erase_if(const Pred& pred) {
    PendingEvent* first = data_.get() + kOffset;
    size_ = static_cast<std::size_t>(std::remove_if(first, first + size_, pred) - first);
    if (size_ < 2) return;
    for (std::size_t i = (size_ - 2) / 4 + 1; i-- > 0;) sift_down(i, at(i));
  }

 private:
  static constexpr std::size_t kOffset = 3;
  __extension__ using Key = unsigned __int128;

  struct AlignedDelete {
    void operator()(PendingEvent* p) const { ::operator delete[](p, std::align_val_t{64}); }
  };

  static Key key(const PendingEvent& e) {
    return (static_cast<Key>(static_cast<std::uint64_t>(e.time_us)) << 64) | e.key;
  }
  PendingEvent& at(std::size_t i) { return data_[kOffset + i]; }

  void grow(std::size_t capacity) {
    const std::size_t slots = capacity + kOffset;
    std::unique_ptr<PendingEvent[], AlignedDelete> bigger(
        static_cast<PendingEvent*>(::operator new[](slots * sizeof(PendingEvent), std::align_val_t{64})));
    if (size_ > 0) std::memcpy(bigger.get() + kOffset, data_.get() + kOffset, size_ * sizeof(PendingEvent));
    data_ = std::move(bigger);
    capacity_ = capacity;
  }

  void sift_up(std::size_t i, PendingEvent e) {
    const Key ke = key(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (ke >= key(at(parent))) break;
      at(i) = at(parent);
      i = parent;
    }
    at(i) = e;
  }

  // Floyd's bottom-up sift: walk the hole down along the smallest child to a
  // leaf (no comparison with e on the way), then sift e up from there. New
  // events are usually later than most pending ones, so e ends near the bottom
  // and this saves a comparison and a hard-to-predict branch per level.
  void sift_down(std::size_t i, PendingEvent e) {
    PendingEvent* h = data_.get() + kOffset;
    const std::size_t n = size_;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      const std::size_t end = first + 4 < n ? first + 4 : n;
      std::size_t best = first;
      Key kb = key(h[first]);
      for (std::size_t c = first + 1; c < end; ++c) {
        const Key kc = key(h[c]);
        if (kc < kb) {
          kb = kc;
          best = c;
        }
      }
      h[i] = h[best];
      i = best;
    }
    sift_up(i, e);
  }

  std::unique_ptr<PendingEvent[], AlignedDelete> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace faultline::engine
