#include "core/models/bernoulli_mixture/bernoulli_mixture.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/util/rng.h"

namespace genlab::bernoulli_mixture {
namespace {

// N x K: log pi_k + log p(x_n | mu_k), as two matrix products (x log mu + (1 - x) log(1 - mu)).
Eigen::MatrixXd componentLogJoint(const MixtureFit& fit, const Eigen::MatrixXd& data) {
  const Eigen::MatrixXd logMu = fit.means.array().log().matrix();
  const Eigen::MatrixXd log1mMu = (1.0 - fit.means.array()).log().matrix();
  Eigen::MatrixXd joint =
      data * logMu.transpose() + (1.0 - data.array()).matrix() * log1mMu.transpose();
  joint.rowwise() += fit.weights.array().log().matrix().transpose();
  return joint;
}

// Row-wise log-sum-exp; writes the normalised responsibilities into `joint` when asked.
Eigen::VectorXd rowLogSumExp(Eigen::MatrixXd& joint, bool normalise) {
  Eigen::VectorXd out(joint.rows());
  for (Eigen::Index n = 0; n < joint.rows(); ++n) {
    const double top = joint.row(n).maxCoeff();
    const double sum = (joint.row(n).array() - top).exp().sum();
    out(n) = top + std::log(sum);
    if (normalise) joint.row(n) = (joint.row(n).array() - out(n)).exp().matrix();
  }
  return out;
}

void checkBinary(const Eigen::MatrixXd& data) {
  if (data.rows() == 0 || data.cols() == 0) throw std::invalid_argument("no data");
  for (Eigen::Index i = 0; i < data.size(); ++i) {
    const double v = data.data()[i];
    if (v != 0.0 && v != 1.0)
      throw std::invalid_argument("entry " + std::to_string(i) + " is " + std::to_string(v) +
                                  ": the data must be binary (binarise it first)");
  }
}

void mStep(MixtureFit& fit, const Eigen::MatrixXd& data, const Eigen::MatrixXd& resp,
           double alpha) {
  const Eigen::VectorXd counts = resp.colwise().sum().transpose();
  fit.weights = counts / counts.sum();
  const Eigen::MatrixXd ones = resp.transpose() * data;  // K x d expected ones
  fit.means = ((ones.array() + alpha).colwise() / (counts.array() + 2.0 * alpha)).matrix();
}

// The Beta(1 + alpha, 1 + alpha) prior's log density summed over every mean (up to its
// normalising constant, which does not move).
double logPrior(const MixtureFit& fit, double alpha) {
  return alpha * (fit.means.array().log() + (1.0 - fit.means.array()).log()).sum();
}

}  // namespace

MixtureFit fitBernoulliMixture(const Eigen::MatrixXd& data, int components, double alpha,
                               int maxIterations, double tolerance, std::uint64_t seed) {
  if (components < 1) throw std::invalid_argument("components must be at least 1");
  if (!(alpha >= 0.0) || !std::isfinite(alpha)) throw std::invalid_argument("alpha must be >= 0");
  checkBinary(data);
  Rng rng(seed);
  Eigen::MatrixXd resp(data.rows(), components);
  for (Eigen::Index n = 0; n < data.rows(); ++n) {
    double sum = 0;
    for (int k = 0; k < components; ++k) sum += resp(n, k) = -std::log(1.0 - rng.uniform());
    resp.row(n) /= sum;
  }
  MixtureFit fit;
  std::vector<double> trace;
  std::vector<double> posteriorTrace;
  const double rows = static_cast<double>(data.rows());
  for (int iteration = 0; iteration < std::max(1, maxIterations); ++iteration) {
    mStep(fit, data, resp, alpha);
    resp = componentLogJoint(fit, data);
    const double mean = rowLogSumExp(resp, true).sum() / rows;
    trace.push_back(mean);
    posteriorTrace.push_back(mean + logPrior(fit, alpha) / rows);
    fit.iterations = iteration + 1;
    const std::size_t last = posteriorTrace.size() - 1;
    if (last > 0 && posteriorTrace[last] - posteriorTrace[last - 1] < tolerance) break;
  }
  fit.logLikelihoodTrace = Eigen::Map<Eigen::VectorXd>(trace.data(), trace.size());
  fit.logPosteriorTrace = Eigen::Map<Eigen::VectorXd>(posteriorTrace.data(), posteriorTrace.size());
  return fit;
}

Eigen::VectorXd logLikelihoods(const MixtureFit& fit, const Eigen::MatrixXd& data) {
  if (data.cols() != fit.means.cols())
    throw std::invalid_argument("expected " + std::to_string(fit.means.cols()) + " columns, got " +
                                std::to_string(data.cols()));
  Eigen::MatrixXd joint = componentLogJoint(fit, data);
  return rowLogSumExp(joint, false);
}

}  // namespace genlab::bernoulli_mixture
