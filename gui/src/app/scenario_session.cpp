#include "scenario_session.hpp"

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/base/file_digest.hpp"

namespace faultline::gui {

bool ScenarioSession::open(const std::string& path) {
  engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(path);
  if (!loaded.scenario) {
    errors_ = loaded.error_report();
    return false;
  }
  path_ = path;
  errors_.clear();
  loaded_ = std::move(loaded.scenario);
  edited_ = loaded_;
  has_edits_ = false;
  layout_ = std::make_unique<TopologyLayout>(*loaded_->topology);
  result_.reset();
  result_scenario_.reset();
  rows_.clear();
  store_rows_.clear();
  log_.clear();
  return true;
}

std::vector<engine::InputFile> ScenarioSession::inputs() const {
  std::vector<engine::InputFile> inputs{
      {"scenario", has_edits_ ? path_ + " (what-if edits)" : path_, base::sha256_file(path_)}};
  if (loaded_ && !loaded_->topology_file.empty()) {
    inputs.push_back({"topology", loaded_->topology_file, base::sha256_file(loaded_->topology_file)});
  }
  return inputs;
}

void ScenarioSession::set_result(engine::Scenario scenario, engine::RunResult result) {
  rows_ = build_comparison(result);
  store_rows_ = build_store_rows(result, scenario.targets.rpo_s);
  log_ = build_event_log(scenario, result);
  result_scenario_ = std::move(scenario);
  result_ = std::move(result);
}

double ScenarioSession::run_end_s() const {
  if (result_scenario_) return engine::to_seconds(result_scenario_->duration);
  return loaded_ ? engine::to_seconds(loaded_->duration) : 1.0;
}

}  // namespace faultline::gui
