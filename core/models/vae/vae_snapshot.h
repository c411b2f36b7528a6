#pragma once
// What the VAE views draw, frozen at one moment: immutable once published and self-contained
// (no torch types, no pointers into the trainer). The heavy parts (held-out encodings,
// reconstructions, the traversal grid) are rebuilt only every so often and shared between
// snapshots by shared_ptr; the light ones (step counters, the last batch's losses) are copied
// every time.
//
// Images everywhere are float in [0, 1], height x width, row-major, image after image (the
// layout ImageTiles takes).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/data/image_set.h"
#include "core/models/vae/vae_config.h"
#include "core/train/trainer.h"

namespace genlab::vae {

// The held-out images the views show, chosen once per trainer (labels and factors included).
using HeldOut = data::ImageSet;

// Encodings of the held-out subset by the network of one moment.
struct Encoding {
  std::int64_t step = 0;
  int count = 0;
  int latent = 0;
  std::vector<float> means;            // count x latent, posterior means
  std::vector<float> reconstructions;  // count x pixels, decoded from the means
  std::vector<double> klPerDim;        // latent: mean over the subset of KL(q(z_d|x) || N(0,1))
  std::vector<double> meanVariance;    // latent: Var_x(E[z_d|x])
  std::vector<int> dimsByKl;           // latent dims, largest KL first
  std::vector<bool> active;            // latent: mean KL above 0.1 nats (the code uses it)
};

// Decoded images along each latent dimension around one base image.
struct Traversal {
  int baseIndex = -1;           // index into the held-out subset
  std::vector<int> rows;        // latent dimension of each row (sorted by KL)
  std::vector<bool> rowActive;  // per row
  std::vector<double> values;   // the columns: z_d from -3 to +3
  std::vector<float> images;    // rows x columns x pixels
};

struct VaeSnapshot final : train::Snapshot {
  VaeConfig config;  // as in force (beta, warm-up, architecture...)
  double effectiveBeta = 1.0;
  int height = 0;
  int width = 0;
  std::int64_t epoch = 0;       // passes over the training set begun
  std::int64_t trainCount = 0;  // training images

  // The last training step's terms, per image, nats.
  double reconstruction = 0.0;
  double kl = 0.0;
  double elbo = 0.0;

  // The last held-out evaluation (evaluated == false before the first).
  bool evaluated = false;
  std::int64_t evaluatedAt = 0;
  double testElbo = 0.0;
  double mutualInformation = 0.0;  // index-code MI
  double totalCorrelation = 0.0;
  double dimensionWiseKl = 0.0;
  double mig = 0.0;  // 0 when the data has no known factors
  bool hasMig = false;

  std::shared_ptr<const HeldOut> heldOut;
  std::shared_ptr<const Encoding> encoding;
  std::shared_ptr<const Traversal> traversal;
  // A few held-out images and their reconstructions: pairs[2k] original, pairs[2k+1] decoded.
  std::shared_ptr<const std::vector<float>> reconstructionPairs;
  int pairCount = 0;

  std::vector<std::string> messages;

  // The encodings, traversal and reconstructions of this moment (shared with the snapshots
  // taken before the next evaluation, counted in each: an overestimate), not the held-out set.
  std::size_t bytes() const override {
    std::size_t total = sizeof(VaeSnapshot);
    if (encoding)
      total += (encoding->means.size() + encoding->reconstructions.size()) * sizeof(float);
    if (traversal) total += traversal->images.size() * sizeof(float);
    if (reconstructionPairs) total += reconstructionPairs->size() * sizeof(float);
    return total;
  }
};

}  // namespace genlab::vae
