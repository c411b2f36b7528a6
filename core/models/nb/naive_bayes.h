#pragma once
// Naive Bayes: a generative classifier that models p(y) and p(x|y) as a product of one
// distribution per feature, with scikit-learn's exact fitting rules (GaussianNB, BernoulliNB,
// MultinomialNB in scikit-learn 1.2), so its probabilities can be held to scikit-learn's.
//
// Orientation: data is N x d, one sample per row (as CsvMatrix gives it); class c of sample i is
// labels[i] in [0, K), every class present (the caller maps names to indices; scikit-learn's
// class order is the sorted unique labels). Results are N x K, one column per class.
//
//   log p(y=c)          classLogPrior()(c)
//   log p(x|y=c)        classLogLikelihood(X)      Gaussian: sum_j log N(x_j | theta_cj, var_cj)
//                                                  Bernoulli: sum_j x_j log p_cj
//                                                             + (1 - x_j) log(1 - p_cj)
//                                                  multinomial: sum_j x_j log p_cj (without the
//                                                  multinomial coefficient, as scikit-learn)
//   log p(x, y=c)       jointLogLikelihood(X)      the sum of the two above
//   log p(x)            marginalLogLikelihood(X)   logsumexp_c of the joint (nats per sample)
//   p(y=c|x)            predictProba(X)            exp(joint - marginal), as scikit-learn
//
// Bernoulli binarises every input (fit and predict) with x > binarize when binarize is set.

#include <Eigen/Core>
#include <vector>

#include "core/models/nb/nb_config.h"
#include "core/util/rng.h"

namespace genlab::nb {

class NaiveBayes {
 public:
  // Fits at once (Naive Bayes has closed-form estimates). Throws ConfigError for a bad config,
  // DataError "row R, column C: ..." (from 1) for a negative count (multinomial) and
  // std::invalid_argument for labels out of range, a missing class or mismatched sizes.
  NaiveBayes(const NbConfig& config, const Eigen::MatrixXd& data, const std::vector<int>& labels,
             int numClasses);

  const NbConfig& config() const { return m_config; }
  int numClasses() const { return static_cast<int>(m_classCount.size()); }
  Eigen::Index dim() const { return m_dim; }

  const Eigen::VectorXd& classCount() const { return m_classCount; }
  const Eigen::VectorXd& classLogPrior() const { return m_classLogPrior; }
  // Gaussian: per-class means and variances (epsilon included), K x d; epsilon itself.
  const Eigen::MatrixXd& theta() const { return m_theta; }
  const Eigen::MatrixXd& var() const { return m_var; }
  double epsilon() const { return m_epsilon; }
  // Bernoulli and multinomial: per-class feature counts (after binarising) and smoothed
  // log probabilities, K x d.
  const Eigen::MatrixXd& featureCount() const { return m_featureCount; }
  const Eigen::MatrixXd& featureLogProb() const { return m_featureLogProb; }

  // Throws std::invalid_argument when X has other than dim() columns; DataError for a negative
  // count (multinomial), naming the row and column from 1.
  Eigen::MatrixXd jointLogLikelihood(const Eigen::MatrixXd& X) const;
  Eigen::MatrixXd classLogLikelihood(const Eigen::MatrixXd& X) const;
  Eigen::VectorXd marginalLogLikelihood(const Eigen::MatrixXd& X) const;
  Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const;

  // One x ~ p(x | y=c): Gaussian, an axis-aligned normal; Bernoulli, independent 0/1 features;
  // multinomial, `draws` features drawn with replacement from p_c and counted.
  Eigen::VectorXd sample(int c, Rng& rng, int draws = 100) const;

 private:
  void fitGaussian(const Eigen::MatrixXd& data, const std::vector<int>& labels);
  void fitDiscrete(const Eigen::MatrixXd& data, const std::vector<int>& labels);
  Eigen::MatrixXd gaussianJoint(const Eigen::MatrixXd& X) const;
  Eigen::MatrixXd discreteJoint(const Eigen::MatrixXd& X) const;

  NbConfig m_config;
  Eigen::Index m_dim = 0;
  Eigen::VectorXd m_classCount;
  Eigen::VectorXd m_classLogPrior;
  // Gaussian
  Eigen::MatrixXd m_theta, m_var;
  double m_epsilon = 0.0;
  // Bernoulli and multinomial
  Eigen::MatrixXd m_featureCount, m_featureLogProb;
};

// Row-wise scipy.special.logsumexp, computed as scipy does (max + log(sum(exp(a - max)))).
Eigen::VectorXd rowLogSumExp(const Eigen::MatrixXd& a);

}  // namespace genlab::nb
