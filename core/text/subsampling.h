#pragma once
// Frequent-word subsampling (Mikolov et al. 2013, section 2.3), in the form the word2vec C tool
// and gensim 4 actually use rather than the paper's 1 - sqrt(t / f):
//
//   keep(w) = min(1, (sqrt(f / t) + 1) * t / f),   f = count(w) / kept tokens, t = sample
//
// where "kept tokens" counts the tokens of words that survived min-count (the C tool's
// train_words, gensim's retain_total). A word with f <= t is always kept; "the" in English text
// (f ~ 0.05) with t = 1e-3 is kept about 16% of the time. sample = 0 turns subsampling off.

#include <cstdint>
#include <vector>

#include "core/text/vocabulary.h"

namespace genlab::text {

double keepProbability(std::int64_t count, std::int64_t keptTokens, double sample);

// keepProbability for every word of `vocabulary`, in its order.
std::vector<float> keepProbabilities(const Vocabulary& vocabulary, double sample);

}  // namespace genlab::text
