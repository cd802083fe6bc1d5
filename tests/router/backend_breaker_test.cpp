// The APIM backend circuit breaker rule (domain-facts, API Management: "failure count or
// percentage within an interval, for status-code ranges; while tripped it returns 503 for
// the trip duration; with acceptRetryAfter the backend's Retry-After sets the trip
// duration"). Table-driven: answers fed one per entry at the times given, state after each.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/router/backend_breaker.hpp"

using namespace faultline::router;

namespace {

Micros ms(std::int64_t v) { return Micros{v * 1000}; }

struct Answer {
  std::int64_t at_ms;
  int status;
  std::int64_t retry_after_ms = -1;
};

// 'T' when the breaker is tripped just after each answer, else '.'.
std::string feed(BackendBreaker& b, const std::vector<Answer>& answers) {
  std::string states;
  for (const Answer& a : answers) {
    b.record(a.status, a.retry_after_ms < 0 ? Micros{-1} : ms(a.retry_after_ms), ms(a.at_ms));
    states += b.is_tripped(ms(a.at_ms)) ? 'T' : '.';
  }
  return states;
}

}  // namespace

TEST_CASE("APIM breaker: a failure count within the interval trips for the trip duration", "[router][apim-breaker]") {
  BackendBreakerConfig c;
  c.failure_count = 3;
  c.interval = std::chrono::seconds(10);
  c.trip_duration = std::chrono::seconds(30);
  SECTION("three 5xx inside 10 s trip at the third; 200s and 4xx do not count") {
    // 500 at 0 s, 200, 404, 502 at 3 s, 429: 2 failures; 503 at 9.5 s is the third: tripped
    // until 39.5 s.
    BackendBreaker b(c);
    CHECK(feed(b, {{0, 500}, {1000, 200}, {2000, 404}, {3000, 502}, {4000, 429}, {9500, 503}}) == ".....T");
    CHECK(b.tripped_until() == ms(39500));
    CHECK(b.is_tripped(ms(39499)));
    CHECK_FALSE(b.is_tripped(ms(39500)));
  }
  SECTION("failures spread wider than the interval do not trip") {
    // The window holds the calls of the last 10 whole seconds, the current one included:
    // at 10.0 s the failure of second 0 has left it (seconds 1 .. 10), so only 2 remain.
    BackendBreaker b(c);
    CHECK(feed(b, {{0, 500}, {5000, 500}, {10000, 500}, {14000, 500}}) == "...T");
  }
  SECTION("answers while tripped are ignored; after the trip the window starts empty") {
    BackendBreaker b(c);
    CHECK(feed(b, {{0, 500}, {1, 500}, {2, 500}, {100, 500}, {30002, 500}, {30003, 500}, {30004, 500}}) == "..TT..T");
    CHECK(b.trips() == 2);
  }
  SECTION("no answer (status 0) counts unless turned off") {
    BackendBreaker counted(c);
    CHECK(feed(counted, {{0, 0}, {1, 0}, {2, 0}}) == "..T");
    c.counts_no_answer = false;
    BackendBreaker ignored(c);
    CHECK(feed(ignored, {{0, 0}, {1, 0}, {2, 0}}) == "...");
  }
  SECTION("status ranges choose what fails: 429 only") {
    c.status_ranges = {StatusRange{429, 429}};
    BackendBreaker b(c);
    CHECK(feed(b, {{0, 500}, {1, 429}, {2, 503}, {3, 429}, {4, 429}}) == "....T");
  }
}

TEST_CASE("APIM breaker: percentage rule and acceptRetryAfter", "[router][apim-breaker]") {
  BackendBreakerConfig c;
  c.failure_percentage = 50;
  c.interval = std::chrono::seconds(60);
  c.trip_duration = std::chrono::seconds(60);
  SECTION("trips when failures reach 50 % of the interval's calls, with no minimum") {
    // 200, 200, 500 (1 of 3 = 33 %), 500 (2 of 4 = 50 %): tripped at the 4th.
    BackendBreaker b(c);
    CHECK(feed(b, {{0, 200}, {1, 200}, {2, 500}, {3, 500}}) == "...T");
    BackendBreaker first(c);
    CHECK(feed(first, {{0, 500}}) == "T");  // 1 of 1: APIM documents no minimum
  }
  SECTION("acceptRetryAfter: the tripping answer's Retry-After is the trip duration") {
    c.accept_retry_after = true;
    c.status_ranges = {StatusRange{429, 429}, StatusRange{500, 599}};
    BackendBreaker b(c);
    CHECK(feed(b, {{1000, 429, 7000}}) == "T");
    CHECK(b.tripped_until() == ms(8000));
    BackendBreaker without(c);
    CHECK(feed(without, {{1000, 503}}) == "T");  // no Retry-After: the trip duration
    CHECK(without.tripped_until() == ms(61000));
    c.accept_retry_after = false;
    BackendBreaker ignored(c);
    CHECK(feed(ignored, {{1000, 429, 7000}}) == "T");
    CHECK(ignored.tripped_until() == ms(61000));
  }
}
