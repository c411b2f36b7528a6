// log Z three ways (visible enumeration, hidden enumeration, the joint summed term by term) and
// the free energy against hand-worked values.

#include "core/models/rbm/rbm_partition.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/util/errors.h"
#include "tests/unit/rbm/rbm_test_util.h"

namespace genlab::rbm {
namespace {

using test::allStates;
using test::negativeEnergy;
using test::randomRbm;

// log sum over every (v, h) of exp(-E(v, h)): no free energy, no softplus.
double jointLogPartition(const Rbm& rbm) {
  const Eigen::MatrixXd vs = allStates(rbm.visible());
  const Eigen::MatrixXd hs = allStates(rbm.hidden());
  double top = -INFINITY;
  std::vector<double> terms;
  for (Eigen::Index a = 0; a < vs.rows(); ++a) {
    for (Eigen::Index b = 0; b < hs.rows(); ++b) {
      terms.push_back(negativeEnergy(rbm, vs.row(a), hs.row(b)));
      top = std::max(top, terms.back());
    }
  }
  double sum = 0.0;
  for (double t : terms) sum += std::exp(t - top);
  return top + std::log(sum);
}

TEST(RbmPartition, VisibleAndHiddenEnumerationAgreeWithTheJoint) {
  for (const auto& [v, h, seed] :
       {std::tuple{7, 5, 1}, std::tuple{4, 9, 2}, std::tuple{6, 6, 3}, std::tuple{1, 8, 4}}) {
    const Rbm rbm = randomRbm(v, h, static_cast<std::uint64_t>(seed), 1.5);
    const double byVisible = exactLogPartition(rbm, Enumerate::Visible, 1);
    const double byHidden = exactLogPartition(rbm, Enumerate::Hidden, 1);
    const double joint = jointLogPartition(rbm);
    EXPECT_NEAR(byVisible, joint, 1e-10 * std::abs(joint) + 1e-11) << v << "x" << h;
    EXPECT_NEAR(byHidden, joint, 1e-10 * std::abs(joint) + 1e-11) << v << "x" << h;
    EXPECT_NEAR(exactLogPartition(rbm), joint, 1e-10 * std::abs(joint) + 1e-11);
  }
}

TEST(RbmPartition, ThreadCountDoesNotChangeTheSum) {
  // 2^14 states: several blocks per thread, so the per-thread log-sums are really merged.
  const Rbm rbm = randomRbm(14, 30, 5, 0.7);
  const double one = exactLogPartition(rbm, Enumerate::Visible, 1);
  const double three = exactLogPartition(rbm, Enumerate::Visible, 3);
  EXPECT_NEAR(one, three, 1e-10 * std::abs(one));
}

TEST(RbmPartition, LargeWeightsDoNotOverflow) {
  // Terms near exp(2000): a plain sum of exponentials overflows, a log-space one does not.
  Rbm rbm = randomRbm(5, 4, 6, 1.0);
  rbm.weights.array() += 100.0;
  const double logZ = exactLogPartition(rbm, Enumerate::Hidden, 2);
  EXPECT_TRUE(std::isfinite(logZ));
  EXPECT_NEAR(logZ, exactLogPartition(rbm, Enumerate::Visible, 1), 1e-9 * logZ);
  EXPECT_NEAR(logZ, jointLogPartition(rbm), 1e-9 * logZ);
}

TEST(RbmPartition, RefusesTooManyStates) {
  const Rbm rbm = randomRbm(30, 30, 7, 0.1);
  EXPECT_THROW(exactLogPartition(rbm), ConfigError);
  EXPECT_FALSE(exactFeasible(rbm, 20));
  EXPECT_TRUE(exactFeasible(randomRbm(64, 20, 8, 0.1), 20));
}

TEST(RbmPartition, LikelihoodsOfAllImagesSumToOne) {
  const Rbm rbm = randomRbm(6, 3, 9, 1.0);
  const Eigen::VectorXd logP = logLikelihood(rbm, allStates(6), exactLogPartition(rbm));
  EXPECT_NEAR(logP.array().exp().sum(), 1.0, 1e-12);
}

TEST(RbmFreeEnergy, HandWorkedValues) {
  // V = 2, H = 1: W = [1, -2]', b = [0.5, -1], c = 0.25.
  Rbm rbm;
  rbm.weights = (Eigen::MatrixXd(2, 1) << 1.0, -2.0).finished();
  rbm.visibleBias = Eigen::Vector2d(0.5, -1.0);
  rbm.hiddenBias = Eigen::VectorXd::Constant(1, 0.25);
  Eigen::MatrixXd v(4, 2);
  v << 0, 0, 1, 0, 0, 1, 1, 1;
  const Eigen::VectorXd f = freeEnergy(rbm, v);
  // F(v) = -b'v - log(1 + exp(c + v'W)):
  EXPECT_NEAR(f(0), -std::log(1 + std::exp(0.25)), 1e-15);        // -0.8259394
  EXPECT_NEAR(f(1), -0.5 - std::log(1 + std::exp(1.25)), 1e-15);  // -2.0019291
  EXPECT_NEAR(f(2), 1.0 - std::log(1 + std::exp(-1.75)), 1e-15);  // +0.8397758
  EXPECT_NEAR(f(3), 0.5 - std::log(1 + std::exp(-0.75)), 1e-15);  // +0.1131290
  EXPECT_NEAR(f(0), -0.8259394, 1e-7);
  EXPECT_NEAR(f(1), -2.0019291, 1e-7);
  EXPECT_NEAR(f(2), 0.8397758, 1e-7);
  EXPECT_NEAR(f(3), 0.1131290, 1e-7);
  // G(h) = -c h - sum_i log(1 + exp(b_i + W_i h)); h = 1: -0.25 - log(1+e^1.5) - log(1+e^-3).
  Eigen::MatrixXd h(1, 1);
  h << 1;
  EXPECT_NEAR(hiddenFreeEnergy(rbm, h)(0),
              -0.25 - std::log(1 + std::exp(1.5)) - std::log(1 + std::exp(-3.0)), 1e-15);
}

TEST(RbmFreeEnergy, IsMinusLogOfTheSummedOutJoint) {
  const Rbm rbm = randomRbm(4, 3, 10, 2.0);
  const Eigen::MatrixXd vs = allStates(4);
  const Eigen::MatrixXd hs = allStates(3);
  const Eigen::VectorXd f = freeEnergy(rbm, vs);
  for (Eigen::Index a = 0; a < vs.rows(); ++a) {
    double sum = 0.0;
    for (Eigen::Index b = 0; b < hs.rows(); ++b)
      sum += std::exp(negativeEnergy(rbm, vs.row(a), hs.row(b)));
    EXPECT_NEAR(f(a), -std::log(sum), 1e-12);
  }
}

}  // namespace
}  // namespace genlab::rbm
