// Char-RNN checkpoints: a trainer that loads one resumes bit for bit (metrics and parameters)
// across stream wrap-arounds, dropout and held-out evaluations; a checkpoint of another text or
// another model is a DataError naming the file, and leaves the trainer as it was. Settings and
// lessons with bad values are ConfigErrors naming the key.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/models/charrnn/charrnn_trainer.h"
#include "core/models/registry.h"
#include "core/util/errors.h"
#include "tests/error_message.h"
#include "tests/unit/charrnn/charrnn_test_util.h"

namespace genlab::charrnn {
namespace {

using nlohmann::json;
using Metrics = std::vector<std::vector<double>>;

CharCorpus corpus(int repeat = 6) {
  std::string text;
  for (int r = 0; r < repeat; ++r) text += "Pack my box with five dozen liquor jugs! ";
  return makeCorpus(decodeUtf8(text, "test"), 0.1, "test");
}

// Streams of 73 characters read 8 at a time (9 windows): the streams wrap every 9 steps;
// evaluations every 3 steps; dropout draws from the trainer's generator every step.
CharRnnConfig resumeConfig(Cell cell) {
  CharRnnConfig config;
  config.cell = cell;
  config.layers = 2;
  config.hidden = 12;
  config.bptt = 8;
  config.batch = 3;
  config.dropout = 0.2;
  config.evalEvery = 3;
  config.lr = 5e-3;
  return config;
}

Metrics run(CharRnnTrainer& trainer, int steps) {
  Metrics out;
  std::vector<double> metrics(trainer.metricNames().size());
  for (int s = 0; s < steps; ++s) {
    trainer.step(metrics, {});
    out.push_back(metrics);
  }
  return out;
}

class Resume : public ::testing::TestWithParam<Cell> {};

TEST_P(Resume, ALoadedCheckpointGoesOnBitForBit) {
  const auto file = tempPath("resume.pt");
  CharRnnTrainer whole(resumeConfig(GetParam()), corpus(), 11);
  const Metrics first = run(whole, 13);
  whole.saveCheckpoint(file);
  const Metrics rest = run(whole, 14);

  CharRnnTrainer resumed(resumeConfig(GetParam()), corpus(), 11);
  run(resumed, 2);  // whatever state it had is replaced
  resumed.loadCheckpoint(file);
  EXPECT_EQ(resumed.stepsDone(), 13);
  const Metrics again = run(resumed, 14);
  EXPECT_EQ(again, rest);  // exact, every metric of every step
  EXPECT_EQ(resumed.parameters(), whole.parameters());
  EXPECT_NE(first.back(), rest.back());
  std::filesystem::remove(file);
}

INSTANTIATE_TEST_SUITE_P(CharRnn, Resume, ::testing::Values(Cell::kLstm, Cell::kGru, Cell::kRnn));

TEST(CharRnnCheckpoint, AnotherTextOrModelIsRefusedByName) {
  const auto file = tempPath("other.pt");
  CharRnnTrainer other(resumeConfig(Cell::kLstm),
                       makeCorpus(U"abcdefghijklmnopqrstuvwxyz  ", 0.1, "x"), 1);
  other.saveCheckpoint(file);
  CharRnnTrainer trainer(resumeConfig(Cell::kLstm), corpus(), 1);
  run(trainer, 3);
  const auto before = trainer.parameters();
  const std::string message =
      test::messageOf<std::exception>([&] { trainer.loadCheckpoint(file); });
  EXPECT_NE(message.find(file.string()), std::string::npos) << message;
  EXPECT_NE(message.find("distinct characters"), std::string::npos) << message;
  EXPECT_EQ(trainer.parameters(), before);
  EXPECT_EQ(trainer.stepsDone(), 3);

  std::ofstream(file, std::ios::binary) << "not a checkpoint";
  EXPECT_NE(
      test::messageOf<std::exception>([&] { trainer.loadCheckpoint(file); }).find(file.string()),
      std::string::npos);
  std::filesystem::remove(file);
}

TEST(CharRnnSettings, RoundTripAndBadValuesNameTheKey) {
  CharRnnConfig config = resumeConfig(Cell::kGru);
  config.temperature = 0.0;
  config.threads = 0;
  const auto back = CharRnnConfig::fromJson(config.toJson());
  EXPECT_EQ(back.toJson(), config.toJson());
  EXPECT_EQ(back.cell, Cell::kGru);
  EXPECT_NE(test::messageOf<std::exception>([] {
              CharRnnConfig::fromJson(json{{"cell", "transformer"}});
            }).find("settings.cell: \"transformer\" is not one of"),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              CharRnnConfig::fromJson(json{{"layers", 4}});
            }).find("settings.layers"),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              CharRnnConfig::fromJson(json{{"dropout", 1.0}});
            }).find("settings.dropout"),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              CharRnnConfig::fromJson(json{{"hiden", 8}});
            }).find("hiden"),
            std::string::npos);
  // More streams than the text can feed.
  CharRnnConfig wide;
  wide.batch = 200;
  EXPECT_NE(test::messageOf<std::exception>([&] {
              CharRnnTrainer(wide, corpus(), 1);
            }).find("settings.batch: 200 streams"),
            std::string::npos);
}

TEST(CharRnnSettings, LiveChangesApplyAndRebuildsStartANetwork) {
  CharRnnTrainer trainer(resumeConfig(Cell::kLstm), corpus(), 2);
  run(trainer, 2);
  trainer.setParam("temperature", 0.0);
  EXPECT_EQ(trainer.settings()["temperature"], 0.0);
  trainer.setParam("cell", "gru");
  EXPECT_EQ(trainer.settings()["cell"], "gru");
  EXPECT_EQ(trainer.parameters().front().first, "layer0.weight_ih_l0");
  EXPECT_EQ(trainer.parameters().front().second.size(),
            3u * 12u * static_cast<std::size_t>(trainer.corpus().size()));
  run(trainer, 2);
  EXPECT_THROW(trainer.setParam("batch", 500), ConfigError);
  EXPECT_EQ(trainer.settings()["batch"], 3);  // unchanged by the refused value
  run(trainer, 1);
}

TEST(CharRnnLesson, TheRegistryBuildsItAndNamesTheLessonOnBadInput) {
  lesson::Lesson lesson;
  lesson.file = "/tmp/tiny_charrnn.json";
  lesson.model = "charrnn";
  lesson.dataset = json{{"kind", "inline"}, {"text", "abcabcabcabc abc"}, {"repeat", 4}};
  lesson.settings = json{{"hidden", 8}, {"batch", 2}, {"bptt", 4}};
  auto trainer = models::makeTrainer(lesson, 1);
  EXPECT_EQ(trainer->modelName(), "charrnn");
  lesson.settings["cell"] = "lstn";
  EXPECT_NE(test::messageOf<std::exception>([&] {
              models::makeTrainer(lesson, 1);
            }).find("/tmp/tiny_charrnn.json: settings.cell"),
            std::string::npos);
}

}  // namespace
}  // namespace genlab::charrnn
