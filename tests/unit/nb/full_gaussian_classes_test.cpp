// One full-covariance Gaussian per class: its density is the textbook one (worked here with the
// 2 x 2 inverse and determinant written out), and where every class's covariance is diagonal it
// is Gaussian Naive Bayes exactly (same priors, means, ddof-0 variances and epsilon), so the two
// models differ only by the naive assumption.

#include "core/models/nb/full_gaussian_classes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/models/nb/naive_bayes.h"

namespace genlab::nb {
namespace {

using Eigen::MatrixXd;

TEST(FullGaussianClasses, DensityIsTheBivariateNormalWorkedByHand) {
  // Class 0: four points whose mean is (1, 2) and whose ddof-0 covariance is [[2.5, 1.5],
  // [1.5, 2.5]]; class 1: three points.
  MatrixXd x(7, 2);
  x << -1, 0, 3, 4, 0, 3, 2, 1,  //
      10, 10, 12, 10, 11, 12;
  const std::vector<int> y = {0, 0, 0, 0, 1, 1, 1};
  const FullGaussianClasses model(x, y, 2, 0.0);
  EXPECT_NEAR(model.means()(0, 0), 1.0, 1e-15);
  EXPECT_NEAR(model.means()(0, 1), 2.0, 1e-15);
  EXPECT_NEAR(model.covariances()[0](0, 0), 2.5, 1e-14);
  EXPECT_NEAR(model.covariances()[0](0, 1), 1.5, 1e-14);
  EXPECT_NEAR(model.covariances()[0](1, 1), 2.5, 1e-14);

  const double a = 2.5, b = 1.5, det = a * a - b * b;  // 4
  MatrixXd q(1, 2);
  q << 2.0, 0.5;
  const double dx = 1.0, dy = -1.5;
  const double mahalanobis = (a * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
  const double logN = -std::log(2 * std::numbers::pi) - 0.5 * std::log(det) - 0.5 * mahalanobis;
  EXPECT_NEAR(model.jointLogLikelihood(q)(0, 0), std::log(4.0 / 7.0) + logN, 1e-13);
}

TEST(FullGaussianClasses, WithDiagonalCovariancesItIsGaussianNaiveBayes) {
  // Each class is a "plus" of four points around its mean: its covariance is exactly diagonal.
  MatrixXd x(12, 2);
  x << 1, 0, -1, 0, 0, 2, 0, -2,   //
      5, 1, 3, 1, 4, 1.5, 4, 0.5,  //
      0, 6, 0, 4, 3, 5, -3, 5;
  const std::vector<int> y = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
  for (double smoothing : {1e-9, 0.3}) {
    NbConfig config;
    config.varSmoothing = smoothing;
    const NaiveBayes naive(config, x, y, 3);
    const FullGaussianClasses full(x, y, 3, smoothing);
    EXPECT_DOUBLE_EQ(full.epsilon(), naive.epsilon());
    MatrixXd grid(25, 2);
    for (int i = 0; i < 25; ++i) grid.row(i) << -2.0 + 1.5 * (i % 5), -1.0 + 2.0 * (i / 5);
    const MatrixXd a = naive.predictProba(grid);
    const MatrixXd b = full.predictProba(grid);
    EXPECT_LT((a - b).cwiseAbs().maxCoeff(), 1e-12) << "var_smoothing " << smoothing;
    EXPECT_LT((naive.marginalLogLikelihood(grid) - full.marginalLogLikelihood(grid))
                  .cwiseAbs()
                  .maxCoeff(),
              1e-11);
  }
}

TEST(FullGaussianClasses, AccuracyTakesTheMostProbableClass) {
  MatrixXd p(3, 3);
  p << 0.2, 0.5, 0.3,  //
      0.6, 0.3, 0.1,   //
      0.1, 0.1, 0.8;
  EXPECT_DOUBLE_EQ(accuracy(p, {1, 0, 0}), 2.0 / 3.0);
}

}  // namespace
}  // namespace genlab::nb
