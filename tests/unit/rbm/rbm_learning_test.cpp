// CD-1's gradient in expectation against brute force, and one update with momentum and weight
// decay against the rule written out by hand.

#include "core/models/rbm/rbm_learning.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/unit/rbm/rbm_test_util.h"

namespace genlab::rbm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;
using test::allStates;

// The gradient CD-1 estimates, in expectation: for each image x, E over h0 ~ p(h | x) and
// v1 ~ p(v | h0) of the negative statistics v1 p(h | v1)', v1 and p(h | v1), by enumerating
// every h0 and v1.
Rbm expectedCd1Gradient(const Rbm& rbm, const MatrixXd& batch) {
  const MatrixXd hs = allStates(rbm.hidden());
  const MatrixXd vs = allStates(rbm.visible());
  const MatrixXd hGivenV = hiddenProbabilities(rbm, vs);   // p(h_j = 1 | v) for every v
  const MatrixXd vGivenH = visibleProbabilities(rbm, hs);  // p(v_i = 1 | h) for every h
  const auto stateProbability = [](const Eigen::RowVectorXd& unitsOn,
                                   const Eigen::RowVectorXd& state) {
    double p = 1.0;
    for (Eigen::Index k = 0; k < state.size(); ++k)
      p *= state(k) != 0.0 ? unitsOn(k) : 1.0 - unitsOn(k);
    return p;
  };
  const double n = static_cast<double>(batch.rows());
  const MatrixXd hPos = hiddenProbabilities(rbm, batch);
  Rbm grad;
  grad.weights = batch.transpose() * hPos / n;
  grad.visibleBias = batch.colwise().mean().transpose();
  grad.hiddenBias = hPos.colwise().mean().transpose();
  for (Eigen::Index r = 0; r < batch.rows(); ++r) {
    for (Eigen::Index a = 0; a < hs.rows(); ++a) {
      const double ph0 = stateProbability(hPos.row(r), hs.row(a));
      for (Eigen::Index b = 0; b < vs.rows(); ++b) {
        const double w = ph0 * stateProbability(vGivenH.row(a), vs.row(b)) / n;
        grad.weights -= w * vs.row(b).transpose() * hGivenV.row(b);
        grad.visibleBias -= w * vs.row(b).transpose();
        grad.hiddenBias -= w * hGivenV.row(b).transpose();
      }
    }
  }
  return grad;
}

TEST(RbmLearning, Cd1GradientMatchesBruteForceInExpectation) {
  const Rbm rbm = test::randomRbm(3, 2, 31, 1.0);
  MatrixXd batch(2, 3);
  batch << 1, 0, 1, 0, 1, 1;
  const Rbm exact = expectedCd1Gradient(rbm, batch);

  LearningSettings settings;
  settings.learningRate = 1.0;  // the update is then the gradient sample itself
  Rng rng(77);
  const UniformFill fill = uniformsFrom(rng);
  constexpr int kDraws = 40000;
  const Eigen::Index size = 3 * 2 + 3 + 2;
  VectorXd sum = VectorXd::Zero(size);
  VectorXd sumSquares = VectorXd::Zero(size);
  const auto flatten = [](const Rbm& r) {
    VectorXd out(r.weights.size() + r.visibleBias.size() + r.hiddenBias.size());
    out << r.weights.reshaped(), r.visibleBias, r.hiddenBias;
    return out;
  };
  const VectorXd before = flatten(rbm);
  for (int t = 0; t < kDraws; ++t) {
    Rbm copy = rbm;
    ContrastiveDivergence cd(settings, 3, 2, 2);
    cd.update(copy, batch, fill);
    const VectorXd step = flatten(copy) - before;
    sum += step;
    sumSquares += step.cwiseProduct(step);
  }
  const VectorXd mean = sum / kDraws;
  const VectorXd se = ((sumSquares / kDraws - mean.cwiseProduct(mean)) / kDraws).cwiseSqrt();
  const VectorXd want = flatten(exact);
  for (Eigen::Index k = 0; k < size; ++k) {
    EXPECT_NEAR(mean(k), want(k), 4.5 * se(k) + 1e-12) << "parameter " << k;
  }
  // The check has power: the estimate is far tighter than the gradient's own size.
  EXPECT_LT(se.maxCoeff(), 0.01);
  EXPECT_GT(want.cwiseAbs().maxCoeff(), 0.05);
}

TEST(RbmLearning, MomentumAndWeightDecayFollowTheRule) {
  // Two CD-1 updates replaying fixed uniforms, against the rule written out with Eigen.
  const Rbm start = test::randomRbm(4, 3, 41, 0.7);
  MatrixXd batch(2, 4);
  batch << 1, 0, 1, 1, 0, 1, 0, 1;
  LearningSettings settings;
  settings.learningRate = 0.3;
  settings.momentum = 0.6;
  settings.weightDecay = 0.05;
  const UniformFill half = [](MatrixXd& m) { m.setConstant(0.5); };  // unit on iff p > 0.5

  Rbm rbm = start;
  ContrastiveDivergence cd(settings, 4, 3, 2);
  cd.update(rbm, batch, half);
  cd.update(rbm, batch, half);

  Rbm want = start;
  MatrixXd velW = MatrixXd::Zero(4, 3);
  VectorXd velB = VectorXd::Zero(4);
  VectorXd velC = VectorXd::Zero(3);
  for (int t = 0; t < 2; ++t) {
    const MatrixXd hPos = hiddenProbabilities(want, batch);
    const MatrixXd h0 = (hPos.array() > 0.5).cast<double>().matrix();
    const MatrixXd v1 = (visibleProbabilities(want, h0).array() > 0.5).cast<double>().matrix();
    const MatrixXd hNeg = hiddenProbabilities(want, v1);
    const MatrixXd gradW = (batch.transpose() * hPos - v1.transpose() * hNeg) / 2.0;
    velW = 0.6 * velW + 0.3 * (gradW - 0.05 * want.weights);
    velB = 0.6 * velB + 0.3 * (batch - v1).colwise().mean().transpose();
    velC = 0.6 * velC + 0.3 * (hPos - hNeg).colwise().mean().transpose();
    want.weights += velW;
    want.visibleBias += velB;
    want.hiddenBias += velC;
  }
  EXPECT_TRUE(rbm.weights.isApprox(want.weights, 1e-13));
  EXPECT_TRUE(rbm.visibleBias.isApprox(want.visibleBias, 1e-13));
  EXPECT_TRUE(rbm.hiddenBias.isApprox(want.hiddenBias, 1e-13));
  EXPECT_GT((rbm.weights - start.weights).norm(), 0.01);
}

}  // namespace
}  // namespace genlab::rbm
