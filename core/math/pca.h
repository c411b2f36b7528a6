#pragma once
// A linear map from d-dimensional points to the plane, for drawing data of any dimension:
// y = P (x - c), with P 2 x d. Means map like points and covariances as P S P^T, so ellipses
// drawn from projected covariances are the exact marginals of the projected Gaussians.
//
// For d = 2 it is the identity (c = 0, P = I): display coordinates are data coordinates. For
// d = 1 the points lie on the x axis. For d > 2 it is PCA: c is the data mean and the rows of
// P are the two leading principal axes, signs fixed so each axis's largest entry is positive
// (the picture does not flip between runs).

#include <Eigen/Core>

namespace genlab::math {

struct Projection2D {
  Eigen::VectorXd center;                         // d
  Eigen::Matrix<double, 2, Eigen::Dynamic> axes;  // 2 x d, orthonormal rows

  Eigen::Vector2d point(const Eigen::VectorXd& x) const { return axes * (x - center); }
  Eigen::Matrix2d covariance(const Eigen::MatrixXd& cov) const {
    return axes * cov * axes.transpose();
  }
  // Rows of `points` (N x d) projected: N x 2.
  Eigen::MatrixX2d points(const Eigen::MatrixXd& points) const;
};

// `data` is N x d, one sample per row.
Projection2D pcaProjection(const Eigen::MatrixXd& data);

}  // namespace genlab::math
