// VaeTrainer on tiny synthetic images (8x8 bars): metrics, training, checkpoints, snapshots,
// the lab's decode/interpolate helpers, bad input.

#include "core/models/vae/vae_trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/util/errors.h"

namespace genlab::vae {
namespace {

// Bars on 8x8: orientation (horizontal, vertical) x position (0..7), repeated `copies` times.
data::ImageSet trainerBars(int copies) {
  data::ImageSet set;
  set.height = 8;
  set.width = 8;
  set.factorNames = {"orientation", "position"};
  set.factorLevels = {2, 8};
  set.classNames = {"horizontal", "vertical"};
  for (int c = 0; c < copies; ++c) {
    for (int o = 0; o < 2; ++o) {
      for (int p = 0; p < 8; ++p) {
        for (int y = 0; y < 8; ++y)
          for (int x = 0; x < 8; ++x) set.pixels.push_back((o == 0 ? y : x) == p ? 1.0f : 0.0f);
        set.labels.push_back(o);
        set.factors.push_back(o);
        set.factors.push_back(p);
        ++set.count;
      }
    }
  }
  return set;
}

data::ImageSplit barsSplit() {
  return {trainerBars(20), trainerBars(4)};
}

VaeConfig smallConfig() {
  VaeConfig config;
  config.latent = 3;
  config.hidden = 32;
  config.batch = 32;
  config.lr = 3e-3;
  config.evalEvery = 50;
  return config;
}

std::vector<double> trainOneStep(VaeTrainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size(), NAN);
  trainer.step(metrics, {});
  return metrics;
}

int column(const VaeTrainer& trainer, const std::string& name) {
  const auto names = trainer.metricNames();
  return static_cast<int>(std::find(names.begin(), names.end(), name) - names.begin());
}

TEST(VaeTrainer, MetricsAreConsistentAndNeverNaN) {
  VaeConfig config = smallConfig();
  config.beta = 2.0;
  config.warmupSteps = 10;
  VaeTrainer trainer(config, barsSplit(), 1);
  for (int s = 0; s < 6; ++s) {
    const auto m = trainOneStep(trainer);
    for (double v : m) EXPECT_TRUE(std::isfinite(v));
    const double recon = m[column(trainer, "reconstruction")];
    const double kl = m[column(trainer, "kl")];
    const double beta = m[column(trainer, "beta")];
    EXPECT_DOUBLE_EQ(beta, 2.0 * s / 10.0);  // the warm-up ramp, from 0
    EXPECT_NEAR(m[column(trainer, "elbo")], -(recon + kl), 1e-9);
    EXPECT_NEAR(m[column(trainer, "beta_kl")], beta * kl, 1e-9);
    EXPECT_NEAR(m[column(trainer, "loss")], recon + beta * kl, 1e-4);
    EXPECT_GE(kl, 0.0);
    // 64 Bernoulli pixels: at most 64 log 2 nats when the decoder knows nothing.
    EXPECT_GT(recon, 0.0);
  }
  EXPECT_EQ(trainer.stepsDone(), 6);
}

TEST(VaeTrainer, TrainingRaisesTheHeldOutElboAndFillsEvaluations) {
  VaeTrainer trainer(smallConfig(), barsSplit(), 2);
  const double before = trainer.heldOutElbo(7);
  for (int s = 0; s < 300; ++s) trainOneStep(trainer);
  const double after = trainer.heldOutElbo(7);
  // 16 distinct images: a trained VAE needs a few nats for the index and reconstructs well.
  EXPECT_GT(after, before + 15.0) << before << " -> " << after;
  const VaeSnapshot& eval = trainer.lastEvaluation();
  EXPECT_TRUE(eval.evaluated);
  EXPECT_EQ(eval.evaluatedAt, 300);
  EXPECT_TRUE(eval.hasMig);
  EXPECT_GE(eval.mig, 0.0);
  EXPECT_LE(eval.mig, 1.0);
  EXPECT_GT(eval.mutualInformation, 0.5);  // the code tells the images apart
}

TEST(VaeTrainer, SameSeedReplaysDifferentSeedDoesNot) {
  VaeTrainer a(smallConfig(), barsSplit(), 5);
  VaeTrainer b(smallConfig(), barsSplit(), 5);
  VaeTrainer c(smallConfig(), barsSplit(), 6);
  std::vector<double> ma, mb, mc;
  for (int s = 0; s < 5; ++s) {
    ma = trainOneStep(a);
    mb = trainOneStep(b);
    mc = trainOneStep(c);
  }
  EXPECT_EQ(ma, mb);
  EXPECT_NE(ma, mc);
}

TEST(VaeTrainer, CheckpointReloadsToTheSameElbo) {
  VaeConfig warm = smallConfig();
  warm.beta = 2.0;
  warm.warmupSteps = 100;
  VaeTrainer trainer(warm, barsSplit(), 3);
  for (int s = 0; s < 40; ++s) trainOneStep(trainer);
  const auto file = std::filesystem::temp_directory_path() /
                    ("genlab_vae_ckpt_" +
                     std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".pt");
  trainer.saveCheckpoint(file);
  VaeConfig config = warm;
  config.load = file.string();
  config.latent = 7;  // ignored: the network's shape comes from the checkpoint
  VaeTrainer loaded(config, barsSplit(), 99);
  EXPECT_EQ(loaded.settings()["latent"], 3);
  EXPECT_DOUBLE_EQ(loaded.heldOutElbo(11), trainer.heldOutElbo(11));
  // The loaded optimizer takes steps; the warm-up goes on from the checkpoint's 40 steps.
  const auto m = trainOneStep(loaded);
  EXPECT_TRUE(std::isfinite(m[0]));
  EXPECT_DOUBLE_EQ(m[column(loaded, "beta")], 2.0 * 40 / 100);
  EXPECT_TRUE(std::isfinite(m[column(loaded, "test_elbo")]));
  EXPECT_LT(m[column(loaded, "test_elbo")], 0.0);  // evaluated at once, not a stale 0
  std::filesystem::remove(file);
}

TEST(VaeTrainer, BadCheckpointIsADataErrorNamingTheFile) {
  const auto file = std::filesystem::temp_directory_path() / "genlab_vae_not_a_checkpoint.pt";
  { std::ofstream(file) << "hello"; }
  VaeConfig config = smallConfig();
  config.load = file.string();
  try {
    VaeTrainer trainer(config, barsSplit(), 1);
    FAIL() << "expected a DataError";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
  }
  std::filesystem::remove(file);
  config.load = "/nonexistent/genlab.pt";
  EXPECT_THROW(VaeTrainer(config, barsSplit(), 1), DataError);
}

TEST(VaeTrainer, SnapshotHoldsEncodingsTraversalAndPairs) {
  VaeTrainer trainer(smallConfig(), barsSplit(), 4);
  for (int s = 0; s < 60; ++s) trainOneStep(trainer);
  trainer.setTraversalBase(5);
  const auto snap = std::dynamic_pointer_cast<const VaeSnapshot>(trainer.snapshot());
  ASSERT_TRUE(snap && snap->encoding && snap->traversal && snap->reconstructionPairs);
  const int pixels = 64;
  EXPECT_EQ(snap->step, 60);
  EXPECT_EQ(snap->heldOut->count, 64);
  EXPECT_EQ(snap->encoding->means.size(), 64u * 3);
  EXPECT_EQ(snap->encoding->reconstructions.size(), 64u * pixels);
  const auto& t = *snap->traversal;
  EXPECT_EQ(t.baseIndex, 5);
  ASSERT_EQ(t.values.size(), static_cast<std::size_t>(VaeTrainer::kTraversalColumns));
  EXPECT_DOUBLE_EQ(t.values.front(), -3.0);
  EXPECT_DOUBLE_EQ(t.values.back(), 3.0);
  EXPECT_EQ(t.images.size(), 3u * t.values.size() * pixels);
  // Rows sorted by KL, largest first; a dimension is active when its KL exceeds 0.1 nats.
  const auto& kl = snap->encoding->klPerDim;
  for (std::size_t d = 0; d < kl.size(); ++d) EXPECT_EQ(snap->encoding->active[d], kl[d] > 0.1);
  for (std::size_t r = 1; r < t.rows.size(); ++r)
    EXPECT_GE(kl[static_cast<std::size_t>(t.rows[r - 1])], kl[static_cast<std::size_t>(t.rows[r])]);
  // The grid's first cell is the decoder at the base's mean with the top dimension at -3.
  std::vector<float> z = trainer.encodeHeldOut(5);
  z[static_cast<std::size_t>(t.rows[0])] = -3.0f;
  const auto image = trainer.decode(z);
  for (int i = 0; i < pixels; ++i)
    EXPECT_NEAR(image[i], t.images[static_cast<std::size_t>(i)], 1e-5);
  // Pairs: original then reconstruction; the original is the held-out image.
  EXPECT_EQ(snap->pairCount, VaeTrainer::kPairCount);
  for (int i = 0; i < pixels; ++i)
    EXPECT_EQ((*snap->reconstructionPairs)[static_cast<std::size_t>(i)],
              snap->heldOut->image(0)[i]);
}

TEST(VaeTrainer, InterpolationStartsAndEndsAtTheEncodedImages) {
  VaeTrainer trainer(smallConfig(), barsSplit(), 8);
  for (int s = 0; s < 30; ++s) trainOneStep(trainer);
  for (bool spherical : {false, true}) {
    const auto strip = trainer.interpolate(2, 9, 5, spherical);
    ASSERT_EQ(strip.size(), 5u * 64);
    const auto first = trainer.decode(trainer.encodeHeldOut(2));
    const auto last = trainer.decode(trainer.encodeHeldOut(9));
    for (int i = 0; i < 64; ++i) {
      EXPECT_NEAR(strip[static_cast<std::size_t>(i)], first[static_cast<std::size_t>(i)], 1e-5);
      EXPECT_NEAR(strip[static_cast<std::size_t>(4 * 64 + i)], last[static_cast<std::size_t>(i)],
                  1e-5);
    }
  }
}

TEST(VaeTrainer, SettingsAreLiveOrRebuildAndBadOnesNameTheKey) {
  VaeTrainer trainer(smallConfig(), barsSplit(), 9);
  trainOneStep(trainer);
  trainer.setParam("beta", 4.0);
  const auto m = trainOneStep(trainer);
  EXPECT_DOUBLE_EQ(m[column(trainer, "beta")], 4.0);
  EXPECT_EQ(trainer.stepsDone(), 2);
  trainer.setParam("latent", 5);
  EXPECT_EQ(trainer.stepsDone(), 2);  // curves and timeline need a monotonic step
  const auto snap = std::dynamic_pointer_cast<const VaeSnapshot>(trainer.snapshot());
  EXPECT_EQ(snap->encoding->latent, 5);
  try {
    trainer.setParam("latent", 40);
    FAIL();
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("settings.latent", 0), 0u);
  }
  EXPECT_THROW(trainer.setParam("bogus", 1), ConfigError);
  EXPECT_EQ(trainer.settings()["latent"], 5);
}

TEST(VaeTrainer, ConvNeedsSizesDivisibleByFour) {
  VaeConfig config = smallConfig();
  config.architecture = Architecture::kConv;
  data::ImageSplit odd{trainerBars(1), trainerBars(1)};
  odd.train.height = odd.test.height = 4;
  odd.train.width = odd.test.width = 16;  // same pixel count, 4x16: fine
  EXPECT_NO_THROW(VaeTrainer(config, odd, 1));
  odd.train.height = odd.test.height = 2;
  odd.train.width = odd.test.width = 32;
  try {
    VaeTrainer trainer(config, odd, 1);
    FAIL();
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("settings.architecture", 0), 0u) << error.what();
  }
}

TEST(VaeTrainer, NaNInTheDataIsANumericErrorAndLeavesTheModel) {
  data::ImageSplit split = barsSplit();
  std::fill(split.train.pixels.begin(), split.train.pixels.end(), NAN);
  VaeTrainer trainer(smallConfig(), std::move(split), 1);
  const double before = trainer.heldOutElbo(3);
  std::vector<double> metrics(trainer.metricNames().size());
  try {
    trainer.step(metrics, {});
    FAIL();
  } catch (const NumericError& error) {
    EXPECT_NE(std::string(error.what()).find("step 1"), std::string::npos) << error.what();
  }
  EXPECT_EQ(trainer.stepsDone(), 0);
  EXPECT_DOUBLE_EQ(trainer.heldOutElbo(3), before);
}

TEST(VaeTrainer, EmptySplitsAreDataErrors) {
  data::ImageSplit split = barsSplit();
  split.test = data::ImageSet{};
  EXPECT_THROW(VaeTrainer(smallConfig(), std::move(split), 1), DataError);
}

}  // namespace
}  // namespace genlab::vae
