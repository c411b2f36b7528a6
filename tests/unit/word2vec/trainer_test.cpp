// The session trainer: steps that stop part way through a sentence change nothing, a checkpoint
// resumes bit for bit, the lesson factory and the settings reject what they must.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/models/word2vec/word2vec_factory.h"
#include "core/models/word2vec/word2vec_trainer.h"
#include "core/util/errors.h"
#include "tests/error_message.h"
#include "tests/unit/word2vec/corpora_dir.h"

namespace genlab::word2vec {
namespace {

const std::string kLessons = std::string(GENLAB_SOURCE_DIR) + "/assets/lessons/";

struct Corpus {
  text::Vocabulary vocabulary;
  text::EncodedCorpus encoded;
};

Corpus fruit() {
  const text::TokenisedText text =
      text::readTokenisedFile(test::kCorporaDir + "fruit_and_juice.txt");
  Corpus c;
  c.vocabulary = text::Vocabulary::build(text.tokens, 1);
  c.encoded = text::encode(text, c.vocabulary);
  return c;
}

Word2VecSettings small(Architecture architecture, std::int64_t updatesPerStep) {
  Word2VecSettings s;
  s.config.architecture = architecture;
  s.config.dim = 8;
  s.config.minCount = 1;
  s.config.sample = 1e-2;  // subsampling draws, so the stream's state matters
  s.config.epochs = 3;
  s.config.negative = 3;
  s.updatesPerStep = updatesPerStep;
  return s;
}

std::unique_ptr<Word2VecTrainer> trainer(Architecture architecture, std::int64_t updatesPerStep,
                                         std::uint64_t seed = 7) {
  Corpus c = fruit();
  return std::make_unique<Word2VecTrainer>(small(architecture, updatesPerStep),
                                           std::move(c.vocabulary), std::move(c.encoded), seed);
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

std::vector<double> step(Word2VecTrainer& t) {
  std::vector<double> metrics(t.metricNames().size());
  t.step(metrics, {});
  return metrics;
}

class TempDir {
 public:
  TempDir()
      : m_path(std::filesystem::temp_directory_path() / ("w2v-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() { std::filesystem::remove_all(m_path); }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

TEST(Word2VecTrainer, PredictionChunksThatSplitSentencesReplayWholeEpochs) {
  // 7 updates a step stops inside most sentences; the vectors must equal whole-epoch training.
  for (const auto architecture : {Architecture::SkipGram, Architecture::Cbow}) {
    Corpus a = fruit(), b = fruit();
    Word2VecConfig config = small(architecture, 7).config;
    config.seed = 3;
    Word2Vec whole(config, std::move(a.vocabulary), std::move(a.encoded));
    while (!whole.finished()) whole.trainEpoch();
    Word2Vec pieces(config, std::move(b.vocabulary), std::move(b.encoded));
    std::int64_t made = 0;
    while (!pieces.finished()) made += pieces.trainPredictions(7);
    EXPECT_GT(made, 1000);
    EXPECT_TRUE(sameBits(whole.inputVectors(), pieces.inputVectors())) << toString(architecture);
    EXPECT_TRUE(sameBits(whole.outputVectors(), pieces.outputVectors())) << toString(architecture);
    EXPECT_EQ(whole.meanLoss(), pieces.meanLoss());
  }
}

TEST(Word2VecTrainer, ResumesBitForBitFromACheckpointTakenMidSentence) {
  TempDir dir;
  for (const auto architecture : {Architecture::SkipGram, Architecture::Cbow}) {
    auto straight = trainer(architecture, 13);
    auto first = trainer(architecture, 13);
    for (int s = 0; s < 40; ++s) {
      step(*straight);
      step(*first);
    }
    ASSERT_TRUE(first->model().trainingState().loaded) << "the test wants a split sentence";
    const auto file = dir / "resume.w2v";
    first->saveCheckpoint(file);
    first.reset();
    auto resumed = trainer(architecture, 13);  // a fresh trainer, same lesson and seed
    resumed->loadCheckpoint(file);
    EXPECT_EQ(resumed->stepsDone(), 40);
    for (int s = 0; s < 400; ++s) {  // across epoch ends too
      const auto a = step(*straight);
      const auto b = step(*resumed);
      ASSERT_EQ(a[0], b[0]) << "loss at step " << s;
      ASSERT_EQ(a[1], b[1]) << "alpha at step " << s;
    }
    EXPECT_TRUE(sameBits(straight->model().inputVectors(), resumed->model().inputVectors()));
    EXPECT_TRUE(sameBits(straight->model().outputVectors(), resumed->model().outputVectors()));
    const auto sa = std::dynamic_pointer_cast<const Word2VecRunSnapshot>(straight->snapshot());
    const auto sb = std::dynamic_pointer_cast<const Word2VecRunSnapshot>(resumed->snapshot());
    ASSERT_TRUE(sa && sb);
    EXPECT_EQ(sa->updates, sb->updates);
    EXPECT_EQ(sa->model.lastUpdate.negatives, sb->model.lastUpdate.negatives);
    EXPECT_TRUE(sameBits(sa->model.lastUpdate.outputAfter, sb->model.lastUpdate.outputAfter));
  }
}

TEST(Word2VecTrainer, ALoadedSnapshotDescribesTheCheckpointNotTheTrainerBefore) {
  TempDir dir;
  auto a = trainer(Architecture::SkipGram, 50);
  for (int s = 0; s < 5; ++s) step(*a);
  a->saveCheckpoint(dir / "a.w2v");
  auto b = trainer(Architecture::SkipGram, 50);
  const auto before = b->snapshot();
  b->loadCheckpoint(dir / "a.w2v");
  const auto after = std::dynamic_pointer_cast<const Word2VecRunSnapshot>(b->snapshot());
  EXPECT_NE(before, b->snapshot());
  EXPECT_EQ(after->updates, 250);
  EXPECT_TRUE(sameBits(after->model.vectors, a->model().inputVectors()));
}

TEST(Word2VecTrainer, BadCheckpointsAreRefusedByNameAndLeaveTheTrainer) {
  TempDir dir;
  auto a = trainer(Architecture::SkipGram, 50);
  step(*a);
  const auto good = dir / "good.w2v";
  a->saveCheckpoint(good);
  const auto vectors = a->model().inputVectors();
  // Truncated: the last byte of the output matrix is missing.
  const auto cut = dir / "cut.w2v";
  std::filesystem::copy_file(good, cut);
  std::filesystem::resize_file(cut, std::filesystem::file_size(good) - 1);
  const std::string message = test::messageOf<DataError>([&] { a->loadCheckpoint(cut); });
  EXPECT_NE(message.find("cut.w2v"), std::string::npos) << message;
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
  // Another model's JSON checkpoint.
  const auto other = dir / "gmm.json";
  std::ofstream(other) << "{\"model\": \"gmm\"}\n";
  EXPECT_NE(test::messageOf<DataError>([&] {
              a->loadCheckpoint(other);
            }).find("not a word2vec checkpoint"),
            std::string::npos);
  EXPECT_TRUE(sameBits(a->model().inputVectors(), vectors));
}

TEST(Word2VecTrainer, LiveSettingsChangeAndOthersAreRefusedByKey) {
  auto t = trainer(Architecture::SkipGram, 10);
  t->setParam("alpha", 0.1);
  t->setParam("negative", 7);
  t->setParam("updates_per_step", 3);
  EXPECT_DOUBLE_EQ(t->settings()["alpha"].get<double>(), 0.1);
  EXPECT_EQ(t->model().config().negative, 7);
  step(*t);
  const auto snap = std::dynamic_pointer_cast<const Word2VecRunSnapshot>(t->snapshot());
  EXPECT_EQ(snap->updates, 3);
  EXPECT_LE(snap->model.lastUpdate.negatives.size(), 7u);
  EXPECT_GE(snap->model.lastUpdate.negatives.size(), 4u);  // 7 draws, the target rarely hit
  EXPECT_NE(test::messageOf<ConfigError>([&] { t->setParam("dim", 4); }).find("settings.dim"),
            std::string::npos);
  EXPECT_NE(test::messageOf<ConfigError>([&] { t->setParam("window", 0); }).find("settings.window"),
            std::string::npos);
  EXPECT_EQ(t->model().config().window, 5);
}

TEST(Word2VecTrainer, TheNextStepCanMakeAGivenNumberOfUpdates) {
  auto t = trainer(Architecture::SkipGram, 1000);
  t->setNextStepUpdates(20);
  step(*t);
  EXPECT_EQ(std::dynamic_pointer_cast<const Word2VecRunSnapshot>(t->snapshot())->updates, 20);
  step(*t);  // back to updates_per_step
  EXPECT_EQ(std::dynamic_pointer_cast<const Word2VecRunSnapshot>(t->snapshot())->updates, 1020);
}

TEST(Word2VecLessons, BothLessonsBuildAndTheTinyOneScoresItsPairs) {
  const lesson::Lesson tiny = lesson::loadLesson(kLessons + "word2vec_one_update.json");
  auto t = models::makeTrainer(tiny, tiny.seed);
  EXPECT_EQ(t->modelName(), "word2vec");
  EXPECT_EQ(t->metricNames().back(), "similarity");
  std::vector<double> metrics(t->metricNames().size());
  for (int s = 0; s < 3000; ++s) t->step(metrics, {});  // 30,000 updates, about 5 epochs
  // Fruits against drinks: the cosines rank the 22 pairs much better than chance.
  EXPECT_GT(metrics.back(), 0.6);
  const auto snap = std::dynamic_pointer_cast<const Word2VecRunSnapshot>(t->snapshot());
  EXPECT_EQ(snap->similarityPairs, 22);
  EXPECT_EQ(snap->output.size(), snap->model.vectors.size());  // small: heat maps get W'
}

TEST(Word2VecLessons, BadDatasetsAreNamed) {
  lesson::Lesson lesson = lesson::loadLesson(kLessons + "word2vec_one_update.json");
  lesson.dataset["kind"] = "pictures";
  EXPECT_NE(
      test::messageOf<ConfigError>([&] { models::makeTrainer(lesson, 1); }).find("dataset.kind"),
      std::string::npos);
  lesson.dataset["kind"] = "text";
  lesson.settings["min_count"] = 100000;
  EXPECT_NE(test::messageOf<DataError>([&] {
              models::makeTrainer(lesson, 1);
            }).find("fruit_and_juice.txt: 0 distinct word(s)"),
            std::string::npos);
  lesson.settings.erase("min_count");
  lesson.settings["dims"] = 3;
  EXPECT_NE(test::messageOf<ConfigError>([&] { models::makeTrainer(lesson, 1); }).find("dims"),
            std::string::npos);
}

}  // namespace
}  // namespace genlab::word2vec
