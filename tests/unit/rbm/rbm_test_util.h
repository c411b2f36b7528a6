#pragma once
// Small RBMs with every parameter drawn at random (weights and biases of the given scale), and
// enumeration of binary states, for tests that check against brute force.

#include <Eigen/Core>
#include <cstdint>

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

}  // namespace genlab::rbm::test
