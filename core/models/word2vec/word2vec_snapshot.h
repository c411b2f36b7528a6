#pragma once
// What a word2vec view reads: immutable copies taken between training chunks, so the trainer
// keeps going while a view draws.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace genlab::word2vec {

// One negative-sampling update, as the lesson shows it: the input vector h (the context word's
// in skip-gram, the mean of the window's in CBOW) is pulled towards the target's output vector
// and pushed away from k noise words'. sigma(u . h) before and after the update, per output word.
struct PairUpdate {
  std::vector<int> inputs;  // skip-gram: the one context word; CBOW: the window's words
  int target = -1;          // the centre word, predicted
  // The noise words drawn, in order. A draw equal to the target is skipped (C tool, gensim), so
  // this may hold fewer than k words.
  std::vector<int> negatives;
  std::int64_t prediction = 0;  // which prediction of the stream it was (1-based; 0: trainPair)
  float alpha = 0.0f;           // the learning rate of this update
  float positiveBefore = 0.0f;  // sigma(u_target . h) before the update
  float positiveAfter = 0.0f;   // ... and after (h and u_target both moved)
  std::vector<float> negativeBefore;  // sigma(u_n . h) per negative, before ...
  std::vector<float> negativeAfter;   // ... and after
  float loss = 0.0f;                  // -log sigma(u_t . h) - sum log sigma(-u_n . h), before
  // The vectors, dim floats each, so a view can draw how the update moved them: h before and
  // after; the output vectors of the target then each negative, in order, each as it was just
  // before its own change (a noise word drawn twice shows the first change in its second
  // "before") and as it is at the end of the update.
  std::vector<float> inputBefore, inputAfter;
  std::vector<float> outputBefore, outputAfter;  // (1 + negatives.size()) x dim
};

struct Word2VecSnapshot {
  std::shared_ptr<const std::vector<std::string>> words;  // the vocabulary, row order
  int dim = 0;
  std::vector<float> vectors;   // words->size() x dim, row-major: the input (word) vectors
  PairUpdate lastUpdate;        // the most recent recorded update (inputs empty: none yet)
  int epoch = 0;                // epochs finished
  std::int64_t wordsDone = 0;   // corpus words trained, over all epochs
  std::int64_t wordsTotal = 0;  // epochs x corpus words
  double alpha = 0.0;           // the current learning rate
  double meanLoss = 0.0;        // per positive pair, over the epoch so far (or the last one)
};

}  // namespace genlab::word2vec
