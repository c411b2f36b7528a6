// Values worked out independently of the model's code: densities written out for 2x2
// covariances, parameter counts from the definitions.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/models/gmm/gaussian_mixture.h"

namespace genlab::gmm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// N(x | m, S) in 2-D with the explicit 2x2 inverse and determinant.
double density2(double x, double y, double mx, double my, double sxx, double sxy, double syy) {
  const double det = sxx * syy - sxy * sxy;
  const double dx = x - mx;
  const double dy = y - my;
  const double q = (syy * dx * dx - 2.0 * sxy * dx * dy + sxx * dy * dy) / det;
  return std::exp(-0.5 * q) / (2.0 * std::numbers::pi * std::sqrt(det));
}

const MatrixXd kPoints{{0.0, 0.0}, {1.0, 2.0}, {-1.5, 0.5}, {3.0, -1.0}, {2.0, 2.0}};

GaussianMixture modelWith(const GmmParams& p, CovarianceType type = CovarianceType::Full) {
  GmmConfig config;
  config.k = static_cast<int>(p.weights.size());
  config.covariance = type;
  config.init = InitMethod::Manual;
  config.initialMeans = p.means;
  config.regCovar = 0.0;
  GaussianMixture model(config, kPoints, 1);
  model.setParameters(p);
  return model;
}

TEST(GmmClosedForm, OneComponentLogLikelihood) {
  GmmParams p;
  p.weights = VectorXd{{1.0}};
  p.means = MatrixXd{{0.5, 0.25}};
  p.covariances = {MatrixXd{{2.0, 0.7}, {0.7, 1.5}}};
  const GaussianMixture model = modelWith(p);
  double expected = 0.0;
  for (Eigen::Index i = 0; i < kPoints.rows(); ++i) {
    const double logp = std::log(density2(kPoints(i, 0), kPoints(i, 1), 0.5, 0.25, 2.0, 0.7, 1.5));
    EXPECT_NEAR(model.sampleLogLikelihoods()(i), logp, 1e-12);
    expected += logp;
  }
  EXPECT_NEAR(model.logLikelihood(), expected, 1e-11);
  EXPECT_NEAR(model.meanLogLikelihood(), expected / 5.0, 1e-12);
}

TEST(GmmClosedForm, TwoComponentLogLikelihoodAndResponsibilities) {
  GmmParams p;
  p.weights = VectorXd{{0.3, 0.7}};
  p.means = MatrixXd{{0.0, 1.0}, {2.0, -0.5}};
  p.covariances = {MatrixXd{{1.0, 0.2}, {0.2, 0.5}}, MatrixXd{{0.8, -0.3}, {-0.3, 1.2}}};
  const GaussianMixture model = modelWith(p);
  const MatrixXd r = model.responsibilities();
  double expected = 0.0;
  for (Eigen::Index i = 0; i < kPoints.rows(); ++i) {
    const double a = 0.3 * density2(kPoints(i, 0), kPoints(i, 1), 0.0, 1.0, 1.0, 0.2, 0.5);
    const double b = 0.7 * density2(kPoints(i, 0), kPoints(i, 1), 2.0, -0.5, 0.8, -0.3, 1.2);
    expected += std::log(a + b);
    EXPECT_NEAR(r(i, 0), a / (a + b), 1e-12);
    EXPECT_NEAR(r(i, 1), b / (a + b), 1e-12);
  }
  EXPECT_NEAR(model.logLikelihood(), expected, 1e-11);
}

TEST(GmmClosedForm, MStepIsTheWeightedMoments) {
  GmmParams p;
  p.weights = VectorXd{{0.5, 0.5}};
  p.means = MatrixXd{{0.0, 0.0}, {2.0, 1.0}};
  p.covariances = {MatrixXd::Identity(2, 2), MatrixXd::Identity(2, 2) * 2.0};
  GaussianMixture model = modelWith(p);
  const MatrixXd r = model.responsibilities();
  model.mStep();
  for (int k = 0; k < 2; ++k) {
    double nk = 0.0;
    double mx = 0.0;
    double my = 0.0;
    for (Eigen::Index i = 0; i < 5; ++i) {
      nk += r(i, k);
      mx += r(i, k) * kPoints(i, 0);
      my += r(i, k) * kPoints(i, 1);
    }
    mx /= nk;
    my /= nk;
    double sxx = 0.0;
    double sxy = 0.0;
    double syy = 0.0;
    for (Eigen::Index i = 0; i < 5; ++i) {
      const double dx = kPoints(i, 0) - mx;
      const double dy = kPoints(i, 1) - my;
      sxx += r(i, k) * dx * dx;
      sxy += r(i, k) * dx * dy;
      syy += r(i, k) * dy * dy;
    }
    EXPECT_NEAR(model.weights()(k), nk / 5.0, 1e-12);
    EXPECT_NEAR(model.means()(k, 0), mx, 1e-12);
    EXPECT_NEAR(model.means()(k, 1), my, 1e-12);
    const MatrixXd cov = model.covariance(k);
    EXPECT_NEAR(cov(0, 0), sxx / nk, 1e-12);
    EXPECT_NEAR(cov(0, 1), sxy / nk, 1e-12);
    EXPECT_NEAR(cov(1, 0), sxy / nk, 1e-12);
    EXPECT_NEAR(cov(1, 1), syy / nk, 1e-12);
  }
}

TEST(GmmClosedForm, DiagonalAndSphericalDensities) {
  GmmParams p;
  p.weights = VectorXd{{1.0}};
  p.means = MatrixXd{{1.0, -1.0}};
  p.covariances = {MatrixXd{{0.5, 0.0}, {0.0, 3.0}}};
  double expected = 0.0;
  for (Eigen::Index i = 0; i < 5; ++i) {
    expected += std::log(density2(kPoints(i, 0), kPoints(i, 1), 1.0, -1.0, 0.5, 0.0, 3.0));
  }
  EXPECT_NEAR(modelWith(p, CovarianceType::Diag).logLikelihood(), expected, 1e-11);

  p.covariances = {MatrixXd::Identity(2, 2) * 1.7};
  expected = 0.0;
  for (Eigen::Index i = 0; i < 5; ++i) {
    expected += std::log(density2(kPoints(i, 0), kPoints(i, 1), 1.0, -1.0, 1.7, 0.0, 1.7));
  }
  EXPECT_NEAR(modelWith(p, CovarianceType::Spherical).logLikelihood(), expected, 1e-11);
}

TEST(GmmClosedForm, ParameterCountsMatchScikitLearn) {
  // K - 1 weights + K d means + covariance entries.
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Full, 3, 2), 2 + 6 + 3 * 3);
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Diag, 3, 2), 2 + 6 + 3 * 2);
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Spherical, 3, 2), 2 + 6 + 3);
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Tied, 3, 2), 2 + 6 + 3);
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Full, 4, 5), 3 + 20 + 4 * 15);
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Tied, 4, 5), 3 + 20 + 15);
  EXPECT_EQ(GaussianMixture::numParameters(CovarianceType::Full, 1, 1), 0 + 1 + 1);
}

TEST(GmmClosedForm, BicAndAic) {
  GmmParams p;
  p.weights = VectorXd{{0.4, 0.6}};
  p.means = MatrixXd{{0.0, 0.0}, {2.0, 1.0}};
  p.covariances = {MatrixXd::Identity(2, 2), MatrixXd::Identity(2, 2)};
  const GaussianMixture model = modelWith(p);
  const double ll = model.logLikelihood();
  EXPECT_NEAR(model.bic(), -2.0 * ll + 11.0 * std::log(5.0), 1e-10);
  EXPECT_NEAR(model.aic(), -2.0 * ll + 22.0, 1e-10);
}

}  // namespace
}  // namespace genlab::gmm
