// SPDX-License-Identifier: MIT
#include "analysis/sim/statistics.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
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
  if (df < 1) return 0;
  // Boost.Math's inverse of the Student-t distribution (exact to double precision) instead of a table.
  return boost::math::quantile(boost::math::students_t_distribution<double>(static_cast<double>(df)), 0.975);
}

} // namespace lotse::analysis::sim
