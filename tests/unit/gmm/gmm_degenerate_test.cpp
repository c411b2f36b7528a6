// Degenerate inputs: empty components, duplicate points, other dimensions, bad parameters.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/models/gmm/gaussian_mixture.h"
#include "core/util/errors.h"
#include "tests/unit/gmm/test_util.h"

namespace genlab::gmm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

MatrixXd twoBlobs(Eigen::Index n, Eigen::Index d, std::uint64_t seed) {
  Rng rng(seed);
  MatrixXd x(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) x(i, j) = rng.normal() + (i % 2 ? 5.0 : 0.0);
  }
  return x;
}

TEST(GmmDegenerate, ComponentWithNoPointsIsReseededWithAMessage) {
  const MatrixXd data = twoBlobs(200, 2, 1);
  for (auto type : {CovarianceType::Full, CovarianceType::Diag, CovarianceType::Spherical,
                    CovarianceType::Tied}) {
    GmmConfig config;
    config.k = 3;
    config.covariance = type;
    config.init = InitMethod::Manual;
    // The third mean is so far away that its responsibilities underflow to exactly 0.
    config.initialMeans = MatrixXd{{0.0, 0.0}, {5.0, 5.0}, {1e6, 1e6}};
    GaussianMixture model(config, data, 1);
    const auto it = model.iterate();
    ASSERT_EQ(it.messages.size(), 1u) << toString(type);
    EXPECT_NE(it.messages[0].find("component 2"), std::string::npos) << it.messages[0];
    EXPECT_FALSE(it.converged);
    EXPECT_TRUE(model.means().allFinite());
    EXPECT_TRUE(model.weights().allFinite());
    EXPECT_TRUE(model.responsibilities().allFinite());
    EXPECT_TRUE(std::isfinite(model.logLikelihood()));
    EXPECT_LT(model.means().row(2).norm(), 100.0);  // moved onto the data
    for (const auto& c : model.covariances()) EXPECT_TRUE(c.allFinite());
    // And training goes on without NaN.
    for (int i = 0; i < 20; ++i) model.iterate();
    EXPECT_TRUE(std::isfinite(model.logLikelihood()));
    EXPECT_NEAR(model.weights().sum(), 1.0, 1e-12);
  }
}

TEST(GmmDegenerate, DuplicatePointsAreHeldByRegCovar) {
  // Every point repeated: a component collapsing on one point would have zero covariance.
  MatrixXd data(60, 2);
  for (Eigen::Index i = 0; i < 60; ++i) data.row(i) << static_cast<double>(i % 3), 0.5 * (i % 3);
  GmmConfig config;
  config.k = 3;
  config.regCovar = 1e-4;
  config.tol = 0.0;
  config.maxIter = 50;
  GaussianMixture model(config, data, 2);
  EXPECT_NO_THROW(model.fit());
  EXPECT_TRUE(std::isfinite(model.logLikelihood()));
  for (const auto& c : model.covariances()) {
    EXPECT_TRUE(c.allFinite());
    EXPECT_GE(c.diagonal().minCoeff(), 1e-4 - 1e-15);
  }
}

TEST(GmmDegenerate, SingularCovarianceWithoutFloorIsANumericErrorNotANaN) {
  // Twenty copies of one point: the data covariance is exactly 0 and reg_covar = 0 gives no
  // floor.
  MatrixXd data(20, 2);
  for (Eigen::Index i = 0; i < 20; ++i) data.row(i) << 1.0, 2.0;
  GmmConfig config;
  config.k = 1;
  config.regCovar = 0.0;
  try {
    GaussianMixture model(config, data, 1);
    FAIL() << "expected NumericError";
  } catch (const NumericError& error) {
    EXPECT_NE(std::string(error.what()).find("component 0"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("covariance"), std::string::npos) << error.what();
  }
}

TEST(GmmDegenerate, CollapsingComponentNeverYieldsNaN) {
  // One isolated point with its own component and reg_covar = 0: the component collapses onto
  // it. Each step either succeeds with finite values or throws NumericError and leaves the
  // model exactly as before the step.
  MatrixXd data(41, 2);
  for (Eigen::Index i = 0; i < 40; ++i) {
    data.row(i) << std::cos(0.3 * static_cast<double>(i)) * 3,
        std::sin(0.3 * static_cast<double>(i)) * 3;
  }
  data.row(40) << 20.0, 20.0;
  GmmConfig config;
  config.k = 2;
  config.regCovar = 0.0;
  config.init = InitMethod::Manual;
  config.initialMeans = MatrixXd{{0.0, 0.0}, {20.0, 20.0}};
  GaussianMixture model(config, data, 1);
  bool threw = false;
  for (int i = 0; i < 300 && !threw; ++i) {
    const MatrixXd means = model.means();
    const double ll = model.logLikelihood();
    try {
      model.iterate();
      ASSERT_TRUE(std::isfinite(model.logLikelihood()));
      ASSERT_TRUE(model.means().allFinite());
      ASSERT_TRUE(model.responsibilities().allFinite());
    } catch (const NumericError& error) {
      threw = true;
      EXPECT_NE(std::string(error.what()).find("component"), std::string::npos) << error.what();
      EXPECT_EQ(model.means(), means);
      EXPECT_EQ(model.logLikelihood(), ll);
      EXPECT_TRUE(model.responsibilities().allFinite());
      EXPECT_TRUE(model.responsibilitiesCurrent());
    }
  }
}

TEST(GmmDegenerate, OneDimension) {
  MatrixXd data(400, 1);
  Rng rng(3);
  for (Eigen::Index i = 0; i < 400; ++i) data(i, 0) = (i < 100 ? -4.0 : 3.0) + rng.normal();
  GmmConfig config;
  config.k = 2;
  config.tol = 1e-9;
  GaussianMixture model(config, data, 1);
  model.fit();
  const Eigen::Index low = model.means()(0, 0) < model.means()(1, 0) ? 0 : 1;
  EXPECT_NEAR(model.means()(low, 0), -4.0, 0.25);
  EXPECT_NEAR(model.means()(1 - low, 0), 3.0, 0.15);
  EXPECT_NEAR(model.weights()(low), 0.25, 0.03);
  EXPECT_NEAR(model.covariance(static_cast<int>(low))(0, 0), 1.0, 0.3);
}

TEST(GmmDegenerate, FiveAndTwelveDimensions) {
  // d = 5 takes the plain loops, d = 12 the BLAS kernels.
  for (Eigen::Index d : {5, 12}) {
    GmmParams truth;
    truth.weights = VectorXd{{0.4, 0.6}};
    truth.means = MatrixXd::Zero(2, d);
    truth.means.row(1).setConstant(3.0);
    MatrixXd a = MatrixXd::Identity(d, d);
    a(0, 1) = 0.5;
    truth.covariances = {a * a.transpose(), MatrixXd::Identity(d, d) * 0.5};
    Rng rng(11);
    const MatrixXd data = test::drawMixture(truth, 5000, rng);
    GmmConfig config;
    config.k = 2;
    config.tol = 1e-9;
    GaussianMixture model(config, data, 4);
    model.fit();
    const auto perm = test::matchComponents(truth.means, model.means());
    ASSERT_TRUE(test::isPermutation(perm));
    for (int j = 0; j < 2; ++j) {
      const int k = perm[static_cast<std::size_t>(j)];
      EXPECT_NEAR(model.weights()(k), truth.weights(j), 0.02);
      EXPECT_LT((model.means().row(k) - truth.means.row(j)).cwiseAbs().maxCoeff(), 0.1);
      EXPECT_LT((model.covariance(k) - truth.covariances[static_cast<std::size_t>(j)])
                    .cwiseAbs()
                    .maxCoeff(),
                0.15)
          << "d = " << d;
    }
  }
}

TEST(GmmDegenerate, BadInputsAreReported) {
  GmmConfig config;
  config.k = 5;
  EXPECT_THROW(GaussianMixture(config, MatrixXd::Zero(3, 2), 1), ConfigError);  // k > N
  MatrixXd withNan = MatrixXd::Zero(10, 2);
  withNan(4, 1) = std::nan("");
  config.k = 1;
  EXPECT_THROW(GaussianMixture(config, withNan, 1), DataError);
  EXPECT_THROW(GaussianMixture(config, MatrixXd(0, 2), 1), DataError);

  GaussianMixture model(config, twoBlobs(50, 2, 1), 1);
  GmmParams p;
  p.weights = VectorXd{{1.0}};
  p.means = MatrixXd{{0.0, 0.0}};
  p.covariances = {MatrixXd{{1.0, 2.0}, {2.0, 1.0}}};  // not positive definite
  EXPECT_THROW(model.setParameters(p), ConfigError);
  p.covariances = {MatrixXd{{1.0, 0.5}, {0.0, 1.0}}};  // not symmetric
  EXPECT_THROW(model.setParameters(p), ConfigError);
  EXPECT_THROW(model.setMean(1, VectorXd::Zero(2)), ConfigError);
  EXPECT_THROW(model.setMean(0, VectorXd::Zero(3)), ConfigError);
  EXPECT_THROW(model.setData(MatrixXd::Zero(5, 3)), DataError);
}

TEST(GmmDegenerate, SetDataKeepsTheParameters) {
  GmmConfig config;
  config.k = 2;
  GaussianMixture model(config, twoBlobs(100, 2, 1), 1);
  model.fit();
  const MatrixXd means = model.means();
  const auto covs = model.covariances();
  model.setData(twoBlobs(30, 2, 2));
  EXPECT_LT((model.means() - means).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((model.covariances()[0] - covs[0]).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_EQ(model.numSamples(), 30);
  EXPECT_EQ(model.responsibilities().rows(), 30);
  EXPECT_TRUE(model.responsibilitiesCurrent());
}

TEST(GmmDegenerate, SetMeanMakesResponsibilitiesStaleUntilEStep) {
  GmmConfig config;
  config.k = 2;
  GaussianMixture model(config, twoBlobs(100, 2, 1), 1);
  model.setMean(0, VectorXd{{-30.0, -30.0}});
  EXPECT_FALSE(model.responsibilitiesCurrent());
  EXPECT_LT((model.means().row(0) - Eigen::RowVector2d{-30.0, -30.0}).norm(), 1e-12);
  model.eStep();
  EXPECT_TRUE(model.responsibilitiesCurrent());
  // Nothing is near the moved mean any more.
  EXPECT_LT(model.responsibilities().col(0).maxCoeff(), 1e-6);
}

}  // namespace
}  // namespace genlab::gmm
