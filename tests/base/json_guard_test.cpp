// JsonGuard and JsonReader::parse on hostile text: every problem is one LoadError with a place,
// never an exception or a stack overflow.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/base/json_guard.hpp"
#include "faultline/base/json_reader.hpp"

using faultline::base::JsonGuard;
using faultline::base::JsonReader;
using faultline::base::LoadError;

namespace {

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("json guard: nesting depth is bounded", "[base][json_guard]") {
  SECTION("64 levels pass, 65 fail at the path of the 65th") {
    CHECK_FALSE(JsonGuard::check(nested_arrays(64), "f.json").has_value());
    const auto problem = JsonGuard::check(nested_arrays(65), "f.json");
    REQUIRE(problem.has_value());
    // The 65th array is element 0 of the 64th: 64 times "[0]".
    std::string path;
    for (int i = 0; i < 64; ++i) path += "[0]";
    CHECK(problem->json_path == path);
    CHECK(problem->problem == "nesting deeper than 64 levels of arrays and objects");
  }
  SECTION("10,000 levels of objects: one error naming keys and indexes, no crash") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "{\"a\":";
    text += "1" + std::string(10000, '}');
    const auto problem = JsonGuard::check("{\"regions\":[1, 2, " + text + "]}", "t.json");
    REQUIRE(problem.has_value());
    // regions[2] is the first "a" object (depth 3 counting root and the array), then 61 more "a" levels.
    std::string path = "regions[2]";
    for (int i = 0; i < 62; ++i) path += ".a";
    CHECK(problem->json_path == path);
    CHECK(problem->to_string().size() < 600);
  }
}

TEST_CASE("json guard: arrays and objects are bounded in length", "[base][json_guard]") {
  std::string ok = "{\"a\":[0";
  for (int i = 1; i < 10000; ++i) ok += ",0";
  SECTION("10,000 elements pass, 10,001 fail at the array's path") {
    CHECK_FALSE(JsonGuard::check(ok + "]}", "f.json").has_value());
    const auto problem = JsonGuard::check(ok + ",0]}", "f.json");
    REQUIRE(problem.has_value());
    CHECK(problem->json_path == "a");
    CHECK(problem->problem == "an array of more than 10000 elements");
  }
  SECTION("documents faultline wrote may be longer") {
    CHECK_FALSE(JsonGuard::check(ok + ",0]}", "f.json", faultline::base::kMaxDocumentElements).has_value());
  }
  SECTION("an object's keys count too") {
    std::string keys = "{\"k0\":0";
    for (int i = 1; i <= 10000; ++i) keys += ",\"k" + std::to_string(i) + "\":0";
    const auto problem = JsonGuard::check("[1," + keys + "}]", "f.json");
    REQUIRE(problem.has_value());
    CHECK(problem->json_path == "[1]");
    CHECK(problem->problem == "an object of more than 10000 elements");
  }
}

TEST_CASE("json guard: numbers, NULs and bad UTF-8 are located", "[base][json_guard]") {
  SECTION("1e400 is out of range, at its line and column") {
    const auto problem = JsonGuard::check("{\n  \"x\": -1e400\n}", "f.json");
    REQUIRE(problem.has_value());
    CHECK(problem->line == 2);
    CHECK(problem->problem == "number overflow parsing '-1e400'");
    CHECK(problem->to_string().find("[json.exception") == std::string::npos);
  }
  SECTION("an escaped NUL in a name or a key") {
    const auto in_value = JsonGuard::check(R"({"regions":[{"name":"east\u0000us"}]})", "f.json");
    REQUIRE(in_value.has_value());
    CHECK(in_value->json_path == "regions[0].name");
    const auto in_key = JsonGuard::check(R"({"a\u0000b":1})", "f.json");
    REQUIRE(in_key.has_value());
    CHECK(in_key->problem == "a NUL character (\\u0000) in a key");
  }
  SECTION("invalid UTF-8 in a string is a syntax error at line 1") {
    const auto problem = JsonGuard::check("{\"name\":\"\xff\xfe\"}", "f.json");
    REQUIRE(problem.has_value());
    CHECK(problem->line == 1);
    CHECK(problem->problem.find("ill-formed UTF-8") != std::string::npos);
  }
  SECTION("JsonReader::parse reports the guard's problem and builds nothing") {
    std::vector<LoadError> errors;
    CHECK_FALSE(JsonReader::parse(nested_arrays(10000), "deep.json", errors).has_value());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == "deep.json");
    CHECK(JsonReader::parse("{\"a\": [1, {\"b\": null}]}", "ok.json", errors).has_value());
    CHECK(errors.size() == 1);
  }
}

TEST_CASE("json guard: excerpts are short", "[base][json_guard]") {
  SECTION("long strings are cut at 57 characters plus ...") {
    const std::string cut = JsonGuard::shorten(std::string(1000, 'x'));
    CHECK(cut == std::string(57, 'x') + "...");
  }
  SECTION("a cut never splits a UTF-8 character") {
    // 56 ASCII then a 2-byte e-acute at bytes 56..57: the cut at 57 would split it, so it steps back to 56.
    const std::string text = std::string(56, 'x') + "\xc3\xa9" + std::string(10, 'y');
    CHECK(JsonGuard::shorten(text) == std::string(56, 'x') + "...");
  }
  SECTION("big arrays are described, not printed") {
    CHECK(JsonGuard::excerpt(nlohmann::json(std::vector<int>(100000, 1))) == "an array of 100000 elements");
    CHECK(JsonGuard::excerpt(nlohmann::json("abc")) == "\"abc\"");
  }
}
