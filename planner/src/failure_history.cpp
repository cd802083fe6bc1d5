#include "failure_history.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/kernel/simulation.hpp"

namespace faultline::planner {
namespace {

using engine::SimDuration;
using engine::SimTime;

// A duration in simulated microseconds from seconds, at least 1 us.
SimDuration sample_duration(const engine::Distribution& d, engine::RandomStream& rng) {
  const double s = d.sample(rng);
  const double us = std::min(std::max(s * 1e6, 1.0), 1e17);  // 1e17 us: ~3000 years, well inside int64
  return SimDuration{static_cast<std::int64_t>(std::llround(us))};
}

// The failure and repair process of one replication on the event kernel.
class FailureProcess {
 public:
  FailureProcess(const ReliabilityModel& model, const StructureFunction& structure, std::uint64_t seed,
                 std::uint64_t index, SimTime end)
      : model_(model), structure_(structure), sim_(seed, index), end_(end) {
    const std::size_t n = model.components.size();
    for (std::size_t i = 0; i < n; ++i) {
      tbf_.push_back(sim_.stream("reliability.time_between_failures", i));
      ttr_.push_back(sim_.stream("reliability.time_to_repair", i));
    }
    failed_at_.assign(n, SimTime{});
  }

  FailureHistory run() {
    for (std::size_t i = 0; i < model_.components.size(); ++i) schedule_failure(i);
    sim_.run_until(end_);
    // Close what is still open at the end of the replication.
    if (!is_up_) out_.structure_down_s += engine::to_seconds(end_ - last_change_);
    if (down_mask_ != 0) {
      for (std::size_t i = 0; i < model_.components.size(); ++i) {
        if ((down_mask_ >> i) & 1U) {
          current_.push_back({i, failed_at_[i] - incident_start_, end_ - failed_at_[i]});
        }
      }
      close_incident();
    }
    return std::move(out_);
  }

 private:
  void schedule_failure(std::size_t i) {
    const SimDuration up = sample_duration(model_.components[i].time_between_failures, tbf_[i]);
    if (up > end_ - sim_.now()) return;  // beyond the end of the replication
    sim_.schedule_after(up, [this, i] { fail(i); });
  }

  void start_repair(std::size_t i) {
    const SimDuration repair = sample_duration(model_.components[i].time_to_repair, ttr_[i]);
    is_crew_busy_ = true;
    if (repair > end_ - sim_.now()) return;  // still down at the end
    sim_.schedule_after(repair, [this, i] { repaired(i); });
  }

  void fail(std::size_t i) {
    ++out_.failures;
    if (down_mask_ == 0) {
      incident_start_ = sim_.now();
      current_.clear();
    }
    failed_at_[i] = sim_.now();
    change_state(down_mask_ | (std::uint64_t{1} << i));
    if (model_.repair_crews == RepairCrews::kIndependent) {
      start_repair(i);
    } else if (!is_crew_busy_) {
      start_repair(i);
    } else {
      waiting_ |= std::uint64_t{1} << i;
    }
  }

  void repaired(std::size_t i) {
    current_.push_back({i, failed_at_[i] - incident_start_, sim_.now() - failed_at_[i]});
    change_state(down_mask_ & ~(std::uint64_t{1} << i));
    schedule_failure(i);
    if (model_.repair_crews == RepairCrews::kShared) {
      is_crew_busy_ = false;
      if (waiting_ != 0) {
        // The crew takes the lowest-index waiting component next (the Markov chain's priority rule).
        const auto next = static_cast<std::size_t>(std::countr_zero(waiting_));
        waiting_ &= ~(std::uint64_t{1} << next);
        start_repair(next);
      }
    }
    if (down_mask_ == 0) close_incident();
  }

  void change_state(std::uint64_t mask) {
    if (!is_up_) out_.structure_down_s += engine::to_seconds(sim_.now() - last_change_);
    last_change_ = sim_.now();
    down_mask_ = mask;
    is_up_ = structure_.is_up(mask);
  }

  void close_incident() {
    std::sort(current_.begin(), current_.end(), [](const IncidentFault& a, const IncidentFault& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.component < b.component;
    });
    out_.incidents.push_back(std::move(current_));
    out_.incident_starts.push_back(incident_start_);
    current_.clear();
  }

  const ReliabilityModel& model_;
  const StructureFunction& structure_;
  engine::Simulation sim_;
  SimTime end_;
  std::vector<engine::RandomStream> tbf_;
  std::vector<engine::RandomStream> ttr_;
  std::vector<SimTime> failed_at_;
  std::uint64_t down_mask_ = 0;
  std::uint64_t waiting_ = 0;
  bool is_crew_busy_ = false;
  bool is_up_ = true;
  SimTime last_change_{};
  SimTime incident_start_{};
  std::vector<IncidentFault> current_;
  FailureHistory out_;
};

}  // namespace

FailureHistory simulate_failures(const ReliabilityModel& model, const StructureFunction& structure, std::uint64_t seed,
                                 std::uint64_t index, SimTime end) {
  return FailureProcess(model, structure, seed, index, end).run();
}

}  // namespace faultline::planner
