#include "core/math/pca.h"

#include <Eigen/Eigenvalues>

namespace genlab::math {

Eigen::MatrixX2d Projection2D::points(const Eigen::MatrixXd& x) const {
  return (x.rowwise() - center.transpose()) * axes.transpose();
}

Projection2D pcaProjection(const Eigen::MatrixXd& data) {
  const Eigen::Index d = data.cols();
  Projection2D p;
  p.axes = Eigen::Matrix<double, 2, Eigen::Dynamic>::Zero(2, d);
  if (d <= 2) {
    p.center = Eigen::VectorXd::Zero(d);
    for (Eigen::Index i = 0; i < d; ++i) p.axes(i, i) = 1.0;
    return p;
  }
  p.center = data.colwise().mean().transpose();
  const Eigen::MatrixXd centred = data.rowwise() - p.center.transpose();
  const Eigen::MatrixXd cov = centred.transpose() * centred;
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);  // ascending eigenvalues
  for (int row = 0; row < 2; ++row) {
    Eigen::VectorXd axis = eig.eigenvectors().col(d - 1 - row);
    Eigen::Index largest = 0;
    axis.cwiseAbs().maxCoeff(&largest);
    if (axis(largest) < 0.0) axis = -axis;
    p.axes.row(row) = axis.transpose();
  }
  return p;
}

}  // namespace genlab::math
