#include "faultline/cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace faultline::cli {

std::string format_duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  char buffer[48];
  if (s < 60) {
    std::snprintf(buffer, sizeof buffer, "%lld s", s);
  } else if (s < 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld min %02lld s", s / 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld h %02lld min", s / 3600, s % 3600 / 60);
  }
  return buffer;
}

std::string format_progress(const std::string& label, double fraction, double elapsed_s) {
  constexpr int kWidth = 40;
  const double f = std::clamp(fraction, 0.0, 1.0);
  const int filled = static_cast<int>(f * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  char percent[8];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(f * 100));
  const std::string eta = f > 0 ? format_duration(elapsed_s * (1 - f) / f) : std::string("-");
  return label + " [" + bar + "] " + percent + "  " + format_duration(elapsed_s) + ", ETA " + eta;
}

ProgressBar::ProgressBar(std::string label, bool is_enabled)
    : label_(std::move(label)),
      is_enabled_(is_enabled && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(double fraction) {
  if (!is_enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (now - start_ < std::chrono::seconds(1)) return;
  if (is_drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && fraction < 1.0) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // \033[K clears what a longer previous line left behind.
  std::fprintf(stderr, "\r%s\033[K", format_progress(label_, fraction, elapsed).c_str());
  std::fflush(stderr);
  is_drawn_ = true;
}

void ProgressBar::finish() {
  std::lock_guard lock(mutex_);
  if (!is_drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  is_drawn_ = false;
}

}  // namespace faultline::cli
