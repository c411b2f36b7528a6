// PixelCnnTrainer: resume from a checkpoint bit for bit, bad settings and data named, the
// receptive field and the animation the lab asks for, and the lesson through the registry.

#include "core/models/pixelcnn/pixelcnn_trainer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::pixelcnn {
namespace {

namespace fs = std::filesystem;

data::ImageSet randomBinary(int count, int side, std::uint64_t seed) {
  data::ImageSet set;
  set.count = count;
  set.height = set.width = side;
  Rng rng(seed);
  // Vertical strokes with noise: something a PixelCNN can learn.
  for (int n = 0; n < count; ++n) {
    const int stroke = static_cast<int>(rng.below(static_cast<std::uint64_t>(side)));
    for (int i = 0; i < side; ++i)
      for (int j = 0; j < side; ++j)
        set.pixels.push_back(j == stroke || rng.uniform() < 0.05 ? 1.0f : 0.0f);
  }
  return set;
}

data::ImageSplit tinySplit() {
  return {randomBinary(40, 8, 1), randomBinary(10, 8, 2)};
}

PixelCnnConfig tinyConfig() {
  PixelCnnConfig config;
  config.layers = 3;
  config.channels = 8;
  config.kernel = 3;
  config.batch = 12;  // 40 images: the order reshuffles every 4 steps
  config.evalEvery = 4;
  config.lr = 3e-3;
  return config;
}

std::vector<double> stepOnce(PixelCnnTrainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size(), NAN);
  trainer.step(metrics, {});
  return metrics;
}

fs::path tempFile(const std::string& name) {
  return fs::temp_directory_path() / ("genlab_pixelcnn_" + std::to_string(::getpid()) + "_" + name);
}

TEST(PixelCnnTrainer, ResumesBitForBit) {
  for (Architecture a : {Architecture::kPlain, Architecture::kGated}) {
    PixelCnnConfig config = tinyConfig();
    config.architecture = a;
    PixelCnnTrainer first(config, tinySplit(), 7, 1);
    for (int k = 0; k < 5; ++k) stepOnce(first);
    const fs::path file = tempFile("resume.pt");
    first.saveCheckpoint(file);
    std::vector<std::vector<double>> expected;
    for (int k = 0; k < 7; ++k) expected.push_back(stepOnce(first));

    PixelCnnTrainer second(config, tinySplit(), 7, 1);
    stepOnce(second);  // a different state, replaced by the load
    second.loadCheckpoint(file);
    EXPECT_EQ(second.stepsDone(), 5);
    for (int k = 0; k < 7; ++k) EXPECT_EQ(stepOnce(second), expected[static_cast<std::size_t>(k)]);
    EXPECT_EQ(second.drawGrid(), first.drawGrid());
    EXPECT_EQ(second.heldOutNll(), first.heldOutNll());
    fs::remove(file);
  }
}

TEST(PixelCnnTrainer, LearnsAndReportsExactHeldOutNll) {
  PixelCnnTrainer trainer(tinyConfig(), tinySplit(), 3, 1);
  const double before = trainer.heldOutNll();
  std::vector<double> metrics;
  for (int k = 0; k < 120; ++k) metrics = stepOnce(trainer);
  const double after = trainer.heldOutNll();
  EXPECT_LT(after, before - 10.0);  // 64 pixels, 9 of them set: far from uniform
  // The metric is the mean of the per-image NLLs, and bits per dim its conversion.
  const data::ImageSet test = randomBinary(10, 8, 2);
  double mean = 0.0;
  for (double v : trainer.nllOf(test.pixels, test.count)) mean += v / test.count;
  EXPECT_NEAR(after, mean, 1e-4 * mean);
  EXPECT_EQ(metrics[2], after);  // step 120 evaluated
  EXPECT_NEAR(metrics[3], after / (64 * std::log(2.0)), 1e-12);
}

const PixelCnnSnapshot& snapshotOf(const PixelCnnTrainer& trainer) {
  return dynamic_cast<const PixelCnnSnapshot&>(*trainer.snapshot());
}

TEST(PixelCnnTrainer, TheFirstPicturesWaitForPrepareAndAreDrawnOnce) {
  PixelCnnTrainer trainer(tinyConfig(), tinySplit(), 5, 1);
  EXPECT_EQ(snapshotOf(trainer).pictures, nullptr);  // opening does not evaluate
  trainer.prepare();
  const PixelCnnSnapshot& prepared = snapshotOf(trainer);
  ASSERT_NE(prepared.pictures, nullptr);
  EXPECT_EQ(prepared.step, 0);
  EXPECT_EQ(prepared.pictures->step, 0);
  EXPECT_EQ(prepared.testNll, trainer.heldOutNll());  // the untrained network's, exactly
  EXPECT_EQ(prepared.pictures->samples, trainer.drawGrid());
  const auto drawn = prepared.pictures;
  trainer.prepare();
  EXPECT_EQ(snapshotOf(trainer).pictures, drawn);  // not drawn again

  // Without prepare(), step 1 evaluates and draws them.
  PixelCnnTrainer unprepared(tinyConfig(), tinySplit(), 5, 1);
  stepOnce(unprepared);
  ASSERT_NE(snapshotOf(unprepared).pictures, nullptr);
  EXPECT_EQ(snapshotOf(unprepared).pictures->step, 1);
  unprepared.prepare();
  EXPECT_EQ(snapshotOf(unprepared).pictures->step, 1);
}

TEST(PixelCnnTrainer, BadSettingsAreNamed) {
  const auto message = [](const nlohmann::json& settings) {
    try {
      PixelCnnConfig::fromJson(settings);
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({{"kernel", 4}}).find("settings.kernel: 4 is even"), std::string::npos);
  EXPECT_NE(message({{"architecture", "fancy"}}).find("settings.architecture"), std::string::npos);
  EXPECT_NE(message({{"layers", 0}}).find("settings.layers"), std::string::npos);
  EXPECT_NE(message({{"channel", 8}}).find("channel"), std::string::npos);
  EXPECT_NE(message({{"lr", 0}}).find("settings.lr"), std::string::npos);
  const PixelCnnConfig round = PixelCnnConfig::fromJson(tinyConfig().toJson());
  EXPECT_EQ(round.toJson(), tinyConfig().toJson());
}

TEST(PixelCnnTrainer, NonBinaryPixelsAreRefusedByName) {
  data::ImageSplit split = tinySplit();
  split.train.pixels[2 * 64 + 17] = 0.4375f;
  try {
    PixelCnnTrainer trainer(tinyConfig(), std::move(split), 1, 1);
    FAIL() << "no error";
  } catch (const DataError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("training image 2"), std::string::npos) << what;
    EXPECT_NE(what.find("pixel 17"), std::string::npos) << what;
    EXPECT_NE(what.find("binarize"), std::string::npos) << what;
  }
}

TEST(PixelCnnTrainer, BadCheckpointLeavesTheTrainerAsItWas) {
  PixelCnnTrainer trainer(tinyConfig(), tinySplit(), 1, 1);
  stepOnce(trainer);
  const fs::path file = tempFile("bad.pt");
  std::ofstream(file) << "not a checkpoint";
  EXPECT_THROW(trainer.loadCheckpoint(file), DataError);
  EXPECT_EQ(trainer.stepsDone(), 1);
  // A checkpoint for other data (another image count) is refused by name.
  PixelCnnTrainer other(tinyConfig(), {randomBinary(30, 8, 1), randomBinary(10, 8, 2)}, 1, 1);
  other.saveCheckpoint(file);
  try {
    trainer.loadCheckpoint(file);
    FAIL() << "no error";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos);
  }
  EXPECT_EQ(trainer.stepsDone(), 1);
  fs::remove(file);
}

TEST(PixelCnnTrainer, ReceptiveFieldShowsThePlainBlindSpotBesideTheGatedNone) {
  PixelCnnConfig config = tinyConfig();
  config.architecture = Architecture::kPlain;
  config.layers = 7;
  config.kernel = 5;
  PixelCnnTrainer trainer(config, tinySplit(), 1, 1);
  const ReceptiveField field = trainer.receptiveField(4, 1);
  EXPECT_EQ(field.ownArchitecture, Architecture::kPlain);
  EXPECT_EQ(field.otherArchitecture, Architecture::kGated);
  EXPECT_GT(field.ownBlind, 0);
  EXPECT_EQ(field.otherBlind, 0);
  for (std::size_t k = 4 * 8 + 1; k < 64; ++k) {
    EXPECT_EQ(field.own[k], 0.0f);
    EXPECT_EQ(field.other[k], 0.0f);
  }
}

TEST(PixelCnnTrainer, PixelsBeyondAShallowStacksReachAreNotCountedBlind) {
  // 3 layers of kernel 3 reach 4 rows up at most: from (7, 4) the top rows of an 8x8 image are
  // beyond both stacks. They are not the blind spot: the gated stack has none, the plain one
  // still has its own, inside the reach.
  PixelCnnTrainer trainer(tinyConfig(), tinySplit(), 1, 1);
  const ReceptiveField field = trainer.receptiveField(7, 4);
  ASSERT_EQ(field.ownArchitecture, Architecture::kGated);
  ASSERT_TRUE(field.pastBeyondReach());
  int gatedZerosBefore = 0;
  int beyond = 0;
  for (int k = 0; k < 7 * 8 + 4; ++k) {
    const auto i = static_cast<std::size_t>(k);
    gatedZerosBefore += field.own[i] == 0.0f ? 1 : 0;
    if (!field.inReach(k)) {
      ++beyond;
      EXPECT_EQ(field.own[i], 0.0f) << k;
      EXPECT_EQ(field.other[i], 0.0f) << k;
    }
  }
  EXPECT_EQ(field.reachRight[0], -1);  // row 0 is 7 rows up: out of reach
  EXPECT_GT(beyond, 8);
  EXPECT_EQ(gatedZerosBefore, beyond);  // every zero of the gated stack is beyond the reach
  EXPECT_EQ(field.ownBlind, 0);
  EXPECT_GT(field.otherBlind, 0);
}

TEST(PixelCnnTrainer, AnimationDrawsOneImagePixelByPixel) {
  PixelCnnTrainer trainer(tinyConfig(), tinySplit(), 1, 1);
  SamplingFrame frame = trainer.animate(10);
  EXPECT_EQ(frame.lastPixel, 9);
  EXPECT_FALSE(frame.finished);
  EXPECT_EQ(frame.probabilities[10], -1.0f);
  frame = trainer.animate(54);
  EXPECT_TRUE(frame.finished);
  for (std::size_t k = 0; k < 64; ++k) {
    const float p = frame.probabilities[k];
    ASSERT_GE(p, 0.0f);
    ASSERT_LE(p, 1.0f);
  }
  EXPECT_EQ(frame.canvas[63], frame.lastUniform < frame.lastProbability ? 1.0f : 0.0f);
  frame = trainer.animate(1);  // a new image
  EXPECT_EQ(frame.lastPixel, 0);
}

TEST(PixelCnnTrainer, DigitsLessonTrainsThroughTheRegistry) {
  const fs::path file = fs::path(GENLAB_SOURCE_DIR) / "assets/lessons/pixelcnn_digits.json";
  const lesson::Lesson lesson = lesson::loadLesson(file);
  std::unique_ptr<train::Trainer> trainer;
  try {
    trainer = models::makeTrainer(lesson, lesson.seed);
  } catch (const DataError& error) {
    GTEST_SKIP() << "no digits: " << error.what();
  }
  EXPECT_EQ(trainer->modelName(), "pixelcnn");
  std::vector<double> metrics(trainer->metricNames().size());
  trainer->step(metrics, {});
  EXPECT_GT(metrics[2], 0.0);
  EXPECT_LT(metrics[3], 1.5);  // bits per pixel of a barely trained model: near 1, not beyond
}

}  // namespace
}  // namespace genlab::pixelcnn
