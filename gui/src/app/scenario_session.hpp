#pragma once
// The open scenario, its what-if copy and the latest result with the models the
// views draw from it. No ImGui here.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/run_result.hpp"
#include "faultline/engine/model/scenario.hpp"
#include "faultline/gui/comparison_model.hpp"
#include "faultline/gui/event_log_model.hpp"
#include "faultline/gui/topology_layout.hpp"

namespace faultline::gui {

/// One scenario file and what the GUI knows about it.
class ScenarioSession {
 public:
  /// Loads `path`; on success replaces everything (result cleared), on failure keeps the
  /// current scenario and records the loader's messages. Returns true on success.
  bool open(const std::string& path);
  /// True once a scenario has been opened.
  [[nodiscard]] bool has_scenario() const { return loaded_.has_value(); }
  /// The scenario as loaded from its file (valid when has_scenario()).
  [[nodiscard]] const engine::Scenario& loaded() const { return *loaded_; }
  /// The what-if copy that runs use (valid when has_scenario()).
  engine::Scenario& edited() { return *edited_; }
  /// Forgets every what-if edit.
  void reset_edits() {
    edited_ = loaded_;
    has_edits_ = false;
  }
  /// Records that the what-if copy differs from the file.
  void mark_edited() { has_edits_ = true; }
  /// True when the what-if copy may differ from the file.
  [[nodiscard]] bool has_edits() const { return has_edits_; }
  /// Path given to open().
  [[nodiscard]] const std::string& path() const { return path_; }
  /// The last open()'s or run's problems, one per line; empty when none.
  [[nodiscard]] const std::string& errors() const { return errors_; }
  /// Sets the problems text shown to the user.
  void set_errors(std::string errors) { errors_ = std::move(errors); }
  /// The inputs[] of a run (scenario and topology paths with their SHA-256; with what-if
  /// edits the scenario's path is followed by " (what-if edits)"); throws std::runtime_error.
  [[nodiscard]] std::vector<engine::InputFile> inputs() const;

  /// Installs a finished run of `scenario` (the what-if copy it ran on) and rebuilds the models.
  void set_result(engine::Scenario scenario, engine::RunResult result);
  /// True once a run finished.
  [[nodiscard]] bool has_result() const { return result_.has_value(); }
  /// The latest result (valid when has_result()).
  [[nodiscard]] const engine::RunResult& result() const { return *result_; }
  /// The scenario the latest result was computed from (valid when has_result()).
  [[nodiscard]] const engine::Scenario& result_scenario() const { return *result_scenario_; }
  /// Comparison rows of the latest result.
  [[nodiscard]] const std::vector<ComparisonRow>& rows() const { return rows_; }
  /// RPO per data store across the patterns of the latest result.
  [[nodiscard]] const std::vector<StoreRow>& store_rows() const { return store_rows_; }
  /// Event log of the latest result.
  [[nodiscard]] const std::vector<EventLogEntry>& log() const { return log_; }
  /// Layout of the loaded topology (valid when has_scenario()).
  [[nodiscard]] const TopologyLayout& layout() const { return *layout_; }
  /// Run length of the latest result's scenario (else the loaded one), s.
  [[nodiscard]] double run_end_s() const;

 private:
  std::string path_;
  std::string errors_;
  bool has_edits_ = false;
  std::optional<engine::Scenario> loaded_;
  std::optional<engine::Scenario> edited_;
  std::unique_ptr<TopologyLayout> layout_;
  std::optional<engine::Scenario> result_scenario_;
  std::optional<engine::RunResult> result_;
  std::vector<ComparisonRow> rows_;
  std::vector<StoreRow> store_rows_;
  std::vector<EventLogEntry> log_;
};

}  // namespace faultline::gui
