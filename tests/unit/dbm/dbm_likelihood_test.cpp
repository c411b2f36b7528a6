// The DBM's exact log Z and log p*(v) against brute force over every (v, h1, h2), log p(v)
// normalised, and AIS within its error of the exact log Z.

#include "core/models/dbm/dbm_likelihood.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/models/rbm/rbm_partition.h"
#include "core/util/errors.h"
#include "tests/unit/dbm/dbm_test_util.h"

namespace genlab::dbm {
namespace {

TEST(DbmLikelihood, LogPartitionByEnumeratingH1EqualsBruteForce) {
  // (V, H1, H2): H1 smallest (h1 enumerated, the usual case), and H1 > V + H2 ((v, h2)
  // enumerated instead), each at two weight scales.
  const int shapes[][3] = {{5, 3, 4}, {4, 4, 3}, {2, 6, 2}, {6, 2, 5}};
  for (const auto& s : shapes) {
    for (double scale : {0.5, 2.0}) {
      const Dbm dbm = test::randomDbm(s[0], s[1], s[2], 11 + s[0] + s[1], scale);
      const double brute = test::bruteLogPartition(dbm);
      EXPECT_NEAR(exactLogPartition(dbm, 1), brute, 1e-10 * std::abs(brute))
          << s[0] << "-" << s[1] << "-" << s[2] << " scale " << scale;
      EXPECT_NEAR(exactLogPartition(dbm, 3), brute, 1e-10 * std::abs(brute));
    }
  }
}

TEST(DbmLikelihood, UnnormalisedLogProbabilityEqualsBruteForce) {
  // H1 < H2 and H1 > H2: the conditional RBM enumerates whichever is smaller.
  for (const auto& [h1, h2] : {std::pair{3, 5}, std::pair{5, 2}}) {
    const Dbm dbm = test::randomDbm(4, h1, h2, 5 + h1, 1.5);
    const Eigen::MatrixXd vs = rbm::test::allStates(4);
    const Eigen::VectorXd fast = unnormalisedLogProbability(dbm, vs, 2);
    for (Eigen::Index a = 0; a < vs.rows(); ++a) {
      const double brute = test::bruteUnnormalised(dbm, vs.row(a).transpose());
      EXPECT_NEAR(fast(a), brute, 1e-10 * std::max(1.0, std::abs(brute)));
    }
  }
}

TEST(DbmLikelihood, LogProbabilitiesOfAllImagesSumToOne) {
  const Dbm dbm = test::randomDbm(6, 4, 3, 99, 1.0);
  const Eigen::MatrixXd vs = rbm::test::allStates(6);
  const Eigen::VectorXd logP = unnormalisedLogProbability(dbm, vs).array() - exactLogPartition(dbm);
  EXPECT_NEAR(logP.array().exp().sum(), 1.0, 1e-12);
  // scoreLikelihood reports the same mean, labelled exact.
  LikelihoodSettings settings;
  const LikelihoodScore score = scoreLikelihood(dbm, vs, vs, settings);
  EXPECT_EQ(score.kind, FigureKind::Exact);
  EXPECT_NEAR(score.logLikelihood, logP.mean(), 1e-10);
  // The mean-field figure is a lower bound.
  EXPECT_LE(score.meanFieldBound, score.logLikelihood + 1e-12);
}

TEST(DbmLikelihood, AisLandsWithinThreeStandardErrorsOfExact) {
  // Big enough that AIS has work to do (2^10 h1 states: exact still cheap).
  const Dbm dbm = test::randomDbm(16, 10, 6, 7, 0.4);
  const double exact = exactLogPartition(dbm);
  Eigen::MatrixXd data = rbm::test::allStates(16).topRows(500);  // any binary images
  rbm::AisSettings ais;
  ais.runs = 100;
  ais.betas = 2000;
  ais.seed = 3;
  ais.threads = 2;
  const rbm::AisResult result = annealedLogPartition(dbm, data, ais);
  EXPECT_GT(result.standardError, 0.0);
  EXPECT_LT(result.standardError, 0.1);
  EXPECT_NEAR(result.logPartition, exact, 3.0 * result.standardError)
      << "AIS " << result.logPartition << " +- " << result.standardError << ", exact " << exact;
  // A wrong base normaliser (forgetting h2's 2^H2 or h1's 2^H1) would miss by >= 4 nats.
}

TEST(DbmLikelihood, LabelsEachFigureForWhatItIs) {
  const Dbm dbm = test::randomDbm(8, 6, 5, 4, 0.3);
  const Eigen::MatrixXd vs = rbm::test::allStates(8);
  LikelihoodSettings settings;
  settings.ais.runs = 20;
  settings.ais.betas = 200;
  settings.exactBits = 5;  // h1 (6) and (v, h2) (13) too big; h2 (5) still enumerable
  EXPECT_EQ(scoreLikelihood(dbm, vs, vs, settings).kind, FigureKind::Estimate);
  settings.exactBits = 4;  // h2 no longer either
  const LikelihoodScore bound = scoreLikelihood(dbm, vs, vs, settings);
  EXPECT_EQ(bound.kind, FigureKind::EstimatedBound);
  EXPECT_EQ(bound.logLikelihood, bound.meanFieldBound);
  EXPECT_FALSE(bound.partitionExact);
}

TEST(DbmLikelihood, RefusesWhatCannotBeEnumerated) {
  const Dbm dbm = Dbm::random(64, 30, 30, 1);
  EXPECT_THROW(exactLogPartition(dbm), ConfigError);
  EXPECT_THROW(unnormalisedLogProbability(dbm, Eigen::MatrixXd::Zero(1, 64)), ConfigError);
}

}  // namespace
}  // namespace genlab::dbm
