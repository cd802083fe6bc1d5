#pragma once
// The discrete-event kernel: a clock, a pending-event set and callbacks.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/engine/kernel/event_callback.hpp"
#include "faultline/engine/kernel/pending_event.hpp"
#include "faultline/engine/kernel/quaternary_heap.hpp"
#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// Handle of a scheduled event, for cancel(). Default-constructed: no event.
struct EventId {
  std::uint64_t key = 0;
  friend constexpr bool operator==(EventId, EventId) = default;
};

/// A simulation owns its clock, its pending events and its random-stream key;
/// nothing is shared between instances, so simulations run side by side on threads.
///
/// Invariants: events run in (time, scheduling order); an event at time t never
/// runs before now() reaches t; a callback stored in a slot is live iff the slot's
/// key equals the key of some queue entry. Cancelled entries stay in the queue
/// ("stale") until popped or until they outnumber live ones, then are erased in bulk.
template <PendingEventSet Queue>
class BasicSimulation {
 public:
  /// A simulation at t = 0 whose random streams derive from (master_seed, replication).
  explicit BasicSimulation(std::uint64_t master_seed = 0, std::uint64_t replication = 0)
      : master_seed_(master_seed), replication_(replication) {}

  BasicSimulation(const BasicSimulation&) = delete;
  BasicSimulation& operator=(const BasicSimulation&) = delete;

  /// Current simulated time.
  [[nodiscard]] SimTime now() const { return SimTime{SimDuration{now_us_}}; }

  /// Schedules `cb` at absolute time t (t >= now(), else std::invalid_argument).
  EventId schedule_at(SimTime t, EventCallback cb) {
    const std::int64_t t_us = t.time_since_epoch().count();
    if (t_us < now_us_) {
      throw std::invalid_argument("schedule_at: time " + std::to_string(t_us) + " us is before now (" +
                                  std::to_string(now_us_) + " us)");
    }
    return push(t_us, cb);
  }

  /// Schedules `cb` after delay d (d >= 0, else std::invalid_argument).
  EventId schedule_after(SimDuration d, EventCallback cb) {
    if (d.count() < 0) {
      throw std::invalid_argument("schedule_after: negative delay " + std::to_string(d.count()) + " us");
    }
    if (d.count() > kSimForever.time_since_epoch().count() - now_us_) {
      throw std::invalid_argument("schedule_after: delay overflows simulated time");
    }
    return push(now_us_ + d.count(), cb);
  }

  /// Cancels a pending event in O(1); returns false if it already ran or was cancelled.
  bool cancel(EventId id) {
    if (!is_pending(id)) return false;
    release(static_cast<std::uint32_t>(id.key & kSlotMask));
    ++stale_;
    if (stale_ > kCompactMinimum && stale_ > live_) compact();
    return true;
  }

  /// True while the event is scheduled and has neither run nor been cancelled.
  [[nodiscard]] bool is_pending(EventId id) const {
    const std::uint64_t slot = id.key & kSlotMask;
    return id.key != 0 && slot < slots_.size() && slots_[slot].key == id.key;
  }

  /// Runs every event with time <= end, then sets now() to end (unless stopped
  /// early). Returns the number of events run.
  std::uint64_t run_until(SimTime end) { return run_loop(end.time_since_epoch().count(), true); }

  /// Runs until no event is pending (or stop()); now() stays at the last event.
  std::uint64_t run() { return run_loop(kSimForever.time_since_epoch().count(), false); }

  /// From inside a callback: the running run()/run_until() returns after it.
  void stop() { is_stop_requested_ = true; }

  /// Number of live (not cancelled) pending events.
  [[nodiscard]] std::size_t pending() const { return live_; }
  /// Total events run since construction.
  [[nodiscard]] std::uint64_t events_executed() const { return executed_; }
  [[nodiscard]] std::uint64_t master_seed() const { return master_seed_; }
  [[nodiscard]] std::uint64_t replication() const { return replication_; }

  /// The random stream (master seed, replication, name, index) of this simulation.
  [[nodiscard]] RandomStream stream(std::string_view name, std::uint64_t index = 0) const {
    return RandomStream(master_seed_, replication_, name, index);
  }

  /// Pre-sizes storage for n simultaneously pending events.
  void reserve(std::size_t n) {
    slots_.reserve(n);
    free_slots_.reserve(n);
    if constexpr (requires(Queue q) { q.reserve(n); }) queue_.reserve(n);
  }

 private:
  static constexpr int kSlotBits = 24;
  static constexpr std::uint64_t kSlotMask = (std::uint64_t{1} << kSlotBits) - 1;
  static constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << (64 - kSlotBits)) - 1;
  static constexpr std::size_t kCompactMinimum = 4096;

  struct Slot {
    EventCallback callback;
    std::uint64_t key = 0;  // key of the live event in this slot, 0 when free
  };

  EventId push(std::int64_t t_us, EventCallback cb) {
    if (next_sequence_ > kMaxSequence) throw std::length_error("simulation: event sequence numbers exhausted");
    std::uint32_t slot;
    if (!free_slots_.empty()) {
      slot = free_slots_.back();
      free_slots_.pop_back();
    } else {
      if (slots_.size() > kSlotMask) {
        throw std::length_error("simulation: more than 16777215 events pending at once");
      }
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    const std::uint64_t key = (next_sequence_++ << kSlotBits) | slot;
    slots_[slot].callback = cb;
    slots_[slot].key = key;
    ++live_;
    const PendingEvent e{t_us, key};
    if (is_firing_top_) {
      // The entry of the running event is still at the top: overwrite it
      // instead of a pop followed by an insert.
      queue_.replace_top(e);
      is_firing_top_ = false;
    } else {
      queue_.insert(e);
    }
    return EventId{key};
  }

  void release(std::uint32_t slot) {
    slots_[slot].key = 0;
    free_slots_.push_back(slot);
    --live_;
  }

  void compact() {
    if (is_firing_top_) {
      queue_.pop();
      is_firing_top_ = false;
    }
    queue_.erase_if([this](const PendingEvent& e) { return slots_[e.key & kSlotMask].key != e.key; });
    stale_ = 0;
  }

  std::uint64_t run_loop(std::int64_t end_us, bool is_advancing_to_end) {
    if (is_running_) throw std::logic_error("simulation: run() called from inside an event");
    is_running_ = true;
    is_stop_requested_ = false;
    std::uint64_t count = 0;
    while (!queue_.empty()) {
      const PendingEvent top = queue_.top();
      if (top.time_us > end_us) break;
      const auto slot = static_cast<std::uint32_t>(top.key & kSlotMask);
      Slot& s = slots_[slot];
      if (s.key != top.key) {
        queue_.pop();
        --stale_;
        continue;
      }
      now_us_ = top.time_us;
      if constexpr (requires(const Queue& q, std::size_t& c) { q.runners_up(c); }) {
        // The next event's slot is one of these; fetch it while this event runs.
        std::size_t candidates = 0;
        const PendingEvent* next = queue_.runners_up(candidates);
        for (std::size_t i = 0; i < candidates; ++i) __builtin_prefetch(&slots_[next[i].key & kSlotMask]);
      }
      EventCallback callback = s.callback;
      release(slot);
      is_firing_top_ = true;
      try {
        callback();
      } catch (...) {
        if (is_firing_top_) queue_.pop();
        is_firing_top_ = false;
        is_running_ = false;
        throw;
      }
      if (is_firing_top_) {
        queue_.pop();
        is_firing_top_ = false;
      }
      ++count;
      if (is_stop_requested_) break;
    }
    executed_ += count;
    if (is_advancing_to_end && !is_stop_requested_ && end_us > now_us_) now_us_ = end_us;
    is_running_ = false;
    return count;
  }

  std::int64_t now_us_ = 0;
  std::uint64_t next_sequence_ = 1;
  std::size_t live_ = 0;
  std::size_t stale_ = 0;
  std::uint64_t executed_ = 0;
  bool is_firing_top_ = false;
  bool is_running_ = false;
  bool is_stop_requested_ = false;
  std::uint64_t master_seed_;
  std::uint64_t replication_;
  Queue queue_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
};

/// The simulation type the model uses: the 4-ary heap.
using Simulation = BasicSimulation<QuaternaryHeap>;

}  // namespace faultline::engine
