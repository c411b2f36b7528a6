// The lab's RBM trainer on its lesson: a resumed checkpoint replays the uninterrupted run's
// metrics bit for bit, the figures it logs are the ones the model gives, and non-binary images
// are refused with the dataset named.

#include "core/models/rbm/rbm_trainer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/data/binary_images.h"
#include "core/lesson/lesson.h"
#include "core/models/rbm/rbm_partition.h"
#include "core/models/rbm/rbm_pseudo_likelihood.h"
#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::rbm {
namespace {

lesson::Lesson digitsLesson() {
  lesson::Lesson lesson =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / "rbm_dreaming_digits.json");
  lesson::applyOverrides(lesson, {"eval_every=7"});
  return lesson;
}

std::vector<std::vector<double>> run(train::Trainer& trainer, std::int64_t until) {
  std::vector<std::vector<double>> rows;
  std::vector<double> metrics(trainer.metricNames().size());
  while (trainer.stepsDone() < until) {
    trainer.step(metrics, {});
    rows.push_back(metrics);
  }
  return rows;
}

TEST(RbmTrainer, ResumedCheckpointReplaysBitForBit) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  const lesson::Lesson lesson = digitsLesson();
  auto straight = models::makeTrainer(lesson, lesson.seed);
  const auto all = run(*straight, 40);

  const auto file = std::filesystem::temp_directory_path() / "genlab_rbm_resume_test.json";
  auto first = models::makeTrainer(lesson, lesson.seed);
  run(*first, 23);
  first->saveCheckpoint(file);
  auto resumed = models::makeTrainer(lesson, lesson.seed);
  resumed->loadCheckpoint(file);
  std::filesystem::remove(file);
  EXPECT_EQ(resumed->stepsDone(), 23);
  const auto rest = run(*resumed, 40);
  ASSERT_EQ(rest.size(), 17U);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    for (std::size_t c = 0; c < rest[i].size(); ++c) {
      ASSERT_EQ(rest[i][c], all[23 + i][c]) << "step " << 24 + i << " metric " << c;
    }
  }
}

TEST(RbmTrainer, LoggedFiguresAreTheModels) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  const lesson::Lesson lesson = digitsLesson();
  auto trainer = models::makeTrainer(lesson, lesson.seed);
  const auto rows = run(*trainer, 14);  // step 14 evaluates (eval_every 7)
  auto& rbmTrainer = dynamic_cast<RbmTrainer&>(*trainer);
  const auto snap = std::dynamic_pointer_cast<const RbmSnapshot>(trainer->snapshot());
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->evaluation.step, 14);
  EXPECT_TRUE(snap->evaluation.exact);  // 16 hidden units
  const double logZ = exactLogPartition(rbmTrainer.model());
  EXPECT_NEAR(rows.back()[6], logZ, 1e-9 * std::abs(logZ));
  EXPECT_EQ(snap->hidden, 16);
  EXPECT_EQ(snap->visible, 64);
  EXPECT_EQ(snap->filters.size(), 16U * 64U);
  EXPECT_EQ(snap->dreams.size(), 16U * 64U);
  EXPECT_LT(rows.back()[0], 0.0);
  // The shown images' hidden activations and reconstructions are the model's, image by image.
  ASSERT_EQ(snap->pairCount, 8);
  ASSERT_EQ(snap->shownHidden.size(), 8U * 16U);
  Eigen::MatrixXd shown(8, 64);
  for (int k = 0; k < 8; ++k) {
    for (int i = 0; i < 64; ++i) shown(k, i) = snap->reconstructionPairs[(2 * k) * 64 + i];
  }
  const Eigen::MatrixXd hidden = hiddenProbabilities(rbmTrainer.model(), shown);
  const Eigen::MatrixXd back = visibleProbabilities(rbmTrainer.model(), hidden);
  for (int k = 0; k < 8; ++k) {
    for (int j = 0; j < 16; ++j) EXPECT_NEAR(snap->shownHidden[k * 16 + j], hidden(k, j), 1e-6);
    for (int i = 0; i < 64; ++i) {
      EXPECT_NEAR(snap->reconstructionPairs[(2 * k + 1) * 64 + i], back(k, i), 1e-6);
    }
  }
  EXPECT_DOUBLE_EQ(rows.back()[0], snap->evaluation.logLikelihood);
  EXPECT_DOUBLE_EQ(rows.back()[2], snap->evaluation.pseudoLikelihood);
}

TEST(RbmTrainer, GreyImagesAreRefusedNamingTheDataset) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  lesson::Lesson lesson = digitsLesson();
  lesson.dataset["binarize"] = "none";
  try {
    models::makeTrainer(lesson, 0);
    FAIL() << "grey digits accepted";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("dataset: training image row"), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("\"binarize\""), std::string::npos);
  }
}

TEST(RbmTrainer, HiddenSettingStartsAFreshModel) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  const lesson::Lesson lesson = digitsLesson();
  auto trainer = models::makeTrainer(lesson, lesson.seed);
  run(*trainer, 3);
  trainer->setParam("hidden", 9);
  EXPECT_EQ(dynamic_cast<RbmTrainer&>(*trainer).model().hidden(), 9);
  EXPECT_THROW(trainer->setParam("method", "gibbs"), ConfigError);
  run(*trainer, 5);
}

}  // namespace
}  // namespace genlab::rbm
