#include "core/models/dbm/dbm_mean_field.h"

namespace genlab::dbm {

using Eigen::ArrayXXd;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// sum over units of the Bernoulli entropy -mu log mu - (1 - mu) log (1 - mu), per row; 0 log 0
// is 0.
VectorXd entropy(const MatrixXd& mu) {
  const ArrayXXd p = mu.array();
  const ArrayXXd a = (p > 0.0).select(-p * p.log(), 0.0);
  const ArrayXXd b = (p < 1.0).select(-(1.0 - p) * (1.0 - p).log(), 0.0);
  return (a + b).rowwise().sum().matrix();
}

}  // namespace

MeanField meanField(const Dbm& dbm, const MatrixXd& v, const MeanFieldSettings& settings) {
  MeanField q;
  MatrixXd bottomUp = v * dbm.w1();
  bottomUp.rowwise() += dbm.hidden1Bias().transpose();
  q.mu1 = rbm::sigmoid(bottomUp.array()).matrix();
  q.mu2 = hidden2Probabilities(dbm, q.mu1);
  for (int it = 0; it < settings.maxIterations; ++it) {
    MatrixXd pre = bottomUp + q.mu2 * dbm.w2().transpose();
    MatrixXd mu1 = rbm::sigmoid(pre.array()).matrix();
    MatrixXd mu2 = hidden2Probabilities(dbm, mu1);
    const double change =
        std::max((mu1 - q.mu1).cwiseAbs().maxCoeff(), (mu2 - q.mu2).cwiseAbs().maxCoeff());
    q.mu1 = std::move(mu1);
    q.mu2 = std::move(mu2);
    q.iterations = it + 1;
    if (change <= settings.tolerance) break;
  }
  return q;
}

VectorXd variationalBound(const Dbm& dbm, const MatrixXd& v, const MeanField& q) {
  const VectorXd energy = v * dbm.visibleBias() + q.mu1 * dbm.hidden1Bias() +
                          q.mu2 * dbm.hidden2Bias() +
                          (v * dbm.w1()).cwiseProduct(q.mu1).rowwise().sum() +
                          (q.mu1 * dbm.w2()).cwiseProduct(q.mu2).rowwise().sum();
  return energy + entropy(q.mu1) + entropy(q.mu2);
}

}  // namespace genlab::dbm
