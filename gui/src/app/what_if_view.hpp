#pragma once
// What-if view: edits any parameter of the scenario's what-if copy (patterns,
// their routers, data store replication and runbook steps, faults, recovery
// and SLO settings) and asks for a re-run.

#include <string>

#include "view_context.hpp"

namespace faultline::gui {

/// Draws the editor into the current ImGui window.
class WhatIfView {
 public:
  /// Draws one frame; sets context.is_run_requested when an edit is committed (auto re-run) or Run is pressed.
  void draw(ViewContext& context, bool is_running, double progress);

 private:
  bool is_auto_run_ = true;
  std::string runbook_error_;  ///< the last refused runbook edit's reason; empty when none
};

/// The first invalid value of `scenario` as edited (router sections, fault times), or empty when valid.
std::string find_what_if_error(const engine::Scenario& scenario);

}  // namespace faultline::gui
