// The likelihood leaderboard: each exact figure against brute force, the VAE's bounds against
// log p(x) integrated numerically, and the board's order on the digits.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "core/data/binary_images.h"
#include "core/eval/likelihood_leaderboard.h"
#include "core/models/vae/vae_trainer.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::eval {
namespace {

// `count` binary images of height x width with labels 0/1: class 1 lights the top row more.
data::ImageSet binaryImages(int count, int height, int width, std::uint64_t seed) {
  data::ImageSet set;
  set.count = count;
  set.height = height;
  set.width = width;
  set.classNames = {"a", "b"};
  Rng rng(seed);
  for (int i = 0; i < count; ++i) {
    const int label = i % 2;
    set.labels.push_back(label);
    for (int p = 0; p < height * width; ++p) {
      const double on = p < width ? (label ? 0.9 : 0.2) : 0.4 + 0.1 * (p % 3);
      set.pixels.push_back(rng.uniform() < on ? 1.0F : 0.0F);
    }
  }
  return set;
}

TEST(Leaderboard, NaiveBayesIsTheClassSumByHand) {
  const data::ImageSplit split{binaryImages(60, 2, 3, 1), binaryImages(10, 2, 3, 2)};
  const auto entries = scoreNaiveBayes(split, {});
  ASSERT_EQ(entries.size(), 1u);
  // p(y) = count / N; p(x_j = 1 | y) = (ones + 1) / (count + 2).
  double total = 0;
  for (int i = 0; i < split.test.count; ++i) {
    double p = 0;
    for (int y = 0; y < 2; ++y) {
      double count = 0;
      std::vector<double> ones(6, 0.0);
      for (int n = 0; n < split.train.count; ++n) {
        if (split.train.labels[static_cast<std::size_t>(n)] != y) continue;
        ++count;
        for (int j = 0; j < 6; ++j) ones[static_cast<std::size_t>(j)] += split.train.image(n)[j];
      }
      double joint = count / split.train.count;
      for (int j = 0; j < 6; ++j) {
        const double on = (ones[static_cast<std::size_t>(j)] + 1) / (count + 2);
        joint *= split.test.image(i)[j] == 1.0F ? on : 1 - on;
      }
      p += joint;
    }
    total -= std::log(p);
  }
  EXPECT_NEAR(entries[0].nats, total / split.test.count, 1e-10);
  EXPECT_EQ(entries[0].kind, FigureKind::kExact);

  data::ImageSplit unlabelled = split;
  unlabelled.train.labels.clear();
  EXPECT_THROW(scoreNaiveBayes(unlabelled, {}), ModelSkipped);
}

// A VAE with a 2-D latent on 2x2 images: log p(x) = log of the integral of p(x|z) N(z; 0, I)
// over the plane, on a grid fine enough to be exact to many digits. The ELBO and the
// importance-weighted bound must lie below it, the weighted one within a few hundredths.
TEST(Leaderboard, VaeBoundsLieBelowTheIntegratedLikelihood) {
  const data::ImageSplit split{binaryImages(256, 2, 2, 3), binaryImages(8, 2, 2, 4)};
  vae::VaeConfig config;
  config.latent = 2;
  config.hidden = 16;
  config.batch = 64;
  config.lr = 3e-3;
  config.evalEvery = 1000;
  vae::VaeTrainer trainer(config, split, 5);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int step = 0; step < 300; ++step) trainer.step(metrics, {});

  const auto weighted = trainer.importanceWeightedBounds(split.test, 2000, 6);
  const auto single = trainer.importanceWeightedBounds(split.test, 1, 7);
  constexpr double kStep = 0.05;
  constexpr double kPi = 3.14159265358979323846;
  // The decoder's pixel probabilities and the prior's mass at every grid point, once.
  std::vector<std::vector<float>> means;
  std::vector<double> mass;
  for (double z1 = -6; z1 <= 6; z1 += kStep) {
    for (double z2 = -6; z2 <= 6; z2 += kStep) {
      means.push_back(trainer.decode({static_cast<float>(z1), static_cast<float>(z2)}));
      mass.push_back(std::exp(-0.5 * (z1 * z1 + z2 * z2)) / (2 * kPi) * kStep * kStep);
    }
  }
  double meanLogPx = 0;
  for (int i = 0; i < split.test.count; ++i) {
    double integral = 0;
    for (std::size_t g = 0; g < means.size(); ++g) {
      double px = 1;
      for (int j = 0; j < 4; ++j)
        px *= split.test.image(i)[j] == 1.0F ? means[g][static_cast<std::size_t>(j)]
                                             : 1 - means[g][static_cast<std::size_t>(j)];
      integral += px * mass[g];
    }
    const double logPx = std::log(integral);
    // The bound holds in expectation; with K = 2000 one draw of it is within a hundredth.
    EXPECT_LE(weighted[static_cast<std::size_t>(i)], logPx + 0.01) << "image " << i;
    EXPECT_GE(weighted[static_cast<std::size_t>(i)], logPx - 0.05) << "image " << i;
    meanLogPx += logPx / split.test.count;
  }
  // One sample's log weight is the ELBO's estimate: below log p(x) on average (not each time),
  // and below K samples' bound.
  const double meanSingle = std::accumulate(single.begin(), single.end(), 0.0) / 8;
  const double meanWeighted = std::accumulate(weighted.begin(), weighted.end(), 0.0) / 8;
  EXPECT_LT(meanSingle, meanWeighted);
  EXPECT_LT(meanSingle, meanLogPx);
}

TEST(Leaderboard, DigitsRankAsTheModelsNest) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits not installed";
  LeaderboardOptions options;
  options.vaeSteps = 300;
  options.pixelCnnSteps = 100;
  options.importanceSamples = 20;
  const Leaderboard board = runLeaderboard(options);
  ASSERT_EQ(board.entries.size(), 9u);
  EXPECT_EQ(board.testImages, 297);
  EXPECT_EQ(board.pixels, 64);
  std::map<std::string, const LeaderboardEntry*> by;
  for (const auto& e : board.entries) by[e.model] = &e;
  // A mixture with ten components contains the one-component (independent) model.
  EXPECT_LT(by["bernoulli_mixture"]->nats, by["independent"]->nats - 2);
  EXPECT_LT(by["naive_bayes"]->nats, by["independent"]->nats - 2);
  // 16 hidden units are enumerated; 64 need AIS, whose standard error is reported.
  EXPECT_EQ(by["rbm16"]->standardError, 0.0);
  EXPECT_GT(by["rbm64"]->standardError, 0.0);
  EXPECT_LT(by["rbm64"]->standardError, 0.5);
  EXPECT_LT(by["rbm16"]->nats, by["independent"]->nats);
  EXPECT_LT(by["dbm16"]->nats, by["independent"]->nats);
  EXPECT_LT(by["pixelcnn"]->nats, by["independent"]->nats);
  // The weighted bound is tighter than the ELBO.
  EXPECT_LT(by["vae_iw20"]->nats, by["vae_elbo"]->nats);
  for (std::size_t i = 1; i < board.entries.size(); ++i)
    EXPECT_LE(board.entries[i - 1].nats, board.entries[i].nats);
  const auto json = board.toJson();
  for (std::size_t i = 0; i < board.entries.size(); ++i) {
    const auto& row = json["entries"][i];
    const std::string& model = board.entries[i].model;
    const char* kind = model.rfind("vae", 0) == 0 ? "bound"
                       : model == "rbm64"         ? "estimate"
                                                  : "exact";
    EXPECT_EQ(row["kind"], kind) << model;
    EXPECT_NEAR(row["bits_per_pixel"].get<double>(), board.entries[i].nats / std::log(2.0) / 64,
                1e-12);
  }

  options.models = {"independent", "nope"};
  EXPECT_THROW(runLeaderboard(options), ConfigError);
}

}  // namespace
}  // namespace genlab::eval
