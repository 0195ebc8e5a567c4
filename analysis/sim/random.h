// SPDX-License-Identifier: MIT
// Reproducible random numbers for the simulator: xoshiro256** seeded through SplitMix64, one stream per
// (seed, replication, purpose), and our own distribution code (no std::*_distribution, whose algorithms
// differ between standard libraries; house style 3.6.4). Parameters follow engine::Distribution (seconds).
#pragma once

#include "engine/model.h"

#include <cstdint>
#include <string>

namespace lotse::analysis::sim {

/// SplitMix64 (Steele, Lea, Flood 2014): advances `state` and returns the next output.
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t& state);

/// What a random stream is used for; each purpose has its own stream so that changing one part of a
/// model (say, a branching probability) leaves the draws of the others unchanged.
enum class Purpose : std::uint64_t { arrivals = 1, durations = 2, routing = 3, delays = 4 };

/// xoshiro256** 1.0 (Blackman, Vigna 2018) with the distributions the simulator needs.
class RandomStream {
public:
  /// State set directly (for the reference test vectors); must not be all zero.
  RandomStream(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);
  /// The stream for (seed, replication, purpose): four SplitMix64 outputs of a mixed seed.
  [[nodiscard]] static RandomStream for_stream(std::uint64_t seed, std::uint64_t replication, Purpose p);

  /// Raw 64-bit output.
  [[nodiscard]] std::uint64_t next();
  /// Uniform in [0, 1) with 53 random bits.
  [[nodiscard]] double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in (0, 1]: safe for logarithms.
  [[nodiscard]] double uniform01_open() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }
  /// Exponential with the given mean (inverse transform).
  [[nodiscard]] double exponential(double mean);
  /// Standard normal (Box-Muller; the second value of each pair is kept for the next call).
  [[nodiscard]] double standard_normal();
  /// Gamma(shape k, scale theta) by Marsaglia-Tsang (2000); k < 1 via the u^(1/k) boost.
  [[nodiscard]] double gamma(double shape, double scale);
  /// A draw in seconds from `d`. NORMAL is redrawn while negative (up to 64 times, then 0): a
  /// duration cannot be negative; LOGNORMAL, GAMMA, ERLANG, EXPONENTIAL are positive by nature;
  /// FIXED/UNIFORM/TRIANGULAR/HISTOGRAM values below 0 are clamped to 0.
  [[nodiscard]] double sample(const engine::Distribution& d);

private:
  std::uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

/// Checks a distribution's parameters; returns "" when fine, else an English reason.
[[nodiscard]] std::string check_distribution(const engine::Distribution& d);

} // namespace lotse::analysis::sim
