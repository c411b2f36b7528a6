// EM behaviour: recovering known mixtures, monotone log-likelihood, determinism.

#include <gtest/gtest.h>

#include <cmath>

#include "core/models/gmm/gaussian_mixture.h"
#include "tests/unit/gmm/test_util.h"

namespace genlab::gmm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

const CovarianceType kAllTypes[] = {CovarianceType::Full, CovarianceType::Diag,
                                    CovarianceType::Spherical, CovarianceType::Tied};

// A well-separated 3-component mixture in 2-D whose covariances have the shape `type` allows.
GmmParams truthFor(CovarianceType type) {
  GmmParams t;
  t.weights = VectorXd{{0.5, 0.3, 0.2}};
  t.means = MatrixXd{{0.0, 0.0}, {8.0, 1.0}, {2.0, 9.0}};
  switch (type) {
    case CovarianceType::Full:
      t.covariances = {MatrixXd{{2.0, 0.8}, {0.8, 1.0}}, MatrixXd{{0.5, -0.2}, {-0.2, 1.5}},
                       MatrixXd{{1.0, 0.0}, {0.0, 0.3}}};
      break;
    case CovarianceType::Diag:
      t.covariances = {MatrixXd{{2.0, 0.0}, {0.0, 0.5}}, MatrixXd{{0.4, 0.0}, {0.0, 1.5}},
                       MatrixXd{{1.0, 0.0}, {0.0, 0.3}}};
      break;
    case CovarianceType::Spherical:
      t.covariances = {MatrixXd::Identity(2, 2) * 1.5, MatrixXd::Identity(2, 2) * 0.5,
                       MatrixXd::Identity(2, 2) * 1.0};
      break;
    case CovarianceType::Tied: {
      const MatrixXd shared{{1.2, 0.5}, {0.5, 0.8}};
      t.covariances = {shared, shared, shared};
      break;
    }
  }
  return t;
}

class EmPerType : public ::testing::TestWithParam<CovarianceType> {};

TEST_P(EmPerType, RecoversKnownParameters) {
  const CovarianceType type = GetParam();
  const GmmParams truth = truthFor(type);
  Rng rng(42);
  const MatrixXd data = test::drawMixture(truth, 6000, rng);
  GmmConfig config;
  config.k = 3;
  config.covariance = type;
  config.tol = 1e-8;
  config.maxIter = 500;
  GaussianMixture model(config, data, 7);
  model.fit();
  ASSERT_TRUE(model.converged());

  const std::vector<int> perm = test::matchComponents(truth.means, model.means());
  ASSERT_TRUE(test::isPermutation(perm));
  for (int j = 0; j < 3; ++j) {
    const int k = perm[static_cast<std::size_t>(j)];
    // Standard errors at N = 6000 are ~0.01-0.03; tolerances are a few of them.
    EXPECT_NEAR(model.weights()(k), truth.weights(j), 0.02) << "component " << j;
    EXPECT_LT((model.means().row(k) - truth.means.row(j)).norm(), 0.1) << "component " << j;
    const MatrixXd err = model.covariance(k) - truth.covariances[static_cast<std::size_t>(j)];
    EXPECT_LT(err.cwiseAbs().maxCoeff(), 0.12) << "component " << j << "\n" << model.covariance(k);
  }
}

TEST_P(EmPerType, LogLikelihoodNeverDecreases) {
  const CovarianceType type = GetParam();
  for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
    Rng rng(100 + seed);
    // Overlapping clusters and a K that does not match: a long, winding EM path.
    GmmParams truth = truthFor(CovarianceType::Full);
    truth.means *= 0.3;
    const MatrixXd data = test::drawMixture(truth, 500, rng);
    GmmConfig config;
    config.k = 4;
    config.covariance = type;
    config.init = seed % 2 ? InitMethod::Random : InitMethod::KMeansPlusPlus;
    config.regCovar = 0.0;  // reg_covar > 0 makes the M-step inexact: EM's guarantee is for 0
    config.tol = 0.0;
    GaussianMixture model(config, data, seed);
    double previous = model.meanLogLikelihood();
    for (int i = 0; i < 60; ++i) {
      const auto it = model.iterate();
      ASSERT_TRUE(it.messages.empty());
      ASSERT_TRUE(std::isfinite(it.meanLogLikelihood));
      EXPECT_GE(it.meanLogLikelihood, previous - 1e-12 * std::abs(previous))
          << "seed " << seed << " iteration " << i;
      EXPECT_NEAR(it.delta, it.meanLogLikelihood - previous, 1e-12);
      previous = it.meanLogLikelihood;
    }
  }
}

TEST_P(EmPerType, SameSeedSameResult) {
  const CovarianceType type = GetParam();
  Rng rng(9);
  const MatrixXd data = test::drawMixture(truthFor(type), 800, rng);
  GmmConfig config;
  config.k = 3;
  config.covariance = type;
  GaussianMixture a(config, data, 123);
  GaussianMixture b(config, data, 123);
  a.fit();
  b.fit();
  EXPECT_EQ(a.iterations(), b.iterations());
  EXPECT_EQ(a.logLikelihood(), b.logLikelihood());  // bit for bit
  EXPECT_EQ(a.means(), b.means());
  EXPECT_EQ(a.responsibilities(), b.responsibilities());
  EXPECT_EQ(a.sample(50), b.sample(50));
}

TEST_P(EmPerType, ResponsibilitiesAreDistributions) {
  Rng rng(5);
  const MatrixXd data = test::drawMixture(truthFor(GetParam()), 300, rng);
  GmmConfig config;
  config.covariance = GetParam();
  GaussianMixture model(config, data, 1);
  model.iterate();
  const MatrixXd r = model.responsibilities();
  ASSERT_EQ(r.rows(), 300);
  ASSERT_EQ(r.cols(), 3);
  EXPECT_TRUE(r.allFinite());
  EXPECT_GE(r.minCoeff(), 0.0);
  EXPECT_LT((r.rowwise().sum().array() - 1.0).abs().maxCoeff(), 1e-12);
}

INSTANTIATE_TEST_SUITE_P(AllCovarianceTypes, EmPerType, ::testing::ValuesIn(kAllTypes),
                         [](const auto& param) { return std::string(toString(param.param)); });

TEST(GaussianMixture, DifferentSeedsGiveDifferentInitialisations) {
  Rng rng(3);
  const MatrixXd data = test::drawMixture(truthFor(CovarianceType::Full), 500, rng);
  GmmConfig config;
  GaussianMixture a(config, data, 1);
  GaussianMixture b(config, data, 2);
  EXPECT_NE(a.means(), b.means());
}

TEST(GaussianMixture, ResultDoesNotDependOnThreadCountBeyondRounding) {
  Rng rng(4);
  const MatrixXd data = test::drawMixture(truthFor(CovarianceType::Full), 5000, rng);
  GmmConfig config;
  config.tol = 0.0;
  config.maxIter = 10;
  GaussianMixture one(config, data, 1);
  GaussianMixture two(config, data, 1);
  one.setThreads(1);
  two.setThreads(2);
  one.fit();
  two.fit();
  EXPECT_NEAR(one.logLikelihood(), two.logLikelihood(), 1e-9 * std::abs(one.logLikelihood()));
  EXPECT_LT((one.means() - two.means()).cwiseAbs().maxCoeff(), 1e-9);
}

TEST(GaussianMixture, StepByStepEqualsIterate) {
  Rng rng(6);
  const MatrixXd data = test::drawMixture(truthFor(CovarianceType::Full), 400, rng);
  GmmConfig config;
  GaussianMixture a(config, data, 5);
  GaussianMixture b(config, data, 5);
  a.iterate();
  b.mStep();
  EXPECT_FALSE(b.responsibilitiesCurrent());
  b.eStep();
  EXPECT_TRUE(b.responsibilitiesCurrent());
  EXPECT_EQ(a.means(), b.means());
  EXPECT_EQ(a.logLikelihood(), b.logLikelihood());
}

TEST(GaussianMixture, FitStopsAtMaxIterAndOnStopRequest) {
  Rng rng(8);
  const MatrixXd data = test::drawMixture(truthFor(CovarianceType::Full), 400, rng);
  GmmConfig config;
  config.tol = 0.0;
  config.maxIter = 7;
  GaussianMixture model(config, data, 1);
  EXPECT_EQ(model.fit(), 7);
  EXPECT_EQ(model.iterations(), 7);
  EXPECT_FALSE(model.converged());
  std::stop_source source;
  source.request_stop();
  GaussianMixture stopped(config, data, 1);
  EXPECT_EQ(stopped.fit(source.get_token()), 0);
}

TEST(GaussianMixture, SamplesFollowTheMixture) {
  GmmConfig config;
  config.k = 2;
  config.init = InitMethod::Manual;
  config.initialMeans = MatrixXd{{0.0, 0.0}, {10.0, 10.0}};
  GaussianMixture model(config, MatrixXd{{0.0, 0.0}, {1.0, 2.0}, {10.0, 10.0}}, 1);
  GmmParams p;
  p.weights = VectorXd{{0.25, 0.75}};
  p.means = MatrixXd{{-3.0, 1.0}, {5.0, 4.0}};
  p.covariances = {MatrixXd{{1.0, 0.6}, {0.6, 2.0}}, MatrixXd{{0.5, 0.0}, {0.0, 0.5}}};
  model.setParameters(p);
  const MatrixXd s = model.sample(40000);
  // Points with x < 1 come from component 0 (the components are ~6 sigma apart).
  Eigen::Index count = 0;
  VectorXd sum = VectorXd::Zero(2);
  MatrixXd sq = MatrixXd::Zero(2, 2);
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    if (s(i, 0) < 1.0) {
      ++count;
      sum += s.row(i).transpose();
      sq += s.row(i).transpose() * s.row(i);
    }
  }
  const double n = static_cast<double>(count);
  EXPECT_NEAR(n / 40000.0, 0.25, 0.01);
  const VectorXd mean = sum / n;
  EXPECT_LT((mean - p.means.row(0).transpose()).norm(), 0.05);
  const MatrixXd cov = sq / n - mean * mean.transpose();
  EXPECT_LT((cov - p.covariances[0]).cwiseAbs().maxCoeff(), 0.08);
}

}  // namespace
}  // namespace genlab::gmm
