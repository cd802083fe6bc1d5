#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "faultline/contract/result_json.hpp"
#include "faultline/contract/result_reader.hpp"
#include "sample_result.hpp"

using faultline::contract::read_result_text;
using faultline::contract::ResultReadError;
using faultline::contract::to_json_text;

namespace {

// The message of the ResultReadError that reading `text` throws ("" when it reads).
std::string read_error(const std::string& text) {
  try {
    (void)read_result_text(text, "r.json");
  } catch (const ResultReadError& e) {
    return e.what();
  }
  return "";
}

// The sample result as JSON with one edit applied.
std::string edited(const std::function<void(nlohmann::ordered_json&)>& edit) {
  auto doc = nlohmann::ordered_json::parse(to_json_text(faultline::testing::sample_result()));
  edit(doc);
  return doc.dump(2);
}

}  // namespace

TEST_CASE("result reader: faultline.result/v1 reads back to the same result", "[reports][reader]") {
  const auto result = faultline::testing::sample_result();
  const std::string text = to_json_text(result);
  SECTION("round trip: to_json_text(read(text)) == text, and the structs are equal") {
    const auto back = read_result_text(text, "sample.json");
    CHECK(back == result);
    CHECK(to_json_text(back) == text);
  }
  SECTION("nulls stay null and numbers keep every bit") {
    const auto back = read_result_text(text, "sample.json");
    CHECK_FALSE(back.patterns[0].rpo_s.has_value());
    CHECK_FALSE(back.patterns[0].series.success_ratio[2].has_value());
    CHECK(back.patterns[1].incidents[0].switch_s == 45.5);
    CHECK(back.seed == 42);
  }
}

TEST_CASE("result reader: bad documents name the file, the JSON path and what is allowed", "[reports][reader]") {
  SECTION("syntax error: file, line and column") {
    const std::string e = read_error("{\n  \"schema\": ,\n}");
    CHECK_THAT(e, Catch::StartsWith("r.json:2:13: not valid JSON"));
  }
  SECTION("missing key") {
    const std::string e = read_error(edited([](auto& d) { d["patterns"][1]["incidents"][0].erase("rto_s"); }));
    CHECK(e == "r.json: patterns[1].incidents[0].rto_s: missing (allowed: a value of the key)");
  }
  SECTION("wrong type") {
    const std::string e = read_error(edited([](auto& d) { d["patterns"][0]["availability"] = "high"; }));
    CHECK(e == "r.json: patterns[0].availability: is a string (allowed: a number)");
  }
  SECTION("wrong schema") {
    const std::string e = read_error(edited([](auto& d) { d["schema"] = "faultline.result/v2"; }));
    CHECK(e == "r.json: schema: is \"faultline.result/v2\" (allowed: \"faultline.result/v1\")");
  }
  SECTION("negative count") {
    const std::string e = read_error(edited([](auto& d) { d["patterns"][0]["series"]["offered"][3] = -1; }));
    CHECK(e ==
          "r.json: patterns[0].series.offered[3]: is a negative or fractional number (allowed: a whole number >= 0)");
  }
  SECTION("series lists of different lengths") {
    const std::string e = read_error(edited([](auto& d) { d["patterns"][0]["series"]["capacity"][1].erase(0); }));
    CHECK(e == "r.json: patterns[0].series.capacity[1]: has 3 entries (allowed: 4, one per bucket of start_s)");
  }
  SECTION("an event kind or state the engine does not log") {
    const std::string kind = read_error(edited([](auto& d) { d["patterns"][1]["events"][1]["kind"] = "weather"; }));
    CHECK(kind ==
          "r.json: patterns[1].events[1].kind: is \"weather\" (allowed: fault, quota, endpoint, controller, "
          "runbook, data, failback)");
    const std::string state = read_error(edited([](auto& d) { d["patterns"][1]["events"][0]["state"] = "rain"; }));
    CHECK_THAT(state, Catch::StartsWith("r.json: patterns[1].events[0].state: is \"rain\" (allowed: start, end, "
                                        "reclaimed, kept, healthy, "));
  }
  SECTION("a file that is not there") {
    CHECK_THROWS_WITH(faultline::contract::read_result_file("/nonexistent/r.json"),
                      "/nonexistent/r.json: cannot be read (allowed: a readable faultline.result/v1 file)");
  }
}
