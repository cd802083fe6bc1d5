#pragma once
// The faultline-gui command line.

#include <optional>
#include <string>
#include <vector>

namespace faultline::gui {

/// Which views the window shows: all of them in the default layout, or one filling the window.
enum class ViewMode { kAll, kComparison, kTimeline, kTopology, kEvents, kWhatIf, kPlanner };

/// Spelling on the command line ("all", "comparison", "timeline", "topology", "events", "what-if", "planner").
const char* to_string(ViewMode mode);

/// Parsed options.
struct GuiOptions {
  std::string scenario;    ///< scenario file to open; empty = none
  std::string mc;          ///< faultline.mc/v1 document for the planner view; empty = none
  std::string plan;        ///< faultline.plan/v1 document for the planner view; empty = none
  std::string screenshot;  ///< PNG to write after the run and `frames` frames; empty = none
  std::string dump_state;  ///< view-model JSON to write likewise; empty = none
  std::string result;      ///< faultline.result/v1 file of `scenario` shown instead of a first run; empty = run
  int frames = 3;          ///< frames rendered after the run completed, before writing
  ViewMode view = ViewMode::kAll;
  std::optional<double> cursor_s;  ///< initial time cursor, s; default: the first fault's start
  int width = 1600;                ///< window size in screen coordinates (before content scaling)
  int height = 1000;
  std::optional<double> scale;  ///< UI scale; default: the monitor's content scale
  /// True when the app renders, writes its files and exits without waiting for the user.
  [[nodiscard]] bool is_headless() const { return !screenshot.empty() || !dump_state.empty(); }
};

/// Parse outcome: options, or an exit code and the text to print (help: 0 on stdout; error: 2 on stderr).
struct GuiOptionsParse {
  std::optional<GuiOptions> options;
  int exit_code = 0;
  std::string message;
  bool is_error = false;
};

/// Parses argv (CLI11); never exits the process.
GuiOptionsParse parse_gui_options(int argc, const char* const* argv);

}  // namespace faultline::gui
