// Mean-field inference: the fixed point satisfies its equations, the bound lies below the
// exact log p*(v) and rises with iterations, and the bound equals log p*(v) where the
// posterior factorises (W2 = 0 makes h1 and h2 independent given v).

#include "core/models/dbm/dbm_mean_field.h"

#include <gtest/gtest.h>

#include "core/models/dbm/dbm_likelihood.h"
#include "tests/unit/dbm/dbm_test_util.h"

namespace genlab::dbm {
namespace {

TEST(DbmMeanField, FixedPointSatisfiesItsEquations) {
  const Dbm dbm = test::randomDbm(6, 5, 4, 3, 0.8);
  const Eigen::MatrixXd v = rbm::test::allStates(6);
  const MeanField q = meanField(dbm, v, {.maxIterations = 500, .tolerance = 1e-13});
  ASSERT_LT(q.iterations, 500);
  Eigen::MatrixXd pre1 = v * dbm.w1() + q.mu2 * dbm.w2().transpose();
  pre1.rowwise() += dbm.hidden1Bias().transpose();
  Eigen::MatrixXd pre2 = q.mu1 * dbm.w2();
  pre2.rowwise() += dbm.hidden2Bias().transpose();
  EXPECT_LT((q.mu1 - rbm::sigmoid(pre1.array()).matrix()).cwiseAbs().maxCoeff(), 1e-11);
  EXPECT_LT((q.mu2 - rbm::sigmoid(pre2.array()).matrix()).cwiseAbs().maxCoeff(), 1e-11);
}

TEST(DbmMeanField, BoundIsBelowExactAndRisesWithIterations) {
  const Dbm dbm = test::randomDbm(6, 5, 4, 8, 1.2);
  const Eigen::MatrixXd v = rbm::test::allStates(6);
  const Eigen::VectorXd exact = unnormalisedLogProbability(dbm, v);
  Eigen::VectorXd previous = Eigen::VectorXd::Constant(v.rows(), -1e300);
  for (int iterations : {0, 1, 2, 5, 50}) {
    const MeanField q = meanField(dbm, v, {.maxIterations = iterations, .tolerance = 0.0});
    const Eigen::VectorXd bound = variationalBound(dbm, v, q);
    for (Eigen::Index n = 0; n < v.rows(); ++n) {
      EXPECT_LE(bound(n), exact(n) + 1e-12);
      EXPECT_GE(bound(n), previous(n) - 1e-12) << "iterations " << iterations << " image " << n;
    }
    previous = bound;
  }
  EXPECT_GT((exact - previous).maxCoeff(), 1e-3);  // not exact in general
}

TEST(DbmMeanField, BoundIsExactWhenThePosteriorFactorises) {
  Dbm dbm = test::randomDbm(5, 3, 3, 2, 1.0);
  dbm = Dbm::compose(dbm.w1(), Eigen::MatrixXd::Zero(3, 3), dbm.visibleBias(), dbm.hidden1Bias(),
                     dbm.hidden2Bias());
  const Eigen::MatrixXd v = rbm::test::allStates(5);
  const MeanField q = meanField(dbm, v, {});
  const Eigen::VectorXd gap = unnormalisedLogProbability(dbm, v) - variationalBound(dbm, v, q);
  EXPECT_LT(gap.cwiseAbs().maxCoeff(), 1e-10);
}

}  // namespace
}  // namespace genlab::dbm
