#pragma once
// Small RBMs with every parameter drawn at random (weights and biases of the given scale), and
// enumeration of binary states, for tests that check against brute force.

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/models/rbm/rbm_model.h"
#include "core/util/rng.h"

namespace genlab::rbm::test {

inline Rbm randomRbm(Eigen::Index visible, Eigen::Index hidden, std::uint64_t seed,
                     double scale = 1.0) {
  Rng rng(seed);
  Rbm rbm;
  rbm.weights.resize(visible, hidden);
  rbm.visibleBias.resize(visible);
  rbm.hiddenBias.resize(hidden);
  for (Eigen::Index i = 0; i < rbm.weights.size(); ++i) rbm.weights(i) = rng.normal(0.0, scale);
  for (Eigen::Index i = 0; i < visible; ++i) rbm.visibleBias(i) = rng.normal(0.0, scale);
  for (Eigen::Index j = 0; j < hidden; ++j) rbm.hiddenBias(j) = rng.normal(0.0, scale);
  return rbm;
}

// Every state of `bits` binary units, one per row; row s has unit k = bit k of s.
inline Eigen::MatrixXd allStates(Eigen::Index bits) {
  const Eigen::Index n = Eigen::Index{1} << bits;
  Eigen::MatrixXd states(n, bits);
  for (Eigen::Index s = 0; s < n; ++s) {
    for (Eigen::Index k = 0; k < bits; ++k) states(s, k) = static_cast<double>((s >> k) & 1);
  }
  return states;
}

// Index of a binary row in allStates' order.
inline Eigen::Index stateIndex(const Eigen::RowVectorXd& row) {
  Eigen::Index s = 0;
  for (Eigen::Index k = 0; k < row.size(); ++k) {
    if (row(k) != 0.0) s |= Eigen::Index{1} << k;
  }
  return s;
}

// -E(v, h) = b'v + c'h + v'W h.
inline double negativeEnergy(const Rbm& rbm, const Eigen::RowVectorXd& v,
                             const Eigen::RowVectorXd& h) {
  return v.dot(rbm.visibleBias.transpose()) + h.dot(rbm.hiddenBias.transpose()) +
         (v * rbm.weights).dot(h);
}

// Pearson's statistic, cells with expected count < 5 pooled into one; returns it and the
// degrees of freedom.
inline std::pair<double, int> chiSquared(const std::vector<double>& counts,
                                         const std::vector<double>& probabilities, double n) {
  double statistic = 0.0;
  int cells = 0;
  double pooledCount = 0.0;
  double pooledExpected = 0.0;
  for (std::size_t s = 0; s < counts.size(); ++s) {
    const double expected = n * probabilities[s];
    if (expected < 5.0) {
      pooledCount += counts[s];
      pooledExpected += expected;
      continue;
    }
    statistic += (counts[s] - expected) * (counts[s] - expected) / expected;
    ++cells;
  }
  if (pooledExpected > 0.0) {
    statistic += (pooledCount - pooledExpected) * (pooledCount - pooledExpected) / pooledExpected;
    ++cells;
  }
  return {statistic, cells - 1};
}

// The chi-squared quantile at 1 - 0.001 (Wilson-Hilferty; within 1% for 10+ degrees).
inline double criticalValue(int dof) {
  const double k = dof;
  const double z = 3.0902;
  return k * std::pow(1.0 - 2.0 / (9.0 * k) + z * std::sqrt(2.0 / (9.0 * k)), 3.0);
}

}  // namespace genlab::rbm::test
