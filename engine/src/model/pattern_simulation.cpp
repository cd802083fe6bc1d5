#include "faultline/engine/model/pattern_simulation.hpp"

#include "model/traffic_model.hpp"

namespace faultline::engine {

PatternSimulation::PatternSimulation(const Scenario& scenario, std::size_t pattern_index, std::uint64_t replication)
    : model_(std::make_unique<TrafficModel>(scenario, pattern_index, replication)) {}

PatternSimulation::~PatternSimulation() = default;

// Without a cancel flag nothing can stop the run, so there is always a result.
PatternResult PatternSimulation::run() { return *model_->run(RunControl{}); }

std::optional<PatternResult> PatternSimulation::run(const RunControl& control) { return model_->run(control); }

std::uint64_t PatternSimulation::events() const { return model_->events(); }

std::uint64_t PatternSimulation::requests() const { return model_->requests(); }

}  // namespace faultline::engine
