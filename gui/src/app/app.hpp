#pragma once
// The faultline-gui application: owns the GLFW window, the Dear ImGui context
// (created here, passed to nobody implicitly: ImGui's current-context pointer is
// set to ours while we run), the views, the run worker and the session.

#include <filesystem>
#include <optional>
#include <string>

#include "comparison_view.hpp"
#include "event_log_view.hpp"
#include "faultline/gui/export_format.hpp"
#include "faultline/gui/png_image.hpp"
#include "faultline/gui/recent_files.hpp"
#include "faultline/gui/run_worker.hpp"
#include "file_browser.hpp"
#include "gui_options.hpp"
#include "planner_view.hpp"
#include "scenario_session.hpp"
#include "timeline_view.hpp"
#include "topology_view.hpp"
#include "what_if_view.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace faultline::gui {

/// Per-user places and the version string, resolved by main() from the environment.
struct AppEnvironment {
  std::filesystem::path config_dir;  ///< empty: keep nothing between sessions
  std::string version;               ///< "0.1.0 (git abc)", copied into results
};

/// One window. Construct, then run().
class App {
 public:
  App(GuiOptions options, AppEnvironment environment);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// Opens the scenario and the window and runs until closed (interactive) or until the
  /// screenshot and state are written (headless). Returns the process exit code (0 or 2).
  int run();

 private:
  bool open_window(std::string& error);
  void close_window();
  void apply_scale(float scale);
  void frame();
  void draw_menu_bar();
  void draw_views();
  // The one view of a --view run, filling the window.
  void draw_single_view(ViewContext& context);
  void draw_problems();
  void handle_shortcuts();
  void start_run();
  void poll_worker();
  void open_scenario(const std::string& path);
  // Installs --result's file as the opened scenario's result instead of a first run; returns the problem or "".
  std::string show_result_file();
  bool load_planner_documents();
  void begin_export();
  void save_layout_if_wanted();
  PngImage read_framebuffer() const;
  int finish_headless();

  GuiOptions options_;
  AppEnvironment environment_;
  ScenarioSession session_;
  RunWorker worker_;
  RecentFiles recent_;
  ComparisonView comparison_view_;
  TimelineView timeline_view_;
  TopologyView topology_view_;
  EventLogView event_log_view_;
  WhatIfView what_if_view_;
  PlannerDocuments planner_;
  PlannerView planner_view_;
  FileBrowser open_browser_;
  FileBrowser export_browser_;
  ExportFormat export_format_ = ExportFormat::kJson;

  GLFWwindow* window_ = nullptr;
  ImGuiContext* imgui_ = nullptr;
  bool is_glfw_initialised_ = false;
  bool is_backend_initialised_ = false;
  bool has_drawn_frame_ = false;
  float scale_ = 1.0F;
  float pending_scale_ = 0.0F;  // set by the content-scale callback, applied at the next frame
  std::filesystem::path layout_file_;

  double cursor_s_ = 0.0;
  std::size_t selected_pattern_ = 0;
  engine::Scenario running_scenario_;  // the what-if copy the latest run simulates
  std::string status_;
  bool is_run_requested_ = false;
  bool is_quit_requested_ = false;
  int frames_since_result_ = -1;  // headless: frames rendered since the run finished
  int exit_code_ = 0;
  bool is_headless_done_ = false;
  bool show_comparison_ = true;
  bool show_timeline_ = true;
  bool show_topology_ = true;
  bool show_events_ = true;
  bool show_what_if_ = true;
  bool show_planner_ = true;
};

}  // namespace faultline::gui
