#pragma once
// Models and an independent brute-force reference shared by the HMM tests.

#include <cmath>
#include <numbers>
#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"
#include "core/util/rng.h"

namespace genlab::hmm::testing {

// Durbin, Eddy, Krogh & Mitchison (1998), section 3.2: fair die and loaded die (P(6) = 1/2),
// switching fair->loaded 0.05, loaded->fair 0.1. Symbols 0..5 are faces 1..6.
inline HmmModel casinoModel() {
  HmmModel m;
  m.emission = EmissionKind::Discrete;
  m.start = Eigen::Vector2d(0.5, 0.5);
  m.transition.resize(2, 2);
  m.transition << 0.95, 0.05, 0.10, 0.90;
  m.emissionProbs.resize(2, 6);
  m.emissionProbs.row(0).setConstant(1.0 / 6.0);
  m.emissionProbs.row(1) << 0.1, 0.1, 0.1, 0.1, 0.1, 0.5;
  return m;
}

inline Eigen::RowVectorXd randomSimplex(Index n, Rng& rng) {
  Eigen::RowVectorXd row(n);
  for (Index j = 0; j < n; ++j) row(j) = 0.05 + rng.uniform();
  return row / row.sum();
}

inline HmmModel randomDiscreteModel(Index k, Index m, Rng& rng) {
  HmmModel model;
  model.emission = EmissionKind::Discrete;
  model.start = randomSimplex(k, rng).transpose();
  model.transition.resize(k, k);
  model.emissionProbs.resize(k, m);
  for (Index i = 0; i < k; ++i) {
    model.transition.row(i) = randomSimplex(k, rng);
    model.emissionProbs.row(i) = randomSimplex(m, rng);
  }
  return model;
}

inline HmmModel randomGaussianModel(Index k, Index d, Rng& rng) {
  HmmModel model;
  model.emission = EmissionKind::Gaussian;
  model.start = randomSimplex(k, rng).transpose();
  model.transition.resize(k, k);
  model.means.resize(k, d);
  model.variances.resize(k, d);
  for (Index i = 0; i < k; ++i) {
    model.transition.row(i) = randomSimplex(k, rng);
    for (Index c = 0; c < d; ++c) {
      model.means(i, c) = rng.uniform(-3.0, 3.0);
      model.variances(i, c) = rng.uniform(0.3, 2.0);
    }
  }
  return model;
}

// p(x_t | z_t = i), written out directly from the densities' definitions.
inline double emissionDensity(const HmmModel& m, const Observations& obs, Index t, int i) {
  if (m.isDiscrete()) return m.emissionProbs(i, obs.symbols[t]);
  double p = 1.0;
  for (Index c = 0; c < m.dim(); ++c) {
    const double v = m.variances(i, c);
    const double z = obs.values(t, c) - m.means(i, c);
    p *= std::exp(-z * z / (2.0 * v)) / std::sqrt(2.0 * std::numbers::pi * v);
  }
  return p;
}

// Every one of the K^T hidden paths with its joint probability P(x, z).
struct BruteForce {
  double likelihood = 0.0;
  RowMatrix gamma;            // T x K
  std::vector<RowMatrix> xi;  // T-1 of K x K
  std::vector<int> bestPath;
  double bestJoint = -1.0;

  BruteForce(const HmmModel& m, const Observations& obs) {
    const Index k = m.states();
    const Index t_len = obs.length();
    gamma = RowMatrix::Zero(t_len, k);
    xi.assign(static_cast<std::size_t>(t_len > 0 ? t_len - 1 : 0), RowMatrix::Zero(k, k));
    std::vector<int> z(static_cast<std::size_t>(t_len), 0);
    long total = 1;
    for (Index t = 0; t < t_len; ++t) total *= k;
    for (long code = 0; code < total; ++code) {
      long c = code;
      for (Index t = 0; t < t_len; ++t, c /= k) z[t] = static_cast<int>(c % k);
      double p = m.start(z[0]) * emissionDensity(m, obs, 0, z[0]);
      for (Index t = 1; t < t_len; ++t)
        p *= m.transition(z[t - 1], z[t]) * emissionDensity(m, obs, t, z[t]);
      likelihood += p;
      for (Index t = 0; t < t_len; ++t) gamma(t, z[t]) += p;
      for (Index t = 0; t + 1 < t_len; ++t) xi[t](z[t], z[t + 1]) += p;
      if (p > bestJoint) {
        bestJoint = p;
        bestPath = z;
      }
    }
    gamma /= likelihood;
    for (auto& x : xi) x /= likelihood;
  }
};

}  // namespace genlab::hmm::testing
