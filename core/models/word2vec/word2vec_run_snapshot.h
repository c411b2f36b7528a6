#pragma once
// What a word2vec session publishes for its views (core/train/trainer.h's Snapshot): the model's
// own snapshot (input vectors, the last update), and for a small vocabulary the output vectors
// too (the lesson's heat maps and the one-update view's joint projection of both).

#include <memory>
#include <vector>

#include "core/models/word2vec/word2vec_config.h"
#include "core/models/word2vec/word2vec_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::word2vec {

struct Word2VecRunSnapshot : train::Snapshot {
  // Vocabularies up to this size carry their output vectors (a 200 x 100 matrix is 80 kB).
  static constexpr int kOutputWords = 200;

  Word2VecSnapshot model;
  std::vector<float> output;  // words x dim when words <= kOutputWords, else empty
  std::shared_ptr<const std::vector<std::int64_t>> counts;  // corpus count per word
  Architecture architecture = Architecture::SkipGram;
  int window = 0;
  int negative = 0;
  std::int64_t updates = 0;         // predictions made so far, over all epochs
  std::int64_t updatesPerStep = 0;  // the current step size
  int epochs = 0;                   // the schedule's
  double loss = 0.0;                // the "loss" metric: a moving average per prediction
  double similarity = 0.0;          // Spearman on the held-out pairs (NaN: none)
  int similarityPairs = 0;          // pairs whose words are in the vocabulary

  int words() const { return model.words ? static_cast<int>(model.words->size()) : 0; }
  const float* vector(int word) const {
    return model.vectors.data() +
           static_cast<std::size_t>(word) * static_cast<std::size_t>(model.dim);
  }
  std::size_t bytes() const override {
    const auto& u = model.lastUpdate;
    return sizeof(*this) + (model.vectors.size() + output.size()) * sizeof(float) +
           (u.inputBefore.size() + u.inputAfter.size() + u.outputBefore.size() +
            u.outputAfter.size() + u.negativeBefore.size() + u.negativeAfter.size()) *
               sizeof(float) +
           (u.inputs.size() + u.negatives.size()) * sizeof(int);
  }
};

}  // namespace genlab::word2vec
