#pragma once
// The trainers the checkpoint fuzz targets load into, shared with their regression tests
// (tests/unit/fuzz_regressions): a checkpoint must fit its trainer's data (the GMM's "exact"
// state its data's mean, the HMM's model its states and symbols), so both sides build the same.

#include <memory>
#include <nlohmann/json.hpp>

#include "core/models/dbm/dbm_trainer.h"
#include "core/models/gmm/gmm_trainer.h"
#include "core/models/hmm/hmm_trainer.h"
#include "core/models/nb/nb_trainer.h"
#include "core/models/rbm/rbm_trainer.h"
#include "core/models/word2vec/word2vec_trainer.h"
#include "core/text/encoded_corpus.h"
#include "core/text/tokenizer.h"

namespace genlab::fuzz {

// 12 points in 2-D, K = 3, seed 7.
inline std::unique_ptr<gmm::GmmTrainer> makeGmmTrainer() {
  Eigen::MatrixXd data(12, 2);
  for (int i = 0; i < 12; ++i) {
    data(i, 0) = (i % 3) * 4.0 + 0.1 * i;
    data(i, 1) = (i % 2) * 2.0 - 0.05 * i * i;
  }
  gmm::GmmConfig config;
  config.k = 3;
  return std::make_unique<gmm::GmmTrainer>(config, data, /*seed=*/7);
}

// Two discrete sequences over 3 symbols, 2 states, seed 7.
inline std::unique_ptr<hmm::HmmTrainer> makeHmmTrainer() {
  std::vector<hmm::Observations> sequences = {
      hmm::Observations::discrete({0, 1, 1, 2, 0, 0, 1, 2, 2, 1}),
      hmm::Observations::discrete({2, 2, 1, 0})};
  const nlohmann::json settings = {{"states", 2}, {"emission", "discrete"}, {"symbols", 3}};
  return std::make_unique<hmm::HmmTrainer>(settings, std::move(sequences), /*seed=*/7);
}

// `count` 4x3 binary images, a fixed pattern shifted by `offset` (the Boltzmann machines' data).
inline data::ImageSet tinyBinaryImages(int count, int offset) {
  data::ImageSet set;
  set.count = count;
  set.height = 4;
  set.width = 3;
  for (int i = 0; i < count * 12; ++i) set.pixels.push_back(((i * 7 + offset) % 5) < 2 ? 1.F : 0.F);
  return set;
}

// 4x3 binary images, 6 to train on and 3 held out, 5 hidden units (or `config`), seed 7 (a
// checkpoint must match the number of visible and hidden units and of the dreaming chains).
inline rbm::RbmConfig smallRbmConfig() {
  rbm::RbmConfig config;
  config.hidden = 5;
  config.batch = 3;
  config.chains = 2;
  config.evalEvery = 1000;
  config.aisRuns = 4;
  config.aisBetas = 10;
  return config;
}

inline std::unique_ptr<rbm::RbmTrainer> makeRbmTrainer(
    const rbm::RbmConfig& config = smallRbmConfig()) {
  return std::make_unique<rbm::RbmTrainer>(
      config, data::ImageSplit{tinyBinaryImages(6, 0), tinyBinaryImages(3, 1)},
      /*seed=*/7);
}

// The same 4x3 images for a DBM of 5 + 3 hidden units (or `config`), seed 7: one greedy epoch
// per layer, so three steps reach joint training.
inline dbm::DbmConfig smallDbmConfig() {
  dbm::DbmConfig config;
  config.hidden1 = 5;
  config.hidden2 = 3;
  config.pretrainEpochs = 1;
  config.batch = 3;
  config.chains = 2;
  config.evalEvery = 1000;
  config.aisRuns = 4;
  config.aisBetas = 10;
  return config;
}

inline std::unique_ptr<dbm::DbmTrainer> makeDbmTrainer(
    const dbm::DbmConfig& config = smallDbmConfig()) {
  return std::make_unique<dbm::DbmTrainer>(
      config, data::ImageSplit{tinyBinaryImages(6, 0), tinyBinaryImages(3, 1)},
      /*seed=*/7);
}

// 2-D points of 3 classes, 12 to train on and 6 held out, Gaussian, batch 4, seed 7.
inline std::unique_ptr<nb::NbTrainer> makeNbTrainer() {
  nb::NbSnapshot::Data data;
  const auto points = [](int count, double shift) {
    Eigen::MatrixXd x(count, 2);
    for (int i = 0; i < count; ++i) {
      x(i, 0) = (i % 3) * 2.0 + 0.1 * i + shift;
      x(i, 1) = (i % 3) - 0.07 * i * i;
    }
    return x;
  };
  data.train = points(12, 0.0);
  data.test = points(6, 0.05);
  for (int i = 0; i < 12; ++i) data.trainLabels.push_back(i % 3);
  for (int i = 0; i < 6; ++i) data.testLabels.push_back(i % 3);
  data.classNames = {"a", "b", "c"};
  nb::NbSettings settings;
  settings.batch = 4;
  settings.samples = 2;
  return std::make_unique<nb::NbTrainer>(settings, std::move(data), /*seed=*/7);
}

// Skip-gram, 4 dimensions, 5 updates a step (or `settings`), on four short sentences (10
// distinct words), seed 7.
inline word2vec::Word2VecSettings smallWord2VecSettings() {
  word2vec::Word2VecSettings settings;
  settings.config.dim = 4;
  settings.config.minCount = 1;
  settings.config.epochs = 2;
  settings.config.negative = 2;
  settings.updatesPerStep = 5;
  return settings;
}

inline std::unique_ptr<word2vec::Word2VecTrainer> makeWord2VecTrainer(
    const word2vec::Word2VecSettings& settings = smallWord2VecSettings()) {
  const text::TokenisedText tokens = text::tokeniseText(
      "the cat sat on the mat\nthe dog sat on the log\na cat and a dog\nthe mat and the log\n",
      "fuzz corpus");
  text::Vocabulary vocabulary = text::Vocabulary::build(tokens.tokens, 1);
  text::EncodedCorpus corpus = text::encode(tokens, vocabulary);
  return std::make_unique<word2vec::Word2VecTrainer>(settings, std::move(vocabulary),
                                                     std::move(corpus), /*seed=*/7);
}

}  // namespace genlab::fuzz
