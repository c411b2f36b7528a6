// A word-similarity file (word2vec::readSimilarityPairs, core/models/word2vec/similarity_pairs.h):
// the "pairs" of a word2vec lesson's dataset (the WordNet pairs), "word1 word2 score" a line.
// Checked on what is accepted: at least one pair, words in the tokeniser's form (not empty, no
// space, no upper-case ASCII), finite scores, and a Spearman score against a small vocabulary
// that is NaN or in [-1, 1] and counts only pairs of known words.

#include <algorithm>
#include <cmath>

#include "core/models/word2vec/similarity_pairs.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

const word2vec::KeyedVectors& vocabulary() {
  static const word2vec::KeyedVectors vectors(
      {"cat", "dog", "car", "tree", "a", "b"}, 2,
      {1.F, 0.F, 0.9F, 0.1F, -1.F, 0.2F, 0.F, 1.F, 0.5F, 0.5F, 0.F, 0.F});
  return vectors;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "pairs.txt");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const auto pairs = word2vec::readSimilarityPairs(file.path().string());
    fuzz::check(!pairs.empty(), "at least one pair");
    int known = 0;
    for (const auto& pair : pairs) {
      for (const std::string* word : {&pair.a, &pair.b}) {
        fuzz::check(!word->empty() && std::none_of(word->begin(), word->end(),
                                                   [](char c) {
                                                     return (c >= 'A' && c <= 'Z') || c == ' ' ||
                                                            c == '\t';
                                                   }),
                    "words in the tokeniser's form");
      }
      fuzz::check(std::isfinite(pair.score), "finite scores");
      known += vocabulary().find(pair.a) >= 0 && vocabulary().find(pair.b) >= 0;
    }
    const word2vec::SimilarityScore score = word2vec::scoreSimilarity(vocabulary(), pairs);
    fuzz::check(score.pairsUsed == known, "only pairs of known words are scored");
    fuzz::check(std::isnan(score.spearman) ||
                    (score.spearman >= -1.0 - 1e-12 && score.spearman <= 1.0 + 1e-12),
                "Spearman's rho in [-1, 1]");
  });
  return 0;
}
