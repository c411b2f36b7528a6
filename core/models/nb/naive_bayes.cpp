#include "core/models/nb/naive_bayes.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/math/blas.h"
#include "core/models/nb/nb_kernels.h"
#include "core/util/errors.h"

namespace genlab::nb {
namespace {

void requireNonNegativeCounts(const Eigen::MatrixXd& X) {
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      if (X(i, j) < 0.0) {
        throw DataError("row " + std::to_string(i + 1) + ", column " + std::to_string(j + 1) +
                        ": " + std::to_string(X(i, j)) +
                        " is negative; multinomial features are counts");
      }
    }
  }
}

// Rows per block of the discrete kinds' products: the block's binarised copy (kInputBlock x d
// doubles) stays in cache between being written and being read by dgemm, where binarising the
// whole 60000 x 784 matrix first wrote and re-read 376 MB.
constexpr Eigen::Index kInputBlock = 512;

// Calls fn(block, ld, first, rows) for consecutive row blocks of the input of a discrete model:
// X itself (one block, ld = X.rows()), or, with a threshold, X > threshold as 0/1 block by
// block (ld = rows).
template <class Fn>
void forEachInputBlock(const Eigen::MatrixXd& X, const std::optional<double>& threshold, Fn fn) {
  if (!threshold) {
    fn(X.data(), X.rows(), Eigen::Index{0}, X.rows());
    return;
  }
  Eigen::MatrixXd block(std::min(kInputBlock, X.rows()), X.cols());
  for (Eigen::Index first = 0; first < X.rows(); first += kInputBlock) {
    const Eigen::Index rows = std::min(kInputBlock, X.rows() - first);
    for (Eigen::Index j = 0; j < X.cols(); ++j) {
      const double* x = X.col(j).data() + first;
      double* b = block.data() + j * rows;
      for (Eigen::Index i = 0; i < rows; ++i) b[i] = x[i] > *threshold ? 1.0 : 0.0;
    }
    fn(block.data(), rows, first, rows);
  }
}

}  // namespace

Eigen::VectorXd rowLogSumExp(const Eigen::MatrixXd& a) {
  Eigen::VectorXd out(a.rows());
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    double top = a.row(i).maxCoeff();
    if (!std::isfinite(top)) top = 0.0;  // as scipy: all -inf rows give -inf, not NaN
    double sum = 0.0;
    for (Eigen::Index c = 0; c < a.cols(); ++c) sum += std::exp(a(i, c) - top);
    out(i) = std::log(sum) + top;
  }
  return out;
}

NaiveBayes::NaiveBayes(const NbConfig& config, const Eigen::MatrixXd& data,
                       const std::vector<int>& labels, int numClasses)
    : m_config(config), m_dim(data.cols()) {
  m_config.validate();
  if (static_cast<Eigen::Index>(labels.size()) != data.rows()) {
    throw std::invalid_argument("NaiveBayes: " + std::to_string(labels.size()) + " labels for " +
                                std::to_string(data.rows()) + " samples");
  }
  if (numClasses < 1 || data.rows() == 0 || data.cols() == 0) {
    throw std::invalid_argument("NaiveBayes: needs at least one class, sample and feature");
  }
  m_classCount = Eigen::VectorXd::Zero(numClasses);
  for (const int label : labels) {
    if (label < 0 || label >= numClasses) {
      throw std::invalid_argument("NaiveBayes: label " + std::to_string(label) +
                                  " is out of range [0, " + std::to_string(numClasses) + ")");
    }
    m_classCount(label) += 1.0;
  }
  for (int c = 0; c < numClasses; ++c) {
    if (m_classCount(c) == 0.0) {
      throw std::invalid_argument("NaiveBayes: class " + std::to_string(c) + " has no samples");
    }
  }
  if (m_config.kind == NbKind::Gaussian) {
    fitGaussian(data, labels);
  } else {
    fitDiscrete(data, labels);
  }
}

void NaiveBayes::fitGaussian(const Eigen::MatrixXd& data, const std::vector<int>& labels) {
  const auto K = numClasses();
  const Eigen::Index n = data.rows();
  // Two-pass means and variances, summed in sample order as numpy's mean and var over axis 0
  // do, so constant features get exactly zero variance and the rest round as scikit-learn's.
  m_theta.resize(K, m_dim);
  m_var.resize(K, m_dim);
  double largestVariance = 0.0;
  std::vector<double> sums(static_cast<std::size_t>(K));
  for (Eigen::Index j = 0; j < m_dim; ++j) {
    const double* x = data.col(j).data();
    double total = 0.0;
    std::fill(sums.begin(), sums.end(), 0.0);
    for (Eigen::Index i = 0; i < n; ++i) {
      total += x[i];
      sums[static_cast<std::size_t>(labels[static_cast<std::size_t>(i)])] += x[i];
    }
    const double mean = total / static_cast<double>(n);
    for (int c = 0; c < K; ++c) m_theta(c, j) = sums[static_cast<std::size_t>(c)] / m_classCount(c);
    double squares = 0.0;
    std::fill(sums.begin(), sums.end(), 0.0);
    for (Eigen::Index i = 0; i < n; ++i) {
      const int c = labels[static_cast<std::size_t>(i)];
      const double all = x[i] - mean;
      const double own = x[i] - m_theta(c, j);
      squares += all * all;
      sums[static_cast<std::size_t>(c)] += own * own;
    }
    largestVariance = std::max(largestVariance, squares / static_cast<double>(n));
    for (int c = 0; c < K; ++c) m_var(c, j) = sums[static_cast<std::size_t>(c)] / m_classCount(c);
  }
  m_epsilon = m_config.varSmoothing * largestVariance;
  m_var.array() += m_epsilon;
  for (Eigen::Index j = 0; j < m_dim; ++j) {
    for (int c = 0; c < K; ++c) {
      if (!(m_var(c, j) > 0.0)) {
        throw NumericError("Naive Bayes: feature " + std::to_string(j + 1) +
                           " has zero variance in class " + std::to_string(c) +
                           " and var_smoothing adds none (every feature is constant, or "
                           "var_smoothing is 0)");
      }
    }
  }
  // GaussianNB: class_prior_ = class_count_ / n, and the joint takes np.log of it.
  m_classLogPrior = (m_classCount / static_cast<double>(n)).array().log();
}

void NaiveBayes::fitDiscrete(const Eigen::MatrixXd& data, const std::vector<int>& labels) {
  const auto K = numClasses();
  const bool bernoulli = m_config.kind == NbKind::Bernoulli;
  if (!bernoulli) requireNonNegativeCounts(data);
  // Feature counts as scikit-learn takes them: (one-hot labels)^T X, by dgemm.
  const auto n = static_cast<int>(data.rows());
  Eigen::MatrixXd oneHot = Eigen::MatrixXd::Zero(n, K);
  for (int i = 0; i < n; ++i) oneHot(i, labels[static_cast<std::size_t>(i)]) = 1.0;
  m_featureCount = Eigen::MatrixXd::Zero(K, m_dim);
  const std::optional<double> threshold = bernoulli ? m_config.binarize : std::nullopt;
  forEachInputBlock(data, threshold,
                    [&](const double* x, Eigen::Index ld, Eigen::Index first, Eigen::Index rows) {
                      blas::gemm('T', 'N', K, static_cast<int>(m_dim), static_cast<int>(rows), 1.0,
                                 oneHot.data() + first, n, x, static_cast<int>(ld), 1.0,
                                 m_featureCount.data(), K);
                    });
  const double alpha = m_config.effectiveAlpha();
  const Eigen::MatrixXd smoothed = m_featureCount.array() + alpha;
  // Bernoulli: p_cj = (count + alpha) / (class count + 2 alpha); multinomial: the smoothed
  // counts normalised over the features.
  const Eigen::VectorXd totals =
      bernoulli ? Eigen::VectorXd(m_classCount.array() + 2.0 * alpha) : smoothed.rowwise().sum();
  m_featureLogProb = smoothed.array().log().colwise() - totals.array().log();
  if (m_config.fitPrior) {
    m_classLogPrior = m_classCount.array().log() - std::log(m_classCount.sum());
  } else {
    m_classLogPrior = Eigen::VectorXd::Constant(K, -std::log(static_cast<double>(K)));
  }
}

Eigen::MatrixXd NaiveBayes::jointLogLikelihood(const Eigen::MatrixXd& X) const {
  if (X.cols() != m_dim) {
    throw std::invalid_argument("NaiveBayes: data has " + std::to_string(X.cols()) +
                                " features, the model " + std::to_string(m_dim));
  }
  return m_config.kind == NbKind::Gaussian ? gaussianJoint(X) : discreteJoint(X);
}

Eigen::MatrixXd NaiveBayes::gaussianJoint(const Eigen::MatrixXd& X) const {
  // scikit-learn: log prior + (-0.5 sum_j log(2 pi var_cj) - 0.5 sum_j (x_j - theta_cj)^2 / var_cj)
  // in numpy's order of operations (nb_kernels.h says why).
  const Eigen::MatrixXd logTwoPiVar = (2.0 * std::numbers::pi * m_var.array()).log();
  Eigen::VectorXd normaliser(numClasses());
  for (int c = 0; c < numClasses(); ++c) {
    normaliser(c) = -0.5 * kernels::numpySum(logTwoPiVar.data() + c, m_dim, numClasses());
  }
  Eigen::MatrixXd joint(X.rows(), numClasses());
  kernels::scaledSquaredDistances(X, m_theta, m_var, joint);
  for (int c = 0; c < numClasses(); ++c) {
    joint.col(c) = m_classLogPrior(c) + (normaliser(c) - 0.5 * joint.col(c).array());
  }
  return joint;
}

Eigen::MatrixXd NaiveBayes::discreteJoint(const Eigen::MatrixXd& X) const {
  const bool bernoulli = m_config.kind == NbKind::Bernoulli;
  if (!bernoulli) requireNonNegativeCounts(X);
  Eigen::MatrixXd weights = m_featureLogProb;  // K x d
  Eigen::VectorXd offset = m_classLogPrior;
  if (bernoulli) {
    // sum_j x_j log p + (1 - x_j) log(1 - p) = x . (log p - log(1 - p)) + sum_j log(1 - p)
    const Eigen::MatrixXd logNot = (1.0 - m_featureLogProb.array().exp()).log();
    weights -= logNot;
    offset += logNot.rowwise().sum();
  }
  Eigen::MatrixXd joint(X.rows(), numClasses());
  const std::optional<double> threshold = bernoulli ? m_config.binarize : std::nullopt;
  forEachInputBlock(
      X, threshold, [&](const double* x, Eigen::Index ld, Eigen::Index first, Eigen::Index rows) {
        blas::gemm('N', 'T', static_cast<int>(rows), numClasses(), static_cast<int>(m_dim), 1.0, x,
                   static_cast<int>(ld), weights.data(), numClasses(), 0.0, joint.data() + first,
                   static_cast<int>(X.rows()));
      });
  joint.rowwise() += offset.transpose();
  return joint;
}

Eigen::MatrixXd NaiveBayes::classLogLikelihood(const Eigen::MatrixXd& X) const {
  Eigen::MatrixXd joint = jointLogLikelihood(X);
  joint.rowwise() -= m_classLogPrior.transpose();
  return joint;
}

Eigen::VectorXd NaiveBayes::marginalLogLikelihood(const Eigen::MatrixXd& X) const {
  return rowLogSumExp(jointLogLikelihood(X));
}

Eigen::MatrixXd NaiveBayes::predictProba(const Eigen::MatrixXd& X) const {
  const Eigen::MatrixXd joint = jointLogLikelihood(X);
  const Eigen::VectorXd marginal = rowLogSumExp(joint);
  return (joint.colwise() - marginal).array().exp();
}

Eigen::VectorXd NaiveBayes::sample(int c, Rng& rng, int draws) const {
  if (c < 0 || c >= numClasses()) {
    throw std::invalid_argument("NaiveBayes::sample: class " + std::to_string(c) +
                                " is out of range");
  }
  Eigen::VectorXd x = Eigen::VectorXd::Zero(m_dim);
  switch (m_config.kind) {
    case NbKind::Gaussian:
      for (Eigen::Index j = 0; j < m_dim; ++j) {
        x(j) = rng.normal(m_theta(c, j), std::sqrt(m_var(c, j)));
      }
      break;
    case NbKind::Bernoulli:
      for (Eigen::Index j = 0; j < m_dim; ++j) {
        x(j) = rng.uniform() < std::exp(m_featureLogProb(c, j)) ? 1.0 : 0.0;
      }
      break;
    case NbKind::Multinomial: {
      const Eigen::VectorXd p = m_featureLogProb.row(c).array().exp();
      for (int draw = 0; draw < draws; ++draw)
        x(static_cast<Eigen::Index>(rng.categorical(p))) += 1.0;
      break;
    }
  }
  return x;
}

}  // namespace genlab::nb
