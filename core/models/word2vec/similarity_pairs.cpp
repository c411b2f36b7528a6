#include "core/models/word2vec/similarity_pairs.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>

#include "core/text/tokenizer.h"
#include "core/util/errors.h"

namespace genlab::word2vec {
namespace {

// The tokeniser's form of one word ("Apple," -> "apple"); empty when nothing is left.
std::string normalised(const std::string& word) {
  std::vector<std::string> tokens;
  text::tokeniseLine(word, tokens);
  return tokens.size() == 1 ? tokens[0] : std::string();
}

// Average ranks (1-based), ties sharing the mean of their positions.
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
  std::vector<double> rank(values.size());
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start;
    while (end + 1 < order.size() && values[order[end + 1]] == values[order[start]]) ++end;
    const double mean = 0.5 * static_cast<double>(start + end) + 1.0;
    for (std::size_t k = start; k <= end; ++k) rank[order[k]] = mean;
    start = end + 1;
  }
  return rank;
}

}  // namespace

std::vector<SimilarityPair> readSimilarityPairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path + ": cannot open file");
  std::vector<SimilarityPair> pairs;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    std::string a, b, score, extra;
    if (!(fields >> a) || a[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (!(fields >> b >> score) || (fields >> extra)) {
      throw DataError(where + "expected \"word1 word2 score\"");
    }
    SimilarityPair pair{normalised(a), normalised(b), 0.0};
    if (pair.a.empty() || pair.b.empty()) throw DataError(where + "a word is only punctuation");
    std::size_t used = 0;
    try {
      pair.score = std::stod(score, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != score.size() || !std::isfinite(pair.score)) {
      throw DataError(where + "score \"" + score + "\" is not a finite number");
    }
    pairs.push_back(std::move(pair));
  }
  if (pairs.empty()) throw DataError(path + ": no pairs");
  return pairs;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = std::min(x.size(), y.size());
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> rx = ranks({x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n)});
  const std::vector<double> ry = ranks({y.begin(), y.begin() + static_cast<std::ptrdiff_t>(n)});
  // Pearson's correlation of the ranks (exact with ties, unlike 1 - 6 sum d^2 / ...).
  const double mean = 0.5 * static_cast<double>(n + 1);
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0.0 || syy == 0.0) return std::numeric_limits<double>::quiet_NaN();
  return sxy / std::sqrt(sxx * syy);
}

SimilarityScore scoreSimilarity(const KeyedVectors& vectors,
                                const std::vector<SimilarityPair>& pairs) {
  std::vector<double> cosines, scores;
  for (const auto& pair : pairs) {
    const int a = vectors.find(pair.a), b = vectors.find(pair.b);
    if (a < 0 || b < 0) continue;
    cosines.push_back(vectors.cosine(a, b));
    scores.push_back(pair.score);
  }
  return {spearman(cosines, scores), static_cast<int>(cosines.size())};
}

}  // namespace genlab::word2vec
