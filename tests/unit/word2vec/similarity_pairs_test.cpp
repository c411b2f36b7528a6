// Spearman's rho against hand-worked values (with and without ties) and the pairs file reader.
#include "core/models/word2vec/similarity_pairs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::word2vec {
namespace {

TEST(Spearman, HandWorkedValues) {
  // No ties: d = (0, 1, 1, 0), rho = 1 - 6 * 2 / (4 * 15) = 0.8.
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {1, 3, 2, 4}), 0.8, 1e-12);
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {40, 30, 20, 10}), -1.0, 1e-12);
  // Ties: x ranks (1.5, 1.5, 3, 4) against (1, 2, 3, 4): 4.5 / sqrt(4.5 * 5) = 0.9486833.
  EXPECT_NEAR(spearman({7, 7, 8, 9}, {1, 2, 3, 4}), 4.5 / std::sqrt(22.5), 1e-12);
  EXPECT_TRUE(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));
  EXPECT_TRUE(std::isnan(spearman({1}, {1})));
}

TEST(SimilarityPairs, ScoresOnlyKnownWordsAndRanksCosines) {
  // a = (1, 0), b = (0.9, 0.1), c = (0, 1): cos(a, b) > cos(b, c) > cos(a, c) = 0.
  const KeyedVectors vectors({"a", "b", "c"}, 2, {1, 0, 0.9f, 0.1f, 0, 1});
  const std::vector<SimilarityPair> pairs = {
      {"a", "b", 3.0}, {"b", "c", 2.0}, {"a", "c", 1.0}, {"a", "zebra", 5.0}};
  const SimilarityScore score = scoreSimilarity(vectors, pairs);
  EXPECT_EQ(score.pairsUsed, 3);
  EXPECT_NEAR(score.spearman, 1.0, 1e-12);
}

TEST(SimilarityPairs, ReaderNormalisesWordsAndNamesBadLines) {
  const std::string path = ::testing::TempDir() + "pairs.txt";
  std::ofstream(path) << "# comment\n\nApple, mango 1\nTea coffee 0.5\n";
  const auto pairs = readSimilarityPairs(path);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].a, "apple");
  EXPECT_EQ(pairs[0].b, "mango");
  EXPECT_EQ(pairs[1].score, 0.5);
  std::ofstream(path) << "apple mango 1\ntea coffee high\n";
  EXPECT_EQ(test::messageOf<DataError>([&] { readSimilarityPairs(path); }),
            path + ":2: score \"high\" is not a finite number");
  std::ofstream(path) << "apple mango\n";
  EXPECT_EQ(test::messageOf<DataError>([&] { readSimilarityPairs(path); }),
            path + ":1: expected \"word1 word2 score\"");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace genlab::word2vec
