#include "core/models/word2vec/noise_table.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/models/word2vec/fast_random.h"

namespace genlab::word2vec {
namespace {

text::Vocabulary vocabularyWithCounts(const std::vector<int>& counts) {
  std::vector<std::string> tokens;
  for (std::size_t w = 0; w < counts.size(); ++w) {
    for (int c = 0; c < counts[w]; ++c) tokens.emplace_back(1, static_cast<char>('a' + w));
  }
  return text::Vocabulary::build(tokens, 1);
}

// Pearson's chi-squared statistic of `observed` draws against probabilities count^power.
double chiSquared(const std::vector<double>& observed, const std::vector<std::int64_t>& counts,
                  double power, double draws) {
  double total = 0.0;
  for (const auto c : counts) total += std::pow(static_cast<double>(c), power);
  double chi2 = 0.0;
  for (std::size_t w = 0; w < counts.size(); ++w) {
    const double expected = draws * std::pow(static_cast<double>(counts[w]), power) / total;
    chi2 += (observed[w] - expected) * (observed[w] - expected) / expected;
  }
  return chi2;
}

TEST(NoiseTable, DrawsFollowUnigramToThreeQuarters) {
  const text::Vocabulary vocabulary = vocabularyWithCounts({1000, 300, 100, 40, 10, 3, 1});
  const NoiseTable table(vocabulary);
  for (int w = 0; w < vocabulary.size(); ++w) {
    double total = 0.0;
    for (const auto c : vocabulary.counts()) total += std::pow(static_cast<double>(c), 0.75);
    EXPECT_NEAR(table.probability(w), std::pow(vocabulary.count(w), 0.75) / total, 1e-9);
  }
  constexpr int kDraws = 400000;
  std::vector<double> observed(static_cast<std::size_t>(vocabulary.size()), 0.0);
  FastRandom rng(7);
  for (int i = 0; i < kDraws; ++i) {
    ++observed[static_cast<std::size_t>(table.wordFor(rng.next()))];
  }
  // 6 degrees of freedom: P(chi2 > 22.46) = 0.001 for the right distribution ...
  EXPECT_LT(chiSquared(observed, vocabulary.counts(), 0.75, kDraws), 22.46);
  // ... while plain unigram frequencies (or a flat table) are rejected by far.
  EXPECT_GT(chiSquared(observed, vocabulary.counts(), 1.0, kDraws), 1000.0);
  EXPECT_GT(chiSquared(observed, vocabulary.counts(), 0.5, kDraws), 1000.0);
}

TEST(NoiseTable, SlotsSplitBetweenAWordAndItsAlias) {
  // Counts 16 and 1: weights 8 and 1, probabilities 8/9 and 1/9. Two slots of mass 1/2 each:
  // word 1's slot keeps it with probability 2/9 and gives word 0 otherwise.
  const NoiseTable table(vocabularyWithCounts({16, 1}));
  EXPECT_NEAR(table.probability(0), 8.0 / 9.0, 1e-9);
  EXPECT_NEAR(table.probability(1), 1.0 / 9.0, 1e-9);
  const std::uint64_t slot1 = 0xC000000000000000ULL;   // high half 3/4 of 2^32: slot 1
  EXPECT_EQ(table.wordFor(slot1), 1);                  // low bits 0: keep
  EXPECT_EQ(table.wordFor(slot1 | 0x40000000ULL), 0);  // low 1/4 > 2/9: the alias
  EXPECT_EQ(table.wordFor(0x3000000000000000ULL | 0xFFFFFFFFULL), 0);  // slot 0: always word 0
}

}  // namespace
}  // namespace genlab::word2vec
