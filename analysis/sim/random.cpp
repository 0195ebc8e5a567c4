// SPDX-License-Identifier: MIT
// Random streams and distributions (see random.h). Algorithms are spelled out here so that a seed gives
// the same numbers with every compiler and standard library.
#include "analysis/sim/random.h"

#include <cmath>
#include <numbers>

namespace lotse::analysis::sim {
namespace {

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

RandomStream::RandomStream(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3)
    : s_{s0, s1, s2, s3} {}

RandomStream RandomStream::for_stream(std::uint64_t seed, std::uint64_t replication, Purpose p) {
  // Mix the three coordinates through SplitMix64 so that neighbouring seeds/replications give
  // unrelated streams, then draw the four state words from the mixed value.
  std::uint64_t mix = seed;
  std::uint64_t key = splitmix64(mix);
  mix = key ^ (replication * 0xd1b54a32d192ed03ULL);
  key = splitmix64(mix);
  mix = key ^ (static_cast<std::uint64_t>(p) * 0x8cb92ba72f3d8dd7ULL);
  std::uint64_t a = splitmix64(mix), b = splitmix64(mix), c = splitmix64(mix), d = splitmix64(mix);
  if ((a | b | c | d) == 0) a = 1;
  return RandomStream(a, b, c, d);
}

std::uint64_t RandomStream::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double RandomStream::exponential(double mean) { return -mean * std::log(uniform01_open()); }

double RandomStream::standard_normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double r = std::sqrt(-2.0 * std::log(uniform01_open()));
  const double phi = 2.0 * std::numbers::pi * uniform01();
  spare_ = r * std::sin(phi);
  has_spare_ = true;
  return r * std::cos(phi);
}

double RandomStream::gamma(double shape, double scale) {
  if (shape <= 0 || scale <= 0) return 0.0;
  if (shape < 1.0) {
    // Gamma(k) = Gamma(k + 1) * U^(1/k) (Marsaglia-Tsang, section 7).
    const double u = uniform01_open();
    return gamma(shape + 1.0, scale) * std::pow(u, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0, v = 0;
    do {
      x = standard_normal();
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = uniform01_open();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return d * v * scale;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
  }
}

double RandomStream::sample(const engine::Distribution& dist) {
  using engine::DistKind;
  double v = 0;
  switch (dist.kind) {
  case DistKind::fixed: v = dist.p1; break;
  case DistKind::exponential: return dist.p1 > 0 ? exponential(dist.p1) : 0.0;
  case DistKind::normal: {
    if (dist.p2 <= 0) return std::max(dist.p1, 0.0);
    for (int i = 0; i < 64; ++i) {
      v = dist.p1 + dist.p2 * standard_normal();
      if (v >= 0) return v;
    }
    return 0.0;
  }
  case DistKind::lognormal: {
    if (dist.p1 <= 0) return 0.0;
    if (dist.p2 <= 0) return dist.p1;
    const double ratio = dist.p2 / dist.p1;
    const double sigma2 = std::log1p(ratio * ratio);
    const double mu = std::log(dist.p1) - 0.5 * sigma2;
    return std::exp(mu + std::sqrt(sigma2) * standard_normal());
  }
  case DistKind::uniform: v = dist.p1 + (dist.p2 - dist.p1) * uniform01(); break;
  case DistKind::triangular: {
    const double a = dist.p1, c = dist.p2, b = dist.p3;
    if (b <= a) {
      v = a;
      break;
    }
    const double u = uniform01();
    const double fc = (c - a) / (b - a);
    v = u < fc ? a + std::sqrt(u * (b - a) * (c - a)) : b - std::sqrt((1.0 - u) * (b - a) * (b - c));
    break;
  }
  case DistKind::gamma: return gamma(dist.p1, dist.p2);
  case DistKind::erlang: {
    const double k = std::round(dist.p1);
    if (k < 1 || dist.p2 <= 0) return 0.0;
    if (k > 32) return gamma(k, dist.p2 / k);
    // Product of k uniforms: -(mean/k) ln(prod u), one logarithm per draw.
    double prod = 1.0;
    for (int i = 0; i < static_cast<int>(k); ++i) prod *= uniform01_open();
    return -(dist.p2 / k) * std::log(prod);
  }
  case DistKind::histogram: {
    double total = 0;
    for (const auto& b : dist.bins) total += std::max(b.probability, 0.0);
    if (dist.bins.empty() || total <= 0) return 0.0;
    double u = uniform01() * total;
    const engine::HistogramBin* bin = &dist.bins.back();
    for (const auto& b : dist.bins) {
      const double p = std::max(b.probability, 0.0);
      if (u < p) {
        bin = &b;
        break;
      }
      u -= p;
    }
    v = bin->min + (bin->max - bin->min) * uniform01();
    break;
  }
  }
  return v < 0 ? 0.0 : v;
}

std::string check_distribution(const engine::Distribution& d) {
  using engine::DistKind;
  const auto finite = [](double x) { return std::isfinite(x); };
  if (!finite(d.p1) || !finite(d.p2) || !finite(d.p3)) return "parameter is not a number";
  switch (d.kind) {
  case DistKind::fixed: return d.p1 < 0 ? "negative value" : "";
  case DistKind::exponential: return d.p1 < 0 ? "negative mean" : "";
  case DistKind::normal:
  case DistKind::lognormal: return d.p1 < 0 ? "negative mean" : d.p2 < 0 ? "negative standard deviation" : "";
  case DistKind::uniform: return d.p2 < d.p1 ? "max below min" : "";
  case DistKind::triangular: return (d.p2 < d.p1 || d.p3 < d.p2) ? "need min <= mode <= max" : "";
  case DistKind::gamma: return (d.p1 <= 0 || d.p2 <= 0) ? "shape and scale must be positive" : "";
  case DistKind::erlang: return (d.p1 < 1 || d.p2 < 0) ? "need k >= 1 and mean >= 0" : "";
  case DistKind::histogram: {
    if (d.bins.empty()) return "no bins";
    for (const auto& b : d.bins) {
      if (!finite(b.probability) || b.probability < 0 || b.max < b.min) return "bad bin";
    }
    return "";
  }
  }
  return "";
}

} // namespace lotse::analysis::sim
