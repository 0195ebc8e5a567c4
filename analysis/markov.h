// SPDX-License-Identifier: MIT
// Expected visits of an absorbing Markov chain, generalised to token flows: x = s + T^T x, where T
// holds the expected number of tokens a state passes to another per visit (probabilities for XOR,
// 1 per branch for AND, independent probabilities for OR). Solved exactly with Eigen's sparse LU;
// for a plain chain this is the fundamental matrix N = (I - Q)^-1 applied to the start vector.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace lotse::analysis {

/// A sparse linear system of expected visits over `n` transient states.
class FlowSystem {
public:
  explicit FlowSystem(std::size_t n) : n_(n), source_(n, 0.0) {}

  /// Tokens entering state `i` from outside per case (start events).
  void add_source(std::size_t i, double amount) { source_.at(i) += amount; }
  /// Each visit of `from` passes `factor` expected tokens to `to` (x[to] += factor * x[from]).
  void add_transfer(std::size_t from, std::size_t to, double factor);

  [[nodiscard]] std::size_t size() const { return n_; }

  /// Expected visits per state; nullopt when the system is singular (a loop without exit) or the
  /// solution is not finite and non-negative.
  [[nodiscard]] std::optional<std::vector<double>> solve() const;

private:
  struct Transfer {
    std::size_t from, to;
    double factor;
  };
  std::size_t n_;
  std::vector<double> source_;
  std::vector<Transfer> transfers_;
};

/// Expected visits of each transient state of an absorbing Markov chain with transition matrix
/// `q` (row = from, dense, transient part only) started in `start` (a distribution): start^T (I - Q)^-1.
[[nodiscard]] std::optional<std::vector<double>> absorbing_chain_visits(const std::vector<std::vector<double>>& q,
                                                                        const std::vector<double>& start);

} // namespace lotse::analysis
