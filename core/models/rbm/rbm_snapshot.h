#pragma once
// What the RBM views draw, frozen at one moment: immutable once published, self-contained.
// Images are float in [0, 1], height x width row-major, image after image (ImageTiles' layout).

#include <cstdint>
#include <memory>
#include <vector>

#include "core/models/rbm/rbm_config.h"
#include "core/train/trainer.h"

namespace genlab::rbm {

struct RbmEvaluation {
  bool evaluated = false;  // false before the first evaluation
  std::int64_t step = 0;   // when it was taken
  double logPartition = 0.0;
  bool exact = true;
  double standardError = 0.0;     // AIS's, of log Z (and so of every log-likelihood)
  double logLikelihood = 0.0;     // mean over the held-out images (or the training set)
  double pseudoLikelihood = 0.0;  // the same images, exact over every pixel
};

// Not final: the DBM's snapshot extends it, so the RBM views draw a DBM's first layer too.
struct RbmSnapshot : train::Snapshot {
  RbmConfig config;
  int height = 0;
  int width = 0;
  int visible = 0;
  int hidden = 0;
  std::int64_t epoch = 0;

  // Filters: hidden x (height * width), filter j = column j of W (row-major per image).
  std::vector<float> filters;
  float filterScale = 1.0F;  // max |W|, for a symmetric colour scale
  // The dreaming chains: p(v | h) after their last sweep, chains x pixels.
  std::vector<float> dreams;
  int dreamCount = 0;
  // A few held-out images and their mean-field reconstructions p(v | h = p(h | image)):
  // pairs[2k] the image, pairs[2k + 1] its reconstruction.
  std::vector<float> reconstructionPairs;
  int pairCount = 0;
  // p(h_j = 1 | image) of each shown held-out image: pairCount x hidden, row-major.
  std::vector<float> shownHidden;

  double freeEnergyData = 0.0;       // mean F over the held-out images
  double freeEnergyChains = 0.0;     // mean F over the dreaming chains' samples
  double reconstructionError = 0.0;  // the last minibatch's, mean squared per pixel
  RbmEvaluation evaluation;

  std::size_t bytes() const override {
    return sizeof(RbmSnapshot) +
           (filters.size() + dreams.size() + reconstructionPairs.size() + shownHidden.size()) *
               sizeof(float);
  }
};

}  // namespace genlab::rbm
