#include "gui_options.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>

namespace faultline::gui {

const char* to_string(ViewMode mode) {
  switch (mode) {
    case ViewMode::kAll:
      return "all";
    case ViewMode::kComparison:
      return "comparison";
    case ViewMode::kTimeline:
      return "timeline";
    case ViewMode::kTopology:
      return "topology";
    case ViewMode::kEvents:
      return "events";
    case ViewMode::kWhatIf:
      return "what-if";
    case ViewMode::kPlanner:
      return "planner";
  }
  return "all";
}

GuiOptionsParse parse_gui_options(int argc, const char* const* argv) {
  GuiOptions o;
  CLI::App app("faultline-gui: compare failover patterns, watch the outage unfold, ask what-if", "faultline-gui");
  app.add_option("scenario", o.scenario, "scenario file to open (docs/scenarios.md)");
  app.add_option("--mc", o.mc, "faultline mc --json document to show in the Planner view");
  app.add_option("--plan", o.plan, "faultline plan --json document to show in the Planner view");
  app.add_option("--screenshot", o.screenshot,
                 "after the run completes and --frames frames, write the window as PNG and exit");
  app.add_option("--frames", o.frames, "frames to render before --screenshot/--dump-state (default 3)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--dump-state", o.dump_state, "write the view model (faultline.gui-state/v1 JSON) and exit");
  app.add_option("--result", o.result,
                 "show this result of SCENARIO (faultline run --json, batch --report-dir) instead of running it; "
                 "what-if edits re-run as usual");
  std::string view = "all";
  app.add_option("--view", view, "views shown: all, comparison, timeline, topology, events, what-if, planner")
      ->check(CLI::IsMember({"all", "comparison", "timeline", "topology", "events", "what-if", "planner"}));
  double cursor = -1;
  auto* cursor_option =
      app.add_option("--cursor", cursor, "initial time cursor, s since run start (default: first fault)")
          ->check(CLI::NonNegativeNumber);
  std::string size = "1600x1000";
  app.add_option("--size", size, "window size WIDTHxHEIGHT in screen coordinates (default 1600x1000)");
  double scale = 0;
  auto* scale_option =
      app.add_option("--scale", scale, "UI scale (default: the monitor's content scale)")->check(CLI::Range(0.5, 4.0));
  app.footer("Shortcuts: Ctrl+O open, Ctrl+R run, Ctrl+E export. Exit code: 0 done, 2 bad input, usage or no display.");
  GuiOptionsParse out;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out.message = app.help();
    return out;
  } catch (const CLI::ParseError& e) {
    out.exit_code = 2;
    out.is_error = true;
    out.message = std::string("faultline-gui: ") + e.what() + "\nRun with --help for usage.\n";
    return out;
  }
  int w = 0;
  int h = 0;
  char extra = 0;
  if (std::sscanf(size.c_str(), "%dx%d%c", &w, &h, &extra) != 2 || w < 320 || h < 240 || w > 16384 || h > 16384) {
    out.exit_code = 2;
    out.is_error = true;
    out.message =
        "faultline-gui: --size: \"" + size + "\" is not WIDTHxHEIGHT with 320 <= WIDTH, 240 <= HEIGHT <= 16384\n";
    return out;
  }
  o.width = w;
  o.height = h;
  if (!o.result.empty() && o.scenario.empty()) {
    out.exit_code = 2;
    out.is_error = true;
    out.message = "faultline-gui: --result needs the SCENARIO file the result was computed from\n";
    return out;
  }
  if ((!o.dump_state.empty() || !o.screenshot.empty()) && o.scenario.empty() && o.mc.empty() && o.plan.empty()) {
    out.exit_code = 2;
    out.is_error = true;
    out.message = "faultline-gui: --dump-state and --screenshot need a SCENARIO, --mc or --plan file\n";
    return out;
  }
  const std::map<std::string, ViewMode> views{{"all", ViewMode::kAll},           {"comparison", ViewMode::kComparison},
                                              {"timeline", ViewMode::kTimeline}, {"topology", ViewMode::kTopology},
                                              {"events", ViewMode::kEvents},     {"what-if", ViewMode::kWhatIf},
                                              {"planner", ViewMode::kPlanner}};
  o.view = views.at(view);
  if (cursor_option->count() > 0) o.cursor_s = cursor;
  if (scale_option->count() > 0) o.scale = scale;
  out.options = o;
  return out;
}

}  // namespace faultline::gui
