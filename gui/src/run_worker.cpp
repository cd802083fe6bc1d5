#include "faultline/gui/run_worker.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "faultline/engine/scenario/scenario_runner.hpp"

namespace faultline::gui {

RunWorker::~RunWorker() {
  if (latest_) latest_->cancel = true;
  for (auto& job : superseded_) job->cancel = true;
  if (latest_ && latest_->thread.joinable()) latest_->thread.join();
  for (auto& job : superseded_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

std::uint64_t RunWorker::start(engine::Scenario scenario, std::vector<engine::InputFile> inputs, std::string version,
                               unsigned threads) {
  if (latest_) {
    latest_->cancel = true;
    superseded_.push_back(std::move(latest_));
  }
  latest_ = std::make_unique<Job>();
  Job* job = latest_.get();
  job->id = next_id_++;
  job->scenario = std::move(scenario);
  job->outcome.id = job->id;
  job->thread = std::thread([job, inputs = std::move(inputs), version = std::move(version), threads]() mutable {
    engine::RunOptions options;
    options.threads = std::max(1U, threads);
    options.control.cancel = &job->cancel;
    options.control.on_progress = [job](double f) { job->progress.store(f, std::memory_order_relaxed); };
    try {
      job->outcome.result = engine::run_scenario(job->scenario, options, std::move(inputs), version);
      job->outcome.is_cancelled = !job->outcome.result;
    } catch (const std::exception& e) {
      job->outcome.error = e.what();
    }
    job->is_done.store(true, std::memory_order_release);
  });
  reap_superseded();
  return job->id;
}

void RunWorker::cancel() {
  if (latest_) latest_->cancel = true;
}

bool RunWorker::is_running() const { return latest_ && !latest_->is_done.load(std::memory_order_acquire); }

double RunWorker::progress() const { return latest_ ? latest_->progress.load(std::memory_order_relaxed) : 0.0; }

std::optional<RunOutcome> RunWorker::take_finished() {
  reap_superseded();
  if (!latest_ || !latest_->is_done.load(std::memory_order_acquire)) return std::nullopt;
  latest_->thread.join();
  RunOutcome outcome = std::move(latest_->outcome);
  latest_.reset();
  return outcome;
}

void RunWorker::reap_superseded() {
  for (auto it = superseded_.begin(); it != superseded_.end();) {
    if ((*it)->is_done.load(std::memory_order_acquire)) {
      (*it)->thread.join();
      ++superseded_joined_;
      if ((*it)->outcome.is_cancelled) ++superseded_cancelled_;
      it = superseded_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace faultline::gui
