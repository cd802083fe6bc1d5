#include "app.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "faultline/base/atomic_write.hpp"
#include "faultline/gui/view_state_json.hpp"
#include "faultline/contract/result_reader.hpp"

namespace faultline::gui {
namespace {

// First fault's start, the most telling instant of a drill; 0 without faults.
double default_cursor(const engine::Scenario& scenario) {
  return scenario.faults.empty() ? 0.0 : engine::to_seconds(scenario.faults.front().start);
}

}  // namespace

App::App(GuiOptions options, AppEnvironment environment)
    : options_(std::move(options)),
      environment_(std::move(environment)),
      // Headless runs (tests, screenshots) neither read nor write the user's files.
      recent_(options_.is_headless() || environment_.config_dir.empty() ? std::filesystem::path()
                                                                        : environment_.config_dir / "recent-files") {
  recent_.load();
  if (!options_.is_headless() && !environment_.config_dir.empty()) layout_file_ = environment_.config_dir / "imgui.ini";
}

App::~App() { close_window(); }

int App::run() {
  if (!options_.scenario.empty() && !session_.open(options_.scenario) && options_.is_headless()) {
    std::cerr << session_.errors() << "faultline-gui: the scenario has problems; nothing was simulated\n";
    return 2;
  }
  if (!load_planner_documents() && options_.is_headless()) return 2;
  std::string error;
  if (!open_window(error)) {
    std::cerr << "faultline-gui: " << error << "\n";
    return 2;
  }
  if (session_.has_scenario()) {
    if (const std::string e = recent_.add(std::filesystem::absolute(session_.path()).string()); !e.empty()) status_ = e;
    cursor_s_ = options_.cursor_s.value_or(default_cursor(session_.loaded()));
    if (options_.result.empty()) {
      start_run();
    } else if (const std::string problem = show_result_file(); !problem.empty()) {
      session_.set_errors(problem + "\n");
      if (options_.is_headless()) {
        close_window();
        std::cerr << "faultline-gui: " << problem << "\n";
        return 2;
      }
    }
  } else if (!planner_.is_empty() && options_.is_headless()) {
    frames_since_result_ = 0;  // nothing to simulate: the documents are ready
  }
  while (!glfwWindowShouldClose(window_) && !is_quit_requested_ && !is_headless_done_) {
    if (options_.is_headless() || worker_.is_running()) {
      glfwPollEvents();
    } else {
      glfwWaitEventsTimeout(0.25);  // idle: no busy loop, still redraws for hover effects
    }
    frame();
  }
  if (!layout_file_.empty()) ImGui::GetIO().WantSaveIniSettings = true;
  save_layout_if_wanted();
  close_window();
  return exit_code_;
}

bool App::load_planner_documents() {
  for (const std::string* path : {&options_.mc, &options_.plan}) {
    if (path->empty()) continue;
    if (const std::string e = load_planner_file(*path, planner_); !e.empty()) {
      std::cerr << "faultline-gui: " << e << "\n";
      session_.set_errors(e + "\n");
      return false;
    }
  }
  return true;
}

bool App::open_window(std::string& error) {
  if (glfwInit() == GLFW_FALSE) {
    const char* description = nullptr;
    glfwGetError(&description);
    error = std::string("cannot open a window: ") + (description != nullptr ? description : "GLFW could not start") +
            " (no display? run inside a desktop session, or under xvfb-run)";
    return false;
  }
  is_glfw_initialised_ = true;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  window_ = glfwCreateWindow(options_.width, options_.height, "faultline", nullptr, nullptr);
  if (window_ == nullptr) {
    const char* description = nullptr;
    glfwGetError(&description);
    error =
        std::string("cannot create an OpenGL 3.3 window: ") + (description != nullptr ? description : "unknown reason");
    return false;
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(options_.is_headless() ? 0 : 1);
  glfwSetWindowUserPointer(window_, this);
  glfwSetWindowContentScaleCallback(window_, [](GLFWwindow* w, float x, float y) {
    static_cast<App*>(glfwGetWindowUserPointer(w))->pending_scale_ = std::max(x, y);
  });

  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(imgui_);
  ImGuiIO& io = ImGui::GetIO();
  // ImGui would write imgui.ini into the working folder, and not atomically: we load and save it ourselves.
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // Headless frames must not depend on where the pointer happens to be (hover, tooltips).
  if (options_.is_headless()) io.ConfigFlags |= ImGuiConfigFlags_NoMouse;
  if (!layout_file_.empty()) {
    std::ifstream in(layout_file_);
    std::stringstream text;
    text << in.rdbuf();
    const std::string ini = text.str();
    if (!ini.empty()) ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());
  }
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  is_backend_initialised_ = true;
  float x = 1.0F;
  float y = 1.0F;
  glfwGetWindowContentScale(window_, &x, &y);
  apply_scale(options_.scale ? static_cast<float>(*options_.scale) : std::max(1.0F, std::max(x, y)));
  return true;
}

void App::close_window() {
  if (is_backend_initialised_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    is_backend_initialised_ = false;
  }
  if (imgui_ != nullptr) {
    ImGui::DestroyContext(imgui_);
    imgui_ = nullptr;
  }
  if (window_ != nullptr) {
    glfwDestroyWindow(window_);
    window_ = nullptr;
  }
  if (is_glfw_initialised_) {
    glfwTerminate();
    is_glfw_initialised_ = false;
  }
}

void App::apply_scale(float scale) {
  scale_ = scale;
  pending_scale_ = 0.0F;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig font;
  font.SizePixels = std::round(13.0F * scale);
  io.Fonts->AddFontDefault(&font);
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 4.0F;
  style.FrameRounding = 3.0F;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
  // The backend builds the font texture at its first frame; after that, rebuild it here.
  if (has_drawn_frame_) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void App::frame() {
  if (pending_scale_ > 0.0F && !options_.scale && pending_scale_ != scale_) apply_scale(pending_scale_);
  poll_worker();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  handle_shortcuts();
  draw_menu_bar();
  draw_views();
  draw_problems();
  if (const auto path = open_browser_.draw(scale_)) open_scenario(path->string());
  if (auto path = export_browser_.draw(scale_)) {
    const ExportFormat format = export_format_of_path(*path).value_or(export_format_);
    if (path->extension().empty()) *path += extension(format);
    try {
      export_result(session_.result(), format, *path);
      status_ = "exported " + path->string();
    } catch (const std::exception& e) {
      session_.set_errors(std::string("export failed: ") + e.what() + "\n");
    }
  }
  ImGui::Render();
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.08F, 0.09F, 0.11F, 1.0F);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (options_.is_headless() && frames_since_result_ >= 0 && ++frames_since_result_ >= options_.frames) {
    exit_code_ = finish_headless();  // reads the back buffer, so before the swap
    is_headless_done_ = true;
  }
  glfwSwapBuffers(window_);
  has_drawn_frame_ = true;
  save_layout_if_wanted();
  if (is_run_requested_) start_run();
}

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || open_browser_.is_open() || export_browser_.is_open()) return;
  if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) {
    const std::filesystem::path folder =
        session_.has_scenario() ? std::filesystem::absolute(session_.path()).parent_path() : std::filesystem::path();
    open_browser_.open("Open scenario", FileBrowser::Mode::kOpen, folder, {".json"});
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) is_run_requested_ = true;
  if (ImGui::IsKeyPressed(GLFW_KEY_E, false)) begin_export();
  if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) is_quit_requested_ = true;
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open scenario...", "Ctrl+O")) {
      open_browser_.open("Open scenario, mc or plan", FileBrowser::Mode::kOpen, std::filesystem::path(), {".json"});
    }
    if (ImGui::BeginMenu("Open recent", !recent_.items().empty())) {
      for (const std::string& file : recent_.items()) {
        if (ImGui::MenuItem(file.c_str())) open_scenario(file);
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::BeginMenu("Export as", session_.has_result())) {
      for (ExportFormat f : kExportFormats) {
        if (ImGui::MenuItem(display_name(f), nullptr, false, is_export_available(f))) {
          export_format_ = f;
          begin_export();
        }
        if (!is_export_available(f) && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
          ImGui::SetTooltip("arrives with the reports module's writers");
        }
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Export...", "Ctrl+E", false, session_.has_result())) begin_export();
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) is_quit_requested_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Run")) {
    if (ImGui::MenuItem("Run", "Ctrl+R", false, session_.has_scenario())) is_run_requested_ = true;
    if (ImGui::MenuItem("Cancel run", nullptr, false, worker_.is_running())) worker_.cancel();
    if (ImGui::MenuItem("Reset what-if edits", nullptr, false, session_.has_edits())) {
      session_.reset_edits();
      is_run_requested_ = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View", options_.view == ViewMode::kAll)) {
    ImGui::MenuItem("Comparison", nullptr, &show_comparison_);
    ImGui::MenuItem("Timeline", nullptr, &show_timeline_);
    ImGui::MenuItem("Topology", nullptr, &show_topology_);
    ImGui::MenuItem("Event log", nullptr, &show_events_);
    ImGui::MenuItem("What-if", nullptr, &show_what_if_);
    ImGui::MenuItem("Planner", nullptr, &show_planner_, !planner_.is_empty());
    ImGui::EndMenu();
  }
  ImGui::Separator();
  if (session_.has_scenario()) {
    ImGui::TextDisabled("%s%s", session_.path().c_str(), session_.has_edits() ? " (what-if edits)" : "");
  }
  if (worker_.is_running()) {
    char label[32];
    std::snprintf(label, sizeof label, "simulating %.0f%%", worker_.progress() * 100.0);
    ImGui::ProgressBar(static_cast<float>(worker_.progress()), ImVec2(220.0F * scale_, 0.0F), label);
  } else if (!status_.empty()) {
    ImGui::TextDisabled("| %s", status_.c_str());
  }
  ImGui::EndMainMenuBar();
}

void App::draw_views() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 pos = viewport->WorkPos;
  const ImVec2 size = viewport->WorkSize;
  ViewContext context{session_, cursor_s_, selected_pattern_, scale_};
  // Headless runs always use the default layout so screenshots do not depend on a saved one.
  const ImGuiCond cond = options_.is_headless() ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
  auto place = [&](float x, float y, float w, float h, ImGuiCond c) {
    ImGui::SetNextWindowPos(ImVec2(pos.x + x * size.x, pos.y + y * size.y), c);
    ImGui::SetNextWindowSize(ImVec2(w * size.x, h * size.y), c);
  };
  // Planner documents without a scenario: the Planner view fills the window alone.
  const bool has_run_views = session_.has_scenario() || planner_.is_empty();
  if (options_.view == ViewMode::kAll && has_run_views) {
    if (show_comparison_) {
      place(0.0F, 0.0F, 0.6F, 0.26F, cond);
      if (ImGui::Begin("Comparison", &show_comparison_)) comparison_view_.draw(context);
      ImGui::End();
    }
    if (show_timeline_) {
      place(0.0F, 0.26F, 0.6F, 0.74F, cond);
      if (ImGui::Begin("Timeline", &show_timeline_)) timeline_view_.draw(context);
      ImGui::End();
    }
    if (show_topology_) {
      place(0.6F, 0.0F, 0.4F, 0.46F, cond);
      if (ImGui::Begin("Topology", &show_topology_)) topology_view_.draw(context);
      ImGui::End();
    }
    if (show_events_) {
      place(0.6F, 0.46F, 0.4F, 0.24F, cond);
      if (ImGui::Begin("Event log", &show_events_)) event_log_view_.draw(context);
      ImGui::End();
    }
    if (show_what_if_) {
      place(0.6F, 0.70F, 0.4F, 0.30F, cond);
      if (ImGui::Begin("What-if", &show_what_if_))
        what_if_view_.draw(context, worker_.is_running(), worker_.progress());
      ImGui::End();
    }
  }
  if (options_.view == ViewMode::kAll && !planner_.is_empty() && show_planner_) {
    // Over the timeline when a scenario is open too (movable), else the whole window.
    if (has_run_views) {
      place(0.0F, 0.26F, 0.6F, 0.74F, cond);
    } else {
      place(0.0F, 0.0F, 1.0F, 1.0F, cond);
    }
    ImGui::SetNextWindowBgAlpha(1.0F);  // it may lie over the timeline: do not let the timeline show through
    if (ImGui::Begin("Planner", &show_planner_)) planner_view_.draw(planner_, scale_);
    ImGui::End();
  } else if (options_.view != ViewMode::kAll) {
    place(0.0F, 0.0F, 1.0F, 1.0F, ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin((std::string(to_string(options_.view)) + "##single").c_str(), nullptr, flags)) {
      draw_single_view(context);
    }
    ImGui::End();
  }
  if (context.is_run_requested) is_run_requested_ = true;
}

void App::draw_single_view(ViewContext& context) {
  switch (options_.view) {
    case ViewMode::kComparison:
      comparison_view_.draw(context);
      break;
    case ViewMode::kTimeline:
      timeline_view_.draw(context);
      break;
    case ViewMode::kTopology:
      topology_view_.draw(context);
      break;
    case ViewMode::kEvents:
      event_log_view_.draw(context);
      break;
    case ViewMode::kWhatIf:
      what_if_view_.draw(context, worker_.is_running(), worker_.progress());
      break;
    case ViewMode::kPlanner:
      planner_view_.draw(planner_, scale_);
      break;
    case ViewMode::kAll:
      break;
  }
}

void App::draw_problems() {
  if (session_.errors().empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5F, viewport->WorkPos.y + viewport->WorkSize.y * 0.5F),
      ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
  ImGui::SetNextWindowSize(ImVec2(720.0F * scale_, 0.0F), ImGuiCond_Appearing);
  bool is_open = true;
  if (ImGui::Begin("Problems", &is_open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 110, 255));
    ImGui::TextWrapped("%s", session_.errors().c_str());
    ImGui::PopStyleColor();
    if (ImGui::Button("Dismiss")) is_open = false;
  }
  ImGui::End();
  if (!is_open) session_.set_errors("");
}

void App::start_run() {
  is_run_requested_ = false;
  if (!session_.has_scenario()) {
    status_ = "open a scenario first (Ctrl+O)";
    return;
  }
  if (const std::string error = find_what_if_error(session_.edited()); !error.empty()) {
    session_.set_errors("cannot run: " + error + "\n");
    return;
  }
  std::vector<engine::InputFile> inputs;
  try {
    inputs = session_.inputs();
  } catch (const std::exception& e) {
    session_.set_errors(std::string("cannot run: ") + e.what() + "\n");
    return;
  }
  running_scenario_ = session_.edited();
  // The engine expects faults sorted by start; a what-if edit may have reordered them.
  std::stable_sort(running_scenario_.faults.begin(), running_scenario_.faults.end(),
                   [](const engine::FaultSpec& a, const engine::FaultSpec& b) { return a.start < b.start; });
  worker_.start(running_scenario_, std::move(inputs), environment_.version,
                std::max(1U, std::thread::hardware_concurrency()));
  status_.clear();
}

void App::poll_worker() {
  std::optional<RunOutcome> outcome = worker_.take_finished();
  if (!outcome) return;
  if (outcome->result) {
    const std::size_t patterns = outcome->result->patterns.size();
    session_.set_result(running_scenario_, std::move(*outcome->result));
    selected_pattern_ = patterns == 0 ? 0 : std::min(selected_pattern_, patterns - 1);
    cursor_s_ = std::clamp(cursor_s_, 0.0, session_.run_end_s());
    status_ = "run finished";
    if (options_.is_headless()) frames_since_result_ = 0;
  } else if (outcome->is_cancelled) {
    status_ = "run cancelled";
  } else {
    session_.set_errors("the run failed: " + outcome->error + "\n");
    if (options_.is_headless()) {
      std::cerr << "faultline-gui: the run failed: " << outcome->error << "\n";
      exit_code_ = 2;
      is_headless_done_ = true;
    }
  }
}

std::string App::show_result_file() {
  engine::RunResult result;
  try {
    result = contract::read_result_file(options_.result);
  } catch (const std::exception& e) {
    return e.what();
  }
  const auto& specs = session_.loaded().patterns;
  bool is_same = specs.size() == result.patterns.size();
  for (std::size_t i = 0; is_same && i < specs.size(); ++i) is_same = specs[i].name == result.patterns[i].name;
  if (!is_same) {
    return options_.result + ": its patterns are not those of " + session_.path() +
           " (allowed: a result of that scenario, e.g. from faultline run --json)";
  }
  session_.set_result(session_.loaded(), std::move(result));
  status_ = "showing " + options_.result;
  if (options_.is_headless()) frames_since_result_ = 0;
  return {};
}

void App::open_scenario(const std::string& path) {
  // The open dialog also takes faultline mc / plan documents: they go to the Planner view.
  if (!planner_schema_of_file(path).empty()) {
    if (const std::string e = load_planner_file(path, planner_); !e.empty()) {
      session_.set_errors(e + "\n");
      return;
    }
    show_planner_ = true;
    status_ = "opened " + path + " in the Planner view";
    return;
  }
  if (!session_.open(path)) return;  // the Problems window shows why; the previous scenario stays
  if (const std::string e = recent_.add(std::filesystem::absolute(path).string()); !e.empty()) status_ = e;
  selected_pattern_ = 0;
  cursor_s_ = default_cursor(session_.loaded());
  start_run();
}

void App::begin_export() {
  if (!session_.has_result()) {
    status_ = "nothing to export yet: run a scenario first";
    return;
  }
  if (!is_export_available(export_format_)) export_format_ = ExportFormat::kJson;
  const std::filesystem::path scenario(session_.path());
  export_browser_.open(std::string("Export ") + display_name(export_format_), FileBrowser::Mode::kSave,
                       std::filesystem::absolute(scenario).parent_path(), {extension(export_format_)},
                       scenario.stem().string() + "-result" + extension(export_format_));
}

void App::save_layout_if_wanted() {
  if (layout_file_.empty() || imgui_ == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  if (!io.WantSaveIniSettings) return;
  io.WantSaveIniSettings = false;
  std::size_t size = 0;
  const char* text = ImGui::SaveIniSettingsToMemory(&size);
  try {
    std::filesystem::create_directories(layout_file_.parent_path());
    base::write_file_atomically(layout_file_, std::string_view(text, size));
  } catch (const std::exception& e) {
    status_ = std::string("layout not saved: ") + e.what();
  }
}

PngImage App::read_framebuffer() const {
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  PngImage image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // The window is opaque: blending leaves arbitrary alpha in the framebuffer.
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
  return flip_rows(image);
}

int App::finish_headless() {
  try {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    if (!options_.screenshot.empty()) write_png(options_.screenshot, read_framebuffer());
    if (!options_.dump_state.empty()) {
      ViewStateInfo info;
      info.scenario_file = session_.path();
      if (session_.has_scenario()) info.scenario_name = session_.loaded().name;  // planner documents alone: none
      info.view = to_string(options_.view);
      info.cursor_s = cursor_s_;
      info.frames = frames_since_result_;
      info.framebuffer_width = width;
      info.framebuffer_height = height;
      std::vector<CursorState> cursor;
      if (session_.has_result()) {
        for (const engine::PatternResult& p : session_.result().patterns) {
          cursor.push_back(cursor_state(session_.result_scenario(), p, cursor_s_));
        }
      }
      base::write_file_atomically(options_.dump_state,
                                  to_state_json(info, session_.rows(), cursor, session_.store_rows(), &planner_));
    }
  } catch (const std::exception& e) {
    std::cerr << "faultline-gui: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace faultline::gui
