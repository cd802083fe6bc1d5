#include <catch2/catch.hpp>
#include <stdexcept>

#include "faultline/engine/model/provisioned_throughput.hpp"
#include "faultline/engine/model/standard_quota.hpp"

using namespace faultline::engine;

TEST_CASE("Standard quota: RPM and TPM over fixed windows", "[engine][capacity]") {
  SECTION("100k TPM -> 600 RPM -> the 11th request in a 1 s window gets 429 until the window ends") {
    StandardQuota q(100000);
    CHECK(q.rpm() == 600);
    CHECK(q.requests_per_window() == 10);
    for (int i = 0; i < 10; ++i) REQUIRE(q.admit(at_micros(500000), 10).is_admitted);
    const Admission eleventh = q.admit(at_micros(500000), 10);
    CHECK_FALSE(eleventh.is_admitted);
    CHECK(eleventh.retry_after == millis(500));  // window [0 s, 1 s) ends at 1 s
    CHECK(q.admit(at_micros(1000000), 10).is_admitted);
  }
  SECTION("tokens: a minute window holds TPM tokens") {
    StandardQuota q(100000);  // 100000 tokens per minute [0 s, 60 s)
    CHECK(q.admit(at_micros(0), 60000).is_admitted);
    const Admission second = q.admit(at_micros(15000000), 50000);  // 110000 > 100000
    CHECK_FALSE(second.is_admitted);
    CHECK(second.retry_after == seconds(45));                // the minute ends at 60 s
    CHECK(q.admit(at_micros(16000000), 40000).is_admitted);  // 100000; rejected ones consumed nothing
    CHECK(q.admit(at_micros(60000000), 90000).is_admitted);  // a new minute
  }
  SECTION("a scale shrinks both limits") {
    StandardQuota q(100000);  // 10 requests per second, 100000 tokens per minute
    for (int i = 0; i < 2; ++i) REQUIRE(q.admit(at_micros(0), 10, 0.25).is_admitted);  // floor(10 x 0.25) = 2
    CHECK_FALSE(q.admit(at_micros(0), 10, 0.25).is_admitted);
    CHECK_FALSE(q.admit(at_micros(1000000), 30000, 0.25).is_admitted);  // 20 + 30000 > 25000
    CHECK_FALSE(q.admit(at_micros(2000000), 1, 0.0).is_admitted);
  }
  SECTION("a 10 s window admits RPM / 6 requests") {
    StandardQuota q(100000, 0, 10);
    CHECK(q.requests_per_window() == 100);
    CHECK(q.tokens_per_minute() == 100000);
    for (int i = 0; i < 100; ++i) REQUIRE(q.admit(at_micros(9000000), 1).is_admitted);
    const Admission over = q.admit(at_micros(9000000), 1);
    CHECK_FALSE(over.is_admitted);
    CHECK(over.retry_after == seconds(1));
  }
  SECTION("an explicit low RPM still admits one request per window") {
    StandardQuota q(100000, 30, 1);
    CHECK(q.requests_per_window() == 1);
  }
  SECTION("bad parameters are rejected") {
    CHECK_THROWS_WITH(StandardQuota(0), "standard quota: tpm must be > 0");
    CHECK_THROWS_WITH(StandardQuota(1000, 0, 5), "standard quota: window must be 1 or 10 seconds");
  }
}

TEST_CASE("Provisioned throughput: leaky bucket, 429 above 100 % utilisation", "[engine][capacity]") {
  // 5 PTU x 1500 tokens/PTU/min = 7500 tokens/min = 125 tokens/s; bucket 60 s -> 7500 tokens.
  ProvisionedThroughput p(5, 1500);
  CHECK(p.drain_per_s() == 125);
  SECTION("admitted below 100 %, even when the request pushes it over") {
    CHECK(p.admit(at_micros(0), 5000).is_admitted);  // level 5000 (66.7 %)
    CHECK(p.admit(at_micros(0), 5000).is_admitted);  // level 10000 (133 %)
    CHECK(p.utilisation(at_micros(0)) == Approx(10000.0 / 7500));
  }
  SECTION("over 100 %: 429 with Retry-After until it drops below 100 %") {
    p.admit(at_micros(0), 5000);
    p.admit(at_micros(0), 5000);
    const Admission third = p.admit(at_micros(0), 100);
    CHECK_FALSE(third.is_admitted);
    // (10000 - 7500) / 125 = 20 s, plus 1 us to be strictly below 100 %.
    CHECK(third.retry_after == micros(20000001));
    const Admission at_boundary = p.admit(at_micros(20000000), 100);  // level exactly 7500
    CHECK_FALSE(at_boundary.is_admitted);
    CHECK(at_boundary.retry_after == micros(1));
    CHECK(p.admit(at_micros(20000001), 100).is_admitted);
  }
  SECTION("the bucket drains over time") {
    p.admit(at_micros(0), 5000);
    CHECK(p.utilisation(at_micros(20000000)) == Approx(2500.0 / 7500));  // 5000 - 20 x 125
    CHECK(p.utilisation(at_micros(60000000)) == 0);
  }
  SECTION("half the PTUs live: half the drain and half the bucket") {
    // scale 0.5: drain 62.5 tokens/s, bucket 3750 tokens. 4000 admitted (106.7 %); then
    // (4000 - 3750) / 62.5 = 4 s until below 100 %, plus 1 us.
    CHECK(p.admit(at_micros(0), 4000, 0.5).is_admitted);
    CHECK(p.utilisation(at_micros(0), 0.5) == Approx(4000.0 / 3750));
    const Admission second = p.admit(at_micros(0), 100, 0.5);
    CHECK_FALSE(second.is_admitted);
    CHECK(second.retry_after == micros(4000001));
    CHECK(p.admit(at_micros(4000001), 100, 0.5).is_admitted);
  }
  SECTION("nothing live: 429 without Retry-After") {
    const Admission none = p.admit(at_micros(0), 1, 0.0);
    CHECK_FALSE(none.is_admitted);
    CHECK(none.retry_after == micros(-1));
  }
  SECTION("bad parameters are rejected") {
    CHECK_THROWS_WITH(ProvisionedThroughput(0, 1000), "provisioned throughput: ptu must be > 0");
    CHECK_THROWS_WITH(ProvisionedThroughput(1, 1000, 0), "provisioned throughput: burst must be > 0 s");
  }
}
