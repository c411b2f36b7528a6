// The mixture of Bernoullis against brute force, Laplace's closed form and a planted mixture.

#include "core/models/bernoulli_mixture/bernoulli_mixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "core/util/rng.h"

namespace genlab::bernoulli_mixture {
namespace {

// N rows drawn from two planted components over 12 pixels.
Eigen::MatrixXd planted(int rows, Eigen::MatrixXd& means, std::uint64_t seed) {
  means.resize(2, 12);
  for (int j = 0; j < 12; ++j) {
    means(0, j) = j < 6 ? 0.9 : 0.1;
    means(1, j) = j % 2 == 0 ? 0.8 : 0.15;
  }
  Rng rng(seed);
  Eigen::MatrixXd data(rows, 12);
  for (int n = 0; n < rows; ++n) {
    const int k = rng.uniform() < 0.3 ? 0 : 1;
    for (int j = 0; j < 12; ++j) data(n, j) = rng.uniform() < means(k, j) ? 1.0 : 0.0;
  }
  return data;
}

TEST(BernoulliMixture, LogLikelihoodIsTheSumOverComponentsByHand) {
  Eigen::MatrixXd truth;
  const Eigen::MatrixXd data = planted(200, truth, 1);
  const MixtureFit fit = fitBernoulliMixture(data, 3, 1.0, 50, 1e-9, 2);
  const Eigen::VectorXd fast = logLikelihoods(fit, data);
  for (int n = 0; n < 20; ++n) {
    double p = 0;
    for (int k = 0; k < 3; ++k) {
      double product = fit.weights(k);
      for (int j = 0; j < 12; ++j)
        product *= data(n, j) == 1.0 ? fit.means(k, j) : 1.0 - fit.means(k, j);
      p += product;
    }
    EXPECT_NEAR(fast(n), std::log(p), 1e-12);
  }
  EXPECT_NEAR(fit.weights.sum(), 1.0, 1e-12);
}

// One component is the independent-pixels model: (ones + alpha) / (N + 2 alpha) per pixel.
TEST(BernoulliMixture, OneComponentIsLaplacesRule) {
  Eigen::MatrixXd truth;
  const Eigen::MatrixXd data = planted(101, truth, 3);
  const MixtureFit fit = fitBernoulliMixture(data, 1, 1.0, 10, 1e-9, 4);
  for (int j = 0; j < 12; ++j)
    EXPECT_NEAR(fit.means(0, j), (data.col(j).sum() + 1.0) / (101.0 + 2.0), 1e-14);
}

TEST(BernoulliMixture, EmClimbsAndFindsThePlantedComponents) {
  Eigen::MatrixXd truth;
  const Eigen::MatrixXd data = planted(6000, truth, 5);
  const MixtureFit fit = fitBernoulliMixture(data, 2, 1.0, 300, 1e-10, 6);
  for (Eigen::Index i = 1; i < fit.logPosteriorTrace.size(); ++i)
    EXPECT_GE(fit.logPosteriorTrace(i), fit.logPosteriorTrace(i - 1) - 1e-12) << "iteration " << i;
  // Up to the order of the components.
  const int first = std::abs(fit.means(0, 0) - 0.9) < std::abs(fit.means(1, 0) - 0.9) ? 0 : 1;
  EXPECT_NEAR(fit.weights(first), 0.3, 0.03);
  for (int j = 0; j < 12; ++j) {
    EXPECT_NEAR(fit.means(first, j), truth(0, j), 0.05) << j;
    EXPECT_NEAR(fit.means(1 - first, j), truth(1, j), 0.05) << j;
  }
}

TEST(BernoulliMixture, RefusesWhatItCannotFit) {
  Eigen::MatrixXd grey(2, 2);
  grey << 0, 1, 0.5, 1;
  EXPECT_THROW(fitBernoulliMixture(grey, 2, 1.0, 10, 1e-9, 0), std::invalid_argument);
  EXPECT_THROW(fitBernoulliMixture(Eigen::MatrixXd(), 2, 1.0, 10, 1e-9, 0), std::invalid_argument);
  Eigen::MatrixXd binary = Eigen::MatrixXd::Ones(3, 2);
  EXPECT_THROW(fitBernoulliMixture(binary, 0, 1.0, 10, 1e-9, 0), std::invalid_argument);
  const MixtureFit fit = fitBernoulliMixture(binary, 1, 1.0, 10, 1e-9, 0);
  EXPECT_THROW(logLikelihoods(fit, Eigen::MatrixXd::Ones(1, 3)), std::invalid_argument);
}

}  // namespace
}  // namespace genlab::bernoulli_mixture
