#pragma once
// Held-out word similarity: pairs of words with a human (or WordNet) score, and how well the
// model's cosines rank them (Spearman's rho), as word-similarity benchmarks are reported.
//
// File format: one pair a line, "word1 word2 score" separated by whitespace; blank lines and
// lines starting with '#' are skipped. Words go through the corpus tokeniser's rule (lower-case,
// punctuation stripped), so "Apple" in the pairs file finds "apple" in the vocabulary.

#include <string>
#include <vector>

#include "core/models/word2vec/keyed_vectors.h"

namespace genlab::word2vec {

struct SimilarityPair {
  std::string a, b;
  double score = 0.0;
};

// Throws DataError "path:line: ..." for a malformed line, "path: no pairs" for an empty file.
std::vector<SimilarityPair> readSimilarityPairs(const std::string& path);

// Spearman's rank correlation of x and y (ties get their average rank); NaN when fewer than two
// values or when either side is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

struct SimilarityScore {
  double spearman = 0.0;  // NaN when fewer than two pairs are in the vocabulary
  int pairsUsed = 0;      // pairs whose two words are both in the vocabulary
};

// Spearman of cosine(a, b) against score over the pairs whose words the vectors know.
SimilarityScore scoreSimilarity(const KeyedVectors& vectors,
                                const std::vector<SimilarityPair>& pairs);

}  // namespace genlab::word2vec
