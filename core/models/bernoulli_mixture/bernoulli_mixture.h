#pragma once
// A mixture of products of Bernoullis over binary vectors (pixels):
//   p(x) = sum_k pi_k prod_j mu_kj^x_j (1 - mu_kj)^(1 - x_j),
// fitted by EM. The M-step adds `alpha` pseudo-counts to each pixel's ones and zeros (a Beta(1 +
// alpha, 1 + alpha) prior, MAP), so no mu is exactly 0 or 1 and a held-out image with a pixel
// never seen on has a finite likelihood; alpha = 1 is Laplace's rule. One component is the
// independent-pixels model, whose fit is closed form (EM converges in one step).
//
// Data: N x d, one binary image per row (entries 0 or 1). Log-likelihoods are exact (nats).

#include <Eigen/Core>
#include <cstdint>

namespace genlab::bernoulli_mixture {

struct MixtureFit {
  Eigen::VectorXd weights;  // K, summing to 1
  Eigen::MatrixXd means;    // K x d, each in (0, 1)
  int iterations = 0;
  // Mean log-likelihood per row of the training data after each EM iteration (the first entry is
  // after the first M-step); non-decreasing up to rounding, as EM guarantees for MAP too when
  // the prior's log density is added (it is, in logPosteriorTrace).
  Eigen::VectorXd logLikelihoodTrace;
  Eigen::VectorXd logPosteriorTrace;  // the same plus the prior's log density / N
};

// EM from responsibilities drawn at random from `seed` (each row's a Dirichlet(1) draw), for at
// most `maxIterations` iterations or until the mean log-posterior gains less than `tolerance`.
// Throws std::invalid_argument for K < 1, alpha < 0, an empty or non-binary data set.
MixtureFit fitBernoulliMixture(const Eigen::MatrixXd& data, int components, double alpha,
                               int maxIterations, double tolerance, std::uint64_t seed);

// log p(x) of each row, exactly (log-sum-exp over components). Throws std::invalid_argument
// when the columns do not match.
Eigen::VectorXd logLikelihoods(const MixtureFit& fit, const Eigen::MatrixXd& data);

}  // namespace genlab::bernoulli_mixture
