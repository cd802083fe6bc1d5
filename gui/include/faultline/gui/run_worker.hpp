#pragma once
// Runs scenarios on worker threads so the window never waits for a simulation.
// Starting a run cancels the previous one (RunControl.cancel); only the latest
// run's outcome is delivered.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "faultline/engine/model/run_result.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::gui {

/// How a run ended: a result, cancelled (no result, no error), or an error message.
struct RunOutcome {
  std::uint64_t id = 0;  ///< as returned by RunWorker::start
  std::optional<engine::RunResult> result;
  std::string error;          ///< empty unless the run failed
  bool is_cancelled = false;  ///< stopped by cancel() or a newer start()
};

/// Owns its threads; the destructor cancels and joins them all.
class RunWorker {
 public:
  RunWorker() = default;
  ~RunWorker();
  RunWorker(const RunWorker&) = delete;
  RunWorker& operator=(const RunWorker&) = delete;

  /// Starts simulating every pattern of `scenario` with `threads` threads (>= 1) and
  /// cancels the run in progress; returns immediately with the new run's id (1, 2, ...).
  std::uint64_t start(engine::Scenario scenario, std::vector<engine::InputFile> inputs, std::string version,
                      unsigned threads);
  /// Asks the latest run to stop; its outcome arrives as cancelled.
  void cancel();
  /// True while the latest run has not finished.
  [[nodiscard]] bool is_running() const;
  /// Progress of the latest run, 0..1 (0 before any run).
  [[nodiscard]] double progress() const;
  /// The latest run's outcome, once, after it finished; also joins finished superseded runs.
  std::optional<RunOutcome> take_finished();
  /// Runs superseded by a newer start() whose threads have been joined.
  [[nodiscard]] std::uint64_t superseded_runs_joined() const { return superseded_joined_; }
  /// Superseded runs that stopped on their cancel flag (rather than finishing first).
  [[nodiscard]] std::uint64_t superseded_runs_cancelled() const { return superseded_cancelled_; }

 private:
  struct Job {
    std::uint64_t id = 0;
    engine::Scenario scenario;
    std::atomic<bool> cancel{false};
    std::atomic<double> progress{0.0};
    std::atomic<bool> is_done{false};
    RunOutcome outcome;  // written by the job's thread before is_done is set
    std::thread thread;
  };
  void reap_superseded();

  std::unique_ptr<Job> latest_;                   // null once its outcome was delivered
  std::vector<std::unique_ptr<Job>> superseded_;  // cancelled, joined once their thread returned
  std::uint64_t next_id_ = 1;
  std::uint64_t superseded_joined_ = 0;
  std::uint64_t superseded_cancelled_ = 0;
};

}  // namespace faultline::gui
