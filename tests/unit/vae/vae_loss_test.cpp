// The loss terms and the KL decomposition against values worked by hand or by a direct loop.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/models/vae/vae_network.h"

namespace genlab::vae {
namespace {

TEST(VaeLoss, KlPerDimensionMatchesTheClosedForm) {
  // KL(N(m, v) || N(0, 1)) = (m^2 + v - 1 - log v) / 2.
  const Posterior p{torch::tensor({{1.0f, 0.0f, 0.0f}}),
                    torch::tensor({{0.0f, 0.0f, static_cast<float>(std::log(2.0))}})};
  const auto kl = klPerDimension(p);
  EXPECT_NEAR(kl[0][0].item<double>(), 0.5, 1e-6);
  EXPECT_NEAR(kl[0][1].item<double>(), 0.0, 1e-7);
  EXPECT_NEAR(kl[0][2].item<double>(), 0.5 * (2.0 - 1.0 - std::log(2.0)), 1e-6);
}

TEST(VaeLoss, BernoulliNllIsTheCrossEntropySummedOverPixels) {
  VaeConfig config;
  config.latent = 2;
  config.hidden = 8;
  VaeNet net(config, 2, 2);
  const auto logits = torch::tensor({{0.0f, 2.0f, -1.0f, 3.0f}});
  const auto x = torch::tensor({{1.0f, 0.0f, 0.25f, 1.0f}});
  double expected = 0.0;
  for (int i = 0; i < 4; ++i) {
    const double p = 1.0 / (1.0 + std::exp(-logits[0][i].item<double>()));
    const double xi = x[0][i].item<double>();
    expected -= xi * std::log(p) + (1 - xi) * std::log(1 - p);
  }
  EXPECT_NEAR(net->negativeLogLikelihood(logits, x)[0].item<double>(), expected, 1e-5);
}

TEST(VaeLoss, GaussianNllUsesTheLearnedSigma) {
  VaeConfig config;
  config.latent = 2;
  config.hidden = 8;
  config.likelihood = Likelihood::kGaussian;
  VaeNet net(config, 1, 2);                           // sigma starts at 0.1
  const auto logits = torch::tensor({{0.0f, 0.0f}});  // mean 0.5
  const auto x = torch::tensor({{0.7f, 0.5f}});
  const double s = 0.1;
  const double expected =
      0.5 * std::pow(0.2 / s, 2) + 2 * (std::log(s) + 0.5 * std::log(2 * std::numbers::pi));
  EXPECT_NEAR(net->negativeLogLikelihood(logits, x)[0].item<double>(), expected, 1e-4);
  EXPECT_NEAR(net->decoderLogSigma(), std::log(0.1), 1e-6);
}

// log N(z; m, v) for one coordinate.
double logNormal(double z, double m, double logVar) {
  return -0.5 * ((z - m) * (z - m) / std::exp(logVar) + logVar + std::log(2 * std::numbers::pi));
}

double logSumExp(const std::vector<double>& values) {
  double top = -INFINITY;
  for (double v : values) top = std::max(top, v);
  double sum = 0.0;
  for (double v : values) sum += std::exp(v - top);
  return top + std::log(sum);
}

struct Sample {
  Posterior posterior;
  torch::Tensor z;
};

Sample randomSample(int n, int d, std::uint64_t seed) {
  torch::manual_seed(static_cast<std::int64_t>(seed));
  Posterior p{torch::randn({n, d}), 0.5 * torch::randn({n, d}) - 1.0};
  // A stream of its own: seeded like torch's global one, eps would repeat the means.
  at::Generator generator = at::detail::createCPUGenerator(seed + 1000);
  return {p, reparameterise(p, generator)};
}

TEST(VaeKlDecomposition, FullSubsetMatchesADirectLoop) {
  const int n = 7;
  const int d = 3;
  const Sample s = randomSample(n, d, 11);
  auto at = [](const torch::Tensor& t, int i, int j) { return t[i][j].item<double>(); };
  double mi = 0, tc = 0, dimKl = 0;
  for (int i = 0; i < n; ++i) {
    double logQzx = 0, logPz = 0, logProd = 0;
    std::vector<double> joint(n, 0.0);
    for (int k = 0; k < d; ++k) {
      const double z = at(s.z, i, k);
      logQzx += logNormal(z, at(s.posterior.mean, i, k), at(s.posterior.logVar, i, k));
      logPz += logNormal(z, 0, 0);
      std::vector<double> marginal(n);
      for (int j = 0; j < n; ++j) {
        marginal[j] = logNormal(z, at(s.posterior.mean, j, k), at(s.posterior.logVar, j, k));
        joint[j] += marginal[j];
      }
      logProd += logSumExp(marginal) - std::log(n);
    }
    const double logQz = logSumExp(joint) - std::log(n);
    mi += (logQzx - logQz) / n;
    tc += (logQz - logProd) / n;
    dimKl += (logProd - logPz) / n;
  }
  const KlDecomposition out = decomposeKl(s.posterior, s.z, TcEstimator::kFullSubset, 0);
  EXPECT_NEAR(out.mutualInformation, mi, 1e-4);
  EXPECT_NEAR(out.totalCorrelation, tc, 1e-4);
  EXPECT_NEAR(out.dimensionWiseKl, dimKl, 1e-4);
  // Index-code MI can never exceed the entropy of a uniform index, log N.
  EXPECT_LE(out.mutualInformation, std::log(n) + 1e-9);
}

TEST(VaeKlDecomposition, TermsAddUpToTheSampledKl) {
  const Sample s = randomSample(50, 4, 3);
  for (auto estimator : {TcEstimator::kMinibatchWeighted, TcEstimator::kFullSubset}) {
    const KlDecomposition out = decomposeKl(s.posterior, s.z, estimator, 16);
    EXPECT_NEAR(out.mutualInformation + out.totalCorrelation + out.dimensionWiseKl, out.kl, 1e-9);
  }
  // The sampled KL is an unbiased estimate of the closed form: close on average.
  const double closed = klPerDimension(s.posterior).sum(1).mean().item<double>();
  EXPECT_NEAR(decomposeKl(s.posterior, s.z, TcEstimator::kFullSubset, 0).kl, closed,
              1.0);  // the estimate's spread here is about 0.2
}

TEST(VaeKlDecomposition, OneDimensionHasNoTotalCorrelation) {
  const Sample s = randomSample(40, 1, 5);
  for (auto estimator : {TcEstimator::kMinibatchWeighted, TcEstimator::kFullSubset})
    EXPECT_NEAR(decomposeKl(s.posterior, s.z, estimator, 8).totalCorrelation, 0.0, 1e-12);
}

TEST(VaeKlDecomposition, CollapsedPosteriorHasNoInformationButMwsReportsLogN) {
  // Every image encoded to the same N(0.3, 0.5): z carries nothing about the index.
  const int n = 64;
  Posterior p{torch::full({n, 2}, 0.3f), torch::full({n, 2}, static_cast<float>(std::log(0.5)))};
  at::Generator generator = at::detail::createCPUGenerator(1);
  const auto z = reparameterise(p, generator);
  const KlDecomposition full = decomposeKl(p, z, TcEstimator::kFullSubset, 0);
  EXPECT_NEAR(full.mutualInformation, 0.0, 1e-9);
  EXPECT_NEAR(full.totalCorrelation, 0.0, 1e-9);
  // Minibatch-weighted sampling weights each of the M terms 1/(N M): q(z) comes out N times
  // too small here, so its MI is log N and its TC (D - 1) log N, whatever the minibatch.
  for (int m : {8, 64}) {
    const KlDecomposition mws = decomposeKl(p, z, TcEstimator::kMinibatchWeighted, m);
    EXPECT_NEAR(mws.mutualInformation, std::log(n), 1e-9);
    EXPECT_NEAR(mws.totalCorrelation, -std::log(n) + 2 * std::log(n), 1e-9);
  }
}

}  // namespace
}  // namespace genlab::vae
