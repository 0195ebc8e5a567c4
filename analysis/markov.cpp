// SPDX-License-Identifier: MIT
// Sparse LU solve of the expected-visit system (I - T^T) x = s (Kemeny & Snell's fundamental matrix,
// applied to one start vector instead of inverted).
#include "analysis/markov.h"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>

namespace lotse::analysis {

void FlowSystem::add_transfer(std::size_t from, std::size_t to, double factor) {
  if (from >= n_ || to >= n_ || factor == 0.0) return;
  transfers_.push_back({from, to, factor});
}

std::optional<std::vector<double>> FlowSystem::solve() const {
  if (n_ == 0) return std::vector<double>{};
  using SpMat = Eigen::SparseMatrix<double>;
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(n_ + transfers_.size());
  for (std::size_t i = 0; i < n_; ++i) {
    triplets.emplace_back(static_cast<int>(i), static_cast<int>(i), 1.0);
  }
  for (const auto& t : transfers_) {
    triplets.emplace_back(static_cast<int>(t.to), static_cast<int>(t.from), -t.factor);
  }
  SpMat a(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(n_));
  a.setFromTriplets(triplets.begin(), triplets.end());  // duplicates are summed
  a.makeCompressed();
  Eigen::SparseLU<SpMat, Eigen::COLAMDOrdering<int>> lu;
  lu.analyzePattern(a);
  lu.factorize(a);
  if (lu.info() != Eigen::Success) return std::nullopt;
  Eigen::VectorXd b(static_cast<Eigen::Index>(n_));
  for (std::size_t i = 0; i < n_; ++i) b[static_cast<Eigen::Index>(i)] = source_[i];
  const Eigen::VectorXd x = lu.solve(b);
  if (lu.info() != Eigen::Success) return std::nullopt;
  // A loop whose return probability is 1 up to rounding yields huge or negative values.
  const Eigen::VectorXd residual = a * x - b;
  const double scale = std::max(1.0, b.lpNorm<Eigen::Infinity>());
  if (!(residual.lpNorm<Eigen::Infinity>() <= 1e-6 * scale)) return std::nullopt;
  std::vector<double> out(n_);
  for (std::size_t i = 0; i < n_; ++i) {
    const double v = x[static_cast<Eigen::Index>(i)];
    if (!std::isfinite(v) || v < -1e-9 || v > 1e12) return std::nullopt;
    out[i] = v < 0 ? 0.0 : v;
  }
  return out;
}

std::optional<std::vector<double>> absorbing_chain_visits(const std::vector<std::vector<double>>& q,
                                                          const std::vector<double>& start) {
  FlowSystem sys(start.size());
  for (std::size_t i = 0; i < start.size(); ++i) sys.add_source(i, start[i]);
  for (std::size_t i = 0; i < q.size() && i < start.size(); ++i) {
    for (std::size_t j = 0; j < q[i].size() && j < start.size(); ++j) sys.add_transfer(i, j, q[i][j]);
  }
  return sys.solve();
}

} // namespace lotse::analysis
