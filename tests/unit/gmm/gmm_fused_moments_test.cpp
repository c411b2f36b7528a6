// From d = 8 on, the E-step also sums the next M-step's statistics from the features it has
// built (gmm_kernels.h). These tests check the M-step that uses them against the textbook
// formulas evaluated here from the responsibilities and the data, over several E/M rounds and
// for both covariance types that use them, including a second M-step on the same (stale)
// responsibilities.

#include <gtest/gtest.h>

#include "core/models/gmm/gaussian_mixture.h"
#include "tests/unit/gmm/test_util.h"

namespace genlab::gmm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

MatrixXd makeData(Eigen::Index n, Eigen::Index d, Rng& rng) {
  MatrixXd x(n, d);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < d; ++j)
      x(i, j) = rng.normal(i % 3 == 0 ? 4.0 : (i % 3 == 1 ? -3.0 : 0.5), 1.0 + 0.1 * j);
  return x;
}

// The M-step by its definition, from responsibilities R (N x K) and data X (N x d).
GmmParams textbookMStep(const MatrixXd& X, const MatrixXd& R, CovarianceType type, double reg) {
  const Eigen::Index d = X.cols();
  const Eigen::Index K = R.cols();
  const VectorXd nk = R.colwise().sum().transpose();
  GmmParams p;
  p.weights = nk / nk.sum();
  p.means = (R.transpose() * X).array().colwise() / nk.array();
  MatrixXd tied = MatrixXd::Zero(d, d);
  for (Eigen::Index k = 0; k < K; ++k) {
    const MatrixXd centred = X.rowwise() - p.means.row(k);
    const MatrixXd scatter = centred.transpose() * R.col(k).asDiagonal() * centred;
    tied += scatter;
    p.covariances.push_back(scatter / nk(k) + reg * MatrixXd::Identity(d, d));
  }
  if (type == CovarianceType::Tied) {
    for (auto& c : p.covariances) c = tied / nk.sum() + reg * MatrixXd::Identity(d, d);
  }
  return p;
}

void expectSameParameters(const GmmParams& got, const GmmParams& want) {
  EXPECT_LT((got.weights - want.weights).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((got.means - want.means).cwiseAbs().maxCoeff(), 1e-10);
  for (std::size_t k = 0; k < want.covariances.size(); ++k) {
    EXPECT_LT((got.covariances[k] - want.covariances[k]).cwiseAbs().maxCoeff(), 1e-10)
        << "component " << k;
  }
}

class FusedMoments : public ::testing::TestWithParam<CovarianceType> {};

TEST_P(FusedMoments, MStepEqualsTheTextbookFormulasRoundAfterRound) {
  Rng rng(11);
  const MatrixXd X = makeData(1500, 10, rng);
  GmmConfig config;
  config.k = 3;
  config.covariance = GetParam();
  config.regCovar = 1e-6;
  GaussianMixture model(config, X, 4);
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const MatrixXd R = model.responsibilities();
    model.mStep();
    const GmmParams want = textbookMStep(X, R, GetParam(), config.regCovar);
    expectSameParameters(model.parameters(), want);
    // A second M-step on the same, now stale, responsibilities gives the same parameters.
    model.mStep();
    expectSameParameters(model.parameters(), want);
    model.eStep();
  }
}

INSTANTIATE_TEST_SUITE_P(FullAndTied, FusedMoments,
                         ::testing::Values(CovarianceType::Full, CovarianceType::Tied));

}  // namespace
}  // namespace genlab::gmm
