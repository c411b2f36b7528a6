#pragma once
// What the PixelCNN's views draw, frozen at one moment (immutable, self-contained). Images are
// 0/1 floats, row-major, image after image (the layout of data::ImageSet and ImageTiles).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/pixelcnn/pixelcnn_config.h"
#include "core/train/trainer.h"

namespace genlab::pixelcnn {

inline constexpr int kGridSide = 4;  // a 4 x 4 grid of samples
inline constexpr int kGridCount = kGridSide * kGridSide;

// The sample grid, drawn pixel by pixel from the same uniforms all run long (so it changes only
// as the model does); redrawn at every held-out evaluation and shared until the next.
struct PixelCnnPictures {
  std::int64_t step = 0;
  std::vector<float> samples;  // kGridCount images
};

struct PixelCnnSnapshot final : train::Snapshot {
  PixelCnnConfig settings;
  int height = 0;
  int width = 0;
  int trainCount = 0;
  int testCount = 0;        // held-out images the test NLL averages over
  double nll = 0.0;         // training batch, nats per image
  double bitsPerDim = 0.0;  // the same in bits per pixel
  double testNll = 0.0;     // held-out, nats per image (exact); 0 until `pictures` is set
  double testBitsPerDim = 0.0;
  std::int64_t evaluatedAt = 0;  // the step of the last held-out evaluation
  // Null until the first evaluation (PixelCnnTrainer::prepare, or step 1).
  std::shared_ptr<const PixelCnnPictures> pictures;
  std::shared_ptr<const std::vector<float>> probe;  // the held-out image the receptive field uses
  std::vector<std::string> messages;

  std::size_t bytes() const override {
    std::size_t total = sizeof(PixelCnnSnapshot);
    if (pictures) total += sizeof(PixelCnnPictures) + pictures->samples.size() * sizeof(float);
    return total;
  }
};

// A pixel's receptive field as two networks compute it: |d logit(row, col) / d x| over the
// image, for the trainer's network and for an untrained twin of the other architecture of the
// same depth (plain beside gated, so the blind spot shows).
struct ReceptiveField {
  int row = 0;
  int col = 0;
  int height = 0;
  int width = 0;
  std::vector<float> own;    // height * width
  std::vector<float> other;  // height * width
  Architecture ownArchitecture = Architecture::kGated;
  Architecture otherArchitecture = Architecture::kPlain;
  // The reach at this depth: in each row, the span of columns from the leftmost to the
  // rightmost earlier pixel that either network sees (reachLeft > reachRight: none). A shallow
  // stack on a large image sees only part of the past; an earlier pixel outside the spans is
  // beyond the reach of this depth, not blind.
  std::vector<int> reachLeft;   // height
  std::vector<int> reachRight;  // height
  // Earlier pixels (raster order) inside the reach with exactly zero gradient: the blind spot.
  int ownBlind = 0;
  int otherBlind = 0;
  bool inReach(int index) const {
    const auto r = static_cast<std::size_t>(index / width);
    const int c = index % width;
    return r < reachLeft.size() && c >= reachLeft[r] && c <= reachRight[r];
  }
  // True when some earlier pixel is beyond the reach (the view then names that colour).
  bool pastBeyondReach() const {
    for (int k = 0; k < row * width + col; ++k)
      if (!inReach(k)) return true;
    return false;
  }
};

// One frame of the pixel-by-pixel sampling animation (one image).
struct SamplingFrame {
  int height = 0;
  int width = 0;
  std::vector<float> canvas;         // pixels drawn so far, 0 elsewhere
  std::vector<float> probabilities;  // p(x = 1 | past) of each drawn pixel, -1 where not drawn
  int lastPixel = -1;                // raster index of the pixel just drawn (-1: none yet)
  float lastProbability = 0.0f;      // its p(x = 1 | past)
  float lastUniform = 0.0f;          // the uniform it was compared with (1 when u < p)
  bool finished = false;
};

}  // namespace genlab::pixelcnn
