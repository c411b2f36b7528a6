// The DBM's leaderboard figure is the exact held-out log-likelihood of the DBM it trains,
// recomputed here from that model (log Z and log p*(v) by enumeration, each checked against
// brute force in tests/unit/dbm).

#include "core/eval/dbm_scorer.h"

#include <gtest/gtest.h>

#include <stop_token>

#include "core/data/binary_images.h"
#include "core/eval/likelihood_leaderboard.h"
#include "core/models/dbm/dbm_likelihood.h"
#include "core/util/rng.h"

namespace genlab::eval {
namespace {

data::ImageSet binaryImages(int count, std::uint64_t seed) {
  data::ImageSet set;
  set.count = count;
  set.height = 2;
  set.width = 3;
  Rng rng(seed);
  for (int i = 0; i < count * 6; ++i) {
    set.pixels.push_back(rng.uniform() < 0.2 + 0.1 * (i % 6) ? 1.0F : 0.0F);
  }
  return set;
}

TEST(DbmScorer, FigureIsTheTrainedModelsExactLogLikelihood) {
  const data::ImageSplit split{binaryImages(80, 1), binaryImages(20, 2)};
  LeaderboardOptions options;
  options.seed = 5;
  options.samples = 3;
  const auto entries = scoreDbm(split, options);
  ASSERT_EQ(entries.size(), 1u);
  ASSERT_EQ(entries[0].samples.size(), 3u * 6u);  // three images of 2 x 3 pixels
  for (float p : entries[0].samples) {
    EXPECT_GE(p, 0.0F);
    EXPECT_LE(p, 1.0F);
  }
  EXPECT_EQ(entries[0].kind, FigureKind::kExact);
  EXPECT_EQ(entries[0].standardError, 0.0);

  const Eigen::MatrixXd train = data::imagesAsRows(split.train);
  const Eigen::MatrixXd test = data::imagesAsRows(split.test);
  const dbm::Dbm model = trainLeaderboardDbm(train, options.seed);
  EXPECT_EQ(model.hidden1(), 16);
  EXPECT_EQ(model.hidden2(), 8);
  const double logLikelihood =
      (dbm::unnormalisedLogProbability(model, test).array() - dbm::exactLogPartition(model)).mean();
  EXPECT_NEAR(entries[0].nats, -logLikelihood, 1e-9 * std::abs(logLikelihood));
  // And p(v) over all 64 images of 6 pixels sums to 1: the figure is a log-probability.
  Eigen::MatrixXd all(64, 6);
  for (int s = 0; s < 64; ++s) {
    for (int k = 0; k < 6; ++k) all(s, k) = (s >> k) & 1;
  }
  const Eigen::VectorXd logP =
      dbm::unnormalisedLogProbability(model, all).array() - dbm::exactLogPartition(model);
  EXPECT_NEAR(logP.array().exp().sum(), 1.0, 1e-10);
}

TEST(DbmScorer, StopsWhenAsked) {
  const data::ImageSplit split{binaryImages(80, 1), binaryImages(20, 2)};
  std::stop_source stop;
  stop.request_stop();
  LeaderboardOptions options;
  options.stop = stop.get_token();
  EXPECT_THROW(scoreDbm(split, options), ScoringStopped);
}

}  // namespace
}  // namespace genlab::eval
