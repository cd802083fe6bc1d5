#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/router/circuit_breaker.hpp"

using namespace faultline::router;
using Change = CircuitBreaker::Change;

namespace {

Micros ms(std::int64_t v) { return Micros{v * 1000}; }

BreakerConfig count_config(std::int64_t size, std::int64_t minimum, double threshold) {
  BreakerConfig c;
  c.window_type = WindowType::kCount;
  c.window_size = size;
  c.minimum_calls = minimum;
  c.failure_rate_threshold = threshold;
  c.slow_call_rate_threshold = 100;
  c.slow_call_duration = ms(1000);
  c.open_wait = ms(10000);
  c.half_open_calls = 2;
  return c;
}

// State after each outcome ('F' = failure, 'S' = success, 'W' = slow success) at 1 ms steps: 'C'/'O'.
std::string feed(CircuitBreaker& b, const std::string& outcomes) {
  std::string states;
  std::int64_t t = 0;
  for (char c : outcomes) {
    b.record(c == 'F', c == 'W' ? ms(1001) : ms(10), ms(t++));
    states += b.state() == BreakerState::kOpen ? 'O' : 'C';
  }
  return states;
}

}  // namespace

TEST_CASE("breaker count window: trips at rate >= threshold, never before minimum calls", "[router][breaker]") {
  struct Row {
    std::int64_t size, minimum;
    double threshold;
    std::string outcomes, states;
  };
  // Hand-derived: the rate is failures / calls over the last `size` calls, tested once calls >= minimum
  // (the minimum is capped at the window size for a count window, as resilience4j).
  const std::vector<Row> rows = {
      {4, 4, 50, "FSFS", "CCCO"},        // exactly 50 % at the 4th call trips
      {4, 4, 50, "FSSS", "CCCC"},        // 25 %
      {4, 4, 50, "FSSSFSF", "CCCCCCO"},  // window S,F,S,F after 7 calls = 50 %
      {4, 4, 51, "FSFS", "CCCC"},        // 50 % < 51 %
      {10, 5, 50, "FFFF", "CCCC"},       // 100 % but only 4 calls < minimum 5
      {10, 5, 50, "FFFFF", "CCCCO"},     // 5th call reaches the minimum
      {4, 10, 50, "FFFF", "CCCO"},       // minimum 10 capped at window size 4
      {3, 1, 100, "SF", "CC"},           // window S,F = 50 % < 100 %
      {3, 1, 100, "F", "O"},             // minimum 1: a single failure is 100 %
  };
  for (const Row& row : rows) {
    INFO("size=" << row.size << " min=" << row.minimum << " threshold=" << row.threshold << " " << row.outcomes);
    CircuitBreaker b(count_config(row.size, row.minimum, row.threshold));
    CHECK(feed(b, row.outcomes) == row.states);
  }
}

TEST_CASE("breaker slow calls: latency > slow_call_duration is slow, rate >= threshold trips", "[router][breaker]") {
  BreakerConfig c = count_config(2, 2, 100);
  c.slow_call_rate_threshold = 50;
  SECTION("one slow of two is 50 %") {
    CircuitBreaker b(c);
    CHECK(feed(b, "WS") == "CO");
  }
  SECTION("exactly the slow-call duration is not slow") {
    CircuitBreaker b(c);
    b.record(false, ms(1000), ms(0));
    b.record(false, ms(1000), ms(1));
    CHECK(b.state() == BreakerState::kClosed);
  }
  SECTION("a slow failure counts as failure and as slow") {
    c.slow_call_rate_threshold = 100;
    c.failure_rate_threshold = 100;
    CircuitBreaker b(c);
    b.record(true, ms(5000), ms(0));
    b.record(false, ms(5000), ms(1));
    CHECK(b.state() == BreakerState::kOpen);  // 2 slow of 2 = 100 %
  }
}

TEST_CASE("breaker time window: calls of the last N whole seconds", "[router][breaker]") {
  BreakerConfig c = count_config(1, 2, 50);
  c.window_type = WindowType::kTime;
  c.window_size = 10;  // seconds
  SECTION("two calls in the window at 50 % trip") {
    CircuitBreaker b(c);
    b.record(true, ms(10), ms(0));
    CHECK(b.record(false, ms(10), ms(9999)) == Change::kOpened);
  }
  SECTION("at 10.0 s the bucket of second 0 has left the window") {
    CircuitBreaker b(c);
    b.record(true, ms(10), ms(0));
    CHECK(b.record(false, ms(10), ms(10000)) == Change::kNone);   // 1 call < minimum 2
    CHECK(b.record(true, ms(10), ms(11000)) == Change::kOpened);  // seconds 10, 11: 1 of 2 failed
  }
  SECTION("a long silence empties the window") {
    CircuitBreaker b(c);
    b.record(false, ms(10), ms(0));
    b.record(false, ms(10), ms(500));
    b.record(true, ms(10), ms(600));  // 1 of 3 failed: closed
    CHECK(b.state() == BreakerState::kClosed);
    CHECK(b.record(true, ms(10), ms(100000)) == Change::kNone);  // only this call is left: 1 < minimum
  }
}

TEST_CASE("breaker: open -> half_open -> closed, or -> open again with a growing wait", "[router][breaker]") {
  BreakerConfig c = count_config(2, 2, 50);
  c.open_wait = ms(10000);
  c.half_open_calls = 2;
  c.open_wait_multiplier = 2;
  CircuitBreaker b(c);
  b.record(true, ms(10), ms(0));
  REQUIRE(b.record(true, ms(10), ms(0)) == Change::kOpened);
  CHECK(b.deadline() == ms(10000));
  CHECK_FALSE(b.permits_call());

  SECTION("results while open are ignored; half_open exactly at the end of the wait") {
    CHECK(b.record(false, ms(10), ms(5000)) == Change::kNone);
    CHECK(b.advance(ms(9999)) == Change::kNone);
    CHECK(b.state() == BreakerState::kOpen);
    CHECK(b.advance(ms(10000)) == Change::kHalfOpened);
    CHECK(b.permits_call());
  }
  SECTION("half_open permits exactly half_open_calls calls") {
    b.advance(ms(10000));
    b.take_permit(ms(10000));
    CHECK(b.permits_call());
    b.take_permit(ms(10000));
    CHECK_FALSE(b.permits_call());
  }
  SECTION("good trial calls close the breaker and reset the wait") {
    b.advance(ms(10000));
    CHECK(b.record(false, ms(10), ms(10100)) == Change::kNone);
    CHECK(b.record(false, ms(10), ms(10200)) == Change::kClosed);
    CHECK(b.current_open_wait() == ms(10000));
    CHECK(b.permits_call());
  }
  SECTION("a failed trial (50 % >= 50 %) opens again; the wait doubles each time: 10 s, 20 s, 40 s") {
    b.advance(ms(10000));
    b.record(true, ms(10), ms(10100));
    CHECK(b.record(false, ms(10), ms(10200)) == Change::kOpened);
    CHECK(b.current_open_wait() == ms(20000));
    CHECK(b.deadline() == ms(30200));
    CHECK(b.advance(ms(30200)) == Change::kHalfOpened);
    b.record(true, ms(10), ms(30300));
    CHECK(b.record(true, ms(10), ms(30400)) == Change::kOpened);
    CHECK(b.current_open_wait() == ms(40000));
    CHECK(b.advance(ms(70400)) == Change::kHalfOpened);
    b.record(false, ms(10), ms(70500));
    CHECK(b.record(false, ms(10), ms(70600)) == Change::kClosed);
    // After closing, the next open waits the base 10 s again.
    b.record(true, ms(10), ms(80000));
    CHECK(b.record(true, ms(10), ms(80001)) == Change::kOpened);
    CHECK(b.current_open_wait() == ms(10000));
  }
  SECTION("never stuck half-open: permits out and no result within the open wait -> permits again") {
    b.advance(ms(10000));
    b.take_permit(ms(12000));
    b.take_permit(ms(13000));  // last permit: renewal due at 13 s + 10 s
    CHECK(b.deadline() == ms(23000));
    CHECK(b.advance(ms(22999)) == Change::kNone);
    CHECK_FALSE(b.permits_call());
    CHECK(b.advance(ms(23000)) == Change::kNone);  // still half-open: no state change
    CHECK(b.state() == BreakerState::kHalfOpen);
    CHECK(b.permits_call());
  }
}
