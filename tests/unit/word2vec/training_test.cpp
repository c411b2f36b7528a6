// Whole training runs on the teaching corpora: replay from a seed, and what a lesson promises.
#include <gtest/gtest.h>

#include <cmath>

#include "core/models/word2vec/keyed_vectors.h"
#include "core/models/word2vec/word2vec_model.h"
#include "core/util/errors.h"
#include "tests/error_message.h"
#include "tests/unit/word2vec/corpora_dir.h"

namespace genlab::word2vec {
namespace {

Word2Vec modelOn(const std::string& file, Word2VecConfig config) {
  const text::TokenisedText text = text::readTokenisedFile(test::kCorporaDir + file);
  text::Vocabulary vocabulary = text::Vocabulary::build(text.tokens, config.minCount);
  text::EncodedCorpus corpus = text::encode(text, vocabulary);
  return Word2Vec(config, std::move(vocabulary), std::move(corpus));
}

Word2VecConfig smallConfig(Architecture architecture) {
  Word2VecConfig config;
  config.architecture = architecture;
  config.dim = 20;
  config.minCount = 1;
  config.sample = 1e-2;
  config.epochs = 30;
  return config;
}

KeyedVectors keyed(const Word2Vec& model) {
  return KeyedVectors(model.vocabulary().words(), model.dim(), model.inputVectors());
}

TEST(Word2VecTraining, SameSeedReplaysBitForBitWhateverTheChunks) {
  for (const auto architecture : {Architecture::SkipGram, Architecture::Cbow}) {
    Word2VecConfig config = smallConfig(architecture);
    config.epochs = 2;
    Word2Vec whole = modelOn("fruit_and_juice.txt", config);
    while (!whole.finished()) whole.trainEpoch();
    Word2Vec pieces = modelOn("fruit_and_juice.txt", config);
    while (!pieces.finished()) pieces.trainWords(7);  // stops mid-epoch, many times
    EXPECT_EQ(whole.inputVectors(), pieces.inputVectors());
    EXPECT_EQ(whole.outputVectors(), pieces.outputVectors());
    EXPECT_EQ(whole.meanLoss(), pieces.meanLoss());
    config.seed = 2;
    Word2Vec other = modelOn("fruit_and_juice.txt", config);
    while (!other.finished()) other.trainEpoch();
    EXPECT_NE(whole.inputVectors(), other.inputVectors());
  }
}

TEST(Word2VecTraining, LearnsTheKingAndQueenAnalogy) {
  for (const auto architecture : {Architecture::SkipGram, Architecture::Cbow}) {
    Word2Vec model = modelOn("king_and_queen.txt", smallConfig(architecture));
    const double firstAlpha = model.currentAlpha();
    model.trainEpoch();
    const double firstLoss = model.meanLoss();
    while (!model.finished()) model.trainEpoch();
    EXPECT_LT(model.meanLoss(), 0.9 * firstLoss) << toString(architecture);
    EXPECT_FLOAT_EQ(static_cast<float>(firstAlpha), 0.025f);
    EXPECT_NEAR(model.currentAlpha(), 0.0001, 1e-9);  // decayed to min-alpha
    const auto answer = keyed(model).analogy("king", "man", "woman", 1);
    ASSERT_EQ(answer.size(), 1u);
    EXPECT_EQ(answer[0].word, "queen") << toString(architecture);
  }
}

TEST(Word2VecTraining, FruitsNeighbourFruitsAndDrinksDrinks) {
  Word2Vec model = modelOn("fruit_and_juice.txt", smallConfig(Architecture::SkipGram));
  while (!model.finished()) model.trainEpoch();
  const auto near = keyed(model).neighbours("apple", 4);
  for (const auto& n : near) {
    EXPECT_TRUE(n.word == "orange" || n.word == "banana" || n.word == "mango" || n.word == "pear" ||
                n.word == "grape")
        << n.word;
  }
}

TEST(Word2VecTraining, SnapshotsCarryVectorsAndARecentUpdate) {
  Word2Vec model = modelOn("king_and_queen.txt", smallConfig(Architecture::SkipGram));
  model.trainWords(5000);
  const Word2VecSnapshot snapshot = model.snapshot();
  EXPECT_EQ(snapshot.vectors, model.inputVectors());
  EXPECT_EQ(static_cast<int>(snapshot.words->size()), model.vocabulary().size());
  ASSERT_EQ(snapshot.lastUpdate.inputs.size(), 1u);
  EXPECT_GE(snapshot.lastUpdate.target, 0);
  EXPECT_EQ(snapshot.lastUpdate.negativeAfter.size(), snapshot.lastUpdate.negatives.size());
  EXPECT_GE(snapshot.wordsDone, 5000);
  EXPECT_EQ(snapshot.wordsTotal, model.corpus().words() * 30);
}

TEST(Word2VecTraining, ThreadsFinishTheScheduleWithFiniteVectors) {
  Word2VecConfig config = smallConfig(Architecture::SkipGram);
  config.threads = 2;
  Word2Vec model = modelOn("king_and_queen.txt", config);
  while (!model.finished()) model.trainEpoch();
  EXPECT_EQ(model.epoch(), config.epochs);
  for (const float x : model.inputVectors()) ASSERT_TRUE(std::isfinite(x));
  EXPECT_EQ(keyed(model).analogy("king", "man", "woman", 1)[0].word, "queen");
}

TEST(Word2VecTraining, RejectsAOneWordVocabulary) {
  Word2VecConfig config;
  config.minCount = 1;
  const text::TokenisedText text = text::tokeniseText("same same same\n", "mem");
  text::Vocabulary vocabulary = text::Vocabulary::build(text.tokens, 1);
  text::EncodedCorpus corpus = text::encode(text, vocabulary);
  EXPECT_EQ(test::messageOf<DataError>([&] { Word2Vec(config, vocabulary, corpus); }),
            "corpus: 1 distinct word(s) occur at least min-count times; word2vec needs 2 or more");
  config.dim = 0;
  EXPECT_EQ(test::messageOf<ConfigError>([&] { config.validate(); }),
            "--dim: 0 is out of range [1, 10000]");
  config.dim = 10;
  config.sample = std::nan("");
  EXPECT_EQ(test::messageOf<ConfigError>([&] { config.validate(); }),
            "--sample: nan is out of range [0, 1]");
}

}  // namespace
}  // namespace genlab::word2vec
