#include "what_if_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "faultline/gui/event_log_model.hpp"
#include "faultline/gui/what_if_edits.hpp"
#include "faultline/topology/replication_mode.hpp"
#include "faultline/router/router_config.hpp"

namespace faultline::gui {
namespace {

// Each editor returns true when an edit was committed (the widget was released after a change).
bool committed() { return ImGui::IsItemDeactivatedAfterEdit(); }

bool edit_double(const char* label, double& value, double lo, double hi, const char* format, float speed) {
  ImGui::DragScalar(label, ImGuiDataType_Double, &value, speed, &lo, &hi, format, ImGuiSliderFlags_AlwaysClamp);
  return committed();
}

bool edit_int(const char* label, std::int64_t& value, std::int64_t lo, std::int64_t hi) {
  ImGui::DragScalar(label, ImGuiDataType_S64, &value, 0.2F, &lo, &hi, "%lld", ImGuiSliderFlags_AlwaysClamp);
  return committed();
}

// A duration edited in seconds (to the microsecond).
template <typename Duration>
bool edit_seconds(const char* label, Duration& value, double lo, double hi) {
  double s = engine::to_seconds(std::chrono::duration_cast<engine::SimDuration>(value));
  const bool is_done = edit_double(label, s, lo, hi, "%.1f s", 1.0F);
  value = std::chrono::duration_cast<Duration>(engine::from_seconds(s));
  return is_done;
}

// An optional router section: a checkbox turns it on (with defaults) or off.
template <typename Section>
bool section_toggle(const char* label, std::optional<Section>& section) {
  bool is_on = section.has_value();
  if (ImGui::Checkbox(label, &is_on)) {
    if (is_on) {
      section.emplace();
    } else {
      section.reset();
    }
    return true;
  }
  return false;
}

bool edit_router(router::RouterConfig& r) {
  bool is_changed = false;
  if (ImGui::TreeNode("endpoints")) {
    for (std::size_t i = 0; i < r.endpoints.size(); ++i) {
      router::EndpointConfig& e = r.endpoints[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TextUnformatted(e.name.c_str());
      if (ImGui::Checkbox("enabled", &e.is_enabled)) is_changed = true;
      is_changed |= edit_int("priority", e.priority, 1, 5);
      is_changed |= edit_int("weight", e.weight, 1, 1000);
      ImGui::PopID();
    }
    ImGui::TreePop();
  }
  is_changed |= section_toggle("health probes", r.probe);
  if (r.probe) {
    ImGui::Indent();
    is_changed |= edit_seconds("probe interval", r.probe->interval, 1, 3600);
    is_changed |= edit_int("sample size n", r.probe->sample_size, 1, 100);
    is_changed |= edit_int("successful samples x", r.probe->successful_samples_required, 1, 100);
    is_changed |= edit_seconds("probe timeout", r.probe->timeout, 0.001, 600);
    ImGui::Unindent();
  }
  is_changed |= section_toggle("circuit breaker", r.breaker);
  if (r.breaker) {
    ImGui::Indent();
    int window = r.breaker->window_type == router::WindowType::kCount ? 0 : 1;
    if (ImGui::Combo("window type", &window, "count\0time\0")) {
      r.breaker->window_type = window == 0 ? router::WindowType::kCount : router::WindowType::kTime;
      is_changed = true;
    }
    is_changed |= edit_int("window size", r.breaker->window_size, 1, 100000);
    is_changed |= edit_int("minimum calls", r.breaker->minimum_calls, 1, 100000);
    is_changed |= edit_double("failure rate threshold", r.breaker->failure_rate_threshold, 1, 100, "%.0f %%", 0.5F);
    is_changed |= edit_seconds("slow call duration", r.breaker->slow_call_duration, 0.001, 3600);
    is_changed |= edit_double("slow call rate threshold", r.breaker->slow_call_rate_threshold, 1, 100, "%.0f %%", 0.5F);
    is_changed |= edit_seconds("open wait", r.breaker->open_wait, 0.001, 3600);
    is_changed |= edit_double("open wait multiplier", r.breaker->open_wait_multiplier, 1, 10, "%.2f", 0.05F);
    is_changed |= edit_int("half-open calls", r.breaker->half_open_calls, 1, 1000);
    ImGui::Unindent();
  }
  is_changed |= section_toggle("failover controller", r.failover);
  if (r.failover) {
    ImGui::Indent();
    is_changed |= edit_seconds("validate for", r.failover->validate_for, 0, 3600);
    is_changed |= edit_int("failback checks", r.failover->failback_checks, 1, 100);
    is_changed |= edit_seconds("hold-down", r.failover->hold_down, 0, 86400);
    is_changed |= edit_seconds("check interval", r.failover->check_interval, 0.001, 3600);
    ImGui::Unindent();
  }
  is_changed |= section_toggle("retries", r.retry);
  if (r.retry) {
    ImGui::Indent();
    is_changed |= edit_int("max attempts", r.retry->max_attempts, 1, 10);
    is_changed |= edit_double("retry budget", r.retry->budget_percent, 0, 100, "%.0f %%", 0.5F);
    ImGui::Unindent();
  }
  is_changed |= section_toggle("throttling", r.throttle);
  if (r.throttle) {
    ImGui::Indent();
    if (ImGui::Checkbox("honour Retry-After", &r.throttle->is_retry_after_honored)) is_changed = true;
    is_changed |= edit_seconds("default cooldown", r.throttle->default_cooldown, 0, 3600);
    ImGui::Unindent();
  }
  is_changed |= edit_seconds("latency band", r.selection.latency_band, 0, 10);
  int none = r.selection.when_none_healthy == router::WhenNoneHealthy::kSpread ? 0 : 1;
  if (ImGui::Combo("when none healthy", &none, "spread\0fail\0")) {
    r.selection.when_none_healthy = none == 0 ? router::WhenNoneHealthy::kSpread : router::WhenNoneHealthy::kFail;
    is_changed = true;
  }
  return is_changed;
}

// Replication per data store: mode, lag (async), backup interval (backup_restore, scheduled_rebuild).
bool edit_stores(std::map<std::string, engine::StoreReplication>& stores) {
  bool is_changed = false;
  if (stores.empty()) {
    ImGui::TextDisabled("no replicated data store in this pattern");
    return false;
  }
  int id = 0;
  for (auto& [store, r] : stores) {
    ImGui::PushID(id++);
    ImGui::TextUnformatted(store.c_str());
    ImGui::Indent();
    int mode = 0;
    for (std::size_t m = 0; m < kReplicationModes.size(); ++m) {
      if (kReplicationModes[m] == r.mode) mode = static_cast<int>(m);
    }
    if (ImGui::Combo("replication", &mode, "sync\0async\0backup_restore\0scheduled_rebuild\0")) {
      set_replication_mode(r, kReplicationModes[static_cast<std::size_t>(mode)]);
      is_changed = true;
    }
    if (r.mode == topology::ReplicationMode::kAsync) {
      // Written back only when it changed: an untouched lag distribution stays a distribution.
      const double before = replication_lag_s(r);
      double lag = before;
      if (edit_double("replication lag", lag, 0, 7 * 86400.0, "%.3f s", 0.05F)) is_changed = true;
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Mean lag. An edited lag is exact: it replaces a lag distribution.");
      if (lag != before) set_replication_lag_s(r, lag);
      if (const std::string d = describe_replication_lag(r); !d.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", d.c_str());
      }
    }
    if (topology::is_periodic(r.mode)) {
      double interval = backup_interval_s(r);
      if (edit_double("backup interval", interval, 1, 7 * 86400.0, "%.0f s", 10.0F)) is_changed = true;
      set_backup_interval_s(r, interval);
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
  return is_changed;
}

// Runbook steps: duration of one attempt (a constant once edited), failure chance, retries.
// `error` receives Runbook::create's message when a rebuilt runbook is refused.
bool edit_runbook(engine::Runbook& runbook, std::string& error, float scale) {
  if (runbook.empty()) {
    ImGui::TextDisabled("no runbook in this pattern");
    return false;
  }
  bool is_changed = false;
  const std::size_t steps = runbook.steps().size();
  for (std::size_t i = 0; i < steps; ++i) {
    const engine::RunbookStep step = runbook.steps()[i];  // a copy: an edit rebuilds the runbook
    ImGui::PushID(static_cast<int>(i));
    const std::string kind(engine::to_string(step.kind));
    if (kind == step.id) {
      ImGui::TextUnformatted(step.id.c_str());
    } else {
      ImGui::Text("%s (%s)", step.id.c_str(), kind.c_str());
    }
    if (step.duration_s.kind() != engine::Distribution::Kind::kConstant) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", step.duration_s.describe().c_str());
    }
    ImGui::Indent();
    // One line per step: three fields side by side, each a third of the width left after their labels.
    const float field_w = std::max(60.0F * scale, (ImGui::GetContentRegionAvail().x - 330.0F * scale) / 3.0F);
    // Values are written back every frame while dragging (the runbook is rebuilt), committed on release.
    bool is_done = false;
    std::string problem;
    double duration = step_duration_s(step);
    ImGui::SetNextItemWidth(field_w);
    is_done |= edit_double("duration", duration, 0, 7 * 86400.0, "%.1f s", 1.0F);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Mean of one attempt. An edited duration is exact: it replaces the step's distribution.");
    if (duration != step_duration_s(step)) problem = set_step_duration_s(runbook, i, duration);
    double chance = step.failure_chance;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field_w);
    is_done |= edit_double("failure chance", chance, 0, 1, "%.3f", 0.005F);
    if (chance != step.failure_chance && problem.empty()) {
      problem = edit_runbook_step(runbook, i, [&](engine::RunbookStep& edited) { edited.failure_chance = chance; });
    }
    std::int64_t retries = step.retries;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field_w);
    is_done |= edit_int("retries", retries, 0, 20);
    if (retries != step.retries && problem.empty()) {
      problem = edit_runbook_step(runbook, i,
                                  [&](engine::RunbookStep& edited) { edited.retries = static_cast<int>(retries); });
    }
    if (!problem.empty()) error = problem;
    if (is_done && problem.empty()) {
      error.clear();
      is_changed = true;
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
  return is_changed;
}

// Edits pattern `i` under its own header (open for the second pattern); true when an edit was committed.
bool edit_pattern(engine::PatternSpec& p, std::size_t i, std::string& runbook_error, float scale) {
  bool is_changed = false;
  ImGui::PushID(static_cast<int>(i));
  if (ImGui::CollapsingHeader(("pattern " + p.name).c_str(), i == 1 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    ImGui::TextDisabled(p.is_active_active ? "active-active (weighted)" : "primary/secondary (priority)");
    is_changed |= edit_double("standby fraction", p.standby_fraction, 0, 1, "%.2f", 0.01F);
    is_changed |= edit_seconds("trigger delay", p.trigger_delay, 0, 86400);
    is_changed |= edit_seconds("time to capacity", p.time_to_capacity, 0, 86400);
    is_changed |= edit_seconds("warm-up", p.warmup, 0, 86400);
    is_changed |= edit_seconds("cold-cache latency", p.cold_cache_latency, 0, 600);
    if (ImGui::TreeNodeEx("data stores", i == 1 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
      is_changed |= edit_stores(p.stores);
      ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("runbook", i == 1 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
      is_changed |= edit_runbook(p.runbook, runbook_error, scale);
      ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("router", i == 1 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
      is_changed |= edit_router(p.router);
      ImGui::TreePop();
    }
  }
  ImGui::PopID();
  return is_changed;
}

// Edits fault `i` (start within [0, run_duration]) under its own header; true when an edit was committed.
bool edit_fault(engine::FaultSpec& f, std::size_t i, engine::SimDuration run_duration) {
  bool is_changed = false;
  ImGui::PushID(static_cast<int>(1000 + i));
  if (ImGui::CollapsingHeader(("fault " + f.name).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextDisabled("%s on %s", std::string(engine::to_string(f.type)).c_str(), f.target.c_str());
    engine::SimDuration start = f.start.time_since_epoch();
    is_changed |= edit_seconds("start", start, 0, engine::to_seconds(run_duration));
    f.start = engine::SimTime{start};
    bool is_bounded = f.duration.has_value();
    if (ImGui::Checkbox("ends", &is_bounded)) {
      if (is_bounded) {
        f.duration = engine::seconds(3600);
      } else {
        f.duration.reset();
      }
      is_changed = true;
    }
    if (f.duration) {
      ImGui::SameLine();
      is_changed |= edit_seconds("duration##fault", *f.duration, 1, 30 * 86400.0);
    }
    is_changed |= edit_double("fraction", f.fraction, 0, 1, "%.2f", 0.01F);
    is_changed |= edit_double("error rate", f.error_rate, 0, 1, "%.2f", 0.01F);
    is_changed |= edit_seconds("added latency", f.added_latency, 0, 600);
    is_changed |= edit_seconds("Retry-After", f.retry_after, 0, 3600);
  }
  ImGui::PopID();
  return is_changed;
}

// Edits workload `i` under its own (closed) header; true when an edit was committed.
bool edit_workload(engine::WorkloadSpec& w, std::size_t i) {
  bool is_changed = false;
  ImGui::PushID(static_cast<int>(2000 + i));
  if (ImGui::CollapsingHeader(("workload " + w.name).c_str())) {
    is_changed |= edit_double("writes per request", w.writes_per_request, 0, 1000, "%.2f", 0.05F);
    is_changed |= edit_seconds("latency SLO", w.latency_slo, 0.001, 3600);
    is_changed |= edit_seconds("timeout", w.timeout, 0.001, 3600);
  }
  ImGui::PopID();
  return is_changed;
}

}  // namespace

std::string find_what_if_error(const engine::Scenario& scenario) {
  for (const engine::PatternSpec& p : scenario.patterns) {
    if (const auto e = router::find_config_error(p.router)) return p.name + ": router." + e->path + ": " + e->message;
  }
  for (const engine::PatternSpec& p : scenario.patterns) {
    for (const auto& [store, r] : p.stores) {
      if (const std::string e = find_replication_error(r); !e.empty()) return p.name + ": store " + store + ": " + e;
    }
  }
  for (const engine::FaultSpec& f : scenario.faults) {
    if (f.start >= engine::kSimStart + scenario.duration) {
      return f.name + ": start " + format_clock(engine::to_seconds(f.start)) + " is at or after the end of the run (" +
             format_clock(engine::to_seconds(scenario.duration)) + ")";
    }
    if (f.duration && f.duration->count() <= 0) return f.name + ": duration must be > 0 s";
  }
  return {};
}

void WhatIfView::draw(ViewContext& context, bool is_running, double progress) {
  ScenarioSession& session = context.session;
  if (!session.has_scenario()) {
    ImGui::TextDisabled("Open a scenario (Ctrl+O).");
    return;
  }
  engine::Scenario& s = session.edited();
  bool is_changed = false;
  if (ImGui::Button("Run (Ctrl+R)")) context.is_run_requested = true;
  ImGui::SameLine();
  bool is_reset = false;
  if (ImGui::Button("Reset edits")) {
    session.reset_edits();
    runbook_error_.clear();
    is_reset = true;
  }
  ImGui::SameLine();
  ImGui::Checkbox("re-run on every edit", &is_auto_run_);
  if (is_running) {
    ImGui::ProgressBar(static_cast<float>(progress), ImVec2(-1, 0), "simulating");
  }
  const std::string error = find_what_if_error(s);
  if (!error.empty()) ImGui::TextColored(ImVec4(1.0F, 0.4F, 0.4F, 1.0F), "%s", error.c_str());
  if (!runbook_error_.empty())
    ImGui::TextColored(ImVec4(1.0F, 0.4F, 0.4F, 1.0F), "runbook edit refused: %s", runbook_error_.c_str());
  ImGui::Separator();
  ImGui::BeginChild("what-if-parameters");
  ImGui::PushItemWidth(-200.0F * context.scale);
  if (ImGui::CollapsingHeader("run", ImGuiTreeNodeFlags_DefaultOpen)) {
    is_changed |= edit_seconds("duration", s.duration, 60, 30 * 86400.0);
    ImGui::DragScalar("seed", ImGuiDataType_U64, &s.seed, 1.0F);
    is_changed |= committed();
    is_changed |= edit_seconds("recovery window W", s.recovery.window, 1, 3600);
    is_changed |= edit_double("recovery threshold", s.recovery.threshold, 0.5, 1.0, "%.3f", 0.001F);
    is_changed |= edit_double("SLO success ratio", s.slo.success_ratio, 0.5, 1.0, "%.4f", 0.0005F);
  }
  for (std::size_t i = 0; i < s.patterns.size(); ++i)
    is_changed |= edit_pattern(s.patterns[i], i, runbook_error_, context.scale);
  for (std::size_t i = 0; i < s.faults.size(); ++i) is_changed |= edit_fault(s.faults[i], i, s.duration);
  for (std::size_t i = 0; i < s.workloads.size(); ++i) is_changed |= edit_workload(s.workloads[i], i);
  ImGui::PopItemWidth();
  ImGui::EndChild();
  if (is_changed) session.mark_edited();
  if ((is_changed || is_reset) && is_auto_run_ && find_what_if_error(s).empty()) context.is_run_requested = true;
}

}  // namespace faultline::gui
