// End to end: every command on hostile input (issue 20). Each case takes a shipped file,
// puts one hostile value at one JSON path and runs the built `faultline`; each must exit 2
// within seconds with a message naming the file, never nlohmann's "[json.exception", and
// leave no output file behind. The values: 10,000 levels of nesting, a 100,000-element
// array, 1e400, "-5m", int64's largest value as a time, a NUL and invalid UTF-8 in a name.

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

constexpr const char* kMarker = "\"@@hostile@@\"";

// A hostile value as raw JSON text, and the name a failure message shows.
struct Hostile {
  std::string name;
  std::string raw;
};

// The hostile values, `array_item` being what the long array repeats.
std::vector<Hostile> hostile_values(const std::string& array_item) {
  std::string long_array = "[";
  for (int i = 0; i < 100000; ++i) long_array += (i == 0 ? "" : ",") + array_item;
  long_array += "]";
  return {{"10,000-level nesting", std::string(10000, '[') + std::string(10000, ']')},
          {"100,000-element array", long_array},
          {"1e400", "1e400"},
          {"\"-5m\"", "\"-5m\""},
          {"int64 max", "9223372036854775807"},
          {"NUL in a name", "\"east\\u0000us2\""},
          {"invalid UTF-8 in a name", "\"east\xff\xfeus2\""}};
}

json read_json(const std::string& relative) { return json::parse(read_text(source_path(relative))); }

// The shipped scenario with its topology file inlined, so the scenario can be written anywhere.
json scenario_with_inline_topology(const std::string& scenario) {
  json doc = read_json("scenarios/" + scenario);
  doc["topology"] = read_json("scenarios/" + doc["topology"].get<std::string>());
  doc.erase("$schema");
  doc["topology"].erase("$schema");
  return doc;
}

// `doc` as text with `raw` at `pointer` (a JSON pointer, e.g. "/regions/0/id").
std::string with_value(json doc, const std::string& pointer, const std::string& raw) {
  doc[json::json_pointer(pointer)] = "@@hostile@@";
  std::string text = doc.dump(1);
  text.replace(text.find(kMarker), std::string(kMarker).size(), raw);
  return text;
}

// The exit status on the last line of the output.
std::string with_status(const std::string& command) { return command + "; echo \"exit status $?\""; }

// Runs `command` (with {in} and {out} replaced) on `text` saved as NAME.json; checks the contract.
// "{out}.md" in the command names the output file NAME-out.md.
void check_refused(const std::string& name, const std::string& text, const std::string& command,
                   const std::string& extension = ".json") {
  const std::string in = temp_path(name + extension);
  std::ofstream(in, std::ios::binary) << text;
  std::string line = faultline_binary() + " " + command;
  line.replace(line.find("{in}"), 4, in);
  std::string out;
  if (const auto at = line.find("{out}"); at != std::string::npos) {
    const auto end = line.find(' ', at);
    out = temp_path(name + "-out") + line.substr(at + 5, end == std::string::npos ? std::string::npos : end - at - 5);
    line.replace(at, 5, temp_path(name + "-out"));
    std::filesystem::remove(out);
  }
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_command(with_status(line));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(line);
  INFO(r.output.substr(0, 2000));
  CHECK(r.output.find("exit status 2") != std::string::npos);
  CHECK(r.output.find(name + extension) != std::string::npos);
  CHECK(r.output.find("[json.exception") == std::string::npos);
  CHECK(seconds < 10.0);
  if (!out.empty()) CHECK_FALSE(std::filesystem::exists(out));
  std::filesystem::remove(in);
}

struct Place {
  std::string pointer;
  std::vector<std::string> values;  // which hostile values (by name) go there
};

void check_document(const std::string& label, const json& doc, const std::vector<Place>& places,
                    const std::string& array_item, const std::string& command) {
  for (const Hostile& h : hostile_values(array_item)) {
    for (const Place& p : places) {
      if (std::find(p.values.begin(), p.values.end(), h.name) == p.values.end()) continue;
      SECTION(label + ": " + h.name + " at " + p.pointer) {
        check_refused(label + "-hostile", with_value(doc, p.pointer, h.raw), command);
      }
    }
  }
}

const std::vector<std::string> kStructural = {"10,000-level nesting", "100,000-element array"};
const std::vector<std::string> kNames = {"NUL in a name", "invalid UTF-8 in a name"};

}  // namespace

TEST_CASE("hostile input: lint and graph refuse a hostile topology", "[e2e][hostile]") {
  const json topology = read_json("scenarios/topologies/foundry-two-region.json");
  const std::vector<Place> places = {{"/regions/0/zones", kStructural},
                                     {"/regions/0/model_deployments/0/capacity/tokens_per_minute", {"1e400"}},
                                     {"/network_links/0/latency", {"\"-5m\"", "int64 max"}},
                                     {"/regions/0/id", kNames}};
  check_document("lint", topology, places, R"({"id":"eastus2-az1"})", "lint {in}");
  check_document("graph", topology, places, R"({"id":"eastus2-az1"})", "graph {in} -o {out}.dot");
}

TEST_CASE("hostile input: run refuses a hostile scenario", "[e2e][hostile]") {
  const json scenario = scenario_with_inline_topology("reference.json");
  const std::vector<Place> places = {{"/workloads/0/arrivals", kStructural},
                                     {"/faults", {"100,000-element array"}},
                                     {"/workloads/0/arrivals/rate_per_s", {"1e400"}},
                                     {"/duration", {"\"-5m\"", "int64 max"}},
                                     {"/workloads/0/name", kNames}};
  check_document("run", scenario, places, "{}", "run {in} --json {out} -q");
}

TEST_CASE("hostile input: mc and plan refuse a hostile reliability section", "[e2e][hostile]") {
  const json scenario = scenario_with_inline_topology("plan-three-region.json");
  const std::vector<Place> places = {{"/reliability/components/0/time_to_repair", kStructural},
                                     {"/reliability/components/1/time_between_failures/shape", {"1e400"}},
                                     {"/reliability/components/0/time_to_repair/median", {"\"-5m\"", "int64 max"}},
                                     {"/reliability/components/1/target", kNames}};
  check_document("mc", scenario, places, "{}", "mc {in} --years 1 --replications 2 --json {out} -q");
  check_document("plan", scenario, places, "{}", "plan {in} --years 1 --replications 1 --json {out} -q");
}

TEST_CASE("hostile input: report and merge refuse hostile documents", "[e2e][hostile]") {
  const json result = {{"schema", "faultline.result/v1"}, {"faultline_version", "0.1.0"}, {"patterns", json::array()}};
  const json mc = {{"schema", "faultline.mc/v1"}, {"faultline_version", "0.1.0"}, {"seed", 1}};
  const std::vector<std::string> all = {
      "10,000-level nesting", "100,000-element array",  "1e400", "\"-5m\"", "int64 max",
      "NUL in a name",        "invalid UTF-8 in a name"};
  check_document("report", result, {{"/patterns", all}}, "{}", "report {in} -o {out}.md");
  check_document("merge", mc, {{"/seed", all}}, "{}", "merge {in} --json {out}");
}

TEST_CASE("hostile input: replay refuses hostile event lines", "[e2e][hostile]") {
  const std::string config = source_path("tests/router/replay/mechanisms.config.json");
  const json call = json::parse(R"({"t_ms":100, "kind":"call", "endpoint":"eastus2", "status":503, "latency_ms":900})");
  const std::vector<Place> places = {{"/endpoint", kStructural},
                                     {"/latency_ms", {"1e400", "\"-5m\""}},
                                     {"/t_ms", {"int64 max"}},
                                     {"/endpoint", kNames}};
  for (const Hostile& h : hostile_values("1")) {
    for (const Place& p : places) {
      if (std::find(p.values.begin(), p.values.end(), h.name) == p.values.end()) continue;
      SECTION("replay: " + h.name + " at " + p.pointer) {
        json with = call;
        with[json::json_pointer(p.pointer)] = "@@hostile@@";
        std::string line = with.dump();
        line.replace(line.find(kMarker), std::string(kMarker).size(), h.raw);
        const std::string events = R"({"t_ms":0, "kind":"tick"})"
                                   "\n" +
                                   line + "\n";
        check_refused("replay-hostile", events, "replay " + config + " {in}", ".jsonl");
      }
    }
  }
}
