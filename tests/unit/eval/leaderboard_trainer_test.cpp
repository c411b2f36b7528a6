// The leaderboard lesson's trainer: the board it builds step by step equals runLeaderboard's on
// the same options; a run resumed from a checkpoint mid-board refits none of the finished
// models and ends with the same board; a stop request cuts a model short and keeps nothing of
// it; bad settings and checkpoints are errors naming the key or the file.

#include "core/eval/leaderboard_trainer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/data/binary_images.h"
#include "core/eval/leaderboard_settings.h"
#include "core/lesson/lesson.h"
#include "core/models/rbm/rbm_ais.h"
#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::eval {
namespace {

namespace fs = std::filesystem;

const LeaderboardSnapshot& boardOf(const train::Trainer& trainer) {
  return dynamic_cast<const LeaderboardSnapshot&>(*trainer.snapshot());
}

// Steps until the trainer says it converged; returns the number of steps taken.
int runToEnd(train::Trainer& trainer, int limit = 50) {
  std::vector<double> metrics(trainer.metricNames().size());
  for (int i = 1; i <= limit; ++i)
    if (trainer.step(metrics, {}).converged) return i;
  return -1;
}

void expectSameEntries(const std::vector<LeaderboardEntry>& a,
                       const std::vector<LeaderboardEntry>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].model, b[i].model) << i;
    EXPECT_EQ(a[i].kind, b[i].kind) << a[i].model;
    EXPECT_EQ(a[i].nats, b[i].nats) << a[i].model;  // bit for bit: same data, same seeds
    EXPECT_EQ(a[i].standardError, b[i].standardError) << a[i].model;
    EXPECT_EQ(a[i].description, b[i].description) << a[i].model;
  }
}

// Scorers of the table, each counting its calls in `calls`.
std::vector<LeaderboardTrainer::NamedScorer> countingScorers(const std::vector<std::string>& names,
                                                             std::map<std::string, int>& calls) {
  std::vector<LeaderboardTrainer::NamedScorer> out;
  for (const auto& name : names) {
    Scorer inner = leaderboardScorer(name);
    out.emplace_back(name, [name, inner, &calls](const data::ImageSplit& split,
                                                 const LeaderboardOptions& options) {
      ++calls[name];
      return inner(split, options);
    });
  }
  return out;
}

LeaderboardOptions digitsOptions() {
  LeaderboardOptions options;
  options.seed = 3;
  options.pixelCnnSteps = 4;
  options.vaeSteps = 4;
  options.importanceSamples = 5;
  return options;
}

TEST(LeaderboardTrainer, EqualsRunLeaderboardOnTheSameOptions) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits not installed";
  LeaderboardOptions options = digitsOptions();
  options.models = {"independent", "naive_bayes", "bernoulli_mixture", "pixelcnn", "vae"};
  const Leaderboard board = runLeaderboard(options);

  // The trainer draws samples too: they come from their own streams and change no figure.
  LeaderboardOptions withSamples = options;
  withSamples.samples = 3;
  LeaderboardTrainer trainer(withSamples);
  EXPECT_EQ(boardOf(trainer).next(), "independent");
  EXPECT_EQ(runToEnd(trainer), 5);  // one model per step, converged on the last
  const LeaderboardSnapshot& snap = boardOf(trainer);
  EXPECT_TRUE(snap.complete());
  EXPECT_EQ(trainer.stepsDone(), 5);
  EXPECT_EQ(snap.testImages, board.testImages);
  EXPECT_EQ(snap.pixels(), board.pixels);
  EXPECT_EQ(snap.data, board.data);
  expectSameEntries(snap.entries, board.entries);

  for (const auto& e : snap.entries) {
    if (e.model == "vae_iw5") {
      EXPECT_TRUE(e.samples.empty());  // the VAE's samples go with its first entry only
      continue;
    }
    ASSERT_EQ(e.samples.size(), 3u * 64u) << e.model;
    const bool binary = e.model != "vae_elbo";  // the decoder's mean is a probability
    for (const float v : e.samples) {
      ASSERT_TRUE(v >= 0.0F && v <= 1.0F) << e.model;
      if (binary) {
        ASSERT_TRUE(v == 0.0F || v == 1.0F) << e.model << " " << v;
      }
    }
  }
  // Stepping a finished board changes nothing.
  std::vector<double> metrics(2);
  EXPECT_TRUE(trainer.step(metrics, {}).converged);
  expectSameEntries(boardOf(trainer).entries, board.entries);
}

TEST(LeaderboardTrainer, ResumesMidBoardWithoutRefitting) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits not installed";
  LeaderboardOptions options = digitsOptions();
  options.samples = 2;
  const std::vector<std::string> names = {"independent", "naive_bayes", "bernoulli_mixture"};
  options.models = names;
  const fs::path dir = fs::temp_directory_path() / "genlab_leaderboard_resume";
  fs::create_directories(dir);
  const fs::path checkpoint = dir / "board.json";

  std::map<std::string, int> straightCalls;
  LeaderboardTrainer straight(options, countingScorers(names, straightCalls));
  ASSERT_EQ(runToEnd(straight), 3);

  std::map<std::string, int> firstCalls;
  LeaderboardTrainer first(options, countingScorers(names, firstCalls));
  std::vector<double> metrics(first.metricNames().size());
  EXPECT_FALSE(first.step(metrics, {}).converged);
  EXPECT_FALSE(first.step(metrics, {}).converged);
  EXPECT_EQ(metrics[0], 2.0);  // models scored
  first.saveCheckpoint(checkpoint);

  std::map<std::string, int> resumedCalls;
  LeaderboardTrainer resumed(options, countingScorers(names, resumedCalls));
  resumed.loadCheckpoint(checkpoint);
  EXPECT_EQ(resumed.stepsDone(), 2);
  EXPECT_EQ(boardOf(resumed).scored, 2u);
  EXPECT_EQ(boardOf(resumed).next(), "bernoulli_mixture");
  expectSameEntries(boardOf(resumed).entries, boardOf(first).entries);
  EXPECT_TRUE(resumedCalls.empty());  // loading fits nothing
  EXPECT_EQ(runToEnd(resumed), 1);
  EXPECT_EQ(resumedCalls, (std::map<std::string, int>{{"bernoulli_mixture", 1}}));
  expectSameEntries(boardOf(resumed).entries, boardOf(straight).entries);
  // The samples of the finished models came back from the checkpoint as they were.
  for (std::size_t i = 0; i < boardOf(resumed).entries.size(); ++i)
    EXPECT_EQ(boardOf(resumed).entries[i].samples, boardOf(straight).entries[i].samples);
  EXPECT_EQ(straightCalls, (std::map<std::string, int>{
                               {"independent", 1}, {"naive_bayes", 1}, {"bernoulli_mixture", 1}}));

  // A checkpoint of a board of other models is refused, naming the file; the trainer is as it
  // was.
  LeaderboardOptions other = options;
  other.models = {"independent", "naive_bayes"};
  LeaderboardTrainer wrong(other);
  try {
    wrong.loadCheckpoint(checkpoint);
    ADD_FAILURE() << "loaded a checkpoint of another board";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find(checkpoint.string()), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("models"), std::string::npos);
  }
  EXPECT_EQ(boardOf(wrong).scored, 0u);

  // Settings change the models still to score; the list of models cannot change.
  resumed.setParam("components", 4);
  EXPECT_EQ(resumed.settings()["components"], 4);
  resumed.setParam("models", {"independent", "naive_bayes", "bernoulli_mixture"});
  EXPECT_THROW(resumed.setParam("models", {"independent"}), ConfigError);
  EXPECT_THROW(resumed.setParam("vae_steps", -3), ConfigError);
  EXPECT_EQ(resumed.settings()["vae_steps"], options.vaeSteps);
  fs::remove_all(dir);
}

TEST(LeaderboardTrainer, AStopRequestKeepsNothingOfTheModel) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits not installed";
  LeaderboardOptions options = digitsOptions();
  // Long enough that a scorer ignoring the stop token would not return for many minutes.
  options.pixelCnnSteps = 10'000'000;
  options.models = {"pixelcnn", "independent"};
  LeaderboardTrainer trainer(options);
  std::stop_source stop;
  stop.request_stop();
  std::vector<double> metrics(2);
  EXPECT_FALSE(trainer.step(metrics, stop.get_token()).converged);
  EXPECT_EQ(trainer.stepsDone(), 0);
  EXPECT_EQ(boardOf(trainer).scored, 0u);
  EXPECT_TRUE(boardOf(trainer).entries.empty());
  EXPECT_EQ(boardOf(trainer).next(), "pixelcnn");
}

TEST(LeaderboardTrainer, AisEndsEarlyOnAStopRequest) {
  // What makes closing the lesson prompt while the larger RBM's log Z is being estimated: the
  // runs poll the token between temperatures. Ignoring it, these 10^8 temperatures would take
  // hours; with it, one temperature.
  const rbm::Rbm model = rbm::Rbm::random(16, 8, 1);
  rbm::AisSettings settings;
  settings.runs = 4;
  settings.betas = 100'000'000;
  settings.threads = 1;
  std::stop_source stop;
  stop.request_stop();
  settings.stop = stop.get_token();
  const auto result = rbm::annealedLogPartition(model, Eigen::VectorXd::Zero(16), settings);
  EXPECT_EQ(result.logWeights.size(), 4);
}

void expectConfigError(const nlohmann::json& settings, const std::string& key) {
  try {
    leaderboardOptionsFromJson(settings);
    ADD_FAILURE() << settings.dump() << " was accepted";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()).rfind(key, 0), 0u) << error.what();
  }
}

TEST(LeaderboardTrainer, BadSettingsNameTheKey) {
  expectConfigError({{"vae_steps", 0}}, "settings.vae_steps");
  expectConfigError({{"pixelcnn_steps", 2.5}}, "settings.pixelcnn_steps");
  expectConfigError({{"samples", -1}}, "settings.samples");
  expectConfigError({{"vea_steps", 10}}, "settings.vea_steps");
  expectConfigError({{"models", {"independent", "nope"}}}, "settings.models[1]");
  expectConfigError({{"models", {"vae", "vae"}}}, "settings.models[1]");
  expectConfigError({{"models", nlohmann::json::array()}}, "settings.models");
  const LeaderboardOptions good =
      leaderboardOptionsFromJson({{"vae_steps", 7}, {"models", {"vae", "independent"}}});
  EXPECT_EQ(good.vaeSteps, 7);
  EXPECT_EQ(good.models, (std::vector<std::string>{"vae", "independent"}));
  // The settings round-trip.
  const LeaderboardOptions again = leaderboardOptionsFromJson(leaderboardSettingsJson(good));
  EXPECT_EQ(leaderboardSettingsJson(again), leaderboardSettingsJson(good));
}

TEST(LeaderboardTrainer, TheLessonsErrorsNameFileAndKey) {
  const fs::path dir = fs::temp_directory_path() / "genlab_leaderboard_lesson";
  fs::create_directories(dir);
  const fs::path file = dir / "board.json";
  std::ofstream(file) << R"({"title": "t", "model": "leaderboard",
      "dataset": {"kind": "digits", "binarize": "none"},
      "settings": {"iw_samples": 0}, "views": ["board"]})";
  const lesson::Lesson lesson = lesson::loadLesson(file);
  try {
    models::makeTrainer(lesson, 0);
    ADD_FAILURE() << "accepted";
  } catch (const ConfigError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find(file.string()), std::string::npos) << what;
    EXPECT_NE(what.find("settings.iw_samples"), std::string::npos) << what;  // settings first
  }
  fs::remove_all(dir);
}

TEST(LeaderboardTrainer, TheShippedLessonLoads) {
  const lesson::Lesson lesson =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / "leaderboard_digits.json");
  EXPECT_EQ(lesson.title, "Which model explains the digits best");
  const LeaderboardOptions options = leaderboardOptionsFromJson(lesson.settings);
  EXPECT_GT(options.samples, 0);
  EXPECT_LT(options.pixelCnnSteps, LeaderboardOptions{}.pixelCnnSteps);
  EXPECT_LT(options.vaeSteps, LeaderboardOptions{}.vaeSteps);
}

}  // namespace
}  // namespace genlab::eval
