// End-to-end: the built faultline-gui on a private Xvfb with Mesa's software
// OpenGL, checked against the built `faultline run` on the same scenario.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "temp_folder.hpp"
#include "faultline/gui/png_image.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::run_command;
using faultline::testing::source_path;
using Json = nlohmann::json;

namespace {

Json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  return Json::parse(in);
}

// Environment every GUI run gets: a private config folder (the user's is never
// touched). Under ASan, LeakSanitizer is off for the GUI process only: Mesa's
// driver is unloaded at exit, so its allocations show up from "<unknown module>"
// and no suppression can name them; ASan and UBSan still abort on any error, and
// the view-model code is leak-checked by faultline_gui_tests.
std::string gui_env(const std::filesystem::path& dir, const std::string& env_options = "") {
  return "env " + env_options + "XDG_CONFIG_HOME='" + (dir / "config").string() +
         "' ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 ";
}

std::string gui() { return std::string("'") + FAULTLINE_GUI_PATH + "'"; }

// A JSON number or null as an optional double.
std::optional<double> opt(const Json& j) { return j.is_null() ? std::nullopt : std::optional<double>(j.get<double>()); }

// Checks the GUI state's pattern `g` against faultline run's pattern `c`: figures, targets and its one incident.
void check_pattern_matches_run(const Json& g, const Json& c) {
  CHECK(g["name"] == c["name"]);
  CHECK(g["availability"].get<double>() == c["availability"].get<double>());
  CHECK(opt(g["rto_s"]) == opt(c["rto_s"]));
  CHECK(opt(g["rpo_s"]) == opt(c["rpo_s"]));
  CHECK(g["monthly_cost_usd"].get<double>() == c["monthly_cost_usd"].get<double>());
  CHECK(g["incident_cost_usd"].get<double>() == c["incident_cost_usd"].get<double>());
  CHECK(g["targets"] == c["targets"]);
  std::uint64_t failed = 0;
  for (const Json& n : c["series"]["failed"]) failed += n.get<std::uint64_t>();
  CHECK(g["failed_requests"].get<std::uint64_t>() == failed);
  // The RTO parts are those of the worst incident (the only one in reference.json).
  REQUIRE(c["incidents"].size() == 1);
  CHECK(opt(g["detect_s"]) == opt(c["incidents"][0]["detect_s"]));
  CHECK(opt(g["switch_s"]) == opt(c["incidents"][0]["switch_s"]));
  CHECK(opt(g["full_capacity_s"]) == opt(c["incidents"][0]["full_capacity_s"]));
  CHECK(g["targets_total"] == c["targets"].size());
  // Failback and lost work of that incident, as the engine wrote them.
  const Json& fb = c["incidents"][0]["failback"];
  CHECK(g["failback"].is_null() == fb.is_null());
  if (!fb.is_null() && !g["failback"].is_null()) {
    CHECK(opt(g["failback"]["traffic_back_s"]) == opt(fb["traffic_back_s"]));
    CHECK(opt(g["failback"]["complete_s"]) == opt(fb["complete_s"]));
    CHECK(g["failback"]["failed_requests"] == fb["failed_requests"]);
  }
  CHECK(g["work"]["agent_threads_lost"] == c["incidents"][0]["work"]["agent_threads_lost"]);
}

// Runs `faultline run SCENARIO` into `out` (result/v1); exit 1 (a pattern misses a target) still writes a result.
void run_to_file(const std::string& scenario, const std::filesystem::path& out) {
  const auto cli = run_command(faultline_binary() + " run '" + scenario + "' -q --json '" + out.string() + "'");
  INFO(cli.output);
  REQUIRE((cli.exit_code == 0 || cli.exit_code == 1));
}

}  // namespace

TEST_CASE("faultline-gui renders the reference scenario under Xvfb and its state matches faultline run", "[gui][e2e]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const std::string scenario = source_path("scenarios/reference.json");
  run_to_file(scenario, dir / "run.json");

  const std::string command = gui_env(dir) + "'" + std::string(FAULTLINE_WITH_XVFB) + "' " + gui() + " '" + scenario +
                              "' --size 1280x800 --scale 1 --frames 3 --screenshot '" + (dir / "shot.png").string() +
                              "' --dump-state '" + (dir / "state.json").string() + "'";
  const auto r = run_command(command);
  INFO(command);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);

  // One GUI run, several checks (SECTIONs would start it once per section).
  {
    INFO("the screenshot has the window's size and is not blank");
    const faultline::gui::PngImage png = faultline::gui::read_png(dir / "shot.png");
    CHECK(png.width == 1280);
    CHECK(png.height == 800);
    // A blank or single-colour frame has 1 colour; text, charts and the
    // topology give hundreds (anti-aliased glyphs and lines).
    CHECK(faultline::gui::count_distinct_colours(png) >= 100);
  }
  {
    INFO("the state holds the three patterns with faultline run's figures");
    const Json state = read_json(dir / "state.json");
    const Json run = read_json(dir / "run.json");
    CHECK(state["schema"] == "faultline.gui-state/v1");
    CHECK(state["scenario"] == "reference");
    CHECK(state["frames"] == 3);
    CHECK(state["framebuffer"]["width"] == 1280);
    REQUIRE(state["patterns"].size() == 3);
    REQUIRE(run["patterns"].size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      const Json& g = state["patterns"][i];
      const Json& c = run["patterns"][i];
      INFO("pattern " << c["name"]);
      check_pattern_matches_run(g, c);
    }
    // RPO per store: every store of every pattern's incident is in the state with its RPO.
    for (std::size_t i = 0; i < 3; ++i) {
      for (const Json& st : run["patterns"][i]["incidents"][0]["stores"]) {
        bool is_found = false;
        for (const Json& row : state["stores"]) {
          if (row["store"] != st["store"]) continue;
          is_found = true;
          CHECK(row["patterns"][i]["rpo_s"].get<double>() == st["rpo_s"].get<double>());
          CHECK(row["patterns"][i]["lost_writes"] == st["lost_writes"]);
        }
        INFO("store " << st["store"]);
        CHECK(is_found);
      }
    }
    // The cursor starts at the first fault (30 min): eastus2-outage is active for every pattern.
    CHECK(state["cursor_s"] == 1800.0);
    for (const Json& c : state["cursor"]) CHECK(c["active_faults"] == Json::array({"eastus2-outage"}));
  }
  {
    INFO("a headless run keeps nothing in the user's config folder");
    CHECK_FALSE(std::filesystem::exists(dir / "config" / "faultline"));
  }
}

TEST_CASE("faultline-gui without a display exits 2 with a clear message and writes nothing", "[gui][e2e]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const auto r =
      run_command(gui_env(dir, "-u DISPLAY -u WAYLAND_DISPLAY ") + gui() + " '" +
                  source_path("scenarios/reference.json") + "' --screenshot '" + (dir / "shot.png").string() + "'");
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains("cannot open a window") && Catch::Contains("DISPLAY"));
  CHECK_FALSE(std::filesystem::exists(dir / "shot.png"));
}

TEST_CASE("faultline-gui on a bad scenario prints the loader's messages and exits 2", "[gui][e2e]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  std::ofstream(dir / "bad.json") << R"({"name": "bad", "duration": "forever", "patterns": []})";
  const auto r = run_command(gui_env(dir) + gui() + " '" + (dir / "bad.json").string() + "' --dump-state '" +
                             (dir / "state.json").string() + "'");
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains("bad.json") && Catch::Contains("duration"));
  CHECK_FALSE(std::filesystem::exists(dir / "state.json"));
  const auto missing = run_command(gui_env(dir) + gui() + " '" + (dir / "nope.json").string() + "' --dump-state '" +
                                   (dir / "state.json").string() + "'");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.output, Catch::Contains("nope.json"));
}

TEST_CASE("faultline-gui usage errors exit 2 and --help exits 0", "[gui][e2e]") {
  CHECK(run_command(gui() + " --help").exit_code == 0);
  const auto frames = run_command(gui() + " scenario.json --screenshot a.png --frames 0");
  CHECK(frames.exit_code == 2);
  CHECK_THAT(frames.output, Catch::Contains("--frames"));
  const auto no_scenario = run_command(gui() + " --dump-state s.json");
  CHECK(no_scenario.exit_code == 2);
  CHECK_THAT(no_scenario.output, Catch::Contains("--dump-state and --screenshot need a SCENARIO, --mc or --plan file"));
  const auto nothing_to_show = run_command(gui() + " --screenshot a.png");
  CHECK(nothing_to_show.exit_code == 2);
  CHECK_THAT(nothing_to_show.output,
             Catch::Contains("--dump-state and --screenshot need a SCENARIO, --mc or --plan file"));
  const auto planner_dump = run_command(gui() + " --mc missing-mc.json --dump-state s.json");
  CHECK(planner_dump.exit_code == 2);  // the file cannot be read
  CHECK_THAT(planner_dump.output, Catch::Contains("missing-mc.json"));
  const auto size = run_command(gui() + " --size 10x10");
  CHECK(size.exit_code == 2);
  CHECK_THAT(size.output, Catch::Contains("--size"));
}

// The run's result `doc` with hand-made additions on the second pattern's only incident (what the engine will
// fill): stores, failback, lost work and one runbook step.
void doctor_result(Json& doc) {
  // Whatever the engine filled is cleared first, so the expected state below depends on this test only.
  for (Json& p : doc["patterns"]) {
    for (Json& i : p["incidents"]) {
      i["stores"] = Json::array();
      i["failback"] = nullptr;
      i["work"] =
          Json{{"agent_threads_lost", 0},       {"agent_threads_rehydrated", 0}, {"training_gpu_hours_lost", 0.0},
               {"training_cost_usd_lost", 0.0}, {"training_resumed_s", nullptr}, {"rag_documents_redone", 0}};
    }
  }
  Json& incident = doc["patterns"][1]["incidents"][0];
  incident["stores"] =
      Json::array({Json{{"store", "db"}, {"mode", "async"}, {"rpo_s", 4.5}, {"lost_writes", 3}, {"promoted_s", 90.0}}});
  incident["failback"] = Json{{"fault_end_s", 1200.0}, {"traffic_back_s", 1260.0}, {"resync_s", 240.0},
                              {"complete_s", 1500.0},  {"failed_requests", 17},    {"write_pause_s", 12.5}};
  incident["work"] =
      Json{{"agent_threads_lost", 6},         {"agent_threads_rehydrated", 40}, {"training_gpu_hours_lost", 12.5},
           {"training_cost_usd_lost", 500.0}, {"training_resumed_s", nullptr},  {"rag_documents_redone", 150}};
  incident["runbook_steps"] = Json::array({Json{{"id", "promote"},
                                                {"kind", "promote_database"},
                                                {"start_s", 60.0},
                                                {"end_s", 400.0},
                                                {"attempts", 2},
                                                {"failed", false},
                                                {"critical", true}}});
}

TEST_CASE("faultline-gui --result shows a result file: RPO per store, failback and lost work reach the state",
          "[gui][e2e]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const std::string scenario = source_path("scenarios/reference.json");
  run_to_file(scenario, dir / "run.json");
  Json doc = read_json(dir / "run.json");
  REQUIRE(doc["patterns"].size() == 3);
  doctor_result(doc);
  std::ofstream(dir / "doctored.json") << doc.dump(2);

  const std::string command = gui_env(dir) + "'" + std::string(FAULTLINE_WITH_XVFB) + "' " + gui() + " '" + scenario +
                              "' --result '" + (dir / "doctored.json").string() +
                              "' --view events --size 1280x800 --scale 1" + " --frames 2 --screenshot '" +
                              (dir / "shot.png").string() + "' --dump-state '" + (dir / "state.json").string() + "'";
  const auto r = run_command(command);
  INFO(command);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const Json state = read_json(dir / "state.json");
  REQUIRE(state["patterns"].size() == 3);
  CHECK(state["view"] == "events");
  CHECK(state["patterns"][0]["failback"].is_null());
  CHECK(state["patterns"][1]["failback"] == Json{{"traffic_back_s", 1260.0},
                                                 {"resync_s", 240.0},
                                                 {"complete_s", 1500.0},
                                                 {"failed_requests", 17},
                                                 {"write_pause_s", 12.5}});
  CHECK(state["patterns"][1]["work"] == Json{{"agent_threads_lost", 6},
                                             {"training_gpu_hours_lost", 12.5},
                                             {"training_cost_usd_lost", 500.0},
                                             {"rag_documents_redone", 150}});
  CHECK(state["stores"] ==
        Json::array(
            {Json{{"store", "db"},
                  {"patterns",
                   Json::array({nullptr, Json{{"rpo_s", 4.5}, {"lost_writes", 3}, {"mode", "async"}}, nullptr})}}}));
  // The figures are the file's, not a new run's: availability as written.
  CHECK(state["patterns"][1]["availability"].get<double>() == doc["patterns"][1]["availability"].get<double>());
  // The event log alone is text on a dark background (about 35 colours with anti-aliasing); blank is 1.
  CHECK(faultline::gui::count_distinct_colours(faultline::gui::read_png(dir / "shot.png")) >= 10);

  SECTION("a result of another scenario is refused with exit 2") {
    doc["patterns"].erase(2);
    std::ofstream(dir / "other.json") << doc.dump(2);
    const auto bad = run_command(gui_env(dir) + "'" + std::string(FAULTLINE_WITH_XVFB) + "' " + gui() + " '" +
                                 scenario + "' --result '" + (dir / "other.json").string() + "' --dump-state '" +
                                 (dir / "other-state.json").string() + "'");
    INFO(bad.output);
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Catch::Contains("its patterns are not those of"));
    CHECK_FALSE(std::filesystem::exists(dir / "other-state.json"));
  }
}

TEST_CASE("faultline-gui shows faultline mc and plan documents in the Planner view and screenshots it",
          "[gui][e2e][planner]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const std::string scenario = source_path("scenarios/reliability-two-region.json");
  const std::string mc = (dir / "mc.json").string();
  const std::string plan = (dir / "plan.json").string();
  REQUIRE(run_command(faultline_binary() + " mc '" + scenario + "' --years 5 --replications 4 -q --json '" + mc + "'")
              .exit_code == 0);
  REQUIRE(
      run_command(faultline_binary() + " plan '" + scenario + "' --years 2 --replications 2 -q --json '" + plan + "'")
          .exit_code == 0);
  const std::string command = gui_env(dir) + "'" + std::string(FAULTLINE_WITH_XVFB) + "' " + gui() + " --mc '" + mc +
                              "' --plan '" + plan + "' --view planner --size 1024x768 --scale 1 --screenshot '" +
                              (dir / "shot.png").string() + "' --dump-state '" + (dir / "state.json").string() + "'";
  const auto r = run_command(command);
  INFO(command);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const faultline::gui::PngImage png = faultline::gui::read_png(dir / "shot.png");
  CHECK(png.width == 1024);
  CHECK(png.height == 768);
  // The CDF lines, bars and circles are the view's only saturated colours: the pattern blue
  // (88, 166, 255) of the first CDF, the histogram and the Pareto points, and the target red.
  std::size_t blue = 0;
  std::size_t red = 0;
  for (std::size_t i = 0; i + 3 < png.rgba.size(); i += 4) {
    const int cr = png.rgba[i];
    const int cg = png.rgba[i + 1];
    const int cb = png.rgba[i + 2];
    if (cr == 88 && cg == 166 && cb == 255) ++blue;
    if (cr == 235 && cg == 80 && cb == 70) ++red;
  }
  CHECK(blue >= 1000);
  CHECK(red >= 100);

  // The dumped planner state holds what the two documents say.
  const Json state = read_json(dir / "state.json");
  const Json mc_doc = read_json(mc);
  const Json plan_doc = read_json(plan);
  const Json& planner = state["planner"];
  CHECK(state["view"] == "planner");
  CHECK(state["patterns"] == Json::array());
  CHECK(planner["mc_file"] == mc);
  CHECK(planner["plan_file"] == plan);
  REQUIRE(planner["patterns"].size() == mc_doc["patterns"].size());
  for (std::size_t i = 0; i < mc_doc["patterns"].size(); ++i) {
    const Json& want = mc_doc["patterns"][i];
    const Json& got = planner["patterns"][i];
    INFO("pattern " << want["name"]);
    CHECK(got["name"] == want["name"]);
    for (const char* q : {"p50", "p95", "p99"}) {
      const Json expected = want["rto_s"].is_null() ? Json(nullptr) : want["rto_s"][q];
      CHECK(got[std::string("rto_") + q + "_s"] == expected);
    }
  }
  // The front: the candidates marked pareto, by total cost then RTO p95 (none = 0), ties in document order.
  std::vector<Json> front;
  for (const Json& c : plan_doc["candidates"]) {
    if (c["pareto"].get<bool>()) front.push_back(c);
  }
  std::stable_sort(front.begin(), front.end(), [](const Json& a, const Json& b) {
    const double ca = a["total_monthly_usd"].get<double>();
    const double cb = b["total_monthly_usd"].get<double>();
    return ca != cb ? ca < cb : opt(a["rto_p95_s"]).value_or(0.0) < opt(b["rto_p95_s"]).value_or(0.0);
  });
  REQUIRE(planner["pareto_front"].size() == front.size());
  for (std::size_t i = 0; i < front.size(); ++i) CHECK(planner["pareto_front"][i] == front[i]["label"]);
  REQUIRE(planner["recommendations"].size() == 3);
  for (std::size_t i = 0; const char* kind : {"cheapest_meeting_targets", "best_within_budget", "least_change"}) {
    const Json& got = planner["recommendations"][i++];
    const Json& want = plan_doc["recommendations"][kind];
    INFO(kind);
    CHECK(got["kind"] == kind);
    CHECK(got["label"] == (want.is_null() ? Json(nullptr) : want["label"]));
    if (!want.is_null()) CHECK(got["why"] == want["why"]);
  }
}

TEST_CASE("faultline-gui refuses a --plan file that is not a plan document, naming it, exit 2", "[gui][e2e][planner]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const std::string bad = (dir / "result.json").string();
  std::ofstream(bad) << R"({"schema": "faultline.result/v1"})";
  const auto r =
      run_command(gui_env(dir) + gui() + " --plan '" + bad + "' --screenshot '" + (dir / "shot.png").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output,
             Catch::Contains(
                 bad + ": schema: is \"faultline.result/v1\" (allowed: \"faultline.mc/v1\", \"faultline.plan/v1\")"));
  CHECK_FALSE(std::filesystem::exists(dir / "shot.png"));
}
