#include "core/text/vocabulary.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/text/encoded_corpus.h"
#include "core/text/subsampling.h"

namespace genlab::text {
namespace {

TEST(Vocabulary, KeepsWordsAtMinCountMostFrequentFirst) {
  const Vocabulary v = Vocabulary::build({"b", "a", "b", "c", "a", "b", "d"}, 2);
  EXPECT_EQ(v.words(), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(v.counts(), (std::vector<std::int64_t>{3, 2}));
  EXPECT_EQ(v.keptTokens(), 5);
  EXPECT_EQ(v.allTokens(), 7);
  EXPECT_EQ(v.find("a"), 1);
  EXPECT_EQ(v.find("c"), -1);
}

TEST(Vocabulary, TiesKeepFirstAppearance) {
  const Vocabulary v = Vocabulary::build({"x", "y", "z", "y", "x", "z"}, 1);
  EXPECT_EQ(v.words(), (std::vector<std::string>{"x", "y", "z"}));
}

TEST(EncodedCorpus, DropsRareWordsAndEmptiedSentences) {
  const TokenisedText text = tokeniseText("a rare b\nrare\nb a\n", "mem");
  const Vocabulary ab = Vocabulary::build({"a", "a", "b", "b"}, 1);
  const EncodedCorpus corpus = encode(text, ab);
  EXPECT_EQ(corpus.ids, (std::vector<std::int32_t>{0, 1, 1, 0}));
  EXPECT_EQ(corpus.sentenceEnds, (std::vector<std::size_t>{2, 4}));  // "rare" alone is gone
}

TEST(Subsampling, KeepProbabilityIsTheCToolsFormula) {
  // t = 1e-3 of 100000 kept tokens: threshold 100 occurrences.
  EXPECT_NEAR(keepProbability(1000, 100000, 1e-3), (std::sqrt(10.0) + 1.0) * 0.1, 1e-15);
  EXPECT_NEAR(keepProbability(10000, 100000, 1e-3), (std::sqrt(100.0) + 1.0) * 0.01, 1e-15);
  // At f = t the formula gives 2: never dropped; nor is anything rarer.
  EXPECT_EQ(keepProbability(100, 100000, 1e-3), 1.0);
  EXPECT_EQ(keepProbability(3, 100000, 1e-3), 1.0);
  EXPECT_EQ(keepProbability(50000, 100000, 0.0), 1.0);  // off
  // Not the paper's 1 - sqrt(t / f) = 0.6838 for f = 10 t.
  EXPECT_GT(std::abs(keepProbability(1000, 100000, 1e-3) - (1 - std::sqrt(0.1))), 0.2);
}

TEST(Subsampling, UsesTokensKeptAfterMinCount) {
  const Vocabulary v = Vocabulary::build({"a", "a", "a", "b", "c"}, 2);  // kept 3 of 5
  const auto keep = keepProbabilities(v, 0.2);  // threshold 0.6 occurrences
  ASSERT_EQ(keep.size(), 1u);
  EXPECT_FLOAT_EQ(keep[0], static_cast<float>((std::sqrt(3 / 0.6) + 1) * 0.6 / 3));
}

}  // namespace
}  // namespace genlab::text
