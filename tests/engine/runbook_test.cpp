#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "faultline/engine/model/runbook.hpp"

using namespace faultline::engine;

namespace {

RunbookStep step(std::string id, double seconds, std::vector<std::string> after = {},
                 StepKind kind = StepKind::kCustom) {
  RunbookStep s;
  s.id = std::move(id);
  s.duration_s = Distribution::constant(seconds);
  s.after = std::move(after);
  s.kind = kind;
  return s;
}

Runbook make(std::vector<RunbookStep> steps) {
  std::string error;
  auto book = Runbook::create(std::move(steps), error);
  REQUIRE(book);
  return *book;
}

}  // namespace

TEST_CASE("runbook critical path of fixed durations is the longest path", "[engine][runbook]") {
  // alert(60) -> deploy(1200) -> models(900) -> validate(120)
  // alert(60) -> promote(300) ----------------> validate
  // Longest: 60 + 1200 + 900 + 120 = 2280 s through alert, deploy, models, validate.
  const Runbook book = make({step("alert", 60), step("deploy", 1200, {"alert"}), step("models", 900, {"deploy"}),
                             step("promote", 300, {"alert"}), step("validate", 120, {"models", "promote"})});
  RandomStream rng(1, 0, "runbook");
  const RunbookRun run = book.execute(rng, [](std::size_t) { return false; });
  CHECK(run.is_complete);
  CHECK(run.critical_path == seconds(2280));
  CHECK(run.critical_steps == std::vector<std::size_t>{0, 1, 2, 4});
  SECTION("each step starts when its last predecessor ends") {
    CHECK(run.steps[3].start == seconds(60));  // promote after alert
    CHECK(run.steps[3].end == seconds(360));
    CHECK(run.steps[4].start == seconds(2160));  // validate after models (2160) and promote (360)
  }
  SECTION("expected() uses means and agrees for constants") { CHECK(book.expected().critical_path == seconds(2280)); }
}

TEST_CASE("runbook failures and retries", "[engine][runbook]") {
  RunbookStep flaky = step("models", 600, {"alert"}, StepKind::kDeployModels);
  flaky.retries = 2;
  flaky.cost_usd = 10;
  const Runbook book = make({step("alert", 60), flaky, step("validate", 120, {"models"})});
  RandomStream rng(1, 0, "runbook");
  SECTION("a blocked step retries, paying each attempt's time and cost, then fails for good") {
    const RunbookRun run = book.execute(rng, [](std::size_t i) { return i == 1; });
    CHECK(run.steps[1].attempts == 3);
    CHECK(run.steps[1].is_failed);
    CHECK(run.steps[1].end == seconds(60 + 3 * 600));
    CHECK(run.steps[2].attempts == 0);  // validate never runs
    CHECK_FALSE(run.is_complete);
    CHECK(run.cost_usd == 30);
    CHECK(run.critical_path == seconds(60 + 3 * 600));  // the runbook ran until models gave up
    CHECK(run.critical_steps == std::vector<std::size_t>{0, 1});
  }
  SECTION("a block that ends lets the next attempt through") {
    // Attempts start at 60, 660 and 1,260 s; blocked before 700 s: the second fails too, the third passes.
    const RunbookRun run = book.execute(rng, [](std::size_t i, SimDuration at) { return i == 1 && at < seconds(700); });
    CHECK(run.steps[1].attempts == 3);
    CHECK_FALSE(run.steps[1].is_failed);
    CHECK(run.steps[2].start == seconds(60 + 3 * 600));
    CHECK(run.critical_path == seconds(60 + 3 * 600 + 120));
    CHECK(run.is_complete);
  }
  SECTION("an unblocked step runs once") {
    const RunbookRun run = book.execute(rng, [](std::size_t) { return false; });
    CHECK(run.steps[1].attempts == 1);
    CHECK(run.critical_path == seconds(780));
    CHECK(book.find(StepKind::kDeployModels) == std::optional<std::size_t>{1});
  }
}

TEST_CASE("runbook input errors name the step", "[engine][runbook]") {
  std::string error;
  SECTION("a cycle lists the steps on it") {
    CHECK_FALSE(Runbook::create({step("a", 1, {"c"}), step("b", 1, {"a"}), step("c", 1, {"b"})}, error));
    CHECK(error == "step \"a\": cycle \"a\" -> \"b\" -> \"c\" -> \"a\"");
  }
  SECTION("a dangling reference") {
    CHECK_FALSE(Runbook::create({step("a", 1, {"nope"})}, error));
    CHECK(error == "step \"a\": \"after\" names unknown step \"nope\"");
  }
  SECTION("a duplicate id") {
    CHECK_FALSE(Runbook::create({step("a", 1), step("a", 2)}, error));
    CHECK(error == "step \"a\": duplicate id");
  }
}
