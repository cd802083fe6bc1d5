#pragma once
// A move-free, allocation-free type-erased `void()` callable for events.

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace faultline::engine {

/// Holds a small trivially copyable callable inline (no heap allocation), so that
/// scheduling an event never allocates. Capture pointers or ids, not strings.
class EventCallback {
 public:
  static constexpr std::size_t kCapacity = 24;

  EventCallback() = default;

  template <typename F>
  requires(!std::is_same_v<std::decay_t<F>, EventCallback> && std::is_invocable_r_v<void, F&>)
      EventCallback(F&& f) {  // NOLINT(google-explicit-constructor): lambdas convert implicitly
    using Fn = std::decay_t<F>;
    static_assert(sizeof(Fn) <= kCapacity,
                  "event callbacks capture at most 24 bytes: capture a pointer to the model instead");
    static_assert(alignof(Fn) <= alignof(std::max_align_t), "over-aligned event callback");
    static_assert(std::is_trivially_copyable_v<Fn> && std::is_trivially_destructible_v<Fn>,
                  "event callbacks must be trivially copyable (capture pointers and ids, not owning objects)");
    ::new (static_cast<void*>(storage_)) Fn(std::forward<F>(f));
    invoke_ = [](void* storage) { (*std::launder(static_cast<Fn*>(storage)))(); };
  }

  /// Runs the callable; precondition: not empty.
  void operator()() { invoke_(storage_); }
  /// True when a callable is held.
  explicit operator bool() const { return invoke_ != nullptr; }

 private:
  void (*invoke_)(void*) = nullptr;
  alignas(std::max_align_t) unsigned char storage_[kCapacity]{};
};

}  // namespace faultline::engine
