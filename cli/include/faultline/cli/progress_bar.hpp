#pragma once
// A terminal progress bar for long runs: drawn on stderr only when stderr is a
// terminal, and only once the work has taken more than a second. It shows the
// time spent and the estimated time left (ETA).

#include <chrono>
#include <mutex>
#include <string>

namespace faultline::cli {

/// A duration for a person, rounded to whole seconds: "42 s", "3 min 05 s", "2 h 07 min" (seconds >= 0).
std::string format_duration(double seconds);
/// The bar's line for `fraction` (0..1) done after `elapsed_s` seconds: label, 40-character bar, percent, time
/// spent and time left, estimated as elapsed x (1 - fraction) / fraction ("ETA -" before any progress).
std::string format_progress(const std::string& label, double fraction, double elapsed_s);

/// Thread-safe; update() may be called from worker threads.
class ProgressBar {
 public:
  /// A bar labelled `label`; disabled when stderr is not a terminal or `is_enabled` is false.
  explicit ProgressBar(std::string label, bool is_enabled = true);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Shows `fraction` (0..1) done; redraws at most 10 times a second.
  void update(double fraction);
  /// Clears the bar's line (called by the destructor too).
  void finish();

 private:
  std::string label_;
  bool is_enabled_;
  bool is_drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mutex_;
};

}  // namespace faultline::cli
