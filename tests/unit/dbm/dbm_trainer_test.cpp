// The lesson's DBM trainer: it goes through its three phases, a resumed checkpoint (in each
// phase) replays bit for bit, the logged figures are the model's own, bad images are refused.

#include "core/models/dbm/dbm_trainer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/lesson/lesson.h"
#include "core/models/dbm/dbm_likelihood.h"
#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::dbm {
namespace {

// One pretraining epoch per layer: 1500 images / 20 = 75 steps each, joint from step 151.
lesson::Lesson digitsLesson() {
  lesson::Lesson lesson =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / "dbm_digits.json");
  lesson::applyOverrides(lesson, {"eval_every=50", "pretrain_epochs=1"});
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

TEST(DbmTrainer, GoesThroughGreedyThenJointAndResumesBitForBitInEachPhase) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  const lesson::Lesson lesson = digitsLesson();
  auto straight = models::makeTrainer(lesson, lesson.seed);
  const auto all = run(*straight, 180);
  EXPECT_EQ(all[74][5], 0.0);   // step 75: RBM 1
  EXPECT_EQ(all[75][5], 1.0);   // step 76: RBM 2
  EXPECT_EQ(all[150][5], 2.0);  // step 151: joint

  for (const std::int64_t at : {std::int64_t{40}, std::int64_t{110}, std::int64_t{160}}) {
    const auto file = std::filesystem::temp_directory_path() / "genlab_dbm_resume_test.json";
    auto first = models::makeTrainer(lesson, lesson.seed);
    run(*first, at);
    first->saveCheckpoint(file);
    auto resumed = models::makeTrainer(lesson, lesson.seed);
    resumed->loadCheckpoint(file);
    std::filesystem::remove(file);
    EXPECT_EQ(resumed->stepsDone(), at);
    const auto rest = run(*resumed, 180);
    ASSERT_EQ(rest.size(), static_cast<std::size_t>(180 - at));
    for (std::size_t i = 0; i < rest.size(); ++i) {
      for (std::size_t c = 0; c < rest[i].size(); ++c) {
        ASSERT_EQ(rest[i][c], all[static_cast<std::size_t>(at) + i][c])
            << "resumed at " << at << ": step " << at + 1 + static_cast<std::int64_t>(i)
            << " metric " << c;
      }
    }
  }
}

TEST(DbmTrainer, LoggedFiguresAreTheModels) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  const lesson::Lesson lesson = digitsLesson();
  auto trainer = models::makeTrainer(lesson, lesson.seed);
  const auto rows = run(*trainer, 151);  // evaluated at step 151, the first joint step
  const Dbm& dbm = dynamic_cast<DbmTrainer&>(*trainer).model();
  const auto snap = std::dynamic_pointer_cast<const DbmSnapshot>(trainer->snapshot());
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->phase, Phase::Joint);
  EXPECT_EQ(snap->dbmEvaluation.step, 151);
  EXPECT_EQ(snap->dbmEvaluation.score.kind, FigureKind::Exact);
  const double logZ = exactLogPartition(dbm);
  EXPECT_NEAR(rows.back()[3], logZ, 1e-9 * std::abs(logZ));
  // The held-out mean log p(v), recomputed from the model.
  Rng dataRng(lesson.seed ^ 0x9E3779B97F4A7C15ull);
  const data::ImageSplit split = data::makeImageDatasets(lesson.dataset, dataRng, {});
  const Eigen::MatrixXd test = data::imagesAsRows(split.test);
  const double logLikelihood = unnormalisedLogProbability(dbm, test).mean() - logZ;
  EXPECT_NEAR(rows.back()[0], logLikelihood, 1e-9 * std::abs(logLikelihood));
  EXPECT_LE(rows.back()[2], rows.back()[0]);  // the mean-field bound is below
  EXPECT_EQ(snap->hidden, 16);
  EXPECT_EQ(snap->hidden2, 8);
  EXPECT_EQ(snap->filters.size(), 16U * 64U);
  EXPECT_EQ(snap->secondFilters.size(), 8U * 64U);
  // Second-layer filter k is column k of W1 W2.
  const Eigen::MatrixXd second = dbm.w1() * dbm.w2();
  for (int k = 0; k < 8; ++k) {
    for (int i = 0; i < 64; ++i) EXPECT_NEAR(snap->secondFilters[k * 64 + i], second(i, k), 1e-6);
  }
  EXPECT_EQ(snap->shownHidden2.size(), 8U * 8U);
}

TEST(DbmTrainer, GreyImagesAreRefusedAndBadSettingsNamed) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  lesson::Lesson lesson = digitsLesson();
  auto trainer = models::makeTrainer(lesson, 0);
  EXPECT_THROW(trainer->setParam("hidden3", 4), ConfigError);
  trainer->setParam("hidden2", 5);
  EXPECT_EQ(dynamic_cast<DbmTrainer&>(*trainer).model().hidden2(), 5);
  run(*trainer, 3);
  lesson.dataset["binarize"] = "none";
  try {
    models::makeTrainer(lesson, 0);
    FAIL() << "grey digits accepted";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("dataset: training image row"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace genlab::dbm
