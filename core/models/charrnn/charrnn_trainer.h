#pragma once
// A character-level RNN, LSTM or GRU as a training-session Trainer (core/train/trainer.h).
//
// The network: one-hot characters -> 1 to 3 layers of torch::nn::RNN (tanh), LSTM or GRU ->
// a linear layer to the logits of the next character. Dropout (settings.dropout) on the output
// of every layer, drawn from the trainer's own generator so a run replays.
//
// One step() is one truncated-BPTT minibatch: the training text is cut into `batch` equal
// streams read side by side, `bptt` characters at a time; the hidden state is carried from one
// window to the next and detached between them (gradients stop at the window's start), and set
// to zero when the streams wrap around to their start (a new epoch).
//
// Metrics of every step, in bits per character (metricNames() order):
//   train_bits      cross-entropy of the step's batch
//   held_out_bits   the latest held-out evaluation (steps 1, 2, 4, ..., 64 below eval_every,
//                   then every eval_every)
//   unigram_bits    the add-one unigram and bigram baselines of the held-out text
//   bigram_bits     (char_corpus.h), constant over the run
//   grad_norm       the gradients' total norm before clipping
// Torch stays behind the pimpl: this header is cheap to include.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "core/models/charrnn/char_corpus.h"
#include "core/models/charrnn/charrnn_config.h"
#include "core/models/charrnn/charrnn_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::charrnn {

struct SampleRequest {
  std::string prime;         // UTF-8 text fed first (printed too); empty: a line start
  int length = 200;          // characters generated after the prime
  double temperature = 1.0;  // 0: argmax at every character
  std::uint64_t seed = 0;
};

class CharRnnTrainer final : public train::Trainer {
 public:
  static constexpr int kHeldOutMax = 20000;  // held-out characters evaluated on
  static constexpr int kSampleChars = 240;   // characters a snapshot's sample keeps
  static constexpr int kPassage = 160;       // characters of the state map
  static constexpr int kReach = 100;         // characters of the connectivity view

  // Throws ConfigError when batch streams do not fit the text.
  CharRnnTrainer(const CharRnnConfig& config, CharCorpus corpus, std::uint64_t seed);
  ~CharRnnTrainer() override;

  std::string modelName() const override { return "charrnn"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override;
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override;
  // The whole training state: network, Adam's moments, the dropout generator, the stream
  // position and the carried hidden state, counters, the last evaluation, the settings, and the
  // alphabet and text lengths (a checkpoint of another text is refused).
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".pt"; }
  std::int64_t stepsDone() const override;

  const CharCorpus& corpus() const;

  // Text from the current network: the prime, then `length` generated characters. Throws
  // ConfigError naming the first prime character that is not in the alphabet.
  std::string sample(const SampleRequest& request);

  // Evaluates on the held-out text now; bits per character.
  double evaluateHeldOut();

  // --- For tests ---------------------------------------------------------------------------
  // How the network is run: the character ids through the first layer's gathered input
  // projection (training and evaluation), the same one character per call with the state
  // carried (sampling), or one-hot vectors through torch::nn::LSTM / GRU / RNN themselves.
  enum class ForwardPath { kSequence, kOneAtATime, kTorchModules };
  // The logits (characters x alphabet, row-major) the network gives after each character of
  // `text` from a zero state.
  std::vector<float> logitsOf(const std::string& text, ForwardPath path);
  // The gradient of the mean cross-entropy of text[1..] given text[..n-1] (from a zero state,
  // no dropout) with respect to every parameter, in parameters() order; leaves no gradient
  // behind. kOneAtATime is taken as kSequence.
  std::vector<std::pair<std::string, std::vector<float>>> gradientsOf(const std::string& text,
                                                                      ForwardPath path);
  // Every parameter by torch's name ("layer0.weight_ih_l0", "head.weight"), flattened.
  std::vector<std::pair<std::string, std::vector<float>>> parameters() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace genlab::charrnn
