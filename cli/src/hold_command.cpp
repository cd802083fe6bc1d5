#include "faultline/cli/hold_command.hpp"

#include <chrono>
#include <cmath>
#include <memory>
#include <ostream>

#include "faultline/engine/kernel/simulation.hpp"

namespace faultline::cli {
namespace {

struct HoldModel {
  engine::Simulation sim;
  engine::RandomStream rng;
  std::uint64_t remaining = 0;

  explicit HoldModel(std::uint64_t seed) : sim(seed, 0), rng(sim.stream("hold")) {}

  engine::SimDuration draw() { return engine::from_seconds(rng.exponential(1.0)); }

  void fire() {
    sim.schedule_after(draw(), [this] { fire(); });
    if (--remaining == 0) sim.stop();
  }
};

}  // namespace

HoldResult run_hold_model(const HoldOptions& options) {
  auto model = std::make_unique<HoldModel>(options.seed);
  model->sim.reserve(options.pending + 1);
  for (std::uint64_t i = 0; i < options.pending; ++i) {
    model->sim.schedule_after(model->draw(), [m = model.get()] { m->fire(); });
  }
  model->remaining = options.pending;  // warm-up
  if (model->remaining > 0) model->sim.run();
  model->remaining = options.events;
  const auto start = std::chrono::steady_clock::now();
  const std::uint64_t ran = options.events > 0 ? model->sim.run() : 0;
  const auto stop = std::chrono::steady_clock::now();
  return HoldResult{ran, engine::to_seconds(model->sim.now()), std::chrono::duration<double>(stop - start).count()};
}

void add_hold_command(CLI::App& app, std::ostream& out, ExitCode& exit_code) {
  auto options = std::make_shared<HoldOptions>();
  CLI::App* cmd = app.add_subcommand(
      "hold",
      "Run the hold model on the event kernel (N pending events, Exp(1 s) increments) and report events per second");
  cmd->add_option("-n,--pending", options->pending, "events kept pending")->check(CLI::Range(1, 10000000));
  cmd->add_option("-e,--events", options->events, "events measured after a warm-up of N events")
      ->check(CLI::Range(1, 2000000000));
  cmd->add_option("--seed", options->seed, "master seed");
  cmd->callback([options, &out, &exit_code] {
    const HoldResult r = run_hold_model(*options);
    const double rate = r.wall_s > 0 ? static_cast<double>(r.events) / r.wall_s : 0.0;
    out << "hold model: N=" << options->pending << " pending, " << r.events << " events, seed " << options->seed
        << "\n  simulated time reached: " << r.simulated_s << " s"
        << "\n  kernel speed:           " << static_cast<double>(std::lround(rate / 1e3)) / 1e3 << " M events/s (wall "
        << r.wall_s << " s)\n";
    exit_code = ExitCode::kOk;
  });
}

}  // namespace faultline::cli
