#include "faultline/cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace faultline::cli {

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
  constexpr int kWidth = 40;
  const double f = std::clamp(fraction, 0.0, 1.0);
  const int filled = static_cast<int>(f * kWidth);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\r%s [%s] %3d%%  %.0f s", label_.c_str(), bar.c_str(), static_cast<int>(f * 100), elapsed);
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
