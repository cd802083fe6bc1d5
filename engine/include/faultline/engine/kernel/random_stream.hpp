#pragma once
// Reproducible random streams keyed by (master seed, replication, stream name).

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string_view>

namespace faultline::engine {

__extension__ using Uint128 = unsigned __int128;  // GCC/Clang builtin, for Lemire's method

/// One splitmix64 step: advances `state` and returns a well-mixed 64-bit value.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// FNV-1a hash of a stream name (stable across platforms and runs).
constexpr std::uint64_t stream_name_hash(std::string_view name) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

/// A xoshiro256++ generator whose state is derived from a key by splitmix64, plus
/// the samplers the model needs. The samplers are our own code (inverse
/// transform / polar method on 53-bit uniforms), so a seed gives the same values
/// whatever the standard library. Copying a stream copies its position.
class RandomStream {
 public:
  /// Stream for (master_seed, replication, name, index); equal keys give equal streams.
  RandomStream(std::uint64_t master_seed, std::uint64_t replication, std::string_view name, std::uint64_t index = 0) {
    std::uint64_t sm = master_seed;
    std::uint64_t key = splitmix64(sm);
    sm = key ^ replication;
    key = splitmix64(sm);
    sm = key ^ stream_name_hash(name);
    key = splitmix64(sm);
    sm = key ^ index;
    for (auto& word : s_) word = splitmix64(sm);
  }

  /// Stream with an explicit xoshiro256++ state (not all zero), for tests against published vectors.
  static RandomStream from_state(const std::array<std::uint64_t, 4>& state) {
    RandomStream r;
    r.s_ = state;
    return r;
  }

  /// Next raw 64-bit value.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  /// Uniform in (0, 1]: safe under log().
  double uniform01_open_low() { return static_cast<double>((next_u64() >> 11) + 1) * 0x1.0p-53; }
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
  /// Uniform integer in [0, n) without modulo bias (Lemire); n > 0.
  std::uint64_t uniform_index(std::uint64_t n) {
    Uint128 m = static_cast<Uint128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<Uint128>(next_u64()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }
  /// True with probability p.
  bool bernoulli(double p) { return uniform01() < p; }
  /// Exponential with the given mean (inverse transform).
  double exponential(double mean) { return -mean * std::log(uniform01_open_low()); }
  /// Normal(mean, sd) by Marsaglia's polar method: one value per accepted pair of
  /// uniforms (no hidden cache of the second value, no trigonometry).
  double normal(double mean, double sd) {
    double u = 0;
    double s = 0;
    do {
      u = 2.0 * uniform01() - 1.0;
      const double v = 2.0 * uniform01() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return mean + sd * u * std::sqrt(-2.0 * std::log(s) / s);
  }
  /// Lognormal: exp(Normal(mu, sigma)); mu and sigma of the underlying normal.
  double lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }
  /// Weibull with shape k > 0 and scale lambda > 0 (inverse transform).
  double weibull(double shape, double scale) { return scale * std::pow(-std::log(uniform01_open_low()), 1.0 / shape); }

 private:
  RandomStream() = default;
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

}  // namespace faultline::engine
