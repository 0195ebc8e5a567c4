// SPDX-License-Identifier: MIT
#include "analysis/sim/statistics.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace lotse::analysis::sim {
namespace {

constexpr int sub_bits = 7;
constexpr std::int64_t sub_count = 1 << sub_bits;  // 128 buckets per octave
constexpr std::size_t bucket_count = (64 - sub_bits) * sub_count;

std::size_t bucket_of(std::int64_t v) {
  if (v < sub_count) return static_cast<std::size_t>(v);
  const int e = 63 - std::countl_zero(static_cast<std::uint64_t>(v));  // floor(log2 v) >= 7
  const std::int64_t mantissa = v >> (e - sub_bits);                 // in [128, 256)
  return static_cast<std::size_t>((e - sub_bits + 1) * sub_count + (mantissa - sub_count));
}

std::int64_t bucket_mid(std::size_t b) {
  if (b < static_cast<std::size_t>(sub_count)) return static_cast<std::int64_t>(b);
  const int e = static_cast<int>(b / sub_count) + sub_bits - 1;
  const std::int64_t mantissa = static_cast<std::int64_t>(b % sub_count) + sub_count;
  const std::int64_t lo = mantissa << (e - sub_bits);
  const std::int64_t width = std::int64_t{1} << (e - sub_bits);
  return lo + width / 2;
}

} // namespace

Histogram::Histogram() : counts_(bucket_count, 0) {}

void Histogram::add(std::int64_t v) {
  if (v < 0) v = 0;
  ++counts_[bucket_of(v)];
  ++total_;
  max_ = std::max(max_, v);
}

void Histogram::merge(const Histogram& o) {
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += o.counts_[i];
  total_ += o.total_;
  max_ = std::max(max_, o.max_);
}

std::int64_t Histogram::quantile(double q) const {
  if (total_ == 0) return 0;
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total_))));
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    seen += counts_[b];
    if (seen >= rank) return std::min(bucket_mid(b), max_);
  }
  return max_;
}

double student_t975(int df) {
  static constexpr double table[] = {0,      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                     2.201,  2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                     2.080,  2.074,  2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df < 1) return 0;
  if (df <= 30) return table[df];
  if (df <= 40) return 2.021;
  if (df <= 60) return 2.000;
  if (df <= 120) return 1.980;
  return 1.960;
}

} // namespace lotse::analysis::sim
