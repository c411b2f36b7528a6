#pragma once
// word2vec's settings. Defaults are gensim 4's (Word2Vec(...)), except the architecture:
// skip-gram, the one the text lessons start with (gensim defaults to CBOW).

#include <cstdint>
#include <string>

namespace genlab::word2vec {

enum class Architecture { SkipGram, Cbow };

struct Word2VecConfig {
  Architecture architecture = Architecture::SkipGram;
  int dim = 100;              // embedding dimension D
  int window = 5;             // largest distance to a context word; each position draws 1..window
  int negative = 5;           // noise words k per positive pair
  std::int64_t minCount = 5;  // words seen fewer times are dropped before training
  double sample = 1e-3;       // subsampling threshold t (0: off), see core/text/subsampling.h
  int epochs = 5;             // passes over the corpus
  double alpha = 0.025;       // learning rate at the start, falling linearly ...
  double minAlpha = 0.0001;   // ... to this at the end of the last epoch
  int threads = 1;            // > 1: Hogwild (lock-free, not bit-replayable)
  std::uint64_t seed = 1;

  static constexpr int kMaxDim = 10000;
  static constexpr int kMaxWindow = 1000;
  static constexpr int kMaxNegative = 100;
  static constexpr int kMaxEpochs = 100000;
  static constexpr int kMaxThreads = 256;

  // Throws ConfigError naming the setting as the command line spells it, e.g.
  // "--dim: 0 is out of range [1, 10000]".
  void validate() const;
};

const char* toString(Architecture architecture);

}  // namespace genlab::word2vec
