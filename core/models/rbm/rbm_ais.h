#pragma once
// Annealed importance sampling of an RBM's log partition function (Salakhutdinov and Murray,
// "On the quantitative analysis of deep belief networks", ICML 2008).
//
// Base model A: independent visible units with biases bA (the data's smoothed pixel marginals,
// log(p / (1 - p)) with p = (count + 1) / (N + 2)), no weights, H free hidden units, so
// log Z_A = sum_i softplus(bA_i) + H log 2. Intermediate distributions at inverse temperatures
// 0 = beta_0 < beta_1 < ... < beta_K = 1 (linear), each the joint energy tempered:
//
//   log p*_k(v) = (1 - beta_k) bA'v + beta_k b'v + sum_j softplus(beta_k (c_j + (v'W)_j))
//
// Each of M independent runs draws v_0 from A, then for k = 1..K adds
// log p*_k(v_{k-1}) - log p*_{k-1}(v_{k-1}) to its log weight and takes one Gibbs sweep
// (h ~ p_k(h | v), v ~ p_k(v | h)) that leaves p_k invariant. With w_m the M weights,
//
//   log Z estimate   = log Z_A + log mean_m w_m              (log-mean-exp of the log weights)
//   standard error   = sd(w) / (sqrt(M) mean(w))             (delta method: se of log mean w)
//
// both computed with the largest log weight factored out, so no weight overflows. The estimate
// of Z is unbiased; that of log Z is biased low (Jensen) when the weights vary a lot, which the
// standard error then shows. Run m draws from its own Rng (seed, m), so the result does not
// depend on the thread count beyond rounding.

#include <Eigen/Core>
#include <cstdint>
#include <stop_token>

#include "core/models/rbm/rbm_model.h"

namespace genlab::rbm {

struct AisSettings {
  int runs = 100;     // M
  int betas = 10000;  // K intermediate steps (linear spacing)
  std::uint64_t seed = 0;
  int threads = 0;  // 0 = all cores
  // Polled between temperatures: once a stop is requested the runs end early and the result
  // means nothing (the caller, told by the same token, throws it away).
  std::stop_token stop;
};

struct AisResult {
  double logPartition = 0.0;      // log Z estimate
  double standardError = 0.0;     // of logPartition, by the delta method
  double logPartitionBase = 0.0;  // log Z_A
  Eigen::VectorXd logWeights;     // M, log w_m (without log Z_A)
};

// bA from binary data (N x V): log(p / (1 - p)), p = (count + 1) / (N + 2) per pixel.
Eigen::VectorXd baseRateBias(const Eigen::MatrixXd& data);

// Throws ConfigError for runs < 2 or betas < 1, or a base bias of the wrong size.
AisResult annealedLogPartition(const Rbm& rbm, const Eigen::VectorXd& baseBias,
                               const AisSettings& settings);

// log mean exp of `logValues` and the delta-method standard error of it (sd / (sqrt(M) mean),
// with the sample standard deviation, M - 1 in the denominator). Exposed for tests.
struct LogMean {
  double logMean = 0.0;
  double standardError = 0.0;
};
LogMean logMeanExp(const Eigen::VectorXd& logValues);

}  // namespace genlab::rbm
