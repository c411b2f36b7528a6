// The DBM's layer-wise Gibbs sweep (h1 given v and h2, then v and h2 given h1: the stacked
// RBM's sweep) against the enumerated joint p(v, h1, h2) of a model with V + H1 + H2 = 11, by a
// chi-squared test of the frequencies of all 2048 states; and the test's power: the same counts
// fail against the model with one W2 entry or one h2 bias moved by 0.6 (what a sampler with a
// wrong h2 conditional would draw from).

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/models/dbm/dbm_likelihood.h"
#include "core/models/rbm/rbm_learning.h"
#include "tests/unit/dbm/dbm_test_util.h"

namespace genlab::dbm {
namespace {

using rbm::test::allStates;
using rbm::test::chiSquared;
using rbm::test::criticalValue;
using rbm::test::stateIndex;

// p(v, h1, h2), index (v_index << (H1 + H2)) + (h1_index << H2) + h2_index.
std::vector<double> jointProbabilities(const Dbm& dbm) {
  const double logZ = exactLogPartition(dbm);
  const Eigen::MatrixXd vs = allStates(dbm.visible());
  const Eigen::MatrixXd h1s = allStates(dbm.hidden1());
  const Eigen::MatrixXd h2s = allStates(dbm.hidden2());
  std::vector<double> p;
  for (Eigen::Index a = 0; a < vs.rows(); ++a) {
    for (Eigen::Index b = 0; b < h1s.rows(); ++b) {
      for (Eigen::Index c = 0; c < h2s.rows(); ++c) {
        p.push_back(std::exp(negativeEnergy(dbm, vs.row(a).transpose(), h1s.row(b).transpose(),
                                            h2s.row(c).transpose()) -
                             logZ));
      }
    }
  }
  return p;
}

// One joint sample from each of `chains` independent chains: (v, h2) from fair coins, 40
// sweeps, then h1 ~ p(h1 | v, h2).
std::vector<double> sampleCounts(const Dbm& dbm, int chains, std::uint64_t seed) {
  Rng rng(seed);
  const rbm::UniformFill fill = rbm::uniformsFrom(rng);
  Eigen::MatrixXd x(chains, dbm.stacked.visible());  // rows [v, h2]
  fill(x);
  x = (x.array() < 0.5).cast<double>().matrix();
  rbm::gibbsSweeps(dbm.stacked, x, 40, fill);
  const Eigen::MatrixXd v = x.leftCols(dbm.visible());
  const Eigen::MatrixXd h2 = x.rightCols(dbm.hidden2());
  Eigen::MatrixXd h1, uniforms;
  rbm::sampleBernoulli(hidden1Probabilities(dbm, v, h2), fill, uniforms, h1);
  std::vector<double> counts(std::size_t{1} << (dbm.stacked.visible() + dbm.hidden1()), 0.0);
  for (int r = 0; r < chains; ++r) {
    const auto index = (stateIndex(v.row(r)) << (dbm.hidden1() + dbm.hidden2())) +
                       (stateIndex(h1.row(r)) << dbm.hidden2()) + stateIndex(h2.row(r));
    counts[static_cast<std::size_t>(index)] += 1.0;
  }
  return counts;
}

TEST(DbmGibbs, JointFrequenciesPassChiSquaredAgainstEnumeration) {
  const Dbm dbm = test::randomDbm(4, 4, 3, 21, 1.0);
  constexpr int kChains = 80000;
  const std::vector<double> counts = sampleCounts(dbm, kChains, 5);
  const auto [statistic, dof] = chiSquared(counts, jointProbabilities(dbm), kChains);
  EXPECT_GT(dof, 100);
  EXPECT_LT(statistic, criticalValue(dof)) << "chi2 " << statistic << " on " << dof << " dof";

  // Power: a model with the h2 conditional changed (one W2 entry, or one c2 entry) must fail.
  for (int which = 0; which < 2; ++which) {
    Eigen::MatrixXd w2 = dbm.w2();
    Eigen::VectorXd c2 = dbm.hidden2Bias();
    if (which == 0) w2(1, 2) += 0.6;
    if (which == 1) c2(0) += 0.6;
    const Dbm other = Dbm::compose(dbm.w1(), w2, dbm.visibleBias(), dbm.hidden1Bias(), c2);
    const auto [wrong, wrongDof] = chiSquared(counts, jointProbabilities(other), kChains);
    EXPECT_GT(wrong, criticalValue(wrongDof)) << "case " << which << ": chi2 " << wrong << " on "
                                              << wrongDof << " (right model " << statistic << ")";
  }
}

}  // namespace
}  // namespace genlab::dbm
