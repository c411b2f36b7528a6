#include "app/cli/fit_word2vec.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "app/cli/progress_bar.h"
#include "core/models/word2vec/word2vec_format.h"
#include "core/models/word2vec/word2vec_model.h"
#include "core/text/encoded_corpus.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

using word2vec::Architecture;
using word2vec::Word2Vec;
using word2vec::Word2VecConfig;

struct FitWord2VecOptions {
  std::string corpus;
  std::string out;
  bool skipGram = false;
  bool cbow = false;
  Word2VecConfig config;
};

// Single-threaded runs train in chunks of this many corpus words between progress updates.
constexpr std::int64_t kChunkWords = 50000;

void runFitWord2Vec(FitWord2VecOptions options) {
  Word2VecConfig config = options.config;
  if (options.skipGram && options.cbow) throw ConfigError("--sg, --cbow: give one of them");
  config.architecture = options.cbow ? Architecture::Cbow : Architecture::SkipGram;
  config.validate();
  // Checked before training, so a typo does not cost a whole run.
  const auto outDir = std::filesystem::absolute(options.out).parent_path();
  if (!std::filesystem::is_directory(outDir)) {
    throw DataError(options.out + ": cannot write file (no folder " + outDir.string() + ")");
  }

  const auto start = std::chrono::steady_clock::now();
  const text::TokenisedText tokens = text::readTokenisedFile(options.corpus);
  text::Vocabulary vocabulary = text::Vocabulary::build(tokens.tokens, config.minCount);
  if (vocabulary.size() < 2) {
    throw DataError(options.corpus + ": " + std::to_string(vocabulary.size()) +
                    " distinct word(s) occur at least --min-count " +
                    std::to_string(config.minCount) + " times (of " +
                    std::to_string(tokens.tokens.size()) + " words); word2vec needs 2 or more");
  }
  text::EncodedCorpus corpus = text::encode(tokens, vocabulary);
  std::cerr << options.corpus << ": " << tokens.tokens.size() << " words, " << vocabulary.size()
            << " distinct with at least " << config.minCount << " occurrences (" << corpus.words()
            << " words kept), " << corpus.sentences() << " sentences\n";
  Word2Vec model(config, std::move(vocabulary), std::move(corpus));

  const auto trainStart = std::chrono::steady_clock::now();
  ProgressBar bar(model.wordsTotal(), "loss");
  while (!model.finished()) {
    if (config.threads > 1) {
      model.trainEpoch();
    } else {
      model.trainWords(kChunkWords);
    }
    bar.update(model.wordsDone(), model.meanLoss());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - trainStart).count();
  bar.finish(model.wordsDone(), model.meanLoss(), "done");

  const auto& input = model.inputVectors();
  word2vec::writeWord2VecText(options.out, model.vocabulary().words(), config.dim, input);
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << std::fixed << std::setprecision(0) << toString(config.architecture) << ", "
            << config.epochs << (config.epochs == 1 ? " epoch of " : " epochs of ")
            << model.corpus().words() << " words, " << config.threads
            << " thread(s): " << static_cast<double>(model.wordsDone()) / seconds
            << " words/s (training " << std::setprecision(2) << seconds << " s, total " << total
            << " s); last epoch's loss per pair " << std::setprecision(4) << model.meanLoss()
            << "; wrote " << options.out << '\n';
}

}  // namespace

void registerFitWord2Vec(CLI::App& fit) {
  auto options = std::make_shared<FitWord2VecOptions>();
  auto& c = options->config;
  auto* cmd = fit.add_subcommand(
      "word2vec", "Train word2vec (negative sampling) on a UTF-8 text file, one sentence a line");
  cmd->add_option("--corpus", options->corpus, "UTF-8 text file, one sentence per line")
      ->required();
  cmd->add_option("--out", options->out, "Where to write the vectors (word2vec text format)")
      ->required();
  cmd->add_flag("--sg", options->skipGram, "Skip-gram (the default)");
  cmd->add_flag("--cbow", options->cbow, "CBOW (the mean of the window predicts the word)");
  cmd->add_option("--dim", c.dim, "Embedding dimension")->capture_default_str();
  cmd->add_option("--window", c.window, "Largest distance to a context word")
      ->capture_default_str();
  cmd->add_option("--negative", c.negative, "Noise words per prediction")->capture_default_str();
  cmd->add_option("--min-count", c.minCount, "Drop words seen fewer times")->capture_default_str();
  cmd->add_option("--sample", c.sample, "Subsampling threshold (0: off)")->capture_default_str();
  cmd->add_option("--epochs", c.epochs, "Passes over the corpus")->capture_default_str();
  cmd->add_option("--alpha", c.alpha, "Learning rate at the start")->capture_default_str();
  cmd->add_option("--min-alpha", c.minAlpha, "Learning rate at the end")->capture_default_str();
  cmd->add_option("--threads", c.threads, "Threads (> 1: Hogwild, not replayable)")
      ->capture_default_str();
  cmd->add_option("--seed", c.seed, "Seed (one thread: the same seed replays the run)")
      ->capture_default_str();
  cmd->callback([options] { runFitWord2Vec(*options); });
}

}  // namespace genlab::cli
