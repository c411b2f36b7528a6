// AIS against the exact log Z, and the log-mean-exp / delta-method arithmetic by hand.

#include "core/models/rbm/rbm_ais.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/models/rbm/rbm_learning.h"
#include "core/models/rbm/rbm_partition.h"
#include "core/util/errors.h"
#include "tests/unit/rbm/rbm_test_util.h"

namespace genlab::rbm {
namespace {

TEST(RbmAis, LogMeanExpByHand) {
  // Weights 1, 2, 3: mean 2; sample sd 1; se of log mean = 1 / (sqrt(3) * 2).
  const Eigen::Vector3d logs(std::log(1.0), std::log(2.0), std::log(3.0));
  const LogMean m = logMeanExp(logs);
  EXPECT_NEAR(m.logMean, std::log(2.0), 1e-15);
  EXPECT_NEAR(m.standardError, 1.0 / (2.0 * std::sqrt(3.0)), 1e-15);
  // The same shifted by 1000: exp(1000) overflows, the result must not.
  const LogMean shifted = logMeanExp((logs.array() + 1000.0).matrix());
  EXPECT_NEAR(shifted.logMean, 1000.0 + std::log(2.0), 1e-12);
  EXPECT_NEAR(shifted.standardError, m.standardError, 1e-13);
}

TEST(RbmAis, BaseRatesAreSmoothedMarginals) {
  Eigen::MatrixXd data(3, 2);
  data << 1, 0, 1, 0, 0, 0;
  const Eigen::VectorXd bias = baseRateBias(data);
  // p = (2 + 1) / 5 = 0.6 and (0 + 1) / 5 = 0.2.
  EXPECT_NEAR(bias(0), std::log(0.6 / 0.4), 1e-15);
  EXPECT_NEAR(bias(1), std::log(0.2 / 0.8), 1e-15);
}

TEST(RbmAis, WithoutWeightsItIsExactWithZeroError) {
  // W = 0 and the base equal to the model's visible biases: every log weight is 0.
  Rbm rbm = test::randomRbm(6, 4, 3, 1.0);
  rbm.weights.setZero();
  rbm.hiddenBias.setZero();
  AisSettings settings;
  settings.runs = 10;
  settings.betas = 20;
  const AisResult result = annealedLogPartition(rbm, rbm.visibleBias, settings);
  EXPECT_NEAR(result.logPartition, exactLogPartition(rbm), 1e-12);
  EXPECT_NEAR(result.standardError, 0.0, 1e-12);
}

TEST(RbmAis, LandsWithinThreeStandardErrorsOfExactWithTwentyHiddenUnits) {
  // A model with real structure: weights of scale 0.3 over 24 visible units, 20 hidden.
  const Rbm rbm = test::randomRbm(24, 20, 21, 0.3);
  // The base model from the model's own samples, as it would be from data it was trained on.
  Rng rng(5);
  Eigen::MatrixXd samples = (Eigen::MatrixXd::Random(500, 24).array() > 0.0).cast<double>();
  gibbsSweeps(rbm, samples, 200, uniformsFrom(rng));
  AisSettings settings;
  settings.runs = 200;
  settings.betas = 1000;
  settings.seed = 9;
  const AisResult result = annealedLogPartition(rbm, baseRateBias(samples), settings);
  const double exact = exactLogPartition(rbm, Enumerate::Hidden);
  EXPECT_GT(result.standardError, 0.0);
  EXPECT_LT(result.standardError, 0.2);  // the estimate is informative, not just wide
  EXPECT_NEAR(result.logPartition, exact, 3.0 * result.standardError)
      << "AIS " << result.logPartition << " +- " << result.standardError << ", exact " << exact;
  // Far from the base model's own log Z: the annealing did the work.
  EXPECT_GT(std::abs(exact - result.logPartitionBase), 10.0 * result.standardError);
}

TEST(RbmAis, ThreadCountDoesNotChangeTheRuns) {
  const Rbm rbm = test::randomRbm(10, 8, 4, 0.5);
  AisSettings settings;
  settings.runs = 12;
  settings.betas = 50;
  settings.seed = 1;
  settings.threads = 1;
  const AisResult one = annealedLogPartition(rbm, Eigen::VectorXd::Zero(10), settings);
  settings.threads = 5;
  const AisResult five = annealedLogPartition(rbm, Eigen::VectorXd::Zero(10), settings);
  EXPECT_TRUE(one.logWeights.isApprox(five.logWeights, 1e-12));
}

TEST(RbmAis, RejectsBadSettings) {
  const Rbm rbm = test::randomRbm(4, 3, 1, 0.5);
  AisSettings settings;
  settings.runs = 1;
  EXPECT_THROW(annealedLogPartition(rbm, Eigen::VectorXd::Zero(4), settings), ConfigError);
  settings.runs = 10;
  EXPECT_THROW(annealedLogPartition(rbm, Eigen::VectorXd::Zero(3), settings), ConfigError);
}

}  // namespace
}  // namespace genlab::rbm
