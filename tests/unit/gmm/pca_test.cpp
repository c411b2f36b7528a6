#include "core/math/pca.h"

#include <gtest/gtest.h>

#include "core/util/rng.h"

namespace genlab::math {
namespace {

TEST(Pca, TwoDimensionalDataIsNotMoved) {
  const Eigen::MatrixXd data{{1.0, 2.0}, {3.0, -4.0}};
  const Projection2D p = pcaProjection(data);
  EXPECT_EQ(p.points(data), data);
  EXPECT_EQ(p.point(Eigen::Vector2d(5.0, 6.0)), Eigen::Vector2d(5.0, 6.0));
}

TEST(Pca, FindsTheLeadingPlaneAndProjectsConsistently) {
  // Spread 10 along (1,1,0)/sqrt2, 3 along z, 0.1 along (1,-1,0)/sqrt2, centred at (1,2,3).
  Rng rng(1);
  Eigen::MatrixXd data(2000, 3);
  const Eigen::Vector3d u = Eigen::Vector3d(1, 1, 0).normalized();
  const Eigen::Vector3d v(0, 0, 1);
  const Eigen::Vector3d w = Eigen::Vector3d(1, -1, 0).normalized();
  for (Eigen::Index i = 0; i < data.rows(); ++i) {
    const Eigen::Vector3d x = Eigen::Vector3d(1, 2, 3) + 10 * rng.normal() * u +
                              3 * rng.normal() * v + 0.1 * rng.normal() * w;
    data.row(i) = x.transpose();
  }
  const Projection2D p = pcaProjection(data);
  EXPECT_NEAR(std::abs(p.axes.row(0).dot(u.transpose())), 1.0, 1e-3);
  EXPECT_NEAR(std::abs(p.axes.row(1).dot(v.transpose())), 1.0, 1e-3);
  EXPECT_GT(p.axes.row(0).maxCoeff(), 0.0);  // sign convention: largest entry positive
  EXPECT_LT((p.axes * p.axes.transpose() - Eigen::Matrix2d::Identity()).norm(), 1e-12);
  // Mean of projected points = projection of the mean; covariance likewise.
  const Eigen::MatrixX2d y = p.points(data);
  const Eigen::VectorXd mean = data.colwise().mean().transpose();
  EXPECT_LT((y.colwise().mean().transpose() - p.point(mean)).norm(), 1e-9);
  const Eigen::MatrixXd centred = data.rowwise() - mean.transpose();
  const Eigen::MatrixXd cov = centred.transpose() * centred / 2000.0;
  const Eigen::MatrixX2d yc = y.rowwise() - y.colwise().mean();
  const Eigen::Matrix2d ycov = yc.transpose() * yc / 2000.0;
  EXPECT_LT((ycov - p.covariance(cov)).norm(), 1e-9);
}

}  // namespace
}  // namespace genlab::math
