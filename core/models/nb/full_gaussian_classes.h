#pragma once
// The "not naive" comparison for Naive Bayes lessons: one Gaussian per class with a FULL
// covariance (quadratic discriminant analysis by maximum likelihood), so features may be
// correlated within a class. Everything else is kept equal to Gaussian Naive Bayes, so the only
// difference a view shows is the naive assumption:
//   priors      class frequencies (as GaussianNB)
//   means       class means
//   covariance  the class's maximum-likelihood covariance (divided by n_c, ddof 0, as GaussianNB's
//               variances) plus epsilon on the diagonal, epsilon = var_smoothing x the largest
//               variance of any feature over all the data (GaussianNB's rule)
// Where every class's covariance is diagonal the two models are the same model.
//
// Orientation as NaiveBayes: data N x d, one sample per row; results N x K.

#include <Eigen/Core>
#include <vector>

namespace genlab::nb {

class FullGaussianClasses {
 public:
  // Throws std::invalid_argument for labels out of range, a class without samples or
  // mismatched sizes; NumericError when a class's covariance is not positive definite even with
  // epsilon (a class of identical points with var_smoothing 0).
  FullGaussianClasses(const Eigen::MatrixXd& data, const std::vector<int>& labels, int numClasses,
                      double varSmoothing);

  int numClasses() const { return static_cast<int>(m_logPrior.size()); }
  Eigen::Index dim() const { return m_means.cols(); }
  const Eigen::VectorXd& classLogPrior() const { return m_logPrior; }
  const Eigen::MatrixXd& means() const { return m_means; }                           // K x d
  const std::vector<Eigen::MatrixXd>& covariances() const { return m_covariances; }  // K, d x d
  double epsilon() const { return m_epsilon; }

  // log p(y=c) + log N(x | mu_c, Sigma_c), N x K.
  Eigen::MatrixXd jointLogLikelihood(const Eigen::MatrixXd& X) const;
  // log p(x) = logsumexp_c of the joint, nats per sample.
  Eigen::VectorXd marginalLogLikelihood(const Eigen::MatrixXd& X) const;
  // p(y=c | x), rows sum to 1.
  Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const;

 private:
  Eigen::VectorXd m_logPrior;
  Eigen::MatrixXd m_means;
  std::vector<Eigen::MatrixXd> m_covariances;
  std::vector<Eigen::MatrixXd> m_choleskyL;  // lower factors of the covariances
  std::vector<double> m_logNorm;             // -(d/2) log 2 pi - (1/2) log det Sigma_c
  double m_epsilon = 0.0;
};

// Fraction of rows whose most probable class (first on ties) equals the label.
double accuracy(const Eigen::MatrixXd& probabilities, const std::vector<int>& labels);

}  // namespace genlab::nb
