#include "core/text/subsampling.h"

#include <algorithm>
#include <cmath>

namespace genlab::text {

double keepProbability(std::int64_t count, std::int64_t keptTokens, double sample) {
  if (sample <= 0.0 || count <= 0) return 1.0;
  const double threshold = sample * static_cast<double>(keptTokens);  // t, in counts
  const double c = static_cast<double>(count);
  return std::min(1.0, (std::sqrt(c / threshold) + 1.0) * threshold / c);
}

std::vector<float> keepProbabilities(const Vocabulary& vocabulary, double sample) {
  std::vector<float> keep(static_cast<std::size_t>(vocabulary.size()));
  for (int i = 0; i < vocabulary.size(); ++i) {
    keep[static_cast<std::size_t>(i)] =
        static_cast<float>(keepProbability(vocabulary.count(i), vocabulary.keptTokens(), sample));
  }
  return keep;
}

}  // namespace genlab::text
