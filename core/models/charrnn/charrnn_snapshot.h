#pragma once
// What the char-RNN views draw, frozen at one moment: immutable once published, no torch types.
// The alphabet is shared by every snapshot of a trainer; the state map and connectivity are
// rebuilt every so often and shared between the snapshots in between.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/charrnn/charrnn_config.h"
#include "core/train/trainer.h"

namespace genlab::charrnn {

// One generated character and the model's five likeliest guesses for its position (the
// distribution it was drawn from, at temperature 1), likeliest first.
struct GeneratedChar {
  int id = 0;
  float probability = 0.0f;  // of `id` under that distribution
  std::array<int, 5> top{};
  std::array<float, 5> topProbability{};
};

// The last layer's state over a passage: the LSTM's cell state, the GRU's or RNN's hidden state.
struct StateMap {
  std::vector<int> passage;  // character ids, columns
  int units = 0;             // rows
  std::vector<int>
      unitOrder;  // row r shows unit unitOrder[r]: largest variance over the passage first
  std::vector<float> values;  // units x passage, row-major, rows already in unitOrder
  bool cellState = false;     // true for the LSTM's c
};

// How far back one prediction looks: the gradient of the log-probability the model gives the
// character after passage.back() with respect to each earlier input character (the norm of the
// gradient with respect to its one-hot vector), from a zero state at passage[0].
struct Connectivity {
  std::vector<int> passage;        // inputs; the target is the character that follows them
  int target = 0;                  // id of the predicted character
  std::vector<float> sensitivity;  // one per passage position
};

struct CharRnnSnapshot final : train::Snapshot {
  CharRnnConfig config;
  std::shared_ptr<const std::vector<std::string>> glyphs;  // id -> UTF-8 text
  std::int64_t epoch = 0;  // passes over the training streams completed
  std::int64_t trainChars = 0;
  std::int64_t heldOutChars = 0;  // the held-out characters evaluated on

  double trainBits = 0.0;  // bits per character of the last training batch
  bool evaluated = false;
  std::int64_t evaluatedAt = 0;
  double heldOutBits = 0.0;  // the last held-out evaluation
  double unigramBits = 0.0;  // baselines on the same held-out text (char_corpus.h)
  double bigramBits = 0.0;

  // The streamed sample: the latest characters generated (oldest first) at config.temperature;
  // `generated` counts every character generated so far, so a view can tell the new ones.
  std::vector<GeneratedChar> sample;
  std::int64_t generated = 0;

  std::shared_ptr<const StateMap> states;
  std::shared_ptr<const Connectivity> connectivity;

  std::size_t bytes() const override {
    std::size_t total = sizeof(CharRnnSnapshot) + sample.size() * sizeof(GeneratedChar);
    if (states)
      total += sizeof(StateMap) + states->values.size() * sizeof(float) +
               (states->passage.size() + states->unitOrder.size()) * sizeof(int);
    if (connectivity)
      total += sizeof(Connectivity) + connectivity->passage.size() * (sizeof(int) + sizeof(float));
    return total;
  }
};

}  // namespace genlab::charrnn
