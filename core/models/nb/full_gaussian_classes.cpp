#include "core/models/nb/full_gaussian_classes.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "core/models/nb/naive_bayes.h"
#include "core/util/errors.h"

namespace genlab::nb {

FullGaussianClasses::FullGaussianClasses(const Eigen::MatrixXd& data,
                                         const std::vector<int>& labels, int numClasses,
                                         double varSmoothing) {
  const Eigen::Index n = data.rows();
  const Eigen::Index d = data.cols();
  if (static_cast<Eigen::Index>(labels.size()) != n || n == 0 || d == 0 || numClasses < 1) {
    throw std::invalid_argument("FullGaussianClasses: " + std::to_string(labels.size()) +
                                " labels for " + std::to_string(n) + " samples");
  }
  Eigen::VectorXd counts = Eigen::VectorXd::Zero(numClasses);
  m_means = Eigen::MatrixXd::Zero(numClasses, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int c = labels[static_cast<std::size_t>(i)];
    if (c < 0 || c >= numClasses) {
      throw std::invalid_argument("FullGaussianClasses: label " + std::to_string(c) +
                                  " is out of range");
    }
    counts(c) += 1.0;
    m_means.row(c) += data.row(i);
  }
  for (int c = 0; c < numClasses; ++c) {
    if (counts(c) == 0.0) {
      throw std::invalid_argument("FullGaussianClasses: class " + std::to_string(c) +
                                  " has no samples");
    }
    m_means.row(c) /= counts(c);
  }
  // GaussianNB's epsilon: the largest variance (ddof 0) of any feature over all the data.
  const Eigen::RowVectorXd overall = data.colwise().mean();
  const double largest =
      (data.rowwise() - overall).array().square().colwise().sum().maxCoeff() / double(n);
  m_epsilon = varSmoothing * largest;

  m_covariances.assign(static_cast<std::size_t>(numClasses), Eigen::MatrixXd::Zero(d, d));
  for (Eigen::Index i = 0; i < n; ++i) {
    const int c = labels[static_cast<std::size_t>(i)];
    const Eigen::VectorXd centred = (data.row(i) - m_means.row(c)).transpose();
    m_covariances[static_cast<std::size_t>(c)] += centred * centred.transpose();
  }
  m_logPrior = (counts / double(n)).array().log().matrix();
  for (int c = 0; c < numClasses; ++c) {
    Eigen::MatrixXd& cov = m_covariances[static_cast<std::size_t>(c)];
    cov /= counts(c);
    cov.diagonal().array() += m_epsilon;
    Eigen::LLT<Eigen::MatrixXd> llt(cov);
    if (llt.info() != Eigen::Success) {
      throw NumericError("class " + std::to_string(c) +
                         ": covariance not positive definite (raise var_smoothing)");
    }
    Eigen::MatrixXd L = llt.matrixL();
    const double logDet = 2.0 * L.diagonal().array().log().sum();
    m_logNorm.push_back(-0.5 * double(d) * std::log(2.0 * std::numbers::pi) - 0.5 * logDet);
    m_choleskyL.push_back(std::move(L));
  }
}

Eigen::MatrixXd FullGaussianClasses::jointLogLikelihood(const Eigen::MatrixXd& X) const {
  if (X.cols() != dim()) {
    throw std::invalid_argument("FullGaussianClasses: " + std::to_string(X.cols()) +
                                " features, the model has " + std::to_string(dim()));
  }
  Eigen::MatrixXd joint(X.rows(), numClasses());
  for (int c = 0; c < numClasses(); ++c) {
    const auto& L = m_choleskyL[static_cast<std::size_t>(c)];
    // Mahalanobis distance: |L^-1 (x - mu)|^2, all rows at once (d x N right-hand sides).
    const Eigen::MatrixXd centred = (X.rowwise() - m_means.row(c)).transpose();
    const Eigen::MatrixXd z = L.triangularView<Eigen::Lower>().solve(centred);
    const double constant = m_logPrior(c) + m_logNorm[static_cast<std::size_t>(c)];
    joint.col(c) = (constant - 0.5 * z.colwise().squaredNorm().array()).matrix().transpose();
  }
  return joint;
}

Eigen::VectorXd FullGaussianClasses::marginalLogLikelihood(const Eigen::MatrixXd& X) const {
  return rowLogSumExp(jointLogLikelihood(X));
}

Eigen::MatrixXd FullGaussianClasses::predictProba(const Eigen::MatrixXd& X) const {
  const Eigen::MatrixXd joint = jointLogLikelihood(X);
  const Eigen::VectorXd marginal = rowLogSumExp(joint);
  return (joint.colwise() - marginal).array().exp();
}

double accuracy(const Eigen::MatrixXd& probabilities, const std::vector<int>& labels) {
  if (probabilities.rows() == 0) return 0.0;
  Eigen::Index right = 0;
  for (Eigen::Index i = 0; i < probabilities.rows(); ++i) {
    Eigen::Index best = 0;
    probabilities.row(i).maxCoeff(&best);
    if (best == labels[static_cast<std::size_t>(i)]) ++right;
  }
  return double(right) / double(probabilities.rows());
}

}  // namespace genlab::nb
