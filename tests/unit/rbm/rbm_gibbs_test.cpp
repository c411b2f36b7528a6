// Gibbs sampling against the enumerated joint: a chi-squared test of (v, h) frequencies over
// every state of a model with visible + hidden = 9 units, and the same test's power against a
// slightly different model (it must reject that one).

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/models/rbm/rbm_learning.h"
#include "core/models/rbm/rbm_partition.h"
#include "tests/unit/rbm/rbm_test_util.h"

namespace genlab::rbm {
namespace {

using test::allStates;
using test::chiSquared;
using test::criticalValue;
using test::stateIndex;

// p(v, h) for every (v, h), index v_index * 2^H + h_index.
std::vector<double> jointProbabilities(const Rbm& rbm) {
  const double logZ = exactLogPartition(rbm);
  const Eigen::MatrixXd vs = allStates(rbm.visible());
  const Eigen::MatrixXd hs = allStates(rbm.hidden());
  std::vector<double> p;
  for (Eigen::Index a = 0; a < vs.rows(); ++a) {
    for (Eigen::Index b = 0; b < hs.rows(); ++b) {
      p.push_back(std::exp(test::negativeEnergy(rbm, vs.row(a), hs.row(b)) - logZ));
    }
  }
  return p;
}

// One sample of the joint from each of `chains` independent chains: 40 sweeps from random
// images, then h ~ p(h | v) for the last v.
std::vector<double> sampleCounts(const Rbm& rbm, int chains, std::uint64_t seed) {
  Rng rng(seed);
  const UniformFill fill = uniformsFrom(rng);
  Eigen::MatrixXd v(chains, rbm.visible());
  fill(v);
  v = (v.array() < 0.5).cast<double>().matrix();
  gibbsSweeps(rbm, v, 40, fill);
  Eigen::MatrixXd h, uniforms;
  sampleBernoulli(hiddenProbabilities(rbm, v), fill, uniforms, h);
  std::vector<double> counts(std::size_t{1} << (rbm.visible() + rbm.hidden()), 0.0);
  for (int r = 0; r < chains; ++r) {
    const auto index = (stateIndex(v.row(r)) << rbm.hidden()) + stateIndex(h.row(r));
    counts[static_cast<std::size_t>(index)] += 1.0;
  }
  return counts;
}

TEST(RbmGibbs, JointFrequenciesPassChiSquaredAgainstEnumeration) {
  const Rbm rbm = test::randomRbm(5, 4, 17, 1.0);
  constexpr int kChains = 60000;
  const std::vector<double> counts = sampleCounts(rbm, kChains, 3);
  const auto [statistic, dof] = chiSquared(counts, jointProbabilities(rbm), kChains);
  EXPECT_GT(dof, 50);  // many of the 512 cells are tested on their own
  EXPECT_LT(statistic, criticalValue(dof)) << "chi2 " << statistic << " on " << dof << " dof";

  // Power: the same counts against a model whose one hidden bias moved by 0.3 must fail.
  Rbm other = rbm;
  other.hiddenBias(0) += 0.3;
  const auto [wrong, wrongDof] = chiSquared(counts, jointProbabilities(other), kChains);
  EXPECT_GT(wrong, criticalValue(wrongDof)) << "chi2 " << wrong << " on " << wrongDof << " dof";
}

TEST(RbmGibbs, VisibleMarginalFromEightUnitsEachSide) {
  // V + H = 12: the visible marginal p(v) = exp(-F(v)) / Z over its 16 states.
  const Rbm rbm = test::randomRbm(4, 8, 23, 0.8);
  constexpr int kChains = 40000;
  const std::vector<double> joint = sampleCounts(rbm, kChains, 8);
  std::vector<double> counts(16, 0.0);
  for (std::size_t s = 0; s < joint.size(); ++s) counts[s >> 8] += joint[s];
  const Eigen::VectorXd logP =
      logLikelihood(rbm, allStates(4), exactLogPartition(rbm, Enumerate::Hidden));
  std::vector<double> p(16);
  for (int s = 0; s < 16; ++s) p[static_cast<std::size_t>(s)] = std::exp(logP(s));
  const auto [statistic, dof] = chiSquared(counts, p, kChains);
  EXPECT_EQ(dof, 15);
  EXPECT_LT(statistic, criticalValue(dof)) << "chi2 " << statistic;
}

}  // namespace
}  // namespace genlab::rbm
