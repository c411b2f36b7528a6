// The Naive Bayes session trainer: each step fits on a prefix `batch` points longer, its metrics
// are those of a model fitted independently on that prefix, and a checkpoint resumes bit for
// bit (the steps after loading equal an uninterrupted run's).

#include "core/models/nb/nb_trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "core/data/binary_images.h"
#include "core/lesson/lesson.h"
#include "core/models/nb/full_gaussian_classes.h"
#include "core/models/registry.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"

namespace genlab::nb {
namespace {

using nlohmann::json;

lesson::Lesson pointLesson(json settings = {{"batch", 7}}) {
  const json spec = {
      {"title", "t"},
      {"model", "nb"},
      {"dataset",
       {{"kind", "blobs"},
        {"n", 240},
        {"test", 60},
        {"centers", {{-1.3, 0.0}, {1.3, 0.0}, {3.5, -4.0}}},
        {"covariances",
         {{{2.0, 1.8}, {1.8, 2.0}}, {{2.0, 1.8}, {1.8, 2.0}}, {{1.2, -0.9}, {-0.9, 1.2}}}}}},
      {"settings", settings},
      {"seed", 4u}};
  return lesson::lessonFromJson(spec, std::filesystem::temp_directory_path() / "nb_test.json");
}

std::unique_ptr<NbTrainer> make(const lesson::Lesson& lesson, std::uint64_t seed = 4) {
  auto trainer = models::makeTrainer(lesson, seed);
  auto* nb = dynamic_cast<NbTrainer*>(trainer.get());
  EXPECT_NE(nb, nullptr);
  trainer.release();
  return std::unique_ptr<NbTrainer>(nb);
}

const NbSnapshot& asNb(const train::SnapshotPtr& s) {
  return dynamic_cast<const NbSnapshot&>(*s);
}

std::vector<double> step(NbTrainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size(), -1.0);
  trainer.step(metrics, {});
  return metrics;
}

TEST(NbTrainer, EachStepAddsABatchAndMetricsAreAnIndependentFitsOnThePrefix) {
  auto trainer = make(pointLesson());
  ASSERT_EQ(trainer->metricNames(),
            (std::vector<std::string>{"train_points", "train_accuracy", "test_accuracy",
                                      "test_log_likelihood", "full_train_accuracy",
                                      "full_test_accuracy", "full_test_log_likelihood"}));
  EXPECT_EQ(trainer->trainPoints(), 180);
  EXPECT_EQ(trainer->trainPointsUsed(), 7);                  // the first fit: max(batch, K)
  const train::SnapshotPtr firstHeld = trainer->snapshot();  // kept: the trainer replaces it
  const auto& first = asNb(firstHeld);
  // Every class is in the first prefix (the first point of each is moved to the front).
  EXPECT_EQ(first.data->trainLabels[0], 0);
  EXPECT_EQ(first.data->trainLabels[1], 1);
  EXPECT_EQ(first.data->trainLabels[2], 2);
  const auto metrics = step(*trainer);
  EXPECT_EQ(trainer->trainPointsUsed(), 14);
  EXPECT_EQ(metrics[0], 14.0);

  const auto& s = asNb(trainer->snapshot());
  EXPECT_EQ(s.step, 1);
  EXPECT_EQ(s.data, first.data);  // shared, never copied
  const Eigen::MatrixXd prefix = s.data->train.topRows(14);
  const std::vector<int> labels(s.data->trainLabels.begin(), s.data->trainLabels.begin() + 14);
  const NaiveBayes alone(NbConfig{}, prefix, labels, 3);
  const FullGaussianClasses full(prefix, labels, 3, 1e-9);
  EXPECT_EQ(metrics[1], accuracy(alone.predictProba(prefix), labels));
  EXPECT_EQ(metrics[2], accuracy(alone.predictProba(s.data->test), s.data->testLabels));
  EXPECT_EQ(metrics[3], alone.marginalLogLikelihood(s.data->test).mean());
  EXPECT_EQ(metrics[5], accuracy(full.predictProba(s.data->test), s.data->testLabels));
  EXPECT_EQ(metrics[6], full.marginalLogLikelihood(s.data->test).mean());
  EXPECT_TRUE(s.model->theta().isApprox(alone.theta(), 0.0));

  // Until every point is in; the last step says so.
  int steps = 1;
  train::StepOutcome outcome;
  std::vector<double> m(7);
  do {
    outcome = trainer->step(m, {});
    ++steps;
  } while (!outcome.converged && steps < 100);
  EXPECT_TRUE(outcome.converged);
  EXPECT_EQ(steps, 25);  // 7 + 25 * 7 = 182 >= 180
  EXPECT_EQ(trainer->trainPointsUsed(), 180);
}

TEST(NbTrainer, OnCorrelatedClassesTheFullModelBeatsNaiveBayes) {
  auto trainer = make(pointLesson({{"batch", 200}}));
  const auto& s = asNb(trainer->snapshot());
  ASSERT_TRUE(s.complete);
  EXPECT_GT(s.fullTestAccuracy, s.testAccuracy + 0.05);
  EXPECT_GT(s.fullTestLogLikelihood, s.testLogLikelihood + 0.3);
}

TEST(NbTrainer, ResumeIsExact) {
  const auto lesson = pointLesson();
  auto a = make(lesson);
  for (int i = 0; i < 7; ++i) step(*a);
  a->setParam("var_smoothing", 0.01);  // a setting changed by hand travels too
  const auto file = std::filesystem::temp_directory_path() / "nb_resume_test.json";
  a->saveCheckpoint(file);
  auto b = make(lesson);
  b->loadCheckpoint(file);
  std::filesystem::remove(file);
  EXPECT_EQ(b->stepsDone(), 7);
  EXPECT_EQ(b->trainPointsUsed(), a->trainPointsUsed());
  EXPECT_EQ(b->settings(), a->settings());
  EXPECT_EQ(asNb(b->snapshot()).step, 7);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(step(*a), step(*b)) << "step " << i;
  const auto& sa = asNb(a->snapshot());
  const auto& sb = asNb(b->snapshot());
  EXPECT_TRUE(sa.model->var() == sb.model->var());
  EXPECT_TRUE(sa.full->covariances()[1] == sb.full->covariances()[1]);
}

TEST(NbTrainer, ResumeOfImagesIsExactSamplesIncluded) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits not installed";
  const json spec = {{"title", "t"},
                     {"model", "nb"},
                     {"dataset", {{"kind", "digits"}, {"test", 297}, {"binarize", "threshold"}}},
                     {"settings", {{"batch", 50}, {"samples", 3}}},
                     {"views", {"draw"}}};
  const auto lesson = lesson::lessonFromJson(spec, "nb_digits_test.json");
  auto a = make(lesson, 2);
  EXPECT_EQ(a->metricNames().size(), 4u);  // no full-covariance model on images
  for (int i = 0; i < 4; ++i) step(*a);
  const auto file = std::filesystem::temp_directory_path() / "nb_resume_digits.json";
  a->saveCheckpoint(file);
  auto b = make(lesson, 2);
  b->loadCheckpoint(file);
  std::filesystem::remove(file);
  const auto& sa = asNb(a->snapshot());
  const auto& sb = asNb(b->snapshot());
  EXPECT_EQ(sa.samples, sb.samples);
  EXPECT_EQ(sa.means, sb.means);
  EXPECT_EQ(sa.samples.size(), 10u * 3u * 64u);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(step(*a), step(*b));
  // A Bernoulli model's mean image is p(pixel on | y): exp of its log probabilities.
  const auto& s = asNb(b->snapshot());
  EXPECT_FLOAT_EQ(s.means[64 * 3 + 20],
                  static_cast<float>(std::exp(s.model->featureLogProb()(3, 20))));
}

TEST(NbTrainer, BadSettingsAndCheckpointsNameWhatIsWrong) {
  try {
    make(pointLesson({{"kind", "bernoulli"}}));
    FAIL() << "points with a Bernoulli model";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("settings.kind"), std::string::npos) << error.what();
  }
  EXPECT_THROW(make(pointLesson({{"batchsize", 3}})), ConfigError);
  EXPECT_THROW(make(pointLesson({{"batch", 0}})), ConfigError);
  auto trainer = make(pointLesson());
  EXPECT_THROW(trainer->setParam("alpha", -1.0), ConfigError);
  const auto file = std::filesystem::temp_directory_path() / "nb_bad_checkpoint.json";
  train::writeJsonCheckpoint(file, {{"model", "gmm"}});
  EXPECT_THROW(trainer->loadCheckpoint(file), DataError);
  train::writeJsonCheckpoint(
      file, {{"model", "nb"}, {"step", 2}, {"train_points", 100000}, {"settings", json::object()}});
  try {
    trainer->loadCheckpoint(file);
    FAIL() << "more training points than there are";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("train_points"), std::string::npos) << error.what();
  }
  std::filesystem::remove(file);
  EXPECT_EQ(trainer->stepsDone(), 0);  // unchanged by the failed loads
  EXPECT_EQ(trainer->trainPointsUsed(), 7);
}

}  // namespace
}  // namespace genlab::nb
